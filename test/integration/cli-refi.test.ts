import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import { writeCasesProject } from '../helpers/refi-cases';
import { tempDir } from '../helpers/temp-project';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

function tematik(language: 'en' | 'id', ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_CODER: 'Peneliti CLI', TEMATIK_LANG: language };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The informants' types and the journal's titles in a project file, read after the CLI has closed it. */
async function projectState(file: string) {
  const client = localClient({ coder: 'Pemeriksa' });
  try {
    await client.invoke('project.open', { path: file, readOnly: true });
    const informants = Object.fromEntries((await client.invoke('informants.list', {})).map((i) => [i.label, i.typeName]));
    const journal = (await client.invoke('memos.list', { kind: 'journal' })).map((m) => m.title);
    return { informants, journal };
  } finally {
    client.session.close();
  }
}

describe('tematik refi-inspect and refi-import with the informant type variable', () => {
  let dir: string;
  let qdpx: string;

  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
    dir = tempDir();
    qdpx = writeCasesProject(dir);
  });

  it('refi-inspect prints what the file holds and its variables with values, marking the suggestion, in the user\'s language', () => {
    const en = tematik('en', 'refi-inspect', qdpx);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('studi-nvivo.qdpx: the REFI-QDA project "Studi kasus UMKM", written by NVivo 14.23.0.');
    expect(en.stdout).toContain('It holds 2 source(s), 2 code(s), 2 coding(s), 0 note(s), 4 case(s) and 4 variable(s).');
    expect(en.stdout).toMatch(/^\* Role +Text +4\/4 +Pemilik UMKM, Konsumen, Pakar pemasaran$/m);
    expect(en.stdout).toMatch(/^ {2}Sektor +Text +3\/4 +Fashion, Kopi$/m);
    expect(en.stdout).toContain('--type-variable NAME');
    const id = tematik('id', 'refi-inspect', qdpx);
    expect(id.stdout).toContain('Berisi 2 sumber, 2 kode, 2 pengodean, 0 catatan, 4 kasus, dan 4 variabel.');
    expect(id.stdout).toMatch(/^Variabel +Tipe +Kasus yang bernilai +Nilai$/m);
    const json = JSON.parse(tematik('en', 'refi-inspect', qdpx, '--json').stdout) as { suggestedTypeVariable: string };
    expect(json.suggestedTypeVariable).toBe('Role');
  });

  it('refi-import --type-variable types the informants by it and prints the report per kind; a name the file lacks changes nothing', async () => {
    const project = path.join(dir, 'studi.tematik');
    expect(tematik('en', 'init', project).code).toBe(0);
    const refused = tematik('id', 'refi-import', project, qdpx, '--type-variable', 'Jabatan');
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('tidak punya variabel kasus "Jabatan"') });
    expect(await projectState(project)).toEqual({ informants: {}, journal: [] });

    const imported = tematik('id', 'refi-import', project, qdpx, '--type-variable', 'Kota');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Diimpor: 2 dokumen, 2 kode, 2 pengodean, 0 memo.');
    expect(imported.stdout).toContain('Laporan impor per jenis (juga disimpan di jurnal reflektif):\n  Kasus (informan)\n    - Jenis informan diambil dari variabel "Kota".');
    expect(await projectState(project)).toEqual({
      informants: { 'Bu Rina': 'Yogyakarta', 'Mas Dedi': 'Solo', 'Mbak Sinta': 'Yogyakarta', 'Pak Hadi': 'Semarang' },
      journal: ['Impor studi-nvivo.qdpx'],
    });
  });

  it('refi-import --no-type-variable gives every case the default type; the two options together are a usage error', async () => {
    const project = path.join(dir, 'tanpa.tematik');
    expect(tematik('en', 'init', project).code).toBe(0);
    expect(tematik('en', 'refi-import', project, qdpx, '--type-variable', 'Kota', '--no-type-variable')).toMatchObject({ code: 2 });
    const imported = tematik('en', 'refi-import', project, qdpx, '--no-type-variable');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('  Cases (informants)\n    - No variable was chosen for the informant type, so every case became an informant of type "Imported".');
    expect(Object.values((await projectState(project)).informants)).toEqual(['Imported', 'Imported', 'Imported', 'Imported']);
  });
});
