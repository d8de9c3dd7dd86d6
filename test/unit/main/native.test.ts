import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkElectronBinary, compiledAbiFromError, judgeElectronBinary, registeredAbi } from '../../../main/native/abi-check';
import { electronBuildEnv, nodeGypArgs, sameStamp } from '../../../main/native/electron-build';
import { ELECTRON_BINDING, electronBindingPath } from '../../../main/native/paths';

const root = path.resolve(__dirname, '../../..');
const NODE_BUILD = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const nodeAbi = Number(process.versions.modules);
const electronAbi = Number(fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8'));
const expected = { nodeAbi, electronAbi };

/** Node's own wording when a module of another ABI is loaded (src/node_binding.cc). */
const mismatch = (compiled: number, required = nodeAbi) =>
  `The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION ${compiled}. This version of Node.js requires\nNODE_MODULE_VERSION ${required}. Please try re-compiling or re-installing\nthe module (for instance, using \`npm rebuild\` or \`npm install\`).`;

describe('the Electron ABI check', () => {
  it('rejects the real Node build of better-sqlite3, which loads under Node', () => {
    const verdict = checkElectronBinary(NODE_BUILD, expected);
    expect(verdict).toMatchObject({ ok: false, reason: 'built-for-node' });
    expect(verdict.message).toMatch(/loads under plain Node/);
    expect(verdict.message).toMatch(/nodedir/);
    expect(registeredAbi(fs.readFileSync(NODE_BUILD))).toBe(nodeAbi);
  });

  it('accepts a module that Node refuses for being built for Electron', () => {
    expect(electronAbi).not.toBe(nodeAbi);
    expect(compiledAbiFromError(mismatch(electronAbi))).toBe(electronAbi);
    expect(judgeElectronBinary({ file: 'x.node', loadError: mismatch(electronAbi), registeredAbi: electronAbi }, expected))
      .toMatchObject({ ok: true, abi: electronAbi });
  });

  it('rejects a build for another Electron, or one that reports Node\'s own ABI', () => {
    expect(judgeElectronBinary({ file: 'x.node', loadError: mismatch(electronAbi - 1), registeredAbi: null }, expected))
      .toMatchObject({ ok: false, reason: 'wrong-abi', message: expect.stringMatching(new RegExp(`${electronAbi - 1}.*needs ${electronAbi}`)) });
    expect(judgeElectronBinary({ file: 'x.node', loadError: mismatch(nodeAbi), registeredAbi: null }, expected))
      .toMatchObject({ ok: false, reason: 'built-for-node' });
    // Without Electron's ABI on record, any ABI but Node's passes.
    expect(judgeElectronBinary({ file: 'x.node', loadError: mismatch(electronAbi - 1), registeredAbi: null }, { nodeAbi, electronAbi: null }).ok).toBe(true);
  });

  it('falls back on the registration symbol when Node refuses the module for another reason', () => {
    const undefinedSymbol = '/x/better_sqlite3.node: undefined symbol: _ZN2v87Isolate10GetCurrentEv';
    expect(judgeElectronBinary({ file: 'x.node', loadError: undefinedSymbol, registeredAbi: electronAbi }, expected)).toMatchObject({ ok: true });
    expect(judgeElectronBinary({ file: 'x.node', loadError: undefinedSymbol, registeredAbi: nodeAbi }, expected)).toMatchObject({ ok: false, reason: 'built-for-node' });
    expect(judgeElectronBinary({ file: 'x.node', loadError: undefinedSymbol, registeredAbi: null }, expected))
      .toMatchObject({ ok: false, reason: 'unverified', message: expect.stringContaining('undefined symbol') });
    expect(judgeElectronBinary({ file: 'x.node', loadError: 'invalid ELF header', registeredAbi: 999 }, expected).ok).toBe(false);
  });

  it('reports a missing build and a file that is no module at all', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-abi-'));
    try {
      expect(checkElectronBinary(path.join(dir, 'none.node'), expected)).toMatchObject({ ok: false, reason: 'missing' });
      const junk = path.join(dir, 'junk.node');
      fs.writeFileSync(junk, 'not a shared library');
      expect(checkElectronBinary(junk, expected)).toMatchObject({ ok: false, reason: 'unverified' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the node-gyp build for Electron', () => {
  it('runs without the npm settings that would point it at Node\'s headers', () => {
    const env = electronBuildEnv({
      PATH: '/usr/bin', HOME: '/home/x', HTTPS_PROXY: 'http://proxy:3128',
      npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', NODEDIR: '/usr', nodedir: '/usr',
      npm_config_target: '20.20.2', npm_config_runtime: 'node', npm_config_disturl: 'https://nodejs.org/dist', npm_config_arch: 'ia32',
      npm_package_config_node_gyp_nodedir: '/usr', NODEJS_ORG_MIRROR: 'https://mirror.example/node',
      npm_config_https_proxy: 'http://proxy:3128', npm_config_cafile: '/etc/ssl/ca.pem',
    });
    expect(env).toEqual({
      PATH: '/usr/bin', HOME: '/home/x', HTTPS_PROXY: 'http://proxy:3128', npm_config_https_proxy: 'http://proxy:3128', npm_config_cafile: '/etc/ssl/ca.pem',
    });
  });

  it('targets Electron\'s version and headers', () => {
    const args = nodeGypArgs({ electronVersion: '45.4.1', arch: 'x64', devDir: '/home/x/.electron-gyp' });
    expect(args).toEqual([
      'rebuild', '--release', '--runtime=electron', '--target=45.4.1', '--arch=x64', '--dist-url=https://electronjs.org/headers', '--devdir=/home/x/.electron-gyp',
    ]);
  });

  it('rebuilds when anything in the stamp changed', () => {
    const stamp = { betterSqlite3: '12.11.1', electron: '45.4.1', platform: 'linux', arch: 'x64' };
    expect(sameStamp(stamp, { ...stamp })).toBe(true);
    expect(sameStamp(stamp, { ...stamp, electron: '45.5.0' })).toBe(false);
    expect(sameStamp(stamp, { ...stamp, arch: 'arm64' })).toBe(false);
    expect(sameStamp(stamp, null)).toBe(false);
    expect(sameStamp(stamp, 'garbage')).toBe(false);
  });

  it('keeps the Electron build outside node_modules', () => {
    expect(ELECTRON_BINDING.startsWith('node_modules')).toBe(false);
    expect(electronBindingPath('/repo')).toBe(path.join('/repo', '.cache', 'electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
  });
});
