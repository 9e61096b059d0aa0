import autocannon from "autocannon";

export type LoadResult = {
  label: string;
  connections: number;
  requests: number;
  errors: number;
  non2xx: number;
  throughputPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
};

/**
 * The headers and body of a request (a signed-in user, a fresh review id...): `slot` is one of 0 to
 * connections - 1, held by no other request in flight (a user of its own, so that two of one user's
 * requests never race), and `sequence` counts that slot's requests (1, 2, ...).
 */
export type NextRequest = (slot: number, sequence: number) => { headers?: Record<string, string>; body?: string };

/** The value at `share` (0.95: p95) of ascending values, NaN for none. */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * Loads one endpoint with autocannon at a given concurrency for a fixed time and reports throughput
 * and latency percentiles, taken from every response (autocannon's histogram has no p95).
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
  const latencies: number[] = [];
  // autocannon gives setupRequest a fresh context for every request (it resets it after each pass over
  // `requests`), so a connection cannot be told by it: slots are handed out here instead, taken when a
  // request is built and given back when its answer comes (before that connection builds its next one).
  const freeSlots = Array.from({ length: options.connections }, (_, slot) => slot);
  const sequences = new Array<number>(options.connections).fill(0);
  let overflow = 0;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          method: options.method,
          setupRequest: (request, context: { slot?: number }) => {
            // A slot lost with a request that never got its answer (an error): the next in turn, shared.
            const slot = freeSlots.shift() ?? overflow++ % options.connections;
            context.slot = slot;
            const { headers, body } = options.next(slot, ++sequences[slot]!);
            return { ...request, headers: { ...request.headers, ...headers, ...(body ? { "content-type": "application/json" } : {}) }, body };
          },
          onResponse: (_status, _body, context: { slot?: number }) => {
            if (context.slot !== undefined) freeSlots.push(context.slot);
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  const onResponse = options.onResponse;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    onResponse?.(responseTime, Date.now());
  });
  const started = performance.now();
  const stop = () => instance.stop();
  options.until?.then(stop, stop);
  const result = await done;
  const seconds = options.until ? (performance.now() - started) / 1000 : options.seconds;
  latencies.sort((a, b) => a - b);
  return {
    label: options.label,
    connections: options.connections,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    throughputPerSec: result.requests.total / seconds,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
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
