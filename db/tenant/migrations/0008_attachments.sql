CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`has_thumbnail` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text
);
--> statement-breakpoint
CREATE INDEX `attachments_record_idx` ON `attachments` (`entity`,`record_id`);--> statement-breakpoint
-- An agreement counts as signed when its copy is attached (a rule's option): attaching or voiding one changes the
-- figures of the activity's year.
CREATE TRIGGER attachments_data_version_insert AFTER INSERT ON attachments
BEGIN
  INSERT INTO data_versions (year, version)
  SELECT coalesce((SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM activities WHERE NEW.entity = 'activity' AND id = NEW.record_id), 0), 1 WHERE true
  ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER attachments_data_version_update AFTER UPDATE ON attachments
BEGIN
  INSERT INTO data_versions (year, version)
  SELECT coalesce((SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM activities WHERE NEW.entity = 'activity' AND id = NEW.record_id), 0), 1 WHERE true
  ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
