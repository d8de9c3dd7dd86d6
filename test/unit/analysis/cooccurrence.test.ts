import { beforeAll, describe, expect, it } from 'vitest';
import type { CodeId, DocumentId } from '../../../src/domain/ids';
import type { Coding, CooccurrenceScope, Turn } from '../../../src/domain/types';
import { random } from '../../bench/corpus';
import { addDocument } from '../../helpers/documents';
import { sampleStudy, type SampleStudy } from './fixture';

/*
 * Hand-made codings on the sample study, codes X, Y, Z, W (in that codebook order).
 *
 * K-01 (turns at 13–99, 106–147, …, 234–388, 402–476, 483–776; the text between two turns,
 * e.g. "\nDewi: " at 99–106, belongs to the turn after it, so turn 1 owns 99–147, turn 3 owns
 * 227–388, turn 4 388–476, turn 5 476–776):
 *   k1 X 240–300  turn 3          k2 Y 250–260  turn 3, nested in k1
 *   k3 Z 300–320  turn 3, touches k1's end (no overlap)
 *   k4 W 380–420  turns 3 and 4   k5 X 410–450  turn 4, overlaps k4
 *   k9 Z 370–400  turns 3 and 4, overlaps k4 and shares both its turns (one pair, not two)
 *   k6 Y 500–520  turn 5 alone
 *   k7 Z 100–104  the speaker label "Dewi" before turn 1     k8 Y 110–140  turn 1
 * P-01 (turn 4 owns 364–722):
 *   p1 X 400–450   p2 Y 400–450 (the same range)   p3 Y 450–470 (touches p1)
 * "Catatan lapangan", a field note without turns (one turn):
 *   n1 X 0–5   n2 Y 5–9 (touches n1)   n3 W 20–30
 *
 * overlap:  X–Y k1k2 p1p2 = 2;  X–W k5k4 = 1;  Z–W k9k4 = 1;  nothing else.
 * turn:     X–Y k1k2 p1p2 p1p3 n1n2 = 4;  X–Z k1k3 k1k9 k5k9 = 3;  X–W k1k4 k5k4 n1n3 = 3;
 *           Y–Z k2k3 k8k7 k2k9 = 3;  Y–W k2k4 n2n3 = 2;  Z–W k3k4 k9k4 = 2.
 * Diagonal: X 4, Y 6, Z 3, W 2 codings.
 */
let study: SampleStudy;
let note: DocumentId;
let x: CodeId, y: CodeId, z: CodeId, w: CodeId;
const c: Record<string, Coding> = {};

beforeAll(async () => {
  study = await sampleStudy();
  const { client, code, codeRange } = study;
  [x, y, z, w] = [await code('X'), await code('Y'), await code('Z'), await code('W')];
  note = await addDocument(client, 'Catatan lapangan', 'Pasar pagi ramai, pembeli tanya harga, reseller datang siang.');
  const plan: [string, CodeId, string, number, number][] = [
    ['k1', x, 'K-01', 240, 300], ['k2', y, 'K-01', 250, 260], ['k3', z, 'K-01', 300, 320], ['k4', w, 'K-01', 380, 420],
    ['k5', x, 'K-01', 410, 450], ['k6', y, 'K-01', 500, 520], ['k7', z, 'K-01', 100, 104], ['k8', y, 'K-01', 110, 140], ['k9', z, 'K-01', 370, 400],
    ['p1', x, 'P-01', 400, 450], ['p2', y, 'P-01', 400, 450], ['p3', y, 'P-01', 450, 470],
  ];
  for (const [name, codeId, label, start, end] of plan) c[name] = await codeRange(codeId, label, start, end);
  for (const [name, codeId, start, end] of [['n1', x, 0, 5], ['n2', y, 5, 9], ['n3', w, 20, 30]] as const) {
    c[name] = await client.invoke('codings.apply', { documentId: note, codeId, start, end });
  }
});

