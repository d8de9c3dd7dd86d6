import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../src/api/client';
import { TematikError } from '../../src/domain/errors';
import type { ReviewCommentsFileInput } from '../../src/review/comments-file';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { onPostgres, publishedTeamProject } from '../helpers/test-store';

const clients: LocalClient[] = [];
afterEach(() => { for (const c of clients.splice(0)) c.session.close(); });

const PACKAGE = '9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0';
const commentGuid = (n: number) => `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`;

type Row = { id: number; guid: string; label: string };

/** The worked example, opened by Peneliti A, with the rows a supervisor comments on. */
async function study() {
  let client: LocalClient = localClient({ coder: 'Peneliti A', host: { kind: 'cli', dataDir: tempDir('tematik-data-'), sampleDir: SAMPLE_STUDY } });
  clients.push(client);
  const file = path.join(tempDir(), 'studi.tematik');
  await client.invoke('app.openSample', { variant: 'worked', path: file });
  if (onPostgres()) {
    // On PostgreSQL: the sample published to the team server, as a team starts from it.
    client.session.close();
    client = await publishedTeamProject(file, 'Peneliti A');
    clients.push(client);
  }
  const { db } = client.session.store;
  const projectGuid = db.prepare('SELECT guid FROM project').pluck().get() as string;
  const kept = db.prepare('SELECT id, guid, name AS label FROM themes WHERE parent_id IS NULL ORDER BY id LIMIT 1').get() as Row;
  const link = db.prepare('SELECT id, guid, label FROM theme_links ORDER BY id LIMIT 1').get() as Row;
  // The theme deleted "since the package": one of the supervisor's own reading, which no link touches.
  const made = await client.invoke('themes.create', { name: 'Kepercayaan pelanggan' });
  const free = db.prepare('SELECT id, guid, name AS label FROM themes WHERE id = ?').get(made.id) as Row;
  const codes = db.prepare('SELECT id, guid, name AS label FROM codes c WHERE EXISTS (SELECT 1 FROM codings k WHERE k.code_id = c.id) ORDER BY id').all() as Row[];
  const [code, doomedCode] = [codes[0]!, codes[codes.length - 1]!];
  const codings = db.prepare('SELECT id, guid, quote AS label FROM codings WHERE code_id = ? ORDER BY id LIMIT 2').all(code.id) as Row[];
  return { client, file, projectGuid, theme: kept, doomedTheme: free, link, code, doomedCode, coding: codings[0]!, doomedCoding: codings[1]! };
}

function reviewFile(projectGuid: string, targets: readonly { kind: 'theme' | 'link' | 'code' | 'coding'; row: Row }[], first = 1): ReviewCommentsFileInput {
  return {
    format: 'tematik-review-comments', version: 1, projectGuid, packageGuid: PACKAGE, packageCreatedAt: '2026-12-01T08:00:00.000Z',
    reviewer: 'Dr. Sari', savedAt: '2026-12-03T12:00:00.000Z',
    comments: targets.map(({ kind, row }, n) => ({
      guid: commentGuid(first + n), target: { kind, guid: row.guid, label: row.label.slice(0, 60) }, body: `Komentar ${first + n} pada ${kind}`, createdAt: `2026-12-02T09:0${n}:00.000Z`,
    })),
  };
}

const write = (content: ReviewCommentsFileInput): string => {
  const file = path.join(tempDir(), 'studi-review-Dr. Sari.tematik-comments.json');
  fs.writeFileSync(file, JSON.stringify(content, null, 2));
  return file;
};

