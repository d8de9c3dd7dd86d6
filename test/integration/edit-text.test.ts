import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { localClient, type LocalClient } from '../../src/api/client';
import type { DocumentId, Utf16Offset } from '../../src/domain/ids';
import { isGraphemeBoundary, type TextEdit } from '../../src/domain/text-edits';
import { random } from '../bench/corpus';
import { dumpTables } from '../helpers/table-dump';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { onPostgres, publishedTeamProject, storedFile } from '../helpers/test-store';

const clients: LocalClient[] = [];
afterEach(() => { for (const c of clients.splice(0)) c.session.close(); });

async function workedStudy() {
  const client = localClient({ coder: 'Peneliti A', host: { kind: 'cli', dataDir: tempDir('tematik-data-'), sampleDir: SAMPLE_STUDY } });
  clients.push(client);
  const info = await client.invoke('app.openSample', { variant: 'worked' });
  if (!onPostgres()) return { ...client, file: info.path };
  // On PostgreSQL: the sample published to the team server, as a team starts from it.
  client.session.close();
  const team = await publishedTeamProject(info.path, 'Peneliti A');
  clients.push(team);
  return team;
}

/** One coding, read as the transcript view reads them. */
async function codingOf(invoke: LocalClient['invoke'], documentId: DocumentId, id: number) {
  return (await invoke('codings.forDocument', { documentId })).find((c) => c.id === id);
}

/** The informant a turn speaks for: documents.get reads it with the turn, the Turn type leaves it out. */
const informantOf = (turn: object): unknown => (turn as { informantId?: unknown }).informantId;

const edit = (start: number, end: number, text: string): TextEdit => ({ start: start as Utf16Offset, end: end as Utf16Offset, text });

/** Every coding's quote is its text, every range lies on whole characters inside the text, every turn too. */
async function assertAnchored(invoke: LocalClient['invoke'], documentId: DocumentId, context = ''): Promise<void> {
  const doc = await invoke('documents.get', { id: documentId });
  for (const coding of await invoke('codings.forDocument', { documentId })) {
    expect(coding.end, `coding ${coding.id}`).toBeGreaterThan(coding.start);
    expect(coding.end).toBeLessThanOrEqual(doc.text.length);
    expect(doc.text.slice(coding.start, coding.end), `coding ${coding.id} ${context}`).toBe(coding.quote);
    expect(isGraphemeBoundary(doc.text, coding.start) && isGraphemeBoundary(doc.text, coding.end), `coding ${coding.id}`).toBe(true);
  }
  doc.turns.forEach((turn, seq) => {
    expect(turn.seq).toBe(seq);
    expect(turn.end).toBeGreaterThanOrEqual(turn.start);
    expect(turn.end).toBeLessThanOrEqual(doc.text.length);
  });
}

