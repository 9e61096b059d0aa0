import { randomUUID } from "node:crypto";
import http from "node:http";

export type LoadResult = {
  label: string;
  connections: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** How long the window lasted: from the first request to the last answer. */
  seconds: number;
  throughputPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
};

/** A request to send: its headers, a JSON body, and a path when not the load's URL's own (a quiz's answers). */
export type LoadRequest = { path?: string; headers?: Record<string, string>; body?: string };

/**
 * The request a connection sends next. `slot` is the connection's number (0 to connections - 1): a
 * connection sends one request at a time, so two requests of one slot (a user of its own) never race,
 * and `sequence` counts the slot's requests (1, 2, ...). It may be asynchronous: a quiz made before its
 * answers are sent.
 */
export type NextRequest = (slot: number, sequence: number) => LoadRequest | Promise<LoadRequest>;

/** The value at `share` (0.95: p95) of ascending values, NaN for none. */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * Loads one endpoint for a fixed time: `connections` keep-alive connections, each sending its next
 * request as soon as its last one is answered (a closed loop, as autocannon runs, which this replaced
 * because it builds each request synchronously: a quiz answer needs its quiz made first). Throughput and
 * latency percentiles come from every response. No request is sent after the window's end, and the
 * ones in flight then are answered and counted: the server is left with no backlog.
 */
export async function load(options: {
  label: string;
  url: string;
  method: "GET" | "POST";
  connections: number;
  /** How long the load runs, unless `until` settles first. */
  seconds: number;
  next: NextRequest;
  /** Stops the load when it settles. */
  until?: Promise<unknown>;
  /** Every answer's latency, with when it came (epoch ms): for figures over windows of a long load. */
  onResponse?: (latencyMs: number, atMs: number) => void;
}): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  options.until?.then(stop, stop);
  const connection = async (slot: number) => {
    for (let sequence = 1; !stopped && performance.now() < deadline; sequence++) {
      const request = await options.next(slot, sequence);
      const sentAt = performance.now();
      try {
        const status = await send(agent, url, options.method, request);
        const latencyMs = performance.now() - sentAt;
        latencies.push(latencyMs);
        options.onResponse?.(latencyMs, Date.now());
        if (status < 200 || status > 299) non2xx++;
      } catch {
        errors++;
        // A refused connection fails at once: do not spin on it.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, slot) => connection(slot)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    label: options.label,
    connections: options.connections,
    requests: latencies.length,
    errors,
    non2xx,
    seconds,
    throughputPerSec: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
  };
}

/** Sends one request on the agent's connections; resolves with the status once the whole answer is read. */
function send(agent: http.Agent, url: URL, method: string, { path, headers, body }: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        method,
        path: path ?? `${url.pathname}${url.search}`,
        headers: body === undefined ? headers : { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      },
      (response) => {
        response.on("end", () => resolve(response.statusCode ?? 0)).on("error", reject);
        response.resume();
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * Review submits as learners make them: each slot's user rates their cards in turn, a quarter Again,
 * each rating with a fresh review id. The one definition of the review load of every bench.
 */
export function reviewRequests(cardsOf: (slot: number) => readonly string[], headersOf: (slot: number) => Record<string, string>): NextRequest {
  return (slot, sequence) => {
    const cards = cardsOf(slot);
    return {
      headers: headersOf(slot),
      body: JSON.stringify({ reviewId: randomUUID(), cardId: cards[sequence % cards.length]!, rating: sequence % 4 === 0 ? "again" : "good", durationMs: 4000 }),
    };
  };
}

export function formatLoad(rows: readonly LoadResult[]): string {
  const header = `${"endpoint".padEnd(44)} ${"conns".padStart(5)} ${"req/s".padStart(8)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"non2xx".padStart(7)} ${"errors".padStart(6)}`;
  const lines = rows.map(
    (row) =>
      `${row.label.padEnd(44)} ${String(row.connections).padStart(5)} ${row.throughputPerSec.toFixed(0).padStart(8)} ${row.p50Ms.toFixed(1).padStart(7)} ${row.p95Ms.toFixed(1).padStart(7)} ${row.p99Ms.toFixed(1).padStart(7)} ${String(row.non2xx).padStart(7)} ${String(row.errors).padStart(6)}`,
  );
  return [header, ...lines].join("\n");
}
