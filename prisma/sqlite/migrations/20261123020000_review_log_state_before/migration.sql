-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "stateBefore" INTEGER NOT NULL DEFAULT 0,
    "state" INTEGER NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "cardBefore" TEXT NOT NULL,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("cardBefore", "cardId", "difficulty", "due", "durationMs", "elapsedDays", "id", "origin", "rating", "reviewId", "reviewedAt", "scheduledDays", "stability", "state", "userId") SELECT "cardBefore", "cardId", "difficulty", "due", "durationMs", "elapsedDays", "id", "origin", "rating", "reviewId", "reviewedAt", "scheduledDays", "stability", "state", "userId" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE UNIQUE INDEX "ReviewLog_reviewId_key" ON "ReviewLog"("reviewId");
CREATE INDEX "ReviewLog_userId_reviewedAt_idx" ON "ReviewLog"("userId", "reviewedAt");
CREATE INDEX "ReviewLog_cardId_reviewedAt_idx" ON "ReviewLog"("cardId", "reviewedAt");
CREATE INDEX "ReviewLog_userId_stateBefore_reviewedAt_idx" ON "ReviewLog"("userId", "stateBefore", "reviewedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: the state before each existing rating is in its exact card snapshot.
UPDATE "ReviewLog" SET "stateBefore" = COALESCE(json_extract("cardBefore", '$.state'), 0);
