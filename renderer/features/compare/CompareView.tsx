import { Fragment, memo, useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { AgreementUnit } from '../../../src/domain/agreement';
import { AGREEMENT_UNITS } from '../../../src/domain/agreement';
import type { CodeId, CoderId, DocumentId, Utf16Offset } from '../../../src/domain/ids';
import type { AgreementFigures } from '../../../src/domain/agreement';
import type { Code, Coder } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { formatNumber } from '../../lib/numbers';
import { useProject, useQuery } from '../../lib/state';
import { useGrowingLimit } from '../../lib/use-growing-limit';
import { blockIndexAt, buildBlocks, segmentLine, type Block } from '../transcript/blocks';
import { clip, estimateHeight } from '../transcript/TranscriptReader';
import { rangeToOffsets } from '../transcript/selection-offsets';
import { useVirtualList } from '../transcript/use-virtual-list';
import { codingIdsOf, compareCodings, pieceStatus, type Disagreement, type Mark } from './compare-model';
import { compareStrings } from './strings';
import '../transcript/transcript.css';
import './compare.css';

interface Props {
  readonly documentId: DocumentId;
  /** The two coders compared; the first two people who code when not given. */
  readonly coderIds?: readonly [CoderId, CoderId] | undefined;
  /** One code to compare; every code when not given. */
  readonly codeId?: CodeId | undefined;
}

const MARGIN = 40;

/**
 * Two coders' codings of one transcript, overlaid on one text rather than side by side: each
 * passage is read once, with what both coded, and what only one did, in the coders' colours; and
 * one scroll, where two columns would have to be kept level turn by turn. Beside it, the agreement
 * figures per code and the disagreements, each settled in place (codings.resolve).
 */
export function CompareView({ documentId, coderIds, codeId }: Props) {
  const t = useStrings(compareStrings);
  const { run, navigate, notify } = useProject();
  const text = useQuery('documents.text', { id: documentId });
  const title = useQuery('documents.list', {}).data?.find((d) => d.id === documentId)?.title ?? '';
  const codings = useQuery('codings.forDocument', { documentId });
  const codes = useQuery('codes.list', {});
  const coderList = useQuery('coders.list', {});
  const people = useMemo(() => coderList.data?.coders.filter((c) => !c.consensus) ?? [], [coderList.data]);
  const consensus = coderList.data?.coders.find((c) => c.consensus) ?? null;

  const [pair, setPair] = useState<readonly [CoderId, CoderId] | null>(coderIds ?? null);
  const [first, second] = resolvePair(pair, people, coderList.data?.current);
  const [unit, setUnit] = useState<AgreementUnit>('turn');
  const [chosen, setChosen] = useState<ReadonlySet<CodeId> | null>(codeId !== undefined ? new Set([codeId]) : null);
  const [showSettled, setShowSettled] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);

  // The codes either coder applied here, in codebook order: the ones there is anything to compare on.
  const usedCodes = useMemo(() => {
    if (!codes.data || !codings.data || !first || !second) return [];
    const used = new Set(codings.data.filter((c) => c.coderId === first.id || c.coderId === second.id).map((c) => c.codeId));
    return codes.data.filter((c) => used.has(c.id));
  }, [codes.data, codings.data, first, second]);
  const compared = useMemo(() => usedCodes.filter((c) => chosen === null || chosen.has(c.id)), [usedCodes, chosen]);
  const comparison = useMemo(() => (first && second && codings.data
    ? compareCodings({ codings: codings.data, first: first.id, second: second.id, consensus: consensus?.id ?? null, codeIds: compared.map((c) => c.id) })
    : null), [codings.data, first, second, consensus, compared]);

  const agreement = useQuery('analysis.agreement', first && second && compared.length > 0
    ? { coders: [first.id, second.id], documentIds: [documentId], codeIds: compared.map((c) => c.id), unit }
    : null);

  const blind = coderList.data?.blind ?? false;
  if (text.error || codings.error) return <section className="cmp cmp-message"><p>{t('loadFailed', { message: (text.error ?? codings.error)!.message })}</p></section>;
  if (blind) {
    return (
      <section className="cmp cmp-message" data-testid="compare-view">
        <p>{t('blindOn')}</p>
        <button onClick={() => void run('coders.setBlind', { blind: false }).catch(() => undefined)} data-testid="compare-blind-off">{t('blindOff')}</button>
      </section>
    );
  }
  if (coderList.data && people.length < 2) return <section className="cmp cmp-message" data-testid="compare-view"><p>{t('onePerson')}</p></section>;
  if (!text.data || !codings.data || !codes.data || !first || !second || !comparison) {
    return <section className="cmp cmp-message" aria-busy="true"><p className="muted">{t('loading')}</p></section>;
  }

  const choose = (side: 0 | 1, id: CoderId) => {
    const other = side === 0 ? second.id : first.id;
    // Choosing the other side's coder swaps the two: a coder is never compared with themself.
    const next: [CoderId, CoderId] = side === 0 ? [id, id === other ? first.id : other] : [id === other ? second.id : other, id];
    setPair(next);
    setSelected(null);
  };
  const settle = async (d: Disagreement, keep: { kind: 'coder'; coderId: CoderId } | { kind: 'both' } | { kind: 'consensus'; start: Utf16Offset; end: Utf16Offset }, how: string) => {
    try {
      await run('codings.resolve', { codingIds: codingIdsOf(d), keep });
      notify({ tone: 'info', message: t('settledNotice', { how }) });
    } catch {
      // The refusal is shown as a notice; nothing changed.
    }
  };

  const style = { '--cmp-a': first.colour, '--cmp-b': second.colour } as CSSProperties;
  return (
    <section className="cmp" style={style} data-testid="compare-view">
      <header className="cmp-head">
        <h1 className="cmp-title">{t('title')} <span className="muted">· {title}</span></h1>
        <div className="cmp-controls">
          <CoderSelect label={t('first')} people={people} value={first.id} onChange={(id) => choose(0, id)} testId="compare-first" />
          <CoderSelect label={t('second')} people={people} value={second.id} onChange={(id) => choose(1, id)} testId="compare-second" />
          <label className="field cmp-field">
            <span>{t('unit')}</span>
            <select value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)} data-testid="compare-unit">
              {AGREEMENT_UNITS.map((u) => <option key={u} value={u}>{t(`unit_${u}`)}</option>)}
            </select>
          </label>
        </div>
        <p className="cmp-legend">
          <span className="muted">{t('legend')}</span>
          <span className="cmp-seg cmp-both">{t('legendBoth')}</span>
          <span className="cmp-seg cmp-first">{t('legendOnly', { name: first.name })}</span>
          <span className="cmp-seg cmp-second">{t('legendOnly', { name: second.name })}</span>
        </p>
      </header>
      <div className="cmp-body">
        <CompareText
          title={title}
          text={text.data.text}
          turns={text.data.turns}
          marks={comparison.marks}
          codes={codes.data}
          names={[first.name, second.name]}
          disagreements={comparison.disagreements}
          selected={selected}
          onSelect={setSelected}
        />
        <aside className="cmp-panel" data-testid="compare-panel">
          {usedCodes.length === 0 ? <p className="muted">{t('noCodes')}</p> : (
            <>
              <Figures label={t('summaryAll')} unit={unit} figures={agreement.data?.rows.find((r) => r.scope === 'overall')} testId="compare-summary" />
              <h2 className="cmp-h">{t('codes')}</h2>
              <label className="cmp-code">
                <input type="checkbox" checked={chosen === null} onChange={() => setChosen(chosen === null ? new Set() : null)} data-testid="compare-all-codes" />
                {t('allCodes')}
              </label>
              <ul className="cmp-codes">
                {usedCodes.map((code) => {
                  const result = comparison.codes.find((c) => c.codeId === code.id);
                  const open = result?.disagreements.filter((d) => !d.settled).length ?? 0;
                  return (
                    <li key={code.id} data-testid="compare-code" data-code-name={code.name}>
                      <label className="cmp-code">
                        <input type="checkbox" checked={chosen === null || chosen.has(code.id)} onChange={(e) => {
                          const next = new Set(chosen ?? usedCodes.map((c) => c.id));
                          if (e.target.checked) next.add(code.id); else next.delete(code.id);
                          setChosen(next.size === usedCodes.length ? null : next);
                        }} />
                        <span className="swatch" style={{ background: code.colour }} />
                        <strong>{code.name}</strong>
                      </label>
                      {result && (
                        <>
                          <span className="cmp-count muted">{t('perCode', { agreements: result.agreements, open, settled: result.disagreements.length - open })}</span>
                          <Figures unit={unit} figures={agreement.data?.rows.find((r) => r.scope === 'code' && r.codeId === code.id)} />
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
              <h2 className="cmp-h">{t('disagreements')}</h2>
              <label className="cmp-code muted">
                <input type="checkbox" checked={showSettled} onChange={(e) => setShowSettled(e.target.checked)} data-testid="compare-show-settled" />
                {t('showSettled')}
              </label>
              <DisagreementList
                items={comparison.disagreements.filter((d) => showSettled || !d.settled)}
                text={text.data.text}
                codes={codes.data}
                first={first}
                second={second}
                selected={selected}
                onSelect={setSelected}
                onSettle={settle}
              />
              <p className="muted cmp-hint">{t('consensusHint')}</p>
              <button className="link" onClick={() => navigate({ view: 'document', documentId })}>← {title}</button>
            </>
          )}
        </aside>
      </div>
    </section>
  );
}

/** The pair shown: the one chosen while both still code here, else who is coding and the next person. */
function resolvePair(pair: readonly [CoderId, CoderId] | null, people: readonly Coder[], current: string | undefined): [Coder | undefined, Coder | undefined] {
  const byId = (id: CoderId) => people.find((p) => p.id === id);
  if (pair && byId(pair[0]) && byId(pair[1]) && pair[0] !== pair[1]) return [byId(pair[0]), byId(pair[1])];
  const me = people.find((p) => p.name === current);
  const ordered = me ? [me, ...people.filter((p) => p !== me)] : [...people];
  return [ordered[0], ordered[1]];
}

function CoderSelect({ label, people, value, onChange, testId }: { label: string; people: readonly Coder[]; value: CoderId; onChange: (id: CoderId) => void; testId: string }) {
  return (
    <label className="field cmp-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value) as CoderId)} data-testid={testId}>
        {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
    </label>
  );
}

/** One summary line: the unit and each coefficient by name, or why there are no figures. */
function Figures({ label, unit, figures, testId }: { label?: string; unit: AgreementUnit; figures: AgreementFigures | undefined; testId?: string }) {
  const t = useStrings(compareStrings);
  const { language } = useLanguage();
  if (!figures) return null;
  const decimal = (x: number | null) => (x === null ? '—' : formatNumber(Math.round(x * 100) / 100, language));
  const line = figures.percent === null
    ? t('noFigures', { unit: t(`unit_${unit}`), why: t('notBoth') })
    : t('figures', { unit: t(`unit_${unit}`), percent: `${formatNumber(Math.round(figures.percent * 1000) / 10, language)}%`, kappa: decimal(figures.cohenKappa), alpha: decimal(figures.alpha) });
  return <p className="cmp-figures" data-testid={testId}>{label && <strong>{label}: </strong>}{line}</p>;
}

interface ListProps {
  readonly items: readonly Disagreement[];
  readonly text: string;
  readonly codes: readonly Code[];
  readonly first: Coder;
  readonly second: Coder;
  readonly selected: string | null;
  readonly onSelect: (key: string) => void;
  readonly onSettle: (d: Disagreement, keep: { kind: 'coder'; coderId: CoderId } | { kind: 'both' } | { kind: 'consensus'; start: Utf16Offset; end: Utf16Offset }, how: string) => Promise<void>;
}

function DisagreementList({ items, text, codes, first, second, selected, onSelect, onSettle }: ListProps) {
  const t = useStrings(compareStrings);
  const codeOf = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  // Hundreds of disagreements, each with its buttons, are drawn a screenful at a time, as long lists are elsewhere.
  const { limit, sentinel } = useGrowingLimit(items.length);
  if (items.length === 0) return <p className="muted" data-testid="compare-none-open">{t('noneOpen')}</p>;
  // A consensus range: the words selected in the text when they meet the disagreement, else its whole stretch.
  const consensusRange = (d: Disagreement): { start: Utf16Offset; end: Utf16Offset } => {
    const canvas = document.querySelector('[data-testid="compare-text"]');
    const selection = document.getSelection();
    if (canvas && selection && selection.rangeCount > 0 && !selection.isCollapsed) {
      const span = rangeToOffsets(canvas, text, selection.getRangeAt(0), { words: true });
      if (span && span.start < d.end && span.end > d.start) return { start: span.start as Utf16Offset, end: span.end as Utf16Offset };
    }
    return { start: d.start as Utf16Offset, end: d.end as Utf16Offset };
  };
  return (
    <>
    <ul className="cmp-list" data-testid="disagreements" data-total={items.length}>
      {items.slice(0, limit).map((d) => {
        const code = codeOf.get(d.codeId);
        const who = d.first.length === 0 ? t('onlyOne', { name: second.name }) : d.second.length === 0 ? t('onlyOne', { name: first.name })
          : d.onlyFirst === 0 ? t('wider', { name: second.name, n: d.onlySecond, both: d.both })
            : d.onlySecond === 0 ? t('wider', { name: first.name, n: d.onlyFirst, both: d.both })
              : t('differ', { first: first.name, second: second.name, a: d.onlyFirst, b: d.onlySecond, both: d.both });
        return (
          <li key={d.key} className={`cmp-item${selected === d.key ? ' is-selected' : ''}${d.settled ? ' is-settled' : ''}`} data-testid="disagreement" data-key={d.key} data-code-name={code?.name}>
            <button type="button" className="cmp-item-head" title={t('goTo')} onClick={() => onSelect(d.key)}>
              <span className="swatch" style={{ background: code?.colour }} />
              <strong>{code?.name}</strong> <span className="muted">{who}</span>
              {d.settled && <span className="cmp-settled">✓ {t('settled')}</span>}
            </button>
            <q className="cmp-quote">{clip(text.slice(d.start, d.end), 160)}</q>
            {!d.settled && <div className="cmp-actions">
              <button type="button" title={t('keepTitle', { name: first.name })} onClick={() => void onSettle(d, { kind: 'coder', coderId: first.id }, t('keep', { name: first.name }))} data-testid="keep-first">{t('keep', { name: first.name })}</button>
              <button type="button" title={t('keepTitle', { name: second.name })} onClick={() => void onSettle(d, { kind: 'coder', coderId: second.id }, t('keep', { name: second.name }))} data-testid="keep-second">{t('keep', { name: second.name })}</button>
              <button type="button" title={t('keepBothTitle')} onClick={() => void onSettle(d, { kind: 'both' }, t('keepBoth'))} data-testid="keep-both">{t('keepBoth')}</button>
              <button type="button" title={t('consensusTitle')} onMouseDown={(e) => e.preventDefault()}
                onClick={() => void onSettle(d, { kind: 'consensus', ...consensusRange(d) }, t('consensus'))} data-testid="keep-consensus">{t('consensus')}</button>
            </div>}
          </li>
        );
      })}
    </ul>
    {sentinel}
    </>
  );
}

interface TextProps {
  readonly title: string;
  readonly text: string;
  readonly turns: Parameters<typeof buildBlocks>[1];
  readonly marks: readonly Mark[];
  readonly codes: readonly Code[];
  readonly names: readonly [string, string];
  readonly disagreements: readonly Disagreement[];
  readonly selected: string | null;
  readonly onSelect: (key: string) => void;
}

/** The transcript with both coders' codings overlaid, rendered only where it is on screen (as the transcript view is). */
function CompareText({ title, text, turns, marks, codes, names, disagreements, selected, onSelect }: TextProps) {
  const t = useStrings(compareStrings);
  const blocks = useMemo(() => buildBlocks(text, turns), [text, turns]);
  const estimate = useCallback((i: number, width: number) => estimateHeight(blocks[i]!, width, MARGIN), [blocks]);
  const list = useVirtualList({ count: blocks.length, estimate, identity: `compare:${text.length}:${blocks.length}`, paddingTop: 12 });
  const codeName = useMemo(() => new Map(codes.map((c) => [c.id as number, c.name])), [codes]);
  const chosen = disagreements.find((d) => d.key === selected);

  // Scrolls to a disagreement chosen in the list (or clicked in the text, where it is in view already).
  const { scrollToIndex } = list;
  const target = chosen ? blockIndexAt(blocks, chosen.start) : null;
  useEffect(() => {
    if (target !== null) scrollToIndex(target, 0, 0.25);
  }, [selected, target, scrollToIndex]);
  // Stable callbacks and a memoised block: scrolling re-renders the list, not every turn on the page.
  const [firstName, secondName] = names;
  const markTitle = useCallback((covering: readonly Mark[]) => covering.map((m) => (m.status === 'both'
    ? t('markTitleBoth', { code: codeName.get(m.codeId) ?? '' })
    : t('markTitleOnly', { code: codeName.get(m.codeId) ?? '', name: m.status === 'first' ? firstName : secondName }))).join(' · '), [t, codeName, firstName, secondName]);
  const onPick = useCallback((offset: number) => {
    const hit = disagreements.find((d) => d.start <= offset && d.end > offset);
    if (hit) onSelect(hit.key);
  }, [disagreements, onSelect]);

  return (
    <div className="tv-scroller cmp-scroller" ref={list.scrollerRef} data-testid="compare-scroller">
      <div className="tv-canvas cmp-canvas" style={{ height: list.total }} data-testid="compare-text" role="document" tabIndex={0} aria-label={t('textLabel', { title })}>
        {list.items.map(({ index, top }) => (
          <CompareBlock key={blocks[index]!.key} block={blocks[index]!} index={index} top={top} text={text} marks={marks} chosen={chosen} markTitle={markTitle} onPick={onPick} />
        ))}
      </div>
    </div>
  );
}

const CompareBlock = memo(function CompareBlock({ block, index, top, text, marks, chosen, markTitle, onPick }: {
  block: Block; index: number; top: number; text: string; marks: readonly Mark[]; chosen: Disagreement | undefined;
  markTitle: (covering: readonly Mark[]) => string; onPick: (offset: number) => void;
}) {
  const inside = useMemo(() => marks.filter((m) => m.start < block.end && m.end > block.start), [marks, block]);
  const byId = useMemo(() => new Map(inside.map((m) => [m.id, m])), [inside]);
  const has = (status: Mark['status']) => inside.some((m) => m.status === status || m.status === 'both');
  return (
    <article className={`tv-block cmp-block tv-${block.kind} role-${block.role}`} style={{ top }} data-index={index} data-testid="compare-turn">
      <div className="tv-gutter">{block.speaker && <span className="tv-speaker">{block.speaker}</span>}</div>
      <div className="tv-text">
        {block.paragraphs.map((paragraph, p) => (
          <p className="tv-para" key={p}>
            {paragraph.map((line, l) => (
              <Fragment key={line.start}>
                {l > 0 && <br />}
                {segmentLine(line, inside).map((seg) => {
                  const covering = seg.codingIds.map((id) => byId.get(id)!);
                  const status = pieceStatus(covering);
                  if (!status) return <span key={seg.start} className="tv-seg" data-start={seg.start} data-end={seg.end}>{text.slice(seg.start, seg.end)}</span>;
                  const picked = chosen !== undefined && seg.start < chosen.end && seg.end > chosen.start && covering.some((m) => m.codeId === chosen.codeId);
                  return (
                    <span key={seg.start} className={`tv-seg cmp-seg cmp-${status}${picked ? ' is-picked' : ''}`} data-start={seg.start} data-end={seg.end}
                      data-status={status} title={markTitle(covering)} onClick={() => onPick(seg.start)}>{text.slice(seg.start, seg.end)}</span>
                  );
                })}
              </Fragment>
            ))}
          </p>
        ))}
      </div>
      <div className="cmp-margin" aria-hidden="true">
        <span className={`cmp-lane cmp-lane-a${has('first') ? ' on' : ''}`} data-testid="compare-lane-first" />
        <span className={`cmp-lane cmp-lane-b${has('second') ? ' on' : ''}`} data-testid="compare-lane-second" />
      </div>
    </article>
  );
});
