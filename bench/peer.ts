/**
 * `npx tsx bench/peer.ts --peer-dir <dir> [--quick]`, with TEST_POSTGRES_URL and PEER_DATABASE_URL set:
 * review submits of Smriti and of the open peer ishiko732/ts-fsrs-demo (Next.js + Hono + Kysely + pg),
 * side by side on one machine and one PostgreSQL server, with the same load generator (bench/load.ts),
 * the systems taking turns (reversed in the second round), CPU per request read from /proc as in
 * bench/cpu.ts. How the peer is fetched, patched, built and configured: docs/performance.md.
 *
 * Smriti: a scratch schema of TEST_POSTGRES_URL with bench/seed-large's 20 users (200 cards each), served
 * as `npm start` serves it. The peer: `next start` of its build in <dir>, on its own database
 * (PEER_DATABASE_URL, migrated with its own migrations), 20 users signed in through its development
 * credentials provider (its build must have NEXT_PUBLIC_VERCEL_ENV=development; see prepare below), each given its 60
 * starter cards by the peer itself. Both get `{ card, rating }` in the same sequence: each slot (a user)
 * rates its cards in turn, a quarter Again.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { processGroupCpuMs, untilIdle } from "./cpu";
import { load, reviewRequests, type LoadResult, type NextRequest } from "./load";
import { seedLargeDatabase } from "./seed-large";
import { benchPort, signIn, startNext, startServer, type RunningServer } from "./server";

const USERS = 20;
const ROUNDS = 2;
const argumentOf = (flag: string) => {
  const index = process.argv.indexOf(flag);
  return index === -1 ? undefined : process.argv[index + 1];
};

type Side = { name: string; start(): Promise<RunningServer>; prepare(server: RunningServer): Promise<void>; url: string; next: NextRequest };

async function main() {
  const peerDir = argumentOf("--peer-dir");
  const postgresUrl = process.env.TEST_POSTGRES_URL;
  const peerDatabaseUrl = process.env.PEER_DATABASE_URL;
  if (!peerDir || !postgresUrl || !peerDatabaseUrl) throw new Error("usage: TEST_POSTGRES_URL=... PEER_DATABASE_URL=... tsx bench/peer.ts --peer-dir <dir> [--quick]");
  const quick = process.argv.includes("--quick");
  const seconds = quick ? 3 : 6;

  const database = await createScratchDatabase("postgres", postgresUrl, "peer");
  const target = resolveDatabaseTarget(database.url);
  await migrateDatabase(database.url, target);
  const db = createDb(target);
  const seeded = await seedLargeDatabase(db, "postgres", { users: USERS, cardsPerUser: 200, logsPerCard: 5, heavyUserCards: 0 });
  const smritiCards = new Map<string, string[]>();
  for (const card of await db.card.findMany({ where: { userId: { in: seeded.users.map((user) => user.id) } }, select: { id: true, userId: true } })) {
    smritiCards.set(card.userId, [...(smritiCards.get(card.userId) ?? []), card.id]);
  }
  await db.$disconnect();

  const secret = randomBytes(32).toString("base64url");
  const smritiPort = benchPort(6);
  const smritiCookies: string[] = [];
  const smriti: Side = {
    name: "Smriti (npm start)",
    start: () => startNext(database.url, smritiPort, secret),
    async prepare(server) {
      if (smritiCookies.length === 0) for (const user of seeded.users) smritiCookies.push(await signIn(server.baseUrl, user.email, seeded.password));
    },
    url: `http://127.0.0.1:${smritiPort}/api/reviews`,
    next: reviewRequests((slot) => smritiCards.get(seeded.users[slot % USERS]!.id)!, (slot) => ({ cookie: smritiCookies[slot % USERS]! })),
  };

  const peerPort = benchPort(7);
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const peerCookies: string[] = [];
  const peerCards: number[][] = [];
  const peerDb = new pg.Pool({ connectionString: peerDatabaseUrl });
  const peer: Side = {
    name: "peer ts-fsrs-demo (next start)",
    start: () =>
      startServer(path.join(peerDir, "node_modules", ".bin", "next"), ["start", "-p", String(peerPort), "-H", "127.0.0.1"], { NODE_ENV: "production", NEXTAUTH_URL: peerUrl, AUTH_URL: peerUrl, AUTH_TRUST_HOST: "true" }, peerUrl, "/api/auth/csrf", "ignore", peerDir),
    async prepare() {
      if (peerCookies.length > 0) return;
      // Its development provider makes every user with the same (oauthId, oauthType) = ('', 'dev'), which
      // its unique index allows once: each bench user is renamed in that index after signing in, so the
      // next sign-in makes a new user. Users of an earlier run go first (with their cards, by cascade).
      await peerDb.query(`DELETE FROM users WHERE "oauthType" = 'dev'`);
      for (let user = 0; user < USERS; user++) {
        const email = `bench-peer-${user}@example.com`;
        peerCookies.push(await peerSignIn(peerUrl, email));
        await peerDb.query(`UPDATE users SET "oauthId" = 'bench-' || id WHERE "oauthType" = 'dev' AND "oauthId" = ''`);
        // Its starter deck is made after the sign-in answers (waitUntil): wait for its cards.
        for (let tries = 0; ; tries++) {
          const { rows } = await peerDb.query<{ id: number }>(`SELECT c.id FROM cards c JOIN users u ON u.id = c.uid WHERE u.email = $1 AND NOT c.deleted ORDER BY c.id`, [email]);
          if (rows.length > 0) {
            peerCards.push(rows.map((row) => Number(row.id)));
            break;
          }
          if (tries > 100) throw new Error(`the peer made no cards for ${email}`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    },
    url: `${peerUrl}/api/scheduler/review`,
    // The same sequence as Smriti's reviewRequests: each slot's cards in turn, a quarter Again (1), else Good (3).
    next: (slot, sequence) => {
      const cards = peerCards[slot % USERS]!;
      return {
        headers: { cookie: peerCookies[slot % USERS]! },
        body: JSON.stringify({ cid: cards[sequence % cards.length]!, rating: sequence % 4 === 0 ? 1 : 3, timestamp: Date.now(), offset: 0, duration: 4000 }),
      };
    },
  };

  type Row = { system: string; connections: number; requests: number; non2xx: number; errors: number; seconds: number; cpuMs: number; p95s: number[] };
  const rows = new Map<string, Row>();
  const loadOf = (side: Side, connections: number, duration: number) =>
    load({ label: side.name, url: side.url, method: "POST", connections, seconds: duration, next: side.next });
  const record = (side: Side, result: LoadResult, cpuMs: number) => {
    const key = `${side.name}|${result.connections}`;
    const row = rows.get(key) ?? { system: side.name, connections: result.connections, requests: 0, non2xx: 0, errors: 0, seconds: 0, cpuMs: 0, p95s: [] };
    row.requests += result.requests;
    row.non2xx += result.non2xx;
    row.errors += result.errors;
    row.seconds += result.seconds;
    row.cpuMs += cpuMs;
    row.p95s.push(result.p95Ms);
    rows.set(key, row);
  };

  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? [smriti, peer] : [peer, smriti]) {
        const server = await side.start();
        try {
          await side.prepare(server);
          await loadOf(side, 20, quick ? 1 : 2);
          for (const connections of [1, 20]) {
            await untilIdle(server.pid);
            const before = processGroupCpuMs(server.pid);
            const result = await loadOf(side, connections, seconds);
            record(side, result, processGroupCpuMs(server.pid) - before);
          }
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await peerDb.end();
    await database.drop();
  }

  console.log(`${"system, POST review".padEnd(32)} ${"conns".padStart(5)} ${"req/s".padStart(7)} ${"p95 ms".padStart(8)} ${"CPU ms/req".padStart(10)} ${"non2xx".padStart(6)} ${"errors".padStart(6)}`);
  for (const row of rows.values()) {
    console.log(`${row.system.padEnd(32)} ${String(row.connections).padStart(5)} ${(row.requests / row.seconds).toFixed(0).padStart(7)} ${Math.max(...row.p95s).toFixed(1).padStart(8)} ${(row.cpuMs / row.requests).toFixed(2).padStart(10)} ${String(row.non2xx).padStart(6)} ${String(row.errors).padStart(6)}`);
  }
  for (const connections of [1, 20]) {
    const ours = rows.get(`${smriti.name}|${connections}`)!;
    const theirs = rows.get(`${peer.name}|${connections}`)!;
    console.log(`@${connections}: req/s Smriti/peer ${(ours.requests / theirs.requests).toFixed(2)}x; CPU ms/req peer/Smriti ${(theirs.cpuMs / theirs.requests / (ours.cpuMs / ours.requests)).toFixed(2)}x`);
  }
  console.log(JSON.stringify([...rows.values()]));
}

/** Signs in through the peer's development credentials provider (Auth.js), as its sign-in page would, returning the cookie header. */
async function peerSignIn(baseUrl: string, email: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/custom-login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, username: email, password: "bench-password", callbackUrl: baseUrl }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("authjs.session-token="));
  if (!session) throw new Error(`peer sign-in failed for ${email}: ${response.status} ${response.headers.get("location")}`);
  return session.split(";")[0]!;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
