const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A number as the interface language writes it: 8,394 and 2.5 in English, 8.394 and 2,5 in
 * Bahasa Indonesia. The one place the UI formats numbers; `translate` uses it for every
 * numeric placeholder, so views pass numbers, not preformatted text.
 */
export function formatNumber(n: number, language: string): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    formatters.set(language, formatter);
  }
  return formatter.format(n);
}
