import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A worker thread's script `name` in the folder `dir` of the module that starts it. From dist/
 * (the CLI, browser mode, Electron, where dist/** is packed into app.asar and worker threads
 * read asar since Electron 17) it is the compiled .js. From the TypeScript sources (vitest, tsx)
 * it is the .ts, loaded with tsx's require hook, so tests run the code they test and never a
 * stale build.
 */
export function workerScript(dir: string, fromFile: string, name: string): { file: string; execArgv: string[] } {
  const extension = path.extname(fromFile);
  const file = path.join(dir, `${name}${extension}`);
  if (extension === '.js') return { file, execArgv: [] };
  return { file, execArgv: ['--require', createRequire(fromFile).resolve('tsx/cjs')] };
}
