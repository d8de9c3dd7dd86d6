import type { CodeId, DocumentId, ThemeId, Utf16Offset } from '../../../src/domain/ids';
import type { Memo } from '../../../src/domain/types';

export type MemoFilter = 'journal' | 'memos' | 'all';

/** Where a memo is attached, resolved to something a reader recognises and can open. */
export interface ResolvedTarget {
  readonly kind: Memo['target']['kind'];
  /** The document title, code or theme name, or the coded quote; '' for the project. */
  readonly label: string;
  /** For a coding: the document it is in. */
  readonly context: string;
  readonly link:
    | { readonly view: 'document'; readonly documentId: DocumentId; readonly focus?: { readonly start: Utf16Offset; readonly end: Utf16Offset } }
    | { readonly view: 'code'; readonly codeId: CodeId }
    | { readonly view: 'theme'; readonly themeId: ThemeId }
    | null;
  /** The thing it was attached to is no longer known (deleted, or not loaded yet). */
  readonly missing: boolean;
}

/** What the journal knows about the project's objects, to name memo targets. */
export interface TargetLookups {
  readonly documents: ReadonlyMap<number, string>;
  readonly codes: ReadonlyMap<number, string>;
  readonly themes: ReadonlyMap<number, string>;
  readonly codings: ReadonlyMap<number, { readonly documentId: DocumentId; readonly start: Utf16Offset; readonly end: Utf16Offset; readonly quote: string }>;
}

export function resolveTarget(memo: Memo, lookups: TargetLookups): ResolvedTarget {
  const target = memo.target;
  switch (target.kind) {
    case 'project':
      return { kind: 'project', label: '', context: '', link: null, missing: false };
    case 'document': {
      const title = lookups.documents.get(target.id);
      return { kind: 'document', label: title ?? '', context: '', link: title === undefined ? null : { view: 'document', documentId: target.id }, missing: title === undefined };
    }
    case 'code': {
      const name = lookups.codes.get(target.id);
      return { kind: 'code', label: name ?? '', context: '', link: name === undefined ? null : { view: 'code', codeId: target.id }, missing: name === undefined };
    }
    case 'theme': {
      const name = lookups.themes.get(target.id);
      return { kind: 'theme', label: name ?? '', context: '', link: name === undefined ? null : { view: 'theme', themeId: target.id }, missing: name === undefined };
    }
    case 'coding': {
      const coding = lookups.codings.get(target.id);
      if (!coding) return { kind: 'coding', label: '', context: '', link: null, missing: true };
      return {
        kind: 'coding', label: coding.quote, context: lookups.documents.get(coding.documentId) ?? '',
        link: { view: 'document', documentId: coding.documentId, focus: { start: coding.start, end: coding.end } }, missing: false,
      };
    }
  }
}

/** Lower case without diacritics, so "kopi" finds "Kopi" and "cafe" finds "café". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * The memos to show: of the chosen kind, whose title, body, author or target contain every
 * word of the query, newest first (the order the store gives is kept for equal times).
 */
export function filterMemos(memos: readonly Memo[], filter: MemoFilter, query: string, describe: (memo: Memo) => string): Memo[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return memos
    .filter((m) => filter === 'all' || (filter === 'journal' ? m.kind === 'journal' : m.kind === 'memo'))
    .filter((m) => {
      if (words.length === 0) return true;
      const haystack = fold([m.title, m.body, m.author, describe(m)].join('\n'));
      return words.every((w) => haystack.includes(w));
    })
    .map((m, index) => ({ m, index }))
    .sort((a, b) => (a.m.createdAt < b.m.createdAt ? 1 : a.m.createdAt > b.m.createdAt ? -1 : a.index - b.index))
    .map(({ m }) => m);
}

/** How many memos of each kind, for the filter's labels. */
export function countByKind(memos: readonly Memo[]): Record<MemoFilter, number> {
  const journal = memos.filter((m) => m.kind === 'journal').length;
  return { journal, memos: memos.length - journal, all: memos.length };
}

/** The first line of a long body, for an entry without a title. */
export function excerpt(body: string, max = 80): string {
  const line = body.trim().split(/\r?\n/)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * The store titles the journal entry of a phase move "Phase 2 → 3" in English; the phases
 * are read back from it so the entry can be titled in the interface language.
 */
export function parsePhaseMove(title: string): { readonly from: number; readonly to: number } | null {
  const match = /^Phase ([1-6]) → ([1-6])$/.exec(title.trim());
  return match ? { from: Number(match[1]), to: Number(match[2]) } : null;
}