describe('the co-occurrence matrix', () => {
  it('checks the fixture: K-01 has the turns the counts above assume', async () => {
    const k01 = await study.client.invoke('documents.get', { id: study.doc('K-01') });
    expect(k01.turns.slice(0, 6).map((t) => [t.start, t.end])).toEqual([[13, 99], [106, 147], [161, 227], [234, 388], [402, 476], [483, 776]]);
    expect(k01.text.slice(100, 104)).toBe('Dewi');
  });

  it('counts overlapping ranges: nested and identical ranges overlap, touching ones ([0,5) and [5,9)) do not', async () => {
    const matrix = await study.client.invoke('analysis.cooccurrence', { scope: 'overlap' });
    expect(matrix.scope).toBe('overlap');
    expect(matrix.codes.map((code) => code.name)).toEqual(['X', 'Y', 'Z', 'W']);
    expect(matrix.codes[0]).toEqual({ id: x, name: 'X', colour: expect.stringMatching(/^#[0-9a-f]{6}$/i) });
    expect(matrix.counts).toEqual([
      [4, 2, 0, 1],
      [2, 6, 0, 0],
      [0, 0, 3, 1],
      [1, 0, 1, 2],
    ]);
  });

  it('counts codings that touch a common speaker turn, each pair once however many turns they share', async () => {
    const matrix = await study.client.invoke('analysis.cooccurrence', { scope: 'turn' });
    expect(matrix.counts).toEqual([
      [4, 4, 3, 3],
      [4, 6, 3, 2],
      [3, 3, 3, 2],
      [3, 2, 2, 2],
    ]);
  });

  it('follows the codebook order (codes.list) and includes codes without codings', async () => {
    const empty = await study.client.invoke('codes.create', { name: 'kosong' });
    const matrix = await study.client.invoke('analysis.cooccurrence', { scope: 'overlap' });
    expect(matrix.codes.map((code) => code.id)).toEqual((await study.client.invoke('codes.list', {})).map((code) => code.id));
    expect(matrix.counts[4]).toEqual([0, 0, 0, 0, 0]);
    await study.client.invoke('codes.delete', { id: empty.id });
  });
});

describe('the pairs behind a co-occurrence cell', () => {
  const ids = (pairs: readonly (readonly [Coding, Coding])[]): string[][] =>
    pairs.map(([a, b]) => [Object.keys(c).find((k) => c[k]!.id === a.id)!, Object.keys(c).find((k) => c[k]!.id === b.id)!]);

  it('gives [extract of a, extract of b] by document title, then offsets', async () => {
    expect(ids(await study.client.invoke('analysis.cooccurrenceExtracts', { a: x, b: y, scope: 'overlap' }))).toEqual([['k1', 'k2'], ['p1', 'p2']]);
    expect(ids(await study.client.invoke('analysis.cooccurrenceExtracts', { a: y, b: x, scope: 'overlap' }))).toEqual([['k2', 'k1'], ['p2', 'p1']]);
    expect(ids(await study.client.invoke('analysis.cooccurrenceExtracts', { a: x, b: y, scope: 'turn' }))).toEqual([['n1', 'n2'], ['k1', 'k2'], ['p1', 'p2'], ['p1', 'p3']]);
    expect(ids(await study.client.invoke('analysis.cooccurrenceExtracts', { a: z, b: w, scope: 'turn' }))).toEqual([['k3', 'k4'], ['k9', 'k4']]);
    expect(ids(await study.client.invoke('analysis.cooccurrenceExtracts', { a: y, b: z, scope: 'turn' }))).toEqual([['k8', 'k7'], ['k2', 'k3'], ['k2', 'k9']]);
  });

  it('gives whole extracts, with code, document and informants', async () => {
    const pairs = await study.client.invoke('analysis.cooccurrenceExtracts', { a: x, b: w, scope: 'overlap' });
    expect(pairs).toHaveLength(1);
    const [a, b] = pairs[0]!;
    const text = study.text('K-01');
    // k5 lies in turn 4, the interviewer's question: it is evidence of no informant.
    expect(a).toMatchObject({ id: c['k5']!.id, codeName: 'X', documentTitle: 'K-01_skincare', informantLabels: [], informantTypes: [], quote: text.slice(410, 450) });
    // k4 runs from Dewi's turn 3 into the question: Dewi's.
    expect(b).toMatchObject({ informantLabels: ['K-01'], informantTypes: ['Konsumen'] });
    expect(b).toMatchObject({ id: c['k4']!.id, codeName: 'W', start: 380, end: 420 });
  });

  it('has as many pairs as the matrix counts, for every cell and both scopes', async () => {
    for (const scope of ['overlap', 'turn'] as const) {
      const matrix = await study.client.invoke('analysis.cooccurrence', { scope });
      for (const [i, a] of matrix.codes.entries()) {
        for (const [j, b] of matrix.codes.entries()) {
          if (i === j) continue;
          const pairs = await study.client.invoke('analysis.cooccurrenceExtracts', { a: a.id, b: b.id, scope });
          expect(pairs.length, `${scope} ${a.name}–${b.name}`).toBe(matrix.counts[i]![j]);
        }
      }
    }
  });

  it('refuses the same code twice, and unknown codes', async () => {
    await expect(study.client.invoke('analysis.cooccurrenceExtracts', { a: x, b: x, scope: 'turn' }))
      .rejects.toMatchObject({ kind: 'invalid_args', message: expect.stringMatching(/Choose two different codes/) });
    await expect(study.client.invoke('analysis.cooccurrenceExtracts', { a: x, b: 9999, scope: 'turn' }))
      .rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/Code 9999 does not exist/) });
  });
});

