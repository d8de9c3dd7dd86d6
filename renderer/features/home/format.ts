import type { Language } from '../../i18n/i18n';

/** Indonesian writes 12.345 and 3 Mar 2025; English (British, as Indonesian academia uses) 12,345. */
export const localeOf = (language: Language): string => (language === 'id' ? 'id-ID' : 'en-GB');

export { formatNumber } from '../../lib/numbers';

/** A stored ISO timestamp as a short date, or the raw text if it does not parse. */
export function formatDate(iso: string, language: Language, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(localeOf(language), withTime
    ? { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', year: 'numeric' });
}
