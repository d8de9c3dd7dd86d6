import { useMemo, useState } from 'react';
import type { Code, Coder, DocumentSummary } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { groupCandidates, UNIT_CHOICES, type AgreementForm, type CodesChoice, type TakesPartChoice, type UnitChoice } from './agreement-model';
import { agreementStrings } from './strings';

const TAKES_PART: readonly TakesPartChoice[] = ['coded', 'all', 'assigned'];
const CODE_CHOICES: readonly CodesChoice[] = ['all', 'some', 'group'];

/** What to compare: coders, unit, who counts where, codes. Every change recomputes the table. */
export function AgreementOptions({ form, onChange, coders, codes, documents }: {
  form: AgreementForm; onChange: (change: Partial<AgreementForm>) => void;
  coders: readonly Coder[]; codes: readonly Code[]; documents: readonly DocumentSummary[];
}) {
  const t = useStrings(agreementStrings);
  const [codeFilter, setCodeFilter] = useState('');
  const groups = useMemo(() => groupCandidates(codes), [codes]);
  const toggle = (list: readonly number[], id: number, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const shownCodes = codeFilter.trim() ? codes.filter((c) => c.name.toLocaleLowerCase().includes(codeFilter.trim().toLocaleLowerCase())) : codes;

  return (
    <div className="ag-options" data-testid="agreement-options">
      <fieldset className="ag-fieldset">
        <legend>{t('coders')}</legend>
        {coders.map((coder) => (
          <label key={coder.id} className="ag-check">
            <input type="checkbox" checked={form.coderIds.includes(coder.id)} onChange={(e) => onChange({ coderIds: toggle(form.coderIds, coder.id, e.target.checked) })}
              data-testid={`agreement-coder-${coder.name}`} />
            <span className="ag-swatch" style={{ background: coder.colour }} />
            <span>{coder.name}</span>
            <small className="muted">{t('codings', { n: coder.codings })}</small>
          </label>
        ))}
      </fieldset>

      <label className="ag-field">
        <span>{t('unit')}</span>
        <select value={form.unit} onChange={(e) => onChange({ unit: UNIT_CHOICES.find((u) => u === e.target.value) ?? 'turn' })} data-testid="agreement-unit">
          {UNIT_CHOICES.map((unit: UnitChoice) => <option key={unit} value={unit}>{t(`unit_${unit}`)}</option>)}
        </select>
      </label>

      <fieldset className="ag-fieldset">
        <legend>{t('takesPart')}</legend>
        {TAKES_PART.map((choice) => (
          <label key={choice} className="ag-check">
            <input type="radio" name="ag-takes-part" checked={form.takesPart === choice} onChange={() => onChange({ takesPart: choice })} data-testid={`agreement-takes-part-${choice}`} />
            <span>{t(`takesPart_${choice}`)}</span>
          </label>
        ))}
        {form.takesPart === 'assigned' && (
          <div className="ag-assignments">
            <small className="muted">{t('assignedHint')}</small>
            {coders.filter((c) => form.coderIds.includes(c.id)).map((coder) => (
              <label key={coder.id} className="ag-field stacked">
                <span>{t('assignedTo', { name: coder.name })}</span>
                <select multiple size={Math.min(6, Math.max(2, documents.length))} value={(form.assignments[coder.id] ?? []).map(String)}
                  onChange={(e) => onChange({ assignments: { ...form.assignments, [coder.id]: [...e.target.selectedOptions].map((o) => Number(o.value)) } })}
                  data-testid={`agreement-assigned-${coder.name}`}>
                  {documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
                </select>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className="ag-fieldset">
        <legend>{t('codes')}</legend>
        {CODE_CHOICES.map((choice) => (
          <label key={choice} className="ag-check">
            <input type="radio" name="ag-codes" checked={form.codes === choice} onChange={() => onChange({ codes: choice })} data-testid={`agreement-codes-${choice}`} />
            <span>{t(`codes_${choice}`)}</span>
          </label>
        ))}
        {form.codes === 'some' && (
          <div className="ag-code-list">
            <input type="search" placeholder={t('filterCodes')} value={codeFilter} onChange={(e) => setCodeFilter(e.target.value)} aria-label={t('filterCodes')} />
            <div className="ag-code-scroll">
              {shownCodes.map((code) => (
                <label key={code.id} className="ag-check">
                  <input type="checkbox" checked={form.codeIds.includes(code.id)} onChange={(e) => onChange({ codeIds: toggle(form.codeIds, code.id, e.target.checked) })} />
                  <span className="ag-swatch" style={{ background: code.colour }} />
                  <span>{code.name}</span>
                </label>
              ))}
            </div>
          </div>
        )}
        {form.codes === 'group' && (
          groups.length === 0 ? <small className="muted">{t('noGroups')}</small> : (
            <label className="ag-field stacked">
              <select value={form.groupId ?? ''} onChange={(e) => onChange({ groupId: e.target.value ? Number(e.target.value) : null })} data-testid="agreement-group">
                <option value="">{t('chooseGroup')}</option>
                {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
              </select>
              <small className="muted">{t('groupHint')}</small>
            </label>
          )
        )}
      </fieldset>
    </div>
  );
}
