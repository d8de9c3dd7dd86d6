import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../../src/api/client';
import { TematikError } from '../../../src/domain/errors';
import { casesProjectXml, FIXTURE_CASES, writeCasesProject } from '../../helpers/refi-cases';
import { newProject, tempDir } from '../../helpers/temp-project';
import { onPostgres } from '../../helpers/test-store';

/** What the project holds that an import could have changed. */
async function contents(client: LocalClient) {
  return {
    documents: await client.invoke('documents.list', {}),
    codes: await client.invoke('codes.list', {}),
    informants: await client.invoke('informants.list', {}),
    types: await client.invoke('informantTypes.list', {}),
    memos: await client.invoke('memos.list', {}),
    undo: (await client.invoke('history.state', {})).undo,
  };
}

const typesOf = async (client: LocalClient) =>
  Object.fromEntries((await client.invoke('informants.list', {})).map((i) => [i.label, i.typeName]));

/** The refusal an action threw, to look at its text in both languages. */
async function refusal(promise: Promise<unknown>): Promise<TematikError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TematikError);
  return error as TematikError;
}

describe('refi.inspectProject: what a .qdpx holds, before anything is imported', () => {
  it('lists the file, its origin, what it holds and the case variables with their values, and suggests the type-like one', async () => {
    const file = writeCasesProject(tempDir());
    // No project needs to be open: the user looks at the file first.
    const client = localClient({ coder: 'Peneliti A' });
    const inspection = await client.invoke('refi.inspectProject', { path: file });
    expect(inspection).toMatchObject({
      file: 'studi-nvivo.qdpx', name: 'Studi kasus UMKM', origin: 'NVivo 14.23.0', defaultType: 'Imported', suggestedTypeVariable: 'Role',
      counts: { sources: 2, codes: 2, codings: 2, memos: 0, cases: 4, variables: 4 },
    });
    expect(inspection.variables).toEqual([
      { name: 'Role', type: 'Text', cases: 4, distinct: 3, samples: ['Pemilik UMKM', 'Konsumen', 'Pakar pemasaran'] },
      { name: 'Kota', type: 'Text', cases: 4, distinct: 3, samples: ['Yogyakarta', 'Semarang', 'Solo'] },
      { name: 'Sektor', type: 'Text', cases: 3, distinct: 2, samples: ['Fashion', 'Kopi'] },
      { name: 'Lama usaha', type: 'Integer', cases: 2, distinct: 2, samples: ['3', '5'] },
    ]);
  });

  // Not on PostgreSQL (TEMATIK_TEST_STORE): Compares the project file's bytes; a team project has no file.
  it.skipIf(onPostgres())('writes nothing into the open project', async () => {
    const client = await newProject();
    const before = await contents(client);
    const bytes = fs.readFileSync(client.file);
    await client.invoke('refi.inspectProject', { path: writeCasesProject(tempDir()) });
    expect(await contents(client)).toEqual(before);
    expect(fs.readFileSync(client.file).equals(bytes)).toBe(true);
  });

  it('suggests Tematik\'s own "Informant type" before a type-like name, and nothing when no variable looks like a type', async () => {
    const client = localClient({ coder: 'Peneliti A' });
    const own = casesProjectXml().replace('name="Kota"', 'name="Informant type"');
    expect((await client.invoke('refi.inspectProject', { path: writeCasesProject(tempDir(), 'own.qdpx', own) })).suggestedTypeVariable).toBe('Informant type');
    const none = casesProjectXml(FIXTURE_CASES, ['Kota', 'Sektor']);
    expect((await client.invoke('refi.inspectProject', { path: writeCasesProject(tempDir(), 'none.qdpx', none) })).suggestedTypeVariable).toBeNull();
  });

  it('refuses what an import refuses, with the same message', async () => {
    const client = localClient({ coder: 'Peneliti A' });
    const notZip = path.join(tempDir(), 'x.qdpx');
    fs.writeFileSync(notZip, '<Project xmlns="urn:QDA-XML:project:1.0"/>');
    const error = await refusal(client.invoke('refi.inspectProject', { path: notZip }));
    expect(error.kind).toBe('bad_input');
    expect(error.text?.id).toMatch(/x\.qdpx adalah berkas XML, bukan zip/);
  });
});

