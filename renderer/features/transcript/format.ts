import { isCharBoundary } from '../../../src/domain/offsets';

const EDGE_PUNCTUATION = /^[\s"'“”‘’«»()[\]{}.,;:!?…–—-]+|[\s"'“”‘’«»()[\]{}.,;:!?…–—-]+$/gu;

/**
 * The name of an in-vivo code: the informant's own words, on one line, without the
 * quotes and punctuation around them, cut at a word boundary to at most `max` characters
 * (the ellipsis included). Never splits a surrogate pair.
 */
export function inVivoName(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '');
  const name = flat || quote.replace(/\s+/g, ' ').trim();
  if (name.length <= max) return name;
  let cut = name.lastIndexOf(' ', max - 1);
  if (cut < max * 0.6) cut = max - 1;
  while (cut > 0 && !isCharBoundary(name, cut)) cut--;
  return `${name.slice(0, cut).replace(/[\s.,;:–—-]+$/u, '')}…`;
}

/** `#rrggbb` as its three channels; grey for anything else. */
export function hexToRgb(hex: string): readonly [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [128, 128, 128];
}

export const rgba = (hex: string, alpha: number): string => {
  const [r, g, b] = hexToRgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
};

/**
 * How coded text is tinted: the colours of the codes covering it, averaged, more
 * opaque the more codes overlap, so a passage coded three times stands out from one
 * coded once. `colours` is ordered innermost code first; its colour draws the underline.
 */
export function codedTint(colours: readonly string[]): { readonly background: string; readonly underline: string } | null {
  if (colours.length === 0) return null;
  const sum = [0, 0, 0];
  for (const colour of colours) hexToRgb(colour).forEach((c, i) => { sum[i]! += c; });
  const [r, g, b] = sum.map((c) => Math.round(c / colours.length));
  const alpha = Math.min(0.16 + 0.1 * (colours.length - 1), 0.46);
  return { background: `rgba(${r}, ${g}, ${b}, ${alpha.toFixed(2)})`, underline: rgba(colours[0]!, 0.75) };
}