describe('importing a supervisor\'s comments file', () => {
  it('adds each comment once on its target, keeps those whose target is gone, and undoes in one step', async () => {
    const s = await study();
    const { invoke } = s.client;
    const targets = [
      { kind: 'theme' as const, row: s.theme }, { kind: 'theme' as const, row: s.doomedTheme }, { kind: 'link' as const, row: s.link },
      { kind: 'code' as const, row: s.code }, { kind: 'code' as const, row: s.doomedCode },
      { kind: 'coding' as const, row: s.coding }, { kind: 'coding' as const, row: s.doomedCoding },
    ];
    const content = reviewFile(s.projectGuid, targets);
    // Deleted since the package was made.
    await invoke('themes.delete', { id: s.doomedTheme.id });
    await invoke('codes.delete', { id: s.doomedCode.id });
    await invoke('codings.remove', { id: s.doomedCoding.id });

    const coders = await invoke('coders.list', {});
    const comments = await invoke('comments.list', {});
    const journal = await invoke('memos.list', { kind: 'journal' });
    const history = await invoke('history.state', {});

    const report = await invoke('comments.importReview', { path: write(content) });
    expect(report).toEqual({
      file: 'studi-review-Dr. Sari.tematik-comments.json', reviewer: 'Dr. Sari', packageGuid: PACKAGE,
      added: { theme: 1, link: 1, code: 1, coding: 1 }, already: 0,
      unplaced: [{ kind: 'theme', label: s.doomedTheme.label }, { kind: 'code', label: s.doomedCode.label }, { kind: 'coding', label: s.doomedCoding.label.slice(0, 60) }],
    });
    const thread = await invoke('comments.list', { target: { kind: 'coding', id: s.coding.id } as never });
    expect(thread).toEqual([{
      id: expect.any(Number), guid: commentGuid(6), target: { kind: 'coding', id: s.coding.id }, author: 'Dr. Sari', review: { packageGuid: PACKAGE },
      unplaced: null, body: 'Komentar 6 pada coding', createdAt: '2026-12-02T09:05:00.000Z', resolvedAt: null, resolvedBy: null,
    }]);
    expect((await invoke('comments.list', { target: { kind: 'theme', id: s.theme.id } as never })).map((c) => c.author)).toContain('Dr. Sari');
    expect((await invoke('comments.list', { unplaced: true })).map((c) => [c.unplaced, c.target])).toEqual([
      [{ kind: 'theme', guid: s.doomedTheme.guid, label: s.doomedTheme.label }, null],
      [{ kind: 'code', guid: s.doomedCode.guid, label: s.doomedCode.label }, null],
      [{ kind: 'coding', guid: s.doomedCoding.guid, label: s.doomedCoding.label.slice(0, 60) }, null],
    ]);
    const entries = await invoke('memos.list', { kind: 'journal' });
    expect(entries).toHaveLength(journal.length + 1);
    const entry = entries.find((m) => m.title === 'Review comments from Dr. Sari')!;
    expect(entry.body).toContain('Added: 1 on themes, 1 on links, 1 on codes, 1 on quotes.');
    expect(entry.body).toContain(`on theme "${s.doomedTheme.label}"`);

    // A reviewer is not a coder: not in the coder list, no coder row, nothing to code as.
    expect(await invoke('coders.list', {})).toEqual(coders);
    expect(s.client.session.store.db.prepare(`SELECT count(*) FROM coders WHERE name = 'Dr. Sari'`).pluck().get()).toBe(0);
    // The researcher can resolve a supervisor's comment.
    expect(await invoke('comments.resolve', { id: thread[0]!.id, resolved: true })).toMatchObject({ resolvedBy: 'Peneliti A', author: 'Dr. Sari' });
    await invoke('history.undo', {});

    // The same file again adds nothing, not even a journal entry or an undo step.
    const afterFirst = await invoke('comments.list', {});
    const stepAfterFirst = await invoke('history.state', {});
    expect(await invoke('comments.importReview', { path: write(content) })).toMatchObject({ added: { theme: 0, link: 0, code: 0, coding: 0 }, already: 7, unplaced: [] });
    expect(await invoke('comments.list', {})).toEqual(afterFirst);
    expect(await invoke('memos.list', { kind: 'journal' })).toHaveLength(journal.length + 1);
    expect(await invoke('history.state', {})).toEqual(stepAfterFirst);

    // Saved again later with one more comment (handed over as the file's text, as a drop does): only that one comes in.
    const grown = { ...content, savedAt: '2026-12-04T12:00:00.000Z', comments: [...content.comments, ...reviewFile(s.projectGuid, [{ kind: 'link', row: s.link }], 8).comments] };
    const second = await invoke('comments.importReview', { file: { name: 'komentar lagi.json', bytes: JSON.stringify(grown).length, text: JSON.stringify(grown) } });
    expect(second).toMatchObject({ file: 'komentar lagi.json', added: { theme: 0, link: 1, code: 0, coding: 0 }, already: 7, unplaced: [] });
    expect(await invoke('comments.list', { target: { kind: 'link', id: s.link.id } as never })).toHaveLength(2);

    // Undo takes back each import whole, journal entry included; redo brings it back the same.
    await invoke('history.undo', {});
    expect(await invoke('comments.list', {})).toEqual(afterFirst);
    await invoke('history.undo', {});
    expect(await invoke('comments.list', {})).toEqual(comments);
    expect(await invoke('memos.list', { kind: 'journal' })).toEqual(journal);
    expect(await invoke('history.state', {})).toMatchObject({ undo: history.undo, redoAction: 'comments.importReview' });
    await invoke('history.redo', {});
    expect(await invoke('comments.list', {})).toEqual(afterFirst);
  });

  it('refuses a file of another project, naming the open one, and changes nothing', async () => {
    const s = await study();
    const { invoke } = s.client;
    const before = { comments: await invoke('comments.list', {}), journal: await invoke('memos.list', { kind: 'journal' }), history: await invoke('history.state', {}) };
    const other = '00000000-1111-4222-8333-444444444444';
    const error = await invoke('comments.importReview', { path: write(reviewFile(other, [{ kind: 'theme', row: s.theme }])), language: 'id' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TematikError);
    expect((error as TematikError).kind).toBe('bad_input');
    expect((error as TematikError).message).toMatch(new RegExp(`comments on another project \\(project GUID ${other}\\): Dr\\. Sari's comments on a review package made on 2026-12-01\\. The open project is "[^"]+" \\(GUID ${s.projectGuid}\\)`));
    expect((error as TematikError).text!.id).toMatch(/berisi komentar untuk proyek lain/);
    // A damaged file is refused the same way, before anything is written.
    await expect(invoke('comments.importReview', { file: { name: 'rusak.json', bytes: 48, text: '{"format": "tematik-review-comments", "version": 1' } })).rejects.toThrow(/rusak\.json is not a review comments file/);
    // A dropped file is refused by its size on disk, whatever part of it was read.
    await expect(invoke('comments.importReview', { file: { name: 'besar.json', bytes: 80 * 1024 * 1024, text: '{}' } })).rejects.toThrow(/besar\.json is 80\.0 MB/);
    await expect(invoke('comments.importReview', { path: path.join(path.dirname(s.file), 'nothing.json') })).rejects.toThrow(/does not exist/);
    expect({ comments: await invoke('comments.list', {}), journal: await invoke('memos.list', { kind: 'journal' }), history: await invoke('history.state', {}) }).toEqual(before);
  });

  it('never makes the reviewer a coder: not in agreement, coder filters or a copy for a coder', async () => {
    const s = await study();
    const { invoke } = s.client;
    await invoke('comments.importReview', { path: write(reviewFile(s.projectGuid, [{ kind: 'coding', row: s.coding }, { kind: 'code', row: s.code }])) });
    expect((await invoke('coders.list', {})).coders.map((c) => c.name)).not.toContain('Dr. Sari');
    await expect(invoke('analysis.agreement', { coders: ['Peneliti A', 'Dr. Sari'] })).rejects.toThrow(/Dr\. Sari/);
    // A team server refuses copies for coders (team.copyForCoder, src/team-server/roles.ts): the rest is the same on both stores.
    if (onPostgres()) return;
    const copy = path.join(tempDir(), 'untuk-bima.tematik');
    await invoke('team.copyForCoder', { path: copy, coder: 'Bima' });
    const reader = localClient({ coder: 'Bima' });
    clients.push(reader);
    await reader.invoke('project.open', { path: copy, readOnly: true });
    expect((await reader.invoke('coders.list', {})).coders.map((c) => c.name)).not.toContain('Dr. Sari');
    expect(await reader.invoke('comments.list', {})).toEqual([]);
  });
});
