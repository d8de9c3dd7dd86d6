import type { DeidHit } from '../../../src/domain/deid';
import { useStrings } from '../../i18n/i18n';
import { groupHits, hitChosen, toggled } from './deid-model';
import { deidStrings } from './strings';

/**
 * Every hit, by transcript, as a keyword-in-context line: the words before, the name found and
 * what it becomes, the words after. A hit whose names are all left out shows unticked and cannot
 * be ticked alone (tick the name again).
 */
export function DeidHits({ hits, skipHits, skipNames, onSkip, disabled }: {
  hits: readonly DeidHit[];
  skipHits: ReadonlySet<string>;
  skipNames: ReadonlySet<string>;
  onSkip: (next: ReadonlySet<string>) => void;
  disabled: boolean;
}) {
  const t = useStrings(deidStrings);
  const chosen = hits.filter((h) => hitChosen(h, skipHits, skipNames)).length;
  return (
    <section className="deid-section" data-testid="deid-hits">
      <h3>
        {t('hitsTitle', { chosen, count: hits.length })}{' '}
        <button className="link" onClick={() => onSkip(new Set())} disabled={disabled} data-testid="deid-hits-all">{t('all')}</button>{' · '}
        <button className="link" onClick={() => onSkip(new Set(hits.map((h) => h.id)))} disabled={disabled} data-testid="deid-hits-none">{t('none')}</button>
      </h3>
      {hits.length === 0 ? <p className="muted">{t('noHits')}</p> : (
        <div className="deid-hits">
          {groupHits(hits).map((group) => (
            <div key={group.documentId} className="deid-group">
              <h4>{group.title} <span className="muted">({group.hits.length})</span></h4>
              <ul>
                {group.hits.map((hit) => {
                  const nameSkipped = hit.nameIds.every((n) => skipNames.has(n));
                  return (
                    <li key={hit.id} className={hitChosen(hit, skipHits, skipNames) ? '' : 'skipped'} data-testid="deid-hit" data-hit={hit.id}>
                      <label>
                        <input type="checkbox" checked={hitChosen(hit, skipHits, skipNames)} disabled={disabled || nameSkipped}
                          aria-label={t('includeHit', { text: hit.text, title: group.title })}
                          onChange={(e) => onSkip(toggled(skipHits, hit.id, !e.target.checked))} />
                        {hit.turnSeq !== null && <span className="deid-turn muted">{t('turn', { seq: String(hit.turnSeq) })}{hit.speaker ? ` · ${hit.speaker}` : ''}</span>}
                        <span className="deid-kwic">
                          <span className="deid-before">{hit.before}</span>
                          <mark>{hit.text}</mark>
                          <span aria-hidden="true"> → </span>
                          <ins>{hit.replacement}</ins>
                          <span className="deid-after">{hit.after}</span>
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
