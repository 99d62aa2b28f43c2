CREATE TABLE `data_versions` (
	`year` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
-- Every insert and update of a ledger record bumps the version of the year it belongs to (year 0 for
-- records that belong to no single year, and for plan documents, which count in every later year).
-- Triggers, not application code, so no write path — route, import, seed, a future one — can forget.
CREATE TRIGGER funds_data_version_insert AFTER INSERT ON funds
BEGIN
  INSERT INTO data_versions (year, version) SELECT CAST(substr(NEW.date, 1, 4) AS INTEGER), 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER funds_data_version_update AFTER UPDATE ON funds
BEGIN
  INSERT INTO data_versions (year, version) SELECT CAST(substr(NEW.date, 1, 4) AS INTEGER), 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (year, version) SELECT CAST(substr(OLD.date, 1, 4) AS INTEGER), 1 WHERE CAST(substr(OLD.date, 1, 4) AS INTEGER) <> CAST(substr(NEW.date, 1, 4) AS INTEGER) ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER activities_data_version_insert AFTER INSERT ON activities
BEGIN
  INSERT INTO data_versions (year, version) SELECT CASE WHEN NEW.kind = 'plan_document' THEN 0 ELSE CAST(substr(NEW.date, 1, 4) AS INTEGER) END, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER activities_data_version_update AFTER UPDATE ON activities
BEGIN
  INSERT INTO data_versions (year, version) SELECT CASE WHEN NEW.kind = 'plan_document' THEN 0 ELSE CAST(substr(NEW.date, 1, 4) AS INTEGER) END, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (year, version) SELECT CASE WHEN OLD.kind = 'plan_document' THEN 0 ELSE CAST(substr(OLD.date, 1, 4) AS INTEGER) END, 1 WHERE CASE WHEN OLD.kind = 'plan_document' THEN 0 ELSE CAST(substr(OLD.date, 1, 4) AS INTEGER) END <> CASE WHEN NEW.kind = 'plan_document' THEN 0 ELSE CAST(substr(NEW.date, 1, 4) AS INTEGER) END ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER submissions_data_version_insert AFTER INSERT ON submissions
BEGIN
  INSERT INTO data_versions (year, version) SELECT NEW.year, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER submissions_data_version_update AFTER UPDATE ON submissions
BEGIN
  INSERT INTO data_versions (year, version) SELECT NEW.year, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (year, version) SELECT OLD.year, 1 WHERE OLD.year <> NEW.year ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER targets_data_version_insert AFTER INSERT ON targets
BEGIN
  INSERT INTO data_versions (year, version) SELECT NEW.year, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER targets_data_version_update AFTER UPDATE ON targets
BEGIN
  INSERT INTO data_versions (year, version) SELECT NEW.year, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (year, version) SELECT OLD.year, 1 WHERE OLD.year <> NEW.year ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER sub_units_data_version_insert AFTER INSERT ON sub_units
BEGIN
  INSERT INTO data_versions (year, version) SELECT 0, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER sub_units_data_version_update AFTER UPDATE ON sub_units
BEGIN
  INSERT INTO data_versions (year, version) SELECT 0, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER pairings_data_version_insert AFTER INSERT ON pairings
BEGIN
  INSERT INTO data_versions (year, version) SELECT 0, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER pairings_data_version_update AFTER UPDATE ON pairings
BEGIN
  INSERT INTO data_versions (year, version) SELECT 0, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER projects_data_version_insert AFTER INSERT ON projects
BEGIN
  INSERT INTO data_versions (year, version) SELECT 0, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER projects_data_version_update AFTER UPDATE ON projects
BEGIN
  INSERT INTO data_versions (year, version) SELECT 0, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER cadres_data_version_insert AFTER INSERT ON cadres
BEGIN
  INSERT INTO data_versions (year, version) SELECT 0, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER cadres_data_version_update AFTER UPDATE ON cadres
BEGIN
  INSERT INTO data_versions (year, version) SELECT 0, 1 WHERE true ON CONFLICT(year) DO UPDATE SET version = version + 1;
END;
