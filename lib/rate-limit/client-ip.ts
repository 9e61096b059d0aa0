import { isIP } from "node:net";

/**
 * The connection's own remote address, which Next.js does not give route handlers: instrumentation-node.ts
 * writes it into this request header as each request arrives, over any value a client sent.
 */
export const PEER_ADDRESS_HEADER = "x-smriti-peer-address";

/**
 * The client's address for rate limits. `peer` is the address of the connection (the socket's remote
 * address), `forwardedFor` the X-Forwarded-For header, `trustedProxies` the addresses of proxies that set
 * that header (TRUSTED_PROXIES). The header is believed only when the connection comes from a trusted
 * proxy: then the address is the right-most one in it that is not itself a trusted proxy. Anyone else can
 * write any X-Forwarded-For, so without a trusted proxy it is ignored.
 */
export function clientIp(peer: string | undefined, forwardedFor: string | undefined, trustedProxies: readonly string[]): string {
  const trusted = new Set(trustedProxies.map(normalizeIp));
  let address = normalizeIp(peer ?? "") || "unknown";
  if (!trusted.has(address) || !forwardedFor) return address;
  const hops = forwardedFor.split(",").map((hop) => normalizeIp(hop.trim()));
  for (const hop of hops.reverse()) {
    if (!isIP(hop)) break; // a malformed entry: stop at the last address we could vouch for
    address = hop;
    if (!trusted.has(address)) break;
  }
  return address;
}

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) as plain IPv4, IPv6 in lower case. */
export function normalizeIp(address: string): string {
  const plain = address.trim().toLowerCase().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  return mapped?.[1] ?? plain;
}

/** TRUSTED_PROXIES: comma-separated addresses, e.g. "127.0.0.1,::1" for a proxy on this machine. */
export function trustedProxiesFrom(env: Record<string, string | undefined>): string[] {
  return (env.TRUSTED_PROXIES ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}
