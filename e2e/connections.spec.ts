import http from "node:http";
import { expect, test } from "@playwright/test";

/**
 * A client that pools connections (a proxy, Playwright's request context, a browser) sends its next request on
 * an idle connection. The server must not have closed it after Node's default 5 s (scripts/serve.ts): an e2e
 * run failed with ECONNRESET on a request sent after some seconds idle. Here one socket serves a request,
 * sits idle past those 5 s, and serves the next.
 */
test("an idle keep-alive connection still serves the next request after 5 s", async ({ baseURL }) => {
  test.setTimeout(30_000);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<{ status: number; reusedSocket: boolean; keepAlive: string }>((resolve, reject) => {
      const request = http.get(new URL("/api/auth/csrf", baseURL), { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, reusedSocket: request.reusedSocket, keepAlive: String(response.headers["keep-alive"] ?? "") }));
      });
      request.on("error", reject);
    });
  try {
    const first = await get();
    expect(first).toMatchObject({ status: 200, reusedSocket: false });
    // The server says how long it keeps the connection: past the proxies' common 60 s.
    expect(Number(/timeout=(\d+)/.exec(first.keepAlive)?.[1])).toBeGreaterThan(60);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await get()).toMatchObject({ status: 200, reusedSocket: true });
  } finally {
    agent.destroy();
  }
});
