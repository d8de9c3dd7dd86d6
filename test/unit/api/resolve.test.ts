import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../../src/api/client';
import type { CodeId, CoderId, CodingId, DocumentId } from '../../../src/domain/ids';
import type { Coding } from '../../../src/domain/types';
import { refused } from '../../helpers/refused';
import { newProject, tempDir } from '../../helpers/temp-project';
import { onPostgres } from '../../helpers/test-store';

const TEXT = 'Narasumber: Kami polling pelanggan di Instagram dulu, lalu kami ubah menu sesuai jawaban mereka.';
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

interface Team {
  readonly client: LocalClient & { file: string };
  readonly documentId: DocumentId;
  readonly codeId: CodeId;
  readonly ayu: CoderId;
  readonly bima: CoderId;
  /** Ayu's "polling pelanggan" and Bima's "polling pelanggan di Instagram": one disagreement on where it ends. */
  readonly overlap: readonly [Coding, Coding];
  /** Only Bima coded "ubah menu". */
  readonly bimaOnly: Coding;
}

/** One transcript, one code, two coders who read it differently. */
async function team(): Promise<Team> {
  const client = await newProject('Ayu');
  const file = path.join(tempDir('tematik-resolve-src-'), 'P-01.txt');
  fs.writeFileSync(file, TEXT);
  const documentId = (await client.invoke('import.files', { paths: [file] })).imported[0]!.documentId;
  const codeId = (await client.invoke('codes.create', { name: 'Co-creation' })).id;
  const a = await client.invoke('codings.apply', { documentId, codeId, ...at('polling pelanggan') });
  await client.invoke('coders.setCurrent', { name: 'Bima' });
  const b = await client.invoke('codings.apply', { documentId, codeId, ...at('polling pelanggan di Instagram') });
  const bimaOnly = await client.invoke('codings.apply', { documentId, codeId, ...at('ubah menu') });
  await client.invoke('coders.setCurrent', { name: 'Ayu' });
  return { client, documentId, codeId, ayu: a.coderId, bima: b.coderId, overlap: [a, b], bimaOnly };
}

/** Every coding row as stored, GUIDs and all: what undo must give back exactly. */
const rows = (client: LocalClient) => client.session.store.db.prepare('SELECT * FROM codings ORDER BY id').all();
const byCoder = async (client: LocalClient, documentId: DocumentId) =>
  (await client.invoke('codings.forDocument', { documentId })).map((c) => `${c.coderName}:${TEXT.slice(c.start, c.end)}`).sort();