describe('co-occurrence on many random codings', () => {
  it('matches a brute-force count over every pair of codings', async () => {
    const random01 = random(42);
    const local = await sampleStudy();
    const codes = [await local.code('R1'), await local.code('R2'), await local.code('R3'), await local.code('R4'), await local.code('R5')];
    const documents = [local.doc('K-01'), local.doc('P-03'), local.doc('KP-01'), await addDocument(local.client, 'Tanpa giliran', 'x'.repeat(3000))];
    for (let i = 0; i < 400; i++) {
      const documentId = documents[Math.floor(random01() * documents.length)]!;
      const start = Math.floor(random01() * 2900);
      const length = random01() < 0.2 ? 1 + Math.floor(random01() * 5) : 5 + Math.floor(random01() * (random01() < 0.1 ? 1500 : 200));
      await local.client.invoke('codings.apply', { documentId, codeId: codes[Math.floor(random01() * codes.length)]!, start, end: start + length }).catch(() => undefined);
    }
    const codings = local.client.session.store.db.prepare('SELECT id, document_id AS documentId, code_id AS codeId, start_offset AS start, end_offset AS end FROM codings').all() as Coding[];
    const turnsOf = new Map<number, readonly Turn[]>();
    for (const id of documents) turnsOf.set(id, (await local.client.invoke('documents.get', { id })).turns);

    // The rule, written out plainly: turn k owns the text from the end of turn k - 1 to its own end; the last turn owns the rest.
    const touched = (coding: Coding): Set<number> => {
      const turns = turnsOf.get(coding.documentId)!;
      if (turns.length === 0) return new Set([0]);
      const ends = turns.map((t) => t.end as number).sort((a, b) => a - b);
      const owned = new Set<number>();
      ends.forEach((end, k) => {
        const from = k === 0 ? -Infinity : ends[k - 1]!;
        const to = k === ends.length - 1 ? Infinity : end;
        if (coding.start < to && coding.end > from) owned.add(k);
      });
      return owned;
    };
    const turnsTouched = new Map(codings.map((coding) => [coding.id, touched(coding)]));
    const together = (scope: CooccurrenceScope, a: Coding, b: Coding): boolean => {
      if (a.documentId !== b.documentId) return false;
      if (scope === 'overlap') return a.start < b.end && b.start < a.end;
      const turnsOfB = turnsTouched.get(b.id)!;
      return [...turnsTouched.get(a.id)!].some((t) => turnsOfB.has(t));
    };
    for (const scope of ['overlap', 'turn'] as const) {
      const expected = codes.map((i) => codes.map((j) => (i === j
        ? codings.filter((a) => a.codeId === i).length
        : codings.filter((a) => a.codeId === i).reduce((n, a) => n + codings.filter((b) => b.codeId === j && together(scope, a, b)).length, 0))));
      const matrix = await local.client.invoke('analysis.cooccurrence', { scope });
      expect(matrix.counts, scope).toEqual(expected);
      expect(expected[0]![1], `${scope}: the random codings do co-occur`).toBeGreaterThan(10);
    }
  });
});
