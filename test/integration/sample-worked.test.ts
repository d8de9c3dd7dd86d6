import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../src/api/client';
import { figureLayout } from '../../src/map/figure-layout';
import { MIN_TEXT_PT, figureMap, printableLayout, printedTextPt } from '../../src/report/figure';
import { themeMap } from '../../src/store/theme-map';
import { labelClashes } from '../helpers/figure-checks';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { onPostgres, publishedTeamProject } from '../helpers/test-store';

const clients: LocalClient[] = [];
afterEach(() => { for (const c of clients.splice(0)) c.session.close(); });

function sampleClient(dataDir = tempDir('tematik-data-')): LocalClient {
  const client = localClient({ coder: 'Peneliti A', host: { kind: 'cli', dataDir, sampleDir: SAMPLE_STUDY } });
  clients.push(client);
  return client;
}

/** The worked example as app.openSample builds it; on PostgreSQL published to the team server (which refuses app.openSample), as a team starts from it. */
async function workedExample(): Promise<LocalClient> {
  const client = sampleClient();
  await client.invoke('app.openSample', { variant: 'worked' });
  if (!onPostgres()) return client;
  const { file } = client.session.project;
  await client.session.close();
  const team = await publishedTeamProject(file, 'Peneliti A');
  clients.push(team);
  return team;
}

