/** Distinct, print-safe colours (Tableau 10 and its light set) handed out to new codes, themes and types in turn. */
export const PALETTE: readonly string[] = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
];

/** The n-th palette colour, cycling. */
export function paletteColour(n: number): string {
  return PALETTE[((n % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
