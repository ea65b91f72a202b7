import { createStore, useStore } from '../lib/store.ts';
import { type MessageKey, messages, type Text } from './messages.ts';

export type { Text };

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'kaoping.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Chinese first: zh-CN unless the person chose English on this browser. */
export const langStore = createStore<Lang>(initialLang());

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage refused (private mode): the choice lasts for this page
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  langStore.set(lang);
}

export function useLang(): Lang {
  return useStore(langStore);
}

/** One of a bilingual pair in the current language. */
export function pick(text: Text, lang: Lang = langStore.get()): string {
  return text[lang];
}

/** A dictionary message in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(messages[key][langStore.get()], vars);
}

export function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** A dictionary message as its bilingual pair (for errors that outlive a language switch). */
export function textOf(key: MessageKey, vars?: Record<string, string | number>): Text {
  const m = messages[key];
  return { zh: fill(m.zh, vars), en: fill(m.en, vars) };
}

const dateTime = { zh: new Map<string, Intl.DateTimeFormat>(), en: new Map() };

/** A timestamp in the reader's time zone and language. */
export function formatDateTime(iso: string | null | undefined, withTime = true): string {
  if (!iso) return '—';
  const lang = langStore.get();
  const key = withTime ? 'dt' : 'd';
  let format = dateTime[lang].get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    dateTime[lang].set(key, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** For keys built from what the API sends (an audit action): is there a message for it? */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}
