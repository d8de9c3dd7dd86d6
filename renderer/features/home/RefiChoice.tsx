import type { ProjectInspection } from '../../../src/domain/types';
import { useFormatNumber, useStrings } from '../../i18n/i18n';
import { refiImportStrings } from './strings';

/** The user's pick for the informant type: a variable's name, or null for none (every case gets the default type). */
export type TypeChoice = string | null;

/**
 * What a .qdpx holds, read before importing, and the choice only the user can make: which of
 * its cases' variables names the informant type. Each variable shows how many cases have a
 * value and a few of the values, so the right one is recognisable.
 */
export function RefiChoice({ inspection, choice, onChoice, disabled }: {
  inspection: ProjectInspection; choice: TypeChoice; onChoice: (choice: TypeChoice) => void; disabled: boolean;
}) {
  const t = useStrings(refiImportStrings);
  const n = useFormatNumber();
  const { counts } = inspection;
  const stats = [
    ['sources', t('countSources'), counts.sources], ['codes', t('countCodes'), counts.codes], ['codings', t('countCodings'), counts.codings],
    ['memos', t('countMemos'), counts.memos], ['cases', t('countCases'), counts.cases], ['variables', t('countVariables'), counts.variables],
  ] as const;
  return (
    <div className="hm-refi-inspect" data-testid="import-refi-inspect">
      <div className="hm-report-summary hm-refi-summary nothing-new">
        <div className="hm-refi-summary-head">
          <strong>{t('holds')}</strong> <span className="hm-mono" title={inspection.file}>{inspection.file}</span>
        </div>
        <div className="muted">{t('project', { name: inspection.name })}{inspection.origin ? ` · ${t('origin', { origin: inspection.origin })}` : ''}</div>
        <dl className="hm-refi-counts" data-testid="import-refi-holds">
          {stats.map(([key, label, value]) => (
            <div key={key} data-testid={`import-refi-holds-${key}`}><dt>{label}</dt><dd>{n(value)}</dd></div>
          ))}
        </dl>
      </div>
      {counts.cases === 0 ? <p className="muted" data-testid="import-refi-no-cases">{t('noCases')}</p>
        : inspection.variables.length === 0 ? <p className="muted" data-testid="import-refi-no-variables">{t('noVariables', { type: inspection.defaultType })}</p> : (
          <fieldset className="hm-refi-choice" disabled={disabled} data-testid="import-refi-type-choice">
            <legend>{t('choiceTitle')}</legend>
            <p className="muted">{t('choiceExplain')}</p>
            {inspection.variables.map((variable) => (
              <label key={variable.name} className={`hm-refi-option${choice === variable.name ? ' chosen' : ''}`} data-testid="import-refi-type-option" data-variable={variable.name}>
                <input type="radio" name="refi-type-variable" checked={choice === variable.name} onChange={() => onChoice(variable.name)} />
                <span className="hm-refi-option-body">
                  <span className="hm-refi-option-head">
                    <strong>{variable.name}</strong>
                    {variable.name === inspection.suggestedTypeVariable && <span className="hm-refi-suggested">{t('suggested')}</span>}
                    <span className="muted">{t('variableCases', { n: variable.cases, total: counts.cases })} · {variable.type}</span>
                  </span>
                  <span className="hm-chips">
                    {variable.samples.map((value) => <span key={value} className="hm-chip">{value}</span>)}
                    {variable.distinct > variable.samples.length && <span className="muted">{t('moreValues', { n: variable.distinct - variable.samples.length })}</span>}
                  </span>
                </span>
              </label>
            ))}
            <label className={`hm-refi-option${choice === null ? ' chosen' : ''}`} data-testid="import-refi-type-none">
              <input type="radio" name="refi-type-variable" checked={choice === null} onChange={() => onChoice(null)} />
              <span className="hm-refi-option-body">
                <strong>{t('none', { type: inspection.defaultType })}</strong>
                <span className="muted">{t('noneHint')}</span>
              </span>
            </label>
          </fieldset>
        )}
    </div>
  );
}
