-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "stateBefore" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ReviewLog_userId_stateBefore_reviewedAt_idx" ON "ReviewLog"("userId", "stateBefore", "reviewedAt");


-- Backfill: the state before each existing rating is in its exact card snapshot.
UPDATE "ReviewLog" SET "stateBefore" = COALESCE(("cardBefore"::json->>'state')::int, 0);
