-- AlterTable
ALTER TABLE "BankItem" ADD COLUMN "withheldAt" DATETIME;

-- CreateTable
CREATE TABLE "ItemReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "comment" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openKey" TEXT,
    "reply" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ItemReport_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BankItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ItemReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (a column with a constant default: SQLite adds it in place, no table rebuild)
ALTER TABLE "User" ADD COLUMN "role" TEXT NOT NULL DEFAULT 'learner';

-- CreateIndex
CREATE UNIQUE INDEX "ItemReport_openKey_key" ON "ItemReport"("openKey");

-- CreateIndex
CREATE INDEX "ItemReport_itemId_status_idx" ON "ItemReport"("itemId", "status");

-- CreateIndex
CREATE INDEX "ItemReport_status_itemId_idx" ON "ItemReport"("status", "itemId");

-- CreateIndex
CREATE INDEX "ItemReport_userId_updatedAt_idx" ON "ItemReport"("userId", "updatedAt");

