-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME NOT NULL,
    CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (sessions are rows now, no longer versions. SQLite drops a plain column in place: rebuilding
-- "User", as Prisma's diff proposes, would drop the table that every user's data references.)
ALTER TABLE "User" DROP COLUMN "sessionVersion";

-- CreateIndex
CREATE INDEX "UserSession_userId_lastUsedAt_idx" ON "UserSession"("userId", "lastUsedAt");
