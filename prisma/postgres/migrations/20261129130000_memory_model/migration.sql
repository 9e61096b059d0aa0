-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN     "fsrsParameters" TEXT;

-- CreateTable
CREATE TABLE "MemoryModel" (
    "userId" TEXT NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "fittedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "reason" TEXT,
    "reviewsAtFit" INTEGER NOT NULL DEFAULT 0,
    "fittedParameters" TEXT,
    "evaluation" TEXT,

    CONSTRAINT "MemoryModel_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "MemoryModel" ADD CONSTRAINT "MemoryModel_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

