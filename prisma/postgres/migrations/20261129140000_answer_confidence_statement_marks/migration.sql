-- AlterTable
ALTER TABLE "BankItem" ADD COLUMN     "statements" TEXT;

-- AlterTable
ALTER TABLE "QuizQuestion" ADD COLUMN     "confidence" TEXT,
ADD COLUMN     "statementMarks" TEXT;

