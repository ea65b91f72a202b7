import { z } from 'zod';

/** Text in both languages the product speaks. */
export const textSchema = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type Text = z.infer<typeof textSchema>;

export function text(zh: string, en: string): Text {
  return { zh, en };
}

/** Joins clauses: "，" in Chinese, ", " in English. */
export function joinClauses(parts: readonly Text[]): Text {
  return {
    zh: parts.map((part) => part.zh).join('，'),
    en: parts.map((part) => part.en).join(', '),
  };
}

/** Joins sentences: "；" in Chinese, "; " in English. */
export function joinSentences(parts: readonly Text[]): Text {
  return {
    zh: parts.map((part) => part.zh).join('；'),
    en: parts.map((part) => part.en).join('; '),
  };
}

/** Joins list items: "、" in Chinese, ", " in English. */
export function joinList(parts: readonly Text[]): Text {
  return {
    zh: parts.map((part) => part.zh).join('、'),
    en: parts.map((part) => part.en).join(', '),
  };
}
