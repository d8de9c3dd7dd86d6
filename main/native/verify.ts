import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkElectronBinary, type AbiVerdict } from './abi-check';
import { sameStamp, type BuildStamp } from './electron-build';
import { electronBindingPath, electronNativeDir } from './paths';

/** Beside the build: what it was made for, written only after the build passed the ABI check. */
export const stampPath = (root: string): string => path.join(electronNativeDir(root), '.tematik-build.json');

export interface InstalledVersions {
  /** node_modules/better-sqlite3, the sources the Electron build is made from. */
  readonly betterSqlite3Dir: string;
  readonly betterSqlite3: string;
  readonly electron: string;
  /** NODE_MODULE_VERSION of the installed Electron (its abi_version file), when it ships one. */
  readonly electronAbi: number | null;
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

export function installedVersions(root: string): InstalledVersions {
  const requireFromRoot = createRequire(path.join(root, 'package.json'));
  const betterSqlite3Dir = path.dirname(requireFromRoot.resolve('better-sqlite3/package.json'));
  const electronDir = path.dirname(requireFromRoot.resolve('electron/package.json'));
  const abiFile = path.join(electronDir, 'abi_version');
  return {
    betterSqlite3Dir,
    betterSqlite3: (readJson(path.join(betterSqlite3Dir, 'package.json')) as { version: string }).version,
    electron: (readJson(path.join(electronDir, 'package.json')) as { version: string }).version,
    electronAbi: fs.existsSync(abiFile) ? Number(fs.readFileSync(abiFile, 'utf8').trim()) : null,
  };
}

export const wantedStamp = (versions: InstalledVersions, platform: string, arch: string): BuildStamp =>
  ({ betterSqlite3: versions.betterSqlite3, electron: versions.electron, platform, arch });

export function readStamp(root: string): unknown {
  try {
    return readJson(stampPath(root));
  } catch {
    return null;
  }
}

/**
 * Whether .cache/electron-native holds a verified build for the installed Electron and
 * better-sqlite3 on `target`. The packaging hook in electron.config.ts calls this, so
 * electron-builder refuses to ship a missing, stale, foreign or Node-ABI binary.
 */
export function verifyElectronBinding(root: string, target: { readonly platform: string; readonly arch: string }): AbiVerdict {
  const versions = installedVersions(root);
  const wanted = wantedStamp(versions, target.platform, target.arch);
  const stamp = readStamp(root);
  if (!sameStamp(wanted, stamp)) {
    return {
      ok: false, reason: 'stale',
      message: `No verified build of better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} on ${target.platform}-${target.arch} in ${electronNativeDir(root)} `
        + `(found: ${stamp === null ? 'none' : JSON.stringify(stamp)}). Run "node dist/main/native/rebuild-for-electron.js" on a ${target.platform}-${target.arch} machine first.`,
    };
  }
  return checkElectronBinary(electronBindingPath(root), { nodeAbi: Number(process.versions.modules), electronAbi: versions.electronAbi });
}
