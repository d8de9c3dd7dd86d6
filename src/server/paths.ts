import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folder holding Tematik's package.json, from source (tsx, vitest) or from dist/ alike. */
export function packageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tematik') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find Tematik's package.json above ${__dirname}`);
  }
}

/** The sample study shipped with the source tree. */
export const sampleStudyDir = (): string => path.join(packageRoot(), 'test', 'fixtures', 'sample-study');

/** The built renderer (vite build output). */
export const rendererDir = (): string => path.join(packageRoot(), 'dist', 'renderer');

/** Per-user data folder outside Electron, following the XDG convention. */
export function userDataDir(): string {
  const base = process.env['XDG_DATA_HOME'] || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'tematik');
}
