-- AlterTable
ALTER TABLE "QuizQuestion" ADD COLUMN     "markedForReview" BOOLEAN NOT NULL DEFAULT false;

