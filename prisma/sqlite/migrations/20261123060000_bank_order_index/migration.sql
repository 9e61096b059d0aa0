-- New cards are introduced in the bank's order (topic, id) among live items: walked from this index
-- instead of sorting the whole bank on every queue that introduces cards.
CREATE INDEX "BankItem_retiredAt_topic_id_type_idx" ON "BankItem"("retiredAt", "topic", "id", "type");