describe('refi.importProject with the user\'s choice of the informant type variable', () => {
  it('types the informants by the chosen variable; the suggested one becomes an attribute like the rest', async () => {
    const client = await newProject();
    const report = await client.invoke('refi.importProject', { path: writeCasesProject(tempDir()), typeVariable: 'Sektor' });
    expect(await typesOf(client)).toEqual({ 'Bu Rina': 'Fashion', 'Mas Dedi': 'Kopi', 'Mbak Sinta': 'Fashion', 'Pak Hadi': 'Imported' });
    const rina = (await client.invoke('informants.list', {})).find((i) => i.label === 'Bu Rina')!;
    // The file's document set "Yogyakarta" is an informant group: an attribute, yes for Bu Rina's document.
    expect(rina.attributes).toEqual({ Role: 'Pemilik UMKM', Kota: 'Yogyakarta', 'Lama usaha': '5', Yogyakarta: 'yes' });
    expect([...report.typesCreated].sort()).toEqual(['Fashion', 'Imported', 'Kopi']);
    const cases = report.report.find((s) => s.kind === 'cases')!;
    expect(cases.notes.map((n) => n.text)).toContainEqual({
      en: 'Informant types were taken from the variable "Sektor"; cases without a value became "Imported".',
      id: 'Jenis informan diambil dari variabel "Sektor"; kasus tanpa nilai menjadi "Imported".',
    });
  });

  it('takes the suggestion when no choice is given, and gives every case the default type when the choice is none', async () => {
    const suggested = await newProject();
    await suggested.invoke('refi.importProject', { path: writeCasesProject(tempDir()) });
    expect(await typesOf(suggested)).toEqual({ 'Bu Rina': 'Pemilik UMKM', 'Mas Dedi': 'Pemilik UMKM', 'Mbak Sinta': 'Konsumen', 'Pak Hadi': 'Pakar pemasaran' });

    const none = await newProject();
    const report = await none.invoke('refi.importProject', { path: writeCasesProject(tempDir()), typeVariable: null });
    expect(Object.values(await typesOf(none))).toEqual(['Imported', 'Imported', 'Imported', 'Imported']);
    expect((await none.invoke('informants.list', {})).find((i) => i.label === 'Pak Hadi')!.attributes).toEqual({ Role: 'Pakar pemasaran', Kota: 'Semarang', Yogyakarta: 'no' });
    expect(report.report.find((s) => s.kind === 'cases')!.notes[0]!.text.en).toBe('No variable was chosen for the informant type, so every case became an informant of type "Imported". Change their types in Tematik.');
  });

  it('refuses a variable the file does not have, in both languages, and changes nothing', async () => {
    const client = await newProject();
    await client.invoke('memos.create', { title: 'Awal', body: 'sebelum impor', target: { kind: 'project' } });
    const before = await contents(client);
    const error = await refusal(client.invoke('refi.importProject', { path: writeCasesProject(tempDir()), typeVariable: 'Jabatan' }));
    expect(error.kind).toBe('bad_input');
    expect(error.text).toEqual({
      en: 'studi-nvivo.qdpx has no case variable "Jabatan" to take the informant types from; its variables are: "Role", "Kota", "Sektor", "Lama usaha". Choose one of them, or none to give every case the type "Imported". Nothing was imported.',
      id: 'studi-nvivo.qdpx tidak punya variabel kasus "Jabatan" untuk diambil sebagai jenis informan; variabelnya: "Role", "Kota", "Sektor", "Lama usaha". Pilih salah satunya, atau tanpa variabel agar setiap kasus mendapat jenis "Imported". Tidak ada yang diimpor.',
    });
    expect(await contents(client)).toEqual(before);
  });

  it('reads and checks the file again at import: a file that changed after it was inspected is refused or imported as it is now, never as it was', async () => {
    const dir = tempDir();
    const client = await newProject();
    const file = writeCasesProject(dir);
    const seen = await client.invoke('refi.inspectProject', { path: file });
    expect(seen.variables.map((v) => v.name)).toContain('Sektor');
    const before = await contents(client);

    // The variable the user picked is gone.
    writeCasesProject(dir, 'studi-nvivo.qdpx', casesProjectXml(FIXTURE_CASES, ['Role', 'Kota']));
    expect((await refusal(client.invoke('refi.importProject', { path: file, typeVariable: 'Sektor' }))).message).toMatch(/has no case variable "Sektor".*"Role", "Kota"/);
    // It is no longer a .qdpx at all.
    fs.writeFileSync(file, 'PK\x03\x04 not really a zip');
    expect((await refusal(client.invoke('refi.importProject', { path: file, typeVariable: 'Sektor' }))).kind).toBe('bad_input');
    // A selection now runs past its text: the check that guards every import guards this one too.
    writeCasesProject(dir, 'studi-nvivo.qdpx', casesProjectXml().replace(/endPosition="\d+"/, 'endPosition="99999"'));
    expect((await refusal(client.invoke('refi.importProject', { path: file, typeVariable: 'Sektor' }))).message).toMatch(/outside the source's text/);
    expect(await contents(client)).toEqual(before);

    // Its values changed: the import takes what the file says now.
    writeCasesProject(dir, 'studi-nvivo.qdpx', casesProjectXml(FIXTURE_CASES.map((c) => (c.sektor ? { ...c, sektor: `${c.sektor} dan kuliner` } : c))));
    await client.invoke('refi.importProject', { path: file, typeVariable: 'Sektor' });
    expect((await typesOf(client))['Mas Dedi']).toBe('Kopi dan kuliner');
  });
});
