import { Fragment, memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { Block } from './blocks';
import { segmentLine } from './blocks';
import { codingsIn, type CodingView } from './coding-view';
import { useHeard } from '../player/playback';
import { TurnTime } from '../player/TurnTime';
import { codedTint } from './format';
import type { LaneLayout } from './lanes';
import { SPAN_SELECTOR } from './selection-offsets';

/** Horizontal room per margin lane and the bar drawn in it, in pixels. */
export const LANE_WIDTH = 9;
const BAR_WIDTH = 5;

interface StripeBox {
  readonly id: number;
  readonly lane: number;
  readonly top: number;
  readonly height: number;
  /** False when the coding starts in an earlier turn: no rounded top, it continues. */
  readonly startsHere: boolean;
  readonly endsHere: boolean;
}

export interface TurnBlockProps {
  readonly block: Block;
  readonly index: number;
  readonly top: number;
  readonly text: string;
  /** All codings of the document, sorted by start. */
  readonly codings: readonly CodingView[];
  readonly lanes: LaneLayout;
  readonly width: number;
  readonly hovered: number | null;
  readonly focused: boolean;
  readonly roleLabel: string;
  readonly onStripeHover: (codingId: number | null) => void;
  readonly onStripeClick: (codingId: number, event: MouseEvent) => void;
  /** The stripe in the tab order (one for the whole margin; the arrow keys go on from it). */
  readonly stripeStop: number | null;
  readonly onStripeKey: (codingId: number, event: KeyboardEvent<HTMLElement>) => void;
  readonly onStripeFocus: (codingId: number) => void;
  /** What a screen reader says for a stripe: the code and the start of the quote. */
  readonly stripeLabel: (coding: CodingView) => string;
  /** Edit mode: the turn's edit buttons, shown under the speaker. */
  readonly editTools?: ReactNode;
  /** Edit mode, this turn open: the editor in place of the text (the stripes stay in the margin). */
  readonly editor?: ReactNode;
}

/**
 * One speaker turn (or paragraph): speaker and time in the gutter, the text as spans
 * cut at coding boundaries (each carrying its stored-text offsets), and the coding
 * stripes in the margin, measured from where the coded text actually wraps.
 */
export const TurnBlock = memo(function TurnBlock(props: TurnBlockProps) {
  const { block, index, top, text, codings, lanes, width, hovered, focused, roleLabel, onStripeHover, onStripeClick, stripeStop, onStripeKey, onStripeFocus, stripeLabel, editTools, editor } = props;
  const here = useMemo(() => codingsIn(codings, block.start, block.end), [codings, block.start, block.end]);
  const byId = useMemo(() => new Map(here.map((c) => [c.id, c])), [here]);
  const textRef = useRef<HTMLDivElement>(null);
  const marginRef = useRef<HTMLDivElement>(null);
  const [stripes, setStripes] = useState<readonly StripeBox[]>([]);
  const heard = useHeard(block.start);

  // Measured after layout and before paint; again when the text rewraps without a render (fonts load).
  useLayoutEffect(() => {
    const measure = () => {
      const next = measureStripes(textRef.current, marginRef.current, block, here, lanes);
      setStripes((old) => (sameStripes(old, next) ? old : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined' || !textRef.current) return;
    const observer = new ResizeObserver(measure);
    observer.observe(textRef.current);
    return () => observer.disconnect();
  }, [block, here, lanes, width, editor]);

  const laneCount = Math.max(lanes.count, 2);
  return (
    <article
      className={`tv-block tv-${block.kind} role-${block.role}${focused ? ' is-focus' : ''}${heard ? ' is-heard' : ''}`}
      data-index={index}
      data-testid="turn"
      data-block-start={block.start}
      data-block-end={block.end}
      data-speaker={block.speaker || undefined}
      data-heard={heard || undefined}
      aria-label={block.speaker ? `${block.speaker}, ${roleLabel}` : undefined}
      style={{ top }}
    >
      <div className="tv-gutter">
        {block.speaker && <span className="tv-speaker" title={`${roleLabel}: ${block.speaker}`}>{block.speaker}</span>}
        <TurnTime startMs={block.startMs} offset={block.start} isTurn={block.kind === 'turn'} />
        {editTools}
      </div>
      <div className="tv-text" ref={textRef}>
        {editor}
        {!editor && block.paragraphs.map((lines, p) => (
          <p className="tv-para" key={p}>
            {lines.map((line, l) => (
              <Fragment key={line.start}>
                {l > 0 && <br />}
                {segmentLine(line, here).map((seg) => {
                  const tint = codedTint(seg.codingIds.map((id) => byId.get(id)!.colour));
                  return tint ? (
                    <span
                      key={seg.start}
                      className={`tv-seg tv-coded${seg.codingIds.length > 1 ? ' tv-overlap' : ''}`}
                      data-start={seg.start}
                      data-end={seg.end}
                      data-codings={seg.codingIds.join(' ')}
                      style={{ backgroundColor: tint.background, boxShadow: `inset 0 -1.5px 0 ${tint.underline}` }}
                    >{text.slice(seg.start, seg.end)}</span>
                  ) : (
                    <span key={seg.start} className="tv-seg" data-start={seg.start} data-end={seg.end}>{text.slice(seg.start, seg.end)}</span>
                  );
                })}
              </Fragment>
            ))}
          </p>
        ))}
      </div>
      <div className="tv-margin" ref={marginRef} style={{ width: laneCount * LANE_WIDTH + 10 }}>
        {stripes.map((s) => {
          // Stripes are measured after the render that changed the codings: skip one whose coding just went.
          const coding = byId.get(s.id);
          if (!coding) return null;
          return (
            <div
              key={s.id}
              className={`tv-stripe${hovered === s.id ? ' is-hover' : ''}${s.startsHere ? ' starts' : ''}${s.endsHere ? ' ends' : ''}`}
              data-testid="stripe"
              data-code-name={coding.name}
              data-coding-id={s.id}
              title={coding.name}
              role="button"
              tabIndex={s.id === stripeStop && s.startsHere ? 0 : -1}
              aria-label={stripeLabel(coding)}
              aria-haspopup="dialog"
              onKeyDown={(e) => onStripeKey(s.id, e)}
              onFocus={() => { onStripeFocus(s.id); onStripeHover(s.id); }}
              onBlur={() => onStripeHover(null)}
              style={{ top: s.top, height: s.height, left: 6 + s.lane * LANE_WIDTH, width: BAR_WIDTH, background: coding.colour }}
              onMouseEnter={() => onStripeHover(s.id)}
              onMouseLeave={() => onStripeHover(null)}
              onMouseDown={(e) => e.stopPropagation()}
              onClick={(e) => { e.stopPropagation(); onStripeClick(s.id, e); }}
            />
          );
        })}
      </div>
    </article>
  );
});

/**
 * Where each coding's bar runs in this block's margin: from the top of the line where
 * its text starts to the bottom of the line where it ends, or to the block's edge when
 * it continues into the previous or next turn (so the bar reads as one across turns).
 */
function measureStripes(textEl: HTMLElement | null, marginEl: HTMLElement | null, block: Block, here: readonly CodingView[], lanes: LaneLayout): StripeBox[] {
  if (!textEl || !marginEl) return [];
  const box = marginEl.getBoundingClientRect();
  const spans = [...textEl.querySelectorAll<HTMLElement>(SPAN_SELECTOR)];
  const range = (el: HTMLElement) => ({ start: Number(el.dataset['start']), end: Number(el.dataset['end']) });
  const boxes: StripeBox[] = [];
  for (const c of here) {
    const startsHere = c.start >= block.start;
    const endsHere = c.end <= block.end;
    let top = 0;
    let bottom = box.height;
    if (startsHere) {
      const first = spans.find((s) => range(s).end > c.start);
      const rect = first?.getClientRects()[0];
      if (rect) top = Math.max(0, rect.top - box.top - 2);
    }
    if (endsHere) {
      const last = spans.findLast((s) => range(s).start < c.end);
      const rects = last?.getClientRects();
      const rect = rects?.[rects.length - 1];
      if (rect) bottom = Math.min(box.height, rect.bottom - box.top + 2);
    }
    boxes.push({ id: c.id, lane: lanes.lane.get(c.id) ?? 0, top, height: Math.max(4, bottom - top), startsHere, endsHere });
  }
  return boxes;
}

const sameStripes = (a: readonly StripeBox[], b: readonly StripeBox[]): boolean =>
  a.length === b.length && a.every((s, i) => {
    const o = b[i]!;
    return s.id === o.id && s.lane === o.lane && Math.abs(s.top - o.top) < 0.5 && Math.abs(s.height - o.height) < 0.5 && s.startsHere === o.startsHere && s.endsHere === o.endsHere;
  });
