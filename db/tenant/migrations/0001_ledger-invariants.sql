-- Invariants the database itself enforces, so that no code path and no race can break them.
-- The API checks the same rules first to give the clerk a precise message; these are the backstop.

-- A project's disbursements (except those marked as an overrun, with a reason) never exceed its allocations.
CREATE TRIGGER funds_no_overrun_insert AFTER INSERT ON funds
WHEN NEW.project_id IS NOT NULL AND (
  SELECT COALESCE(SUM(CASE WHEN kind = 'disbursement' AND overrun = 0 THEN amount_fen END), 0)
       - COALESCE(SUM(CASE WHEN kind = 'allocation' THEN amount_fen END), 0)
  FROM funds WHERE project_id = NEW.project_id AND voided_at IS NULL) > 0
BEGIN
  SELECT RAISE(ABORT, 'FUND_OVERRUN');
END;
--> statement-breakpoint
CREATE TRIGGER funds_no_overrun_update AFTER UPDATE ON funds
WHEN (NEW.project_id IS NOT NULL AND (
  SELECT COALESCE(SUM(CASE WHEN kind = 'disbursement' AND overrun = 0 THEN amount_fen END), 0)
       - COALESCE(SUM(CASE WHEN kind = 'allocation' THEN amount_fen END), 0)
  FROM funds WHERE project_id = NEW.project_id AND voided_at IS NULL) > 0)
  OR (OLD.project_id IS NOT NULL AND (
  SELECT COALESCE(SUM(CASE WHEN kind = 'disbursement' AND overrun = 0 THEN amount_fen END), 0)
       - COALESCE(SUM(CASE WHEN kind = 'allocation' THEN amount_fen END), 0)
  FROM funds WHERE project_id = OLD.project_id AND voided_at IS NULL) > 0)
BEGIN
  SELECT RAISE(ABORT, 'FUND_OVERRUN');
END;
--> statement-breakpoint
-- The project workflow: planned → approved → in progress → completed → accepted, one step at a time.
CREATE TRIGGER projects_status_workflow BEFORE UPDATE OF status ON projects
WHEN NEW.status <> OLD.status AND NOT (
     (OLD.status = 'planned' AND NEW.status = 'approved')
  OR (OLD.status = 'approved' AND NEW.status = 'in_progress')
  OR (OLD.status = 'in_progress' AND NEW.status = 'completed')
  OR (OLD.status = 'completed' AND NEW.status = 'accepted'))
BEGIN
  SELECT RAISE(ABORT, 'PROJECT_STATUS_TRANSITION');
END;
--> statement-breakpoint
-- A submitted quarterly report is locked: only a coordinator's reopening changes it.
CREATE TRIGGER submissions_locked BEFORE UPDATE ON submissions
WHEN OLD.status = 'submitted' AND NEW.status <> 'reopened'
BEGIN
  SELECT RAISE(ABORT, 'SUBMISSION_LOCKED');
END;
