CREATE TABLE `group_counties` (
	`group_id` text NOT NULL,
	`area_code` text NOT NULL,
	PRIMARY KEY(`group_id`, `area_code`),
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_code`) REFERENCES `areas`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Registered counties are structure: a stored judgement made before a registration changed is not current.
CREATE TRIGGER group_counties_structure_insert AFTER INSERT ON group_counties BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug = (SELECT program FROM groups WHERE id = NEW.group_id);
END;
--> statement-breakpoint
CREATE TRIGGER group_counties_structure_delete AFTER DELETE ON group_counties BEGIN
  UPDATE programs SET structure_version = structure_version + 1 WHERE slug = (SELECT program FROM groups WHERE id = OLD.group_id);
END;
