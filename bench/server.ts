import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type RunningServer = {
  baseUrl: string;
  /** The launcher's pid, which is also its process group's: the server and any process it starts. */
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL: a crash, no chance to finish anything. */
  kill(): Promise<void>;
};

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}

/** Where the bench's servers listen: BENCH_PORT (default 3300) plus each server's offset, so runs beside other servers can move. */
export function benchPort(offset: number): number {
  return Number(process.env.BENCH_PORT ?? 3300) + offset;
}

/** How the app is served: as `npm start` does (scripts/serve.ts), the same with every route through Next.js, or plain `next start`. */
export type AppServing = "app" | "next-pipeline" | "next-start";

/**
 * The existing production build against a given database, on loopback: served as `npm start` serves it
 * (scripts/serve.ts, the hot API routes before Next.js), with HOT_ROUTES=off (every request through
 * Next.js's pipeline), or by `next start` (a baseline checkout from before scripts/serve.ts). Instances
 * given the same secret accept each other's sessions, as behind a load balancer.
 */
export async function startNext(
  databaseUrl: string,
  port: number,
  secret = randomBytes(32).toString("base64url"),
  appDir = process.cwd(),
  serving: AppServing = "app",
  /** Node.js flags for the server process (bench/profile.ts: --cpu-prof, which NODE_OPTIONS refuses); not for next-start. */
  nodeFlags: string[] = [],
): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  // Every simulated user signs up and in from loopback: per-address limits would refuse them past 20.
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: baseUrl,
    RATE_LIMIT_SIGN_UP_IP: "1000000",
    RATE_LIMIT_SIGN_IN_IP: "1000000",
    HOT_ROUTES: serving === "next-pipeline" ? "off" : "on",
  };
  const [command, args] =
    serving === "next-start"
      ? [path.join(appDir, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"]]
      : [path.join(appDir, "node_modules", ".bin", "tsx"), [...nodeFlags, path.join("scripts", "serve.ts"), "-p", String(port), "-H", "127.0.0.1"]];
  return startServer(command, args, env, baseUrl, "/api/auth/csrf", "ignore", appDir);
}

/** The header that names the user to bench/floor-server.ts, which has no sessions. */
export const FLOOR_USER_HEADER = "x-bench-user";

/** bench/floor-server.ts (the review route's work without Next.js or sessions) against a given database. */
export async function startFloor(databaseUrl: string, port: number): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production" };
  return startServer(path.join("node_modules", ".bin", "tsx"), [path.join("bench", "floor-server.ts")], env, baseUrl, "/", "inherit");
}

/** bench/raw-floor-server.ts (the review submit on the bare drivers) against a given database; it reads the app's session cookies. */
export async function startRawFloor(databaseUrl: string, port: number, secret: string): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", NEXTAUTH_SECRET: secret };
  return startServer(path.join("node_modules", ".bin", "tsx"), [path.join("bench", "raw-floor-server.ts")], env, baseUrl, "/", "inherit");
}

export async function startServer(command: string, args: string[], env: Record<string, string>, baseUrl: string, readyPath: string, stderr: "ignore" | "inherit", cwd = process.cwd()): Promise<RunningServer> {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", stderr],
    // Its own process group, so that a kill reaches the server process under the launcher too.
    detached: true,
  });
  await waitForHttp(`${baseUrl}${readyPath}`, child, 60_000);
  return { baseUrl, pid: child.pid!, stop: () => stopChild(child, "SIGTERM"), kill: () => stopChild(child, "SIGKILL") };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid!, signal);
    } catch {
      child.kill(signal);
    }
  });
}

/** Signs in through next-auth's credentials endpoint like any script would, returning the cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}: ${response.status} ${await response.text()}`);
  return session.split(";")[0]!;
}

/**
 * Ends the server process (the tsx launcher's child) alone, which writes its profile as it exits, and
 * waits for the file: a signal to the whole process group lets the launcher end it before it can.
 */
export async function stopWritingProfile(launcherPid: number, profileDir: string) {
  for (const entry of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === launcherPid) process.kill(Number(entry), "SIGTERM");
    } catch {
      // exited meanwhile
    }
  }
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 500))) {
    if (fs.readdirSync(profileDir).some((file) => file.endsWith(".cpuprofile")) && !fs.existsSync(`/proc/${launcherPid}`)) return;
  }
}
