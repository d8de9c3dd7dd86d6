import { isCharBoundary } from '../../../src/domain/offsets';
import type { Span } from './blocks';

/**
 * Maps between DOM selections and UTF-16 offsets into a document's stored text.
 *
 * The reader renders text only inside "text spans": elements with `data-start` and
 * `data-end` whose single text node is exactly `text.slice(start, end)`. Everything
 * else (speaker labels, timestamps, stripes) is outside any span, so a selection
 * point there is moved to the nearest span in the direction that keeps the
 * selection inside what the user dragged over.
 */

/** A DOM point: a node and an offset (a character offset in a text node, a child index in an element). */
export interface DomPoint {
  readonly node: Node;
  readonly offset: number;
}

/** The span selector; exported for the view's queries. */
export const SPAN_SELECTOR = '[data-start][data-end]';

const spanRange = (el: Element): Span => ({ start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')) });

function enclosingSpan(node: Node, root: Node): Element | null {
  for (let n: Node | null = node; n && n !== root.parentNode; n = n.parentNode) {
    if (n.nodeType === 1 && (n as Element).matches(SPAN_SELECTOR)) return n as Element;
    if (n === root) break;
  }
  return null;
}

/** Characters of `span`'s text before the DOM point, which lies inside `span`. */
function localOffset(span: Element, point: DomPoint): number {
  if (point.node === span) {
    let count = 0;
    for (let i = 0; i < point.offset && i < span.childNodes.length; i++) count += span.childNodes[i]!.textContent?.length ?? 0;
    return count;
  }
  // Text before the point's node within the span, then the offset inside it.
  let count = 0;
  const walker = span.ownerDocument.createTreeWalker(span, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === point.node) return count + (point.node.nodeType === 3 ? point.offset : 0);
    if (t.compareDocumentPosition(point.node) & 4 /* FOLLOWING */) count += t.textContent?.length ?? 0;
    else break;
  }
  return count;
}

/**
 * Where a point outside every span lies, as a reference node: the point is just before
 * `ref` (`after` false) or just after all of `ref`'s content (`after` true).
 */
function reference(point: DomPoint): { ref: Node; after: boolean } {
  const { node, offset } = point;
  if (node.nodeType !== 1) return { ref: node, after: offset > 0 };
  const child = node.childNodes[offset];
  return child ? { ref: child, after: false } : { ref: node, after: true };
}

/** True when `span` begins after the point described by `where`. */
function spanAfter(span: Element, where: { ref: Node; after: boolean }): boolean {
  if (span === where.ref) return !where.after;
  const pos = where.ref.compareDocumentPosition(span);
  const following = (pos & 4) !== 0;
  const inside = (pos & 16) !== 0;
  return where.after ? following && !inside : following || inside;
}

/**
 * The stored-text offset of a DOM point. Inside a span it is exact; outside, a start
 * point goes to the start of the next span and an end point to the end of the
 * previous one. Null when there is no span in that direction.
 */
export function pointToOffset(root: Element, point: DomPoint, edge: 'start' | 'end'): number | null {
  const span = enclosingSpan(point.node, root);
  const spans = root.querySelectorAll(SPAN_SELECTOR);
  if (span) {
    const { start, end } = spanRange(span);
    const offset = Math.min(end, Math.max(start, start + localOffset(span, point)));
    // A start at the very end of a line belongs to the next visible text, not to the
    // hidden text after the line (line break, the next speaker's label); likewise an
    // end at the very start of a line belongs to the previous visible text.
    if (edge === 'start' && offset === end) {
      const next = [...spans].find((s) => spanRange(s).start >= end);
      if (next) return spanRange(next).start;
    }
    if (edge === 'end' && offset === start) {
      const previous = [...spans].findLast((s) => spanRange(s).end <= start);
      if (previous) return spanRange(previous).end;
    }
    return offset;
  }
  const where = reference(point);
  if (edge === 'start') {
    for (const s of spans) if (spanAfter(s, where)) return spanRange(s).start;
    return null;
  }
  for (let i = spans.length - 1; i >= 0; i--) if (!spanAfter(spans[i]!, where)) return spanRange(spans[i]!).end;
  return null;
}

const graphemes: Intl.Segmenter | null = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('und', { granularity: 'grapheme' }) : null;

/**
 * Moves `offset` to a boundary between user-perceived characters: back for a range
 * start, forward for a range end, so a range never splits a surrogate pair, an accent
 * from its letter (combining marks) or an emoji sequence.
 */
export function snapToCharacter(text: string, offset: number, direction: 'back' | 'forward'): number {
  let at = Math.min(Math.max(offset, 0), text.length);
  if (graphemes) {
    // Segment a window around the offset, starting at a safe point (a line start or far enough back).
    let from = Math.max(0, at - 64);
    const lineStart = text.lastIndexOf('\n', at - 1);
    if (lineStart >= from) from = lineStart + 1;
    while (from > 0 && !isCharBoundary(text, from)) from--;
    let before = from;
    let after = text.length;
    for (const { index } of graphemes.segment(text.slice(from, Math.min(text.length, at + 64)))) {
      const boundary = from + index;
      if (boundary <= at) before = boundary;
      else { after = boundary; break; }
    }
    if (before !== at) at = direction === 'back' ? before : Math.min(after, text.length);
  } else {
    while (at > 0 && at < text.length && (!isCharBoundary(text, at) || /\p{M}/u.test(text[at]!))) at += direction === 'back' ? -1 : 1;
  }
  return at;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Widens a range whose ends fall inside words to the whole words: a quick drag rarely
 * lands exactly between letters, and a code on "rand saya" meant "brand saya".
 */
export function expandToWords(text: string, span: Span): Span {
  let { start, end } = span;
  const word = (i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text[i]!);
  while (start > 0 && word(start - 1) && word(start)) start--;
  while (end < text.length && word(end - 1) && word(end)) end++;
  return { start, end };
}

/**
 * The stored-text range of a DOM range, or null when it covers no visible text.
 * Whitespace at either end is dropped (double-click and drag pick it up), the ends
 * are widened to whole words when `words` is set, and snapped outward to whole
 * characters.
 */
export function rangeToOffsets(
  root: Element, text: string,
  range: { readonly startContainer: Node; readonly startOffset: number; readonly endContainer: Node; readonly endOffset: number },
  { words = false }: { readonly words?: boolean } = {},
): Span | null {
  const first = pointToOffset(root, { node: range.startContainer, offset: range.startOffset }, 'start');
  const last = pointToOffset(root, { node: range.endContainer, offset: range.endOffset }, 'end');
  if (first === null || last === null || last <= first) return null;
  let start = first;
  let end = last;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  if (words) ({ start, end } = expandToWords(text, { start, end }));
  start = snapToCharacter(text, start, 'back');
  end = snapToCharacter(text, end, 'forward');
  return { start, end };
}

/**
 * The DOM point for a stored-text offset among the rendered spans, or null when no
 * rendered span holds it. `edge` decides between the end of one span and the start of
 * the next when the offset is on their boundary.
 */
export function offsetToPoint(root: Element, offset: number, edge: 'start' | 'end'): DomPoint | null {
  for (const span of root.querySelectorAll(SPAN_SELECTOR)) {
    const { start, end } = spanRange(span);
    const holds = edge === 'start' ? offset >= start && offset < end : offset > start && offset <= end;
    if (!holds) continue;
    const node = span.firstChild;
    return node && node.nodeType === 3 ? { node, offset: offset - start } : { node: span, offset: offset === start ? 0 : span.childNodes.length };
  }
  return null;
}

/**
 * A DOM range over the rendered part of `[start, end)`: the ends are clamped to the
 * rendered spans, since the reader renders only the turns near the viewport.
 */
export function offsetsToRange(root: Element, start: number, end: number): Range | null {
  const spans = [...root.querySelectorAll(SPAN_SELECTOR)];
  const first = spans.find((s) => spanRange(s).end > start);
  const last = spans.findLast((s) => spanRange(s).start < end);
  if (!first || !last) return null;
  const from = offsetToPoint(root, Math.max(start, spanRange(first).start), 'start');
  const to = offsetToPoint(root, Math.min(end, spanRange(last).end), 'end');
  if (!from || !to) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range.collapsed ? null : range;
}
