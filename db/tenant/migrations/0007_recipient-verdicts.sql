CREATE TABLE `recipient_verdicts` (
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`record_version` integer NOT NULL,
	`verdict` text NOT NULL,
	`amount_fen` integer,
	`date` text,
	`reason` text,
	`area_code` text NOT NULL,
	`by` text NOT NULL,
	`by_name` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recipient_verdicts_record_idx` ON `recipient_verdicts` (`entity`,`record_id`);--> statement-breakpoint
CREATE TABLE `record_threads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`record_version` integer NOT NULL,
	`kind` text NOT NULL,
	`side` text NOT NULL,
	`author` text NOT NULL,
	`author_name` text NOT NULL,
	`text` text NOT NULL,
	`amount_fen` integer,
	`date` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `record_threads_record_idx` ON `record_threads` (`entity`,`record_id`,`id`);--> statement-breakpoint
-- A verdict changes the figures (confirmed money, 资金到位率): it bumps the data version of the record's year
-- (a fund's date; year 0 for projects and cadres, as their own triggers do), so stored facts know.
CREATE TRIGGER recipient_verdicts_data_version_insert AFTER INSERT ON recipient_verdicts
BEGIN
  INSERT INTO data_versions (year, version)
  SELECT coalesce((SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM funds WHERE NEW.entity = 'fund' AND id = NEW.record_id), 0), 1 WHERE true
  ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER recipient_verdicts_data_version_update AFTER UPDATE ON recipient_verdicts
BEGIN
  INSERT INTO data_versions (year, version)
  SELECT coalesce((SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM funds WHERE NEW.entity = 'fund' AND id = NEW.record_id), 0), 1 WHERE true
  ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
