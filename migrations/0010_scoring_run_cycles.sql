CREATE TABLE `scoring_run_cycles` (
	`run_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`handled` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`written` integer DEFAULT 0 NOT NULL,
	`first_at` text NOT NULL,
	`last_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scoring_run_cycles_uq` ON `scoring_run_cycles` (`run_id`,`tenant_id`,`cycle_id`);--> statement-breakpoint
CREATE INDEX `scoring_run_cycles_tenant_idx` ON `scoring_run_cycles` (`tenant_id`,`last_at`);