-- A submitted quarterly report is locked with its files, as its text is (0001): no attachment joins it
-- and none is voided until the coordinating office reopens it. The routes check first and answer 423;
-- these hold the lock against a submit that lands between their check and their write.
CREATE TRIGGER attachments_submission_locked_insert BEFORE INSERT ON attachments
WHEN NEW.entity = 'submission' AND EXISTS (SELECT 1 FROM submissions WHERE id = NEW.record_id AND status = 'submitted')
BEGIN
  SELECT RAISE(ABORT, 'SUBMISSION_LOCKED');
END;
--> statement-breakpoint
CREATE TRIGGER attachments_submission_locked_void BEFORE UPDATE OF voided_at ON attachments
WHEN NEW.entity = 'submission' AND EXISTS (SELECT 1 FROM submissions WHERE id = NEW.record_id AND status = 'submitted')
BEGIN
  SELECT RAISE(ABORT, 'SUBMISSION_LOCKED');
END;
