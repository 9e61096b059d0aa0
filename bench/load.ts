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

/** Per connection: the headers and body of its next request (a signed-in user, a fresh review id...). */
export type NextRequest = (connection: number, sequence: number) => { headers?: Record<string, string>; body?: string };

function percentile(sorted: readonly number[], share: number): number {
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
  seconds: number;
  next: NextRequest;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let connectionCount = 0;
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
        setupRequest: (request, context: { connection?: number; sequence?: number }) => {
          context.connection ??= connectionCount++;
          context.sequence = (context.sequence ?? 0) + 1;
          const { headers, body } = options.next(context.connection, context.sequence);
          return { ...request, headers: { ...request.headers, ...headers, ...(body ? { "content-type": "application/json" } : {}) }, body };
        },
      },
    ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    label: options.label,
    connections: options.connections,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    throughputPerSec: result.requests.total / options.seconds,
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
