CREATE TABLE `rollup_contributions` (
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`unit_kind` text,
	`path` text,
	`status` text,
	`submitted` integer,
	`designated` integer,
	`stats` text,
	`stale` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rollup_contributions_uq` ON `rollup_contributions` (`tenant_id`,`cycle_id`,`org_unit_id`);--> statement-breakpoint
CREATE INDEX `rollup_contributions_stale_idx` ON `rollup_contributions` (`stale`,`tenant_id`,`cycle_id`);--> statement-breakpoint
CREATE TABLE `scorecard_dictionaries` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`pack_hash` text NOT NULL,
	`engine_version` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scorecard_dictionaries_uq` ON `scorecard_dictionaries` (`tenant_id`,`id`);--> statement-breakpoint
CREATE TABLE `scoring_chunks` (
	`run_id` text NOT NULL,
	`seq` integer NOT NULL,
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`message` text NOT NULL,
	`rows` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`replays` integer DEFAULT 0 NOT NULL,
	`scored` integer DEFAULT 0 NOT NULL,
	`written` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scoring_chunks_uq` ON `scoring_chunks` (`run_id`,`seq`);--> statement-breakpoint
CREATE INDEX `scoring_chunks_cycle_idx` ON `scoring_chunks` (`tenant_id`,`cycle_id`,`status`);--> statement-breakpoint
CREATE INDEX `scoring_chunks_status_idx` ON `scoring_chunks` (`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `milestones` ADD `next_check_at` text;--> statement-breakpoint
CREATE INDEX `milestones_next_check_idx` ON `milestones` (`next_check_at`);--> statement-breakpoint
CREATE INDEX `milestones_unchecked_idx` ON `milestones` (`due_at`) WHERE next_check_at IS NULL;--> statement-breakpoint
CREATE INDEX `submission_stages_work_idx` ON `submission_stages` (`tenant_id`,`cycle_id`,`dirty`,`submission_id`,`stage`);--> statement-breakpoint
CREATE INDEX `scoring_runs_status_idx` ON `scoring_runs` (`status`,`heartbeat_at`);