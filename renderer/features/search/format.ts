import type { SearchHit, SearchResult } from '../../../src/domain/types';

/** Context on one line: line breaks and runs of spaces become single spaces, as a concordance shows them. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * A hit's left and right context for a KWIC line, on one line. The core cuts the context
 * at a word boundary some way into the unit, so when the unit holds more text than is shown
 * the cut side gets an ellipsis.
 */
export function kwicContext(hit: Pick<SearchHit, 'before' | 'after' | 'start' | 'end' | 'unitStart' | 'unitEnd'>): { before: string; after: string } {
  const before = oneLine(hit.before).replace(/^ /, '');
  const after = oneLine(hit.after).replace(/ $/, '');
  return {
    before: hit.start - hit.unitStart > hit.before.length ? `…${before}` : before,
    after: hit.unitEnd - hit.end > hit.after.length ? `${after}…` : after,
  };
}

export interface HitGroups {
  readonly documents: readonly SearchHit[];
  readonly memos: readonly SearchHit[];
  readonly codes: readonly SearchHit[];
}

/** Transcript hits, memo hits and code hits apart, each in result order. */
export function groupByKind(hits: readonly SearchHit[]): HitGroups {
  const documents: SearchHit[] = [];
  const memos: SearchHit[] = [];
  const codes: SearchHit[] = [];
  for (const hit of hits) (hit.kind === 'document' ? documents : hit.kind === 'memo' ? memos : codes).push(hit);
  return { documents, memos, codes };
}

export interface ResultSummary {
  readonly documentHits: number;
  readonly documents: number;
  readonly memoHits: number;
  readonly codeHits: number;
  /** The core found more than it sent. */
  readonly truncated: boolean;
  /**
   * `total` is a lower bound: the core stopped reading at the limit and counted passages,
   * each of which holds one hit or more.
   */
  readonly atLeast: boolean;
}

/** The counts the result line states, over the hits received. */
export function summarise(result: SearchResult): ResultSummary {
  const groups = groupByKind(result.hits);
  return {
    documentHits: groups.documents.length,
    documents: new Set(groups.documents.map((h) => h.documentId)).size,
    memoHits: groups.memos.length,
    codeHits: groups.codes.length,
    truncated: result.total > result.hits.length,
    atLeast: result.total > result.hits.length && result.total === result.passages,
  };
}

/** Milliseconds as a person reads them: whole above 10, one decimal below, never "0". */
export function formatMs(ms: number): string {
  if (ms >= 10) return String(Math.round(ms));
  if (ms >= 0.1) return ms.toFixed(1);
  return '<0.1';
}

/** The undo shortcut as the platform spells it. */
export function undoShortcut(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘Z' : 'Ctrl+Z';
}

/**
 * The words of a query for "did you mean": operators, quotes, wildcards and excluded
 * words taken out, since a resemblance to what was excluded is no suggestion.
 */
export function similarText(query: string): string {
  const words: string[] = [];
  let negateNext = false;
  for (const raw of query.replace(/[()"]/g, ' ').split(/\s+/)) {
    if (!raw) continue;
    if (/^(NOT|TIDAK|BUKAN)$/.test(raw)) { negateNext = true; continue; }
    if (/^(AND|OR|DAN|ATAU)$/.test(raw)) continue;
    const negated = negateNext || raw.startsWith('-');
    negateNext = false;
    if (negated) continue;
    const word = raw.replace(/\*+$/, '');
    if (word) words.push(word);
  }
  return words.join(' ').slice(0, 200).trim();
}
