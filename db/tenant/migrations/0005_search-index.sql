-- Text search (security finding 6): one FTS5 table with the trigram tokenizer over every ledger table's
-- searchable columns (each resource's `search` fields). An entry's rowid is the record's rowid × 16 + the
-- table's code (src/ledger/search.ts), so triggers find it without a lookup. Triggers, not application code,
-- so no write path can leave the index behind; the existing records are indexed here. (These tables have no
-- INTEGER PRIMARY KEY, so a VACUUM may renumber their rowids: after one, empty search_text and re-run the
-- INSERT … SELECT statements below.)
CREATE VIRTUAL TABLE `search_text` USING fts5(body, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO search_text (rowid, body) SELECT rowid * 16 + 1, coalesce(sub_units.`name`, '') || char(10) || coalesce(sub_units.`note`, '') FROM `sub_units`;
--> statement-breakpoint
CREATE TRIGGER sub_units_search_insert AFTER INSERT ON `sub_units` BEGIN
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 1, coalesce(NEW.`name`, '') || char(10) || coalesce(NEW.`note`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER sub_units_search_update AFTER UPDATE ON `sub_units` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 1;
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 1, coalesce(NEW.`name`, '') || char(10) || coalesce(NEW.`note`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER sub_units_search_delete AFTER DELETE ON `sub_units` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 1;
END;
--> statement-breakpoint
INSERT INTO search_text (rowid, body) SELECT rowid * 16 + 2, coalesce(pairings.`counterpart`, '') || char(10) || coalesce(pairings.`note`, '') FROM `pairings`;
--> statement-breakpoint
CREATE TRIGGER pairings_search_insert AFTER INSERT ON `pairings` BEGIN
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 2, coalesce(NEW.`counterpart`, '') || char(10) || coalesce(NEW.`note`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER pairings_search_update AFTER UPDATE ON `pairings` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 2;
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 2, coalesce(NEW.`counterpart`, '') || char(10) || coalesce(NEW.`note`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER pairings_search_delete AFTER DELETE ON `pairings` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 2;
END;
--> statement-breakpoint
INSERT INTO search_text (rowid, body) SELECT rowid * 16 + 3, coalesce(projects.`title`, '') || char(10) || coalesce(projects.`location`, '') || char(10) || coalesce(projects.`description`, '') FROM `projects`;
--> statement-breakpoint
CREATE TRIGGER projects_search_insert AFTER INSERT ON `projects` BEGIN
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 3, coalesce(NEW.`title`, '') || char(10) || coalesce(NEW.`location`, '') || char(10) || coalesce(NEW.`description`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER projects_search_update AFTER UPDATE ON `projects` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 3;
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 3, coalesce(NEW.`title`, '') || char(10) || coalesce(NEW.`location`, '') || char(10) || coalesce(NEW.`description`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER projects_search_delete AFTER DELETE ON `projects` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 3;
END;
--> statement-breakpoint
INSERT INTO search_text (rowid, body) SELECT rowid * 16 + 4, coalesce(funds.`note`, '') || char(10) || coalesce(funds.`overrun_reason`, '') FROM `funds`;
--> statement-breakpoint
CREATE TRIGGER funds_search_insert AFTER INSERT ON `funds` BEGIN
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 4, coalesce(NEW.`note`, '') || char(10) || coalesce(NEW.`overrun_reason`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER funds_search_update AFTER UPDATE ON `funds` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 4;
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 4, coalesce(NEW.`note`, '') || char(10) || coalesce(NEW.`overrun_reason`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER funds_search_delete AFTER DELETE ON `funds` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 4;
END;
--> statement-breakpoint
INSERT INTO search_text (rowid, body) SELECT rowid * 16 + 5, coalesce(cadres.`post`, '') FROM `cadres`;
--> statement-breakpoint
CREATE TRIGGER cadres_search_insert AFTER INSERT ON `cadres` BEGIN
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 5, coalesce(NEW.`post`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER cadres_search_update AFTER UPDATE ON `cadres` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 5;
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 5, coalesce(NEW.`post`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER cadres_search_delete AFTER DELETE ON `cadres` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 5;
END;
--> statement-breakpoint
INSERT INTO search_text (rowid, body) SELECT rowid * 16 + 6, coalesce(activities.`title`, '') || char(10) || coalesce(activities.`note`, '') FROM `activities`;
--> statement-breakpoint
CREATE TRIGGER activities_search_insert AFTER INSERT ON `activities` BEGIN
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 6, coalesce(NEW.`title`, '') || char(10) || coalesce(NEW.`note`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER activities_search_update AFTER UPDATE ON `activities` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 6;
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 6, coalesce(NEW.`title`, '') || char(10) || coalesce(NEW.`note`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER activities_search_delete AFTER DELETE ON `activities` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 6;
END;
--> statement-breakpoint
INSERT INTO search_text (rowid, body) SELECT rowid * 16 + 7, coalesce(targets.`note`, '') FROM `targets`;
--> statement-breakpoint
CREATE TRIGGER targets_search_insert AFTER INSERT ON `targets` BEGIN
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 7, coalesce(NEW.`note`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER targets_search_update AFTER UPDATE ON `targets` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 7;
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 7, coalesce(NEW.`note`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER targets_search_delete AFTER DELETE ON `targets` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 7;
END;
--> statement-breakpoint
INSERT INTO search_text (rowid, body) SELECT rowid * 16 + 8, coalesce(submissions.`progress`, '') || char(10) || coalesce(submissions.`problems`, '') || char(10) || coalesce(submissions.`next_steps`, '') FROM `submissions`;
--> statement-breakpoint
CREATE TRIGGER submissions_search_insert AFTER INSERT ON `submissions` BEGIN
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 8, coalesce(NEW.`progress`, '') || char(10) || coalesce(NEW.`problems`, '') || char(10) || coalesce(NEW.`next_steps`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER submissions_search_update AFTER UPDATE ON `submissions` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 8;
  INSERT INTO search_text (rowid, body) VALUES (NEW.rowid * 16 + 8, coalesce(NEW.`progress`, '') || char(10) || coalesce(NEW.`problems`, '') || char(10) || coalesce(NEW.`next_steps`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER submissions_search_delete AFTER DELETE ON `submissions` BEGIN
  DELETE FROM search_text WHERE rowid = OLD.rowid * 16 + 8;
END;
