import type { RefObject } from 'react';
import { useStrings } from '../../i18n/i18n';
import { Popover } from './Popover';
import { searchStrings, type SearchKey } from './strings';

/** Each line of the syntax help: an example in Bahasa Indonesia and what it finds. */
export const SYNTAX_EXAMPLES: readonly { readonly query: string; readonly key: SearchKey }[] = [
  { query: 'kolaborasi', key: 'syntaxWord' },
  { query: '"brand equity"', key: 'syntaxPhrase' },
  { query: 'kolab*', key: 'syntaxPrefix' },
  { query: 'pelatihan AND online', key: 'syntaxAnd' },
  { query: 'komunitas OR grup', key: 'syntaxOr' },
  { query: 'pelatihan NOT online', key: 'syntaxNot' },
  { query: 'pelatihan -online', key: 'syntaxMinus' },
  { query: '(harga OR diskon) pelanggan', key: 'syntaxGroup' },
];

/** The query field with its Search button and the syntax help beside it. */
export function SearchBox({ inputRef, value, busy, onChange, onRun, onLeaveDown }: {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  busy: boolean;
  onChange: (value: string) => void;
  onRun: (query: string) => void;
  /** ↓ from the field moves into the results. */
  onLeaveDown: () => void;
}) {
  const t = useStrings(searchStrings);
  return (
    <form className="sr-box" role="search" onSubmit={(e) => { e.preventDefault(); onRun(value); }}>
      <span className="sr-box-icon" aria-hidden="true">⌕</span>
      <input
        ref={inputRef} type="search" value={value} autoFocus spellCheck={false} autoComplete="off"
        placeholder={t('placeholder')} aria-label={t('inputLabel')} data-testid="search-input"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'ArrowDown') { e.preventDefault(); onLeaveDown(); } }}
      />
      <Popover label="?" title={t('syntax')} className="sr-help-button" testId="search-syntax" align="end">
        {(close) => (
          <div className="sr-help" data-testid="search-syntax-help">
            <h3>{t('syntaxTitle')}</h3>
            <p>{t('syntaxRoots')}</p>
            <table>
              <tbody>
                {SYNTAX_EXAMPLES.map((ex) => (
                  <tr key={ex.query}>
                    <td>
                      <button type="button" className="sr-example" onClick={() => { onChange(ex.query); onRun(ex.query); close(); }}>{ex.query}</button>
                    </td>
                    <td>{t(ex.key)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">{t('syntaxOps')}</p>
          </div>
        )}
      </Popover>
      <button type="submit" className="primary" disabled={!value.trim()} aria-busy={busy} data-testid="search-run">{t('run')}</button>
    </form>
  );
}