describe('editing a coded transcript', () => {
  it('moves codings, quotes, turns, exemplars and memos with the text, and one undo puts every table back', async () => {
    const { invoke, file } = await workedStudy();
    const themes = await invoke('themes.list', {});
    const exemplarId = themes[0]!.exemplarCodingId!;
    let exemplar;
    for (const doc of await invoke('documents.list', {})) exemplar ??= await codingOf(invoke, doc.id, exemplarId);
    if (!exemplar) throw new Error('the worked study has an exemplar');
    const documentId = exemplar.documentId;
    const before = await invoke('documents.get', { id: documentId });
    const codings = await invoke('codings.forDocument', { documentId });
    // A coding after the exemplar whose whole text will be deleted, with a memo on it.
    const doomed = codings.find((c) => c.start > exemplar.end && !codings.some((o) => o.id !== c.id && o.start < c.end && c.start < o.end))!;
    const memo = await invoke('memos.create', { title: 'Catatan', body: 'Penting', target: { kind: 'coding', id: doomed.id } });
    const dumpBefore = dumpTables(await storedFile(file));

    // A word typed strictly inside the exemplar, and the doomed coding's text deleted.
    const inside = exemplar.start + exemplar.quote.indexOf(' ') + 1;
    const result = await invoke('documents.editText', {
      id: documentId, expectedHash: before.contentHash,
      edits: [edit(inside, inside, 'sungguh '), edit(doomed.start, doomed.end, '')],
    });
    expect(result.changed).toBe(true);
    expect(result.codingsRemoved.map((c) => [c.id, c.quote, c.reason])).toEqual([[doomed.id, doomed.quote, 'deleted']]);
    expect(result.codingsRemoved[0]!.codeName).toBe((await invoke('codes.list', {})).find((c) => c.id === doomed.codeId)!.name);

    const moved = (await codingOf(invoke, documentId, exemplar.id))!;
    expect(moved.quote).toBe(`${exemplar.quote.slice(0, inside - exemplar.start)}sungguh ${exemplar.quote.slice(inside - exemplar.start)}`);
    expect((await invoke('themes.list', {}))[0]!.exemplarCodingId).toBe(exemplar.id);
    expect((await invoke('memos.list', {})).some((m) => m.id === memo.id)).toBe(false);
    await assertAnchored(invoke, documentId);
    const after = await invoke('documents.get', { id: documentId });
    expect(after.contentHash).toBe(result.contentHash);
    expect(after.wordCount).toBe(before.wordCount + 1 - doomed.quote.split(/\s+/).filter(Boolean).length);
    // The search index has the new word at its place.
    const hits = await invoke('search.query', { query: '"sungguh"' });
    expect(hits.hits.some((h) => h.documentId === documentId)).toBe(true);

    const dumpAfter = dumpTables(await storedFile(file));
    const state = await invoke('history.undo', {});
    expect(state.redoAction).toBe('documents.editText');
    expect(dumpTables(await storedFile(file))).toEqual(dumpBefore);
    expect((await invoke('memos.list', {})).find((m) => m.id === memo.id)?.body).toBe('Penting');
    await invoke('history.redo', {});
    expect(dumpTables(await storedFile(file))).toEqual(dumpAfter);
  });

  it('refuses an edit made against an older text, and a text changed behind the codings’ back', async () => {
    const { invoke, file } = await workedStudy();
    const [doc] = await invoke('documents.list', {});
    const current = await invoke('documents.get', { id: doc!.id });
    await invoke('documents.editText', { id: doc!.id, expectedHash: current.contentHash, edits: [edit(0, 0, 'x')] });
    const dump = dumpTables(await storedFile(file));
    await expect(invoke('documents.editText', { id: doc!.id, expectedHash: current.contentHash, edits: [edit(0, 0, 'y')] }))
      .rejects.toThrow(/was changed since you opened it.*Reload the transcript/);
    expect(dumpTables(await storedFile(file))).toEqual(dump);

    clients.splice(0).forEach((c) => c.session.close());
    const db = new Database(await storedFile(file));
    try {
      expect(() => db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('lost', doc!.id)).toThrow(/changed without its content hash/);
    } finally {
      db.close();
    }
  });

  it('keeps a coding at the very end when text is appended, and never extends a coding at its boundary', async () => {
    const { invoke } = await workedStudy();
    const [doc] = await invoke('documents.list', {});
    const { text, contentHash } = await invoke('documents.get', { id: doc!.id });
    const end = text.length as Utf16Offset;
    const tail = await invoke('codings.apply', { documentId: doc!.id, start: (end - 5) as Utf16Offset, end, codeName: 'ujung' });
    const [first] = await invoke('codings.forDocument', { documentId: doc!.id });
    const result = await invoke('documents.editText', {
      id: doc!.id, expectedHash: contentHash, edits: [edit(first!.start, first!.start, '[awal] '), edit(first!.end, first!.end, ' [akhir]'), edit(end, end, ' Selesai.')],
    });
    expect(result.codingsRemoved).toEqual([]);
    expect((await codingOf(invoke, doc!.id, tail.id))!.quote).toBe(tail.quote);
    expect((await codingOf(invoke, doc!.id, first!.id))!.quote).toBe(first!.quote);
    await assertAnchored(invoke, doc!.id);
  });
});

