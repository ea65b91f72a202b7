-- A published pack version never changes and is never removed: cycles pin it by content
-- hash and score snapshots record it (packages/db/src/schema/packs.ts). The API refuses such
-- writes with 409 first; these triggers make storage refuse them too.
CREATE TRIGGER `pack_versions_published_no_update` BEFORE UPDATE ON `pack_versions`
WHEN OLD.`status` = 'published'
BEGIN SELECT RAISE(ABORT, 'pack_version_published: published pack versions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `pack_versions_published_no_delete` BEFORE DELETE ON `pack_versions`
WHEN OLD.`status` = 'published'
BEGIN SELECT RAISE(ABORT, 'pack_version_published: published pack versions are immutable'); END;
