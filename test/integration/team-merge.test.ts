import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../src/api/client';
import type { AgreementResult } from '../../src/domain/agreement';
import type { CodeId } from '../../src/domain/ids';
import type { DocumentContent } from '../../src/domain/types';
import { projectAtVersion } from '../helpers/old-format';
import { refused } from '../helpers/refused';
import { newProject, SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

/*
 * Team coding on real project files: a lead (Ayu) makes copies for other coders, each codes their
 * copy through the contract as themselves, and the copies are merged back (each twice). The same
 * codings are also made directly in one reference file by every coder in turn: agreement over the
 * merged project must equal agreement over the reference, figure for figure.
 */

type CodeKey = 'doubt' | 'trust' | 'stance' | 'pro' | 'contra';
/** One coding of the script: who, which transcript, which code, which speaker turn (and where in it). */
type Step = readonly [coder: string, document: 'group' | 'single', code: CodeKey, turn: number, from?: number, to?: number];

const SCRIPT: readonly Step[] = [
  ['Ayu', 'group', 'doubt', 1], ['Ayu', 'group', 'doubt', 2], ['Ayu', 'group', 'trust', 4], ['Ayu', 'single', 'doubt', 1], ['Ayu', 'group', 'pro', 1],
  ['Bima', 'group', 'doubt', 1], ['Bima', 'group', 'doubt', 3], ['Bima', 'group', 'trust', 4], ['Bima', 'single', 'doubt', 2], ['Bima', 'group', 'contra', 2],
  ['Citra', 'group', 'doubt', 1], ['Citra', 'group', 'doubt', 2], ['Citra', 'single', 'trust', 3],
  ['Dewi', 'group', 'trust', 4], ['Dewi', 'single', 'doubt', 1], ['Dewi', 'single', 'doubt', 1, 3, 12],
];

async function open(file: string, coder: string, readOnly = false): Promise<LocalClient> {
  const client = localClient({ coder });
  await client.invoke('project.open', { path: file, ...(readOnly ? { readOnly } : {}) });
  return client;
}

/** Runs `body` on the project opened as `coder`, then closes it. */
async function as<T>(file: string, coder: string, body: (client: LocalClient) => Promise<T>): Promise<T> {
  const client = await open(file, coder);
  try {
    return await body(client);
  } finally {
    client.session.close();
  }
}

/** A study with two transcripts (a group interview and a single one) and a small codebook. */
async function study(): Promise<string> {
  const project = await newProject('Ayu');
  await project.invoke('import.files', { paths: ['KP-01_komunitas_kopi.txt', 'P-01_fashion.txt'].map((f) => path.join(SAMPLE_STUDY, f)), skipBad: false, swapRoles: false });
  const doubt = await project.invoke('codes.create', { name: 'doubt', description: 'Hesitation about co-creation' });
  await project.invoke('codes.create', { name: 'trust' });
  const stance = await project.invoke('codes.create', { name: 'stance' });
  await project.invoke('codes.create', { name: 'pro', parentId: stance.id });
  await project.invoke('codes.create', { name: 'contra', parentId: stance.id });
  await project.invoke('memos.create', { target: { kind: 'code', id: doubt.id }, title: 'When to use', body: 'Only for the informant\'s own hesitation.' });
  await project.invoke('memos.create', { kind: 'journal', target: { kind: 'project' }, body: 'My reading so far: trust comes first.' });
  project.session.close();
  return project.file;
}

/** Codes the script's steps of `coders` in the open project, finding transcripts and codes by name. */
async function code(client: LocalClient, coders: readonly string[]): Promise<void> {
  const documents = await client.invoke('documents.list', {});
  const byKey = async (key: 'group' | 'single'): Promise<DocumentContent> =>
    client.invoke('documents.get', { id: documents.find((d) => d.title.startsWith(key === 'group' ? 'KP-01' : 'P-01'))!.id });
  const codes = new Map((await client.invoke('codes.list', {})).map((c) => [c.name, c.id]));
  for (const [coder, key, codeKey, turn, from = 2, to = 6] of SCRIPT) {
    if (!coders.includes(coder)) continue;
    const document = await byKey(key);
    const t = document.turns[turn]!;
    await client.invoke('codings.apply', { documentId: document.id, codeId: codes.get(codeKey)!, start: t.start + from, end: t.start + to });
  }
}

/** The rows a merge may touch, by GUID and value (never by this file's ids), sorted: two files compare equal when they hold the same. */
function dump(file: string): { documents: unknown[]; codes: unknown[]; codings: unknown[]; memos: unknown[]; informants: unknown[] } {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string): unknown[] => db.prepare(sql).all().map((row) => JSON.stringify(row)).sort();
    return {
      documents: all('SELECT guid, content_hash, title FROM documents'),
      codes: all('SELECT c.guid, c.name, c.description, p.guid AS parent FROM codes c LEFT JOIN codes p ON p.id = c.parent_id'),
      codings: all(`SELECT k.guid, d.guid AS d, c.guid AS c, u.name AS coder, k.start_offset, k.end_offset, k.quote FROM codings k
        JOIN documents d ON d.id = k.document_id JOIN codes c ON c.id = k.code_id JOIN coders u ON u.id = k.coder_id`),
      memos: all('SELECT guid, kind, title, body FROM memos'),
      informants: all('SELECT guid, label FROM informants'),
    };
  } finally {
    db.close();
  }
}

