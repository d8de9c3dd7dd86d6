// @vitest-environment happy-dom
import { webcrypto } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommentStore, reviewerStem, uuid } from '../../../renderer/review-page/comments';
import type { ReviewPackageData } from '../../../src/domain/review-package';
import { parseReviewComments } from '../../../src/review/comments-file';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const data = {
  projectGuid: '0bea5b35-7646-4321-8fc6-0784038b9e1e', packageGuid: '7019c398-73ef-4775-a881-08813cca8e6f',
  packageCreatedAt: '2026-12-07T14:00:00.000Z', fileStem: 'studi-umkm',
} as ReviewPackageData;
const theme = { kind: 'theme', guid: '5d65c7e5-15b4-418d-bdbe-29c34af1f3db', label: 'Co-creation lewat platform digital' } as const;
const quote = { kind: 'coding', guid: '5ff0546f-8c45-467a-b743-41e149b826c0', label: `Kata informan\n${'panjang '.repeat(60)}` } as const;

/** The page's side of the comments file, read back by the import's own parser: the contract both sides keep. */
describe('the review page’s comments', () => {
  beforeEach(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('writes a comments file the import reads, named after the project and the reviewer', () => {
    const store = new CommentStore(data);
    store.setReviewer('  Dr. Sari\u0007 Wulandari ');
    store.add(theme, 'Definisinya masih mencampur praktik dan hasil.');
    store.add(quote, 'Kutipan kuat\u0000 untuk bab 4.\n\nPakai di ringkasan.');
    const { name, text } = store.file();
    expect(name).toBe('studi-umkm-review-Dr-Sari-Wulandari.tematik-comments.json');
    const file = parseReviewComments(text, name);
    expect(file).toMatchObject({ projectGuid: data.projectGuid, packageGuid: data.packageGuid, packageCreatedAt: data.packageCreatedAt, reviewer: 'Dr. Sari Wulandari' });
    expect(file.comments.map((c) => [c.target.kind, c.target.guid, c.body])).toEqual([
      ['theme', theme.guid, 'Definisinya masih mencampur praktik dan hasil.'],
      ['coding', quote.guid, 'Kutipan kuat untuk bab 4.\n\nPakai di ringkasan.'],
    ]);
    // A quote's label is a reminder: one line, and short.
    expect(file.comments[1]!.target.label).toMatch(/^Kata informan panjang .*…$/);
    expect(file.comments[1]!.target.label.length).toBeLessThanOrEqual(200);
    for (const c of file.comments) expect(c.guid).toMatch(GUID);
  });

  it('keeps comments and the name in the browser, counts what is unsaved, and lets only unsaved ones be taken back', () => {
    const store = new CommentStore(data);
    store.setReviewer('Dr. Sari');
    const first = store.add(theme, 'Satu.');
    expect(store.unsaved).toBe(1);
    store.markSaved();
    const second = store.add(theme, 'Dua.');
    const again = new CommentStore(data);
    expect([again.reviewer, again.all.length, again.unsaved, again.persistent]).toEqual(['Dr. Sari', 2, 1, true]);
    again.remove(first.guid);
    expect(again.all.map((c) => c.body)).toEqual(['Satu.', 'Dua.']);
    again.remove(second.guid);
    expect(again.all.map((c) => c.body)).toEqual(['Satu.']);
    expect(new CommentStore({ ...data, packageGuid: 'b8514c60-9eb0-4ec8-84d4-5124c706c7c0' }).all).toEqual([]);
  });

  it('makes version 4 UUIDs where crypto.randomUUID is missing (a page the browser does not count as secure)', () => {
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(a: T) => webcrypto.getRandomValues(a as never) as T });
    const made = new Set(Array.from({ length: 200 }, () => uuid()));
    expect(made.size).toBe(200);
    for (const g of made) expect(g).toMatch(GUID);
  });

  it('makes a file name part of any name', () => {
    expect(reviewerStem('<b>Pembimbing</b>')).toBe('b-Pembimbing-b');
    expect(reviewerStem('Prof. Dr. Ir. Ni Made Ayu, M.Si.')).toBe('Prof-Dr-Ir-Ni-Made-Ayu-M-Si');
    expect(reviewerStem('../..')).toBe('reviewer');
  });
});
