import type { Language, LocalizedText } from './text';

type Say<K extends string> = (key: K, params?: Readonly<Record<string, string | number>>) => LocalizedText;

/** A placeholder value: plain (the same in both languages), a count, or a piece already in both languages. */
export type Piece = string | number | LocalizedText;

/**
 * A `defineMessages` message whose placeholders may themselves be translated pieces (a
 * clause saying why, a size written the language's way): each language is filled with its own.
 */
export function sayWith<K extends string>(say: Say<K>, key: K, params: Readonly<Record<string, Piece>>): LocalizedText {
  const inLanguage = (language: Language) => Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[language] : value]));
  return { en: say(key, inLanguage('en')).en, id: say(key, inLanguage('id')).id };
}

/** A byte count as people read it: "300 bytes", "840 KB", "1.5 MB" ("1,5 MB" in Indonesian), "64 MB". */
export function byteSize(bytes: number): LocalizedText {
  if (bytes < 1024) return { en: `${bytes} bytes`, id: `${bytes} byte` };
  const [unit, scale] = bytes < 1024 * 1024 ? ['KB', 1024] as const : ['MB', 1024 * 1024] as const;
  const value = bytes / scale;
  const write = (locale: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 && value !== Math.round(value) ? 1 : 0 }).format(value)} ${unit}`;
  return { en: write('en-GB'), id: write('id-ID') };
}
