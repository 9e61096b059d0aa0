import { parseCookie } from "next/dist/compiled/@edge-runtime/cookies";
import { z } from "zod";
import { roleOf } from "@/lib/auth/roles";
import { getRequestUserId } from "@/lib/auth/request-session";
import { getDb } from "@/lib/db/client";
import { ConflictError, InvalidContentError, NotFoundError, RejectedFieldError, TooManyAttemptsError } from "@/lib/errors";
import { clientIp, PEER_ADDRESS_HEADER, trustedProxiesFrom } from "@/lib/rate-limit/client-ip";

/** Bodies above this are refused before parsing: no API request needs more. */
export const MAX_BODY_BYTES = 64 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Parsed<B, P, Q> = { body: B; params: P; query: Q; request: Request; clientIp: string };

/**
 * A request as the route wrappers read it: Next.js's web Request (routeRequestOf), or Node's own request
 * for the hot routes scripts/serve.ts answers before Next.js, without a web Request, its body stream or a
 * Response (a fifth of a review submit's CPU, docs/performance.md). The reading, checks and replies are
 * the same code either way.
 */
export type RouteRequest = {
  /** The absolute URL. */
  url: string;
  header(name: string): string | null;
  /** The cookies, parsed as Next.js parses them (next-auth reads the session token from them). */
  cookies: Map<string, string>;
  /** The body; past maxBytes (declared or sent), null or the 413 thrown (readBody's, for a web Request). */
  bytes(maxBytes: number): Promise<Uint8Array | null>;
  /** The web Request, for a handler that asks for it; made on first use. */
  web(): Request;
};

/** A route's answer before it is written: the status, its headers and the JSON body's text. */
export type RouteReply = { status: number; headers: Record<string, string>; body: string };

/** A route's answer to a request, with its path's parameters. */
export type RouteAnswerer = (request: RouteRequest, params: Record<string, string | string[]>) => Promise<RouteReply>;

/** A route handler as Next.js calls it, with its answer to a RouteRequest for scripts/serve.ts. */
export type Route = ((request: Request, context: RouteContext) => Promise<Response>) & { answer: RouteAnswerer };

/** A web Request as the route wrappers read it. */
function routeRequestOf(request: Request): RouteRequest {
  return {
    url: request.url,
    header: (name) => request.headers.get(name),
    cookies: parseCookie(request.headers.get("cookie") ?? ""),
    bytes: (maxBytes) => readBody(request, maxBytes),
    web: () => request,
  };
}

/** A route for Next.js, with the same answer for scripts/serve.ts. */
function route(answer: RouteAnswerer): Route {
  const handle = async (request: Request, context: RouteContext): Promise<Response> => {
    const reply = await answer(routeRequestOf(request), (await context?.params) ?? {});
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  };
  return Object.assign(handle, { answer });
}

type Options<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType> = {
  body?: B;
  params?: P;
  query?: Q;
  /** A larger body limit than MAX_BODY_BYTES, for the one route that takes batches (review sync). */
  maxBodyBytes?: number;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly payload: Record<string, unknown>,
  ) {
    super(String(payload.error));
  }
}

export function created(data: unknown): Response {
  return Response.json(data, { status: 201 });
}

/** 202 for a background job started or already running (lib/jobs): the body is the job, its Location the URL to poll. */
export function accepted(job: { id: string }): Response {
  return Response.json(job, { status: 202, headers: { Location: `/api/jobs/${job.id}` } });
}

/**
 * Wraps a route handler for a signed-in user: checks the session (401), parses body, route params and
 * query with zod (400 with the issues), and maps domain errors to their status codes. The handler
 * returns plain data (200) or a Response.
 */
export function userRoute<B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  options: Options<B, P, Q>,
  handler: (userId: string, input: Parsed<z.infer<B>, z.infer<P>, z.infer<Q>>) => Promise<unknown>,
) {
  return route((request, params) => reply(async () => handler(await signedInUserId(request), await parseInput(request, params, options))));
}

/** The session's user id, or a 401 before anything else is read. */
async function signedInUserId(request: RouteRequest): Promise<string> {
  const userId = await getRequestUserId({ cookies: request.cookies, headers: { authorization: request.header("authorization") ?? undefined } });
  if (!userId) throw new HttpError(401, { error: "unauthenticated", message: "Sign in first." });
  return userId;
}

/**
 * Like userRoute, for editors only: 401 for a visitor, 403 for a learner, both before any input is
 * parsed. The role is read from the database on every request (lib/auth/roles), not trusted from the
 * 30-day session token, so that taking the role away takes effect at once.
 */
