/**
 * The raw floor for `POST /api/reviews`: what the machine does for a review submit with nothing between
 * the code and the driver. node:http, the session cookie decoded with next-auth's own decode (the key
 * derived every time, as next-auth does) and its UserSession row read by primary key, the body parsed
 * and checked with the route's zod schema, the card and settings read, ts-fsrs' schedule, then the
 * version-checked update and the log insert in one transaction: better-sqlite3 statements prepared once
 * and run synchronously, or pg named statements. No ORM, no query builder, no Next.js.
 *
 * A measuring device, not a second implementation to keep: it handles the straight path only (a
 * retried review id or a stale version answers 409) and default scheduling settings (no exam mode or
 * fitted weights). Started by `startRawFloor` (bench/server.ts) with DATABASE_URL, NEXTAUTH_SECRET and PORT.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { decode } from "next-auth/jwt";
import pg from "pg";
import { fsrs, Rating, type Card as FsrsCard, type Grade } from "ts-fsrs";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { reviewSchema } from "@/lib/validation/practice";

const GRADES: Record<string, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
const target = resolveDatabaseTarget(process.env.DATABASE_URL);
const secret = process.env.NEXTAUTH_SECRET!;
const SESSION_COOKIE = "next-auth.session-token=";

type CardRow = { id: string; version: number; due: string | Date; stability: number; difficulty: number; elapsedDays: number; scheduledDays: number; learningSteps: number; reps: number; lapses: number; state: number; lastReview: string | Date | null; type: string; topic: string; timeZone: string | null };

const SELECT_SESSION = `SELECT "userId" FROM "UserSession" WHERE "id" = $1`;
const SELECT_CARD = `SELECT c."id", c."version", c."due", c."stability", c."difficulty", c."elapsedDays", c."scheduledDays", c."learningSteps", c."reps", c."lapses", c."state", c."lastReview", i."type", i."topic", s."timeZone"
  FROM "Card" c JOIN "BankItem" i ON i."id" = c."itemId" LEFT JOIN "UserSettings" s ON s."userId" = c."userId" WHERE c."id" = $1 AND c."userId" = $2`;
const UPDATE_CARD = `UPDATE "Card" SET "due" = $1, "stability" = $2, "difficulty" = $3, "elapsedDays" = $4, "scheduledDays" = $5, "learningSteps" = $6, "reps" = $7, "lapses" = $8, "state" = $9, "lastReview" = $10, "version" = $11 WHERE "id" = $12 AND "version" = $13`;
const INSERT_LOG = `INSERT INTO "ReviewLog" ("id", "reviewId", "userId", "cardId", "rating", "origin", "reviewedAt", "durationMs", "stateBefore", "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "cardBefore", "localDay", "tallyTopic") VALUES ($1, $2, $3, $4, $5, 'flashcard', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`;

/** The database calls the floor makes, for either database. */
type Store = {
  sessionUser(sid: string): Promise<string | undefined>;
  card(cardId: string, userId: string): Promise<CardRow | undefined>;
  /** The update and the insert in one transaction; false when the version check matched nothing. */
  write(update: unknown[], insert: unknown[]): Promise<boolean>;
};

function sqliteStore(filePath: string): Store {
  const sqlite = new Database(filePath, { timeout: 5000 });
  const sqliteText = (text: string) => text.replace(/\$\d+/g, "?");
  const [session, card, update, insert] = [SELECT_SESSION, SELECT_CARD, UPDATE_CARD, INSERT_LOG].map((text) => sqlite.prepare(sqliteText(text)));
  const stored = (values: unknown[]) => values.map((value) => (value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value));
  const write = sqlite.transaction((updateValues: unknown[], insertValues: unknown[]) => {
    if (update!.run(...stored(updateValues)).changes === 0) return false;
    insert!.run(...stored(insertValues));
    return true;
  });
  return {
    sessionUser: async (sid) => (session!.get(sid) as { userId: string } | undefined)?.userId,
    card: async (cardId, userId) => card!.get(cardId, userId) as CardRow | undefined,
    write: async (updateValues, insertValues) => write.immediate(updateValues, insertValues),
  };
}

