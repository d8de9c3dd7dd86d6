import type { Args } from '../../../src/api/contract';
import type { CodeId } from '../../../src/domain/ids';
import type { SearchHit, SearchResult } from '../../../src/domain/types';
import type { QueryFilters } from './search-request';

export type CodingUnit = 'hit' | 'sentence' | 'turn';
export const CODING_UNITS: readonly CodingUnit[] = ['hit', 'sentence', 'turn'];

/** Identifies a hit across re-reads of the same search (offsets do not move while the text is coded). */
export function hitKey(hit: Pick<SearchHit, 'kind' | 'documentId' | 'memoId' | 'codeId' | 'start' | 'end'>): string {
  const owner = hit.kind === 'document' ? hit.documentId : hit.kind === 'memo' ? hit.memoId : hit.codeId;
  return `${hit.kind}:${owner}:${hit.start}:${hit.end}`;
}

/**
 * Only what informants said is coded from a search: memos and code names are not data, a
 * transcript's heading is no one's words, and the interviewer's questions are coded only when
 * the researcher searched the interviewer's turns on purpose (`interviewerAsked`).
 */
export const isCodable = (hit: SearchHit, interviewerAsked = false): boolean =>
  hit.kind === 'document' && hit.documentId !== null && hit.role !== 'unknown' && (hit.role !== 'interviewer' || interviewerAsked);

/** The keys of every codable hit, in result order. */
export function codableKeys(hits: readonly SearchHit[], interviewerAsked = false): readonly string[] {
  return hits.filter((hit) => isCodable(hit, interviewerAsked)).map(hitKey);
}

/** Drops selected keys that are no longer among the hits (after a new search or a filter change). */
export function pruneSelection(selected: ReadonlySet<string>, hits: readonly SearchHit[], interviewerAsked = false): ReadonlySet<string> {
  if (selected.size === 0) return selected;
  const live = new Set(codableKeys(hits, interviewerAsked));
  const kept = [...selected].filter((k) => live.has(k));
  return kept.length === selected.size ? selected : new Set(kept);
}

/** The state of the "select all" box: checked, unchecked or in between. */
export function selectAllState(selected: ReadonlySet<string>, hits: readonly SearchHit[], interviewerAsked = false): 'none' | 'some' | 'all' {
  const keys = codableKeys(hits, interviewerAsked);
  const count = keys.filter((k) => selected.has(k)).length;
  return count === 0 ? 'none' : count === keys.length ? 'all' : 'some';
}

/** "Select all" toggles between every codable hit and none. */
export function toggleAll(selected: ReadonlySet<string>, hits: readonly SearchHit[], interviewerAsked = false): ReadonlySet<string> {
  return selectAllState(selected, hits, interviewerAsked) === 'all' ? new Set() : new Set(codableKeys(hits, interviewerAsked));
}

export type CodeChoice = { readonly codeId: CodeId } | { readonly codeName: string };

export type CodeRequest = Args<'search.code'>;

/**
 * The `search.code` arguments for the selected hits. `hits` is left out only when every
 * codable hit is selected and the result holds every hit there is (`total`): the core then
 * codes the whole query itself, the same set, without a long list crossing the bridge. When
 * the result was cut at its limit, the chosen hits are always listed, so nothing unseen is coded.
 * Returns null when nothing is selected.
 */
export function codeRequest(args: {
  readonly query: string;
  readonly filters: QueryFilters | undefined;
  readonly result: SearchResult;
  readonly selected: ReadonlySet<string>;
  readonly unit: CodingUnit;
  readonly code: CodeChoice;
}): CodeRequest | null {
  const { query, filters, result, selected, unit, code } = args;
  const interviewerAsked = filters?.role === 'interviewer';
  const chosen = result.hits.filter((h) => isCodable(h, interviewerAsked) && selected.has(hitKey(h)));
  if (chosen.length === 0) return null;
  // Headings and (unless asked for) questions are never coded, so leaving `hits` out is safe only when the result has none.
  const everything = chosen.length === codableKeys(result.hits, interviewerAsked).length && result.total === result.hits.length
    && result.hits.every((h) => h.kind !== 'document' || isCodable(h, interviewerAsked));
  const seen = new Set<string>();
  const hits = chosen.flatMap((h) => {
    const key = hitKey(h);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ documentId: h.documentId!, start: h.start, end: h.end }];
  });
  return {
    query,
    // The role is always said, since the core codes informants' turns only when none is given. With every role
    // searched, `hits` lists only codable ones (or the result holds nothing else), so no question is coded unasked.
    filters: { ...filters, role: filters?.role ?? 'all' },
    ...(everything ? {} : { hits }),
    unit,
    ...('codeId' in code ? { codeId: code.codeId } : { codeName: code.codeName }),
  };
}
