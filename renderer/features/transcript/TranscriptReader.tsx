import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { TurnId } from '../../../src/domain/ids';
import type { Code, Coding, DocumentContent, Turn } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { getCodeDrag, isCodeDrag } from '../../lib/dnd';
import { inEditable } from '../../lib/keys';
import { pushRecentCode, useRecentCodes } from '../../lib/recent-codes';
import { blockIndexAt, buildBlocks, type Block, type Span } from './blocks';
import { caretCommand, clampCaret, linesOf, selectionSpan, step, turnStart, type KeySelection } from './caret';
import { CodePicker, type CodeChoice, type FloatPosition } from './CodePicker';
import { CodingPopover } from './CodingPopover';
import { codingViews, type CodingView } from './coding-view';
import { assignLanes } from './lanes';
import { keyAssignments } from './key-map';
import { offsetToPoint, offsetsToRange, pointToOffset, rangeToOffsets } from './selection-offsets';
import { transcriptStrings } from './strings';
import { LANE_WIDTH, TurnBlock } from './TurnBlock';
import { TurnEditor } from './TurnEditor';
import { TurnTools } from './TurnTools';
import { useVirtualList } from './use-virtual-list';
import { useFollowPlayback } from '../player/playback';

/** What the reader asks of the project; the view passes the real ones, tests pass fakes. */
export interface ReaderActions {
  /** Applies a code to a range; resolves to the new coding, or null when it failed (the error is shown already). */
  readonly apply: (range: Span, choice: CodeChoice) => Promise<Coding | null>;
  /** Moves a coding to another code; resolves to the updated coding, or null when it failed. */
  readonly recode: (coding: CodingView, choice: CodeChoice) => Promise<Coding | null>;
  readonly notify: (message: string) => void;
}

/**
 * Edit mode (issue 15): what the reader asks to change the text. Each sends one change against
 * the text the reader shows (its content hash), never the whole visible text; each resolves true
 * when it was saved, false when it failed (the error is shown already).
 */
export interface EditActions {
  /** The block's text [start, end) becomes `after`. */
  readonly save: (start: number, end: number, after: string) => Promise<boolean>;
  readonly split: (turnId: TurnId, at: number) => Promise<boolean>;
  readonly join: (turnId: TurnId) => Promise<boolean>;
  readonly relabel: (turnId: TurnId, speaker: string) => Promise<boolean>;
  /** The turn's start time in the recording (null clears it); its end is kept when still after it. */
  readonly retime: (turnId: TurnId, startMs: number | null) => Promise<boolean>;
}

interface Props {
  readonly doc: Pick<DocumentContent, 'id' | 'title' | 'text' | 'turns'>;
  readonly codings: readonly Coding[];
  readonly codes: readonly Code[];
  readonly focus?: { readonly start: number; readonly end: number } | undefined;
  readonly actions: ReaderActions;
  /** Set in edit mode. */
  readonly edit?: EditActions | undefined;
  /** E was pressed in reading mode: the view turns edit mode on (and the reader opens the turn at the caret). */
  readonly onEditKey?: () => void;
  /** Reading only (a reviewer of a team project): selecting text offers no codes, and nothing codes it. */
  readonly readOnly?: boolean;
  /** Test hook: the block index the reader scrolled to for `focus`. */
  readonly onFocusScrolled?: (index: number) => void;
}

/** Layout numbers shared with transcript.css, for height estimates before a turn is measured. */
const GUTTER = 128;
const TEXT_MAX = 660;
const LINE_HEIGHT = 25.5;
const CHAR_WIDTH = 7.3;
const BLOCK_PADDING = 16;
const PARAGRAPH_GAP = 6;
const CANVAS_PAD_TOP = 20;
const PICKER_SIZE = { width: 330, height: 330 };
const POPOVER_SIZE = { width: 360, height: 300 };

interface Pending extends Span {
  readonly position: FloatPosition;
}

type Picker = { readonly mode: 'apply' } | { readonly mode: 'recode'; readonly coding: CodingView; readonly position: FloatPosition };

interface Popover {
  readonly ids: readonly number[];
  readonly active: number;
  readonly position: FloatPosition;
  /** Opened from a focused stripe: the popover takes the focus and gives it back to the stripe. */
  readonly fromStripe?: number;
}

