CREATE INDEX `pairings_counterpart_idx` ON `pairings` (`counterpart`);--> statement-breakpoint
CREATE INDEX `projects_title_idx` ON `projects` (`title`);--> statement-breakpoint
CREATE INDEX `sub_units_name_idx` ON `sub_units` (`name`);