function postgresStore(url: string, schema: string | undefined): Store {
  const utc = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
  const pool = new pg.Pool({
    connectionString: url,
    options: schema ? `-c search_path=${schema}` : undefined,
    types: { getTypeParser: ((oid: number, format?: string) => (oid === 1114 ? utc : pg.types.getTypeParser(oid, format as "text"))) as typeof pg.types.getTypeParser },
  });
  const values = (list: unknown[]) => list.map((value) => (value instanceof Date ? value.toISOString() : value));
  return {
    sessionUser: async (sid) => (await pool.query({ name: "session", text: SELECT_SESSION, values: [sid] })).rows[0]?.userId,
    card: async (cardId, userId) => (await pool.query({ name: "card", text: SELECT_CARD, values: [cardId, userId] })).rows[0],
    write: async (updateValues, insertValues) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rowCount } = await client.query({ name: "update", text: UPDATE_CARD, values: values(updateValues) });
        if (rowCount === 0) {
          await client.query("ROLLBACK");
          return false;
        }
        await client.query({ name: "insert", text: INSERT_LOG, values: values(insertValues) });
        await client.query("COMMIT");
        return true;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

const store = target.provider === "sqlite" ? sqliteStore(target.filePath) : postgresStore(target.url, target.schema);

function send(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function userOf(request: http.IncomingMessage): Promise<string | null> {
  const cookie = request.headers.cookie?.split("; ").find((part) => part.startsWith(SESSION_COOKIE));
  if (!cookie) return null;
  const claims = await decode({ token: cookie.slice(SESSION_COOKIE.length), secret }).catch(() => null);
  if (typeof claims?.sub !== "string" || typeof claims.sid !== "string") return null;
  return (await store.sessionUser(claims.sid)) === claims.sub ? claims.sub : null;
}

function localEpochDay(now: Date, timeZone: string): number {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now).split("-").map(Number);
  return Math.floor(Date.UTC(year!, month! - 1, day!) / 86_400_000);
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
  if (request.method !== "POST" || request.url !== "/review") return send(response, 404, { error: "not_found" });
  const userId = await userOf(request);
  if (!userId) return send(response, 401, { error: "unauthenticated" });
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return send(response, 400, { error: "invalid_json" });
  }
  const parsed = reviewSchema.safeParse(body);
  if (!parsed.success) return send(response, 400, { error: "invalid_request", issues: parsed.error.issues });
  const input = parsed.data;
  try {
    const row = await store.card(input.cardId, userId);
    if (!row) return send(response, 404, { error: "not_found" });
    const before: FsrsCard = {
      due: new Date(row.due),
      stability: Number(row.stability),
      difficulty: Number(row.difficulty),
      elapsed_days: Number(row.elapsedDays),
      scheduled_days: Number(row.scheduledDays),
      learning_steps: Number(row.learningSteps),
      reps: Number(row.reps),
      lapses: Number(row.lapses),
      state: Number(row.state),
      last_review: row.lastReview ? new Date(row.lastReview) : undefined,
    };
    const now = new Date();
    const grade = GRADES[input.rating]!;
    const { card: after } = scheduler.next(before, now, grade);
    const version = Number(row.version);
    const updated = await store.write(
      [after.due, after.stability, after.difficulty, after.elapsed_days, after.scheduled_days, after.learning_steps, after.reps, after.lapses, after.state, after.last_review ?? null, version + 1, row.id, version],
      [
        randomUUID(), input.reviewId, userId, row.id, grade, now, input.durationMs, before.state, after.state, after.due, after.stability, after.difficulty,
        after.elapsed_days, after.scheduled_days, JSON.stringify(before), localEpochDay(now, row.timeZone ?? "Asia/Kolkata"), row.topic,
      ],
    );
    if (!updated) return send(response, 409, { error: "conflict" });
    send(response, 200, { reviewId: input.reviewId, cardId: row.id, rating: input.rating, reviewedAt: now, state: after.state, due: after.due, stability: after.stability, difficulty: after.difficulty, scheduledDays: after.scheduled_days });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_CONSTRAINT") || (error as { code?: string }).code === "23505") return send(response, 409, { error: "conflict" });
    console.error(error);
    send(response, 500, { error: "internal" });
  }
}

// A load generator closes its connections at the end of a window, mid-request: that request is dropped, not the server.
const server = http.createServer((request, response) => void handle(request, response).catch(() => response.destroy()));

server.listen(Number(process.env.PORT), "127.0.0.1");
