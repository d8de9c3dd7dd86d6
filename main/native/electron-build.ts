/**
 * The pure parts of rebuilding better-sqlite3 for Electron: the environment node-gyp runs in,
 * its arguments, and the stamp that says an existing build still fits.
 */

/** Electron's header tarballs, the same place @electron/rebuild downloads them from. */
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** npm settings node-gyp may still need from the environment: reaching the header server through a proxy. */
const KEPT_NPM_CONFIG = new Set(['proxy', 'http_proxy', 'https_proxy', 'noproxy', 'no_proxy', 'cafile', 'strict_ssl']);

/**
 * The environment for node-gyp, without anything that would redirect the build to Node's headers.
 * npm exports every npmrc setting as `npm_config_<key>` (our ~/.npmrc has nodedir=/usr), and
 * node-gyp applies those AFTER its command line, so `npm_config_nodedir`, `_target`, `_disturl`,
 * `_runtime` or `_arch` would silently override the flags below. NODEDIR and NODEJS_ORG_MIRROR
 * go for the same reason. Keys are matched without case: Windows environments ignore it.
 */
export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_config_') && !KEPT_NPM_CONFIG.has(lower.slice('npm_config_'.length))) continue;
    if (lower.startsWith('npm_package_config_node_gyp_')) continue;
    if (lower === 'nodedir' || lower === 'nodejs_org_mirror') continue;
    clean[key] = value;
  }
  return clean;
}

export interface ElectronTarget {
  readonly electronVersion: string;
  readonly arch: string;
  /** node-gyp's header cache; Electron's apart from Node's, as @electron/rebuild keeps it (~/.electron-gyp). */
  readonly devDir: string;
}

/** `node-gyp rebuild` against Electron's headers. */
export function nodeGypArgs(target: ElectronTarget): string[] {
  return [
    'rebuild', '--release', '--runtime=electron', `--target=${target.electronVersion}`, `--arch=${target.arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`, `--devdir=${target.devDir}`,
  ];
}

/** What a build was made for; a different stamp means rebuild. */
export interface BuildStamp {
  readonly betterSqlite3: string;
  readonly electron: string;
  readonly platform: string;
  readonly arch: string;
}

export function sameStamp(a: BuildStamp, b: unknown): boolean {
  if (typeof b !== 'object' || b === null) return false;
  const other = b as Record<string, unknown>;
  return a.betterSqlite3 === other['betterSqlite3'] && a.electron === other['electron'] && a.platform === other['platform'] && a.arch === other['arch'];
}
