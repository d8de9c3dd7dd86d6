// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { isCharBoundary } from '../../../src/domain/offsets';
import { expandToWords, offsetsToRange, offsetToPoint, pointToOffset, rangeToOffsets, snapToCharacter } from './selection-offsets';

/**
 * Builds the DOM the reader renders for `Name: utterance` lines: a gutter with the
 * speaker, then the utterance as text spans cut at `cuts` (absolute offsets), the way
 * coding boundaries cut them.
 */
function render(text: string, cuts: readonly number[] = []): HTMLElement {
  const root = document.createElement('div');
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon !== -1) {
      const turn = document.createElement('article');
      const gutter = document.createElement('div');
      gutter.textContent = line.slice(0, colon);
      const p = document.createElement('p');
      const from = lineStart + colon + 2;
      const to = lineStart + line.length;
      const points = [from, ...cuts.filter((c) => c > from && c < to), to];
      for (let i = 0; i + 1 < points.length; i++) {
        const span = document.createElement('span');
        span.setAttribute('data-start', String(points[i]));
        span.setAttribute('data-end', String(points[i + 1]));
        span.textContent = text.slice(points[i], points[i + 1]);
        p.append(span);
      }
      turn.append(gutter, p);
      root.append(turn);
    }
    lineStart += line.length + 1;
  }
  document.body.append(root);
  return root;
}

const spans = (root: Element) => [...root.querySelectorAll('[data-start]')];
const textOf = (root: Element, i: number) => spans(root)[i]!.firstChild!;
const range = (startContainer: Node, startOffset: number, endContainer: Node, endOffset: number) => ({ startContainer, startOffset, endContainer, endOffset });

beforeEach(() => { document.body.innerHTML = ''; });

describe('rangeToOffsets', () => {
  const text = 'Pewawancara: Apa kabar, Mbak?\nNarasumber: Baik sekali, terima kasih.';

  it('maps a selection inside one span', () => {
    const root = render(text);
    const got = rangeToOffsets(root, text, range(textOf(root, 0), 4, textOf(root, 0), 9))!;
    expect(text.slice(got.start, got.end)).toBe('kabar');
  });

  it('maps a selection across two turns to one range that includes the label between them', () => {
    const root = render(text);
    const got = rangeToOffsets(root, text, range(textOf(root, 0), 4, textOf(root, 1), 4))!;
    expect(got).toEqual({ start: text.indexOf('kabar'), end: text.indexOf('Baik') + 4 });
    expect(text.slice(got.start, got.end)).toBe('kabar, Mbak?\nNarasumber: Baik');
  });

  it('maps a selection ending at a span boundary, as a text offset or as a child index', () => {
    const sekali = text.indexOf('sekali');
    const root = render(text, [sekali, sekali + 6]);
    const coded = spans(root)[2]!;
    expect(coded.textContent).toBe('sekali');
    const atTextEnd = rangeToOffsets(root, text, range(coded.firstChild!, 0, coded.firstChild!, 6))!;
    expect(text.slice(atTextEnd.start, atTextEnd.end)).toBe('sekali');
    const asChildIndex = rangeToOffsets(root, text, range(coded.parentNode!, 1, coded.parentNode!, 2))!;
    expect(asChildIndex).toEqual(atTextEnd);
    // The end of one span and the start of the next are the same offset.
    expect(pointToOffset(root, { node: spans(root)[1]!.firstChild!, offset: spans(root)[1]!.textContent!.length }, 'end')).toBe(sekali);
  });

  it('maps a selection over several spans of one line', () => {
    const sekali = text.indexOf('sekali');
    const root = render(text, [sekali, sekali + 6]);
    const got = rangeToOffsets(root, text, range(textOf(root, 1), 0, textOf(root, 3), 8))!;
    expect(text.slice(got.start, got.end)).toBe('Baik sekali, terima');
  });

  it('moves a start in a speaker label to the text after it, and an end in one to the text before it', () => {
    const root = render(text);
    const labels = root.querySelectorAll('article > div');
    const fromLabel = rangeToOffsets(root, text, range(labels[1]!.firstChild!, 2, textOf(root, 1), 4))!;
    expect(text.slice(fromLabel.start, fromLabel.end)).toBe('Baik');
    const toLabel = rangeToOffsets(root, text, range(textOf(root, 0), 4, labels[1]!.firstChild!, 3))!;
    expect(text.slice(toLabel.start, toLabel.end)).toBe('kabar, Mbak?');
  });

  it('never starts a range in the hidden text after a line or ends one in the hidden text before a line', () => {
    const root = render(text);
    const first = textOf(root, 0);
    const second = textOf(root, 1);
    // Dragging from the end of the first turn into the second: no "\nNarasumber: " at the start.
    const fromLineEnd = rangeToOffsets(root, text, range(first, first.textContent!.length, second, 4))!;
    expect(text.slice(fromLineEnd.start, fromLineEnd.end)).toBe('Baik');
    // Dragging backwards from the start of the second turn into the first: no label at the end.
    const toLineStart = rangeToOffsets(root, text, range(first, 4, second, 0))!;
    expect(text.slice(toLineStart.start, toLineStart.end)).toBe('kabar, Mbak?');
  });

  it('keeps adjacent spans of one line apart from that rule', () => {
    const sekali = text.indexOf('sekali');
    const root = render(text, [sekali]);
    const before = spans(root)[1]!.firstChild!;
    expect(pointToOffset(root, { node: before, offset: before.textContent!.length }, 'start')).toBe(sekali);
    expect(pointToOffset(root, { node: spans(root)[2]!.firstChild!, offset: 0 }, 'end')).toBe(sekali);
  });

  it('accepts points on container elements, as a triple click makes them', () => {
    const root = render(text);
    const turns = root.querySelectorAll('article');
    const got = rangeToOffsets(root, text, range(turns[1]!, 0, turns[1]!, turns[1]!.childNodes.length))!;
    expect(text.slice(got.start, got.end)).toBe('Baik sekali, terima kasih.');
  });

  it('drops whitespace at the ends and ignores selections of only whitespace or only labels', () => {
    const root = render(text);
    const got = rangeToOffsets(root, text, range(textOf(root, 1), 4, textOf(root, 1), 12))!;
    expect(text.slice(got.start, got.end)).toBe('sekali,');
    expect(rangeToOffsets(root, text, range(textOf(root, 1), 4, textOf(root, 1), 5))).toBeNull();
    const label = root.querySelector('article > div')!.firstChild!;
    expect(rangeToOffsets(root, text, range(label, 0, label, 5))).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const emoji = 'Narasumber: Laris 😀🎉 banget';
    const root = render(emoji);
    const node = textOf(root, 0);
    const startInside = 'Laris 😀'.length - 1; // between the two halves of 😀
    const got = rangeToOffsets(root, emoji, range(node, startInside, node, 'Laris 😀🎉'.length - 1))!;
    expect(isCharBoundary(emoji, got.start)).toBe(true);
    expect(isCharBoundary(emoji, got.end)).toBe(true);
    expect(emoji.slice(got.start, got.end)).toBe('😀🎉');
  });

  it('keeps combining marks with their letter and emoji sequences whole', () => {
    const marks = 'Narasumber: kafe\u0301 dan 👩🏽‍💻 kerja';
    const root = render(marks);
    const node = textOf(root, 0);
    const afterE = 'kafe'.length; // before the combining acute accent
    const got = rangeToOffsets(root, marks, range(node, 0, node, afterE))!;
    expect(marks.slice(got.start, got.end)).toBe('kafe\u0301');
    const woman = 'kafe\u0301 dan '.length;
    const inSequence = rangeToOffsets(root, marks, range(node, woman + 3, node, woman + 5))!;
    expect(marks.slice(inSequence.start, inSequence.end)).toBe('👩🏽‍💻');
  });

  it('gives null when nothing rendered follows the start', () => {
    const root = render(text);
    const last = textOf(root, 1);
    expect(pointToOffset(root, { node: root, offset: root.childNodes.length }, 'start')).toBeNull();
    expect(pointToOffset(root, { node: last, offset: 3 }, 'start')).toBe(text.indexOf('Baik') + 3);
  });
});

