import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../src/api/client';
import type { CommentTarget } from '../../src/domain/types';
import { parseXml, type XmlElement } from '../../src/refi/xml';
import { newProject, SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { schemaErrors, unzipText, writeZip } from '../unit/refi/fixture';

const PACKAGE = '9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0';
const commentGuid = (n: number) => `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`;
const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
const child = (el: XmlElement, name: string): XmlElement | undefined => el.children.find((c) => c.name === name);

type Row = { id: number; guid: string; label: string };

/** Every comment of a project as words, comparable between two projects whose ids differ. */
async function threads(client: LocalClient) {
  const { invoke } = client;
  const themes = new Map((await invoke('themes.list', {})).map((t) => [t.id as number, t.name]));
  const codes = new Map((await invoke('codes.list', {})).map((c) => [c.id as number, c.name]));
  const links = new Map((await invoke('themeLinks.list', {})).map((l) => [l.id as number, `${themes.get(l.fromThemeId)} ${l.kind} ${l.toThemeId === null ? `link ${l.toLinkId}` : themes.get(l.toThemeId)}`]));
  const codings = new Map<number, string>();
  for (const d of await invoke('documents.list', {})) {
    for (const c of await invoke('codings.forDocument', { documentId: d.id })) codings.set(c.id, `${d.title} [${codes.get(c.codeId)}] ${c.start}-${c.end} by ${c.coderName}`);
  }
  const on = (t: CommentTarget) => (t.kind === 'theme' ? themes.get(t.id) : t.kind === 'link' ? links.get(t.id) : t.kind === 'code' ? codes.get(t.id) : codings.get(t.id));
  return (await invoke('comments.list', {})).map((c) => ({
    on: c.target ? `${c.target.kind}: ${on(c.target)}` : null, unplaced: c.unplaced, author: c.author, review: c.review, body: c.body,
    createdAt: c.createdAt, resolvedAt: c.resolvedAt, resolvedBy: c.resolvedBy, guid: c.guid,
  }));
}

/**
 * The worked example opened by Peneliti A, with a thread on a theme, a link, a code and a coding:
 * Peneliti A's own comments (one resolved) and a supervisor's from a review package, among them
 * one on a theme deleted before the comments came back (unplaced).
 */
async function commentedStudy() {
  const client = localClient({ coder: 'Peneliti A', host: { kind: 'cli', dataDir: tempDir('tematik-data-'), sampleDir: SAMPLE_STUDY } });
  const { invoke } = client;
  await invoke('app.openSample', { variant: 'worked', path: path.join(tempDir(), 'studi.tematik') });
  const { db } = client.session.store;
  const projectGuid = db.prepare('SELECT guid FROM project').pluck().get() as string;
  const theme = db.prepare('SELECT id, guid, name AS label FROM themes WHERE parent_id IS NULL ORDER BY id LIMIT 1').get() as Row;
  const link = db.prepare('SELECT id, guid, label FROM theme_links ORDER BY id LIMIT 1').get() as Row;
  const code = db.prepare('SELECT id, guid, name AS label FROM codes c WHERE EXISTS (SELECT 1 FROM codings k WHERE k.code_id = c.id) ORDER BY id LIMIT 1').get() as Row;
  const coding = db.prepare('SELECT id, guid, quote AS label FROM codings WHERE code_id = ? ORDER BY id LIMIT 1').get(code.id) as Row;
  const doomed = await invoke('themes.create', { name: 'Kepercayaan pelanggan' });
  const doomedGuid = db.prepare('SELECT guid FROM themes WHERE id = ?').pluck().get(doomed.id) as string;

  const targets: { kind: CommentTarget['kind']; row: Row }[] = [
    { kind: 'theme', row: theme }, { kind: 'link', row: link }, { kind: 'code', row: code }, { kind: 'coding', row: coding },
  ];
  for (const { kind, row } of targets) await invoke('comments.add', { target: { kind, id: row.id } as CommentTarget, body: `Catatan Peneliti A pada ${kind}:\n"${row.label.slice(0, 20)}"` });
  const settled = await invoke('comments.add', { target: { kind: 'coding', id: coding.id } as CommentTarget, body: 'Sudah dicek ulang.' });
  await invoke('comments.resolve', { id: settled.id, resolved: true });

  await invoke('themes.delete', { id: doomed.id });
  const reviewTargets = [...targets, { kind: 'theme' as const, row: { id: doomed.id, guid: doomedGuid, label: 'Kepercayaan pelanggan' } }];
  const file = path.join(tempDir(), 'studi-review-Dr. Sari.tematik-comments.json');
  fs.writeFileSync(file, JSON.stringify({
    format: 'tematik-review-comments', version: 1, projectGuid, packageGuid: PACKAGE, packageCreatedAt: '2026-12-01T08:00:00.000Z',
    reviewer: 'Dr. Sari', savedAt: '2026-12-03T12:00:00.000Z',
    comments: reviewTargets.map(({ kind, row }, n) => ({
      guid: commentGuid(n + 1), target: { kind, guid: row.guid, label: row.label.slice(0, 60) }, body: `Komentar Dr. Sari ${n + 1} pada ${kind}`, createdAt: `2026-12-02T09:0${n}:00.000Z`,
    })),
  }));
  await invoke('comments.importReview', { path: file });
  // The researcher settles one of the supervisor's comments.
  const onCode = (await invoke('comments.list', { target: { kind: 'code', id: code.id } as CommentTarget })).find((c) => c.review !== null)!;
  await invoke('comments.resolve', { id: onCode.id, resolved: true });
  return { client, code };
}

describe('comments through REFI-QDA: on themes, links, codes and quotes, by coders and reviewers', () => {
  let source: Awaited<ReturnType<typeof commentedStudy>>;
  let qdpx: string;
  let qdeText: string;
  let qde: XmlElement;
  let target: LocalClient;

  beforeAll(async () => {
    source = await commentedStudy();
    qdpx = path.join(tempDir(), 'studi.qdpx');
    await source.client.invoke('refi.exportProject', { path: qdpx });
    qdeText = unzipText(fs.readFileSync(qdpx))['project.qde']!;
    qde = parseXml(Buffer.from(qdeText), 'project.qde');
    target = await newProject('Peneliti C');
  });
  afterAll(() => { source.client.session.close(); target.session.close(); });

  it('writes a file that validates against the REFI-QDA project schema', async () => {
    expect(await schemaErrors(qdeText, 'Project')).toEqual([]);
  });

  it('writes a code\'s and a coding\'s comments as notes they refer to; a reviewer\'s names no user, and the project keeps the unplaced one', () => {
    const notes = new Map(all(qde, 'Note').map((n) => [n.attrs.get('guid'), n]));
    const users = new Map(all(qde, 'User').map((u) => [u.attrs.get('guid'), u.attrs.get('name')]));
    const referred = (el: XmlElement) => el.children.filter((c) => c.name === 'NoteRef').map((r) => notes.get(r.attrs.get('targetGUID'))!)
      .filter((n) => child(n, 'Description')?.text.startsWith('Tematik: ')).map((n) => ({
        user: users.get(n.attrs.get('creatingUser')) ?? null, description: child(n, 'Description')!.text, text: child(n, 'PlainTextContent')!.text,
      }));
    const code = all(qde, 'Code').find((c) => c.attrs.get('name') === source.code.label)!;
    expect(referred(code)).toEqual([
      // Oldest first: the supervisor wrote before the researcher did.
      { user: null, description: expect.stringMatching(new RegExp(`^Tematik: resolved comment \\{[0-9a-f-]{36}\\}\\nReviewer: Dr\\. Sari \\{${PACKAGE}\\}$`)), text: 'Komentar Dr. Sari 3 pada code' },
      { user: 'Peneliti A', description: 'Tematik: comment', text: expect.stringMatching(/^Catatan Peneliti A pada code:/) },
    ]);
    const coding = all(qde, 'Coding').find((c) => referred(c).length > 0)!;
    expect(referred(coding).map((n) => n.text)).toEqual(['Komentar Dr. Sari 4 pada coding', expect.stringMatching(/^Catatan Peneliti A pada coding/), 'Sudah dicek ulang.']);
    // No user stands for the reviewer: they are no coder of the project.
    expect([...users.values()]).not.toContain('Dr. Sari');
    const project = referred(qde);
    expect(project).toEqual([{ user: null, description: expect.stringMatching(/^Tematik: comment\nReviewer: Dr\. Sari \{[^}]+\}\nWas on: theme "Kepercayaan pelanggan" \{[0-9a-f-]{36}\}$/), text: 'Komentar Dr. Sari 5 pada theme' }]);
  });

  it('brings every thread back on the same items with the same authors, resolved state, dates and GUIDs', async () => {
    const report = await target.invoke('refi.importProject', { path: qdpx });
    const before = await threads(source.client);
    expect(before).toHaveLength(10);
    expect(await threads(target)).toEqual(before);
    expect(report.report.find((s) => s.kind === 'comments')).toMatchObject({ found: 10, imported: 10, skipped: 0 });
    // The reviewer came back as a reviewer, not a coder.
    expect((await target.invoke('coders.list', {})).coders.map((c) => c.name)).not.toContain('Dr. Sari');
    // No comment became a memo.
    expect((await target.invoke('memos.list', {})).filter((m) => /Komentar Dr\. Sari|Catatan Peneliti A|Sudah dicek ulang/.test(m.body))).toEqual([]);
  });

  it('adds nothing when the file is imported again, into the new project or the one it came from', async () => {
    const once = await threads(target);
    const again = await target.invoke('refi.importProject', { path: qdpx });
    expect(await threads(target)).toEqual(once);
    expect(again.report.find((s) => s.kind === 'comments')).toMatchObject({ found: 10, imported: 0, skipped: 10 });
    const home = await threads(source.client);
    await source.client.invoke('refi.importProject', { path: qdpx });
    expect(await threads(source.client)).toEqual(home);
  });

  it('takes a hand-edited reviewer line it cannot store as no reviewer, and an unknown "Was on" as a memo, importing the rest', async () => {
    const entries = unzipText(fs.readFileSync(qdpx));
    const edited = entries['project.qde']!
      .replace(/Reviewer: Dr\. Sari \{/g, `Reviewer: ${' '.repeat(3)} {`)
      .replace('Was on: theme "', 'Was on: nonsense "');
    const file = writeZip({ ...entries, 'project.qde': edited }, 'edited.qdpx');
    const fresh = await newProject('Peneliti D');
    try {
      await fresh.invoke('refi.importProject', { path: file });
      const back = await threads(fresh);
      // The supervisor's placed comments come in as the importer's (no user named), none unplaced.
      expect(back.filter((c) => c.body.startsWith('Komentar Dr. Sari')).map((c) => [c.author, c.review, c.unplaced])).toEqual(Array(4).fill(['Peneliti D', null, null]));
      expect(back).toHaveLength(9);
      expect((await fresh.invoke('memos.list', {})).filter((m) => m.body === 'Komentar Dr. Sari 5 pada theme')).toHaveLength(1);
    } finally {
      fresh.session.close();
    }
  });
});