describe('splitting, joining and relabelling turns', () => {
  it('splits a turn at the caret, joins it back, relabels it, each one undo step that puts every table back', async () => {
    const { invoke, file } = await workedStudy();
    const documents = await invoke('documents.list', {});
    const group = documents.find((d) => d.title.startsWith('KP-01'))!;
    let doc = await invoke('documents.get', { id: group.id });
    const turn = doc.turns.find((t) => t.role === 'informant' && t.end - t.start > 80)!;
    const dump = dumpTables(await storedFile(file));
    const caret = doc.text.indexOf(' ', turn.start + 40) + 1;
    const firstWords = doc.text.slice(turn.start, caret).trimEnd();
    const rest = doc.text.slice(caret, turn.end);
    const speech = doc.text.slice(turn.start, turn.end);

    await invoke('documents.splitTurn', { id: group.id, turnId: turn.id, at: caret as Utf16Offset, expectedHash: doc.contentHash });
    doc = await invoke('documents.get', { id: group.id });
    const first = doc.turns.find((t) => t.id === turn.id)!;
    const second = doc.turns[first.seq + 1]!;
    expect(doc.text.slice(first.start, first.end)).toBe(firstWords);
    expect(doc.text.slice(second.start, second.end)).toBe(rest);
    expect([second.speaker, second.role, informantOf(second), second.startMs]).toEqual([turn.speaker, turn.role, informantOf(turn), null]);
    expect(first.startMs).toBe(turn.startMs);
    expect(doc.text.slice(first.end, second.start)).toBe(`\n${turn.speaker}: `);
    await assertAnchored(invoke, group.id);
    const split = dumpTables(await storedFile(file));
    await invoke('history.undo', {});
    expect(dumpTables(await storedFile(file))).toEqual(dump);
    await invoke('history.redo', {});
    expect(dumpTables(await storedFile(file))).toEqual(split);

    doc = await invoke('documents.get', { id: group.id });
    await invoke('documents.joinTurns', { id: group.id, turnId: turn.id, expectedHash: doc.contentHash });
    doc = await invoke('documents.get', { id: group.id });
    const joined = doc.turns.find((t) => t.id === turn.id)!;
    expect(doc.text.slice(joined.start, joined.end)).toBe(`${firstWords} ${rest}`);
    expect(doc.turns).toHaveLength(group.turnCount);
    await assertAnchored(invoke, group.id);
    await invoke('history.undo', {});
    expect(dumpTables(await storedFile(file))).toEqual(split);
    await invoke('history.undo', {});
    expect(dumpTables(await storedFile(file))).toEqual(dump);

    // Relabelled as the other speaker of the group interview: the label in the text and the turn's informant follow.
    doc = await invoke('documents.get', { id: group.id });
    const other = doc.turns.find((t) => t.role === 'informant' && t.speaker !== turn.speaker)!;
    await invoke('documents.setTurnSpeaker', { id: group.id, turnId: turn.id, speaker: other.speaker, expectedHash: doc.contentHash });
    doc = await invoke('documents.get', { id: group.id });
    const relabelled = doc.turns.find((t) => t.id === turn.id)!;
    expect([relabelled.speaker, relabelled.role, informantOf(relabelled)]).toEqual([other.speaker, 'informant', informantOf(other)]);
    expect(doc.text.slice(doc.text.lastIndexOf('\n', relabelled.start) + 1, relabelled.start)).toContain(`${other.speaker}:`);
    expect(doc.text.slice(relabelled.start, relabelled.end)).toBe(speech);
    await assertAnchored(invoke, group.id);
    await invoke('history.undo', {});
    expect(dumpTables(await storedFile(file))).toEqual(dump);

    await expect(invoke('documents.splitTurn', { id: group.id, turnId: turn.id, at: turn.start, expectedHash: doc.contentHash })).rejects.toThrow(/changed since/);
    const now = await invoke('documents.get', { id: group.id });
    await expect(invoke('documents.splitTurn', { id: group.id, turnId: turn.id, at: turn.start, expectedHash: now.contentHash })).rejects.toThrow(/inside its text/);
    await expect(invoke('documents.setTurnSpeaker', { id: group.id, turnId: turn.id, speaker: 'Bu: Rina', expectedHash: now.contentHash })).rejects.toThrow(/without ":"/);
  });
});

