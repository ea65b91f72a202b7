import type { packPins } from '@kaoping/db/schema';

export type PackPinRow = typeof packPins.$inferSelect;

/** A pin as the API shows it (and as the audit log records it). */
export function presentPin(p: PackPinRow) {
  return {
    id: p.id,
    key: p.key,
    version: p.version,
    effective_from: p.effectiveFrom,
    pinned_by: p.pinnedBy,
    created_at: p.createdAt,
  };
}