/**
 * The transcript's text with coding: a windowed list of turns, text selection mapped
 * to stored-text offsets, the floating code picker, the coding popover, code drops
 * from the codebook, keys 1–9, and scrolling to a focused range.
 */
export function TranscriptReader({ doc, codings, codes, focus, actions, edit, onEditKey, readOnly = false, onFocusScrolled }: Props) {
  const t = useStrings(transcriptStrings);
  const text = doc.text;
  // The text is re-read after changes that may touch it (speakers, undo); keep the same turns (and so the same blocks, measurements, scroll) when they did not change.
  const turns = useStable(doc.turns, sameTurns);
  const blocks = useMemo(() => buildBlocks(text, turns), [text, turns]);
  const views = useMemo(() => codingViews(codings, codes), [codings, codes]);
  const viewById = useMemo(() => new Map(views.map((v) => [v.id, v])), [views]);
  const lanes = useMemo(() => assignLanes(views), [views]);
  const recent = useRecentCodes();
  const keys = useMemo(() => keyAssignments(codes, recent), [codes, recent]);
  const lines = useMemo(() => linesOf(blocks), [blocks]);
  const marginWidth = Math.max(lanes.count, 2) * LANE_WIDTH + 10;
  // Edit mode: the block whose text is open in the editor (by key), and one opened by E before edit mode was on.
  const [editing, setEditing] = useState<string | null>(null);
  const openOnEdit = useRef<string | null>(null);
  useEffect(() => {
    if (!edit) setEditing(null);
    else if (openOnEdit.current) {
      setEditing(openOnEdit.current);
      openOnEdit.current = null;
    }
  }, [edit]);
  const canvasWidth = GUTTER + TEXT_MAX + marginWidth + 16;

  const [pending, setPending] = useState<Pending | null>(null);
  const [picker, setPicker] = useState<Picker | null>(null);
  const [popover, setPopover] = useState<Popover | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [flash, setFlash] = useState<Span | null>(null);
  const [anchorIndex, setAnchorIndex] = useState<number | null>(null);
  const [dropping, setDropping] = useState(false);
  /** The keyboard caret and selection, in stored-text offsets (null until the text is first focused). */
  const [keySel, setKeySel] = useState<KeySelection | null>(null);
  const [textFocused, setTextFocused] = useState(false);
  /** The stripe that takes the focus when tabbing into the margin (roving tab stop). */
  const [stripeStop, setStripeStop] = useState<number | null>(null);
  /** The picker was opened from the keyboard: its input takes the focus, and the text gets it back. */
  const [keyPicker, setKeyPicker] = useState(false);
  const canvasRef = useRef<HTMLDivElement>(null);
  const caretRef = useRef<HTMLDivElement>(null);
  /** Set when a key moved the caret: it is scrolled into view. Never when the mouse placed it (a scroll under a drag changes what it selects). */
  const followCaret = useRef(false);

  const estimate = useCallback((i: number, width: number) => estimateHeight(blocks[i]!, width, marginWidth), [blocks, marginWidth]);
  // The stripe tabbing reaches: the one last focused, else the first coding ending after the caret.
  const caretAt = keySel?.focus ?? 0;
  const tabStripe = stripeStop !== null && viewById.has(stripeStop) ? stripeStop : (views.find((v) => v.end > caretAt) ?? views[0])?.id ?? null;
  const pinned = useMemo(() => {
    const keep: number[] = [];
    if (anchorIndex !== null) keep.push(anchorIndex);
    if (keySel) keep.push(blockIndexAt(blocks, keySel.focus), blockIndexAt(blocks, keySel.anchor));
    const stop = tabStripe !== null ? viewById.get(tabStripe) : undefined;
    if (stop) keep.push(blockIndexAt(blocks, stop.start));
    if (pending) keep.push(blockIndexAt(blocks, pending.start), blockIndexAt(blocks, Math.max(pending.start, pending.end - 1)));
    if (popover) {
      const v = viewById.get(popover.active);
      if (v) keep.push(blockIndexAt(blocks, v.start));
    }
    return keep;
  }, [anchorIndex, pending, popover, blocks, viewById, keySel, tabStripe]);
  const list = useVirtualList({
    count: blocks.length, estimate, identity: `${doc.id}:${text.length}:${blocks.length}`, pinned, paddingTop: CANVAS_PAD_TOP,
  });
  const { scroller: scrollerOf, scrollToIndex } = list;
  useFollowPlayback(useCallback((offset: number) => blockIndexAt(blocks, offset), [blocks]), list.offsetOf, scrollerOf, scrollToIndex);

  /** Places a floating box below a rectangle of the text, or above it when there is no room below. */
  const place = useCallback((rect: DOMRect | { left: number; top: number; bottom: number }, size: { width: number; height: number }): FloatPosition => {
    const canvas = canvasRef.current;
    const scroller = scrollerOf();
    if (!canvas || !scroller) return { left: 0, top: 0 };
    const c = canvas.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    const left = Math.round(Math.max(8, Math.min(rect.left - c.left - 12, c.width - size.width - 8)));
    const roomBelow = s.bottom - rect.bottom;
    const roomAbove = rect.top - s.top;
    return roomBelow >= size.height + 12 || roomBelow >= roomAbove
      ? { left, top: Math.round(rect.bottom - c.top + 8) }
      : { left, top: Math.round(rect.top - c.top - 8), above: true };
  }, [scrollerOf]);

  /** The current DOM selection as a stored-text range, when it lies in the transcript. */
  const readSelection = useCallback((): Pending | null => {
    const canvas = canvasRef.current;
    const selection = document.getSelection();
    if (!canvas || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const inFloat = (n: Node) => Boolean((n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest('.tv-float'));
    if (!range.intersectsNode(canvas) || inFloat(range.startContainer) || inFloat(range.endContainer)) return null;
    const span = rangeToOffsets(canvas, text, range, { words: true });
    if (!span) return null;
    const rects = range.getClientRects();
    const last = rects.length > 0 ? rects[rects.length - 1]! : range.getBoundingClientRect();
    return { ...span, position: place({ left: last.right - 40, top: last.top, bottom: last.bottom }, PICKER_SIZE) };
  }, [text, place]);

  const capture = useCallback(() => {
    const next = readOnly ? null : readSelection();
    if (!next) return;
    setPending((old) => (old && old.start === next.start && old.end === next.end ? old : next));
    setPicker((old) => (old?.mode === 'apply' ? old : { mode: 'apply' }));
    setPopover(null);
    // Shift and the arrow keys go on from a passage selected with the mouse.
    setKeySel((old) => (old && old.anchor === next.start && old.focus === next.end ? old : { anchor: next.start, focus: next.end }));
  }, [readSelection, readOnly]);

  const closeAll = useCallback(() => {
    setPicker(null);
    setPending(null);
    setPopover(null);
  }, []);

  /** Esc: close everything and let go of the passage, so a number key pressed next does not code it after all. */
  const dismiss = useCallback(() => {
    const selection = document.getSelection();
    const canvas = canvasRef.current;
    if (selection && canvas && selection.rangeCount > 0 && selection.getRangeAt(0).intersectsNode(canvas)) selection.removeAllRanges();
    setKeySel((old) => (old && old.anchor !== old.focus ? { anchor: old.focus, focus: old.focus } : old));
    closeAll();
  }, [closeAll]);

  // A drag-selection is read when the mouse comes up (wherever it is); keyboard and
  // programmatic selections when they settle.
  const mouseDown = useRef(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUp = () => {
      if (!mouseDown.current) return;
      mouseDown.current = false;
      setTimeout(capture, 0);
    };
    const onChange = () => {
      if (mouseDown.current) return;
      clearTimeout(timer);
      timer = setTimeout(capture, 120);
    };
    window.addEventListener('mouseup', onUp);
    document.addEventListener('selectionchange', onChange);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('mouseup', onUp);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [capture]);

  const onMouseDown = (event: ReactMouseEvent) => {
    if (event.button !== 0) return;
    const turn = (event.target as Element).closest?.('[data-index]');
    if (!turn) return;
    mouseDown.current = true;
    // Shift-click extends the selection from its anchor, which must stay rendered however far away it is.
    if (!event.shiftKey) setAnchorIndex(Number((turn as HTMLElement).dataset['index']));
    // The mouse starts a new selection: the keyboard's (if any) is let go, its caret kept until the click places one.
    setKeySel((old) => (old && old.anchor !== old.focus ? { anchor: old.focus, focus: old.focus } : old));
    closeAll();
  };

  /**
   * Opens the popover for the codings at a spot, under the last line of the first one
   * so it does not hide the passage (or at `fallback` when that line is off screen).
   */
  const openPopover = useCallback((ids: readonly number[], pointX: number, fallback: { left: number; top: number; bottom: number }, fromStripe?: number) => {
    const known = ids.filter((id) => viewById.has(id));
    const first = viewById.get(known[0] ?? -1);
    if (!first) return;
    const canvas = canvasRef.current;
    const box = scrollerOf()?.getBoundingClientRect();
    const rects = canvas ? offsetsToRange(canvas, first.start, first.end)?.getClientRects() : undefined;
    const last = rects && rects.length > 0 ? rects[rects.length - 1]! : null;
    const anchor = last && box && last.bottom > box.top && last.bottom < box.bottom
      ? { left: pointX - POPOVER_SIZE.width / 2, top: last.top, bottom: last.bottom }
      : fallback;
    setPicker(null);
    setPending(null);
    setPopover({ ids: known, active: first.id, position: place(anchor, POPOVER_SIZE), ...(fromStripe !== undefined ? { fromStripe } : {}) });
  }, [viewById, place, scrollerOf]);

  const onClick = (event: ReactMouseEvent) => {
    const target = event.target as Element;
    if (target.closest('.tv-float')) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const canvas = canvasRef.current;
    if (canvas && selection?.focusNode && canvas.contains(selection.focusNode)) {
      const at = pointToOffset(canvas, { node: selection.focusNode, offset: selection.focusOffset }, 'start');
      if (at !== null) setKeySel({ anchor: at, focus: at });
    }
    const coded = target.closest('[data-codings]');
    if (!coded) return;
    const ids = (coded.getAttribute('data-codings') ?? '').split(' ').map(Number);
    openPopover(ids, event.clientX, { left: event.clientX - 40, top: event.clientY - 10, bottom: event.clientY + 10 });
  };

  const onStripeClick = useCallback((id: number, event: ReactMouseEvent) => {
    const v = viewById.get(id);
    if (!v) return;
    // Every coding spanning at least this stripe's passage is offered too, this one first.
    const others = views.filter((o) => o.id !== id && o.start <= v.start && o.end >= v.end);
    const x = event.clientX - POPOVER_SIZE.width / 2;
    openPopover([id, ...others.map((o) => o.id)], x, { left: event.clientX - POPOVER_SIZE.width, top: event.clientY - 10, bottom: event.clientY + 10 });
  }, [viewById, views, openPopover]);

  // Stripes by keyboard: a roving tab stop; arrows go from coding to coding, Enter or Space opens the popover.
  const focusStripeSoon = useRef<number | null>(null);
  const focusStripe = useCallback((id: number) => {
    setStripeStop(id);
    focusStripeSoon.current = id;
    let frames = 0;
    const tryFocus = () => {
      if (focusStripeSoon.current !== id) return;
      // A coding across turns has a stripe piece in each: its first piece is the one focused.
      const el = canvasRef.current?.querySelector<HTMLElement>(`[data-testid=stripe][data-coding-id="${id}"].starts`);
      if (el) { el.focus(); focusStripeSoon.current = null; } else if (++frames < 10) requestAnimationFrame(tryFocus);
    };
    requestAnimationFrame(tryFocus);
  }, []);
  const onStripeKey = useCallback((id: number, event: ReactKeyboardEvent<HTMLElement>) => {
    const i = views.findIndex((v) => v.id === id);
    const go = (to: number) => { const v = views[Math.max(0, Math.min(views.length - 1, to))]; if (v) focusStripe(v.id); };
    switch (event.key) {
      case 'ArrowDown': case 'ArrowRight': go(i + 1); break;
      case 'ArrowUp': case 'ArrowLeft': go(i - 1); break;
      case 'Home': go(0); break;
      case 'End': go(views.length - 1); break;
      case 'Enter': case ' ': {
        const v = viewById.get(id);
        if (!v) return;
        const rect = event.currentTarget.getBoundingClientRect();
        const others = views.filter((o) => o.id !== id && o.start <= v.start && o.end >= v.end);
        openPopover([id, ...others.map((o) => o.id)], rect.left - POPOVER_SIZE.width / 2, { left: rect.left - POPOVER_SIZE.width, top: rect.top, bottom: rect.top + 16 }, id);
        break;
      }
      case 'Escape': canvasRef.current?.focus(); break;
      default: return;
    }
    event.preventDefault();
    event.stopPropagation();
  }, [views, viewById, focusStripe, openPopover]);

  // Esc reaches both the popover and the reader's own key handler: whichever closes it first, the stripe gets the focus back.
  const popoverRef = useRef(popover);
  popoverRef.current = popover;
  const closePopover = useCallback(() => {
    const from = popoverRef.current?.fromStripe;
    setPopover(null);
    if (from !== undefined && (document.activeElement === document.body || document.activeElement?.closest('.tv-popover'))) focusStripe(from);
  }, [focusStripe]);

  /** Gives the focus back to the text after the keyboard's code picker closes, the caret after the passage. */
  const backToText = useCallback((caret?: number) => {
    setKeyPicker(false);
    if (caret !== undefined) setKeySel({ anchor: caret, focus: caret });
    requestAnimationFrame(() => canvasRef.current?.focus({ preventScroll: true }));
  }, []);

  const keyPickerRef = useRef(keyPicker);
  keyPickerRef.current = keyPicker;
  const apply = useCallback(async (range: Span, choice: CodeChoice) => {
    setPicker(null);
    if (readOnly) return;
    const coding = await actions.apply({ start: range.start, end: range.end }, choice);
    if (!coding) return;
    pushRecentCode(coding.codeId);
    setPending(null);
    document.getSelection()?.removeAllRanges();
    if (keyPickerRef.current) backToText(range.end);
    else setKeySel((old) => (old && old.anchor !== old.focus ? { anchor: range.end, focus: range.end } : old));
  }, [actions, backToText, readOnly]);

  /** Opens the code picker on the keyboard selection, below its last line. */
  const openKeyPicker = useCallback((): boolean => {
    const span = keySel && !readOnly ? selectionSpan(text, keySel) : null;
    const canvas = canvasRef.current;
    const scroller = scrollerOf();
    if (!span || !canvas || !scroller) return false;
    const rects = offsetsToRange(canvas, span.start, span.end)?.getClientRects();
    const last = rects && rects.length > 0 ? rects[rects.length - 1]! : null;
    const box = scroller.getBoundingClientRect();
    const anchor = last ? { left: last.right - 40, top: last.top, bottom: last.bottom } : { left: box.left + GUTTER, top: box.top + 40, bottom: box.top + 60 };
    setPending({ ...span, position: place(anchor, PICKER_SIZE) });
    setPicker({ mode: 'apply' });
    setPopover(null);
    setKeyPicker(true);
    return true;
  }, [keySel, text, place, scrollerOf, readOnly]);

  /** Where the caret starts when the text takes the focus: the first line on screen. */
  const initialCaret = useCallback((): number => {
    const scroller = scrollerOf();
    const top = scroller?.getBoundingClientRect().top ?? 0;
    for (const el of canvasRef.current?.querySelectorAll<HTMLElement>('[data-index]') ?? []) {
      if (el.getBoundingClientRect().bottom > top + 4) return blocks[Number(el.dataset['index'])]?.start ?? 0;
    }
    return blocks[0]?.start ?? 0;
  }, [blocks, scrollerOf]);

  const onTextKey = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || event.defaultPrevented || blocks.length === 0) return;
    const command = caretCommand(event);
    const from = keySel ?? { anchor: initialCaret(), focus: initialCaret() };
    if (command) {
      const at = clampCaret(lines, from.focus);
      const block = blocks[blockIndexAt(blocks, at)]!;
      const next = command.move === 'next-turn' ? turnStart(blocks, at, 1)
        : command.move === 'previous-turn' ? turnStart(blocks, at, -1)
          : command.move === 'turn-start' ? block.start
            : command.move === 'turn-end' ? block.end
              : step(text, blocks, at, command.move.unit, command.move.dir);
      event.preventDefault();
      followCaret.current = true;
      setKeySel(command.extend ? { anchor: clampCaret(lines, from.anchor), focus: next } : { anchor: next, focus: next });
      // Moving the caret lets go of a mouse selection and its picker: the keyboard selection is the one now.
      setPicker(null);
      setPending(null);
      setPopover(null);
      const selection = document.getSelection();
      if (selection && selection.rangeCount > 0 && selection.getRangeAt(0).intersectsNode(event.currentTarget)) selection.removeAllRanges();
      return;
    }
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plain && (event.key === 'e' || event.key === 'E') && (edit || onEditKey)) {
      event.preventDefault();
      const key = blocks[blockIndexAt(blocks, clampCaret(lines, from.focus))]!.key;
      if (edit) setEditing(key);
      else {
        openOnEdit.current = key;
        onEditKey?.();
      }
    } else if (plain && (event.key === 'Enter' || event.key === 'c' || event.key === 'C')) {
      if (openKeyPicker()) event.preventDefault();
    } else if (event.key === 'Escape' && keySel && keySel.anchor !== keySel.focus && !pending) {
      event.preventDefault();
      setKeySel({ anchor: keySel.focus, focus: keySel.focus });
    }
  };

  // Keys 1–9 apply their codes (pinned, else recent) to the selection, the mouse's or the keyboard's; Esc lets go of it.
  const keySpan = keySel ? selectionSpan(text, keySel) : null;
  const state = useRef({ pending, keys, apply, readSelection, keySpan });
  state.current = { pending, keys, apply, readSelection, keySpan };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || inEditable(event.target)) return;
      const { pending: p, keys: k, apply: run, readSelection: read, keySpan: typed } = state.current;
      if (/^[1-9]$/.test(event.key)) {
        const codeId = k[Number(event.key) - 1];
        const range = p ?? read() ?? typed;
        if (!codeId || !range) return;
        event.preventDefault();
        void run(range, { codeId });
      } else if (event.key === 'Escape') {
        if (p) dismiss();
        else if (popoverRef.current) closePopover();
        else closeAll();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closeAll, dismiss, closePopover]);

  const onDragOver = (event: DragEvent) => {
    if (!isCodeDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dropping) setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    const codeId = getCodeDrag(event);
    if (codeId === null) return;
    event.preventDefault();
    const range = pending ?? readSelection();
    if (!range) {
      actions.notify(t('dropNeedsSelection'));
      return;
    }
    void apply(range, { codeId });
  };

  // Opening an extract: scroll its range to a third of the way down, then mark it briefly.
  useEffect(() => {
    if (!focus || blocks.length === 0) return;
    const { start: focusStart, end: focusEnd } = focus;
    const index = blockIndexAt(blocks, focusStart);
    scrollToIndex(index, 0, 0.3);
    setFlash({ start: focusStart, end: focusEnd });
    onFocusScrolled?.(index);
    // Heights above were estimates: once the range is rendered, align on the text itself.
    let frames = 0;
    let raf = 0;
    const refine = () => {
      const scroller = scrollerOf();
      const canvas = canvasRef.current;
      const range = canvas ? offsetsToRange(canvas, focusStart, focusEnd) : null;
      if (scroller && range) {
        const rect = range.getBoundingClientRect();
        const box = scroller.getBoundingClientRect();
        const delta = rect.top - (box.top + scroller.clientHeight * 0.3);
        if (Math.abs(delta) > 2) scroller.scrollTop += delta;
      }
      if (++frames < 4) raf = requestAnimationFrame(refine);
    };
    raf = requestAnimationFrame(refine);
    const timer = setTimeout(() => setFlash(null), 2600);
    return () => { cancelAnimationFrame(raf); clearTimeout(timer); };
    // Re-run for each new focus (a new route object, even for the same range), not when the list re-renders.
  }, [focus, blocks, scrollToIndex, scrollerOf, onFocusScrolled]);

  // The selection being coded, the hovered coding and the focused extract are drawn with
  // the CSS Custom Highlight API: no re-render of the text, and the pending selection
  // stays visible while the picker's input has focus.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!canvas || !registry || typeof Highlight === 'undefined') return;
    const mark = (name: string, span: Span | null | undefined) => {
      const range = span ? offsetsToRange(canvas, span.start, span.end) : null;
      if (range) registry.set(name, new Highlight(range));
      else registry.delete(name);
    };
    mark('tv-pending', pending && (picker?.mode === 'apply' || dropping) ? pending : null);
    mark('tv-hover', hovered !== null ? viewById.get(hovered) : popover ? viewById.get(popover.active) : null);
    mark('tv-focus', flash);
    mark('tv-keysel', keySpan && !(picker?.mode === 'apply' && pending) ? keySpan : null);
  });

  // The caret: drawn where the focus offset is, and kept in view when a key moved it (followCaret).
  useLayoutEffect(() => {
    const caret = caretRef.current;
    const canvas = canvasRef.current;
    const scroller = scrollerOf();
    if (!caret || !canvas) return;
    const rect = keySel && textFocused ? caretRect(canvas, keySel.focus) : null;
    if (!rect) {
      caret.style.display = 'none';
      return;
    }
    const c = canvas.getBoundingClientRect();
    caret.style.display = 'block';
    caret.style.left = `${rect.left - c.left}px`;
    caret.style.top = `${rect.top - c.top}px`;
    caret.style.height = `${rect.height || LINE_HEIGHT}px`;
    if (scroller && followCaret.current) {
      followCaret.current = false;
      const box = scroller.getBoundingClientRect();
      if (rect.top < box.top + 8) scroller.scrollTop -= box.top + 8 - rect.top + box.height * 0.2;
      else if (rect.bottom > box.bottom - 8) scroller.scrollTop += rect.bottom - box.bottom + 8 + box.height * 0.2;
    }
  });
  useEffect(() => () => {
    if (typeof CSS !== 'undefined' && CSS.highlights) for (const name of ['tv-pending', 'tv-hover', 'tv-focus', 'tv-keysel']) CSS.highlights.delete(name);
  }, []);

  const stripeLabel = useCallback((v: CodingView) => t('stripeLabel', { code: v.name, quote: clip(v.coding.quote, 40) }), [t]);
  const activeView = popover ? viewById.get(popover.active) : undefined;
  const quote = picker?.mode === 'recode' ? picker.coding.coding.quote : pending ? text.slice(pending.start, pending.end) : '';
  const pickerPosition = picker?.mode === 'recode' ? picker.position : pending?.position;
  return (
    <div className="tv-scroller" ref={list.scrollerRef} data-testid="transcript-scroller">
      <div
        ref={canvasRef}
        className={`tv-canvas${dropping ? ' is-dropping' : ''}${pending ? ' has-pending' : ''}`}
        style={{ height: list.total, width: `min(100%, ${canvasWidth}px)`, marginTop: CANVAS_PAD_TOP }}
        data-testid="transcript-text"
        tabIndex={0}
        role="document"
        aria-label={t('textLabel', { title: doc.title })}
        aria-describedby="tv-keys-hint"
        data-caret={keySel?.focus}
        data-anchor={keySel?.anchor}
        onKeyDown={onTextKey}
        onFocus={(e) => {
          if (e.target !== e.currentTarget) return;
          setTextFocused(true);
          if (!keySel) { const at = initialCaret(); setKeySel({ anchor: at, focus: at }); }
        }}
        onBlur={(e) => { if (e.target === e.currentTarget) setTextFocused(false); }}
        onMouseDown={onMouseDown}
        onClick={onClick}
        onDragOver={onDragOver}
        onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false); }}
        onDrop={onDrop}
      >
        {blocks.length === 0 && <p className="tv-empty muted">{t('empty')}</p>}
        <div ref={caretRef} className="tv-caret" aria-hidden="true" data-testid="transcript-caret" />
        {list.items.map(({ index, top }) => {
          const block = blocks[index]!;
          return (
            <TurnBlock
              key={block.key}
              block={block}
              index={index}
              top={top}
              text={text}
              codings={views}
              lanes={lanes}
              width={list.width}
              hovered={hovered ?? popover?.active ?? null}
              focused={flash !== null && flash.start < block.end && flash.end > block.start}
              roleLabel={block.role === 'interviewer' ? t('interviewer') : block.role === 'informant' ? t('informant') : t('speaker')}
              onStripeHover={setHovered}
              onStripeClick={onStripeClick}
              stripeStop={tabStripe}
              onStripeKey={onStripeKey}
              onStripeFocus={setStripeStop}
              stripeLabel={stripeLabel}
              editTools={edit && (
                <TurnTools
                  turnId={turnIdOf(block)}
                  speaker={block.speaker}
                  startMs={block.startMs}
                  hasNext={blocks[index + 1] !== undefined && turnIdOf(blocks[index + 1]!) !== null}
                  onEdit={() => setEditing(block.key)}
                  edit={edit}
                />
              )}
              editor={edit && editing === block.key ? (
                <TurnEditor
                  key={`${block.key}:${block.start}:${block.end}:${text.length}`}
                  initial={text.slice(block.start, block.end)}
                  onCancel={() => setEditing(null)}
                  onSave={(after) => edit.save(block.start, block.end, after).then((saved) => { if (saved) setEditing(null); return saved; })}
                  {...(turnIdOf(block) !== null ? { onSplit: (caret: number) => edit.split(turnIdOf(block)!, block.start + caret).then((saved) => { if (saved) setEditing(null); return saved; }) } : {})}
                />
              ) : undefined}
            />
          );
        })}
        {picker && pickerPosition && !readOnly && (
          <CodePicker
            key={picker.mode === 'recode' ? `r${picker.coding.id}` : `a${pending?.start}-${pending?.end}`}
            codes={codes}
            recent={recent}
            mode={picker.mode}
            quote={quote}
            position={pickerPosition}
            focusInput={picker.mode === 'apply' && keyPicker}
            currentCodeId={picker.mode === 'recode' ? picker.coding.codeId : undefined}
            onChoose={(choice) => {
              if (picker.mode === 'recode') {
                setPicker(null);
                void actions.recode(picker.coding, choice).then((updated) => { if (updated) pushRecentCode(updated.codeId); });
              } else if (pending) void apply(pending, choice);
            }}
            onClose={() => { const fromKeys = keyPicker; dismiss(); if (fromKeys) backToText(); }}
          />
        )}
        {popover && activeView && (
          <CodingPopover
            codings={popover.ids.map((id) => viewById.get(id)).filter((v): v is CodingView => v !== undefined)}
            active={activeView}
            position={popover.position}
            onSelect={(v) => setPopover({ ...popover, active: v.id })}
            onRecode={(v) => { setPopover(null); setPicker({ mode: 'recode', coding: v, position: popover.position }); }}
            onClose={closePopover}
            takeFocus={popover.fromStripe !== undefined}
          />
        )}
      </div>
      <p id="tv-keys-hint" className="tv-sr-only">{t('keysHint')}</p>
      <p className="tv-sr-only" aria-live="polite" data-testid="transcript-selection-status">
        {keySpan ? t('keySelection', { n: (keySpan.end - keySpan.start).toLocaleString(), text: clip(text.slice(keySpan.start, keySpan.end), 80) }) : ''}
      </p>
    </div>
  );
}

