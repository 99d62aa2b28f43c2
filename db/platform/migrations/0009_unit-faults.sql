ALTER TABLE `units` ADD `fault_code` text;--> statement-breakpoint
ALTER TABLE `units` ADD `fault_at` text;