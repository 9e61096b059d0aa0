/**
 * `npm run soak [-- --postgres] [--instances 2] [--kill] [--seconds 60] [--users 20] [--offline] [--seed 1] [--port 3400]`
 *
 * `--port`: the first instance's port (the others follow it), for running beside other servers on one machine.
 *
 * Many signed-in users rating flashcards at once through the app server (scripts/serve.ts, as `npm start` serves; loopback only), re-sending some
 * ratings as a flaky network would, optionally across two instances on one PostgreSQL and with one
 * instance killed and restarted mid-run. Then it checks, from the database: one review log row per
 * distinct review id, every acknowledged rating stored, every card's state equal to a replay of its log
 * through ts-fsrs, and the progress rollups equal to a recount of the log. Exits non-zero on any difference. Bounded in time; never leaves this machine.
 *
 * `--offline`: each user is two phones reviewing offline instead. Ratings are made with times in the past
 * hours, kept back, and sent later through POST /api/reviews/sync in shuffled batches, some delayed and
 * some sent twice; both phones rate the same cards (the queue keeps serving a card until a sync reaches
 * the server). The same checks then show that the late, out-of-order and duplicated ratings were each
 * stored once and every card equals the replay of its log. `--seed` fixes the shuffles.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { signIn, startNext, type RunningServer } from "@/bench/server";
import { loadBank } from "@/lib/content/bank";
import { seedBank } from "@/lib/content/seed-bank";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { policyOfStored } from "@/lib/practice/policy";
import { replayMismatches } from "@/lib/reliability/replay";
import { rollupMismatches } from "@/lib/reliability/rollups";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const usePostgres = args.includes("--postgres");
const instances = option("instances", 1);
const killMidway = args.includes("--kill");
const seconds = option("seconds", 60);
const userCount = option("users", 20);
const offline = args.includes("--offline");
const random = seededRandom(option("seed", 1));
const PASSWORD = "soak-password-1";

type Rating = "again" | "hard" | "good" | "easy";
const RATINGS: Rating[] = ["again", "hard", "good", "easy"];

async function main() {
  const database = await createScratchDatabase(usePostgres ? "postgres" : "sqlite", process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test", "soak");
  const target = resolveDatabaseTarget(database.url);
  await migrateDatabase(database.url, target);
  const db = createDb(target);
  await seedBank(db, loadBank(), new Date());

  const secret = randomBytes(32).toString("base64url");
  const ports = Array.from({ length: instances }, (_, index) => option("port", 3400) + index);
  const servers: RunningServer[] = await Promise.all(ports.map((port) => startNext(database.url, port, secret)));
  const baseUrl = (index: number) => servers[index % servers.length]!.baseUrl;
  console.log(`soak: ${userCount} users, ${seconds} s, ${instances} instance(s) on ${usePostgres ? "PostgreSQL" : "SQLite"}${killMidway ? ", one killed midway" : ""}`);

  const users: { email: string; cookie: string }[] = [];
  for (let index = 0; index < userCount; index++) {
    const email = `soak-${index}-${randomBytes(3).toString("hex")}@example.in`;
    await fetch(`${baseUrl(0)}/api/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) });
    const cookie = await signIn(baseUrl(0), email, PASSWORD);
    // Enough new cards a day that nobody runs out of work before the soak ends.
    await fetch(`${baseUrl(0)}/api/settings`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ examDate: null, examName: null, timeZone: "Asia/Kolkata", newCardsPerDay: 500, dailyQuizSize: 15, desiredRetention: 0.9 }),
    });
    users.push({ email, cookie });
  }

  const deadline = Date.now() + seconds * 1000;
  const acknowledged = new Set<string>();
  let sent = 0;
  let retried = 0;
  let refused = 0;

  /** Posts a rating until some instance acknowledges it, as a client retrying after a failure would. */
  async function rateUntilAcknowledged(cookie: string, body: { reviewId: string; cardId: string; rating: Rating; durationMs: number }, firstInstance: number) {
    for (let attempt = 0; Date.now() < deadline + 30_000; attempt++) {
      sent++;
      try {
        const response = await fetch(`${baseUrl(firstInstance + attempt)}/api/reviews`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify(body),
        });
        if (response.ok) {
          acknowledged.add(body.reviewId);
          return;
        }
        if (response.status === 409) {
          refused++;
          return;
        }
      } catch {
        // Connection refused or reset: the instance is down; try again, maybe on another one.
      }
      retried++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function virtualUser(index: number) {
    const user = users[index]!;
    for (let round = 0; Date.now() < deadline; round++) {
      let cards: { id: string }[] = [];
      try {
        const response = await fetch(`${baseUrl(index + round)}/api/reviews/queue?limit=5`, { headers: { cookie: user.cookie } });
        if (response.ok) cards = (await response.json()).cards;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      if (cards.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      for (const card of cards) {
        const body = { reviewId: randomUUID(), cardId: card.id, rating: RATINGS[(index + round) % 4]!, durationMs: 3000 };
        const sends = [rateUntilAcknowledged(user.cookie, body, index)];
        // A third of the ratings are sent twice at once, to another instance where there is one.
        if ((round + index) % 3 === 0) sends.push(rateUntilAcknowledged(user.cookie, body, index + 1));
        // Now and then a second, different rating of the same card races the first.
        if ((round + index) % 7 === 0) sends.push(rateUntilAcknowledged(user.cookie, { ...body, reviewId: randomUUID(), rating: "good" }, index + 1));
        await Promise.all(sends);
      }
    }
  }

  type DeviceRating = { reviewId: string; cardId: string; rating: Rating; reviewedAt: string; durationMs: number };

  /** Sends a batch until some instance answers it; every rating it answers for counts as acknowledged. */
  async function syncUntilAnswered(cookie: string, ratings: DeviceRating[], firstInstance: number) {
    for (let attempt = 0; Date.now() < deadline + 30_000; attempt++) {
      sent++;
      try {
        const response = await fetch(`${baseUrl(firstInstance + attempt)}/api/reviews/sync`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ ratings }),
        });
        if (response.ok) {
          const answer = (await response.json()) as { ratings: { reviewId: string; status: string }[] };
          for (const entry of answer.ratings) if (entry.status !== "unknown_card") acknowledged.add(entry.reviewId);
          return;
        }
        if (response.status === 400) {
          refused++;
          console.log(`soak: a sync was refused: ${await response.text()}`);
          return;
        }
      } catch {
        // The instance is down: try again, maybe on another one.
      }
      retried++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Two phones of one user reviewing offline: ratings made hours ago reach the server late, out of order, some twice. */
  async function offlineUser(index: number) {
    const user = users[index]!;
    const phones: DeviceRating[][] = [[], []];
    const sentBefore: DeviceRating[] = [];
    for (let round = 0; Date.now() < deadline; round++) {
      let cards: { id: string }[] = [];
      try {
        const response = await fetch(`${baseUrl(index + round)}/api/reviews/queue?limit=5`, { headers: { cookie: user.cookie } });
        if (response.ok) cards = (await response.json()).cards;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      const phone = phones[round % 2]!;
      for (const card of cards) {
        // Made up to six hours ago, to the millisecond: late and out of order once shuffled.
        const reviewedAt = new Date(Date.now() - Math.floor(random() * 6 * 3_600_000)).toISOString();
        phone.push({ reviewId: randomUUID(), cardId: card.id, rating: RATINGS[Math.floor(random() * 4)]!, reviewedAt, durationMs: 3000 });
      }
      // A phone comes online now and then (a delay of some rounds), sending what it kept in a shuffled
      // batch, with a few ratings it had already sent (a lost answer) sent again.
      if (random() < 0.4 && phone.length > 0) {
        const batch = shuffle([...phone.splice(0), ...sentBefore.filter(() => random() < 0.1)]);
        sentBefore.push(...batch);
        await syncUntilAnswered(user.cookie, batch.slice(0, 500), index + round);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const phone of phones) if (phone.length > 0) await syncUntilAnswered(user.cookie, shuffle(phone).slice(0, 500), index);
  }

  function shuffle<T>(items: T[]): T[] {
    for (let at = items.length - 1; at > 0; at--) {
      const other = Math.floor(random() * (at + 1));
      [items[at], items[other]] = [items[other]!, items[at]!];
    }
    return items;
  }

  const killer = killMidway
    ? (async () => {
        await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
        console.log("soak: killing instance 1 (SIGKILL) and starting it again");
        await servers[0]!.kill();
        servers[0] = await startNext(database.url, ports[0]!, secret);
      })()
    : Promise.resolve();
  await Promise.all([...users.map((_, index) => (offline ? offlineUser(index) : virtualUser(index))), killer]);
  await Promise.all(servers.map((server) => server.stop()));

  const stored = await db.reviewLog.findMany({ select: { reviewId: true, userId: true } });
  const storedIds = new Set(stored.map((log) => log.reviewId));
  const missing = [...acknowledged].filter((id) => !storedIds.has(id));
  const userIds = [...new Set(stored.map((log) => log.userId))];
  const settings = new Map((await db.userSettings.findMany({ where: { userId: { in: userIds } } })).map((row) => [row.userId, row]));
  // Exam mode off: the soak's users set no exam date.
  const replay = await replayMismatches(db, userIds, (userId) => ({ ...policyOfStored(settings.get(userId) ?? null), examDate: null }));
  const rollups = await rollupMismatches(db, userIds);
  await db.$disconnect();
  await database.drop();

  console.log(`soak: ${sent} requests sent, ${retried} retried, ${refused} refused (409), ${acknowledged.size} ratings acknowledged`);
  console.log(`soak: ${stored.length} review log rows for ${storedIds.size} distinct review ids; ${missing.length} acknowledged ratings missing`);
  console.log(`soak: replayed ${replay.logs} ratings of ${replay.cards} cards through ts-fsrs: ${replay.mismatches.length} differences`);
  for (const mismatch of replay.mismatches.slice(0, 10)) console.log(`  ${JSON.stringify(mismatch)}`);
  console.log(`soak: progress rollups (per day, per topic) against a recount of the log: ${rollups.length} differences`);
  for (const mismatch of rollups.slice(0, 10)) console.log(`  ${JSON.stringify(mismatch)}`);
  const ok = stored.length === storedIds.size && missing.length === 0 && replay.mismatches.length === 0 && rollups.length === 0 && acknowledged.size > 0;
  console.log(ok ? "soak: OK" : "soak: FAILED");
  process.exit(ok ? 0 : 1);
}

/** mulberry32: a small seeded generator, so that a failing soak can be run again the same way. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
