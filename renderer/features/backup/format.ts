import type { Language } from '../../i18n/i18n';
import { formatNumber } from '../../lib/numbers';

/**
 * When a backup was made, as the reader's locale writes dates: the browser's own English locale
 * (en-US, en-GB, en-AU …) in English, Indonesian in Bahasa Indonesia.
 */
export function formatWhen(iso: string, language: Language, browserLocale: string | undefined = globalThis.navigator?.language): string {
  const locale = language === 'id' ? 'id-ID' : browserLocale?.toLowerCase().startsWith('en') ? browserLocale : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** 268 KB, 15.7 MB (15,7 MB in Indonesian). */
export function formatSize(bytes: number, language: Language): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024 / 1024 * 10) / 10, language)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} KB`;
}
