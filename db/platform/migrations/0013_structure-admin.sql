CREATE TABLE `program_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program` text NOT NULL,
	`unit` text NOT NULL,
	`role` text DEFAULT 'coordinating' NOT NULL,
	`effective_from` text,
	`effective_to` text,
	`clause` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`program`) REFERENCES `programs`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit`) REFERENCES `units`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `program_participants_program_idx` ON `program_participants` (`program`,`unit`);--> statement-breakpoint
CREATE INDEX `program_participants_unit_idx` ON `program_participants` (`unit`);--> statement-breakpoint
CREATE TABLE `__new_group_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` text NOT NULL,
	`unit` text NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	`effective_from` text,
	`effective_to` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit`) REFERENCES `units`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Memberships get their own id: a unit may leave a group and join it again (two rows, never overlapping).
INSERT INTO `__new_group_members`("id", "group_id", "unit", "role", "position", "effective_from", "effective_to", "version") SELECT rowid, "group_id", "unit", "role", "position", "effective_from", "effective_to", "version" FROM `group_members`;--> statement-breakpoint
DROP TABLE `group_members`;--> statement-breakpoint
ALTER TABLE `__new_group_members` RENAME TO `group_members`;--> statement-breakpoint
CREATE INDEX `group_members_group_idx` ON `group_members` (`group_id`,`unit`);--> statement-breakpoint
CREATE INDEX `group_members_unit_idx` ON `group_members` (`unit`);--> statement-breakpoint
ALTER TABLE `areas` ADD `special` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `areas` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `groups` ADD `basis` text DEFAULT 'pairing' NOT NULL;--> statement-breakpoint
ALTER TABLE `groups` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `programs` ADD `version` integer DEFAULT 1 NOT NULL;;--> statement-breakpoint
-- Dropping the old table dropped its structure-version triggers (0011): the same three again, and three for
-- the participants, so no change to who takes part in a program leaves a stored judgement taken for current.
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
--> statement-breakpoint
CREATE TRIGGER program_participants_structure_insert AFTER INSERT ON program_participants BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug = NEW.program;
END;
--> statement-breakpoint
CREATE TRIGGER program_participants_structure_update AFTER UPDATE ON program_participants BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug IN (OLD.program, NEW.program);
END;
--> statement-breakpoint
CREATE TRIGGER program_participants_structure_delete AFTER DELETE ON program_participants BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug = OLD.program;
END;
