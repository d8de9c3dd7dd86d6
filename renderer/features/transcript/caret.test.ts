import { describe, expect, it } from 'vitest';
import type { TurnId, Utf16Offset } from '../../../src/domain/ids';
import type { Turn } from '../../../src/domain/types';
import { buildBlocks } from './blocks';
import { caretCommand, clampCaret, linesOf, selectionSpan, step, turnStart } from './caret';

/** Two turns the way the importer stores them: the labels are text, but not rendered. */
const TEXT = 'Pewawancara: Bagaimana awalnya? Ceritakan.\nNarasumber: Kami pakai polling di Instagram Story 👍🏽 dulu. Co-creation itu penting! Harga Rp 50.000,00 cukup.';
const turn = (id: number, speaker: string, start: number, end: number): Turn => ({
  id: id as TurnId, seq: id, speaker, role: id === 1 ? 'interviewer' : 'informant', startMs: null, endMs: null,
  start: start as Utf16Offset, end: end as Utf16Offset,
});
const firstStart = TEXT.indexOf('Bagaimana');
const secondStart = TEXT.indexOf('Kami');
const blocks = buildBlocks(TEXT, [turn(1, 'Pewawancara', firstStart, TEXT.indexOf('\n')), turn(2, 'Narasumber', secondStart, TEXT.length)]);
const at = (s: string) => TEXT.indexOf(s);
const walk = (from: number, unit: Parameters<typeof step>[3], dir: 1 | -1, times: number) => {
  let o = from;
  for (let i = 0; i < times; i++) o = step(TEXT, blocks, o, unit, dir);
  return o;
};

describe('caret movement over the visible text', () => {
  it('moves by character and steps over the hidden speaker label as one step', () => {
    const endOfFirst = blocks[0]!.end;
    expect(step(TEXT, blocks, endOfFirst - 1, 'character', 1)).toBe(endOfFirst);
    expect(step(TEXT, blocks, endOfFirst, 'character', 1)).toBe(secondStart);
    expect(step(TEXT, blocks, secondStart, 'character', -1)).toBe(endOfFirst);
  });

  it('never splits an emoji with its skin tone (UTF-16 offsets stay on character boundaries)', () => {
    const emoji = at('👍🏽');
    const after = step(TEXT, blocks, emoji, 'character', 1);
    expect(after).toBe(emoji + '👍🏽'.length);
    expect(step(TEXT, blocks, after, 'character', -1)).toBe(emoji);
  });

  it('moves by word to word ends forward and word starts back, hyphenated words whole', () => {
    expect(walk(at('polling'), 'word', 1, 4)).toBe(at('Story') + 'Story'.length);
    expect(TEXT.slice(at('polling'), walk(at('polling'), 'word', 1, 4))).toBe('polling di Instagram Story');
    expect(TEXT.slice(at('Co-creation'), step(TEXT, blocks, at('Co-creation'), 'word', 1))).toBe('Co-creation');
    expect(step(TEXT, blocks, at('Instagram') + 3, 'word', -1)).toBe(at('Instagram'));
    // From the end of the first turn, the next word is in the next turn.
    expect(step(TEXT, blocks, blocks[0]!.end, 'word', 1)).toBe(secondStart + 'Kami'.length);
  });

  it('moves by sentence, not stopping at the full stops inside a number', () => {
    expect(TEXT.slice(secondStart, step(TEXT, blocks, secondStart, 'sentence', 1))).toBe('Kami pakai polling di Instagram Story 👍🏽 dulu.');
    const third = walk(secondStart, 'sentence', 1, 3);
    expect(TEXT.slice(at('Harga'), third)).toBe('Harga Rp 50.000,00 cukup.');
    expect(step(TEXT, blocks, at('penting!') + 3, 'sentence', -1)).toBe(at('Co-creation'));
    expect(step(TEXT, blocks, at('Co-creation'), 'sentence', -1)).toBe(secondStart);
  });

  it('moves by turn: to the end of this turn, then of the next; back to this turn start, then the previous', () => {
    expect(step(TEXT, blocks, firstStart + 3, 'turn', 1)).toBe(blocks[0]!.end);
    expect(step(TEXT, blocks, blocks[0]!.end, 'turn', 1)).toBe(TEXT.length);
    expect(step(TEXT, blocks, secondStart + 5, 'turn', -1)).toBe(secondStart);
    expect(step(TEXT, blocks, secondStart, 'turn', -1)).toBe(firstStart);
    expect(turnStart(blocks, firstStart + 2, 1)).toBe(secondStart);
    expect(turnStart(blocks, secondStart + 2, -1)).toBe(secondStart);
  });

  it('puts a caret outside the visible text onto it', () => {
    const lines = linesOf(blocks);
    expect(clampCaret(lines, 2)).toBe(firstStart);
    expect(clampCaret(lines, TEXT.indexOf('Narasumber'))).toBe(secondStart);
  });
});

describe('keyboard selection', () => {
  it('codes the ordered range without surrounding whitespace, and nothing when empty', () => {
    expect(selectionSpan(TEXT, { anchor: at('polling') + 7, focus: at('polling') - 1 })).toEqual({ start: at('polling'), end: at('polling') + 7 });
    expect(selectionSpan(TEXT, { anchor: 5, focus: 5 })).toBeNull();
  });

  it('maps the documented keys to units', () => {
    const key = (k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) =>
      caretCommand({ key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });
    expect(key('ArrowRight', { shiftKey: true })).toEqual({ extend: true, move: { unit: 'character', dir: 1 } });
    expect(key('ArrowLeft', { shiftKey: true, ctrlKey: true })).toEqual({ extend: true, move: { unit: 'word', dir: -1 } });
    expect(key('ArrowRight', { shiftKey: true, altKey: true })).toEqual({ extend: true, move: { unit: 'sentence', dir: 1 } });
    expect(key('ArrowDown', { shiftKey: true, ctrlKey: true })).toEqual({ extend: true, move: { unit: 'turn', dir: 1 } });
    expect(key('ArrowDown')).toEqual({ extend: false, move: 'next-turn' });
    expect(key('Home')).toEqual({ extend: false, move: 'turn-start' });
    expect(key('a')).toBeNull();
  });
});
