import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../src/api/client';
import type { Args } from '../../src/api/contract';
import { MISSING, Tally } from '../../src/analysis/agreement/coefficients';
import type { AgreementRow } from '../../src/domain/agreement';
import type { CodeId } from '../../src/domain/ids';
import type { DocumentContent } from '../../src/domain/types';
import { refused } from '../helpers/refused';
import { dumpTables } from '../helpers/table-dump';
import { newProject, SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { onPostgres, openedAs, storedFile } from '../helpers/test-store';

/*
 * A real project (a file, or on PostgreSQL a team project), coded through the contract by four coders,
 * each opening the project under their own name in turn (the codings table keeps who coded what). KP-01 is a group
 * interview: moderator and two informants, one unit per speaker turn.
 */

let file: string;
let group: DocumentContent;
let single: DocumentContent;
const codes: Record<'doubt' | 'trust' | 'stance' | 'pro' | 'contra', CodeId> = {} as never;

/** Opens the project as `coder`, runs `body`, closes it: the way a team member works on a shared file. */
async function as(coder: string, body: (code: (document: DocumentContent, code: CodeId, turn: number, from?: number, to?: number) => Promise<void>) => Promise<void>): Promise<void> {
  const client = await openedAs(file, coder);
  try {
    await body(async (document, codeId, turn, from = 2, to = 6) => {
      const t = document.turns[turn]!;
      await client.invoke('codings.apply', { documentId: document.id, codeId, start: t.start + from, end: t.start + to });
    });
  } finally {
    await client.session.close();
  }
}

/** Runs one query on the project as an onlooker. */
async function query<T>(body: (client: LocalClient) => Promise<T>): Promise<T> {
  const client = await openedAs(file, 'Ayu', { readOnly: true });
  try {
    return await body(client);
  } finally {
    await client.session.close();
  }
}

/** What the store holds: the project file's bytes, or on PostgreSQL every table of a copy taken from the database. */
const held = async (): Promise<unknown> => (onPostgres() ? dumpTables(await storedFile(file)) : fs.readFileSync(file));

/** Reliability data of one code in one document: for each coder, the turns they coded (null: not counted there). */
function addDocument(tally: Tally, turns: number, coded: readonly (readonly number[] | null)[]): void {
  for (let k = 0; k < turns; k++) tally.addUnit(coded.map((set) => (set === null ? MISSING : set.includes(k) ? 1 : 0)), 1);
}

/** The row's figures equal the tally's, to the last few bits (sums in another order round differently). */
function expectFigures(row: AgreementRow, tally: Tally): void {
  const expected = tally.figures();
  for (const key of ['units', 'disagreements', 'percent', 'cohenKappa', 'brennanPrediger', 'alpha'] as const) {
    const [got, want] = [row[key], expected[key]];
    if (want === null || got === null) expect(got, key).toBe(want);
    else expect(got, key).toBeCloseTo(want, 12);
  }
}

beforeAll(async () => {
  const project = await newProject('Ayu');
  file = project.file;
  await project.invoke('import.files', { paths: ['KP-01_komunitas_kopi.txt', 'P-01_fashion.txt'].map((f) => path.join(SAMPLE_STUDY, f)), skipBad: false, swapRoles: false });
  const documents = await project.invoke('documents.list', {});
  group = await project.invoke('documents.get', { id: documents.find((d) => d.title.startsWith('KP-01'))!.id });
  single = await project.invoke('documents.get', { id: documents.find((d) => d.title.startsWith('P-01'))!.id });
  codes.doubt = (await project.invoke('codes.create', { name: 'doubt' })).id;
  codes.trust = (await project.invoke('codes.create', { name: 'trust' })).id;
  codes.stance = (await project.invoke('codes.create', { name: 'stance' })).id;
  codes.pro = (await project.invoke('codes.create', { name: 'pro', parentId: codes.stance })).id;
  codes.contra = (await project.invoke('codes.create', { name: 'contra', parentId: codes.stance })).id;
  await project.session.close();
  expect(group.turns.length).toBeGreaterThan(8);
  expect(new Set(group.turns.map((t) => t.speaker)).size).toBeGreaterThanOrEqual(3);

  await as('Ayu', async (code) => {
    for (const turn of [1, 2, 3]) await code(group, codes.doubt, turn);
    // A second coding of the same turn by the same coder counts once.
    await code(group, codes.doubt, 2, 3, 9);
    await code(group, codes.trust, 4);
    await code(single, codes.doubt, 1);
    await code(group, codes.pro, 1);
    await code(group, codes.contra, 2);
  });
  await as('Bima', async (code) => {
    for (const turn of [1, 3]) await code(group, codes.doubt, turn);
    // From the end of turn 5 into turn 6: both turns.
    const t5 = group.turns[5]!;
    const t6 = group.turns[6]!;
    await code(group, codes.doubt, 5, t5.end - t5.start - 2, t6.start - t5.start + 3);
    await code(group, codes.trust, 4);
    await code(single, codes.doubt, 1);
    await code(single, codes.doubt, 2);
    await code(group, codes.pro, 1);
    await code(group, codes.pro, 2);
  });
  // Citra coded only the group interview, Dewi only P-01.
  await as('Citra', async (code) => {
    for (const turn of [1, 2]) await code(group, codes.doubt, turn);
  });
  await as('Dewi', async (code) => {
    await code(single, codes.doubt, 2);
  });
  // Eko worked on the codebook but coded nothing.
  const eko = await openedAs(file, 'Eko');
  await eko.invoke('codes.create', { name: 'memo-worthy' });
  await eko.session.close();
});

describe('inter-coder agreement on a real project', () => {
  it('two coders by speaker turn: per code, per document and overall, as hand-built reliability data gives', async () => {
    const result = await query((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'bima'], codeIds: [codes.doubt, codes.trust] }));
    expect(result).toMatchObject({ unit: 'turn', takesPart: 'coded', includeUncoded: true, conflictingUnits: 0, coders: [{ name: 'Ayu' }, { name: 'Bima' }] });
    const [g, s] = [group.turns.length, single.turns.length];
    const doubt = new Tally(2, 2);
    addDocument(doubt, g, [[1, 2, 3], [1, 3, 5, 6]]);
    addDocument(doubt, s, [[1], [1, 2]]);
    const trust = new Tally(2, 2);
    addDocument(trust, g, [[4], [4]]);
    addDocument(trust, s, [[], []]);
    const overall = new Tally(2, 2);
    overall.add(doubt);
    overall.add(trust);
    const rows = new Map(result.rows.map((r) => [`${r.scope}:${r.codeId ?? r.documentId ?? ''}`, r]));
    expectFigures(rows.get(`code:${codes.doubt}`)!, doubt);
    expectFigures(rows.get(`code:${codes.trust}`)!, trust);
    expectFigures(rows.get('overall:')!, overall);
    expect(rows.get(`code:${codes.doubt}`)!).toMatchObject({ units: g + s, disagreements: 4 });
    expect(rows.get(`document:${group.id}`)!).toMatchObject({ units: 2 * g, disagreements: 3 });
    expect(rows.get(`code:${codes.doubt}`)!.cohenKappa).not.toBeNull();
  });

  it('four coders: a coder who did not code a document is missing there, and Cohen’s κ is not given', async () => {
    const result = await query((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima', 'Citra', 'Dewi'], codeIds: [codes.doubt] }));
    const names = new Map(result.coders.map((c) => [c.id as number, c.name]));
    expect(result.documents.map((d) => [d.title.slice(0, 5), d.coderIds.map((id) => names.get(id))])).toEqual([
      ['KP-01', ['Ayu', 'Bima', 'Citra']],
      ['P-01_', ['Ayu', 'Bima', 'Dewi']],
    ]);
    const doubt = new Tally(2, 4);
    addDocument(doubt, group.turns.length, [[1, 2, 3], [1, 3, 5, 6], [1, 2], null]);
    addDocument(doubt, single.turns.length, [[1], [1, 2], null, [2]]);
    expectFigures(result.rows[0]!, doubt);
    expect(result.rows[0]!.cohenKappa).toBeNull();
    expect(result.rows[0]!.alpha).not.toBeNull();

    const everyone = await query((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima', 'Citra', 'Dewi'], codeIds: [codes.doubt], takesPart: 'all' }));
    const all = new Tally(2, 4);
    addDocument(all, group.turns.length, [[1, 2, 3], [1, 3, 5, 6], [1, 2], []]);
    addDocument(all, single.turns.length, [[1], [1, 2], [], [2]]);
    expectFigures(everyone.rows[0]!, all);

    // Dewi was given KP-01 too and found nothing to code there; Citra was given only KP-01.
    const given = await query((c) => c.invoke('analysis.agreement', {
      coders: ['Ayu', 'Bima', 'Citra', 'Dewi'], codeIds: [codes.doubt], assignments: [{ coder: 'Dewi', documentIds: [group.id, single.id] }, { coder: 'Citra', documentIds: [group.id] }],
    }));
    expect(given.takesPart).toBe('assigned');
    const assigned = new Tally(2, 4);
    addDocument(assigned, group.turns.length, [[1, 2, 3], [1, 3, 5, 6], [1, 2], []]);
    addDocument(assigned, single.turns.length, [[1], [1, 2], null, [2]]);
    expectFigures(given.rows[0]!, assigned);
  });

  it('a code group is measured as one variable with α', async () => {
    const result = await query((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima'], groupId: codes.stance, documentIds: [group.id] }));
    expect(result.variable).toEqual({ kind: 'group', codeId: codes.stance, name: 'stance', categories: ['pro', 'contra'] });
    const stance = new Tally(3, 2);
    for (let k = 0; k < group.turns.length; k++) stance.addUnit([k === 1 ? 1 : k === 2 ? 2 : 0, k === 1 || k === 2 ? 1 : 0], 1);
    expectFigures(result.rows[0]!, stance);
    expect(result.rows.map((r) => r.scope)).toEqual(['overall', 'code', 'document']);
  });

  it('characters count code points, with and without the text nobody coded; sentences and documents are units too', async () => {
    const points = [...group.text].length + [...single.text].length;
    const characters = await query((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima'], codeIds: [codes.doubt], unit: 'character' }));
    expect(characters.rows[0]!.units).toBe(points);
    const coded = await query((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima'], codeIds: [codes.doubt], unit: 'character', includeUncoded: false }));
    expect(coded.rows[0]!.units).toBeLessThan(200);
    expect(coded.rows[0]!.percent!).toBeLessThan(characters.rows[0]!.percent!);
    // What one coder coded and the other did not, in characters: the same with or without the uncoded text.
    expect(coded.rows[0]!.disagreements).toBe(characters.rows[0]!.disagreements);

    const documents = await query((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima'], codeIds: [codes.doubt, codes.trust], unit: 'document' }));
    expect(documents.rows.find((r) => r.codeId === codes.trust)).toMatchObject({ units: 2, disagreements: 0, percent: 1 });
    const sentences = await query((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima'], codeIds: [codes.doubt], unit: 'sentence' }));
    expect(sentences.rows[0]!.units).toBeGreaterThan(group.turns.length + single.turns.length);
  });

  it('drills down to the turns the coders disagree on', async () => {
    const units = await query((c) => c.invoke('analysis.agreementDisagreements', { coders: ['Ayu', 'Bima'], codeIds: [codes.doubt], codeId: codes.doubt, documentId: group.id as number }));
    expect(units.map((u) => u.start)).toEqual([group.turns[1]!.end, group.turns[4]!.end, group.turns[5]!.end]);
    expect(units[0]!.text).toContain(group.text.slice(group.turns[2]!.start, group.turns[2]!.end));
    expect(units[0]!.values.map((v) => v.value)).toEqual(['doubt', '']);
  });

  it('refuses what cannot be compared, in both languages, and changes nothing', async () => {
    const before = await held();
    const cases: [Args<'analysis.agreement'> & { codeId?: number }, RegExp][] = [
      [{ coders: ['Ayu'] }, /at least two coders/],
      [{ coders: ['Ayu', 'Ayu'] }, /chosen twice/],
      [{ coders: ['Ayu', 'Zainal'] }, /no coder "Zainal".*Ayu, .*Bima/],
      [{ coders: ['Ayu', 'Eko'] }, /"Eko" has made no codings/],
      [{ coders: ['Citra', 'Dewi'] }, /No document was coded by at least two/],
      [{ coders: ['Ayu', 'Bima'], codeIds: [9999] }, /Code 9999 does not exist/],
      [{ coders: ['Ayu', 'Bima'], documentIds: [9999] }, /Document 9999 does not exist/],
      [{ coders: ['Ayu', 'Bima'], groupId: codes.doubt }, /"doubt" has 0 sub-code/],
      [{ coders: ['Ayu', 'Bima'], groupId: codes.stance, codeIds: [codes.doubt] }, /either codes or one code group/],
      [{ coders: ['Ayu', 'Bima'], codeIds: [codes.doubt], codeId: codes.trust }, /not among the codes compared/],
      [{ coders: ['Ayu', 'Bima'], takesPart: 'all', assignments: [{ coder: 'Ayu', documentIds: [group.id] }] }, /not both/],
      [{ coders: ['Ayu', 'Bima'], assignments: [{ coder: 'Citra', documentIds: [group.id] }] }, /assigned to "Citra", who is not among the coders compared/],
      [{ coders: ['Ayu', 'Bima'], assignments: [{ coder: 'Ayu', documentIds: [9998] }] }, /Document 9998 does not exist/],
    ];
    await query(async (c) => {
      for (const [args, pattern] of cases) {
        const error = await refused(args.codeId === undefined ? c.invoke('analysis.agreement', args) : c.invoke('analysis.agreementDisagreements', args));
        expect(error.text!.en).toMatch(pattern);
        expect(error.text!.id).toBeTruthy();
        expect(error.text!.id).not.toBe(error.text!.en);
      }
    });
    // Citra and Dewi share no document: with "every coder read every document" they can be compared.
    const shared = await query((c) => c.invoke('analysis.agreement', { coders: ['Citra', 'Dewi'], takesPart: 'all' }));
    expect(shared.rows[0]!.units).toBeGreaterThan(0);
    expect(await held()).toEqual(before);
  });

  it('exports the table as CSV with each coefficient and its unit named, in the language asked', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'agreement.csv');
    await query((c) => c.invoke('export.table', { table: 'agreement', path: csv, agreement: { coders: ['Ayu', 'Bima'], codeIds: [codes.doubt] } }));
    const lines = fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toBe("Row,Code or document,Coders counted,Units (speaker turns),Disagreements (speaker turns),Percent agreement (%),Cohen's κ,Brennan–Prediger κ,Krippendorff's α (nominal)");
    expect(lines[1]).toMatch(/^"All codes, all documents",,"Ayu, Bima",\d+,4,/);
    const id = path.join(dir, 'kesepakatan.csv');
    await query((c) => c.invoke('export.table', { table: 'agreementDisagreements', path: id, language: 'id', agreement: { coders: ['Ayu', 'Bima'], codeIds: [codes.doubt] } }));
    const content = fs.readFileSync(id, 'utf8').replace(/^\uFEFF/, '');
    expect(content.split(/\r?\n/)[0]).toBe('Transkrip,Kode,Awal,Akhir,Ayu,Bima,Teks');
    // Three turns of KP-01 and one of P-01; the texts hold line breaks, so count the records by their code and values.
    expect(content.match(/,doubt,\d+,\d+,(doubt,\(tidak ada\)|\(tidak ada\),doubt),/g)).toHaveLength(4);
  });
});

