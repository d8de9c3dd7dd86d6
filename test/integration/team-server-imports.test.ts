import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Code, ImportReport, ProjectInspection, ProjectStats } from '../../src/domain/types';
import { addUser } from '../../src/team-server/accounts';
import { startTeamServer, type TeamServer } from '../../src/team-server/http';
import { migrateServer } from '../../src/team-server/schema';
import { startCluster, type Cluster } from '../helpers/postgres';
import { TeamBrowser } from '../helpers/team-client';
import { newProject, SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

/*
 * Bringing a project from another tool into a team project over real HTTP on a real PostgreSQL
 * cluster: a REFI-QDA project or codebook and a Taguette codebook, uploaded and imported by their
 * upload tokens as the desktop imports them by path; never by a path on the server.
 */

/** Real exchange files written by other tools, kept beside the checkout (see their SOURCES.md); never copied in. */
const QC_DEMO = path.resolve(__dirname, '../../../shared/refi-samples/cproctor-qualitative-coding/demo.qdpx');
const TAGUETTE = path.resolve(__dirname, '../fixtures/taguette');
const PASSWORD = 'kata-sandi-panjang';

let cluster: Cluster;
let pool: pg.Pool;
let server: TeamServer;
let coder: TeamBrowser;

beforeAll(async () => {
  cluster = await startCluster();
  pool = new pg.Pool({ connectionString: cluster.createDatabase('team_imports') });
  await migrateServer(pool);
  const staticDir = tempDir('tematik-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tematik</title>');
  await addUser(pool, { login: 'ayu', name: 'Ayu Lestari', password: PASSWORD });
  server = await startTeamServer({ pool, cacheDir: tempDir('tematik-cache-'), staticDir });
  coder = new TeamBrowser(server.origin);
  expect((await coder.login('ayu', PASSWORD)).status).toBe(200);
});

afterAll(async () => {
  await server?.close();
  await pool?.end();
  cluster?.stop();
});

/** A new empty team project of Ayu's. */
async function newTeamProject(name: string): Promise<number> {
  const response = await coder.request('POST', '/api/team/projects', { json: { name } });
  expect(response.status).toBe(200);
  return (await response.json() as { id: number }).id;
}

const stats = (projectId: number) => coder.value<ProjectStats>(projectId, 'project.stats');

describe('a REFI-QDA project (.qdpx) on a team page', () => {
  it('is inspected and imported from its upload: the 2 transcripts, 262 codes and 205 codings of the qc demo arrive', async () => {
    const projectId = await newTeamProject('Dari qc');
    const token = await coder.upload(fs.readFileSync(QC_DEMO), 'demo.qdpx');
    const inspection = await coder.value<ProjectInspection>(projectId, 'refi.inspectProject', { path: token });
    expect(inspection).toMatchObject({ file: 'demo.qdpx', origin: 'qc 1.3.2', counts: { sources: 2, codes: 262, codings: 205 } });
    // Inspecting writes nothing.
    expect(await stats(projectId)).toMatchObject({ documents: 0, codes: 0, codings: 0 });

    const report = await coder.value<ImportReport & { codes: number; codings: number }>(projectId, 'refi.importProject', { path: token, typeVariable: inspection.suggestedTypeVariable, language: 'id' });
    expect(report.failed).toEqual([]);
    expect(report.imported.map((d) => d.title).sort()).toEqual(['admin-1', 'board_2017']);
    expect(report.codings).toBe(205);
    expect(await stats(projectId)).toMatchObject({ documents: 2, codes: 262, codings: 205 });
    expect(await coder.value<Code[]>(projectId, 'codes.list')).toHaveLength(262);
  });

  it('refuses a path on the server for the inspection and the import, and imports nothing', async () => {
    const projectId = await newTeamProject('Jalur server');
    for (const action of ['refi.inspectProject', 'refi.importProject'] as const) {
      const refused = await coder.invoke(projectId, action, { path: QC_DEMO });
      expect(refused).toMatchObject({ status: 400, outcome: { ok: false, error: { kind: 'invalid_args', text: { en: expect.stringMatching(/takes a file you uploaded .* not a path/), id: expect.stringMatching(/bukan jalur/) } } } });
    }
    expect(await stats(projectId)).toMatchObject({ documents: 0, codes: 0, codings: 0 });
  });
});

describe('a codebook on a team page', () => {
  it('imports a REFI-QDA codebook (.qdc) and a Taguette codebook (.csv) from their uploads, and refuses their paths on the server', async () => {
    const projectId = await newTeamProject('Buku kode');
    for (const [action, file] of [['refi.importCodebook', 'codebook.qdc'], ['taguette.importCodebook', 'codebook.csv']] as const) {
      const refused = await coder.invoke(projectId, action, { path: path.join(TAGUETTE, file) });
      expect(refused).toMatchObject({ status: 400, outcome: { ok: false, error: { kind: 'invalid_args' } } });
    }
    expect((await stats(projectId)).codes).toBe(0);

    const qdc = await coder.value<{ created: number; existing: number }>(projectId, 'refi.importCodebook', { path: await coder.upload(fs.readFileSync(path.join(TAGUETTE, 'codebook.qdc')), 'codebook.qdc') });
    expect(qdc).toMatchObject({ created: 5, existing: 0 });
    expect((await stats(projectId)).codes).toBe(qdc.created);

    // Taguette's CSV of the same codebook, in a project of its own: its tree (Kepercayaan under Kemitraan) comes too.
    const other = await newTeamProject('Buku kode Taguette');
    const csv = await coder.value<{ created: number; existing: number }>(other, 'taguette.importCodebook', { path: await coder.upload(fs.readFileSync(path.join(TAGUETTE, 'codebook.csv')), 'codebook.csv') });
    expect(csv).toMatchObject({ created: 5, existing: 0 });
    const codes = await coder.value<Code[]>(other, 'codes.list');
    const kemitraan = codes.find((c) => c.name === 'Kemitraan')!;
    expect(codes.find((c) => c.name === 'Kepercayaan')?.parentId).toBe(kemitraan.id);
  });
});

describe('a folder of transcripts with an informant sheet on a team page', () => {
  /** The sample study's files as a page sends them: each uploaded under its own name. */
  const uploadFolder = async (names: readonly string[]) => Promise.all(names.map((name) => coder.upload(fs.readFileSync(path.join(SAMPLE_STUDY, name)), name)));
  const transcripts = fs.readdirSync(SAMPLE_STUDY).filter((name) => name !== 'informants.csv').sort();
  /** What a report says per file: its title and whose it is. */
  const perFile = (report: ImportReport) => report.imported.map((d) => ({ file: d.file, title: d.title, informants: [...d.informants].sort() })).sort((a, b) => a.file.localeCompare(b.file));

  it('imports the uploaded files matched with the sheet as the desktop matches the folder itself', async () => {
    const desktop = await newProject();
    const expected = await desktop.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: path.join(SAMPLE_STUDY, 'informants.csv') });
    const expectedInformants = (await desktop.invoke('informants.list', {})).map((i) => ({ label: i.label, name: i.name, type: i.typeName })).sort((a, b) => a.label.localeCompare(b.label));
    desktop.session.close();

    const projectId = await newTeamProject('Folder studi');
    // The page sends the sheet once, apart from the transcripts, in a shuffled order.
    const files = await uploadFolder([...transcripts].reverse());
    const sheet = await coder.upload(fs.readFileSync(path.join(SAMPLE_STUDY, 'informants.csv')), 'informants.csv');
    const report = await coder.value<ImportReport>(projectId, 'import.folder', { files, sheet });
    expect(report.failed).toEqual([]);
    expect(perFile(report)).toEqual(perFile(expected));
    expect(report.imported).toHaveLength(transcripts.length);
    // Every sheet row is an informant with its type and name, those without a transcript as well.
    expect([...report.informantsCreated].sort()).toEqual([...expected.informantsCreated].sort());
    expect([...report.typesCreated].sort()).toEqual([...expected.typesCreated].sort());
    const informants = (await coder.value<{ label: string; name: string; typeName: string }[]>(projectId, 'informants.list')).map((i) => ({ label: i.label, name: i.name, type: i.typeName })).sort((a, b) => a.label.localeCompare(b.label));
    expect(informants).toEqual(expectedInformants);
    expect((await stats(projectId)).documents).toBe(transcripts.length);
  });

  it('says which sheet rows name a file that was not sent, and imports nothing', async () => {
    const projectId = await newTeamProject('Folder kurang');
    const files = await uploadFolder(transcripts.filter((name) => !name.startsWith('P-0')));
    const sheet = await coder.upload(fs.readFileSync(path.join(SAMPLE_STUDY, 'informants.csv')), 'informants.csv');
    const refused = await coder.invoke(projectId, 'import.folder', { files, sheet });
    expect(refused.outcome).toMatchObject({ ok: false, error: { kind: 'bad_input', text: { en: 'The informant sheet names 3 file(s) that are not in the folder; nothing was imported.' } } });
    const details = refused.outcome.ok ? [] : refused.outcome.error.details ?? [];
    expect(details).toHaveLength(3);
    expect(details[0]).toBe('informants.csv line 2: names "P-01_fashion.txt", which is not in the folder chosen. Fix the file name in the sheet or add the file.');
    expect((await stats(projectId)).documents).toBe(0);
  });

  it('leaves a recording out, saying how to link it, and refuses a folder or a sheet on the server', async () => {
    const projectId = await newTeamProject('Folder rekaman');
    const files = [await coder.upload(fs.readFileSync(path.join(SAMPLE_STUDY, 'M-01_konsultan.txt')), 'M-01_konsultan.txt'), await coder.upload(Buffer.from('RIFF'), 'M-01_konsultan.wav')];
    for (const args of [{ folder: SAMPLE_STUDY }, { files, sheet: path.join(SAMPLE_STUDY, 'informants.csv') }]) {
      const refused = await coder.invoke(projectId, 'import.folder', args);
      expect(refused).toMatchObject({ status: 400, outcome: { ok: false, error: { kind: 'invalid_args' } } });
    }
    expect((await stats(projectId)).documents).toBe(0);
    const report = await coder.value<ImportReport>(projectId, 'import.folder', { files });
    expect(report.imported.map((d) => d.file)).toEqual(['M-01_konsultan.txt']);
    expect(report.skipped).toEqual([expect.objectContaining({ file: 'M-01_konsultan.wav', reason: expect.stringMatching(/not linked by a folder import on a team server: link it to its transcript with "Link recording…"/) })]);
    expect(report.imported[0]?.recording).toBeUndefined();
  });

  it('refuses files that hold no transcript, and two files of one name, saying what to do', async () => {
    const projectId = await newTeamProject('Folder kosong');
    const notes = await coder.upload(Buffer.from('%PDF-1.4'), 'catatan.pdf');
    const empty = await coder.invoke(projectId, 'import.folder', { files: [notes] });
    expect(empty.outcome).toMatchObject({ ok: false, error: { kind: 'bad_input', text: {
      en: 'The folder chosen holds no transcripts (.txt, .md, .docx, .vtt, .srt) directly in it; nothing was imported. Choose the folder the transcripts are in.',
      id: expect.stringMatching(/^Folder yang dipilih tidak berisi transkrip/),
    } } });
    const twice = await Promise.all([1, 2].map(() => coder.upload(fs.readFileSync(path.join(SAMPLE_STUDY, 'M-01_konsultan.txt')), 'M-01_konsultan.txt')));
    const same = await coder.invoke(projectId, 'import.folder', { files: twice });
    expect(same.outcome).toMatchObject({ ok: false, error: { kind: 'bad_input', text: { en: expect.stringMatching(/^Two files named "M-01_konsultan.txt" were given/) } } });
    expect((await stats(projectId)).documents).toBe(0);
  });
});
