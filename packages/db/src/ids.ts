/**
 * Prefixed random ids ("cyc_3f9a…"): the prefix says what an id names in logs
 * and support requests; 128 random bits make them unguessable.
 */
export const ID_PREFIXES = {
  tenant: 'tn',
  user: 'usr',
  grant: 'grt',
  invitation: 'inv',
  refreshToken: 'rt',
  apiClient: 'cli',
  orgUnit: 'org',
  lineage: 'lin',
  packVersion: 'pkv',
  packPin: 'pin',
  cycle: 'cyc',
  target: 'tgt',
  milestone: 'ms',
  submission: 'sub',
  transition: 'trn',
  evidence: 'evd',
  objection: 'obj',
  progressReport: 'prg',
  snapshot: 'snp',
  run: 'run',
  deadLetter: 'dlq',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export function newId(kind: IdKind): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return `${ID_PREFIXES[kind]}_${hex}`;
}
