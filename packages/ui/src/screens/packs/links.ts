/** Where a pack version's page is: /packs/gz.full-employment/2024.1 */
export const versionHref = (key: string, version: string) =>
  `/packs/${encodeURIComponent(key)}/${encodeURIComponent(version)}`;

/** The side-by-side comparison of a version with another ("key@version"). */
export const diffHref = (key: string, version: string, to: string) =>
  `${versionHref(key, version)}/diff?to=${encodeURIComponent(to)}`;

/** "key@version", as the diff route names the other version. */
export const versionRef = (key: string, version: string) => `${key}@${version}`;

export function parseVersionRef(ref: string, sameKey: string): { key: string; version: string } {
  const at = ref.lastIndexOf('@');
  return at > 0
    ? { key: ref.slice(0, at), version: ref.slice(at + 1) }
    : { key: sameKey, version: ref };
}

/** Where a version comes from: built in, tailored here from a parent, or imported here. */
export const originKey = (v: { origin: 'built-in' | 'tenant'; derived_from: unknown }) =>
  v.origin === 'built-in'
    ? 'packs.origin.built-in'
    : v.derived_from
      ? 'packs.origin.tenant'
      : 'packs.origin.imported';
