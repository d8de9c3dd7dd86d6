import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_EXTENSION } from '../src/store/open';

/**
 * The project named on a command line: the last argument ending in .tematik. argv[0] is the
 * executable; switches are skipped (Chromium adds its own to a second instance's argv); a
 * file:// URL is accepted because Linux file managers pass those through the desktop entry's %U.
 */
export function projectFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (arg === undefined || arg.startsWith('-')) continue;
    let file = arg;
    if (arg.startsWith('file://')) {
      try {
        file = fileURLToPath(arg);
      } catch {
        continue;
      }
    }
    if (file.toLowerCase().endsWith(PROJECT_EXTENSION)) return path.resolve(cwd, file);
  }
  return null;
}
