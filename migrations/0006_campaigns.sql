CREATE TABLE `progress_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`due_at` text NOT NULL,
	`body` text NOT NULL,
	`figures` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`row_version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_reports_uq` ON `progress_reports` (`tenant_id`,`milestone_id`,`org_unit_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `progress_reports_cycle_idx` ON `progress_reports` (`tenant_id`,`cycle_id`,`due_at`);--> statement-breakpoint
ALTER TABLE `submission_stages` ADD `corrections` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `sealed_document` text;--> statement-breakpoint
ALTER TABLE `transitions` ADD `from_stage` text;--> statement-breakpoint
ALTER TABLE `transitions` ADD `to_stage` text;--> statement-breakpoint
CREATE INDEX `objections_cycle_idx` ON `objections` (`tenant_id`,`cycle_id`,`created_at`);