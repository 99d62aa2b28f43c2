ALTER TABLE `group_members` ADD `effective_from` text;--> statement-breakpoint
ALTER TABLE `group_members` ADD `effective_to` text;--> statement-breakpoint
ALTER TABLE `group_members` ADD `version` integer DEFAULT 1 NOT NULL;