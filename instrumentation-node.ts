import http from "node:http";
import { getDb } from "@/lib/db/client";
import { checkServerEnv } from "@/lib/env";
import { appFitter } from "@/lib/memory-model/workers";
import { startRefitSchedule } from "@/lib/memory-model/refit";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit/client-ip";

export function stopOnBadEnvironment() {
  const { problems } = checkServerEnv(process.env);
  if (problems.length === 0) return;
  console.error(`Smriti cannot start:\n- ${problems.join("\n- ")}`);
  // Serving without a valid environment would only answer 500s: stop instead.
  process.exit(1);
}

/**
 * Next.js gives route handlers no remote address, and fills X-Forwarded-For from the socket only when the
 * client sent none, so a client could name any address. This writes the socket's address into
 * PEER_ADDRESS_HEADER as each request arrives at the HTTP server (over any value the client sent):
 * lib/rate-limit/client-ip trusts X-Forwarded-For only when that address is a trusted proxy's.
 */
export function recordPeerAddresses() {
  const server = http.Server.prototype as unknown as { emit(event: string | symbol, ...args: unknown[]): boolean; smritiPeerAddresses?: true };
  if (server.smritiPeerAddresses) return;
  server.smritiPeerAddresses = true;
  const emit = server.emit;
  server.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  };
}

/** The monthly refit of each learner's memory model (lib/memory-model/refit.ts), checked hourly. */
export function startMemoryModelRefits() {
  startRefitSchedule(getDb, appFitter());
}
