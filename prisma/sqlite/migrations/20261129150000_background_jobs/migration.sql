-- CreateTable
CREATE TABLE "BackgroundJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activeKey" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "result" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "BackgroundJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MemoryModel" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "fittedAt" DATETIME,
    "outcome" TEXT,
    "reason" TEXT,
    "reviewsAtFit" INTEGER NOT NULL DEFAULT 0,
    "fittedParameters" TEXT,
    "evaluation" TEXT,
    CONSTRAINT "MemoryModel_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MemoryModel" ("evaluation", "fittedAt", "fittedParameters", "outcome", "reason", "reviewsAtFit", "userId") SELECT "evaluation", "fittedAt", "fittedParameters", "outcome", "reason", "reviewsAtFit", "userId" FROM "MemoryModel";
DROP TABLE "MemoryModel";
ALTER TABLE "new_MemoryModel" RENAME TO "MemoryModel";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "BackgroundJob_activeKey_key" ON "BackgroundJob"("activeKey");

-- CreateIndex
CREATE INDEX "BackgroundJob_userId_createdAt_idx" ON "BackgroundJob"("userId", "createdAt");

