import { Fragment } from 'react';
import type { ExchangeKind, ExchangeSection } from '../../../src/domain/types';
import { useFormatNumber, useLanguage, useStrings } from '../../i18n/i18n';
import { refiImportStrings } from './strings';

const KIND_LABEL = {
  sources: 'kindSources', codes: 'kindCodes', codings: 'kindCodings', memos: 'kindMemos', cases: 'kindCases', variables: 'kindVariables',
  sets: 'kindSets', links: 'kindLinks', themes: 'kindThemes', comments: 'kindComments', other: 'kindOther',
} as const satisfies Record<ExchangeKind, keyof typeof refiImportStrings.en>;

/**
 * What an exchange import did, kind by kind: how many the file had, how many came in, how many
 * were skipped, and under each kind the reasons, in the interface language. A kind the import
 * did not count (only remarks on it) shows dashes rather than zeros that would look like a loss.
 */
export function ExchangeReport({ sections }: { sections: readonly ExchangeSection[] }) {
  const t = useStrings(refiImportStrings);
  const { language } = useLanguage();
  const n = useFormatNumber();
  return (
    <section className="hm-report-section" data-testid="import-refi-kinds">
      <h3>{t('reportTitle')}</h3>
      {sections.length === 0 ? <p className="muted hm-exchange-empty">{t('reportEmpty')}</p> : (
        <div className="hm-report-table">
          <table className="hm-dense hm-exchange">
            <thead>
              <tr><th>{t('colKind')}</th><th className="hm-num">{t('colFound')}</th><th className="hm-num">{t('colImported')}</th><th className="hm-num">{t('colSkipped')}</th></tr>
            </thead>
            <tbody>
              {sections.map((section) => {
                const counted = section.found + section.imported + section.skipped > 0;
                const count = (value: number) => (counted ? n(value) : '—');
                return (
                  <Fragment key={section.kind}>
                    <tr className="hm-exchange-kind" data-testid={`import-refi-kind-${section.kind}`}>
                      <th scope="row">{t(KIND_LABEL[section.kind])}</th>
                      <td className="hm-num">{count(section.found)}</td>
                      <td className="hm-num">{count(section.imported)}</td>
                      <td className={`hm-num${section.skipped > 0 ? ' hm-exchange-skipped' : ''}`}>{count(section.skipped)}</td>
                    </tr>
                    {section.notes.map((note) => (
                      <tr key={note.text.en} className="hm-exchange-note" data-testid={`import-refi-note-${section.kind}`}>
                        <td colSpan={4}>
                          {note.text[language]}
                          {note.count > 1 && <span className="count"> ({t('times', { n: note.count })})</span>}
                        </td>
                      </tr>
                    ))}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted hm-exchange-journal">{t('reportJournal')}</p>
    </section>
  );
}
