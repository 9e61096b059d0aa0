-- A quiz question keeps the text the learner saw, a quiz clock starts on Start, practice may be untimed.
ALTER TABLE "QuizSession" ADD COLUMN "clockStartedAt" TIMESTAMP(3),
ALTER COLUMN "timeLimitSec" DROP NOT NULL;

-- Quizzes made before this migration started their clock when they were made.
UPDATE "QuizSession" SET "clockStartedAt" = "startedAt";

ALTER TABLE "QuizQuestion" ADD COLUMN "answer" TEXT NOT NULL DEFAULT '',
ADD COLUMN "explanation" TEXT NOT NULL DEFAULT '',
ADD COLUMN "options" TEXT NOT NULL DEFAULT '',
ADD COLUMN "prompt" TEXT NOT NULL DEFAULT '',
ADD COLUMN "sources" TEXT NOT NULL DEFAULT '',
ADD COLUMN "topic" TEXT NOT NULL DEFAULT '',
ADD COLUMN "type" TEXT NOT NULL DEFAULT '';

-- Questions asked before this migration get the snapshot of their item as it stands now: the closest
-- record there is of what was shown.
UPDATE "QuizQuestion" q SET "type" = b."type", "topic" = b."topic", "prompt" = b."prompt", "options" = b."options", "answer" = b."answer", "explanation" = b."explanation", "sources" = b."sources"
FROM "BankItem" b WHERE b."id" = q."itemId";

-- The defaults only served the rows above: new rows always carry their snapshot.
ALTER TABLE "QuizQuestion" ALTER COLUMN "answer" DROP DEFAULT,
ALTER COLUMN "explanation" DROP DEFAULT,
ALTER COLUMN "options" DROP DEFAULT,
ALTER COLUMN "prompt" DROP DEFAULT,
ALTER COLUMN "sources" DROP DEFAULT,
ALTER COLUMN "topic" DROP DEFAULT,
ALTER COLUMN "type" DROP DEFAULT;
