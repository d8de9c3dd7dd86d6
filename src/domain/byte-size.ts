import type { LocalizedText } from './text';

/** A byte count as people read it: "300 bytes", "840 KB", "1.5 MB" ("1,5 MB" in Indonesian), "64 MB". */
export function byteSize(bytes: number): LocalizedText {
  if (bytes < 1024) return { en: `${bytes} bytes`, id: `${bytes} byte` };
  const [unit, scale] = bytes < 1024 * 1024 ? ['KB', 1024] as const : ['MB', 1024 * 1024] as const;
  const value = bytes / scale;
  const write = (locale: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 && value !== Math.round(value) ? 1 : 0 }).format(value)} ${unit}`;
  return { en: write('en-GB'), id: write('id-ID') };
}
