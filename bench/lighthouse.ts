/**
 * `npx tsx bench/lighthouse.ts [--url http://localhost:3000] [--runs 3] [--only /app/progress] [--reports dir] [--checks]`: Lighthouse's
 * mobile preset (Moto G Power screen, simulated slow 4G: 150 ms RTT, 1.6 Mbit/s; CPU slowed 4x) on every page
 * of a running production server (`npm start`), signed out and signed in, and prints the median of each figure.
 *
 * Signed in: the script registers a fresh learner, gives them a history (flashcard reviews and a finished
 * daily quiz, so that Progress draws its charts, and a finished mock paper, whose analysis is measured), signs in through next-auth's credentials route and hands
 * Lighthouse the session cookie as a request header. With DATABASE_URL set to the server's database it also
 * makes that learner an editor, so that /editor is measured too.
 *
 * `--checks` adds the mobile checks Lighthouse 12 keeps in its other categories (accessibility: tap
 * targets, contrast, names; best practices; SEO: viewport, legible font sizes) and prints each one's
 * score and every failing audit. (Lighthouse 12 has no PWA category: e2e/installable.spec.ts asks
 * Chromium itself whether the app is installable.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import lighthouse from "lighthouse";
import { setRole } from "@/lib/auth/roles";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";

const SIGNED_OUT_PAGES = ["/", "/signin", "/signup", "/forgot-password"];
const SIGNED_IN_PAGES = ["/app/today", "/app/flashcards", "/app/quiz", "/app/progress", "/app/strategy", "/app/quiz/paper", "/app/library", "/app/library/documents", "/app/library/documents/mofa-2024-joint-statement", "/app/settings"];
const EDITOR_PAGES = ["/editor"];

/**
 * `benchmarkIndex` is Lighthouse's measure of the machine's speed while it ran (higher is faster; an
 * unloaded desktop scores 1500-2500). Its throttling slows the CPU 4x on top of whatever the machine
 * gives, so a busy machine reads as a slow phone: compare runs only at similar indexes.
 */
type Figures = { score: number; fcpMs: number; lcpMs: number; tbtMs: number; cls: number; transferKb: number; scriptKb: number; benchmarkIndex: number };

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.LIGHTHOUSE_URL ?? "http://localhost:3000" },
    runs: { type: "string", default: "3" },
    only: { type: "string", multiple: true },
    // A folder to keep each run's full report in (JSON, for the Lighthouse viewer or a closer look).
    reports: { type: "string" },
    checks: { type: "boolean", default: false },
  },
});
const baseUrl = values.url.replace(/\/$/, "");
const runs = Number(values.runs);

