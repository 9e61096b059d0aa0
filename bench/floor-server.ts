/**
 * The floor for `POST /api/reviews`: a bare node:http server doing the same work as the route after the
 * session check (parse the JSON body, validate it with the route's zod schema, `submitReview` through the
 * same Prisma client, driver and database), with the user named by a header instead of a session
 * cookie. The app's time over this server's is what Next.js, the session and the route add.
 *
 * Started by `startFloor` (bench/server.ts) as `tsx bench/floor-server.ts` with DATABASE_URL and PORT set.
 */
import http from "node:http";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { submitReview } from "@/lib/practice/reviews";
import { reviewSchema } from "@/lib/validation/practice";
import { FLOOR_USER_HEADER } from "./server";

function send(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
  if (request.method !== "POST" || request.url !== "/review") return send(response, 404, { error: "not_found" });
  const userId = request.headers[FLOOR_USER_HEADER];
  if (typeof userId !== "string") return send(response, 401, { error: "unauthenticated" });
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return send(response, 400, { error: "invalid_json" });
  }
  const parsed = reviewSchema.safeParse(body);
  if (!parsed.success) return send(response, 400, { error: "invalid_request", issues: parsed.error.issues });
  try {
    send(response, 200, await submitReview(getDb(), userId, parsed.data, new Date()));
  } catch (error) {
    if (error instanceof NotFoundError) return send(response, 404, { error: "not_found" });
    console.error(error);
    send(response, 500, { error: "internal" });
  }
}

// A load generator closes its connections at the end of a window, mid-request: that request is dropped, not the server.
const server = http.createServer((request, response) => void handle(request, response).catch(() => response.destroy()));

server.listen(Number(process.env.PORT), "127.0.0.1");
