/**
 * The app's HTTP server, in this process: Next.js through its programmatic request handler, with the hot
 * API routes (app/api/_shared/hot-routes.ts: review submit and undo, the queue, a quiz answer) handed
 * first to their own route modules. Measured per request, Next.js's pipeline around a route handler
 * (routing, its request and response wrapping, the config's header matching) cost more CPU than the
 * route's own work (docs/performance.md); the route modules, and so the session check with revocation,
 * the zod schemas, the error statuses and bodies, are the same ones Next.js runs. One process, one
 * deployment: everything else is Next.js's, as with `next start`.
 *
 * `npm start` (scripts/start.ts) serves through here; `tsx scripts/serve.ts -p <port> [-H <host>]`
 * serves an existing build as `next start` would (the bench does). HOT_ROUTES=off sends every request through Next.js: the
 * e2e test comparing both, and the bench's measure of the pipeline, use it. `next dev` never takes the
 * hot path, so that editing a route is picked up.
 */
import http from "node:http";
import { pathToFileURL } from "node:url";

export type ServeOptions = { dev: boolean; port: number; hostname?: string; dir?: string; hotRoutes?: boolean };

/** Starts serving; resolves once listening. */
export async function serve({ dev, port, hostname, dir = process.cwd(), hotRoutes = process.env.HOT_ROUTES !== "off" }: ServeOptions): Promise<http.Server> {
  // Before Next.js and React load: they pick their production or development build by it, as `next start` does.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev, dir, port, hostname });
  await app.prepare();
  const handleWithNext = app.getRequestHandler();
  const answerHot = hotRoutes && !dev ? await hotRouteAnswerer() : null;
  // Counted for the background jobs, which stop computing while a request is served (lib/jobs/yield-to-requests.ts).
  const { requestStarted, requestEnded } = await import("@/lib/jobs/yield-to-requests");
  const server = http.createServer((request, response) => {
    requestStarted();
    response.once("close", requestEnded);
    if (answerHot?.(request, response)) return;
    void handleWithNext(request, response);
  });
  keepIdleConnectionsOpen(server);
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  return server;
}

/**
 * How long an idle keep-alive connection stays open. Node's default, 5 s, is shorter than the idle timeout of
 * a reverse proxy or load balancer (commonly 60 s) and of clients that pool connections: one of them sends its
 * next request on a connection just as the server closes it, and the request fails (ECONNRESET, or a 502 from
 * the proxy). Longer than the proxy's, the proxy closes first, between requests. An e2e run failed so, on a
 * request sent after about 5 s idle.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function keepIdleConnectionsOpen(server: http.Server) {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node asks headersTimeout to exceed keepAliveTimeout, or a slow next request on the connection is cut.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

/** Answers a request on a hot route and returns true, or returns false for Next.js to answer it. */
async function hotRouteAnswerer() {
  const { NextRequest } = await import("next/server");
  const { parseCookie } = await import("next/dist/compiled/@edge-runtime/cookies");
  const { hotRouteOf } = await import("@/app/api/_shared/hot-routes");
  const { MAX_BODY_BYTES } = await import("@/app/api/_shared/handler");
  const { API_HEADERS, SECURITY_HEADERS } = await import("@/lib/http/security-headers.js");
  const { PEER_ADDRESS_HEADER } = await import("@/lib/rate-limit/client-ip");
  const fixedHeaders = [...SECURITY_HEADERS, ...API_HEADERS];

  async function answer(route: NonNullable<ReturnType<typeof hotRouteOf>>, request: http.IncomingMessage, response: http.ServerResponse) {
    // Read to one byte past the limit at most: the route's own reader then refuses it (413), as in Next.js.
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await readUpTo(request, MAX_BODY_BYTES + 1);
    const url = `http://${request.headers.host ?? "localhost"}${request.url}`;
    // As instrumentation-node.ts's recordPeerAddresses does for Next.js: the socket's address, over any the client sent.
    const peerAddress = request.socket.remoteAddress ?? "";
    const header = (name: string): string | null => {
      const lower = name.toLowerCase();
      if (lower === PEER_ADDRESS_HEADER) return peerAddress;
      const value = request.headers[lower];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    };
    let web: Request | undefined;
    const reply = await route.handler.answer(
      {
        url,
        header,
        cookies: parseCookie(header("cookie") ?? ""),
        // As handler.ts's readBody reads a web Request: past the limit, declared or sent, is refused (413).
        bytes: async (maxBytes) => {
          if (Number(header("content-length") ?? "0") > maxBytes || body?.truncated || (body?.bytes.byteLength ?? 0) > maxBytes) return null;
          return body?.bytes ?? new Uint8Array();
        },
        // For a handler that asks for the web Request (none of the hot routes does).
        web: () => {
          if (!web) {
            const headers = new Headers();
            for (const name of Object.keys(request.headers)) headers.set(name, header(name)!);
            headers.set(PEER_ADDRESS_HEADER, peerAddress);
            web = new NextRequest(url, { method: request.method, headers, body: body?.bytes as BodyInit | undefined });
          }
          return web;
        },
      },
      route.params,
    );
    const payload = Buffer.from(reply.body);
    response.statusCode = reply.status;
    for (const { key, value } of fixedHeaders) response.setHeader(key, value);
    for (const [name, value] of Object.entries(reply.headers)) response.setHeader(name, value);
    response.setHeader("content-length", payload.byteLength);
    // The rest of a body past the limit is never read: the connection goes with it.
    if (body?.truncated) response.setHeader("connection", "close");
    response.end(payload);
  }

  return (request: http.IncomingMessage, response: http.ServerResponse): boolean => {
    const route = hotRouteOf(request.method, request.url);
    if (!route) return false;
    answer(route, request, response).catch((error: unknown) => {
      // A client gone mid-request; anything else is the route's to answer, so this is a fault here.
      if (!response.headersSent && !request.destroyed) {
        console.error(error);
        response.statusCode = 500;
        response.end();
      } else response.destroy();
    });
    return true;
  };
}

/** The body, up to maxBytes; past that, reading stops (the stream is paused, not destroyed: the reply still goes out). */
function readUpTo(request: http.IncomingMessage, maxBytes: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (truncated: boolean) => {
      request.off("data", onData).off("end", onEnd).off("error", reject);
      const all = Buffer.concat(chunks);
      resolve({ bytes: new Uint8Array(all.buffer, all.byteOffset, Math.min(all.byteLength, maxBytes)), truncated });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= maxBytes) {
        request.pause();
        done(true);
      }
    };
    const onEnd = () => done(false);
    request.on("data", onData).on("end", onEnd).on("error", reject);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const option = (flag: string) => {
    const index = process.argv.indexOf(flag);
    return index === -1 ? undefined : process.argv[index + 1];
  };
  const port = Number(option("-p") ?? process.env.PORT ?? 3000);
  serve({ dev: false, port, hostname: option("-H") }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
