import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../src/server/paths';
import { checkElectronBinary } from './abi-check';
import { electronBuildEnv, nodeGypArgs, sameStamp } from './electron-build';
import { electronBindingPath, electronNativeDir } from './paths';
import { installedVersions, readStamp, stampPath, wantedStamp } from './verify';

/**
 * `npm start` and `npm run dist` run this (as dist/main/native/rebuild-for-electron.js) before
 * Electron: it builds better-sqlite3 against Electron's headers into .cache/electron-native,
 * leaving node_modules/better-sqlite3 built for Node, and refuses to finish unless the result
 * provably is an Electron build. Usage: node dist/main/native/rebuild-for-electron.js [--force]
 */

const log = (message: string) => process.stdout.write(`tematik native: ${message}\n`);
const fail = (message: string): number => {
  process.stderr.write(`tematik native: ${message}\n`);
  return 1;
};

/** node-gyp from our own dependencies, else the copy npm bundles (npm names it in npm_config_node_gyp). */
function findNodeGyp(root: string): string | null {
  try {
    return createRequire(path.join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const bundled = process.env['npm_config_node_gyp'];
    return bundled && fs.existsSync(bundled) ? bundled : null;
  }
}

/** Copies the package without its Node build, so nothing of Node's build can leak into Electron's. */
function copySources(source: string, target: string): void {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, {
    recursive: true,
    filter: (file) => {
      const top = path.relative(source, file).split(path.sep)[0];
      return top !== 'build' && top !== 'node_modules';
    },
  });
}

/** prebuild-install (better-sqlite3's own dependency) for Electron's ABI, in the copied package; false when it cannot. */
function fetchPrebuilt(root: string, target: string, electronVersion: string, arch: string): boolean {
  let bin: string;
  try {
    bin = createRequire(path.join(root, 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return false;
  }
  const fetched = spawnSync(process.execPath, [bin, '--runtime', 'electron', '--target', electronVersion, '--arch', arch], {
    cwd: target, env: electronBuildEnv(process.env), stdio: 'inherit',
  });
  return fetched.status === 0;
}

export function main(argv: readonly string[] = process.argv.slice(2)): number {
  if (process.versions['electron']) return fail('run this with plain Node, not Electron: the check depends on plain Node refusing the Electron build.');
  const root = packageRoot();
  const versions = installedVersions(root);
  const stamp = wantedStamp(versions, process.platform, process.arch);
  const target = electronNativeDir(root);
  const binding = electronBindingPath(root);

  if (!argv.includes('--force') && sameStamp(stamp, readStamp(root)) && fs.existsSync(binding)) {
    log(`reusing the build of better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron} (${stamp.platform}-${stamp.arch}); checking it…`);
  } else {
    copySources(versions.betterSqlite3Dir, target);
    // better-sqlite3 publishes binaries built for each Electron release: fetching one needs no compiler.
    // Whatever arrives is still checked below; a failed fetch falls back to building from source.
    if (fetchPrebuilt(root, target, stamp.electron, stamp.arch)) {
      log(`fetched the prebuilt better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron}`);
    } else {
      const nodeGyp = findNodeGyp(root);
      if (!nodeGyp) return fail('node-gyp is not installed. Add it: npm install --save-dev node-gyp');
      log(`building better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron} in ${path.relative(root, target)} (about a minute)…`);
      const args = nodeGypArgs({ electronVersion: stamp.electron, arch: stamp.arch, devDir: path.join(os.homedir(), '.electron-gyp') });
      const build = spawnSync(process.execPath, [nodeGyp, ...args], { cwd: target, env: electronBuildEnv(process.env), stdio: 'inherit' });
      if (build.status !== 0) {
        return fail(`node-gyp ${args.join(' ')} failed (${build.error?.message ?? `exit ${String(build.status ?? build.signal)}`}). `
          + `It needs Electron's headers (downloaded once from the --dist-url into ~/.electron-gyp, so the first build needs the network), Python 3 and a C++ compiler.`);
      }
    }
  }

  const verdict = checkElectronBinary(binding, { nodeAbi: Number(process.versions.modules), electronAbi: versions.electronAbi });
  if (!verdict.ok) {
    fs.rmSync(binding, { force: true });
    fs.rmSync(stampPath(root), { force: true });
    return fail(verdict.message);
  }
  fs.writeFileSync(stampPath(root), `${JSON.stringify(stamp, null, 2)}\n`);
  log(verdict.message);
  return 0;
}

if (require.main === module) process.exitCode = main();