/** The screen rectangle of a caret at `offset` among the rendered spans, or null when that text is not rendered. */
function caretRect(canvas: Element, offset: number): DOMRect | null {
  const point = offsetToPoint(canvas, offset, 'start') ?? offsetToPoint(canvas, offset, 'end');
  if (!point) return null;
  const range = canvas.ownerDocument.createRange();
  range.setStart(point.node, point.offset);
  range.collapse(true);
  const rects = typeof range.getClientRects === 'function' ? range.getClientRects() : null;
  return rects && rects.length > 0 ? rects[0]! : typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
}

/** Whitespace folded and long text cut with an ellipsis, for names read aloud. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Returns the previous value while `equal` says the new one is the same, so memos downstream hold. */
function useStable<T>(value: T, equal: (a: T, b: T) => boolean): T {
  const held = useRef(value);
  if (held.current !== value && !equal(held.current, value)) held.current = value;
  return held.current;
}

const sameTurns = (a: readonly Turn[], b: readonly Turn[]): boolean =>
  a.length === b.length && a.every((t, i) => {
    const o = b[i]!;
    return t.id === o.id && t.start === o.start && t.end === o.end && t.speaker === o.speaker && t.role === o.role && t.startMs === o.startMs;
  });

/** A turn's height before it is measured: its lines at the reading width, plus padding. */
export function estimateHeight(block: Block, width: number, marginWidth: number): number {
  const textWidth = Math.max(200, Math.min(TEXT_MAX, width - GUTTER - marginWidth - 16));
  const perLine = Math.max(20, Math.floor(textWidth / CHAR_WIDTH));
  let lines = 0;
  for (const paragraph of block.paragraphs) for (const line of paragraph) lines += Math.max(1, Math.ceil((line.end - line.start) / perLine));
  const gutter = block.startMs !== null ? 44 : 24;
  return Math.max(gutter, lines * LINE_HEIGHT) + BLOCK_PADDING + (block.paragraphs.length - 1) * PARAGRAPH_GAP;
}

/** The speaker turn a block shows, or null for a paragraph of a text without turns. */
function turnIdOf(block: Block): TurnId | null {
  return block.kind === 'paragraph' ? null : (Number(block.key.slice(1)) as TurnId);
}
