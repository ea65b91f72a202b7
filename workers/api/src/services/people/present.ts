import type { users } from '@kaoping/db/schema';
import { formatETag } from '../../lib/etag.ts';
import { presentGrant, type StoredGrant } from './grants.ts';

export type UserRow = typeof users.$inferSelect;

/** A person as the API shows it: never the password hash. */
export function presentPerson(u: UserRow, grants: StoredGrant[]) {
  return {
    id: u.id,
    email: u.email,
    display_name: u.displayName,
    status: u.status,
    grants: grants.map(presentGrant),
    created_at: u.createdAt,
    updated_at: u.updatedAt,
    etag: formatETag(u.rowVersion),
  };
}

export type PersonJson = ReturnType<typeof presentPerson>;
