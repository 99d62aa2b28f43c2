ALTER TABLE `job_runs` ADD `expected` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `done` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `failed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `job_targets` ADD `retries` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `job_targets` ADD `given_up` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `job_targets_failed_idx` ON `job_targets` (`ok`,`given_up`);