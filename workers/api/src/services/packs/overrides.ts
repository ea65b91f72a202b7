import type { Text } from '@kaoping/standards';
import type { PackOverridesInput } from '@kaoping/standards/tailor/pack-overrides';

/**
 * A tailored version's overrides as the API takes and stores them: derivePack's format
 * without `key` and `version`, which the API sets (a tailored version keeps its parent's key).
 * Values set by pointer are numbers or expression objects; derivePack checks the expressions
 * (its own schema), so here they are only objects.
 */
export interface TailoringOverrides {
  title?: Text | undefined;
  issuer?: Text | undefined;
  effectiveFrom?: string | undefined;
  effectiveTo?: string | undefined;
  parameters?: Record<string, string | number | boolean> | undefined;
  items?:
    | Record<
        string,
        {
          disabled?: boolean | undefined;
          set?: Record<string, number | Record<string, unknown>> | undefined;
          notes?: Text[] | undefined;
          mandatory?: boolean | undefined;
          tightenOnly?: boolean | { points: 'stricter' | 'fixed' } | undefined;
        }
      >
    | undefined;
  notes?: Text[] | undefined;
}

/** derivePack's input: the stored overrides with the key and version the API decided. */
export function overridesFor(
  overrides: TailoringOverrides,
  key: string,
  version: string,
): PackOverridesInput {
  // derivePack parses this with its own schema (expressions included) before using any of it.
  return { ...(overrides as Omit<PackOverridesInput, 'key' | 'version'>), key, version };
}
