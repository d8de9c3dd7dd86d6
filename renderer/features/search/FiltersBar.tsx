import { useMemo, useState } from 'react';
import type { CodeId, DocumentId } from '../../../src/domain/ids';
import type { Attribute, Code, DocumentSummary, Informant, InformantType } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { attributeLabel } from '../../lib/attribute-names';
import { Popover } from './Popover';
import {
  activeFilterCount, attributeValues, codeOptions, narrowsToTranscripts, NO_FILTERS, ROLE_FILTERS, SCOPES, toggle, toggleScope, type FilterState, type RoleFilter, type Scope,
} from './search-request';
import { searchStrings, type SearchKey } from './strings';

const SCOPE_LABEL: Readonly<Record<Scope, SearchKey>> = { documents: 'scopeDocuments', memos: 'scopeMemos', codes: 'scopeCodes' };
const ROLE_FILTER_LABEL: Readonly<Record<RoleFilter, SearchKey>> = { all: 'roleAll', informant: 'roleInformantsOnly', interviewer: 'roleInterviewerOnly' };

/** Everything that narrows a search, on one wrapping bar above the results. */
export function FiltersBar({ value, onChange, types, attributes, informants, documents, codes }: {
  value: FilterState;
  onChange: (next: FilterState) => void;
  types: readonly InformantType[];
  attributes: readonly Attribute[];
  informants: readonly Informant[];
  documents: readonly DocumentSummary[];
  codes: readonly Code[];
}) {
  const t = useStrings(searchStrings);
  const { language } = useLanguage();
  const values = useMemo(() => attributeValues(informants, value.attribute.name), [informants, value.attribute.name]);
  const options = useMemo(() => codeOptions(codes), [codes]);
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const narrowed = narrowsToTranscripts(value);

  return (
    <div className="sr-filters" data-testid="search-filters" role="group" aria-label={t('filters')}>
      {types.length > 0 && (
        <div className="sr-filter sr-filter-types" role="group" aria-label={t('types')}>
          <span className="sr-filter-name">{t('types')}</span>
          <div className="sr-chips">
            {types.map((type) => {
              const on = value.typeIds.includes(type.id);
              return (
                <label key={type.id} className={`sr-chip${on ? ' on' : ''}`} data-testid="search-type-chip">
                  <input type="checkbox" checked={on} onChange={() => set({ typeIds: toggle(value.typeIds, type.id) })} />
                  <span className="swatch" style={{ background: type.colour }} />{type.name}
                </label>
              );
            })}
          </div>
        </div>
      )}

      {attributes.length > 0 && (
        <div className="sr-filter" role="group" aria-label={t('attribute')}>
          <span className="sr-filter-name">{t('attribute')}</span>
          <div className="sr-inline">
            <select
              value={value.attribute.name} aria-label={t('attribute')} data-testid="search-attribute"
              onChange={(e) => set({ attribute: { name: e.target.value, value: '' } })}
            >
              <option value="">{t('anyAttribute')}</option>
              {attributes.map((a) => <option key={a.id} value={a.name}>{attributeLabel(a.name, language)}</option>)}
            </select>
            {value.attribute.name && (
              <>
                <span className="sr-eq">=</span>
                <select
                  value={value.attribute.value} aria-label={t('attributeValue', { name: value.attribute.name })} data-testid="search-attribute-value"
                  onChange={(e) => set({ attribute: { name: value.attribute.name, value: e.target.value } })}
                >
                  <option value="">{t('anyValue')}</option>
                  {values.map((v) => <option key={v} value={v}>{v}</option>)}
                </select>
              </>
            )}
          </div>
        </div>
      )}

      <div className="sr-filter" role="group" aria-label={t('documents')}>
        <span className="sr-filter-name">{t('documents')}</span>
        <DocumentPicker documents={documents} chosen={value.documentIds} onChange={(documentIds) => set({ documentIds })} />
      </div>

      <div className="sr-filter" role="group" aria-label={t('insideCode')}>
        <span className="sr-filter-name">{t('insideCode')}</span>
        <select
          value={value.codeId ?? ''} aria-label={t('insideCode')} data-testid="search-code-filter" className="sr-code-filter"
          onChange={(e) => set({ codeId: e.target.value ? (Number(e.target.value) as CodeId) : null })}
        >
          <option value="">{t('anyCode')}</option>
          {options.map((o) => <option key={o.id} value={o.id}>{'\u00a0\u00a0\u00a0'.repeat(o.depth)}{o.name}</option>)}
        </select>
      </div>

      <div className="sr-filter" role="group" aria-label={t('role')}>
        <span className="sr-filter-name">{t('role')}</span>
        <select value={value.role} aria-label={t('role')} data-testid="search-role" onChange={(e) => set({ role: e.target.value as RoleFilter })}>
          {ROLE_FILTERS.map((role) => <option key={role} value={role}>{t(ROLE_FILTER_LABEL[role])}</option>)}
        </select>
      </div>

      <div className="sr-filter" role="group" aria-label={t('scope')}>
        <span className="sr-filter-name">{t('scope')}</span>
        <div className="sr-inline" title={narrowed ? t('scopeNarrowed') : undefined}>
          {SCOPES.map((kind) => (
            <label key={kind} className={`sr-check${narrowed && kind !== 'documents' ? ' off' : ''}`}>
              <input
                type="checkbox" checked={value.scope.includes(kind)} data-testid={`search-scope-${kind}`}
                disabled={value.scope.length === 1 && value.scope[0] === kind}
                onChange={() => set({ scope: toggleScope(value.scope, kind) })}
              />
              {t(SCOPE_LABEL[kind])}
            </label>
          ))}
        </div>
      </div>

      {activeFilterCount(value) > 0 && (
        <button type="button" className="link sr-clear" onClick={() => onChange(NO_FILTERS)} data-testid="search-clear-filters">{t('clearFilters')}</button>
      )}
    </div>
  );
}

/** A multi-select of documents: a button saying how many are chosen, a filterable checklist under it. */
function DocumentPicker({ documents, chosen, onChange }: {
  documents: readonly DocumentSummary[];
  chosen: readonly DocumentId[];
  onChange: (next: readonly DocumentId[]) => void;
}) {
  const t = useStrings(searchStrings);
  const [filter, setFilter] = useState('');
  const sorted = useMemo(() => [...documents].sort((a, b) => a.title.localeCompare(b.title, 'id', { numeric: true })), [documents]);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? sorted.filter((d) => d.title.toLowerCase().includes(needle)) : sorted;
  const live = chosen.filter((id) => documents.some((d) => d.id === id));
  const label = live.length === 0 ? t('allDocuments') : live.length === 1 ? documents.find((d) => d.id === live[0])?.title ?? t('oneDocument') : t('someDocuments', { n: live.length });
  return (
    <Popover label={<><span className="sr-picker-label">{label}</span> ▾</>} title={t('documents')} className={`sr-picker${live.length ? ' on' : ''}`} testId="search-documents">
      {() => (
        <div className="sr-doc-picker" data-testid="search-documents-panel">
          <div className="sr-doc-picker-head">
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('documentsFilter')} aria-label={t('documentsFilter')} autoFocus />
            <button type="button" className="link" disabled={live.length === 0} onClick={() => onChange([])}>{t('selectNone')}</button>
          </div>
          <ul>
            {shown.map((d) => (
              <li key={d.id}>
                <label className="sr-check">
                  <input type="checkbox" checked={live.includes(d.id)} onChange={() => onChange(toggle(live, d.id))} data-testid="search-document-option" />
                  {d.title}
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Popover>
  );
}
