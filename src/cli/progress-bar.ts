import type { Progress } from '../domain/types';

/** Draws a one-line bar on a terminal; prints a line every 10 % when output goes to a file or pipe. */
export function progressBar(stream: NodeJS.WriteStream): (p: Progress) => void {
  let lastDecile = -1;
  return ({ done, total, label }) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      const text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${label}`;
      stream.write(`\r${text.slice(0, (stream.columns || 80) - 1).padEnd((stream.columns || 80) - 1)}`);
      if (ratio >= 1) stream.write('\n');
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      stream.write(`${decile * 10}% ${label}\n`);
    }
  };
}
