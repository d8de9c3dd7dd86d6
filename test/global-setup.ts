import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every test run gets one temporary root: TMPDIR points there for the test workers and every
 * process they start (CLI, servers, Chromium), so whatever a test leaves in its temp folders goes
 * with the root at the end. Files named tematik* that still appear in the machine's own temp
 * folder were written around this root; the run fails naming them, so a leak cannot come back.
 */
const outer = os.tmpdir();
// Another test run's root is its own business.
const ours = (): Set<string> => new Set(fs.readdirSync(outer).filter((name) => name.startsWith('tematik') && !name.startsWith('tematik-run-')));

let before: Set<string>;
let root: string;

export function setup(): void {
  before = ours();
  root = fs.mkdtempSync(path.join(outer, 'tematik-run-'));
  process.env.TMPDIR = root;
}

export function teardown(): void {
  process.env.TMPDIR = outer;
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  const leaked = [...ours()].filter((name) => !before.has(name));
  if (leaked.length > 0) {
    // Vitest reports a throwing teardown but still exits 0; the exit code is what CI reads.
    process.exitCode = 1;
    throw new Error(`The tests left ${leaked.length} temporary item(s) outside their temp root: ${leaked.slice(0, 10).map((n) => path.join(outer, n)).join(', ')}`);
  }
}
