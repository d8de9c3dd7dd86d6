import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeId } from '../../../src/domain/ids';
import { formatTimeRange } from '../../../src/domain/recordings';
import type { Code, Comment, Extract } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { rowBudget, useGrowingLimit } from '../../lib/use-growing-limit';
import { ancestorsOf, subtreeIds } from './code-tree';
import { copyText } from '../../lib/copy-text';
import { downloadBlob } from '../../lib/download';
import { useTableExport } from '../export/table-export';
import { extractsCsv, groupExtracts, summariseExtracts, type GroupOptions } from './extract-groups';
import { Modal } from '../../lib/Modal';
import { CoderBar } from '../coders/CoderBar';
import { CommentList, CommentThread } from '../comments/CommentThread';
import { commentStrings } from '../comments/strings';
import { coderStrings } from '../coders/strings';
import { useCoderView } from '../coders/use-coder-view';
import { extractsStrings, plural } from './strings';
import './codebook.css';
import './extracts.css';

/** Whether sub-codes are included carries over from one code to the next, as a reading habit. */
/** Extracts asked for first, beside the whole list: they show while the rest (a thousand, for a big code) is read. */
const FIRST_EXTRACTS = 30;

let rememberedIncludeChildren = false;
const NO_EXTRACTS: readonly Extract[] = [];

/**
 * One code in the main area: what it means, who says it (by informant type, then
 * informant) and every extract, each a way back into its transcript.
 */
