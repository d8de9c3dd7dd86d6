import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../src/domain/types';
import { translate } from '../../i18n/i18n';
import { commentAuthor, unplacedNote } from './comment-text';
import { commentStrings } from './strings';

const base: Comment = {
  id: 1, guid: 'g', target: { kind: 'theme', id: 1 as never }, author: 'Ayu', review: null, unplaced: null,
  body: 'b', createdAt: '2026-12-02T09:00:00.000Z', resolvedAt: null, resolvedBy: null,
};

describe('comment text', () => {
  it('names a coder by name and a supervisor as a reviewer, in both languages', () => {
    const review = { ...base, author: 'Dr. Sari', review: { packageGuid: 'p' } };
    expect(commentAuthor(base, translate(commentStrings, 'en'))).toBe('Ayu');
    expect(commentAuthor(review, translate(commentStrings, 'en'))).toBe('Dr. Sari (review)');
    expect(commentAuthor(review, translate(commentStrings, 'id'))).toBe('Dr. Sari (tinjauan)');
  });

  it('says what an unplaced comment was on, and nothing for a placed one', () => {
    const unplaced = { ...base, target: null, review: { packageGuid: 'p' }, unplaced: { kind: 'coding' as const, guid: 'x', label: 'polling di Instagram' } };
    expect(unplacedNote(unplaced, translate(commentStrings, 'en'))).toBe('on the quote "polling di Instagram", deleted since the package');
    expect(unplacedNote(unplaced, translate(commentStrings, 'id'))).toBe('pada kutipan "polling di Instagram", dihapus sejak paket dibuat');
    expect(unplacedNote(base, translate(commentStrings, 'en'))).toBeNull();
  });
});