/** A tiny cookie jar: next-auth's sign-in is three requests that pass cookies along. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function call(jar: CookieJar, method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { cookie: jar.header(), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  jar.take(response);
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function signInWithHistory(): Promise<{ cookie: string; email: string; paperId: string }> {
  const jar = new CookieJar();
  const email = `lighthouse-${randomUUID().slice(0, 8)}@example.in`;
  const password = "lighthouse-run-2027";
  await call(jar, "POST", "/api/register", { email, password, name: "Lighthouse" });
  const { csrfToken } = (await call(jar, "GET", "/api/auth/csrf")) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.take(signIn);
  if (!jar.header().includes("session-token")) throw new Error(`sign-in failed: ${signIn.status}`);

  const ratings = ["good", "again", "good", "easy", "hard"] as const;
  const { cards } = (await call(jar, "GET", "/api/reviews/queue?limit=20")) as { cards: { id: string }[] };
  for (const [index, card] of cards.entries()) {
    await call(jar, "POST", "/api/reviews", { reviewId: randomUUID(), cardId: card.id, rating: ratings[index % ratings.length], durationMs: 4000 });
  }
  type Quiz = { id: string; questions: { id: string; options: { id: string }[] }[] };
  const sit = async (quiz: Quiz) => {
    await call(jar, "POST", `/api/quiz/${quiz.id}/start`);
    for (const [index, question] of quiz.questions.entries()) {
      const optionId = index % 4 === 3 ? null : (question.options[index % question.options.length]?.id ?? null);
      await call(jar, "POST", `/api/quiz/${quiz.id}/answers`, { questionId: question.id, optionId, answerId: randomUUID() });
    }
    await call(jar, "POST", `/api/quiz/${quiz.id}/finish`);
  };
  await sit((await call(jar, "GET", "/api/quiz/daily")) as Quiz);
  // A finished mock paper of 20 questions, whose analysis is one of the pages measured.
  const paper = (await call(jar, "POST", "/api/quiz", { mode: "paper", size: 20 })) as Quiz;
  await sit(paper);
  return { cookie: jar.header(), email, paperId: paper.id };
}

async function launchChromium(): Promise<{ chrome: ChildProcess; port: number; profile: string }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-lighthouse-"));
  const chrome = spawn(process.env.CHROME_PATH ?? "/usr/bin/chromium", ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    chrome.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    chrome.on("exit", (code) => reject(new Error(`Chromium exited (${code}): ${output}`)));
  });
  return { chrome, port, profile };
}

async function measure(port: number, url: string, cookie: string | undefined): Promise<Figures> {
  const categories = values.checks ? ["performance", "accessibility", "best-practices", "seo"] : ["performance"];
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: categories, extraHeaders: cookie ? { Cookie: cookie } : undefined });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { lhr } = result;
  if (values.reports) {
    fs.mkdirSync(values.reports, { recursive: true });
    fs.writeFileSync(path.join(values.reports, `${new URL(url).pathname.replace(/\W+/g, "_")}-${Date.now()}.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended at ${lhr.finalDisplayedUrl} (signed out?)`);
  if (values.checks) {
    for (const category of categories.slice(1)) {
      const { score, auditRefs } = lhr.categories[category]!;
      // Audits that count and did not pass (score below 1; informative and not-applicable ones have none).
      const failing = auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => `${ref.id}: ${lhr.audits[ref.id]?.title}`);
      console.log(`  ${new URL(url).pathname} ${category}: ${Math.round((score ?? 0) * 100)}${failing.length ? `; failing: ${failing.join("; ")}` : ""}`);
    }
  }
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scriptBytes = (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items?.find((item) => item.resourceType === "script")?.transferSize ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcpMs: numeric("first-contentful-paint"),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    transferKb: numeric("total-byte-weight") / 1024,
    scriptKb: scriptBytes / 1024,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main() {
  const { cookie, email, paperId } = await signInWithHistory();
  const pages: { route: string; cookie?: string }[] = [...SIGNED_OUT_PAGES.map((route) => ({ route })), ...[...SIGNED_IN_PAGES, `/app/quiz/paper/${paperId}`].map((route) => ({ route, cookie }))];
  if (process.env.DATABASE_URL) {
    const db = createDb(resolveDatabaseTarget(process.env.DATABASE_URL));
    await setRole(db, email, "editor");
    await db.$disconnect();
    pages.push(...EDITOR_PAGES.map((route) => ({ route, cookie })));
  }
  // `--only /app/quiz/paper/[id]` picks the paper's analysis.
  const chosen = values.only ? pages.filter(({ route }) => values.only?.includes(route.replace(paperId, "[id]"))) : pages;

  const { chrome, port, profile } = await launchChromium();
  const rows: ({ route: string; signedIn: boolean } & Figures)[] = [];
  try {
    console.log(`Lighthouse ${runs} run(s) per page, mobile preset, ${baseUrl}; median of each figure`);
    console.log("page                                              score  FCP ms  LCP ms  TBT ms    CLS  transfer kB  JS kB  bench index");
    for (const { route, cookie: pageCookie } of chosen) {
      const samples: Figures[] = [];
      for (let run = 0; run < runs; run++) samples.push(await measure(port, `${baseUrl}${route}`, pageCookie));
      const pick = (key: keyof Figures) => median(samples.map((sample) => sample[key]));
      const row = { route, signedIn: pageCookie !== undefined, score: pick("score"), fcpMs: pick("fcpMs"), lcpMs: pick("lcpMs"), tbtMs: pick("tbtMs"), cls: pick("cls"), transferKb: pick("transferKb"), scriptKb: pick("scriptKb"), benchmarkIndex: pick("benchmarkIndex") };
      rows.push(row);
      console.log(`${`${route}${row.signedIn ? " (signed in)" : ""}`.padEnd(50)} ${String(row.score).padStart(5)} ${row.fcpMs.toFixed(0).padStart(7)} ${row.lcpMs.toFixed(0).padStart(7)} ${row.tbtMs.toFixed(0).padStart(7)} ${row.cls.toFixed(3).padStart(6)} ${row.transferKb.toFixed(1).padStart(12)} ${row.scriptKb.toFixed(1).padStart(6)} ${row.benchmarkIndex.toFixed(0).padStart(12)}`);
    }
  } finally {
    const exited = new Promise((resolve) => chrome.once("exit", resolve));
    chrome.kill();
    await exited;
    // Chromium may still be writing its profile as it exits.
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
  console.log(JSON.stringify({ lighthouse: rows }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