/** Each coding once: (transcript, code, coder, range) never twice, and the count per coder. */
function codingsPerCoder(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const twice = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM codings GROUP BY document_id, code_id, coder_id, start_offset, end_offset HAVING count(*) > 1)`).pluck().get();
    expect(twice).toBe(0);
    return Object.fromEntries(db.prepare('SELECT u.name, count(*) AS n FROM codings k JOIN coders u ON u.id = k.coder_id GROUP BY u.name').raw().all() as [string, number][]);
  } finally {
    db.close();
  }
}

function scriptCount(coder: string): number {
  return SCRIPT.filter((s) => s[0] === coder).length;
}

async function agreement(file: string, coders: readonly string[]): Promise<AgreementResult> {
  return as(file, 'Ayu', async (c) => c.invoke('analysis.agreement', { coders: [...coders] }));
}

/** The figures of every row, keyed by scope and the code's or transcript's name (ids differ between files). */
function figures(result: AgreementResult): Record<string, unknown> {
  return Object.fromEntries(result.rows.map((r) => [`${r.scope}:${r.label}`, { units: r.units, disagreements: r.disagreements, percent: r.percent, kappa: r.cohenKappa, bp: r.brennanPrediger, alpha: r.alpha }]));
}

let lead: string;
let dir: string;

beforeEach(async () => {
  lead = await study();
  dir = tempDir();
});

describe('a copy for another coder', () => {
  it('holds the transcripts, informants, codebook and codebook memos with the project\'s GUIDs, and none of the codings, themes or journal', async () => {
    await as(lead, 'Ayu', async (c) => {
      await code(c, ['Ayu']);
      await c.invoke('themes.create', { name: 'Trust first', codeIds: [(await c.invoke('codes.list', {})).find((x) => x.name === 'trust')!.id] });
    });
    const out = path.join(dir, 'for-bima.tematik');
    const made = await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: out, coder: 'Bima' }));
    expect(made).toMatchObject({ path: out, coder: 'Bima', documents: 2, codes: 5, codings: 0 });
    const [main, copy] = [dump(lead), dump(out)];
    expect(copy.documents).toEqual(main.documents);
    expect(copy.codes).toEqual(main.codes);
    expect(copy.informants).toEqual(main.informants);
    expect(copy.codings).toEqual([]);
    expect(copy.memos).toEqual(main.memos.filter((m) => !String(m).includes('"journal"')));
    expect(copy.memos).toHaveLength(1);
    // What was taken out is out of the copy's search index too.
    const found = await as(out, 'Bima', (c) => c.invoke('search.query', { query: '"trust comes first"', filters: { scope: ['memos'] } }));
    expect(found.passages).toBe(0);
    expect((await as(lead, 'Ayu', (c) => c.invoke('search.query', { query: '"trust comes first"', filters: { scope: ['memos'] } }))).passages).toBe(1);

    // The copy is recognisable as this project's, has a GUID of its own, and opens as Bima wherever it is opened.
    const raw = new Database(out, { readonly: true });
    const origin = raw.prepare('SELECT source_guid, coder, keep_own FROM copy_origin').get() as { source_guid: string; coder: string; keep_own: number };
    const guid = raw.prepare('SELECT guid FROM project').pluck().get();
    expect(raw.prepare('SELECT count(*) FROM themes').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM history_steps').pluck().get()).toBe(0);
    raw.close();
    const mainGuid = new Database(lead, { readonly: true }).prepare('SELECT guid FROM project').pluck().get();
    expect(origin).toEqual({ source_guid: mainGuid, coder: 'Bima', keep_own: 0 });
    expect(guid).not.toBe(mainGuid);
    const app = localClient({ coder: 'whoever', host: { kind: 'browser', dataDir: tempDir() } });
    await app.invoke('project.open', { path: out });
    expect(await app.invoke('coders.list', {})).toMatchObject({ current: 'Bima', chosen: true });
    app.session.close();
    // The command line keeps the coder it is given.
    expect(await as(out, 'Citra', (c) => c.invoke('coders.list', {}))).toMatchObject({ current: 'Citra' });
  });

  it('keeps the receiving coder\'s own codings when asked, and never writes over a file', async () => {
    await as(lead, 'Bima', (c) => code(c, ['Bima']));
    await as(lead, 'Ayu', (c) => code(c, ['Ayu']));
    const out = path.join(dir, 'bima');
    const made = await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: out, coder: 'bima', keepOwn: true }));
    expect(made).toMatchObject({ path: `${out}.tematik`, codings: scriptCount('Bima') });
    expect(codingsPerCoder(made.path)).toEqual({ Bima: scriptCount('Bima') });
    // The lead removes one of Bima's codings after the copy was made: merging the copy does not put it back.
    await as(lead, 'Ayu', async (c) => {
      const [first] = await c.invoke('codings.forCode', { codeId: (await c.invoke('codes.list', {})).find((x) => x.name === 'doubt')!.id });
      await c.invoke('codings.remove', { id: first!.id });
    });
    const merged = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: made.path }));
    expect(merged).toMatchObject({ unchanged: true, codings: [{ coder: 'Bima', added: 0, already: scriptCount('Bima') - 1 }] });
    expect(codingsPerCoder(lead).Bima).toBe(scriptCount('Bima') - 1);

    const before = fs.readFileSync(made.path);
    const again = await as(lead, 'Ayu', (c) => refused(c.invoke('team.copyForCoder', { path: made.path, coder: 'Citra' })));
    expect(again.text?.id).toContain('sudah ada');
    expect(fs.readFileSync(made.path).equals(before)).toBe(true);
    const over = await as(lead, 'Ayu', (c) => refused(c.invoke('team.copyForCoder', { path: lead, coder: 'Citra' })));
    expect(over.message).toContain('open project');
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});

describe('merging coders\' copies', () => {
  it('two coders: every coding comes back once with its coder, a second merge changes nothing, and agreement is as if both had coded one file', async () => {
    await as(lead, 'Ayu', (c) => code(c, ['Ayu']));
    const copy = path.join(dir, 'bima.tematik');
    await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copy, coder: 'Bima' }));
    await as(copy, 'Bima', (c) => code(c, ['Bima']));

    const plan = await as(lead, 'Ayu', (c) => c.invoke('team.mergePlan', { path: copy }));
    expect(plan).toMatchObject({
      fromThisProject: true, origin: { coder: 'Bima' }, conflicts: [], codesAdded: [], codersAdded: ['Bima'],
      documents: { byGuid: 2, byText: 0, added: 0 }, codings: [{ coder: 'Bima', added: scriptCount('Bima'), already: 0 }],
    });
    const report = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy }));
    expect(report).toMatchObject({ unchanged: false, codings: [{ coder: 'Bima', added: scriptCount('Bima'), already: 0 }], codersAdded: ['Bima'] });
    expect(report.backup).not.toBeNull();
    expect(fs.existsSync(report.backup!)).toBe(true);
    expect(path.basename(report.backup!)).toContain('before-merge');

    const merged = dump(lead);
    const second = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy }));
    expect(second).toMatchObject({ unchanged: true, backup: null, codings: [{ coder: 'Bima', added: 0, already: scriptCount('Bima') }] });
    expect(dump(lead)).toEqual(merged);
    expect(codingsPerCoder(lead)).toEqual({ Ayu: scriptCount('Ayu'), Bima: scriptCount('Bima') });

    // The report is in the journal, once.
    const journal = await as(lead, 'Ayu', (c) => c.invoke('memos.list', { kind: 'journal' }));
    expect(journal.filter((m) => m.title === 'Merged bima.tematik')).toHaveLength(1);
    expect(journal.find((m) => m.title === 'Merged bima.tematik')!.body).toContain(`Codings of Bima: ${scriptCount('Bima')} added, 0 already in the project.`);

    const reference = await study();
    for (const coder of ['Ayu', 'Bima']) await as(reference, coder, (c) => code(c, [coder]));
    const [got, want] = [await agreement(lead, ['Ayu', 'Bima']), await agreement(reference, ['Ayu', 'Bima'])];
    expect(figures(got)).toEqual(figures(want));
    expect(got.rows.find((r) => r.scope === 'overall')!.units).toBeGreaterThan(0);
  });

  it('brings back the coder\'s comments on codes and quotes, once; a copy is made without the project\'s comments', async () => {
    await as(lead, 'Ayu', async (c) => {
      await code(c, ['Ayu']);
      const doubt = (await c.invoke('codes.list', {})).find((x) => x.name === 'doubt')!;
      await c.invoke('comments.add', { target: { kind: 'code', id: doubt.id }, body: 'Ayu: is this hesitation or refusal?' });
    });
    const copy = path.join(dir, 'bima-comments.tematik');
    await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copy, coder: 'Bima' }));
    const guids = await as(copy, 'Bima', async (c) => {
      expect(await c.invoke('comments.list', {})).toEqual([]);
      await code(c, ['Bima']);
      const trust = (await c.invoke('codes.list', {})).find((x) => x.name === 'trust')!;
      const coding = (await c.invoke('codings.forCode', { codeId: trust.id }))[0]!;
      const onCode = await c.invoke('comments.add', { target: { kind: 'code', id: trust.id }, body: 'Bima: trust in whom?' });
      const onQuote = await c.invoke('comments.add', { target: { kind: 'coding', id: coding.id }, body: 'Bima: unsure about this one.' });
      return { onCode: onCode.guid, onQuote: onQuote.guid };
    });

    const report = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy }));
    expect(report.commentsAdded).toBe(2);
    const merged = await as(lead, 'Ayu', (c) => c.invoke('comments.list', {}));
    const byGuid = new Map(merged.map((m) => [m.guid, m]));
    expect(byGuid.get(guids.onCode)).toMatchObject({ author: 'Bima', body: 'Bima: trust in whom?', target: { kind: 'code' } });
    expect(byGuid.get(guids.onQuote)).toMatchObject({ author: 'Bima', target: { kind: 'coding' } });
    // On the same code and the same (merged) coding as in the copy.
    const raw = new Database(lead, { readonly: true });
    expect(raw.prepare(`SELECT d.name FROM comments c JOIN codes d ON d.id = c.code_id WHERE c.guid = ?`).pluck().get(guids.onCode)).toBe('trust');
    expect(raw.prepare(`SELECT u.name FROM comments c JOIN codings k ON k.id = c.coding_id JOIN coders u ON u.id = k.coder_id WHERE c.guid = ?`).pluck().get(guids.onQuote)).toBe('Bima');
    raw.close();
    expect(merged).toHaveLength(3);
    expect(await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy }))).toMatchObject({ unchanged: true, commentsAdded: 0 });
  });

  it('two coders merged, then compared: a disagreement settled stays settled when the same copy is merged again', async () => {
    await as(lead, 'Ayu', (c) => code(c, ['Ayu']));
    const copy = path.join(dir, 'bima.tematik');
    await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copy, coder: 'Bima' }));
    await as(copy, 'Bima', (c) => code(c, ['Bima']));
    await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy }));

    await as(lead, 'Ayu', async (c) => {
      const group = (await c.invoke('documents.list', {})).find((d) => d.title.startsWith('KP-01'))!;
      const doubt = (await c.invoke('codes.list', {})).find((k) => k.name === 'doubt')!;
      const coders = new Map((await c.invoke('coders.list', {})).coders.map((k) => [k.name, k.id]));
      const turns = (await c.invoke('documents.get', { id: group.id })).turns;
      // A unit is a speaker turn with the speaker's label before it: it ends where its turn ends.
      const turnOf = (d: { end: number }) => turns.findIndex((t) => t.start < d.end && d.end <= t.end);
      const disagreements = async () => (await c.invoke('analysis.agreementDisagreements', { coders: ['Ayu', 'Bima'], codeId: doubt.id, documentId: group.id })).map(turnOf);
      // By the script: both coded "doubt" in turn 1; Ayu alone in turn 2, Bima alone in turn 3.
      expect(await disagreements()).toEqual([2, 3]);

      // Compared, the team keeps Ayu's reading of turn 3: Bima's coding there goes.
      const bimas = (await c.invoke('codings.forDocument', { documentId: group.id }))
        .filter((k) => k.coderName === 'Bima' && k.codeId === doubt.id && k.start >= turns[3]!.start && k.end <= turns[3]!.end);
      expect(bimas).toHaveLength(1);
      const settled = await c.invoke('codings.resolve', { codingIds: [bimas[0]!.id], keep: { kind: 'coder', coderId: coders.get('Ayu')! } });
      expect(settled.removed).toEqual([bimas[0]!.id]);
      expect(await disagreements()).toEqual([2]);
    });

    // Bima's copy still holds that coding: merging it again must not bring back what the team settled.
    const before = dump(lead);
    const again = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy }));
    expect(again).toMatchObject({ unchanged: true, codings: [{ coder: 'Bima', added: 0 }] });
    expect(dump(lead)).toEqual(before);
    expect(codingsPerCoder(lead)).toEqual({ Ayu: scriptCount('Ayu'), Bima: scriptCount('Bima') - 1 });

    // Undoing the settlement and then the merge forgets what the merge brought: merged again, all of it comes.
    await as(lead, 'Ayu', async (c) => {
      await c.invoke('history.undo', {});
      expect(codingsPerCoder(lead)).toEqual({ Ayu: scriptCount('Ayu'), Bima: scriptCount('Bima') });
      await c.invoke('history.undo', {});
    });
    expect(codingsPerCoder(lead)).toEqual({ Ayu: scriptCount('Ayu') });
    const afterUndo = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy }));
    expect(afterUndo).toMatchObject({ unchanged: false, codings: [{ coder: 'Bima', added: scriptCount('Bima'), already: 0 }] });
  });

  it('four coders: three copies coded apart and each merged twice lose nothing, and α over all four is as in one shared file', async () => {
    await as(lead, 'Ayu', (c) => code(c, ['Ayu']));
    const copies: Record<string, string> = {};
    for (const coder of ['Bima', 'Citra', 'Dewi']) {
      copies[coder] = path.join(dir, `${coder}.tematik`);
      await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copies[coder]!, coder }));
    }
    // Dewi also adds a code of her own, with a memo on it, and a memo on a coding.
    for (const coder of ['Bima', 'Citra', 'Dewi']) {
      await as(copies[coder]!, coder, async (c) => {
        await code(c, [coder]);
        if (coder !== 'Dewi') return;
        const stance = (await c.invoke('codes.list', {})).find((x) => x.name === 'stance')!;
        const own = await c.invoke('codes.create', { name: 'ambivalent', parentId: stance.id });
        const single = (await c.invoke('documents.list', {})).find((d) => d.title.startsWith('P-01'))!;
        const coding = await c.invoke('codings.apply', { documentId: single.id, codeId: own.id, start: 40, end: 60 });
        await c.invoke('memos.create', { target: { kind: 'code', id: own.id }, body: 'Both for and against in one breath.' });
        await c.invoke('memos.create', { target: { kind: 'coding', id: coding.id }, body: 'Listen to the tone here.' });
      });
    }
    for (const round of [1, 2]) {
      for (const coder of ['Bima', 'Citra', 'Dewi']) {
        const report = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copies[coder]! }));
        const own = scriptCount(coder) + (coder === 'Dewi' ? 1 : 0);
        expect(report.codings.find((x) => x.coder === coder)).toEqual({ coder, added: round === 1 ? own : 0, already: round === 1 ? 0 : own });
        expect(report.unchanged).toBe(round === 2);
      }
    }
    expect(codingsPerCoder(lead)).toEqual({ Ayu: scriptCount('Ayu'), Bima: scriptCount('Bima'), Citra: scriptCount('Citra'), Dewi: scriptCount('Dewi') + 1 });
    const codes = await as(lead, 'Ayu', (c) => c.invoke('codes.list', {}));
    const ambivalent = codes.find((c) => c.name === 'ambivalent')!;
    expect(codes.find((c) => c.id === ambivalent.parentId)!.name).toBe('stance');
    const memos = await as(lead, 'Ayu', (c) => c.invoke('memos.list', {}));
    expect(memos.filter((m) => m.body === 'Both for and against in one breath.')).toHaveLength(1);
    expect(memos.filter((m) => m.body === 'Listen to the tone here.')).toHaveLength(1);

    const reference = await study();
    for (const coder of ['Ayu', 'Bima', 'Citra', 'Dewi']) await as(reference, coder, (c) => code(c, [coder]));
    const four = ['Ayu', 'Bima', 'Citra', 'Dewi'];
    const codeIds = (await as(lead, 'Ayu', (c) => c.invoke('codes.list', {}))).filter((c) => c.name !== 'ambivalent').map((c) => c.id as CodeId);
    const refIds = (await as(reference, 'Ayu', (c) => c.invoke('codes.list', {}))).map((c) => c.id as CodeId);
    const got = await as(lead, 'Ayu', (c) => c.invoke('analysis.agreement', { coders: four, codeIds }));
    const want = await as(reference, 'Ayu', (c) => c.invoke('analysis.agreement', { coders: four, codeIds: refIds }));
    expect(figures(got)).toEqual(figures(want));
    expect(got.rows.find((r) => r.scope === 'overall')!.alpha).not.toBeNull();
  });

  it('brings a transcript and an informant the coder added to the copy, with the speakers as the coder set them', async () => {
    const copy = path.join(dir, 'citra.tematik');
    await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copy, coder: 'Citra' }));
    await as(copy, 'Citra', async (c) => {
      const type = (await c.invoke('informantTypes.list', {}))[0] ?? await c.invoke('informantTypes.create', { name: 'Konsumen' });
      const informant = await c.invoke('informants.create', { label: 'K-09', typeId: type.id, attributes: { kota: 'Samarinda' } });
      const report = await c.invoke('import.files', { paths: [path.join(SAMPLE_STUDY, 'K-03_skincare.txt')], informantId: informant.id });
      const document = await c.invoke('documents.get', { id: report.imported[0]!.documentId });
      const trust = (await c.invoke('codes.list', {})).find((x) => x.name === 'trust')!;
      await c.invoke('codings.apply', { documentId: document.id, codeId: trust.id, start: document.turns[1]!.start, end: document.turns[1]!.start + 30 });
    });
    const report = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy }));
    expect(report).toMatchObject({ documentsAdded: 1, informantsAdded: 1, codings: [{ coder: 'Citra', added: 1, already: 0 }] });
    const [main, theirs] = [dump(lead), dump(copy)];
    expect(main.documents).toEqual(theirs.documents);
    expect(main.informants).toEqual(theirs.informants);
    const speakers = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare(`SELECT t.seq, t.role, i.label FROM turns t JOIN documents d ON d.id = t.document_id LEFT JOIN informants i ON i.id = t.informant_id
          WHERE d.title LIKE 'K-03%' ORDER BY t.seq`).all();
      } finally {
        db.close();
      }
    };
    expect(speakers(lead)).toEqual(speakers(copy));
    expect(speakers(lead).some((t) => (t as { label: string | null }).label === 'K-09')).toBe(true);
    const informant = (await as(lead, 'Ayu', (c) => c.invoke('informants.list', {}))).find((i) => i.label === 'K-09')!;
    expect(informant.attributes).toMatchObject({ kota: 'Samarinda' });
    expect((await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy }))).unchanged).toBe(true);
  });

  it('lists conflicting edits, refuses to merge until each is settled, applies the choices, and undo restores the project exactly', async () => {
    await as(lead, 'Ayu', (c) => code(c, ['Ayu']));
    const copy = path.join(dir, 'bima.tematik');
    await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copy, coder: 'Bima' }));
    const byName = async (c: LocalClient, name: string) => (await c.invoke('codes.list', {})).find((x) => x.name === name)!;
    // The lead renames "trust" and deletes "contra" (unused in the project).
    await as(lead, 'Ayu', async (c) => {
      await c.invoke('codes.update', { id: (await byName(c, 'trust')).id, name: 'kepercayaan' });
      await c.invoke('codes.delete', { id: (await byName(c, 'contra')).id });
    });
    // Bima codes (contra among them), renames "trust" otherwise, deletes "doubt" (which Ayu used; his codings with it go too), renames "pro" alone, adds a code.
    await as(copy, 'Bima', async (c) => {
      await code(c, ['Bima']);
      await c.invoke('codes.update', { id: (await byName(c, 'trust')).id, name: 'percaya' });
      await c.invoke('codes.update', { id: (await byName(c, 'pro')).id, name: 'in favour' });
      await c.invoke('codes.delete', { id: (await byName(c, 'doubt')).id });
      const stance = await byName(c, 'stance');
      const risk = await c.invoke('codes.create', { name: 'risk', parentId: stance.id });
      const single = (await c.invoke('documents.list', {})).find((d) => d.title.startsWith('P-01'))!;
      await c.invoke('codings.apply', { documentId: single.id, codeId: risk.id, start: 10, end: 30 });
    });

    const plan = await as(lead, 'Ayu', (c) => c.invoke('team.mergePlan', { path: copy }));
    const kinds = Object.fromEntries(plan.conflicts.map((x) => [x.kind, x]));
    expect(Object.keys(kinds).sort()).toEqual(['codeDeletedInCopy', 'codeDeletedInProject', 'codeRenamed']);
    expect(kinds.codeRenamed).toMatchObject({ subject: 'kepercayaan', projectName: 'kepercayaan', copyName: 'percaya', choices: ['project', 'copy'] });
    expect(kinds.codeDeletedInProject).toMatchObject({ subject: 'stance/contra', codings: 1 });
    expect(kinds.codeDeletedInCopy).toMatchObject({ subject: 'doubt', codings: SCRIPT.filter((s) => s[0] === 'Ayu' && s[2] === 'doubt').length });
    expect(plan.codesAdded).toEqual(['stance/contra', 'stance/risk']);

    const before = dump(lead);
    const unsettled = await as(lead, 'Ayu', (c) => refused(c.invoke('team.merge', { path: copy, resolutions: { [kinds.codeRenamed!.key]: 'copy' } })));
    expect(unsettled.kind).toBe('conflict');
    expect(unsettled.text?.id).toContain('konflik');
    const wrong = await as(lead, 'Ayu', (c) => refused(c.invoke('team.merge', { path: copy, resolutions: { [kinds.codeRenamed!.key]: 'reanchor' } })));
    expect(wrong.message).toContain('does not settle');
    expect(dump(lead)).toEqual(before);

    const resolutions = { [kinds.codeRenamed!.key]: 'copy', [kinds.codeDeletedInProject!.key]: 'copy', [kinds.codeDeletedInCopy!.key]: 'project' } as const;
    const report = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy, resolutions, language: 'id' }));
    expect(report).toMatchObject({ codesRenamed: 2, codesDeleted: 0, codesAdded: ['stance/contra', 'stance/risk'], codingsLeftOut: 0 });
    expect(report.conflicts.map((x) => x.choice).sort()).toEqual(['copy', 'copy', 'project']);
    const codes = await as(lead, 'Ayu', (c) => c.invoke('codes.list', {}));
    expect(codes.map((x) => x.name).sort()).toEqual(['contra', 'doubt', 'in favour', 'percaya', 'risk', 'stance']);
    // "contra" came back with the GUID it always had.
    const contra = dump(copy).codes.find((row) => String(row).includes('"name":"contra"'));
    expect(contra).toBeDefined();
    expect(dump(lead).codes).toContain(contra);
    const journal = await as(lead, 'Ayu', (c) => c.invoke('memos.list', { kind: 'journal' }));
    expect(journal.some((m) => m.title === 'Penggabungan bima.tematik' && m.body.includes('diambil dari salinan'))).toBe(true);

    const history = await as(lead, 'Ayu', (c) => c.invoke('history.state', {}));
    expect(history.undoAction).toBe('team.merge');
    const merged = dump(lead);
    await as(lead, 'Ayu', (c) => c.invoke('history.undo', {}));
    expect(dump(lead)).toEqual(before);
    await as(lead, 'Ayu', (c) => c.invoke('history.redo', {}));
    expect(dump(lead)).toEqual(merged);
  });

  it('does not bring back a transcript or informant deleted in the project (consent withdrawn) unless asked to', async () => {
    const copy = path.join(dir, 'bima.tematik');
    await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copy, coder: 'Bima' }));
    await as(copy, 'Bima', (c) => code(c, ['Bima']));
    // Meanwhile the informant of P-01 withdrew: the lead deletes the transcript and the informant.
    await as(lead, 'Ayu', async (c) => {
      const single = (await c.invoke('documents.list', {})).find((d) => d.title.startsWith('P-01'))!;
      const { informantIds } = single;
      await c.invoke('documents.delete', { id: single.id });
      for (const id of informantIds) await c.invoke('informants.delete', { id });
      // And the code memo the copy was given: it stays deleted too.
      await c.invoke('memos.delete', { id: (await c.invoke('memos.list', {})).find((m) => m.title === 'When to use')!.id });
    });
    const before = dump(lead);
    const onSingle = SCRIPT.filter((s) => s[0] === 'Bima' && s[1] === 'single').length;
    const plan = await as(lead, 'Ayu', (c) => c.invoke('team.mergePlan', { path: copy }));
    expect(plan.conflicts).toMatchObject([{ kind: 'documentDeletedInProject', subject: 'P-01_fashion', codings: onSingle, suggested: 'project', choices: ['project', 'copy'] }]);
    expect(plan.documents).toEqual({ byGuid: 1, byText: 0, added: 0 });
    expect(plan.informants.added).toBe(0);
    const key = plan.conflicts[0]!.key;

    expect(plan.memos).toEqual({ added: 0, already: 0 });
    const kept = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy, resolutions: { [key]: 'project' } }));
    expect(kept.memosAdded).toBe(0);
    expect(kept).toMatchObject({ documentsAdded: 0, informantsAdded: 0, codingsLeftOut: onSingle, codings: [{ coder: 'Bima', added: scriptCount('Bima') - onSingle }] });
    expect(dump(lead).documents).toEqual(before.documents);
    expect(dump(lead).informants).toEqual(before.informants);

    await as(lead, 'Ayu', (c) => c.invoke('history.undo', {}));
    expect(dump(lead)).toEqual(before);
    const restored = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy, resolutions: { [key]: 'copy' } }));
    expect(restored).toMatchObject({ documentsAdded: 1, informantsAdded: 0, codingsLeftOut: 0, codings: [{ coder: 'Bima', added: scriptCount('Bima') }] });
    expect(dump(lead).documents).toEqual(dump(copy).documents);
  });

  it('carries a transcript\'s codings to the same words when the copy\'s text differs, or leaves them out', async () => {
    const copy = path.join(dir, 'bima.tematik');
    await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copy, coder: 'Bima' }));
    // The transcript was corrected in the copy before coding (a heading added): same GUID, other text.
    const raw = new Database(copy);
    raw.prepare(`UPDATE documents SET text = 'Catatan lapangan.\n' || text, content_hash = 'changed' WHERE title LIKE 'P-01%'`).run();
    raw.prepare(`UPDATE turns SET start_offset = start_offset + 18, end_offset = end_offset + 18 WHERE document_id = (SELECT id FROM documents WHERE title LIKE 'P-01%')`).run();
    raw.close();
    await as(copy, 'Bima', async (c) => {
      await code(c, ['Bima']);
      const single = await c.invoke('documents.get', { id: (await c.invoke('documents.list', {})).find((d) => d.title.startsWith('P-01'))!.id });
      const trust = (await c.invoke('codes.list', {})).find((x) => x.name === 'trust')!;
      await c.invoke('codings.apply', { documentId: single.id, codeId: trust.id, start: single.turns[1]!.start, end: single.turns[1]!.start + 60 });
    });
    const plan = await as(lead, 'Ayu', (c) => c.invoke('team.mergePlan', { path: copy }));
    expect(plan.conflicts).toMatchObject([{ kind: 'documentTextDiffers', choices: ['reanchor', 'skip'], codings: SCRIPT.filter((s) => s[0] === 'Bima' && s[1] === 'single').length + 1 }]);
    const key = plan.conflicts[0]!.key;

    const skipped = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy, resolutions: { [key]: 'skip' } }));
    expect(skipped.codingsLeftOut).toBe(plan.conflicts[0]!.codings);
    await as(lead, 'Ayu', (c) => c.invoke('history.undo', {}));

    // Quotes a search could not place for sure: not in the project's text, or in it twice.
    const copyDb = new Database(copy, { readonly: true });
    const quotes = copyDb.prepare(`SELECT k.quote FROM codings k JOIN documents d ON d.id = k.document_id WHERE d.title LIKE 'P-01%'`).pluck().all() as string[];
    copyDb.close();
    const leadDb = new Database(lead, { readonly: true });
    const text = leadDb.prepare(`SELECT text FROM documents WHERE title LIKE 'P-01%'`).pluck().get() as string;
    leadDb.close();
    const unplaceable = quotes.filter((q) => text.indexOf(q) < 0 || text.indexOf(q) !== text.lastIndexOf(q)).length;
    // Searching would leave some of them out (their text occurs twice); aligning the two texts places every one on the same words.
    expect(unplaceable).toBeGreaterThan(0);
    expect(plan.reanchoring).toEqual({ aligned: quotes.length, found: 0, unplaced: [], notAligned: [] });
    const placed = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy, resolutions: { [key]: 'reanchor' } }));
    expect(placed.codings).toEqual([{ coder: 'Bima', added: scriptCount('Bima') + 1, already: 0 }]);
    expect(placed.codingsLeftOut).toBe(0);
    expect(placed.reanchoring).toEqual(plan.reanchoring);
    const db = new Database(lead, { readonly: true });
    const rows = db.prepare(`SELECT k.start_offset AS s, k.end_offset AS e, k.quote, d.text FROM codings k JOIN documents d ON d.id = k.document_id`).all() as { s: number; e: number; quote: string; text: string }[];
    const merged = db.prepare(`SELECT k.quote FROM codings k JOIN documents d ON d.id = k.document_id WHERE d.title LIKE 'P-01%'`).pluck().all() as string[];
    db.close();
    for (const row of rows) expect(row.text.slice(row.s, row.e)).toBe(row.quote);
    expect(merged.sort()).toEqual([...quotes].sort());
  });

  it('carries a coder\'s codings through the researcher\'s corrections, de-identification and turn splits made after the copy', async () => {
    const copy = path.join(dir, 'bima.tematik');
    await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copy, coder: 'Bima' }));
    const passages = {
      corrected: 'Mulai 2019, awalnya cuma jual lewat Instagram dari rumah',
      deidentified: 'brand saya namanya Lavanya, modest fashion',
      split: 'Kapasitas produksi. Ide-ide dari customer itu banyak banget',
      deleted: 'Banyak yang komplain di DM.',
      repeated: 'nggak apa-apa',
    } as const;
    const codeOf = { corrected: 'doubt', deidentified: 'trust', split: 'doubt', deleted: 'contra', repeated: 'pro' } as const;
    // Bima codes the copy as it was given: the repeated phrase where it occurs the second time (the informant's answer).
    const copyText = await as(copy, 'Bima', async (c) => {
      const single = await c.invoke('documents.get', { id: (await c.invoke('documents.list', {})).find((d) => d.title.startsWith('P-01'))!.id });
      const codes = new Map((await c.invoke('codes.list', {})).map((x) => [x.name, x.id]));
      for (const [which, words] of Object.entries(passages) as [keyof typeof passages, string][]) {
        const start = which === 'repeated' ? single.text.indexOf(words, single.text.indexOf(words) + 1) : single.text.indexOf(words);
        expect(start, which).toBeGreaterThan(0);
        await c.invoke('codings.apply', { documentId: single.id, codeId: codes.get(codeOf[which])!, start, end: start + words.length });
      }
      return single.text;
    });

    // The researcher, meanwhile: fixes a word, de-identifies the brand, splits a turn, deletes a sentence.
    await as(lead, 'Ayu', async (c) => {
      const id = (await c.invoke('documents.list', {})).find((d) => d.title.startsWith('P-01'))!.id;
      const current = () => c.invoke('documents.get', { id });
      let doc = await current();
      const at = (words: string) => doc.text.indexOf(words);
      await c.invoke('documents.editText', { id, expectedHash: doc.contentHash, edits: [
        { start: at('cuma jual'), end: at('cuma jual') + 4, text: 'hanya' },
        { start: at(' Banyak yang komplain'), end: at(' Banyak yang komplain') + 1 + passages.deleted.length, text: '' },
      ] });
      await c.invoke('redactions.add', { term: 'Lavanya', replacement: '[merek]', kind: 'business' });
      const preview = await c.invoke('deid.preview', {});
      expect(preview.hits.map((h) => h.text)).toContain('Lavanya');
      await c.invoke('deid.apply', { fingerprint: preview.fingerprint });
      doc = await current();
      const turn = doc.turns.find((t) => doc.text.slice(t.start, t.end).startsWith('Kapasitas produksi.'))!;
      await c.invoke('documents.splitTurn', { id, turnId: turn.id, at: at('Ide-ide dari customer'), expectedHash: doc.contentHash });
    });

    const plan = await as(lead, 'Ayu', (c) => c.invoke('team.mergePlan', { path: copy }));
    expect(plan.conflicts).toMatchObject([{ kind: 'documentTextDiffers', suggested: 'reanchor', codings: 5 }]);
    expect(plan.reanchoring).toEqual({
      aligned: 4, found: 0, notAligned: [],
      unplaced: [{ document: expect.stringMatching(/^P-01/), code: 'stance/contra', coder: 'Bima', start: copyText.indexOf(passages.deleted), quote: passages.deleted }],
    });
    const report = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy, resolutions: { [plan.conflicts[0]!.key]: 'reanchor' } }));
    expect(report).toMatchObject({ codings: [{ coder: 'Bima', added: 4, already: 0 }], codingsLeftOut: 1, reanchoring: plan.reanchoring });

    // Each coding on the same words, as the project has them now; the repeated phrase on its second occurrence.
    const db = new Database(lead, { readonly: true });
    const projectText = db.prepare(`SELECT text FROM documents WHERE title LIKE 'P-01%'`).pluck().get() as string;
    const rows = db.prepare(`SELECT c.name AS code, k.start_offset AS s, k.end_offset AS e, k.quote FROM codings k JOIN codes c ON c.id = k.code_id
      JOIN coders u ON u.id = k.coder_id WHERE u.name = 'Bima' ORDER BY k.start_offset`).all() as { code: string; s: number; e: number; quote: string }[];
    const journal = db.prepare(`SELECT body FROM memos WHERE kind = 'journal' AND title LIKE 'Merged%'`).pluck().get() as string;
    db.close();
    for (const row of rows) expect(projectText.slice(row.s, row.e)).toBe(row.quote);
    const second = projectText.indexOf(passages.repeated, projectText.indexOf(passages.repeated) + 1);
    expect(rows.map((r) => [r.code, r.quote])).toEqual([
      ['pro', passages.repeated],
      ['trust', 'brand saya namanya [merek], modest fashion'],
      ['doubt', 'Mulai 2019, awalnya hanya jual lewat Instagram dari rumah'],
      ['doubt', 'Kapasitas produksi.\nNarasumber: Ide-ide dari customer itu banyak banget'],
    ]);
    expect(rows[0]!.s).toBe(second);
    expect(journal).toContain('4 carried to the same words through an alignment of the two texts, 0 placed where their text occurs once, 1 not placed');
    expect(journal).toContain(`code stance/contra, coder Bima`);

    // Merging again adds nothing: the coding not placed is still not placed.
    const again = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: copy, resolutions: { [plan.conflicts[0]!.key]: 'reanchor' } }));
    expect(again).toMatchObject({ unchanged: true, codings: [{ coder: 'Bima', added: 0, already: 4 }] });
    expect(codingsPerCoder(lead)).toEqual({ Bima: 4 });
  });

  it('refuses a damaged, foreign or tampered copy in both languages and changes nothing', async () => {
    await as(lead, 'Ayu', (c) => code(c, ['Ayu']));
    const copy = path.join(dir, 'bima.tematik');
    await as(lead, 'Ayu', (c) => c.invoke('team.copyForCoder', { path: copy, coder: 'Bima' }));
    await as(copy, 'Bima', (c) => code(c, ['Bima']));
    const before = dump(lead);
    const backups = `${lead}-backups`;
    const backupsBefore = fs.existsSync(backups) ? fs.readdirSync(backups).length : 0;

    const garbage = path.join(dir, 'garbage.tematik');
    fs.writeFileSync(garbage, 'this is no project at all, only words');
    const truncated = path.join(dir, 'truncated.tematik');
    const whole = fs.readFileSync(copy);
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const foreign = path.join(dir, 'foreign.tematik');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    other.close();
    const tampered = path.join(dir, 'tampered.tematik');
    fs.copyFileSync(copy, tampered);
    const raw = new Database(tampered);
    raw.prepare('UPDATE codings SET end_offset = 10000000 WHERE id = (SELECT min(id) FROM codings)').run();
    raw.close();

    for (const bad of [garbage, truncated, foreign, tampered, lead, path.join(dir, 'missing.tematik')]) {
      for (const action of ['team.mergePlan', 'team.merge'] as const) {
        const error = await as(lead, 'Ayu', (c) => refused(c.invoke(action, { path: bad })));
        expect(error.text?.en, bad).toBeTruthy();
        expect(error.text?.id, bad).not.toBe(error.text?.en);
        if (bad !== lead) expect(error.text!.en, bad).toContain('cannot be merged');
      }
    }
    expect(dump(lead)).toEqual(before);
    expect(fs.existsSync(backups) ? fs.readdirSync(backups).length : 0).toBe(backupsBefore);

    // A good copy into a project open read-only: refused, and no backup made for it.
    const reader = await open(lead, 'Ayu', true);
    const readOnly = await refused(reader.invoke('team.merge', { path: copy }));
    reader.session.close();
    expect(readOnly.kind).toBe('read_only');
    expect(dump(lead)).toEqual(before);
    expect(fs.existsSync(backups) ? fs.readdirSync(backups).length : 0).toBe(backupsBefore);
  });

  it('matches a copy saved before row GUIDs by transcript text and code path', async () => {
    await as(lead, 'Ayu', (c) => code(c, ['Ayu']));
    const main = new Database(lead, { readonly: true });
    const document = main.prepare(`SELECT title, content_hash AS hash, text FROM documents WHERE title LIKE 'P-01%'`).get() as { title: string; hash: string; text: string };
    main.close();
    const old = projectAtVersion(8, (db) => {
      db.prepare(`INSERT INTO coders (id, name, created_at) VALUES (1, 'Eko', '2025-01-01')`).run();
      db.prepare(`INSERT INTO documents (id, title, source_name, format, encoding, content_hash, text, word_count, imported_at) VALUES (1, ?, 'P-01_fashion.txt', 'txt', 'utf-8', ?, ?, 10, '2025-01-01')`)
        .run(document.title, document.hash, document.text);
      db.prepare(`INSERT INTO codes (id, parent_id, name, colour, created_at) VALUES (1, NULL, 'stance', '#123456', '2025-01-01'), (2, 1, 'PRO', '#123456', '2025-01-01'), (3, 1, 'new one', '#123456', '2025-01-01')`).run();
      const coding = db.prepare(`INSERT INTO codings (document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (1, ?, 1, ?, ?, ?, '2025-01-01')`);
      coding.run(2, 5, 25, document.text.slice(5, 25));
      coding.run(3, 30, 45, document.text.slice(30, 45));
    });
    const oldBytes = fs.readFileSync(old);
    const plan = await as(lead, 'Ayu', (c) => c.invoke('team.mergePlan', { path: old }));
    expect(plan).toMatchObject({ origin: null, fromThisProject: false, documents: { byGuid: 0, byText: 1, added: 0 }, codesByPath: 2, codesAdded: ['stance/new one'], conflicts: [] });
    const report = await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: old }));
    expect(report.codings).toEqual([{ coder: 'Eko', added: 2, already: 0 }]);
    expect(fs.readFileSync(old).equals(oldBytes)).toBe(true);
    expect((await as(lead, 'Ayu', (c) => c.invoke('team.merge', { path: old }))).unchanged).toBe(true);
    const pro = await as(lead, 'Ayu', async (c) => (await c.invoke('codes.list', {})).find((x) => x.name === 'pro')!);
    expect(pro.codingCount).toBe(1 + SCRIPT.filter((s) => s[0] === 'Ayu' && s[2] === 'pro').length);
  });
});
