import { useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { similarText } from './format';
import { searchStrings } from './strings';

/** When a search finds nothing: codes and memos whose names resemble it, typos forgiven. */
export function DidYouMean({ query }: { query: string }) {
  const t = useStrings(searchStrings);
  const { navigate } = useProject();
  const text = similarText(query);
  const { data } = useQuery('search.similar', text ? { text } : null);
  if (!data || (data.codes.length === 0 && data.memos.length === 0)) return null;
  return (
    <div className="sr-similar" data-testid="search-did-you-mean">
      <span className="sr-similar-lead">{t('didYouMean')}</span>
      {data.codes.length > 0 && (
        <div className="sr-similar-row">
          <span className="sr-similar-kind">{t('similarCodes')}</span>
          {data.codes.map((c) => (
            <button key={c.id} type="button" className="sr-suggest" onClick={() => navigate({ view: 'code', codeId: c.id })} data-testid="search-similar-code">{c.name}</button>
          ))}
        </div>
      )}
      {data.memos.length > 0 && (
        <div className="sr-similar-row">
          <span className="sr-similar-kind">{t('similarMemos')}</span>
          {data.memos.map((m) => (
            <button key={m.id} type="button" className="sr-suggest memo" onClick={() => navigate({ view: 'journal' })} data-testid="search-similar-memo">{m.title}</button>
          ))}
        </div>
      )}
    </div>
  );
}
