import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../../src/api/client';
import type { Args } from '../../../src/api/contract';
import { TematikError } from '../../../src/domain/errors';
import { UNDOABLE_TABLES } from '../../../src/store/history';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from '../../helpers/temp-project';

/** A small seeded generator (mulberry32), so a failing sequence can be run again from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T | undefined => (items.length === 0 ? undefined : items[int(items.length)]);
  // Names with quotes, emoji and Indonesian words: values the replay must bind, never splice.
  const WORDS = ['kolaborasi', 'kepercayaan', "pelanggan 'setia'", 'co-creation', 'rasa "memiliki"', 'inovasi 🌱', 'harga; DROP TABLE codes', 'kemitraan'];
  const name = () => `${pick(WORDS)!} ${int(1000)}`;
  return { next, int, pick, name };
}
type Random = ReturnType<typeof random>;

/** Every row of every undoable table, rowids included. */
function dump(client: LocalClient): Record<string, unknown[]> {
  const { db } = client.session.store;
  return Object.fromEntries(UNDOABLE_TABLES.map((table) => [table, db.prepare(`SELECT rowid AS _rowid, * FROM "${table}" ORDER BY rowid`).all()]));
}

/** What search finds, by place: the index is derived data, refreshed after each undo and redo. */
async function found(client: LocalClient): Promise<string[]> {
  const hits = [];
  for (const query of ['kolaborasi', 'pelanggan', 'inovasi']) {
    hits.push(...(await client.invoke('search.query', { query, limit: 2000 })).hits.map((h) => `${h.kind}:${h.documentId ?? ''}:${h.memoId ?? ''}:${h.codeId ?? ''}:${h.start}`));
  }
  return hits.sort();
}

type Act = (c: LocalClient, r: Random) => Promise<unknown> | undefined;

const lists = {
  codes: (c: LocalClient) => c.invoke('codes.list', {}),
  themes: (c: LocalClient) => c.invoke('themes.list', {}),
  docs: (c: LocalClient) => c.invoke('documents.list', {}),
  async codings(c: LocalClient) {
    return (await Promise.all((await this.docs(c)).map((d) => c.invoke('codings.forDocument', { documentId: d.id })))).flat();
  },
};

