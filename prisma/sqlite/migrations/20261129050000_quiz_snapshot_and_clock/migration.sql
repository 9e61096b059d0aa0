-- A quiz question keeps the text the learner saw, a quiz clock starts on Start, practice may be untimed.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "dailyDay" TEXT,
    "topic" TEXT,
    "timeLimitSec" INTEGER,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clockStartedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "QuizSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Quizzes made before this migration started their clock when they were made.
INSERT INTO "new_QuizSession" ("dailyDay", "finishedAt", "id", "mode", "startedAt", "clockStartedAt", "timeLimitSec", "topic", "userId") SELECT "dailyDay", "finishedAt", "id", "mode", "startedAt", "startedAt", "timeLimitSec", "topic", "userId" FROM "QuizSession";
DROP TABLE "QuizSession";
ALTER TABLE "new_QuizSession" RENAME TO "QuizSession";
CREATE INDEX "QuizSession_userId_startedAt_idx" ON "QuizSession"("userId", "startedAt");
CREATE UNIQUE INDEX "QuizSession_userId_dailyDay_key" ON "QuizSession"("userId", "dailyDay");
CREATE TABLE "new_QuizQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "itemId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "sources" TEXT NOT NULL,
    "answerId" TEXT,
    "chosenOptionId" TEXT,
    "answeredAt" DATETIME,
    "correct" BOOLEAN,
    "timeMs" INTEGER,
    CONSTRAINT "QuizQuestion_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "QuizSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizQuestion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BankItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Questions asked before this migration get the snapshot of their item as it stands now: the closest
-- record there is of what was shown.
INSERT INTO "new_QuizQuestion" ("answerId", "answeredAt", "chosenOptionId", "correct", "id", "itemId", "position", "quizId", "timeMs", "type", "topic", "prompt", "options", "answer", "explanation", "sources")
SELECT q."answerId", q."answeredAt", q."chosenOptionId", q."correct", q."id", q."itemId", q."position", q."quizId", q."timeMs", b."type", b."topic", b."prompt", b."options", b."answer", b."explanation", b."sources"
FROM "QuizQuestion" q JOIN "BankItem" b ON b."id" = q."itemId";
DROP TABLE "QuizQuestion";
ALTER TABLE "new_QuizQuestion" RENAME TO "QuizQuestion";
CREATE UNIQUE INDEX "QuizQuestion_answerId_key" ON "QuizQuestion"("answerId");
CREATE UNIQUE INDEX "QuizQuestion_quizId_position_key" ON "QuizQuestion"("quizId", "position");
CREATE UNIQUE INDEX "QuizQuestion_quizId_itemId_key" ON "QuizQuestion"("quizId", "itemId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

