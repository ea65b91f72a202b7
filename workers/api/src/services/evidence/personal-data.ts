/**
 * Personal data does not belong in evidence (RESILIENCE: counts, rates and references, not
 * ledgers of named people). Text that looks like it carries resident ID numbers (居民身份证号,
 * 18 characters: a 6-digit area code, a valid birth date, 3 digits and a check digit or X) or
 * mainland mobile numbers (11 digits from 13–19, spaces or hyphens allowed between 3-4-4) is
 * flagged — the upload is kept, the flag is shown with it, and the people entering it are
 * asked to replace the file with one that leaves those out. Full-width digits count (NFKC).
 */

export type PersonalDataKind = 'id_card' | 'mobile';

const ID_CARD =
  /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])/;
const MOBILE = /(?<![0-9])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9])/;

export function findPersonalData(text: string): PersonalDataKind[] {
  const normal = text.normalize('NFKC');
  const found: PersonalDataKind[] = [];
  if (ID_CARD.test(normal)) found.push('id_card');
  if (MOBILE.test(normal)) found.push('mobile');
  return found;
}

/** The stored flag ("id_card,mobile") or null. */
export function personalDataFlag(kinds: readonly PersonalDataKind[]): string | null {
  return kinds.length > 0 ? [...kinds].sort().join(',') : null;
}

export function presentPersonalData(flag: string | null) {
  const kinds = (flag ? flag.split(',') : []) as PersonalDataKind[];
  return {
    flagged: kinds.length > 0,
    kinds,
    warning:
      kinds.length > 0
        ? {
            zh: `文件中疑似含有${kinds.map((k) => (k === 'id_card' ? '身份证号码' : '手机号码')).join('、')}：佐证材料请勿包含个人信息，请替换为去除个人信息的版本`,
            en: `The file seems to carry ${kinds.map((k) => (k === 'id_card' ? 'ID-card numbers' : 'mobile numbers')).join(' and ')}: evidence must not hold personal data — replace it with a copy that leaves them out`,
          }
        : null,
  };
}
