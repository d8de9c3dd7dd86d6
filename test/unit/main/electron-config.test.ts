import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Arch } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import config, { checkNativeModule } from '../../../electron.config';
import { ELECTRON_BINDING, PACKAGED_BINDING, electronBindingPath } from '../../../main/native/paths';
import { installedVersions, stampPath, wantedStamp } from '../../../main/native/verify';

const root = path.resolve(__dirname, '../../..');
// app-builder-lib and builder-util come with electron-builder; load them the way it does.
const fromBuilder = createRequire(createRequire(path.join(root, 'package.json')).resolve('app-builder-lib/package.json'));
const { getConfig, validateConfiguration } = fromBuilder('./out/util/config/config') as typeof import('app-builder-lib/out/util/config/config');
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => Parameters<typeof validateConfiguration>[1] };

describe('the electron-builder configuration', () => {
  it('loads through electron-builder\'s own .ts loader and passes its schema, offline', async () => {
    const loaded = await getConfig(root, 'electron.config.ts', null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    expect(loaded.appId).toBe('org.tematik.app');
    expect(loaded.productName).toBe('Tematik');
  });

  it('is checked by the schema (a wrong key is refused)', async () => {
    await expect(validateConfiguration({ ...config, npmRebuilt: false } as never, new DebugLogger(false))).rejects.toThrow(/unknown property 'npmRebuilt'/);
  });

  it('ships the built app, the sample study and the Electron build of better-sqlite3, and never rebuilds on its own', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json', '!node_modules/better-sqlite3/{build,deps,src}/**']));
    expect((config.files as string[]).some((f) => /^(src|test|main|renderer)\//.test(f))).toBe(false);
    expect(config.extraResources).toEqual([
      { from: 'test/fixtures/sample-study', to: 'sample-study' },
      { from: ELECTRON_BINDING, to: PACKAGED_BINDING },
    ]);
    expect(config.directories?.output).not.toBe('dist');
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'tematik' })]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });
});

describe('the packaging hook', () => {
  /** A project folder sharing this repository's node_modules, with or without an Electron build. */
  function project(build: 'none' | 'node' | 'other-arch'): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-pack-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"tematik"}');
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
    if (build !== 'none') {
      const binding = electronBindingPath(dir);
      fs.mkdirSync(path.dirname(binding), { recursive: true });
      // The nodedir trap's product: Node's own build where Electron's should be.
      fs.copyFileSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), binding);
      const stamp = wantedStamp(installedVersions(dir), process.platform, build === 'other-arch' ? 'arm64' : process.arch);
      fs.writeFileSync(stampPath(dir), JSON.stringify(stamp));
    }
    return dir;
  }
  const context = (dir: string) => ({ packager: { projectDir: dir }, electronPlatformName: process.platform, arch: Arch[process.arch as 'x64'] });

  it('is installed as beforePack', () => {
    expect(config.beforePack).toBe(checkNativeModule);
  });

  it('refuses to package without an Electron build, with a build for Node, or one for another machine', () => {
    const none = project('none');
    const node = project('node');
    const other = project('other-arch');
    try {
      expect(() => checkNativeModule(context(none))).toThrow(/No verified build of better-sqlite3 .* \(found: none\)/);
      expect(() => checkNativeModule(context(node))).toThrow(/loads under plain Node.*nodedir trap/s);
      expect(() => checkNativeModule(context(other))).toThrow(/No verified build .*"arch":"arm64"/);
    } finally {
      for (const dir of [none, node, other]) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
