import { describe, expect, it } from 'vitest';
import type { Utf16Offset } from '../../../src/domain/ids';
import { applyEdits, diffEdit, isGraphemeBoundary, normaliseEdits, offsetMapper, type TextEdit } from '../../../src/domain/text-edits';

const edit = (start: number, end: number, text: string): TextEdit => ({ start: start as Utf16Offset, end: end as Utf16Offset, text });

/** The coding's range and the words under it after `edits` of `text`, or undefined when it is gone. */
function coded(text: string, range: [number, number], ...edits: TextEdit[]): string | undefined {
  const normalised = normaliseEdits(text, 'T', edits);
  const after = applyEdits(text, normalised);
  const moved = offsetMapper(normalised).range(range[0], range[1], 'exclusive');
  return moved && after.slice(moved.start, moved.end);
}

describe('mapping a coding through edits', () => {
  const text = 'Kami jual kopi di pasar pagi.';
  // "jual kopi" is [5, 14).
  const kopi: [number, number] = [5, 14];

  it('keeps the coding on the same words when text is inserted or deleted before it', () => {
    expect(coded(text, kopi, edit(0, 0, 'Dulu '))).toBe('jual kopi');
    expect(coded(text, kopi, edit(0, 5, ''))).toBe('jual kopi');
  });

  it('does not extend the coding with text inserted exactly at its start or end', () => {
    expect(coded(text, kopi, edit(5, 5, 'biasa '))).toBe('jual kopi');
    expect(coded(text, kopi, edit(14, 14, ' susu'))).toBe('jual kopi');
  });

  it('extends the coding with text inserted strictly inside it', () => {
    expect(coded(text, kopi, edit(10, 10, 'es '))).toBe('jual es kopi');
  });

  it('shrinks a coding partly deleted, at either end', () => {
    expect(coded(text, kopi, edit(3, 7, ''))).toBe('al kopi');
    expect(coded(text, kopi, edit(12, 18, ''))).toBe('jual ko');
  });

  it('shrinks to the kept part when a replaced selection spans its boundary', () => {
    expect(coded(text, kopi, edit(0, 7, 'Saya ju'))).toBe('al kopi');
    expect(coded(text, kopi, edit(12, 17, 'ta'))).toBe('jual ko');
  });

  it('takes the new text of a replacement inside it, at its start, and of exactly its words', () => {
    expect(coded(text, kopi, edit(10, 14, 'teh'))).toBe('jual teh');
    expect(coded(text, kopi, edit(5, 6, 'J'))).toBe('Jual kopi');
    expect(coded(text, kopi, edit(5, 14, 'menjual kopi'))).toBe('menjual kopi');
  });

  it('removes a coding whose text is wholly deleted, or replaced together with text around it', () => {
    expect(coded(text, kopi, edit(5, 14, ''))).toBeUndefined();
    expect(coded(text, kopi, edit(4, 15, ' '))).toBeUndefined();
    expect(coded(text, kopi, edit(0, 20, 'Kami '))).toBeUndefined();
  });

  it('keeps a coding that ends at the end of the text when text is appended', () => {
    const end: [number, number] = [18, text.length];
    expect(coded(text, end, edit(text.length, text.length, ' Ramai.'))).toBe('pasar pagi.');
  });

  it('edits at offset 0 and at the end move nothing they should not', () => {
    const whole: [number, number] = [0, text.length];
    expect(coded(text, whole, edit(0, 0, '» '), edit(text.length, text.length, ' «'))).toBe(text);
    expect(coded(text, whole, edit(0, 5, ''))).toBe(text.slice(5));
  });

  it('composes several edits of one call, all against the text before them', () => {
    expect(coded(text, kopi, edit(0, 4, 'Kita'), edit(10, 10, 'es '), edit(18, 23, 'warung'))).toBe('jual es kopi');
    const after = applyEdits(text, normaliseEdits(text, 'T', [edit(18, 23, 'warung'), edit(0, 4, 'Kita')]));
    expect(after).toBe('Kita jual kopi di warung pagi.');
  });

  it('moves a turn inclusively: text typed at its end is still its speech', () => {
    const mapper = offsetMapper(normaliseEdits(text, 'T', [edit(14, 14, ' susu')]));
    expect(mapper.range(5, 14, 'inclusive')).toEqual({ start: 5, end: 19 });
    expect(mapper.range(5, 14, 'exclusive')).toEqual({ start: 5, end: 14 });
  });
});

