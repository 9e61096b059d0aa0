-- AlterTable: a plain ADD COLUMN (a constant default is allowed), rather than the table rebuild migrate diff writes.
ALTER TABLE "QuizQuestion" ADD COLUMN "markedForReview" BOOLEAN NOT NULL DEFAULT false;
