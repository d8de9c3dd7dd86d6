import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = path.resolve(__dirname, '../../../main');
/** The only modules that may load Electron at runtime; everything else in main/ is tested in plain Node. */
const ELECTRON_RUNTIME = new Set(['main.ts', 'ipc.ts', 'preload.ts']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('the main/ layering', () => {
  it('keeps runtime imports of electron in main.ts, ipc.ts and preload.ts', () => {
    const offenders = sources(MAIN).filter((file) => {
      if (ELECTRON_RUNTIME.has(path.relative(MAIN, file))) return false;
      const text = fs.readFileSync(file, 'utf8');
      // A value import, or a mixed one like `import { app, type X }`, loads the module; `import type` does not.
      return /^import\s+(?!type\s)[^;]*from\s+['"]electron['"]/m.test(text) || /require\(\s*['"]electron['"]\s*\)/.test(text);
    });
    expect(offenders.map((file) => path.relative(MAIN, file))).toEqual([]);
  });
});
