-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "tallyTopic" TEXT;

-- Flashcard ratings so far were counted under their item's topic as it is now.
UPDATE "ReviewLog" r SET "tallyTopic" = i."topic"
FROM "Card" c JOIN "BankItem" i ON i."id" = c."itemId"
WHERE c."id" = r."cardId" AND r."origin" = 'flashcard';

-- The rollup trigger's function, generated from lib/db/rollup-rules.ts (scripts/rollup-triggers.ts
-- postgres): undo now takes a rating off the topic tally it was counted in, kept on the log, not its
-- item's topic today. The trigger "ReviewLog_rollups" calls it as before.
CREATE OR REPLACE FUNCTION "review_log_rollups"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
IF TG_OP = ''INSERT'' THEN
INSERT INTO "StudyDay" AS d ("userId", "day", "reviews", "newCards", "matureReviews", "matureRecalled")
    SELECT NEW."userId", NEW."localDay", 1, CASE WHEN NEW."stateBefore" = 0 THEN 1 ELSE 0 END, CASE WHEN NEW."stateBefore" = 2 THEN 1 ELSE 0 END, CASE WHEN NEW."stateBefore" = 2 AND NEW."rating" > 1 THEN 1 ELSE 0 END
    WHERE NEW."localDay" IS NOT NULL
    ON CONFLICT ("userId", "day") DO UPDATE SET
        "reviews" = d."reviews" + EXCLUDED."reviews",
        "newCards" = d."newCards" + EXCLUDED."newCards",
        "matureReviews" = d."matureReviews" + EXCLUDED."matureReviews",
        "matureRecalled" = d."matureRecalled" + EXCLUDED."matureRecalled"\073
INSERT INTO "FlashcardTopicTally" AS t ("userId", "topic", "attempts", "correct")
    SELECT NEW."userId", NEW."tallyTopic", 1, CASE WHEN NEW."rating" > 1 THEN 1 ELSE 0 END
    WHERE NEW."tallyTopic" IS NOT NULL
    ON CONFLICT ("userId", "topic") DO UPDATE SET
        "attempts" = t."attempts" + EXCLUDED."attempts",
        "correct" = t."correct" + EXCLUDED."correct"\073
RETURN NEW\073
END IF\073
UPDATE "StudyDay" SET
        "reviews" = "reviews" - 1,
        "newCards" = "newCards" - CASE WHEN OLD."stateBefore" = 0 THEN 1 ELSE 0 END,
        "matureReviews" = "matureReviews" - CASE WHEN OLD."stateBefore" = 2 THEN 1 ELSE 0 END,
        "matureRecalled" = "matureRecalled" - CASE WHEN OLD."stateBefore" = 2 AND OLD."rating" > 1 THEN 1 ELSE 0 END
    WHERE "userId" = OLD."userId" AND "day" = OLD."localDay"\073
UPDATE "FlashcardTopicTally" SET
        "attempts" = "attempts" - 1,
        "correct" = "correct" - CASE WHEN OLD."rating" > 1 THEN 1 ELSE 0 END
    WHERE "userId" = OLD."userId" AND "topic" = OLD."tallyTopic"\073
RETURN OLD\073
END\073
';
