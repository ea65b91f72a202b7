CREATE TABLE `batch_guards` (
	`ok` integer NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_sibling_name_uq` ON `org_units` (`tenant_id`,`parent_id`,`name`) WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_root_uq` ON `org_units` (`tenant_id`) WHERE parent_id IS NULL;--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`tenant_id`,`actor_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_chain_uq` ON `audit_log` (`tenant_id`,`prev_hash`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_user_idx` ON `refresh_tokens` (`tenant_id`,`user_id`);