describe('settling a disagreement between two coders', () => {
  it("keeping one coder's coding removes the other's there, records it as the consensus, and undo gives back exactly what was", async () => {
    const { client, documentId, ayu, overlap, bimaOnly } = await team();
    const before = rows(client);
    const result = await client.invoke('codings.resolve', { codingIds: overlap.map((c) => c.id), keep: { kind: 'coder', coderId: ayu } });
    expect(result.removed).toEqual([overlap[1].id]);
    expect(result.recorded.map((c) => [c.coderName, TEXT.slice(c.start, c.end)])).toEqual([['Consensus', 'polling pelanggan']]);
    expect(await byCoder(client, documentId)).toEqual(['Ayu:polling pelanggan', 'Bima:ubah menu', 'Consensus:polling pelanggan']);
    const coders = (await client.invoke('coders.list', {})).coders;
    expect(coders.map((c) => [c.name, c.consensus])).toEqual([['Ayu', false], ['Bima', false], ['Consensus', true]]);
    expect((await client.invoke('history.state', {})).undo).toBe('Settle a disagreement on "Co-creation" in "P-01": keep Ayu\'s coding');

    await client.invoke('history.undo', {});
    expect(rows(client)).toEqual(before);
    await client.invoke('history.redo', {});
    expect(await byCoder(client, documentId)).toEqual(['Ayu:polling pelanggan', 'Bima:ubah menu', 'Consensus:polling pelanggan']);

    // Keeping Ayu's reading where only Bima coded means nothing applies there: Bima's coding goes and nothing is recorded.
    const none = await client.invoke('codings.resolve', { codingIds: [bimaOnly.id], keep: { kind: 'coder', coderId: ayu } });
    expect(none).toEqual({ removed: [bimaOnly.id], recorded: [] });
    expect(await byCoder(client, documentId)).toEqual(['Ayu:polling pelanggan', 'Consensus:polling pelanggan']);
    client.session.close();
  });

  it('keeping both removes nothing and records the stretch both readings cover; undo takes the consensus coding back', async () => {
    const { client, documentId, overlap } = await team();
    const before = rows(client);
    const result = await client.invoke('codings.resolve', { codingIds: overlap.map((c) => c.id), keep: { kind: 'both' } });
    expect(result.removed).toEqual([]);
    expect(result.recorded.map((c) => TEXT.slice(c.start, c.end))).toEqual(['polling pelanggan di Instagram']);
    expect(await byCoder(client, documentId)).toEqual(['Ayu:polling pelanggan', 'Bima:polling pelanggan di Instagram', 'Bima:ubah menu', 'Consensus:polling pelanggan di Instagram']);
    await client.invoke('history.undo', {});
    expect(rows(client)).toEqual(before);
    client.session.close();
  });

  it('a consensus coding is recorded over the range the team agreed, leaves the coders\' codings as they are, and stays out of agreement unless named', async () => {
    const { client, documentId, codeId, overlap } = await team();
    const agreement = async (coders: string[]) => (await client.invoke('analysis.agreement', { coders, unit: 'character' })).rows[0]!.percent;
    const between = await agreement(['Ayu', 'Bima']);
    const before = rows(client);
    const range = at('polling pelanggan di Instagram dulu');
    const result = await client.invoke('codings.resolve', { codingIds: overlap.map((c) => c.id), keep: { kind: 'consensus', ...range } });
    expect(result.recorded.map((c) => [c.coderName, c.codeId, TEXT.slice(c.start, c.end)])).toEqual([['Consensus', codeId, 'polling pelanggan di Instagram dulu']]);
    expect(await byCoder(client, documentId)).toContain('Ayu:polling pelanggan');
    expect(await byCoder(client, documentId)).toContain('Bima:polling pelanggan di Instagram');
    // The coders' figures are as they were; naming the consensus coder brings it in.
    expect(await agreement(['Ayu', 'Bima'])).toBe(between);
    expect(await agreement(['Ayu', 'Consensus'])).not.toBe(between);

    const twice = await refused(client.invoke('codings.resolve', { codingIds: overlap.map((c) => c.id), keep: { kind: 'consensus', ...range } }));
    expect(twice.kind).toBe('conflict');
    expect(twice.text).toEqual({ en: expect.stringMatching(/consensus already has "Co-creation" on exactly this passage/), id: expect.stringMatching(/Konsensus sudah memberi "Co-creation"/) });
    await client.invoke('history.undo', {});
    expect(rows(client)).toEqual(before);
    client.session.close();
  });

  it('refuses codings of two codes, consensus codings, keeping the consensus coder, and a consensus range past the end, changing nothing', async () => {
    const { client, documentId, overlap } = await team();
    const other = await client.invoke('codings.apply', { documentId, codeName: 'Menu', ...at('menu') });
    const before = rows(client);
    const mixed = await refused(client.invoke('codings.resolve', { codingIds: [overlap[0].id, other.id], keep: { kind: 'both' } }));
    expect(mixed.kind).toBe('invalid_args');
    expect(mixed.text).toEqual({ en: expect.stringMatching(/one code in one transcript; coding \d+ is another/), id: expect.stringMatching(/satu kode dalam satu transkrip/) });
    const past = await refused(client.invoke('codings.resolve', { codingIds: [overlap[0].id], keep: { kind: 'consensus', start: 10, end: TEXT.length + 5 } }));
    expect(past.text?.en).toMatch(/runs past the end of "P-01"/);
    expect(rows(client)).toEqual(before);

    const { recorded } = await client.invoke('codings.resolve', { codingIds: overlap.map((c) => c.id), keep: { kind: 'both' } });
    const after = rows(client);
    const ofConsensus = await refused(client.invoke('codings.resolve', { codingIds: [recorded[0]!.id], keep: { kind: 'both' } }));
    expect(ofConsensus.text?.en).toMatch(/already a consensus coding/);
    const keepConsensus = await refused(client.invoke('codings.resolve', { codingIds: [overlap[0].id], keep: { kind: 'coder', coderId: recorded[0]!.coderId } }));
    expect(keepConsensus.text?.id).toMatch(/bukan pengode konsensus/);
    const becomeConsensus = await refused(client.invoke('coders.setCurrent', { name: 'consensus' }));
    expect(becomeConsensus.text?.en).toMatch(/"Consensus" is where the team records settled disagreements, not a person/);
    expect(await refused(client.invoke('codings.resolve', { codingIds: [999 as CodingId], keep: { kind: 'both' } }))).toMatchObject({ kind: 'not_found' });
    expect(rows(client)).toEqual(after);
    client.session.close();
  });

  it('with four coders, settling between two leaves the other two coders\' codings and their agreement as they were', async () => {
    const { client, documentId, codeId, ayu, overlap } = await team();
    for (const [name, words] of [['Citra', 'polling pelanggan di Instagram'], ['Dewi', 'polling pelanggan']] as const) {
      await client.invoke('coders.setCurrent', { name });
      await client.invoke('codings.apply', { documentId, codeId, ...at(words) });
    }
    await client.invoke('coders.setCurrent', { name: 'Ayu' });
    const others = () => client.session.store.db.prepare("SELECT c.* FROM codings c JOIN coders r ON r.id = c.coder_id WHERE r.name IN ('Citra', 'Dewi') ORDER BY c.id").all();
    const theirs = others();
    const between = async () => (await client.invoke('analysis.agreement', { coders: ['Citra', 'Dewi'], unit: 'character' })).rows[0];
    const before = await between();
    await client.invoke('codings.resolve', { codingIds: overlap.map((c) => c.id), keep: { kind: 'coder', coderId: ayu } });
    expect(others()).toEqual(theirs);
    expect(await between()).toEqual(before);
    expect(await byCoder(client, documentId)).toEqual([
      'Ayu:polling pelanggan', 'Bima:ubah menu', 'Citra:polling pelanggan di Instagram', 'Consensus:polling pelanggan', 'Dewi:polling pelanggan',
    ]);
    client.session.close();
  });

  it('the consensus coder keeps its place when a person is already called "Consensus", and after a rename', async () => {
    const { client, overlap } = await team();
    await client.invoke('coders.add', { name: 'Consensus' });
    const { recorded } = await client.invoke('codings.resolve', { codingIds: overlap.map((c) => c.id), keep: { kind: 'both' } });
    expect(recorded[0]!.coderName).toBe('Consensus 2');
    await client.invoke('coders.rename', { id: recorded[0]!.coderId, name: 'Kesepakatan' });
    const coders = (await client.invoke('coders.list', {})).coders;
    expect(coders.filter((c) => c.consensus).map((c) => c.name)).toEqual(['Kesepakatan']);
    client.session.close();
  });
});

