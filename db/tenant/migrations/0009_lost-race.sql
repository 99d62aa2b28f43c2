-- A write of many records (bulk void, bulk program, a guarded update) checks each record's version in its
-- UPDATE, and its audit row's actor is NULL when that UPDATE changed nothing: someone else wrote first.
-- Refuse it here by our own name, as the other invariants are (0001), so the batch is undone and the
-- server knows why by a code of ours rather than by SQLite's wording of a NOT NULL failure.
CREATE TRIGGER audit_log_lost_race BEFORE INSERT ON audit_log
WHEN NEW.actor IS NULL
BEGIN
  SELECT RAISE(ABORT, 'LOST_RACE');
END;
