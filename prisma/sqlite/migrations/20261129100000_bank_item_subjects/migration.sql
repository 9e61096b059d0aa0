-- The entity ids an item is about (JSON), so that two questions about one thing never share a quiz.
ALTER TABLE "BankItem" ADD COLUMN "subjects" TEXT NOT NULL DEFAULT '[]';
