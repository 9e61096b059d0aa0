-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "localDay" INTEGER;

-- CreateTable
CREATE TABLE "StudyDay" (
    "userId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "newCards" INTEGER NOT NULL DEFAULT 0,
    "matureReviews" INTEGER NOT NULL DEFAULT 0,
    "matureRecalled" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StudyDay_pkey" PRIMARY KEY ("userId","day")
);

-- CreateTable
CREATE TABLE "FlashcardTopicTally" (
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FlashcardTopicTally_pkey" PRIMARY KEY ("userId","topic")
);

-- AddForeignKey
ALTER TABLE "StudyDay" ADD CONSTRAINT "StudyDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlashcardTopicTally" ADD CONSTRAINT "FlashcardTopicTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The rollups follow the review log in the same statement that inserts or deletes a log (a rating, a
-- quiz answer's ratings, an undo), so they can never disagree with it. ts-fsrs states: 0 new, 2 review.
-- Rating 1 is "again". Logs without a local day (stored before this migration) are counted once
-- `db:migrate` has filled their day in (lib/progress/study-days.ts). Table names resolve through the
-- session's search_path, which the app sets to the schema of DATABASE_URL.
-- Prisma's PostgreSQL adapter applies a migration by splitting it at every semicolon, so the function body
-- is an escape string with each of its semicolons written as \073.
CREATE FUNCTION "review_log_rollups"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF TG_OP = ''INSERT'' THEN
        IF NEW."localDay" IS NOT NULL THEN
            INSERT INTO "StudyDay" AS d ("userId", "day", "reviews", "newCards", "matureReviews", "matureRecalled")
            VALUES (NEW."userId", NEW."localDay", 1,
                CASE WHEN NEW."stateBefore" = 0 THEN 1 ELSE 0 END,
                CASE WHEN NEW."stateBefore" = 2 THEN 1 ELSE 0 END,
                CASE WHEN NEW."stateBefore" = 2 AND NEW."rating" > 1 THEN 1 ELSE 0 END)
            ON CONFLICT ("userId", "day") DO UPDATE SET
                "reviews" = d."reviews" + 1,
                "newCards" = d."newCards" + EXCLUDED."newCards",
                "matureReviews" = d."matureReviews" + EXCLUDED."matureReviews",
                "matureRecalled" = d."matureRecalled" + EXCLUDED."matureRecalled"\073
        END IF\073
        IF NEW."origin" = ''flashcard'' THEN
            INSERT INTO "FlashcardTopicTally" AS t ("userId", "topic", "attempts", "correct")
            SELECT NEW."userId", i."topic", 1, CASE WHEN NEW."rating" > 1 THEN 1 ELSE 0 END
            FROM "Card" c JOIN "BankItem" i ON i."id" = c."itemId"
            WHERE c."id" = NEW."cardId"
            ON CONFLICT ("userId", "topic") DO UPDATE SET
                "attempts" = t."attempts" + 1,
                "correct" = t."correct" + EXCLUDED."correct"\073
        END IF\073
        RETURN NEW\073
    END IF\073
    UPDATE "StudyDay" SET
        "reviews" = "reviews" - 1,
        "newCards" = "newCards" - CASE WHEN OLD."stateBefore" = 0 THEN 1 ELSE 0 END,
        "matureReviews" = "matureReviews" - CASE WHEN OLD."stateBefore" = 2 THEN 1 ELSE 0 END,
        "matureRecalled" = "matureRecalled" - CASE WHEN OLD."stateBefore" = 2 AND OLD."rating" > 1 THEN 1 ELSE 0 END
    WHERE "userId" = OLD."userId" AND "day" = OLD."localDay"\073
    IF OLD."origin" = ''flashcard'' THEN
        UPDATE "FlashcardTopicTally" SET
            "attempts" = "attempts" - 1,
            "correct" = "correct" - CASE WHEN OLD."rating" > 1 THEN 1 ELSE 0 END
        WHERE "userId" = OLD."userId"
            AND "topic" = (SELECT i."topic" FROM "Card" c JOIN "BankItem" i ON i."id" = c."itemId" WHERE c."id" = OLD."cardId")\073
    END IF\073
    RETURN OLD\073
END\073
';

CREATE TRIGGER "ReviewLog_rollups" AFTER INSERT OR DELETE ON "ReviewLog"
FOR EACH ROW EXECUTE FUNCTION "review_log_rollups"();

-- Backfill the topic tallies from the existing flashcard ratings.
INSERT INTO "FlashcardTopicTally" ("userId", "topic", "attempts", "correct")
SELECT r."userId", i."topic", COUNT(*), SUM(CASE WHEN r."rating" > 1 THEN 1 ELSE 0 END)
FROM "ReviewLog" r JOIN "Card" c ON c."id" = r."cardId" JOIN "BankItem" i ON i."id" = c."itemId"
WHERE r."origin" = 'flashcard'
GROUP BY r."userId", i."topic";
