import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * The layer rules of eslint.config.mjs, run through ESLint's own API on one-line files placed (by
 * `filePath`) where real code lives. The files need not exist: ESLint picks the config by path.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The messages of the layer rule for one import written in the file at `file` (relative to the root). */
async function layerErrors(file: string, source: string): Promise<string[]> {
  const code = `import { thing } from '${source}';\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result?.filePath).toBe(path.join(ROOT, file));
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const RENDERER_FILE = 'renderer/features/themes/LayerProbe.tsx';

describe('the renderer imports only the pure modules of src/ (an allowlist)', () => {
  it.each([
    '../../../src/api/client',
    '../../../src/analysis/triangulation',
    '../../../src/search/query',
    '../../../src/report/word',
    '../../../src/store/codes',
    '../../../src/api/dispatch',
    '../../../src/export/csv',
    '../../../src/newly-made-folder/anything',
    '../../../main/menu',
    '../../../test/helpers/temp-project',
    'better-sqlite3',
    'node:fs',
    'electron',
    'docx',
  ])('refuses %s', async (source) => {
    const errors = await layerErrors(RENDERER_FILE, source);
    expect(errors).toHaveLength(1);
  });

  it('names what is allowed in the message', async () => {
    const [message] = await layerErrors(RENDERER_FILE, '../../../src/api/client');
    expect(message).toContain('src/domain/**, src/api/contract, src/api/touches and src/api/bridge');
  });

  it.each([
    '../../../src/domain/types',
    '../../../src/domain/map-geometry',
    '../../../src/api/contract',
    '../../../src/api/touches',
    '../../../src/api/bridge',
    '../../lib/api',
    './ThemeDialogs',
    'react',
    'react-dom/client',
  ])('allows %s', async (source) => {
    expect(await layerErrors(RENDERER_FILE, source)).toEqual([]);
  });

  it('holds in the renderer\'s top folder and its tests too', async () => {
    expect(await layerErrors('renderer/main.tsx', '../src/search/query')).toHaveLength(1);
    expect(await layerErrors('renderer/lib/Probe.test.tsx', '../../src/api/client')).toHaveLength(1);
    expect(await layerErrors('renderer/lib/Probe.test.tsx', 'vitest')).toEqual([]);
  });
});

describe('the pure modules import only each other', () => {
  it('keeps src/domain to itself and zod', async () => {
    expect(await layerErrors('src/domain/probe.ts', '../store/open')).toHaveLength(1);
    expect(await layerErrors('src/domain/probe.ts', '../api/contract')).toHaveLength(1);
    expect(await layerErrors('src/domain/probe.ts', 'node:path')).toHaveLength(1);
    expect(await layerErrors('src/domain/probe.ts', './types')).toEqual([]);
    expect(await layerErrors('src/domain/probe.ts', 'zod')).toEqual([]);
  });

  it('keeps the contract, what its actions touch and the bridge to src/domain and each other', async () => {
    expect(await layerErrors('src/api/contract.ts', './client')).toHaveLength(1);
    expect(await layerErrors('src/api/touches.ts', './dispatch')).toHaveLength(1);
    expect(await layerErrors('src/api/touches.ts', './contract')).toEqual([]);
    expect(await layerErrors('src/api/contract.ts', '../analysis/triangulation')).toHaveLength(1);
    expect(await layerErrors('src/api/bridge.ts', './contract')).toEqual([]);
    expect(await layerErrors('src/api/contract.ts', '../domain/types')).toEqual([]);
  });
});

describe('the core and the shell', () => {
  it('keeps src/ from importing main/, renderer/, Electron or React', async () => {
    expect(await layerErrors('src/store/probe.ts', '../../renderer/lib/api')).toHaveLength(1);
    expect(await layerErrors('src/api/probe.ts', '../../main/menu')).toHaveLength(1);
    expect(await layerErrors('src/store/probe.ts', 'electron')).toHaveLength(1);
    expect(await layerErrors('src/store/probe.ts', '../search/query')).toEqual([]);
  });

  it('keeps main/ to the shell: the core\'s features are reached through dispatch', async () => {
    expect(await layerErrors('main/probe.ts', '../src/search/query')).toHaveLength(1);
    expect(await layerErrors('main/probe.ts', '../renderer/lib/api')).toHaveLength(1);
    expect(await layerErrors('main/probe.ts', '../src/api/dispatch')).toEqual([]);
  });
});

describe('the handlers reach a project only through the store interface', () => {
  const HANDLER_FILE = 'src/api/handlers/probe.ts';

  it.each([
    'better-sqlite3',
    '../../store/codes',
    '../../store/project-store',
    '../../store/sqlite/project-data',
    '../../store/open',
  ])('refuses %s', async (source) => {
    const errors = await layerErrors(HANDLER_FILE, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('ctx.session.data');
  });

  it.each([
    '../../store/project-data',
    '../../store/project-files',
    '../../search/search',
    '../../export/csv',
    '../session',
  ])('allows %s', async (source) => {
    expect(await layerErrors(HANDLER_FILE, source)).toEqual([]);
  });

  it('still keeps Electron out, as everywhere in src/', async () => {
    expect(await layerErrors(HANDLER_FILE, 'electron')).toHaveLength(1);
  });

  it('refuses the session\'s SQLite store, and takes its data', async () => {
    const lint = async (expression: string) => {
      const code = `import type { Context } from '../session';\nexport const use = (ctx: Context) => ${expression};\n`;
      const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, HANDLER_FILE) });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    };
    expect(await lint('ctx.session.store.db')).toEqual([expect.stringContaining('ctx.session.data')]);
    expect(await lint('{ const { store } = ctx.session; return store; }')).toEqual([expect.stringContaining('ctx.session.data')]);
    expect(await lint('ctx.session.data.codes.list()')).toEqual([]);
  });
});

describe('the import writers reach a project only through the store interface', () => {
  it.each([
    ['src/import/batch.ts', 'better-sqlite3'],
    ['src/import/batch.ts', '../store/documents'],
    ['src/import/batch.ts', '../store/sqlite/repositories'],
    ['src/refi/write-project.ts', '../store/project-store'],
    ['src/refi/write-project.ts', '../store/row-guid'],
    ['src/refi/write-themes.ts', '../store/themes'],
    ['src/refi/codebook.ts', '../store/codes'],
    ['src/refi/import-journal.ts', '../store/memos'],
  ])('refuses, in %s, %s', async (file, source) => {
    const errors = await layerErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('tx.imports');
  });

  it('allows the interface itself and the rest of the core', async () => {
    expect(await layerErrors('src/refi/write-project.ts', '../store/project-data')).toEqual([]);
    expect(await layerErrors('src/refi/write-project.ts', '../domain/ranges')).toEqual([]);
    expect(await layerErrors('src/import/batch.ts', './parse-in-workers')).toEqual([]);
  });

  it('leaves the REFI-QDA readers and exporters, which are no writers, to the core\'s own rule', async () => {
    expect(await layerErrors('src/refi/export.ts', 'better-sqlite3')).toEqual([]);
  });
});

describe('the session and the host open projects through the backend', () => {
  it.each([
    ['src/api/session.ts', 'better-sqlite3'],
    ['src/api/session.ts', '../store/project-store'],
    ['src/api/session.ts', '../store/sqlite/backend'],
    ['src/host/worker.ts', '../store/open'],
    ['src/server/web-server.ts', '../store/sqlite/project-data'],
  ])('refuses, in %s, %s', async (file, source) => {
    const errors = await layerErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('src/store/backends.ts');
  });

  it('allows the backend interface and the one place it is chosen', async () => {
    expect(await layerErrors('src/api/session.ts', '../store/backend')).toEqual([]);
    expect(await layerErrors('src/api/session.ts', '../store/backends')).toEqual([]);
  });

  it('refuses session.store, the SQLite file, outside tests: production code uses session.project and session.data', async () => {
    const lint = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    };
    const refused = [expect.stringContaining('session.store is for tests')];
    expect(await lint('src/host/worker.ts', 'declare const session: { store: { file: string } };\nexport const file = session.store.file;\n')).toEqual(refused);
    expect(await lint('src/cli/probe.ts', 'declare const client: { session: { store: { file: string } } };\nexport const file = client.session.store.file;\n')).toEqual(refused);
    expect(await lint('src/api/session.ts', 'export class Probe {\n  store = 1;\n  get twice(): number { return this.store * 2; }\n}\n')).toEqual(refused);
    expect(await lint('src/host/worker.ts', 'declare const session: { project: { file: string } };\nexport const file = session.project.file;\n')).toEqual([]);
  });
});
