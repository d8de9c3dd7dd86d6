/** The p-th percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export function seconds(startMs: number): number {
  return (performance.now() - startMs) / 1000;
}

export const fmt = (n: number, digits = 2): string => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints a figure with its target and whether it was met. */
export function figure(label: string, value: string, target?: { ok: boolean; text: string }): void {
  const mark = target ? `  (target ${target.text}: ${target.ok ? 'met' : 'NOT MET'})` : '';
  console.log(`  ${label.padEnd(44)} ${value}${mark}`);
}
