CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`area_code` text,
	`pairing_id` text,
	`sub_unit_id` text,
	`program` text,
	`direction` text,
	`leader_level` text,
	`people` integer DEFAULT 0 NOT NULL,
	`quantity` integer DEFAULT 0 NOT NULL,
	`hours` integer DEFAULT 0 NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`document_type` text,
	`agreement_year` integer,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `activities_kind_date_idx` ON `activities` (`kind`,`date`);--> statement-breakpoint
CREATE INDEX `activities_date_idx` ON `activities` (`date`);--> statement-breakpoint
CREATE INDEX `activities_pairing_idx` ON `activities` (`pairing_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor` text NOT NULL,
	`actor_role` text NOT NULL,
	`request_id` text,
	`method` text NOT NULL,
	`route` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `cadres` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`name` text NOT NULL,
	`gender` text,
	`birth_date` text,
	`phone` text,
	`sending_sub_unit_id` text,
	`post` text NOT NULL,
	`level` text NOT NULL,
	`host_area_code` text NOT NULL,
	`program` text,
	`start_date` text NOT NULL,
	`planned_end_date` text NOT NULL,
	`actual_end_date` text,
	`status` text DEFAULT 'in_post' NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `cadres_status_idx` ON `cadres` (`status`);--> statement-breakpoint
CREATE INDEX `cadres_end_idx` ON `cadres` (`planned_end_date`);--> statement-breakpoint
CREATE TABLE `funds` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`date` text NOT NULL,
	`area_code` text NOT NULL,
	`project_id` text,
	`program` text,
	`grassroots` integer DEFAULT false NOT NULL,
	`overrun` integer DEFAULT false NOT NULL,
	`overrun_reason` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `funds_date_idx` ON `funds` (`date`);--> statement-breakpoint
CREATE INDEX `funds_project_idx` ON `funds` (`project_id`,`kind`);--> statement-breakpoint
CREATE INDEX `funds_area_idx` ON `funds` (`area_code`);--> statement-breakpoint
CREATE TABLE `pairings` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`kind` text NOT NULL,
	`sub_unit_id` text,
	`counterpart` text NOT NULL,
	`area_code` text NOT NULL,
	`program` text,
	`start_date` text NOT NULL,
	`end_date` text,
	`demonstration` integer DEFAULT false NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `pairings_kind_idx` ON `pairings` (`kind`);--> statement-breakpoint
CREATE INDEX `pairings_area_idx` ON `pairings` (`area_code`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`area_code` text NOT NULL,
	`pairing_id` text,
	`program` text,
	`budget_fen` integer DEFAULT 0 NOT NULL,
	`beneficiaries` integer DEFAULT 0 NOT NULL,
	`beneficiaries_lifted` integer DEFAULT 0 NOT NULL,
	`grassroots` integer DEFAULT false NOT NULL,
	`start_date` text,
	`end_date` text,
	`location` text,
	`description` text
);
--> statement-breakpoint
CREATE INDEX `projects_status_idx` ON `projects` (`status`);--> statement-breakpoint
CREATE INDEX `projects_area_idx` ON `projects` (`area_code`);--> statement-breakpoint
CREATE INDEX `projects_start_idx` ON `projects` (`start_date`);--> statement-breakpoint
CREATE TABLE `sub_units` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`area_code` text,
	`placeholder` integer DEFAULT false NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `sub_units_kind_idx` ON `sub_units` (`kind`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`program` text NOT NULL,
	`progress` text DEFAULT '' NOT NULL,
	`problems` text DEFAULT '' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`submitted_at` text,
	`submitted_by` text,
	`reopened_at` text,
	`reopened_by` text,
	`reopen_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_period_idx` ON `submissions` (`year`,`quarter`,`program`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'system' NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`year` integer NOT NULL,
	`program` text NOT NULL,
	`indicator` text NOT NULL,
	`target` integer NOT NULL,
	`source` text DEFAULT 'rule' NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_year_program_indicator_idx` ON `targets` (`year`,`program`,`indicator`);--> statement-breakpoint
CREATE TABLE `tenant_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
