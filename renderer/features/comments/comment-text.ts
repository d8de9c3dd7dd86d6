import type { Comment } from '../../../src/domain/types';
import type { Translate } from '../../i18n/i18n';
import type { commentStrings } from './strings';

type T = Translate<keyof (typeof commentStrings)['en']>;

/** Who wrote a comment as threads show it: a coder by name, a supervisor as "Dr. Sari (review)". */
export function commentAuthor(comment: Comment, t: T): string {
  return comment.review ? t('reviewAuthor', { name: comment.author }) : comment.author;
}

/** What an unplaced review comment was on, for its note: 'on theme "Kepercayaan pelanggan", deleted since the package'. */
export function unplacedNote(comment: Comment, t: T): string | null {
  return comment.unplaced ? t(`unplacedOn_${comment.unplaced.kind}`, { label: comment.unplaced.label }) : null;
}
