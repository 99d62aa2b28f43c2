CREATE INDEX `activities_live_idx` ON `activities` (`date`,`id`) WHERE "activities"."voided_at" IS NULL;--> statement-breakpoint
CREATE INDEX `funds_live_idx` ON `funds` (`date`,`id`) WHERE "funds"."voided_at" IS NULL;--> statement-breakpoint
CREATE INDEX `projects_live_idx` ON `projects` (`created_at`,`id`) WHERE "projects"."voided_at" IS NULL;