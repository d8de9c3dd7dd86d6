import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCasesProject } from '../../helpers/refi-cases';
import { newProject, tempDir } from '../../helpers/temp-project';

describe('every REFI-QDA import keeps its report in the reflexive journal', () => {
  it('a project import writes its report per kind, in the language of the request, as one journal entry undone with the import', async () => {
    const client = await newProject();
    await client.invoke('project.setPhase', { phase: 2 });
    const report = await client.invoke('refi.importProject', { path: writeCasesProject(tempDir()), typeVariable: 'Sektor', language: 'id' });
    // Moving to phase 2 wrote an entry of its own; the import adds one.
    const journal = (await client.invoke('memos.list', { kind: 'journal' })).filter((m) => m.title.startsWith('Impor '));
    expect(journal).toHaveLength(1);
    const entry = journal[0]!;
    expect(entry).toMatchObject({ title: 'Impor studi-nvivo.qdpx', target: { kind: 'project' }, author: 'Peneliti A', phase: 2 });
    const lines = entry.body.split('\n');
    expect(lines[0]).toBe('Proyek REFI-QDA "Studi kasus UMKM" diimpor dari studi-nvivo.qdpx (dibuat oleh NVivo 14.23.0). Yang masuk, serta yang dilewati dan alasannya:');
    // Each kind the report has, under its Indonesian name, with its reasons in Indonesian below it.
    const cases = lines.findIndex((l) => l.startsWith('Kasus (informan)'));
    expect(cases).toBeGreaterThan(0);
    expect(lines[cases + 1]).toBe('  - Jenis informan diambil dari variabel "Sektor"; kasus tanpa nilai menjadi "Imported".');
    for (const section of report.report) {
      for (const note of section.notes) expect(entry.body).toContain(note.text.id);
    }
    expect(entry.body).not.toContain('Informant types were taken');

    // One undo step takes the import and its journal entry together.
    await client.invoke('history.undo', {});
    expect((await client.invoke('memos.list', {})).map((m) => m.title)).not.toContain('Impor studi-nvivo.qdpx');
    expect(await client.invoke('documents.list', {})).toEqual([]);
  });

  it('speaks English when the request does not say, and a refused import leaves no entry', async () => {
    const client = await newProject();
    await expect(client.invoke('refi.importProject', { path: writeCasesProject(tempDir()), typeVariable: 'Jabatan' })).rejects.toMatchObject({ kind: 'bad_input' });
    expect(await client.invoke('memos.list', {})).toEqual([]);
    await client.invoke('refi.importProject', { path: writeCasesProject(tempDir()) });
    const [entry] = await client.invoke('memos.list', { kind: 'journal' });
    expect(entry!.title).toBe('Imported studi-nvivo.qdpx');
    expect(entry!.body).toContain('Cases (informants)\n  - Informant types were taken from the variable "Role".');
  });

  it('a codebook import keeps its report too, with the codes already in the codebook', async () => {
    const from = await newProject();
    await from.invoke('codes.create', { name: 'Co-creation' });
    await from.invoke('codes.create', { name: 'Modal' });
    const file = path.join(tempDir(), 'kode.qdc');
    await from.invoke('refi.exportCodebook', { path: file });

    const into = await newProject();
    await into.invoke('codes.create', { name: 'Modal' });
    await into.invoke('refi.importCodebook', { path: file, language: 'en' });
    const [entry] = await into.invoke('memos.list', { kind: 'journal' });
    expect(entry!.title).toBe('Imported kode.qdc');
    expect(entry!.body).toMatch(/^Imported the codebook kode\.qdc\. What came in, and what was left out and why:\n/);
    expect(entry!.body).toContain('1 code(s) were already in the codebook and were kept as they are.');
    await into.invoke('history.undo', {});
    expect(await into.invoke('memos.list', {})).toEqual([]);
    expect((await into.invoke('codes.list', {})).map((c) => c.name)).toEqual(['Modal']);
  });
});