export function CodeExtractsView({ codeId }: { codeId: CodeId }) {
  const t = useStrings(extractsStrings);
  const tc = useStrings(coderStrings);
  const tcm = useStrings(commentStrings);
  const { navigate, run, notify, cache } = useProject();
  const codesQuery = useQuery('codes.list', {});
  const codes = codesQuery.data;
  const code = codes?.find((c) => c.id === codeId);
  const [includeChildren, setIncludeChildrenState] = useState(rememberedIncludeChildren);
  const setIncludeChildren = (value: boolean) => { rememberedIncludeChildren = value; setIncludeChildrenState(value); };
  const subCodes = useMemo(() => (codes ? codes.filter((c) => c.parentId === codeId) : []), [codes, codeId]);
  const descendants = useMemo(() => (codes ? subtreeIds(codes, codeId).size - 1 : 0), [codes, codeId]);
  const withChildren = includeChildren && descendants > 0;
  // Blind mode or the coder filter: these coders' extracts and counts only (none before one's first coding, blind).
  const whose = useCoderView();
  // Nothing is read until it is known whether this coder codes blind.
  const noneOfTheirs = !whose.known || (whose.coderIds !== null && whose.coderIds.length === 0);
  const coders = whose.coderIds && whose.coderIds.length > 0 ? { coders: [...whose.coderIds] } : {};
  const countedCode = useQuery('codes.list', whose.coderIds && whose.coderIds.length > 0 ? coders : null).data?.find((c) => c.id === codeId);
  const allArgs = code && !noneOfTheirs ? { codeId, includeChildren: withChildren, ...coders } : null;
  // The first extracts are asked before the whole list: the core answers one read after the other, and
  // the whole list of a code with a thousand extracts takes it about 50 ms. Once the whole list is
  // there (this component re-renders as it arrives), the first ones are no longer asked.
  const haveAll = allArgs !== null && cache.state('codings.forCode', allArgs).data !== undefined;
  const firstQuery = useQuery('codings.forCode', allArgs && !haveAll ? { ...allArgs, limit: FIRST_EXTRACTS } : null);
  const extractsQuery = useQuery('codings.forCode', allArgs);
  const informants = useQuery('informants.list', {}).data;
  // Comments on the quotes (a supervisor's, from a review package, or a teammate's), shown under each extract.
  const allComments = useQuery('comments.list', {}).data;
  const quoteComments = useMemo(() => {
    const byCoding = new Map<number, Comment[]>();
    for (const c of allComments ?? []) if (c.target?.kind === 'coding') byCoding.set(c.target.id, [...(byCoding.get(c.target.id) ?? []), c]);
    return byCoding;
  }, [allComments]);
  const types = useQuery('informantTypes.list', {}).data;
  const [manualCsv, setManualCsv] = useState<string | null>(null);
  const { tableFile } = useTableExport();

  const options = useMemo<GroupOptions>(() => ({
    typeOrder: types?.map((ty) => ty.name) ?? [],
    typeOfLabel: new Map((informants ?? []).map((i) => [i.label, i.typeName])),
  }), [types, informants]);
  const extracts = noneOfTheirs ? NO_EXTRACTS : extractsQuery.data;
  // Counts are findings: they come from the whole list only. The first extracts are drawn meanwhile, without counts.
  const shownExtracts = extracts ?? firstQuery.data;
  const counted = extracts !== undefined;
  const groups = useMemo(() => (shownExtracts ? groupExtracts(shownExtracts, options) : []), [shownExtracts, options]);
  const summary = useMemo(() => summariseExtracts(extracts ?? [], groups), [extracts, groups]);
  const { limit, sentinel } = useGrowingLimit(shownExtracts?.length ?? 0);

  if (!codes) return <div className="cx-view"><p className="muted">{t('loading')}</p></div>;
  if (!code) return <div className="cx-view"><p className="cx-missing" data-testid="code-missing">{t('missing')}</p></div>;

  const copyCsv = async () => {
    if (!extracts) return;
    const csv = extractsCsv(extracts, {
      type: t('csvType'), informant: t('csvInformant'), document: t('csvDocument'), quote: t('csvQuote'),
      ...(withChildren ? { code: t('csvCode') } : {}),
    }, options);
    if (await copyText(csv)) notify({ tone: 'info', message: t('copied', { extracts: plural(t, extracts.length, 'extractsOne', 'extractsMany') }) });
    else setManualCsv(csv);
  };

  const hasExtracts = counted && extracts.length > 0;
  const typeColour = new Map(types?.map((ty) => [ty.name, ty.colour]));
  const ancestors = ancestorsOf(codes, code.id);
  const summaryText = t('summary', {
    extracts: plural(t, summary.extracts, 'extractsOne', 'extractsMany'),
    informants: plural(t, summary.informants, 'informantsOne', 'informantsMany'),
    types: plural(t, summary.types, 'typesOne', 'typesMany'),
  });
  // Every type of the project has a row: a type with nothing to say is a finding (silence), not a gap.
  const typeRows = [
    ...(types ?? []).map((ty) => ({ name: ty.name, colour: ty.colour, total: ty.informantCount, group: groups.find((g) => g.type === ty.name) })),
    ...groups.filter((g) => !(types ?? []).some((ty) => ty.name === g.type)).map((g) => ({ name: g.type, colour: '#bbbbbb', total: null, group: g })),
  ];

  const take = rowBudget(limit);
  return (
    <div className="cx-view" data-testid="code-extracts-view">
      <nav className="cx-crumbs" aria-label={t('topLevel')}>
        <span>{t('topLevel')}</span>
        {ancestors.map((a) => (
          <span key={a.id}> › <button className="link" onClick={() => navigate({ view: 'code', codeId: a.id })}>{a.name}</button></span>
        ))}
      </nav>
      <header className="cx-head">
        <ColourSwatch code={code} title={t('colourHint')} onChange={(colour) => void run('codes.update', { id: code.id, colour }).catch(() => undefined)} />
        <h1 className="cx-name" data-testid="code-title">{code.name}</h1>
        {code.inVivo && <span className="cx-badge" title={t('inVivoHint')} data-testid="code-invivo">{t('inVivo')}</span>}
        <span className="cx-counts" data-testid="code-counts">
          {whose.coderIds === null
            ? <>{plural(t, code.codingCount, 'codingsOne', 'codingsMany')} · {plural(t, code.informantCount, 'informantsOne', 'informantsMany')}</>
            : <>{plural(t, countedCode?.codingCount ?? 0, 'codingsOne', 'codingsMany')} · {plural(t, countedCode?.informantCount ?? 0, 'informantsOne', 'informantsMany')} · {whose.blind ? tc('blindOn') : tc('countsOf', { names: whose.names.join(', ') })}</>}
        </span>
        <CoderBar />
      </header>

      <Description code={code} onSave={(description) => void run('codes.update', { id: code.id, description }).catch(() => undefined)} />

      <div className="cx-comments"><CommentThread key={code.id} target={{ kind: 'code', id: code.id }} title={tcm('codeComments')} testId="code-comments" /></div>

      {subCodes.length > 0 && (
        <div className="cx-subcodes">
          <span className="cx-label">{t('subCodes')}</span>
          {subCodes.map((s) => (
            <button key={s.id} className="cx-chip" onClick={() => navigate({ view: 'code', codeId: s.id })}>
              <span className="swatch" style={{ background: s.colour }} />{s.name} <span className="count">{s.codingCount}</span>
            </button>
          ))}
        </div>
      )}

      <section className="cx-overview">
        <div className="cx-toolbar">
          <p className="cx-summary" data-testid="extracts-summary">{!extracts ? t('loading') : extracts.length === 0 ? t('noExtracts') : summaryText}</p>
          {descendants > 0 && (
            <label className="cx-toggle" title={t('includeSubCodesHint')}>
              <input type="checkbox" checked={includeChildren} onChange={(e) => setIncludeChildren(e.target.checked)} data-testid="include-subcodes" />
              {t('includeSubCodes', { n: descendants })}
            </label>
          )}
          <button onClick={() => void copyCsv()} disabled={!extracts || extracts.length === 0} title={t('copyCsvHint')} data-testid="copy-csv">{t('copyCsv')}</button>
          <button disabled={!extracts || extracts.length === 0} title={t('exportXlsxHint')} data-testid="code-extracts-xlsx"
            onClick={() => void tableFile({ table: 'extracts', codeId }, 'xlsx').then(({ blob, fileName }) => downloadBlob(blob, fileName), (e: unknown) => notify({ tone: 'error', message: e instanceof Error ? e.message : String(e) }))}
          >{t('exportXlsx')}</button>
        </div>
        {hasExtracts && typeRows.length > 0 && (
          <table className="cx-types" data-testid="extracts-by-type">
            <thead>
              <tr><th>{t('colType')}</th><th className="num">{t('colInformants')}</th><th className="num">{t('colExtracts')}</th><th className="cx-bar-col" aria-hidden="true" /></tr>
            </thead>
            <tbody>
              {typeRows.map((row) => {
                const count = row.group?.extractCount ?? 0;
                return (
                  <tr key={row.name || 'none'} className={count === 0 ? 'silent' : undefined}>
                    <td><span className="swatch" style={{ background: row.colour }} />{row.name || t('noInformant')}</td>
                    <td className="num">
                      {row.total !== null ? t('ofTotal', { n: row.group?.informantCount ?? 0, total: row.total }) : row.group?.informantCount ?? 0}
                    </td>
                    <td className="num">{count === 0 ? <span className="cx-silent">{t('silent')}</span> : count}</td>
                    <td className="cx-bar-col" aria-hidden="true">
                      <span className="cx-bar" style={{ width: `${summary.extracts ? Math.round((count / summary.extracts) * 100) : 0}%`, background: row.colour }} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {hasExtracts && typeRows.length > 0 && <p className="cx-note muted">{t('byTypeHint')}</p>}
        {extracts?.length === 0 && <p className="cx-empty muted">{t('empty')}</p>}
      </section>

      <section className="cx-extracts" aria-label={t('extracts')}>
        {groups.map((group) => {
          const informants = group.informants.map((informant) => ({ informant, shown: take(informant.extracts) })).filter((i) => i.shown.length > 0);
          return informants.length > 0 && (
            <section key={group.type || 'none'} className="cx-type" data-testid="extract-type-group" data-type-name={group.type}>
              <h2 className="cx-type-name">
                <span className="swatch" style={{ background: typeColour.get(group.type) ?? '#bbbbbb' }} />
                {group.type || t('noInformant')}
                {counted && <span className="count">{plural(t, group.informantCount, 'informantsOne', 'informantsMany')} · {plural(t, group.extractCount, 'extractsOne', 'extractsMany')}</span>}
              </h2>
              {informants.map(({ informant, shown }) => (
                <div key={informant.label || 'none'} className="cx-informant">
                  <h3 className="cx-informant-name">{informant.label || t('noInformant')} {counted && <span className="count">{informant.extracts.length}</span>}</h3>
                  {shown.map((extract) => (
                    <ExtractCard key={extract.id} extract={extract} codeId={code.id} codes={codes} title={t('openAt')} comments={quoteComments.get(extract.id)}
                      onOpen={() => navigate({ view: 'document', documentId: extract.documentId, focus: { start: extract.start, end: extract.end } })} />
                  ))}
                </div>
              ))}
            </section>
          );
        })}
        {sentinel}
      </section>

      {manualCsv !== null && (
        <Modal title={t('copyTitle')} onClose={() => setManualCsv(null)} size="large" footer={<button className="primary" onClick={() => setManualCsv(null)}>{t('close')}</button>}>
          <p>{t('copyManual')}</p>
          <textarea className="cx-csv" readOnly value={manualCsv} rows={14} onFocus={(e) => e.currentTarget.select()} autoFocus data-testid="csv-text" />
        </Modal>
      )}
    </div>
  );
}

function ExtractCard({ extract, codeId, codes, title, comments, onOpen }: {
  extract: Extract; codeId: CodeId; codes: readonly Code[]; title: string; comments: readonly Comment[] | undefined; onOpen: () => void;
}) {
  const fromSubCode = extract.codeId !== codeId ? codes.find((c) => c.id === extract.codeId) : undefined;
  const card = (
    <button className="cx-extract" onClick={onOpen} title={title} data-testid="extract" data-coding-id={extract.id}>
      <span className="cx-quote">{extract.quote}</span>
      <span className="cx-meta">
        <span className="cx-doc">{extract.documentTitle}</span>
        {extract.time && <span className="cx-time" data-testid="extract-time"> {formatTimeRange(extract.time.startMs, extract.time.endMs)}</span>}
        {extract.informantLabels.length > 0 && <span> · {extract.informantLabels.join(', ')}</span>}
        {fromSubCode && <span className="cx-subcode"><span className="swatch" style={{ background: fromSubCode.colour }} />{fromSubCode.name}</span>}
      </span>
    </button>
  );
  if (!comments || comments.length === 0) return card;
  // The quote's thread under it: read and resolved here, written from the coding in its transcript.
  return <div className="cx-extract-with-comments" data-testid="extract-comments">{card}<CommentList comments={comments} /></div>;
}

/** The description is the code's definition in the codebook appendix: editable where it is read. */
function Description({ code, onSave }: { code: Code; onSave: (text: string) => void }) {
  const t = useStrings(extractsStrings);
  const [draft, setDraft] = useState<string | null>(null);
  // A reviewer of a team project reads the description; writing it is the coders'.
  const mayChange = useMayChange();
  // Another code, or the same code changed elsewhere (panel, undo): drop a stale draft.
  useEffect(() => setDraft(null), [code.id]);
  if (draft !== null) {
    const save = () => {
      if (draft !== code.description) onSave(draft);
      setDraft(null);
    };
    return (
      <div className="cx-description editing">
        <textarea
          autoFocus
          rows={5}
          value={draft}
          placeholder={t('describePlaceholder')}
          aria-label={t('description')}
          maxLength={20000}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save(); }
            if (e.key === 'Escape') { e.preventDefault(); setDraft(null); }
          }}
          data-testid="code-view-description-input"
        />
        <div className="cx-description-actions">
          <button onClick={() => setDraft(null)}>{t('cancel')}</button>
          <button className="primary" onClick={save} data-testid="code-view-description-save">{t('save')}</button>
        </div>
      </div>
    );
  }
  return (
    <div className="cx-description" data-testid="code-view-description">
      {code.description
        ? <p className="cx-description-text">{code.description}</p>
        : <p className="cx-description-text muted">{t('noDescription')}</p>}
      {mayChange && (
        <button className="link" onClick={() => setDraft(code.description)} data-testid="code-view-description-edit">
          {code.description ? t('edit') : t('write')}
        </button>
      )}
    </div>
  );
}

/** The colour chip opens the native picker; only the final pick becomes a change (one undo step). */
function ColourSwatch({ code, title, onChange }: { code: Code; title: string; onChange: (colour: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState(code.colour);
  useEffect(() => setPreview(code.colour), [code.colour]);
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const commit = () => { if (el.value.toLowerCase() !== code.colour.toLowerCase()) onChange(el.value); };
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, [code.colour, onChange]);
  // A reviewer of a team project sees the colour; choosing it is the coders'.
  const mayChange = useMayChange();
  if (!mayChange) return <span className="cx-swatch" style={{ background: code.colour }} aria-hidden="true" />;
  return (
    <label className="cx-swatch" style={{ background: preview }} title={title}>
      <input ref={input} type="color" value={preview} onChange={(e) => setPreview(e.target.value)} aria-label={title} data-testid="code-view-colour" />
    </label>
  );
}
