-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN "fsrsParameters" TEXT;

-- CreateTable
CREATE TABLE "MemoryModel" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "fittedAt" DATETIME,
    "outcome" TEXT,
    "reason" TEXT,
    "reviewsAtFit" INTEGER NOT NULL DEFAULT 0,
    "fittedParameters" TEXT,
    "evaluation" TEXT,
    CONSTRAINT "MemoryModel_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

