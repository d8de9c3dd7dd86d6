import { useEffect, useMemo, useState } from 'react';
import type { AgreementUnit } from '../../../src/domain/agreement';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { TableActions } from '../triangulation/TableActions';
import type { TextTable } from '../triangulation/table-text';
import {
  agreementArgs, agreementTableModel, defaultCoders, drillTarget, formatFigure, visibleRows, type AgreementForm, type AgreementTableRow, type SortKey,
} from './agreement-model';
import { AgreementOptions } from './AgreementOptions';
import { AgreementTable } from './AgreementTable';
import { DisagreementList } from './DisagreementList';
import { agreementStrings } from './strings';
import './agreement.css';

const START: AgreementForm = { coderIds: [], unit: 'turn', takesPart: 'coded', assignments: {}, codes: 'all', codeIds: [], groupId: null };
/** The form as last left in this project, while the window is open: coming back to the screen shows the same comparison. */
let remembered: { readonly path: string; readonly form: AgreementForm } | null = null;

/**
 * Inter-coder agreement (optional): choose coders, unit, who counts where and codes; read the
 * table of percent agreement, Cohen's κ, Brennan–Prediger κ and Krippendorff's α per code, per
 * document and overall; drill down to the units the coders disagree on.
 */
export function AgreementView() {
  const t = useStrings(agreementStrings);
  const { language } = useLanguage();
  const coderList = useQuery('coders.list', {});
  const codes = useQuery('codes.list', {}).data ?? [];
  const documents = useQuery('documents.list', {}).data ?? [];
  const coders = useMemo(() => coderList.data?.coders ?? [], [coderList.data]);
  const path = useProject().project?.path ?? '';
  const [form, setFormState] = useState<AgreementForm>(() => (remembered?.path === path ? remembered.form : START));
  const setForm = (change: Partial<AgreementForm>) => setFormState((f) => {
    const next = { ...f, ...change };
    remembered = { path, form: next };
    return next;
  });
  // The form as left in this project; on a first visit, everyone who has coded, once the coders are known.
  useEffect(() => {
    if (!path) return;
    if (remembered?.path === path) {
      setFormState(remembered.form);
    } else if (coders.length > 0) {
      const first = { ...START, coderIds: defaultCoders(coders) };
      remembered = { path, form: first };
      setFormState(first);
    }
  }, [coders, path]);

  const args = agreementArgs(form);
  const ready = 'missing' in args ? null : args;
  const result = useQuery('analysis.agreement', ready);
  const model = useMemo(() => (result.data ? agreementTableModel(result.data) : null), [result.data]);
  const [scope, setScope] = useState<'codes' | 'documents'>('codes');
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'label', descending: false });
  const [selected, setSelected] = useState<AgreementTableRow | null>(null);
  const rows = useMemo(() => (model ? visibleRows(scope === 'codes' ? model.codes : model.documents, filter, sort.key, sort.descending) : []), [model, scope, filter, sort]);
  const onSort = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  // A row of an earlier comparison is not drilled into with the new one's options.
  useEffect(() => setSelected(null), [result.data]);

  const unit: AgreementUnit = result.data?.unit ?? 'turn';
  const coding = coders.filter((c) => c.codings > 0).length;
  const textTable = (): TextTable => {
    if (!model) return [];
    const show = model.showCohen ? (['percent', 'cohenKappa', 'brennanPrediger', 'alpha'] as const) : (['percent', 'brennanPrediger', 'alpha'] as const);
    const head = { percent: t('colPercent'), cohenKappa: t('colCohen'), brennanPrediger: t('colBp'), alpha: t('colAlpha') };
    return [
      [scope === 'documents' ? t('colDocument') : model.group ? t('colGroup') : t('colCode'), t('colCoders'), t('colUnits', { unit: t(`units_${unit}`) }), t('colDisagreements'), ...show.map((f) => head[f])],
      ...[model.overall, ...rows].map((r) => [
        r.scope === 'overall' ? t('overall') : r.label, r.coderNames, r.units, r.disagreements,
        ...show.map((f) => (r[f] === null ? (r.empty ? t(`empty_${r.empty}`) : '') : formatFigure(r[f], f === 'percent' ? 'percent' : 'coefficient', language))),
      ]),
    ];
  };
  const target = selected ? drillTarget(selected) : null;
  const withCoders = (result.data?.coders ?? []).map((c) => ({ id: c.id as number, name: c.name, colour: coders.find((x) => x.id === c.id)?.colour ?? '#888888' }));

  return (
    <section className="ag-view" data-testid="agreement-view">
      <header className="ag-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </header>
      <div className="ag-body">
        <AgreementOptions form={form} onChange={setForm} coders={coders} codes={codes} documents={documents} />
        <div className="ag-main">
          {coderList.data && coding < 2 && <p className="ag-message" data-testid="agreement-one-coder">{t('oneCoder', { n: coding })}</p>}
          {'missing' in args && coding >= 2 && <p className="ag-message" role="status" data-testid="agreement-missing">{t(`missing_${args.missing}`)}</p>}
          {result.error && <p className="ag-error" role="alert" data-testid="agreement-error">{result.error.message}</p>}
          {ready && result.loading && <p className="muted" role="status">{t('computing')}</p>}
          {model && ready && !result.error && (
            <>
              <div className="ag-toolbar">
                <div className="tri-segmented" role="group">
                  <button className={scope === 'codes' ? 'active' : ''} aria-pressed={scope === 'codes'} onClick={() => setScope('codes')} data-testid="agreement-scope-codes">
                    {model.group ? t('perGroup') : t('perCode', { n: model.codes.length })}
                  </button>
                  <button className={scope === 'documents' ? 'active' : ''} aria-pressed={scope === 'documents'} onClick={() => setScope('documents')} data-testid="agreement-scope-documents">
                    {t('perDocument', { n: model.documents.length })}
                  </button>
                </div>
                <input type="search" className="ag-filter" placeholder={t('filterRows')} aria-label={t('filterRows')} value={filter} onChange={(e) => setFilter(e.target.value)} />
                <span className="ag-spacer" />
                <TableActions table={textTable} disabled={false}
                  exportArgs={{ table: 'agreement', agreement: ready, language }} />
              </div>
              <p className="ag-note" data-testid="agreement-compared">{t('compared', { coders: model.overall.coderNames, unit: t(`units_${unit}`) })}</p>
              {!model.showCohen && <p className="ag-note muted">{t('cohenHidden', { n: result.data!.coders.length })}</p>}
              {result.data!.conflictingUnits > 0 && <p className="ag-note muted">{t('conflicting', { n: result.data!.conflictingUnits, unit: t(`units_${unit}`) })}</p>}
              <p className="ag-note muted">{t('drillHint')}</p>
              <div className={`ag-results${selected ? ' drilled' : ''}`}>
                <AgreementTable overall={model.overall} rows={rows} scope={scope} unit={unit} showCohen={model.showCohen} group={model.group}
                  sort={sort} onSort={onSort} selected={selected?.key ?? null} onSelect={setSelected} />
                {selected && target && (
                  <DisagreementList key={selected.key} args={ready} target={target} title={selected.label} coders={withCoders} onClose={() => setSelected(null)} />
                )}
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
