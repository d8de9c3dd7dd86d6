import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SearchEmpty, SearchHit, SearchResult } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { CodeBar } from './CodeBar';
import { resolveCode } from './code-choice';
import { DidYouMean } from './DidYouMean';
import { FiltersBar } from './FiltersBar';
import { formatMs, groupByKind, summarise, undoShortcut } from './format';
import { codableKeys, codeRequest, hitKey, pruneSelection, selectAllState, toggleAll, type CodingUnit } from './hit-selection';
import { HitTable } from './HitTable';
import { SearchBox } from './SearchBox';
import { NO_FILTERS, toSearchFilters, type FilterState, type SortOrder } from './search-request';
import { plural, searchStrings } from './strings';
import './search.css';

/** The most hits asked of the core (the contract's maximum); `total` says how many there were. */
export const HIT_LIMIT = 2000;
/**
 * Hits asked first, for the lines drawn first: a common word's 2,000 hits cost the core 10–15 times
 * what its first 60 do (each hit is cut from its passage) and make an answer of 850 KB. The rest
 * is asked once these are on screen.
 */
export const FIRST_HITS = 60;
/** Lines drawn at first and per "show more": enough to read, few enough to draw in one task well under 100 ms. */
export const PAGE = 200;

interface Remembered {
  /** The project the search was made in: ids mean nothing in another. */
  project: string | null;
  query: string;
  filters: FilterState;
  sort: SortOrder;
  unit: CodingUnit;
  codeText: string;
  /** The selection, for the search it was made in (query, filters and sort as one key). */
  selection: { key: string; keys: ReadonlySet<string> };
  current: number;
}

/**
 * The search as it was left: opening a hit and coming back (or switching views) finds the
 * same query, filters, selection and line, as a reading habit rather than a saved setting.
 */
const FRESH: Remembered = {
  project: null, query: '', filters: NO_FILTERS, sort: 'relevance', unit: 'sentence', codeText: '', selection: { key: '', keys: new Set() }, current: 0,
};
let remembered = FRESH;

/** Forgets the last search, as if the view had never been opened (tests start from here). */
export function forgetSearch(): void {
  remembered = FRESH;
}

/**
 * Full-text search across every interview, memo and code, read as a concordance and coded
 * straight from the hits (search-to-code).
 */
