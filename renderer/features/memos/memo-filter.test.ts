import { describe, expect, it } from 'vitest';
import type { CodeId, DocumentId, MemoId, Utf16Offset } from '../../../src/domain/ids';
import type { Memo } from '../../../src/domain/types';
import { countByKind, excerpt, filterMemos, fold, parsePhaseMove, resolveTarget, type TargetLookups } from './memo-filter';

const memo = (id: number, changes: Partial<Memo>): Memo => ({
  id: id as MemoId, kind: 'memo', title: '', body: '', phase: null, target: { kind: 'project' }, author: 'rina',
  createdAt: `2025-03-0${id}T10:00:00.000Z`, updatedAt: `2025-03-0${id}T10:00:00.000Z`, ...changes,
});

const lookups: TargetLookups = {
  documents: new Map([[1, 'P-01 Kedai kopi']]),
  codes: new Map([[5, 'Co-creation']]),
  themes: new Map([[9, 'Trust through community']]),
  codings: new Map([[3, { documentId: 1 as DocumentId, start: 10 as Utf16Offset, end: 20 as Utf16Offset, quote: 'kami dengar pelanggan' }]]),
};

describe('resolveTarget', () => {
  it('names documents, codes and themes and links to them', () => {
    expect(resolveTarget(memo(1, { target: { kind: 'document', id: 1 as DocumentId } }), lookups))
      .toMatchObject({ label: 'P-01 Kedai kopi', link: { view: 'document', documentId: 1 }, missing: false });
    expect(resolveTarget(memo(1, { target: { kind: 'code', id: 5 as CodeId } }), lookups)).toMatchObject({ label: 'Co-creation', link: { view: 'code', codeId: 5 } });
  });

  it('links a coding to its place in the document, with the document as context', () => {
    expect(resolveTarget(memo(1, { target: { kind: 'coding', id: 3 as never } }), lookups)).toMatchObject({
      label: 'kami dengar pelanggan', context: 'P-01 Kedai kopi', link: { view: 'document', documentId: 1, focus: { start: 10, end: 20 } },
    });
  });

  it('marks a target that is gone, without a link', () => {
    expect(resolveTarget(memo(1, { target: { kind: 'code', id: 77 as CodeId } }), lookups)).toMatchObject({ missing: true, link: null });
    expect(resolveTarget(memo(1, { target: { kind: 'theme', id: 9 as never } }), lookups)).toMatchObject({ label: 'Trust through community', link: { view: 'theme', themeId: 9 }, missing: false });
  });
});

describe('filterMemos', () => {
  const memos = [
    memo(1, { kind: 'journal', title: 'Sebelum turun lapangan', body: 'Saya menduga pemilik UMKM…' }),
    memo(3, { kind: 'memo', body: 'Konsumen bicara tentang kepercayaan', target: { kind: 'code', id: 5 as CodeId } }),
    memo(2, { kind: 'journal', body: 'Kafé kedua lebih terbuka', author: 'budi' }),
  ];
  const describe_ = (m: Memo) => resolveTarget(m, lookups).label;

  it('keeps one kind, newest first', () => {
    expect(filterMemos(memos, 'journal', '', describe_).map((m) => m.id)).toEqual([2, 1]);
    expect(filterMemos(memos, 'memos', '', describe_).map((m) => m.id)).toEqual([3]);
    expect(filterMemos(memos, 'all', '', describe_).map((m) => m.id)).toEqual([3, 2, 1]);
  });

  it('matches every word of the query in title, body, author or target, ignoring case and accents', () => {
    expect(filterMemos(memos, 'all', 'KAFE terbuka', describe_).map((m) => m.id)).toEqual([2]);
    expect(filterMemos(memos, 'all', 'budi', describe_).map((m) => m.id)).toEqual([2]);
    expect(filterMemos(memos, 'all', 'co-creation', describe_).map((m) => m.id)).toEqual([3]);
    expect(filterMemos(memos, 'all', 'kopi tidak-ada', describe_)).toEqual([]);
  });
});

describe('helpers', () => {
  it('folds accents and case', () => expect(fold('Kafé ÉNAK')).toBe('kafe enak'));
  it('counts by kind', () => expect(countByKind([memo(1, { kind: 'journal' }), memo(2, {})])).toEqual({ journal: 1, memos: 1, all: 2 }));
  it('takes the first line of a body, shortened', () => {
    expect(excerpt('  Baris pertama\nbaris kedua')).toBe('Baris pertama');
    expect(excerpt('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('parsePhaseMove', () => {
  it('reads the phases of a phase-move title and nothing else', () => {
    expect(parsePhaseMove('Phase 2 → 3')).toEqual({ from: 2, to: 3 });
    expect(parsePhaseMove('Phase 2 → 3: notes')).toBeNull();
    expect(parsePhaseMove('Sebelum membaca')).toBeNull();
  });
});
