CREATE TABLE `score_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`stage` text NOT NULL,
	`snapshot_seq` integer NOT NULL,
	`snapshot_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `score_events_feed_idx` ON `score_events` (`tenant_id`,`seq`);--> statement-breakpoint
CREATE INDEX `score_events_cycle_idx` ON `score_events` (`tenant_id`,`cycle_id`,`seq`);