/** One random user action, chosen from what the project holds; undefined when there is nothing to act on. */
const ACTS: Act[] = [
  (c, r) => c.invoke('codes.create', { name: r.name(), description: r.next() < 0.5 ? 'deskripsi' : undefined }),
  async (c, r) => { const code = r.pick(await lists.codes(c)); return code && c.invoke('codes.update', { id: code.id, name: r.name(), description: `ubah ${r.int(9)}`, colour: '#59a14f' }); },
  async (c, r) => { const codes = await lists.codes(c); const code = r.pick(codes); return code && c.invoke('codes.move', { id: code.id, parentId: r.pick(codes)?.id ?? null }); },
  async (c, r) => { const codes = await lists.codes(c); const [a, b] = [r.pick(codes), r.pick(codes)]; return a && b && c.invoke('codes.merge', { sourceId: a.id, targetId: b.id }); },
  async (c, r) => { const code = r.pick(await lists.codes(c)); return code && c.invoke('codes.delete', { id: code.id }); },
  async (c, r) => { const code = r.pick(await lists.codes(c)); return code && c.invoke('hotkeys.set', { id: code.id, key: r.next() < 0.8 ? 1 + r.int(9) : null }); },
  async (c, r) => {
    const doc = r.pick(await lists.docs(c));
    if (!doc) return undefined;
    const start = r.int(doc.charCount - 200);
    const code = r.next() < 0.5 ? r.pick(await lists.codes(c)) : undefined;
    const args: Args<'codings.apply'> = code ? { documentId: doc.id, start, end: start + 20 + r.int(150), codeId: code.id } : { documentId: doc.id, start, end: start + 20 + r.int(150), codeName: r.name() };
    return c.invoke('codings.apply', args);
  },
  async (c, r) => { const coding = r.pick(await lists.codings(c)); return coding && c.invoke('codings.remove', { id: coding.id }); },
  async (c, r) => { const coding = r.pick(await lists.codings(c)); return coding && c.invoke('codings.recode', { id: coding.id, codeName: r.name() }); },
  async (c, r) => {
    const target = r.next() < 0.3 ? { kind: 'project' as const } : r.next() < 0.5 ? ((d) => d && { kind: 'document' as const, id: d.id })(r.pick(await lists.docs(c))) : ((k) => k && { kind: 'code' as const, id: k.id })(r.pick(await lists.codes(c)));
    return target && c.invoke('memos.create', { title: r.name(), body: `Catatan reflektif ${r.int(100)} tentang kolaborasi`, target });
  },
  async (c, r) => { const memo = r.pick(await c.invoke('memos.list', {})); return memo && c.invoke('memos.update', { id: memo.id, body: `${memo.body} — inovasi` }); },
  async (c, r) => { const memo = r.pick(await c.invoke('memos.list', {})); return memo && c.invoke('memos.delete', { id: memo.id }); },
  async (c, r) => { const codes = await lists.codes(c); return c.invoke('themes.create', { name: r.name(), codeIds: codes.filter(() => r.next() < 0.3).map((k) => k.id) }); },
  async (c, r) => {
    const theme = r.pick(await lists.themes(c));
    if (!theme) return undefined;
    return c.invoke('themes.update', { id: theme.id, definition: `Definisi ${r.int(100)}`, status: r.pick(['candidate', 'reviewed', 'defined', 'discarded'] as const)!, exemplarCodingId: r.pick(await lists.codings(c))?.id ?? null });
  },
  async (c, r) => { const theme = r.pick(await lists.themes(c)); const code = r.pick(await lists.codes(c)); return theme && code && c.invoke('themes.addCodes', { id: theme.id, codeIds: [code.id] }); },
  async (c, r) => { const theme = r.pick(await lists.themes(c)); const code = theme && r.pick(theme.codeIds); return theme && code && c.invoke('themes.removeCodes', { id: theme.id, codeIds: [code] }); },
  async (c, r) => { const themes = await lists.themes(c); const [a, b] = [r.pick(themes), r.pick(themes)]; return a && b && c.invoke('themes.merge', { sourceId: a.id, targetId: b.id }); },
  async (c, r) => { const theme = r.pick(await lists.themes(c)); return theme && c.invoke('themes.delete', { id: theme.id }); },
  async (c, r) => { const theme = r.pick(await lists.themes(c)); return theme && c.invoke('themes.setConvergence', { id: theme.id, convergence: r.pick(['agreement', 'partial', 'silence', 'dissonance'] as const)!, reason: 'alasan' }); },
  async (c, r) => {
    const themes = await lists.themes(c);
    const [a, b] = [r.pick(themes), r.pick(themes)];
    return a && b && c.invoke('themeLinks.create', { fromThemeId: a.id, toThemeId: b.id, kind: r.pick(['influences', 'contradicts', 'associated-with'] as const)!, label: r.name() });
  },
  async (c, r) => { const link = r.pick(await c.invoke('themeLinks.list', {})); return link && c.invoke('themeLinks.delete', { id: link.id }); },
  // Coordinates with fractions: REAL values must come back to the last bit.
  async (c, r) => { const theme = r.pick(await lists.themes(c)); return theme && c.invoke('map.move', { themes: [{ id: theme.id, x: r.next() * 1000 - 500, y: r.next() / 3 }] }); },
  async (c, r) => { const theme = r.pick(await lists.themes(c)); return theme && c.invoke('comments.add', { target: { kind: 'theme', id: theme.id }, body: `Komentar ${r.int(50)}` }); },
  async (c, r) => { const comment = r.pick(await c.invoke('comments.list', {})); return comment && c.invoke('comments.resolve', { id: comment.id, resolved: comment.resolvedAt === null }); },
  (c, r) => c.invoke('phases.check', { phase: 1 + r.int(6) as 1, item: `butir ${r.int(3)}`, done: r.next() < 0.7 }),
  (c, r) => c.invoke('project.update', { description: `Studi co-creation ${r.int(100)}` }),
  (c, r) => c.invoke('project.setPhase', { phase: 1 + r.int(6) as 1, note: 'pindah' }),
  async (c, r) => { const doc = r.pick(await lists.docs(c)); return doc && c.invoke('documents.rename', { id: doc.id, title: r.name() }); },
  async (c, r) => {
    const doc = r.pick(await lists.docs(c));
    const people = await c.invoke('informants.list', {});
    return doc && c.invoke('documents.assign', { id: doc.id, informantIds: people.filter(() => r.next() < 0.15).map((p) => p.id) });
  },
  async (c, r) => {
    const doc = r.pick(await lists.docs(c));
    const speaker = doc && r.pick(await c.invoke('documents.speakers', { id: doc.id }));
    return doc && speaker && c.invoke('documents.setSpeaker', { id: doc.id, speaker: speaker.speaker, role: r.pick(['interviewer', 'informant', 'unknown'] as const)!, informantId: null });
  },
  async (c, r) => { const doc = r.pick(await lists.docs(c)); return doc && c.invoke('documents.swapRoles', { ids: [doc.id] }); },
  // Deleting a transcript takes its turns by cascade; undo must bring every turn back.
  async (c, r) => { const doc = r.pick(await lists.docs(c)); return doc && c.invoke('documents.delete', { id: doc.id }); },
  async (c, r) => { const type = r.pick(await c.invoke('informantTypes.list', {})); return type && c.invoke('informants.create', { label: `X-${r.int(10000)}`, typeId: type.id, attributes: { city: 'Solo' } }); },
  async (c, r) => { const person = r.pick(await c.invoke('informants.list', {})); return person && c.invoke('informants.update', { id: person.id, name: r.name(), attributes: { city: r.next() < 0.5 ? 'Bandung' : null } }); },
  async (c, r) => { const person = r.pick(await c.invoke('informants.list', {})); return person && c.invoke('informants.delete', { id: person.id }); },
  (c, r) => c.invoke('redactions.add', { term: `Toko ${r.int(1000)}`, replacement: '[usaha]' }),
  async (c, r) => { const red = r.pick(await c.invoke('redactions.list', {})); return red && c.invoke('redactions.remove', { id: red.id }); },
];