describe('replacing a transcript with a corrected version', () => {
  it('re-imports a corrected .docx: codings carried over, those whose text is gone listed first and removed, one undo step', async () => {
    const { invoke, file } = await workedStudy();
    const documents = await invoke('documents.list', {});
    const target = documents.find((d) => d.title.startsWith('P-01'))!;
    const doc = await invoke('documents.get', { id: target.id });
    const codings = await invoke('codings.forDocument', { documentId: target.id });
    // The corrected version: a word fixed inside one coded passage, another coded passage's sentence cut, a line added.
    const fixed = codings[0]!;
    const word = /\p{L}{4,}/u.exec(fixed.quote)!;
    const cut = codings.find((c) => c.start > fixed.end + 10 && !codings.some((o) => o.id !== c.id && o.start < c.end && c.start < o.end))!;
    let text = doc.text;
    text = text.slice(0, cut.start) + text.slice(cut.end);
    const at = fixed.start + word.index;
    text = `${text.slice(0, at)}${word[0].toUpperCase()}${text.slice(at + word[0].length)}`;
    text = `${text}\nCatatan: transkrip sudah diperiksa ulang.`;
    const corrected = path.join(tempDir('tematik-corrected-'), 'P-01_fashion_revisi.docx');
    fs.writeFileSync(corrected, await Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] })));
    const dump = dumpTables(await storedFile(file));

    const plan = await invoke('documents.replacePlan', { id: target.id, file: corrected });
    expect(plan.unchanged).toBe(false);
    expect(plan.expectedHash).toBe(doc.contentHash);
    expect(plan.codingsUnplaced.map((c) => [c.id, c.quote])).toEqual([[cut.id, cut.quote]]);
    expect(plan.codingsChanged.find((c) => c.id === fixed.id)?.after).toContain(word[0].toUpperCase());
    expect(plan.codingsKept).toBe(codings.length - 1);
    expect(dumpTables(await storedFile(file))).toEqual(dump);

    const result = await invoke('documents.replaceText', { id: target.id, file: corrected, expectedHash: plan.expectedHash });
    expect(result.codingsRemoved.map((c) => c.id)).toEqual([cut.id]);
    const after = await invoke('documents.get', { id: target.id });
    expect(after.text).toBe(text.replace(/[ \t]+$/gmu, ''));
    expect(after.sourceName).toBe('P-01_fashion_revisi.docx');
    expect(after.format).toBe('docx');
    for (const coding of codings.filter((c) => c.id !== cut.id && c.id !== fixed.id)) {
      expect((await codingOf(invoke, target.id, coding.id))?.quote, `coding ${coding.id}`).toBe(coding.quote);
    }
    expect((await codingOf(invoke, target.id, fixed.id))!.quote).toContain(word[0].toUpperCase());
    expect(after.turns.length).toBe(plan.turnsAfter);
    // Speakers keep who they were: the informant's turns still speak for the informant.
    const informantTurns = (turns: typeof doc.turns) => turns.filter((t) => t.role === 'informant').map((t) => [t.speaker, informantOf(t)]);
    expect(new Set(informantTurns(after.turns).map(String))).toEqual(new Set(informantTurns(doc.turns).map(String)));
    await assertAnchored(invoke, target.id);

    await invoke('history.undo', {});
    expect(dumpTables(await storedFile(file))).toEqual(dump);
    await expect(invoke('documents.replaceText', { id: target.id, file: corrected, expectedHash: result.contentHash })).rejects.toThrow(/changed since/);
  });

  it('refuses a file that is not a version of the transcript, naming both', async () => {
    const { invoke } = await workedStudy();
    const documents = await invoke('documents.list', {});
    const target = documents.find((d) => d.title.startsWith('P-01'))!;
    const other = path.join(tempDir('tematik-corrected-'), 'lain.txt');
    fs.writeFileSync(other, Array.from({ length: 4000 }, (_, i) => `Baris ${i} yang sama sekali lain ${i * 7}.`).join('\n'));
    await expect(invoke('documents.replacePlan', { id: target.id, file: other })).rejects.toThrow(/"lain.txt" differs from "P-01[^"]*" in more than 3,000 places/);
  });
});

