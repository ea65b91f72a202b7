CREATE TABLE `cycle_targets` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`unit_kind` text NOT NULL,
	`rate_percent` text NOT NULL,
	`count` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_targets_uq` ON `cycle_targets` (`tenant_id`,`cycle_id`,`org_unit_id`,`unit_kind`);--> statement-breakpoint
CREATE TABLE `cycle_units` (
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`unit_kind` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_units_uq` ON `cycle_units` (`tenant_id`,`cycle_id`,`org_unit_id`);--> statement-breakpoint
CREATE TABLE `cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`pack_key` text NOT NULL,
	`pack_version` text NOT NULL,
	`pack_hash` text NOT NULL,
	`parameters` text NOT NULL,
	`references` text NOT NULL,
	`stages` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`public_token` text,
	`scoring_epoch` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`row_version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cycles_tenant_idx` ON `cycles` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `cycles_public_token_uq` ON `cycles` (`public_token`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`item_id` text,
	`r2_key` text NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`personal_data_flag` text,
	`uploaded_by` text NOT NULL,
	`created_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `evidence_submission_idx` ON `evidence` (`tenant_id`,`submission_id`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`due_at` text NOT NULL,
	`required_status` text,
	`recurrence` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `milestones_cycle_idx` ON `milestones` (`tenant_id`,`cycle_id`,`due_at`);--> statement-breakpoint
CREATE TABLE `objections` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution` text,
	`resolved_by` text,
	`resolved_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `objections_submission_idx` ON `objections` (`tenant_id`,`submission_id`,`status`);--> statement-breakpoint
CREATE TABLE `submission_stages` (
	`tenant_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`stage` text NOT NULL,
	`inputs` text NOT NULL,
	`assessments` text NOT NULL,
	`data_hash` text NOT NULL,
	`dirty` integer DEFAULT 1 NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`row_version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submission_stages_uq` ON `submission_stages` (`tenant_id`,`submission_id`,`stage`);--> statement-breakpoint
CREATE INDEX `submission_stages_dirty_idx` ON `submission_stages` (`dirty`,`tenant_id`,`cycle_id`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`stage` text NOT NULL,
	`return_reason` text,
	`publicity_ends_at` text,
	`sealed_hash` text,
	`published_at` text,
	`revoked_at` text,
	`revoke_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`row_version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_uq` ON `submissions` (`tenant_id`,`cycle_id`,`org_unit_id`);--> statement-breakpoint
CREATE INDEX `submissions_status_idx` ON `submissions` (`tenant_id`,`cycle_id`,`status`);--> statement-breakpoint
CREATE TABLE `transitions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`action` text NOT NULL,
	`reason` text,
	`actor_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `transitions_submission_idx` ON `transitions` (`tenant_id`,`submission_id`,`at`);--> statement-breakpoint
CREATE TABLE `org_unit_lineage` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`from_unit_id` text NOT NULL,
	`to_unit_id` text NOT NULL,
	`change` text NOT NULL,
	`effective_date` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `org_unit_lineage_from_idx` ON `org_unit_lineage` (`tenant_id`,`from_unit_id`);--> statement-breakpoint
CREATE INDEX `org_unit_lineage_to_idx` ON `org_unit_lineage` (`tenant_id`,`to_unit_id`);--> statement-breakpoint
CREATE TABLE `org_units` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`parent_id` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text,
	`code` text,
	`path` text NOT NULL,
	`depth` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`row_version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `org_units_path_idx` ON `org_units` (`tenant_id`,`path`);--> statement-breakpoint
CREATE INDEX `org_units_parent_idx` ON `org_units` (`tenant_id`,`parent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_code_uq` ON `org_units` (`tenant_id`,`code`);--> statement-breakpoint
CREATE TABLE `pack_pins` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`version` text NOT NULL,
	`effective_from` text NOT NULL,
	`pinned_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pack_pins_uq` ON `pack_pins` (`tenant_id`,`key`,`version`);--> statement-breakpoint
CREATE INDEX `pack_pins_key_idx` ON `pack_pins` (`tenant_id`,`key`,`effective_from`);--> statement-breakpoint
CREATE TABLE `pack_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`version` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`body` text NOT NULL,
	`content_hash` text NOT NULL,
	`derived_from_key` text,
	`derived_from_version` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`published_at` text,
	`row_version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pack_versions_uq` ON `pack_versions` (`tenant_id`,`key`,`version`);--> statement-breakpoint
CREATE TABLE `current_scores` (
	`tenant_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`stage` text NOT NULL,
	`cycle_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`snapshot_seq` integer NOT NULL,
	`snapshot_id` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `current_scores_uq` ON `current_scores` (`tenant_id`,`submission_id`,`stage`);--> statement-breakpoint
CREATE INDEX `current_scores_cycle_idx` ON `current_scores` (`tenant_id`,`cycle_id`,`stage`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`queue` text NOT NULL,
	`body` text NOT NULL,
	`error` text NOT NULL,
	`attempts` integer NOT NULL,
	`created_at` text NOT NULL,
	`replayed_at` text
);
--> statement-breakpoint
CREATE INDEX `dead_letters_tenant_idx` ON `dead_letters` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `deadline_flags` (
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`due_at` text NOT NULL,
	`flagged_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deadline_flags_uq` ON `deadline_flags` (`tenant_id`,`milestone_id`,`org_unit_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `deadline_flags_cycle_idx` ON `deadline_flags` (`tenant_id`,`cycle_id`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rollups` (
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`unit_kind` text NOT NULL,
	`in_scope` integer NOT NULL,
	`submitted` integer NOT NULL,
	`by_status` text NOT NULL,
	`designated` integer NOT NULL,
	`rate_percent` text,
	`target_percent` text,
	`target_met` integer,
	`needed_units` integer,
	`stats` text,
	`computed_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rollups_uq` ON `rollups` (`tenant_id`,`cycle_id`,`org_unit_id`,`unit_kind`);--> statement-breakpoint
CREATE TABLE `score_snapshots` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`stage` text NOT NULL,
	`pack_key` text NOT NULL,
	`pack_version` text NOT NULL,
	`pack_hash` text NOT NULL,
	`input_hash` text NOT NULL,
	`engine_version` text NOT NULL,
	`total` real,
	`max` real,
	`designation_met` integer,
	`complete` integer NOT NULL,
	`scorecard` text NOT NULL,
	`run_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_snapshots_id_uq` ON `score_snapshots` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `score_snapshots_key_uq` ON `score_snapshots` (`tenant_id`,`submission_id`,`stage`,`pack_hash`,`input_hash`,`engine_version`);--> statement-breakpoint
CREATE INDEX `score_snapshots_feed_idx` ON `score_snapshots` (`tenant_id`,`seq`);--> statement-breakpoint
CREATE INDEX `score_snapshots_cycle_idx` ON `score_snapshots` (`tenant_id`,`cycle_id`,`seq`);--> statement-breakpoint
CREATE INDEX `score_snapshots_unit_idx` ON `score_snapshots` (`tenant_id`,`org_unit_id`,`seq`);--> statement-breakpoint
CREATE TABLE `scoring_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`cycle_id` text,
	`trigger` text NOT NULL,
	`scheduled_time` text,
	`status` text NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`written` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`last_error` text,
	`started_at` text NOT NULL,
	`heartbeat_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scoring_runs_scheduled_uq` ON `scoring_runs` (`trigger`,`scheduled_time`);--> statement-breakpoint
CREATE INDEX `scoring_runs_tenant_idx` ON `scoring_runs` (`tenant_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `api_clients` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`scopes` text NOT NULL,
	`secret_hash` text NOT NULL,
	`secret_prefix` text NOT NULL,
	`expires_at` text,
	`revoked_at` text,
	`last_used_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `api_clients_tenant_idx` ON `api_clients` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`request_id` text,
	`at` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_tenant_idx` ON `audit_log` (`tenant_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`tenant_id`,`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`tenant_id` text NOT NULL,
	`principal` text NOT NULL,
	`key` text NOT NULL,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`body_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`headers` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_keys_uq` ON `idempotency_keys` (`tenant_id`,`principal`,`key`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`org_unit_id` text,
	`stage` text,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`accepted_at` text,
	`revoked_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_uq` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_tenant_idx` ON `invitations` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`family_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`replaced_by` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refresh_tokens_hash_uq` ON `refresh_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_family_idx` ON `refresh_tokens` (`tenant_id`,`family_id`);--> statement-breakpoint
CREATE TABLE `role_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`org_unit_id` text,
	`stage` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `role_grants_user_idx` ON `role_grants` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `role_grants_uq` ON `role_grants` (`tenant_id`,`user_id`,`role`,`org_unit_id`,`stage`);--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text,
	`level` text NOT NULL,
	`area_code` text,
	`status` text DEFAULT 'active' NOT NULL,
	`shard` text DEFAULT 'DB' NOT NULL,
	`cors_origins` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`row_version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_slug_uq` ON `tenants` (`slug`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`password_salt` text NOT NULL,
	`password_iterations` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`row_version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_tenant_email_uq` ON `users` (`tenant_id`,`email`);