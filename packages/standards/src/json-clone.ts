/** A deep copy of JSON data (packs, rules, expressions): what `structuredClone` would give. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
