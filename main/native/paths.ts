import path from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives, relative to the repository root
 * (posix separators, as electron-builder takes them). Outside node_modules on purpose:
 * node_modules/better-sqlite3 keeps Node's build for the tests and the CLI.
 */
export const ELECTRON_NATIVE_DIR = '.cache/electron-native/better-sqlite3';
export const ELECTRON_BINDING = `${ELECTRON_NATIVE_DIR}/build/Release/better_sqlite3.node`;

/** Where the packaged app finds that binary, relative to process.resourcesPath (see electron.config.ts). */
export const PACKAGED_BINDING = 'native/better_sqlite3.node';

export const electronNativeDir = (root: string): string => path.join(root, ...ELECTRON_NATIVE_DIR.split('/'));
export const electronBindingPath = (root: string): string => path.join(root, ...ELECTRON_BINDING.split('/'));
export const packagedBindingPath = (resourcesPath: string): string => path.join(resourcesPath, ...PACKAGED_BINDING.split('/'));
