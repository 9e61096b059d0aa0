-- AlterTable
ALTER TABLE "BankItem" ADD COLUMN "statements" TEXT;

-- AlterTable
ALTER TABLE "QuizQuestion" ADD COLUMN "confidence" TEXT;
ALTER TABLE "QuizQuestion" ADD COLUMN "statementMarks" TEXT;