export function editorRoute<B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  options: Options<B, P, Q>,
  handler: (editorId: string, input: Parsed<z.infer<B>, z.infer<P>, z.infer<Q>>) => Promise<unknown>,
) {
  return route((request, params) =>
    reply(async () => {
      const userId = await signedInUserId(request);
      if ((await roleOf(getDb(), userId)) !== "editor") throw new HttpError(403, { error: "forbidden", message: "Only editors may do this." });
      return handler(userId, await parseInput(request, params, options));
    }),
  );
}

/** Like userRoute, for the few routes open to signed-out visitors (sign-up). */
export function publicRoute<B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  options: Options<B, P, Q>,
  handler: (input: Parsed<z.infer<B>, z.infer<P>, z.infer<Q>>) => Promise<unknown>,
) {
  return route((request, params) => reply(async () => handler(await parseInput(request, params, options))));
}

async function parseInput<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType>(
  request: RouteRequest,
  routeParams: Record<string, string | string[]>,
  options: Options<B, P, Q>,
): Promise<Parsed<z.infer<B>, z.infer<P>, z.infer<Q>>> {
  const params = options.params ? validate(options.params, routeParams, "params") : undefined;
  const query = options.query
    ? validate(options.query, Object.fromEntries(new URL(request.url).searchParams), "query")
    : undefined;
  const body = options.body ? validate(options.body, await readJson(request, options.maxBodyBytes), "body") : undefined;
  const clientIp = clientIpOf(request);
  return {
    body,
    params,
    query,
    get request() {
      return request.web();
    },
    clientIp,
  } as Parsed<z.infer<B>, z.infer<P>, z.infer<Q>>;
}

const utf8 = new TextDecoder();

async function readJson(request: RouteRequest, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const bytes = await request.bytes(maxBytes);
  if (!bytes) throw tooLarge(maxBytes);
  const text = utf8.decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, { error: "invalid_json", message: "The request body is not valid JSON." });
  }
}

/**
 * The request's body, read as it arrives and given up at MAX_BODY_BYTES (413) whether or not it declared
 * a Content-Length: a chunked body is never read past the limit, and the 413 goes out at once.
 */
export async function readBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The client's address: the connection's, or X-Forwarded-For's when the connection is a trusted proxy's. */
export function requestClientIp(request: Request): string {
  return clientIpOf(routeRequestOf(request));
}

function clientIpOf(request: Pick<RouteRequest, "header">): string {
  const peer = request.header(PEER_ADDRESS_HEADER) ?? undefined;
  return clientIp(peer, request.header("x-forwarded-for") ?? undefined, trustedProxiesFrom(process.env));
}

function tooLarge(maxBytes: number) {
  return new HttpError(413, { error: "body_too_large", message: `Request bodies are limited to ${maxBytes} bytes.` });
}

function validate<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpError(400, {
    error: "invalid_request",
    message: `Invalid ${where}.`,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code, message: issue.message })),
  });
}

/** Runs a handler, turning thrown errors into their responses (for routes not built with userRoute). */
export async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    return result instanceof Response ? result : Response.json(result ?? null);
  } catch (error) {
    return errorResponse(error);
  }
}

/** As respond, as a RouteReply: a handler's data as JSON (a Response it returns is read out), or its error's. */
async function reply(run: () => Promise<unknown>): Promise<RouteReply> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, headers: Object.fromEntries(result.headers), body: await result.text() };
    return json(result ?? null);
  } catch (error) {
    return errorReply(error);
  }
}

/** A JSON reply, as Response.json makes it. */
function json(data: unknown, status = 200, headers: Record<string, string> = {}): RouteReply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(data) };
}

export function errorResponse(error: unknown, extra: Record<string, unknown> = {}): Response {
  const { status, headers, body } = errorReply(error, extra);
  return new Response(body, { status, headers });
}

function errorReply(error: unknown, extra: Record<string, unknown> = {}): RouteReply {
  if (error instanceof HttpError) return json(error.payload, error.status);
  if (error instanceof NotFoundError) return json({ error: "not_found", message: error.message }, 404);
  if (error instanceof ConflictError) return json({ error: error.code, message: error.message, ...error.details }, 409);
  if (error instanceof RejectedFieldError) {
    return json({ error: "invalid_request", message: error.message, issues: [{ path: [error.field], code: "custom", message: error.message }] }, 400);
  }
  if (error instanceof InvalidContentError) {
    return json(
      {
        error: "invalid_content",
        message: error.message,
        issues: error.problems.map((problem) => ({ path: problem.field.split("."), code: "custom", message: problem.message })),
      },
      400,
    );
  }
  if (error instanceof TooManyAttemptsError) {
    return json({ error: "too_many_attempts", message: error.message, ...extra }, 429, { "Retry-After": String(error.retryAfterSeconds) });
  }
  console.error(error);
  return json({ error: "internal", message: "Something went wrong on our side." }, 500);
}
