import { canonicalJson } from './canonical-json.ts';
import type { Pack } from './pack-schema.ts';
import { sha256Hex } from './sha256.ts';

/**
 * The SHA-256 (64 lowercase hex digits) of the pack's canonical JSON — keys sorted, so the
 * order a pack was written in does not matter. Hash a validated pack (defaults applied), as
 * `definePack` returns it, so that an authored pack and its parsed form hash the same.
 */
export function contentHash(pack: Pack): string {
  return sha256Hex(canonicalJson(pack));
}
