import { useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { CommentList } from './CommentThread';
import { commentStrings } from './strings';
import './comments.css';

/**
 * A supervisor's comments whose theme, link, code or quote was deleted or merged after the review
 * package was made: kept, each with a note of what it was on, to read and resolve. Nothing shows
 * while there are none.
 */
export function UnplacedComments() {
  const t = useStrings(commentStrings);
  const { project } = useProject();
  const comments = useQuery('comments.list', { unplaced: true }).data ?? [];
  if (comments.length === 0) return null;
  const open = comments.filter((c) => c.resolvedAt === null).length;
  return (
    <section className="cm-unplaced-panel" data-testid="unplaced-comments">
      <h3 className="cm-title">{t('unplacedTitle')}{open > 0 && <span className="count"> {open}</span>}</h3>
      <p className="muted cm-hint">{t('unplacedHint')}</p>
      <CommentList comments={comments} readOnly={(project?.readOnly ?? null) !== null} />
    </section>
  );
}
