/**
 * One calm sequential scale (pale blue-grey to the app's accent blue) for every shaded
 * table of the triangulation view. A single hue keeps the table readable as a table:
 * darker means "more of this group", never "better" or "worse".
 */
const STOPS: readonly (readonly [number, number, number])[] = [
  [0xf1, 0xf5, 0xfa],
  [0xb7, 0xcc, 0xe6],
  [0x2f, 0x5d, 0x9e],
];

/** Lightest tint used for any non-zero value, so one informant of twelve is still visibly not silent. */
const FLOOR = 0.14;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const hex = (n: number): string => Math.round(n).toString(16).padStart(2, '0');

/** Colour at position `t` (0–1) along the scale, as #rrggbb. */
export function scaleColour(t: number): string {
  const x = clamp01(t) * (STOPS.length - 1);
  const i = Math.min(Math.floor(x), STOPS.length - 2);
  const f = x - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  return `#${hex(a[0] + (b[0] - a[0]) * f)}${hex(a[1] + (b[1] - a[1]) * f)}${hex(a[2] + (b[2] - a[2]) * f)}`;
}

/** Where a non-zero share (0–1] sits on the scale; 0 stays 0 (a silent cell is drawn apart, not tinted). */
export function sharePosition(share: number): number {
  const s = clamp01(share);
  return s === 0 ? 0 : FLOOR + (1 - FLOOR) * s;
}

/**
 * Where a count sits on the scale against the largest count of the table. The square
 * root keeps a few very frequent pairs from washing every other cell out.
 */
export function countPosition(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return FLOOR + (1 - FLOOR) * Math.sqrt(Math.min(count, max) / max);
}

/** Whether text on a cell at scale position `t` must be light to stay readable (WCAG-style relative luminance). */
export function needsLightInk(t: number): boolean {
  const colour = scaleColour(t);
  const channel = (i: number): number => {
    const c = parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // Contrast with white beats contrast with the app's near-black text below ~0.18.
  return luminance < 0.18;
}

/** The scale as a CSS gradient, for the legend. */
export function scaleGradient(): string {
  return `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => scaleColour(sharePosition(t) || FLOOR)).join(', ')})`;
}
