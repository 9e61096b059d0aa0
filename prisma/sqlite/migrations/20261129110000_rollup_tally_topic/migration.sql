-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "tallyTopic" TEXT;

-- Flashcard ratings so far were counted under their item's topic as it is now.
UPDATE "ReviewLog" SET "tallyTopic" = (
    SELECT i."topic" FROM "Card" c JOIN "BankItem" i ON i."id" = c."itemId" WHERE c."id" = "ReviewLog"."cardId"
) WHERE "origin" = 'flashcard';

-- The rollup triggers, generated from lib/db/rollup-rules.ts (scripts/rollup-triggers.ts sqlite): undo
-- now takes a rating off the topic tally it was counted in, kept on the log, not its item's topic today.
DROP TRIGGER "ReviewLog_rollups_insert";
DROP TRIGGER "ReviewLog_rollups_delete";

CREATE TRIGGER "ReviewLog_rollups_insert" AFTER INSERT ON "ReviewLog"
BEGIN
INSERT INTO "StudyDay" ("userId", "day", "reviews", "newCards", "matureReviews", "matureRecalled")
    SELECT NEW."userId", NEW."localDay", 1, CASE WHEN NEW."stateBefore" = 0 THEN 1 ELSE 0 END, CASE WHEN NEW."stateBefore" = 2 THEN 1 ELSE 0 END, CASE WHEN NEW."stateBefore" = 2 AND NEW."rating" > 1 THEN 1 ELSE 0 END
    WHERE NEW."localDay" IS NOT NULL
    ON CONFLICT ("userId", "day") DO UPDATE SET
        "reviews" = "reviews" + excluded."reviews",
        "newCards" = "newCards" + excluded."newCards",
        "matureReviews" = "matureReviews" + excluded."matureReviews",
        "matureRecalled" = "matureRecalled" + excluded."matureRecalled";
INSERT INTO "FlashcardTopicTally" ("userId", "topic", "attempts", "correct")
    SELECT NEW."userId", NEW."tallyTopic", 1, CASE WHEN NEW."rating" > 1 THEN 1 ELSE 0 END
    WHERE NEW."tallyTopic" IS NOT NULL
    ON CONFLICT ("userId", "topic") DO UPDATE SET
        "attempts" = "attempts" + excluded."attempts",
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
    WHERE "userId" = OLD."userId" AND "topic" = OLD."tallyTopic";
END;
