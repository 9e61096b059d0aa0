import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium where installed (CI installs it): Playwright cannot download its own browser here.
const systemChromium = "/usr/bin/chromium";
const executablePath = fs.existsSync(systemChromium) ? systemChromium : undefined;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    // A fresh SQLite file each run, through the same `npm start` the README gives users; the editors'
    // pages write to a fresh copy of content/, never to the repository's.
    command:
      "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && rm -rf data/e2e-content && mkdir -p data && cp -r content data/e2e-content && node_modules/.bin/tsx scripts/start.ts",
    url: `${baseURL}/`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: "file:./data/e2e.db",
      PORT: String(PORT),
      NEXTAUTH_URL: baseURL,
      // The tests act from many client addresses through X-Forwarded-For, as if behind a proxy on this
      // machine, and check the per-address limits at small values.
      TRUSTED_PROXIES: "127.0.0.1,::1",
      RATE_LIMIT_SIGN_IN_IP: "10",
      RATE_LIMIT_SIGN_UP_IP: "30",
      CONTENT_ROOT: "data/e2e-content",
      CONTENT_EDITS: "on",
    },
  },
});
