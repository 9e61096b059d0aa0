import { Rating, State } from "ts-fsrs";

/**
 * The counting rules of the progress rollups, stated once. Each count is a SQL expression over one
 * ReviewLog row (`log` names it: NEW or OLD in a trigger, a table alias in a recount), 1 or 0. From
 * them come the triggers of both databases (their migrations hold the generated text, which
 * tests/db/rollup-rules.test.ts compares), the backfill after db:migrate and the soak's recount.
 */
export const STUDY_DAY_COUNTS = {
  reviews: () => "1",
  newCards: (log: string) => `CASE WHEN ${log}."stateBefore" = ${State.New} THEN 1 ELSE 0 END`,
  matureReviews: (log: string) => `CASE WHEN ${log}."stateBefore" = ${State.Review} THEN 1 ELSE 0 END`,
  matureRecalled: (log: string) => `CASE WHEN ${log}."stateBefore" = ${State.Review} AND ${log}."rating" > ${Rating.Again} THEN 1 ELSE 0 END`,
} as const;

/**
 * Flashcard ratings only, per topic: the topic the rating was counted under is kept on the log
 * (tallyTopic), so that undoing it takes it off that tally even after the content renamed the topic.
 */
export const TOPIC_TALLY_COUNTS = {
  attempts: () => "1",
  correct: (log: string) => `CASE WHEN ${log}."rating" > ${Rating.Again} THEN 1 ELSE 0 END`,
} as const;

/** The topic tally a rating counts in: flashcard ratings only, under their item's topic at the time. */
export function tallyTopicOf(origin: string, itemTopic: string | null): string | null {
  return origin === "flashcard" ? itemTopic : null;
}

/** Which logs count in each rollup. */
export const COUNTED_IN = {
  studyDay: (log: string) => `${log}."localDay" IS NOT NULL`,
  topicTally: (log: string) => `${log}."tallyTopic" IS NOT NULL`,
} as const;

type Counts = Record<string, (log: string) => string>;

const columns = (counts: Counts) => Object.keys(counts).map((column) => `"${column}"`);
const values = (counts: Counts, log: string) => Object.values(counts).map((count) => count(log));
const sums = (counts: Counts, log: string) => Object.entries(counts).map(([column, count]) => `SUM(${count(log)}) AS "${column}"`);

/** Recount SELECT columns for a GROUP BY over ReviewLog aliased `log`. */
export function studyDayRecount(log: string): string {
  return sums(STUDY_DAY_COUNTS, log).join(", ");
}

export function topicTallyRecount(log: string): string {
  return sums(TOPIC_TALLY_COUNTS, log).join(", ");
}

/** The upserts and decrements, for a row named `log`, as one SQL statement each (no trailing semicolon). */
function statements(log: "NEW" | "OLD", dialect: "sqlite" | "postgres") {
  const excluded = dialect === "sqlite" ? "excluded" : "EXCLUDED";
  const upsert = (table: string, alias: string, key: string[], keyValues: string[], counts: Counts) => {
    const names = columns(counts);
    const target = dialect === "sqlite" ? `"${table}"` : `"${table}" AS ${alias}`;
    const own = (column: string) => (dialect === "sqlite" ? column : `${alias}.${column}`);
    return [
      `INSERT INTO ${target} (${[...key.map((column) => `"${column}"`), ...names].join(", ")})`,
      `    SELECT ${[...keyValues, ...values(counts, log)].join(", ")}`,
      `    WHERE ${COUNTED_IN[table === "StudyDay" ? "studyDay" : "topicTally"](log)}`,
      `    ON CONFLICT (${key.map((column) => `"${column}"`).join(", ")}) DO UPDATE SET`,
      names.map((column) => `        ${column} = ${own(column)} + ${excluded}.${column}`).join(",\n"),
    ].join("\n");
  };
  const decrement = (table: string, key: string[], keyValues: string[], counts: Counts) =>
    [
      `UPDATE "${table}" SET`,
      Object.entries(counts)
        .map(([column, count]) => `        "${column}" = "${column}" - ${count(log)}`)
        .join(",\n"),
      `    WHERE ${key.map((column, index) => `"${column}" = ${keyValues[index]}`).join(" AND ")}`,
    ].join("\n");
  return {
    insertStudyDay: upsert("StudyDay", "d", ["userId", "day"], [`${log}."userId"`, `${log}."localDay"`], STUDY_DAY_COUNTS),
    insertTopicTally: upsert("FlashcardTopicTally", "t", ["userId", "topic"], [`${log}."userId"`, `${log}."tallyTopic"`], TOPIC_TALLY_COUNTS),
    deleteStudyDay: decrement("StudyDay", ["userId", "day"], [`${log}."userId"`, `${log}."localDay"`], STUDY_DAY_COUNTS),
    deleteTopicTally: decrement("FlashcardTopicTally", ["userId", "topic"], [`${log}."userId"`, `${log}."tallyTopic"`], TOPIC_TALLY_COUNTS),
  };
}

/** SQLite's two triggers on ReviewLog, as the migration creates them. */
export function sqliteRollupTriggers(): string {
  const inserted = statements("NEW", "sqlite");
  const deleted = statements("OLD", "sqlite");
  return [
    `CREATE TRIGGER "ReviewLog_rollups_insert" AFTER INSERT ON "ReviewLog"\nBEGIN\n${inserted.insertStudyDay};\n${inserted.insertTopicTally};\nEND;`,
    // A log not counted in a rollup matches no row of it (its key is null).
    `CREATE TRIGGER "ReviewLog_rollups_delete" AFTER DELETE ON "ReviewLog"\nBEGIN\n${deleted.deleteStudyDay};\n${deleted.deleteTopicTally};\nEND;`,
  ].join("\n\n");
}

/**
 * PostgreSQL's trigger function, as the migration creates it. Prisma's PostgreSQL adapter applies a
 * migration by splitting it at every semicolon, so the body is an escape string with each of its
 * semicolons written as \073 and its quotes doubled.
 */
export function postgresRollupFunction(): string {
  const inserted = statements("NEW", "postgres");
  const deleted = statements("OLD", "postgres");
  // A log not counted in a rollup matches no row of it on delete (its key is null).
  const body = [
    "BEGIN",
    "IF TG_OP = 'INSERT' THEN",
    `${inserted.insertStudyDay};`,
    `${inserted.insertTopicTally};`,
    "RETURN NEW;",
    "END IF;",
    `${deleted.deleteStudyDay};`,
    `${deleted.deleteTopicTally};`,
    "RETURN OLD;",
    "END;",
  ].join("\n");
  const escaped = body.replaceAll("\\", "\\\\").replaceAll("'", "''").replaceAll(";", "\\073");
  return `CREATE OR REPLACE FUNCTION "review_log_rollups"() RETURNS trigger LANGUAGE plpgsql AS E'\n${escaped}\n';`;
}