describe('expandToWords', () => {
  const text = 'Jadi brand saya namanya Lavanya, co-creation kafe\u0301 😀 ok';
  const span = (from: string, to: string) => ({ start: text.indexOf(from), end: text.indexOf(to) + to.length });
  const show = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  it('widens ends that fall inside words to the whole words', () => {
    expect(show(expandToWords(text, span('rand', 'sa')))).toBe('brand saya');
  });
  it('leaves ends already between words alone, punctuation included', () => {
    expect(show(expandToWords(text, span('brand', 'Lavanya,')))).toBe('brand saya namanya Lavanya,');
    expect(show(expandToWords(text, span('creation', 'creation')))).toBe('creation');
  });
  it('keeps a combining mark with its word and stops at emoji', () => {
    expect(show(expandToWords(text, span('af', 'af')))).toBe('kafe\u0301');
    expect(show(expandToWords(text, span('😀', '😀')))).toBe('😀');
  });
  it('is used by rangeToOffsets when asked', () => {
    const line = `Narasumber: ${text}`;
    const root = render(line);
    const node = textOf(root, 0);
    const r = range(node, 6, node, 13);
    const exact = rangeToOffsets(root, line, r)!;
    expect(line.slice(exact.start, exact.end)).toBe('rand sa');
    const words = rangeToOffsets(root, line, r, { words: true })!;
    expect(line.slice(words.start, words.end)).toBe('brand saya');
  });
});

describe('snapToCharacter', () => {
  it('leaves boundaries alone and moves off the middle of a character', () => {
    const s = 'a😀b';
    expect(snapToCharacter(s, 1, 'back')).toBe(1);
    expect(snapToCharacter(s, 2, 'back')).toBe(1);
    expect(snapToCharacter(s, 2, 'forward')).toBe(3);
    expect(snapToCharacter(s, 99, 'forward')).toBe(s.length);
  });
});

describe('offsetsToRange and offsetToPoint', () => {
  const text = 'Pewawancara: Apa kabar?\nNarasumber: Baik sekali.';

  it('turns offsets back into a DOM range over the same text', () => {
    const root = render(text, [text.indexOf('sekali')]);
    const r = offsetsToRange(root, text.indexOf('kabar'), text.indexOf('sekali') + 3)!;
    // The DOM range also holds the speaker label rendered between the turns; the offsets do not.
    expect(r.toString()).toBe('kabar?NarasumberBaik sek');
    expect(rangeToOffsets(root, text, r)).toEqual({ start: text.indexOf('kabar'), end: text.indexOf('sekali') + 3 });
  });

  it('clamps to the rendered text', () => {
    const root = render(text);
    expect(offsetsToRange(root, 0, text.length)!.toString()).toBe('Apa kabar?NarasumberBaik sekali.');
    expect(offsetsToRange(root, text.length + 1, text.length + 5)).toBeNull();
  });

  it('chooses the span on the right side of a boundary', () => {
    const cut = text.indexOf('sekali');
    const root = render(text, [cut]);
    expect(offsetToPoint(root, cut, 'start')!.node.textContent).toBe('sekali.');
    expect(offsetToPoint(root, cut, 'end')!.node.textContent).toBe('Baik ');
  });
});