const INSERTS = ['', 'x', 'kata baru ', '👍🏽', 'e\u0301', '\u{1F469}\u200D\u{1F4BB} ', '\n', 'Rp 50.000'];

/**
 * Edits aimed where mapping goes wrong: at coding and turn boundaries, just inside and outside them,
 * across them, at 0 and at the end, and at random; inserts, deletes and replaces, emoji among the texts.
 */
function randomEdits(next: () => number, text: string, anchors: readonly number[]): TextEdit[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const point = (): number => {
    const roll = next();
    if (roll < 0.1) return 0;
    if (roll < 0.2) return text.length;
    if (roll < 0.7 && anchors.length > 0) return Math.min(text.length, Math.max(0, pick(anchors) + pick([-1, 0, 0, 1])));
    return Math.floor(next() * (text.length + 1));
  };
  const edits: TextEdit[] = [];
  const count = 1 + Math.floor(next() * 3);
  const points = Array.from({ length: count * 2 }, point).sort((x, y) => x - y);
  for (let i = 0; i < count; i++) {
    const start = points[i * 2]!;
    const end = next() < 0.4 ? start : points[i * 2 + 1]!;
    const previous = edits[edits.length - 1];
    if (previous && (start < previous.end || start === previous.start)) continue;
    edits.push(edit(start, end, pick(INSERTS)));
  }
  return edits;
}

describe('property: random edits, then undone', () => {
  it('leave every table as it was, and keep every anchor on whole characters inside the text after each edit', async () => {
    const { invoke, file } = await workedStudy();
    const documents = await invoke('documents.list', {});
    const next = random(15_2026);
    const seen = { removed: 0, shrunk: 0, turnsRemoved: 0, widened: 0 };
    for (let round = 0; round < 60; round++) {
      const doc = documents[round % documents.length]!;
      const dump = dumpTables(await storedFile(file));
      let steps = 0;
      for (let k = 0; k < 3; k++) {
        const current = await invoke('documents.get', { id: doc.id });
        const codings = await invoke('codings.forDocument', { documentId: doc.id });
        const anchors = [...codings.flatMap((c) => [c.start, c.end]), ...current.turns.flatMap((t) => [t.start, t.end])];
        const edits = randomEdits(next, current.text, anchors);
        const context = `round ${round} step ${k}: ${JSON.stringify(edits)}`;
        const result = await invoke('documents.editText', { id: doc.id, expectedHash: current.contentHash, edits });
        if (result.changed) steps++;
        seen.removed += result.codingsRemoved.length;
        seen.shrunk += result.codingsShrunk;
        seen.turnsRemoved += result.turnsRemoved;
        if (edits.some((e) => !isGraphemeBoundary(current.text, e.start) || !isGraphemeBoundary(current.text, e.end))) seen.widened++;
        const removed = new Set(result.codingsRemoved.map((c) => c.id));
        const left = await invoke('codings.forDocument', { documentId: doc.id });
        expect(left.map((c) => c.id).sort(), context).toEqual(codings.map((c) => c.id).filter((id) => !removed.has(id)).sort());
        await assertAnchored(invoke, doc.id, `${context} ${JSON.stringify(codings.map((c) => [c.id, c.start, c.end]))}`);
      }
      for (let k = 0; k < steps; k++) await invoke('history.undo', {});
      expect(dumpTables(await storedFile(file)), `round ${round}`).toEqual(dump);
    }
    // The cases the property is about did occur.
    expect(seen.removed).toBeGreaterThan(0);
    expect(seen.shrunk).toBeGreaterThan(0);
    expect(seen.widened).toBeGreaterThan(0);
  }, 120_000);
});
