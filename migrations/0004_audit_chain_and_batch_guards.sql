-- Audit hash chain: each row names its predecessor's hash (prev_hash; 64 zeros
-- for a tenant's first row). A writer reads the chain head, computes the new
-- row's hash and inserts it in the same batch as the change it records; if
-- another writer appended in between, this trigger refuses the stale
-- prev_hash, the whole batch rolls back, and the writer retries
-- (workers/api/src/lib/audit.ts). Together with audit_log_chain_uq the chain
-- can neither fork nor skip.
CREATE TRIGGER `audit_log_chain_head` BEFORE INSERT ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_chain_stale')
  WHERE NEW.prev_hash IS NOT COALESCE(
    (SELECT hash FROM audit_log WHERE tenant_id = NEW.tenant_id ORDER BY seq DESC LIMIT 1),
    '0000000000000000000000000000000000000000000000000000000000000000'
  );
END;
--> statement-breakpoint
-- Batch guards (packages/db/src/schema/guards.ts): an INSERT with ok = 1 is
-- dropped silently; ok = 0 aborts the batch it is part of.
CREATE TRIGGER `batch_guards_check` BEFORE INSERT ON `batch_guards`
BEGIN
  SELECT CASE WHEN NEW.ok = 1 THEN RAISE(IGNORE) END;
  SELECT RAISE(ABORT, 'kaoping_guard:' || NEW.reason);
END;
