import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatNumber } from '../lib/numbers';

export type Language = 'en' | 'id';
export const LANGUAGES: readonly { readonly code: Language; readonly name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'id', name: 'Bahasa Indonesia' },
];

/**
 * A feature's strings in both languages. The type makes Bahasa Indonesia as complete as
 * English: a key missing in either language fails the type-check.
 */
export type Strings<K extends string> = { readonly en: Readonly<Record<K, string>>; readonly id: Readonly<Record<K, string>> };

export function defineStrings<K extends string>(strings: Strings<K>): Strings<K> {
  return strings;
}

const STORAGE_KEY = 'tematik.language';

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'id') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

interface I18n {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
}

/**
 * The language the window shows, for code outside React that turns core messages into text
 * (ApiError). Follows the provider; a fixed-language provider in a test sets it too.
 */
let active: Language = 'en';
export const activeLanguage = (): Language => active;

const I18nContext = createContext<I18n>({ language: 'en', setLanguage: () => undefined });

export function I18nProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setState] = useState<Language>(fixed ?? initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  active = language;
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useLanguage = (): I18n => useContext(I18nContext);

/** `{name}` placeholders are filled from `params`; numbers are written the language's way (8.394 in Indonesian). */
export type Translate<K extends string> = (key: K, params?: Readonly<Record<string, string | number>>) => string;

export function translate<K extends string>(strings: Strings<K>, language: Language): Translate<K> {
  return (key, params) => {
    const template = strings[language][key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      return value === undefined ? `{${name}}` : typeof value === 'number' ? formatNumber(value, language) : value;
    });
  };
}

/** Formats numbers in the interface language, for numbers shown outside a translated string. */
export function useFormatNumber(): (n: number) => string {
  const { language } = useLanguage();
  return useCallback((n: number) => formatNumber(n, language), [language]);
}

/** The translate function of a feature's strings in the current language. */
export function useStrings<K extends string>(strings: Strings<K>): Translate<K> {
  const { language } = useLanguage();
  return useMemo(() => translate(strings, language), [strings, language]);
}