describe('coder filters and blind mode', () => {
  it("counts a code's codings and informants, and lists its extracts, for the coders asked", async () => {
    const { client, codeId, ayu, bima } = await team();
    const count = async (coders?: CoderId[]) => (await client.invoke('codes.list', coders ? { coders } : {})).find((c) => c.id === codeId)!.codingCount;
    expect([await count(), await count([ayu]), await count([bima]), await count([ayu, bima])]).toEqual([3, 1, 2, 3]);
    const extracts = async (coders?: CoderId[]) => (await client.invoke('codings.forCode', { codeId, ...(coders ? { coders } : {}) })).map((e) => `${e.coderName}:${e.quote}`);
    expect(await extracts([ayu])).toEqual(['Ayu:polling pelanggan']);
    expect(await extracts([bima])).toEqual(['Bima:polling pelanggan di Instagram', 'Bima:ubah menu']);
    expect(await extracts()).toHaveLength(3);
    client.session.close();
  });

  // Not on PostgreSQL (TEMATIK_TEST_STORE): Blind mode is this machine's setting: a team server refuses coders.setBlind (src/team-server/roles.ts).
  it.skipIf(onPostgres())('blind mode is remembered on this machine for the project, and off for another project', async () => {
    const dataDir = tempDir('tematik-blind-data-');
    const { client } = await team();
    const { file } = client;
    client.session.close();
    const first = localClient({ coder: 'Ayu', host: { kind: 'cli', dataDir } });
    await first.invoke('project.open', { path: file });
    expect((await first.invoke('coders.list', {})).blind).toBe(false);
    expect((await first.invoke('coders.setBlind', { blind: true })).blind).toBe(true);
    first.session.close();

    const again = localClient({ coder: 'Ayu', host: { kind: 'cli', dataDir } });
    await again.invoke('project.open', { path: file });
    expect((await again.invoke('coders.list', {})).blind).toBe(true);
    const other = await newProject('Ayu');
    other.session.close();
    await again.invoke('project.open', { path: other.file });
    expect((await again.invoke('coders.list', {})).blind).toBe(false);
    await again.invoke('project.open', { path: file });
    await again.invoke('coders.setBlind', { blind: false });
    again.session.close();
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'blind-coding.json'), 'utf8'))).toEqual({});
  });
});
