-- The audit log and score snapshots are append-only: a row, once written, is
-- never changed or removed (RESILIENCE.md, "UPDATE or DELETE ... fails").
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `score_snapshots_no_update` BEFORE UPDATE ON `score_snapshots`
BEGIN SELECT RAISE(ABORT, 'score_snapshots are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `score_snapshots_no_delete` BEFORE DELETE ON `score_snapshots`
BEGIN SELECT RAISE(ABORT, 'score_snapshots are immutable'); END;
