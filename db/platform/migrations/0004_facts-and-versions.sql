CREATE TABLE `unit_data_versions` (
	`unit` text NOT NULL,
	`year` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`unit`, `year`),
	FOREIGN KEY (`unit`) REFERENCES `units`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `unit_facts` (
	`unit` text NOT NULL,
	`program` text NOT NULL,
	`year` integer NOT NULL,
	`shape` integer NOT NULL,
	`facts` text,
	`versions` text NOT NULL,
	`computed_at` text,
	`error` text,
	`error_at` text,
	PRIMARY KEY(`unit`, `program`, `year`),
	FOREIGN KEY (`unit`) REFERENCES `units`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program`) REFERENCES `programs`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_facts_program_year_idx` ON `unit_facts` (`program`,`year`);--> statement-breakpoint
ALTER TABLE `programs` ADD `rules_version` integer DEFAULT 1 NOT NULL;