describe('characters at the edge of an edit', () => {
  // "Kopi ☕️ enak 👍🏽 sekali, café" with é written as e + U+0301.
  const text = 'Kopi \u2615\uFE0F enak \u{1F44D}\u{1F3FD} sekali, cafe\u0301';

  it('knows where a character ends', () => {
    const thumb = text.indexOf('\u{1F44D}');
    expect(isGraphemeBoundary(text, thumb)).toBe(true);
    expect(isGraphemeBoundary(text, thumb + 1)).toBe(false); // between the halves of 👍
    expect(isGraphemeBoundary(text, thumb + 2)).toBe(false); // before the skin tone
    expect(isGraphemeBoundary(text, thumb + 4)).toBe(true);
    expect(isGraphemeBoundary(text, text.length - 1)).toBe(false); // before the combining accent
    expect(isGraphemeBoundary(text, text.indexOf('\uFE0F'))).toBe(false);
  });

  it('widens an edit that cuts a character to the whole character, keeping what stands on its own and dropping half an emoji', () => {
    const thumb = text.indexOf('\u{1F44D}');
    // Only the skin tone deleted: the thumb stays.
    expect(normaliseEdits(text, 'T', [edit(thumb + 2, thumb + 4, '')])).toEqual([{ start: thumb, end: thumb + 4, text: '\u{1F44D}' }]);
    // The emoji's second half replaced: the whole emoji goes, the skin tone stays.
    expect(normaliseEdits(text, 'T', [edit(thumb + 1, thumb + 2, 'x')])).toEqual([{ start: thumb, end: thumb + 4, text: 'x\u{1F3FD}' }]);
    // Only the accent deleted: the letter stays.
    const accent = normaliseEdits(text, 'T', [edit(text.length - 1, text.length, '')]);
    expect(accent).toEqual([{ start: text.length - 2, end: text.length, text: 'e' }]);
    expect(applyEdits(text, accent).endsWith('cafe')).toBe(true);
  });

  it('moves an insertion inside a character to its end, so the accent stays on its letter', () => {
    const e = text.length - 2;
    const [moved] = normaliseEdits(text, 'T', [edit(e + 1, e + 1, 's')]);
    expect(moved).toEqual({ start: text.length, end: text.length, text: 's' });
    expect(applyEdits(text, [moved!]).endsWith('cafe\u0301s')).toBe(true);
  });

  it('refuses new text holding half an emoji', () => {
    expect(() => normaliseEdits(text, 'P-01', [edit(0, 0, '\uD83D')])).toThrow(/holds half a character/);
  });

  it('never leaves a coding ending inside a character', () => {
    const thumb = text.indexOf('\u{1F44D}');
    const edits = normaliseEdits(text, 'T', [edit(thumb + 2, thumb + 4, '')]);
    const after = applyEdits(text, edits);
    const range = offsetMapper(edits).range(0, thumb + 4, 'exclusive')!;
    expect(isGraphemeBoundary(after, range.end)).toBe(true);
    expect(after.slice(range.start, range.end)).toBe(text.slice(0, thumb + 2));
  });

  it('diffs a changed turn into one edit on whole characters', () => {
    expect(diffEdit('ada 👍 di sini', 'ada 👎 di sini', 100)).toEqual({ start: 104, end: 106, text: '👎' });
    expect(diffEdit('cafe\u0301', 'cafe', 0)).toEqual({ start: 3, end: 5, text: 'e' });
    expect(diffEdit('sama', 'sama')).toBeUndefined();
    expect(diffEdit('jual kopi', 'jual es kopi')).toEqual({ start: 5, end: 5, text: 'es ' });
  });
});

describe('refusals', () => {
  const text = 'abc def';
  it('refuses edits outside the text, reversed, overlapping or at the same place', () => {
    expect(() => normaliseEdits(text, 'P-01', [edit(2, 9, '')])).toThrow(/outside "P-01" \(7 characters\)/);
    expect(() => normaliseEdits(text, 'P-01', [edit(3, 2, '')])).toThrow(/ends before it starts/);
    expect(() => normaliseEdits(text, 'P-01', [edit(0, 4, ''), edit(3, 5, 'x')])).toThrow(/overlap/);
    expect(() => normaliseEdits(text, 'P-01', [edit(3, 3, 'x'), edit(3, 3, 'y')])).toThrow(/same place/);
    expect(() => normaliseEdits(text, 'P-01', [edit(3, 3, 'x'), edit(3, 5, 'y')])).toThrow(/same place/);
  });

  it('accepts edits that touch end to start, and drops empty ones', () => {
    expect(normaliseEdits(text, 'P-01', [edit(4, 7, 'DEF'), edit(0, 4, ''), edit(2, 2, '')])).toEqual([edit(0, 4, ''), edit(4, 7, 'DEF')]);
  });
});