export function SearchView({ initialQuery }: { initialQuery: string }) {
  const t = useStrings(searchStrings);
  const { navigate, run, notify, route, project } = useProject();
  const projectPath = project?.path ?? null;
  const [memory] = useState(() => (remembered.project === projectPath ? remembered : FRESH));
  const startQuery = initialQuery.trim() || memory.query;
  const [input, setInput] = useState(startQuery);
  const [query, setQuery] = useState(startQuery);
  const [filters, setFilters] = useState<FilterState>(memory.filters);
  const [sort, setSort] = useState<SortOrder>(memory.sort);
  const [unit, setUnit] = useState<CodingUnit>(memory.unit);
  const [codeText, setCodeText] = useState(memory.codeText);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  // A new query from outside (a link, Find with text) replaces the one typed.
  const [seenInitial, setSeenInitial] = useState(initialQuery);
  if (initialQuery !== seenInitial) {
    setSeenInitial(initialQuery);
    if (initialQuery.trim()) { setInput(initialQuery); setQuery(initialQuery.trim()); }
  }
  // Find (Ctrl+F) while already here: back to the field, its text selected to type over.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [route]);

  const contractFilters = useMemo(() => toSearchFilters(filters), [filters]);
  const args = query ? { query, ...(contractFilters ? { filters: contractFilters } : {}), sort } : null;
  const searchKey = args ? JSON.stringify(args) : '';
  // The first lines, then the rest: the first page alone while it is all the view has for this
  // search; once it has come and could have more, the whole answer alone, so a change re-reads one query.
  const [restFor, setRestFor] = useState<string | null>(null);
  const wantRest = args !== null && restFor === searchKey;
  const first = useQuery('search.query', args && !wantRest ? { ...args, limit: FIRST_HITS } : null);
  const rest = useQuery('search.query', args && wantRest ? { ...args, limit: HIT_LIMIT } : null);
  const answer = wantRest ? rest : first;
  // Fewer hits than asked for is every hit there is (each matching passage yields at least one).
  if (args && !wantRest && first.data && first.data.hits.length >= FIRST_HITS) setRestFor(searchKey);

  // The last answer stays on screen while the next is read, so results never blink away.
  const [shown, setShown] = useState<{ key: string; result: SearchResult } | null>(null);
  if (answer.data && shown?.result !== answer.data) setShown({ key: searchKey, result: answer.data });
  // Dimmed only while the lines shown belong to another search; the rest of this one's lines come in quietly.
  const stale = answer.loading && !!args && shown?.key !== searchKey;
  const more = answer.loading && !!args && !stale;
  const failed = !answer.loading ? answer.error : undefined;
  // A query the core refused has no results: the last good ones belong to another query.
  const result = args && shown && !failed ? shown.result : null;

  const [selection, setSelection] = useState(() => (memory.selection.key === searchKey ? memory.selection.keys : new Set<string>()));
  const [current, setCurrent] = useState(() => (memory.selection.key === searchKey ? memory.current : 0));
  const [visible, setVisible] = useState(PAGE);
  // A different search starts at the top with nothing selected; a re-read of the same one
  // (after coding, say) keeps both, minus hits that went away.
  const [selectionFor, setSelectionFor] = useState(searchKey);
  if (shown && shown.key !== selectionFor) {
    setSelectionFor(shown.key);
    setSelection(new Set());
    setCurrent(0);
    setVisible(PAGE);
  } else if (shown) {
    const pruned = pruneSelection(selection, shown.result.hits, filters.role === 'interviewer');
    if (pruned !== selection) setSelection(pruned);
  }

  // A new search reads from the top.
  const bodyRef = useRef<HTMLDivElement>(null);
  const scrolledFor = useRef(selectionFor);
  // Only when the lines were scrolled: scrolling right after new lines are drawn lays the page out
  // at once (25–70 ms on the bench's busy machine, before the first line could show).
  const scrolledDown = useRef(false);
  useEffect(() => {
    if (scrolledFor.current === selectionFor) return;
    scrolledFor.current = selectionFor;
    if (scrolledDown.current) bodyRef.current?.scrollTo?.({ top: 0 });
    scrolledDown.current = false;
  }, [selectionFor]);

  useEffect(() => {
    remembered = { project: projectPath, query, filters, sort, unit, codeText, selection: { key: selectionFor, keys: selection }, current };
  }, [projectPath, query, filters, sort, unit, codeText, selectionFor, selection, current]);

  const types = useQuery('informantTypes.list', {}).data;
  const attributes = useQuery('attributes.list', {}).data;
  const informants = useQuery('informants.list', {}).data;
  const documents = useQuery('documents.list', {}).data;
  const codes = useQuery('codes.list', {}).data;
  const typeColour = useMemo(() => new Map((types ?? []).map((ty) => [ty.name, ty.colour])), [types]);

  const hits = useMemo(() => result?.hits ?? [], [result]);
  const ordered = useMemo(() => {
    const g = groupByKind(hits);
    return [...g.documents, ...g.memos, ...g.codes];
  }, [hits]);
  const rows = useMemo(() => ordered.slice(0, visible), [ordered, visible]);
  const summary = result ? summarise(result) : null;
  const interviewerAsked = filters.role === 'interviewer';
  const codableCount = useMemo(() => codableKeys(hits, interviewerAsked).length, [hits, interviewerAsked]);
  const allState = selectAllState(selection, hits, interviewerAsked);
  const selectedCount = useMemo(() => codableKeys(hits, interviewerAsked).filter((k) => selection.has(k)).length, [hits, selection, interviewerAsked]);

  const runSearch = (text: string) => {
    const q = text.trim();
    if (!q) return;
    setQuery(q);
  };

  const onToggle = useCallback((hit: SearchHit) => {
    const key = hitKey(hit);
    setSelection((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const onOpen = useCallback((hit: SearchHit) => {
    if (hit.kind === 'document' && hit.documentId !== null) navigate({ view: 'document', documentId: hit.documentId, focus: { start: hit.start, end: hit.end } });
    else if (hit.kind === 'memo') navigate({ view: 'journal' });
    else if (hit.codeId !== null) navigate({ view: 'code', codeId: hit.codeId });
  }, [navigate]);

  const apply = () => {
    if (!result || !codes) return;
    const code = resolveCode(codes, codeText);
    if (!code) return;
    const request = codeRequest({ query, filters: contractFilters, result, selected: selection, unit, code });
    if (!request) return;
    const name = 'codeId' in code ? codes.find((c) => c.id === code.codeId)?.name ?? codeText.trim() : code.codeName;
    setBusy(true);
    run('search.code', request).then((outcome) => {
      const coded = plural(t, outcome.applied, 'codedOne', 'codedMany').replace('{code}', name);
      const skipped = outcome.skipped > 0 ? `; ${plural(t, outcome.skipped, 'skippedOne', 'skippedMany')}` : '';
      notify({ tone: 'info', message: `${coded}${skipped}. ${t('undoHint', { key: undoShortcut(navigator.platform) })}` });
    }).catch(() => undefined).finally(() => setBusy(false));
  };

  const intoResults = () => {
    if (rows.length === 0) return;
    gridRef.current?.focus();
  };
  const currentRow = Math.min(current, Math.max(0, rows.length - 1));

  return (
    <section className="sr-view" data-testid="search-view">
      <header className="sr-top">
        <div className="sr-title-row">
          <h1>{t('title')}</h1>
          <SearchBox inputRef={inputRef} value={input} busy={stale} onChange={setInput} onRun={runSearch} onLeaveDown={intoResults} />
        </div>
        <FiltersBar
          value={filters} onChange={setFilters} types={types ?? []} attributes={attributes ?? []}
          informants={informants ?? []} documents={documents ?? []} codes={codes ?? []}
        />
      </header>

      {args && (
        <div className="sr-status">
          <p className="sr-summary" data-testid="search-summary" aria-live="polite">
            {failed ? null : !result ? t('searching') : more && summary!.truncated ? (
              // The first lines of a long answer: the counts by transcript wait for the rest.
              <strong data-testid="search-more-coming">{t(summary!.atLeast ? 'firstHitsAtLeast' : 'firstHits', { shown: result.hits.length, total: result.total })} · {t('searching')}</strong>
            ) : (
              <>
                <strong>{result.total === 0 ? t('noHitsShort') : summary!.documentHits === 0 ? t('noTranscriptHits') : t('hitsIn', {
                  hits: plural(t, summary!.documentHits, 'hitsOne', 'hitsMany'),
                  docs: plural(t, summary!.documents, 'transcriptsOne', 'transcriptsMany'),
                })}</strong>
                {summary!.memoHits > 0 && <span> · {t('inMemos', { n: summary!.memoHits })}</span>}
                {summary!.codeHits > 0 && <span> · {t('inCodes', { n: summary!.codeHits })}</span>}
                <span className="sr-took"> · {t('took', { ms: formatMs(result.tookMs) })}</span>
                {stale && <span className="sr-took"> · {t('searching')}</span>}
              </>
            )}
          </p>
          <span className="sr-keys muted">{result && rows.length > 0 ? t('keysHint') : null}</span>
          <label className="sr-inline sr-sort">
            {t('sort')}
            <select value={sort} onChange={(e) => setSort(e.target.value as SortOrder)} data-testid="search-sort">
              <option value="relevance">{t('sortRelevance')}</option>
              <option value="document">{t('sortDocument')}</option>
            </select>
          </label>
        </div>
      )}
      {result && summary?.truncated && !more && (
        <p className="sr-truncated" data-testid="search-truncated">
          {t(summary.atLeast ? 'truncatedAtLeast' : 'truncated', { shown: result.hits.length, total: result.total })}
        </p>
      )}
      {failed && <p className="sr-error" role="alert" data-testid="search-error">{failed.message}</p>}

      {result && codableCount > 0 && (
        <CodeBar
          selectedCount={selectedCount} codableCount={codableCount} unit={unit} codeText={codeText} codes={codes ?? []} busy={busy}
          onUnit={setUnit} onCodeText={setCodeText} onApply={apply}
        />
      )}

      <div ref={bodyRef} className={`sr-body${stale ? ' stale' : ''}`} onScroll={(e) => { scrolledDown.current = e.currentTarget.scrollTop > 0; }}>
        {!args && <StartHint onPick={(q) => { setInput(q); runSearch(q); }} />}
        {result && result.total === 0 && !failed && (
          <div className="sr-empty" data-testid="search-empty">
            <p>{t('noHits', { query: `“${query}”` })}</p>
            <EmptyReason empty={result.empty ?? null} filtered={!!contractFilters} />
            <DidYouMean query={query} />
          </div>
        )}
        {result && rows.length > 0 && (
          <>
            <HitTable
              rows={rows} gridRef={gridRef} current={currentRow} selected={selection} allState={allState} codableCount={codableCount}
              typeColour={typeColour} onCurrent={setCurrent} onToggle={onToggle} onToggleAll={() => setSelection((s) => toggleAll(s, hits, interviewerAsked))} onOpen={onOpen} interviewerAsked={interviewerAsked}
            />
            {ordered.length > rows.length && (
              <div className="sr-more">
                <span className="muted">{t('shownOf', { shown: rows.length, total: ordered.length })}</span>
                <button type="button" onClick={() => setVisible((v) => v + PAGE)} data-testid="search-show-more">
                  {t('showMore', { n: Math.min(PAGE, ordered.length - rows.length) })}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** Before the first search: how to write one, with examples to click. */
function StartHint({ onPick }: { onPick: (query: string) => void }) {
  const t = useStrings(searchStrings);
  const examples = ['kolaborasi', '"co-creation"', 'pelanggan', '"brand equity"', 'mitra*'];
  return (
    <div className="sr-start" data-testid="search-start">
      <p>{t('startHint')}</p>
      <p className="sr-start-examples">
        <span className="muted">{t('startExamples')}</span>
        {examples.map((q) => <button key={q} type="button" className="sr-example" onClick={() => onPick(q)}>{q}</button>)}
      </p>
      <p className="muted">{t('syntaxRoots')}</p>
    </div>
  );
}

/** Why nothing was found, when the core could tell: a missing word, words never together, or the filters. */
function EmptyReason({ empty, filtered }: { empty: SearchEmpty | null; filtered: boolean }) {
  const t = useStrings(searchStrings);
  const quoted = (terms: readonly string[]) => terms.map((term) => `“${term}”`).join(', ');
  if (empty?.kind === 'missing') return <p className="muted" data-testid="search-empty-reason">{t('emptyMissing', { terms: quoted(empty.terms) })}</p>;
  if (empty?.kind === 'apart') return <p className="muted" data-testid="search-empty-reason">{t('emptyApart', { terms: quoted(empty.terms) })}</p>;
  if (empty?.kind === 'filtered') return <p className="muted" data-testid="search-empty-reason">{t('emptyFiltered', { n: empty.total })}</p>;
  return filtered ? <p className="muted">{t('noHitsFiltered')}</p> : null;
}
