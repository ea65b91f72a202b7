import { z } from 'zod';
import type { Text } from './text.ts';

/** The kinds of organisational unit a pack can assess. */
export const unitKinds = [
  'village',
  'community',
  'town',
  'street',
  'district',
  'county',
  'city',
  'province',
] as const;

export const unitKindSchema = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const unitKindLabels: Readonly<Record<UnitKind, Text>> = {
  village: { zh: '行政村', en: 'village' },
  community: { zh: '社区', en: 'community' },
  town: { zh: '乡镇', en: 'town' },
  street: { zh: '街道', en: 'street' },
  district: { zh: '区', en: 'district' },
  county: { zh: '县', en: 'county' },
  city: { zh: '市', en: 'city' },
  province: { zh: '省', en: 'province' },
};
