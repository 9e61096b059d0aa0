-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "localDay" INTEGER;

-- CreateTable
CREATE TABLE "StudyDay" (
    "userId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "newCards" INTEGER NOT NULL DEFAULT 0,
    "matureReviews" INTEGER NOT NULL DEFAULT 0,
    "matureRecalled" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "day"),
    CONSTRAINT "StudyDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FlashcardTopicTally" (
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "topic"),
    CONSTRAINT "FlashcardTopicTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- The rollups follow the review log in the same statement that inserts or deletes a log (a rating, a
-- quiz answer's ratings, an undo), so they can never disagree with it. ts-fsrs states: 0 new, 2 review.
-- Rating 1 is "again". Logs without a local day (stored before this migration) are counted once
-- `db:migrate` has filled their day in (lib/progress/study-days.ts).
CREATE TRIGGER "ReviewLog_rollups_insert" AFTER INSERT ON "ReviewLog"
BEGIN
    INSERT INTO "StudyDay" ("userId", "day", "reviews", "newCards", "matureReviews", "matureRecalled")
    SELECT NEW."userId", NEW."localDay", 1,
        CASE WHEN NEW."stateBefore" = 0 THEN 1 ELSE 0 END,
        CASE WHEN NEW."stateBefore" = 2 THEN 1 ELSE 0 END,
        CASE WHEN NEW."stateBefore" = 2 AND NEW."rating" > 1 THEN 1 ELSE 0 END
    WHERE NEW."localDay" IS NOT NULL
    ON CONFLICT ("userId", "day") DO UPDATE SET
        "reviews" = "reviews" + 1,
        "newCards" = "newCards" + excluded."newCards",
        "matureReviews" = "matureReviews" + excluded."matureReviews",
        "matureRecalled" = "matureRecalled" + excluded."matureRecalled";
    INSERT INTO "FlashcardTopicTally" ("userId", "topic", "attempts", "correct")
    SELECT NEW."userId", i."topic", 1, CASE WHEN NEW."rating" > 1 THEN 1 ELSE 0 END
    FROM "Card" c JOIN "BankItem" i ON i."id" = c."itemId"
    WHERE c."id" = NEW."cardId" AND NEW."origin" = 'flashcard'
    ON CONFLICT ("userId", "topic") DO UPDATE SET
        "attempts" = "attempts" + 1,
        "correct" = "correct" + excluded."correct";
END;

CREATE TRIGGER "ReviewLog_rollups_delete" AFTER DELETE ON "ReviewLog"
BEGIN
    UPDATE "StudyDay" SET
        "reviews" = "reviews" - 1,
        "newCards" = "newCards" - CASE WHEN OLD."stateBefore" = 0 THEN 1 ELSE 0 END,
        "matureReviews" = "matureReviews" - CASE WHEN OLD."stateBefore" = 2 THEN 1 ELSE 0 END,
        "matureRecalled" = "matureRecalled" - CASE WHEN OLD."stateBefore" = 2 AND OLD."rating" > 1 THEN 1 ELSE 0 END
    WHERE "userId" = OLD."userId" AND "day" = OLD."localDay";
    UPDATE "FlashcardTopicTally" SET
        "attempts" = "attempts" - 1,
        "correct" = "correct" - CASE WHEN OLD."rating" > 1 THEN 1 ELSE 0 END
    WHERE OLD."origin" = 'flashcard' AND "userId" = OLD."userId"
        AND "topic" = (SELECT i."topic" FROM "Card" c JOIN "BankItem" i ON i."id" = c."itemId" WHERE c."id" = OLD."cardId");
END;

-- Backfill the topic tallies from the existing flashcard ratings.
INSERT INTO "FlashcardTopicTally" ("userId", "topic", "attempts", "correct")
SELECT r."userId", i."topic", COUNT(*), SUM(CASE WHEN r."rating" > 1 THEN 1 ELSE 0 END)
FROM "ReviewLog" r JOIN "Card" c ON c."id" = r."cardId" JOIN "BankItem" i ON i."id" = c."itemId"
WHERE r."origin" = 'flashcard'
GROUP BY r."userId", i."topic";
