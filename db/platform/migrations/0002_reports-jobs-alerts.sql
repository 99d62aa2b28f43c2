CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`unit` text NOT NULL,
	`program` text,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`due_date` text NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`unit`) REFERENCES `units`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_identity_idx` ON `alerts` (`unit`,`kind`,`subject`);--> statement-breakpoint
CREATE INDEX `alerts_unit_idx` ON `alerts` (`unit`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `assessment_weights` (
	`program` text PRIMARY KEY NOT NULL,
	`weights` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	FOREIGN KEY (`program`) REFERENCES `programs`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `job_targets` (
	`run_id` text NOT NULL,
	`target` text NOT NULL,
	`ok` integer NOT NULL,
	`detail` text,
	`at` text NOT NULL,
	PRIMARY KEY(`run_id`, `target`)
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`program` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`period` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` text NOT NULL,
	`params` text NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`run_id` text,
	FOREIGN KEY (`program`) REFERENCES `programs`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_identity_idx` ON `reports` (`kind`,`program`,`unit`,`period`,`version`);--> statement-breakpoint
CREATE INDEX `reports_unit_idx` ON `reports` (`unit`,`issued_at`);--> statement-breakpoint
CREATE INDEX `reports_program_idx` ON `reports` (`program`,`issued_at`);