CREATE TABLE `program_rules` (
	`program` text NOT NULL,
	`rule` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`params` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	PRIMARY KEY(`program`, `rule`),
	FOREIGN KEY (`program`) REFERENCES `programs`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `unit_snapshots` (
	`unit` text NOT NULL,
	`program` text NOT NULL,
	`period` text NOT NULL,
	`data` text,
	`taken_at` text,
	`error` text,
	`error_at` text,
	PRIMARY KEY(`unit`, `program`, `period`),
	FOREIGN KEY (`unit`) REFERENCES `units`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program`) REFERENCES `programs`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_snapshots_program_period_idx` ON `unit_snapshots` (`program`,`period`);