describe('undo all, redo all', () => {
  let base: string;

  beforeAll(async () => {
    const client = await newProject('Peneliti A');
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    client.session.close();
    base = client.file;
  });

  /** The sample study, imported once, copied for each sequence. */
  async function copyOfBase(): Promise<LocalClient> {
    const file = path.join(tempDir(), 'study.tematik');
    fs.copyFileSync(base, file);
    const client = localClient({ coder: 'Peneliti A' });
    await client.invoke('project.open', { path: file });
    return client;
  }

  const liveSteps = (client: LocalClient) => client.session.store.db.prepare('SELECT count(*) FROM history_steps WHERE undone = 0').pluck().get() as number;

  it.each([1, 2, 3, 4, 5, 6])('a random sequence of 40 actions (seed %i) comes back to the start and forward to the end', async (seed) => {
    const r = random(seed);
    const client = await copyOfBase();
    const start = dump(client);
    const startFound = await found(client);
    const startSteps = liveSteps(client);
    const done: string[] = [];
    for (let i = 0; i < 40; i++) {
      const act = ACTS[r.int(ACTS.length)]!;
      try {
        if ((await act(client, r)) !== undefined) done.push(String(i));
      } catch (error) {
        // A random choice the rules refuse (merging a code into itself, a name taken): it must leave no trace.
        if (!(error instanceof TematikError) || error.kind === 'internal') throw error;
      }
    }
    const end = dump(client);
    const endFound = await found(client);
    expect(done.length).toBeGreaterThan(15);

    const made = liveSteps(client) - startSteps;
    for (let i = 0; i < made; i++) await client.invoke('history.undo', {});
    expect(dump(client)).toEqual(start);
    expect(await found(client)).toEqual(startFound);

    for (let i = 0; i < made; i++) await client.invoke('history.redo', {});
    expect((await client.invoke('history.state', {})).redo).toBeNull();
    expect(dump(client)).toEqual(end);
    expect(await found(client)).toEqual(endFound);

    // And back once more: a step redone records its way back again.
    for (let i = 0; i < made; i++) await client.invoke('history.undo', {});
    expect(dump(client)).toEqual(start);
    client.session.close();
  });

  it('undoes the import of a study with its sheet and redoes it, each turn still naming who spoke it', async () => {
    const client = await newProject('Peneliti A');
    const empty = dump(client);
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    const imported = dump(client);
    const mapped = (rows: unknown[]) => rows.filter((t) => (t as { informant_id: number | null }).informant_id !== null).length;
    expect(mapped(imported['turns']!)).toBeGreaterThan(100);
    // The mapping of turns inserted by the same step is not recorded: undo takes the transcripts and their turns with them.
    expect(client.session.store.db.prepare(`SELECT count(*) FROM history_ops WHERE table_name = 'turns'`).pluck().get()).toBe(0);
    await client.invoke('history.undo', {});
    expect(dump(client)).toEqual(empty);
    await client.invoke('history.redo', {});
    expect(dump(client)).toEqual(imported);
    await client.invoke('history.undo', {});
    expect(dump(client)).toEqual(empty);
    client.session.close();
  });

  it('undoes an import, turns and all, and redoes it', async () => {
    const client = await copyOfBase();
    const before = dump(client);
    const file = path.join(SAMPLE_STUDY, 'P-01_fashion.txt');
    const docs = await client.invoke('documents.list', {});
    await client.invoke('documents.delete', { id: docs.find((d) => d.sourceName === 'P-01_fashion.txt')!.id });
    await client.invoke('import.files', { paths: [file] });
    const imported = dump(client);
    expect(imported['turns']!.length).toBe(before['turns']!.length);
    await client.invoke('history.undo', {});
    await client.invoke('history.undo', {});
    expect(dump(client)).toEqual(before);
    await client.invoke('history.redo', {});
    await client.invoke('history.redo', {});
    expect(dump(client)).toEqual(imported);
    client.session.close();
  });
});
