import { describe, expect, it } from 'vitest';
import type { TurnId, Utf16Offset } from '../../../src/domain/ids';
import type { SpeakerRole, Turn } from '../../../src/domain/types';
import { blockIndexAt, buildBlocks, segmentLine, visibleLines } from './blocks';

/** Turns the way the importer makes them: each covers only the utterance after `Name: `. */
function turnsOf(text: string): Turn[] {
  const turns: Turn[] = [];
  const re = /^(\w+): /gm;
  const starts: { speaker: string; at: number; line: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push({ speaker: m[1]!, at: m.index + m[0].length, line: m.index });
  starts.forEach((s, i) => {
    const end = (starts[i + 1]?.line ?? text.length);
    const role: SpeakerRole = s.speaker === 'Pewawancara' ? 'interviewer' : 'informant';
    turns.push({ id: (i + 1) as TurnId, seq: i, speaker: s.speaker, role, startMs: null, endMs: null, start: s.at as Utf16Offset, end: text.slice(0, end).trimEnd().length as Utf16Offset });
  });
  return turns;
}

const show = (text: string, spans: readonly { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('visibleLines', () => {
  it('drops blank lines and trims each line, keeping exact offsets', () => {
    const text = '  satu \r\n\r\n\tdua\n   \ntiga';
    expect(show(text, visibleLines(text, 0, text.length))).toEqual(['satu', 'dua', 'tiga']);
  });
  it('stays inside the range it is given', () => {
    const text = 'abc\ndef\nghi';
    expect(show(text, visibleLines(text, 5, 9))).toEqual(['ef', 'g']);
  });
});

describe('buildBlocks', () => {
  it('makes one block per turn and never shows the speaker labels between turns', () => {
    const text = 'Pewawancara: Apa kabar?\n\nNarasumber: Baik.\nLanjut lagi.\n';
    const blocks = buildBlocks(text, turnsOf(text));
    expect(blocks.map((b) => b.speaker)).toEqual(['Pewawancara', 'Narasumber']);
    expect(blocks.map((b) => b.role)).toEqual(['interviewer', 'informant']);
    expect(blocks.map((b) => b.paragraphs.map((p) => show(text, p)))).toEqual([[['Apa kabar?']], [['Baik.'], ['Lanjut lagi.']]]);
    expect(blocks.flatMap((b) => b.paragraphs.flat()).every((s) => !text.slice(s.start, s.end).includes(':'))).toBe(true);
  });
  it('marks the text before the first speaker as a preamble', () => {
    const text = 'Judul';
    const turn: Turn = { id: 1 as TurnId, seq: 0, speaker: '', role: 'unknown', startMs: null, endMs: null, start: 0 as Utf16Offset, end: 5 as Utf16Offset };
    expect(buildBlocks(text, [turn])[0]!.kind).toBe('preamble');
  });
  it('splits a document without turns into a paragraph per line', () => {
    const text = 'Satu.\nDua.\n\nTiga.';
    // Blank lines separate paragraphs here, so Satu and Dua (one line break apart) share a paragraph.
    expect(buildBlocks(text, []).map((b) => b.paragraphs.map((p) => show(text, p)))).toEqual([[['Satu.', 'Dua.']], [['Tiga.']]]);
    const flat = 'Satu.\nDua.\nTiga.';
    expect(buildBlocks(flat, []).map((b) => show(flat, b.paragraphs.flat()))).toEqual([['Satu.'], ['Dua.'], ['Tiga.']]);
  });
  it('cuts very long hard-wrapped paragraphs into several blocks', () => {
    const text = `${Array.from({ length: 60 }, (_, i) => `baris ${i}`).join('\n')}\n\nakhir`;
    const blocks = buildBlocks(text, []);
    expect(blocks.length).toBe(4);
    expect(blocks.every((b) => b.paragraphs.flat().length <= 24)).toBe(true);
  });
  it('keeps keys unique', () => {
    const text = 'a\nb\nc';
    const keys = buildBlocks(text, []).map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('blockIndexAt', () => {
  const text = 'Pewawancara: satu\nNarasumber: dua\nPewawancara: tiga';
  const blocks = buildBlocks(text, turnsOf(text));
  it('finds the block holding an offset', () => {
    expect(blockIndexAt(blocks, text.indexOf('dua') + 1)).toBe(1);
    expect(blockIndexAt(blocks, 0)).toBe(0);
  });
  it('gives the next block for an offset in a speaker label', () => {
    expect(blockIndexAt(blocks, text.indexOf('Narasumber'))).toBe(1);
  });
  it('gives the last block past the end', () => {
    expect(blockIndexAt(blocks, text.length + 10)).toBe(2);
  });
});

describe('segmentLine', () => {
  it('leaves uncoded text whole', () => {
    expect(segmentLine({ start: 0, end: 10 }, [])).toEqual([{ start: 0, end: 10, codingIds: [] }]);
  });
  it('cuts at every boundary and lists covering codings innermost first', () => {
    const segments = segmentLine({ start: 0, end: 20 }, [
      { id: 1, start: 2, end: 15 },
      { id: 2, start: 5, end: 10 },
      { id: 3, start: 30, end: 40 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 2, codingIds: [] },
      { start: 2, end: 5, codingIds: [1] },
      { start: 5, end: 10, codingIds: [2, 1] },
      { start: 10, end: 15, codingIds: [1] },
      { start: 15, end: 20, codingIds: [] },
    ]);
  });
  it('handles codings that run past the line on both sides', () => {
    expect(segmentLine({ start: 10, end: 20 }, [{ id: 7, start: 0, end: 99 }])).toEqual([{ start: 10, end: 20, codingIds: [7] }]);
  });
});
