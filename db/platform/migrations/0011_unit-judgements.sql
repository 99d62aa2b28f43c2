CREATE TABLE `common_passwords` (
	`rank` integer PRIMARY KEY NOT NULL,
	`word` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `judgement_requests` (
	`program` text NOT NULL,
	`period` text NOT NULL,
	`inputs` text NOT NULL,
	`units` integer NOT NULL,
	`requested_at` text NOT NULL,
	PRIMARY KEY(`program`, `period`),
	FOREIGN KEY (`program`) REFERENCES `programs`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `unit_judgement_areas` (
	`unit` text NOT NULL,
	`program` text NOT NULL,
	`period` text NOT NULL,
	`area_code` text NOT NULL,
	`in_fen` integer NOT NULL,
	`allocated_fen` integer NOT NULL,
	`disbursed_fen` integer NOT NULL,
	`grassroots_in_fen` integer NOT NULL,
	`projects` integer NOT NULL,
	`grassroots_projects` integer NOT NULL,
	`budget_fen` integer NOT NULL,
	`cadres_in_post` integer NOT NULL,
	PRIMARY KEY(`unit`, `program`, `period`, `area_code`),
	FOREIGN KEY (`unit`) REFERENCES `units`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program`) REFERENCES `programs`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_judgement_areas_program_period_idx` ON `unit_judgement_areas` (`program`,`period`);--> statement-breakpoint
CREATE TABLE `unit_judgements` (
	`unit` text NOT NULL,
	`program` text NOT NULL,
	`period` text NOT NULL,
	`year` integer NOT NULL,
	`day` text NOT NULL,
	`rules_version` integer NOT NULL,
	`term` text NOT NULL,
	`structure_version` integer NOT NULL,
	`memberships` text NOT NULL,
	`catalog` integer NOT NULL,
	`facts_computed_at` text,
	`judged_at` text NOT NULL,
	`in_fen` integer NOT NULL,
	`disbursed_fen` integer NOT NULL,
	`projects` integer NOT NULL,
	`cadres_in_post` integer NOT NULL,
	`pass` integer NOT NULL,
	`warn` integer NOT NULL,
	`fail` integer NOT NULL,
	`not_applicable` integer NOT NULL,
	`excelling` integer NOT NULL,
	`not_submitted` integer NOT NULL,
	`submitted_late` integer NOT NULL,
	`summary` text NOT NULL,
	`indicators` text NOT NULL,
	`lagging` text NOT NULL,
	`row` text NOT NULL,
	PRIMARY KEY(`unit`, `program`, `period`),
	FOREIGN KEY (`unit`) REFERENCES `units`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program`) REFERENCES `programs`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_judgements_program_period_idx` ON `unit_judgements` (`program`,`period`);--> statement-breakpoint
ALTER TABLE `programs` ADD `structure_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Any change to a program's groups or memberships bumps its structure version, so a judgement made with the old structure is known to be behind.
CREATE TRIGGER groups_structure_insert AFTER INSERT ON groups BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug = NEW.program;
END;
--> statement-breakpoint
CREATE TRIGGER groups_structure_update AFTER UPDATE ON groups BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug IN (OLD.program, NEW.program);
END;
--> statement-breakpoint
CREATE TRIGGER groups_structure_delete AFTER DELETE ON groups BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug = OLD.program;
END;
--> statement-breakpoint
CREATE TRIGGER group_members_structure_insert AFTER INSERT ON group_members BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug = (SELECT program FROM groups WHERE id = NEW.group_id);
END;
--> statement-breakpoint
CREATE TRIGGER group_members_structure_update AFTER UPDATE ON group_members BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug IN (SELECT program FROM groups WHERE id IN (OLD.group_id, NEW.group_id));
END;
--> statement-breakpoint
CREATE TRIGGER group_members_structure_delete AFTER DELETE ON group_members BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug = (SELECT program FROM groups WHERE id = OLD.group_id);
END;