describe('the worked example', () => {
  it('is a coded, themed, triangulated study built through the contract', async () => {
    const { invoke } = await workedExample();
    expect((await invoke('project.info', {})).phase).toBe(5);

    const documents = await invoke('documents.list', {});
    expect(documents).toHaveLength(11);
    for (const doc of documents) expect(doc.codingCount, doc.title).toBeGreaterThanOrEqual(3);

    // Every coding lies inside an informant's turn, never in the interviewer's question.
    for (const doc of documents) {
      const content = await invoke('documents.get', { id: doc.id });
      for (const coding of await invoke('codings.forDocument', { documentId: doc.id })) {
        const turn = content.turns.find((t) => t.start <= coding.start && coding.end <= t.end);
        expect(turn?.role, `${doc.title} ${coding.start}`).toBe('informant');
      }
    }

    // The group interview has evidence from both of its speakers.
    const group = documents.find((d) => d.title.startsWith('KP-01'))!;
    const groupContent = await invoke('documents.get', { id: group.id });
    const speakers = new Set((await invoke('codings.forDocument', { documentId: group.id }))
      .map((c) => groupContent.turns.find((t) => t.start <= c.start && c.end <= t.end)!.speaker));
    expect([...speakers].sort()).toEqual(['Mas Dimas', 'Mbak Ayu']);

    const codes = await invoke('codes.list', {});
    expect(codes.filter((c) => c.parentId === null).map((c) => c.name)).toContain('Praktik co-creation');
    expect(codes.filter((c) => c.parentId !== null).length).toBeGreaterThanOrEqual(20);

    const themes = await invoke('themes.list', {});
    expect(themes).toHaveLength(6);
    for (const theme of themes) {
      expect(theme.status, theme.name).toBe('defined');
      expect(theme.definition.length, theme.name).toBeGreaterThan(40);
      expect(theme.scope, theme.name).not.toBe('');
      expect(theme.exemplarCodingId, theme.name).not.toBeNull();
      expect(theme.convergence, theme.name).not.toBeNull();
      expect(theme.convergenceReason.length, theme.name).toBeGreaterThan(20);
    }

    expect(await invoke('codes.unthemed', {})).toEqual([]);
    const map = await invoke('map.get', {});
    expect(map.themes.every((t) => t.pinned)).toBe(true);

    const links = await invoke('themeLinks.list', {});
    const influence = links.find((l) => l.kind === 'influences' && l.toThemeId !== null);
    expect(influence).toBeDefined();
    const mediation = links.find((l) => l.kind === 'mediates');
    expect(mediation?.toLinkId).not.toBeNull();
    expect(links.some((l) => l.id === mediation?.toLinkId)).toBe(true);
    expect(map.links.length).toBe(links.length);

    const matrix = await invoke('analysis.triangulation', { rows: 'themes' });
    expect(matrix.rows).toHaveLength(6);
    expect(matrix.rows.every((r) => r.extracts > 0)).toBe(true);
    // Consumers are silent on government support; K-04 (not interviewed) is not counted.
    const consumers = matrix.columns.findIndex((c) => c.label === 'Konsumen');
    const government = matrix.rows.find((r) => r.name.startsWith('Dukungan pemerintah'))!;
    expect(government.cells[consumers]?.informants).toBe(0);
    expect(government.convergence).toBe('silence');
    expect(matrix.rows.find((r) => r.name.startsWith('Komunitas'))!.cells[consumers]!.informants).toBe(3);

    // Both speakers of the group interview count for the practice theme: Dimas on the trial, Ayu on polling.
    const community = matrix.columns.findIndex((c) => c.label === 'Komunitas Pelanggan');
    expect(matrix.rows.find((r) => r.name.startsWith('Co-creation'))!.cells[community]!.informants).toBe(2);

    const report = await invoke('report.word', { language: 'id' });
    expect(report.bytes).toBeGreaterThan(20_000);

    const journal = await invoke('memos.list', { kind: 'journal' });
    expect(new Set(journal.map((m) => m.phase))).toEqual(new Set([1, 2, 3, 4, 5]));
  }, 60_000);

  it('draws its theme map with no link label over a theme or another label, in the export and in the report', async () => {
    const client = await workedExample();
    const db = client.session.store.db;
    for (const language of ['en', 'id'] as const) {
      // As `export.themeMap` and `tematik map` draw it.
      const exported = figureLayout(themeMap(db, { includeCodes: false }), { title: 'Contoh lengkap', language });
      expect(labelClashes(exported), `export, ${language}`).toEqual([]);
      // As the Word report draws it, fitted to the page.
      const map = figureMap(db, new Set(themeMap(db, { includeCodes: false }).themes.map((t) => t.id as number)), (t) => t)!;
      const report = printableLayout(map, language);
      expect(labelClashes(report), `report, ${language}`).toEqual([]);
      expect(printedTextPt(report), `report text size, ${language}`).toBeGreaterThanOrEqual(MIN_TEXT_PT);
      // Every theme's name is there whole.
      for (const node of report.nodes) expect(node.lines.map((l) => l.text).join(' '), `report, ${language}`).toBe(map.themes.find((t) => t.id === node.id)!.name);
    }
  }, 60_000);

  // Not on PostgreSQL (TEMATIK_TEST_STORE): the sample written as a project file on this machine; a team server refuses app.openSample by design.
  it.skipIf(onPostgres())('the practice copy has the transcripts and sheet only; both are remembered as recent projects', async () => {
    const dataDir = tempDir('tematik-data-');
    const client = sampleClient(dataDir);
    await client.invoke('app.openSample', { variant: 'practice' });
    expect(await client.invoke('documents.list', {})).toHaveLength(11);
    expect(await client.invoke('informants.list', {})).toHaveLength(13);
    expect(await client.invoke('codes.list', {})).toEqual([]);
    expect(await client.invoke('themes.list', {})).toEqual([]);
    await client.invoke('app.openSample', { variant: 'worked' });
    const recent = (await client.invoke('app.info', {})).recent.map((r) => path.basename(r.path));
    expect(recent).toHaveLength(2);
    expect(recent[0]).toContain('worked example');
  }, 60_000);

  // Not on PostgreSQL (TEMATIK_TEST_STORE): the sample written as a project file on this machine; a team server refuses app.openSample by design.
  it.skipIf(onPostgres())('can be written to a chosen file, and never over an existing one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'contoh.tematik');
    const client = sampleClient();
    await client.invoke('app.openSample', { variant: 'worked', path: file });
    client.session.close();
    expect(fs.existsSync(file)).toBe(true);
    await expect(client.invoke('app.openSample', { variant: 'practice', path: file })).rejects.toThrow(/already exists/);
  }, 60_000);

  // Not on PostgreSQL (TEMATIK_TEST_STORE): the sample written as a project file on this machine; a team server refuses app.openSample by design.
  it.skipIf(onPostgres())('a build that fails leaves no project and no half-made file behind, so the next try starts clean', async () => {
    const broken = tempDir('tematik-sample-');
    fs.cpSync(SAMPLE_STUDY, broken, { recursive: true });
    const missing = fs.readdirSync(broken).find((name) => name.endsWith('.docx'))!;
    fs.rmSync(path.join(broken, missing));
    const dir = tempDir();
    const file = path.join(dir, 'contoh.tematik');
    const client = localClient({ coder: 'Peneliti A', host: { kind: 'cli', dataDir: tempDir('tematik-data-'), sampleDir: broken } });
    clients.push(client);
    await expect(client.invoke('app.openSample', { variant: 'worked', path: file })).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(client.session.isOpen).toBe(false);

    const good = sampleClient();
    await good.invoke('app.openSample', { variant: 'practice', path: file });
    expect(await good.invoke('documents.list', {})).toHaveLength(11);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 60_000);
});
