import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { CodeId, CoderId } from '../../../src/domain/ids';
import type { Code } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { getCodeDrag, isCodeDrag, setCodeDrag } from '../../lib/dnd';
import { forgetRecentCodes, useRecentCodes } from '../../lib/recent-codes';
import { useMayChange } from '../../lib/team-context';
import { useProject, useQuery } from '../../lib/state';
import { coderStrings } from '../coders/strings';
import { useCoderView } from '../coders/use-coder-view';
import { keyAssignments, keyOf } from '../transcript/key-map';
import { buildCodeTree, codingTotals, filterCodeTree, keepUnchanged, visibleRows, type CodeRowModel } from './code-tree';
import { DeleteDialog, MergeDialog } from './CodeDialogs';
import { CodeMenu, type CodeAction } from './CodeMenu';
import { moveVerdict, refusedTargets } from './drag-rules';
import { codebookStrings, plural } from './strings';
import './codebook.css';

type Editing =
  | { readonly kind: 'rename'; readonly id: CodeId }
  | { readonly kind: 'describe'; readonly id: CodeId }
  | { readonly kind: 'new'; readonly parentId: CodeId | null };

/** Which codes are folded survives the panel leaving the screen (home, journal) and coming back. */
let rememberedCollapsed: ReadonlySet<CodeId> = new Set();

const EMPTY: readonly Code[] = [];
const NOBODY: readonly CoderId[] = [];
const INDENT = 14;

/** The panel's width, remembered on this computer; long Indonesian code names need room. */
const WIDTH_KEY = 'tematik.codebook.width';
const ROLL_UP_KEY = 'tematik.codebook.rollUp';
export const MIN_WIDTH = 240;
export const MAX_WIDTH = 720;
const DEFAULT_WIDTH = 300;
const clampWidth = (w: number) => Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w)));
function stored(key: string): string | null {
  try { return localStorage.getItem(key); } catch { return null; }
}
function store(key: string, value: string): void {
  try { localStorage.setItem(key, value); } catch { /* private mode or full storage: the setting lasts this session only */ }
}

/**
 * The codebook beside a transcript or a code: a tree of codes with their codings and
 * informants, a filter, drag to apply or nest, and a row menu for everything else.
 */
export function CodebookPanel() {
  const t = useStrings(codebookStrings);
  const tc = useStrings(coderStrings);
  const { route, navigate, run, notify } = useProject();
  const whose = useCoderView();
  const codesQuery = useQuery('codes.list', {});
  // Blind mode or a coder filter: the tree counts those coders' codings only. Before one's first coding
  // in blind mode nothing is one's own, so every count is nothing. Deleting and merging still say
  // what they do to everyone's codings (`fullCodes`).
  // Until it is known whether this coder codes blind, nobody's codings are counted (rather than everyone's, for a moment).
  const countedIds = whose.known ? whose.coderIds : NOBODY;
  const countedQuery = useQuery('codes.list', countedIds && countedIds.length > 0 ? { coders: [...countedIds] } : null);
  const fullCodes = codesQuery.data ?? EMPTY;
  const counted = useMemo(() => {
    if (countedIds === null) return fullCodes;
    const counts = new Map((countedIds.length > 0 ? countedQuery.data ?? EMPTY : EMPTY).map((c) => [c.id, c]));
    return fullCodes.map((c) => ({ ...c, codingCount: counts.get(c.id)?.codingCount ?? 0, informantCount: counts.get(c.id)?.informantCount ?? 0 }));
  }, [fullCodes, countedQuery.data, countedIds]);
  const codes = useUnchangedKept(counted);
  const fullCode = (code: Code): Code => fullCodes.find((c) => c.id === code.id) ?? code;
  const recent = useRecentCodes();
  const keys = useMemo(() => keyAssignments(codes, recent), [codes, recent]);
  const [width, setWidthState] = useState(() => clampWidth(Number(stored(WIDTH_KEY)) || DEFAULT_WIDTH));
  const setWidth = useCallback((w: number) => { const next = clampWidth(w); setWidthState(next); store(WIDTH_KEY, String(next)); }, []);
  const [rollUp, setRollUpState] = useState(() => stored(ROLL_UP_KEY) === '1');
  const setRollUp = (on: boolean) => { setRollUpState(on); store(ROLL_UP_KEY, on ? '1' : '0'); };

  const [query, setQuery] = useState('');
  const [collapsed, setCollapsedState] = useState<ReadonlySet<CodeId>>(rememberedCollapsed);
  const [focusId, setFocusId] = useState<CodeId | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [menu, setMenu] = useState<{ id: CodeId; x: number; y: number } | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'merge' | 'delete'; id: CodeId } | null>(null);
  const [dragging, setDragging] = useState<CodeId | null>(null);
  const [dropTarget, setDropTarget] = useState<CodeId | 'top' | null>(null);
  const tree = useRef<HTMLDivElement>(null);
  const expandTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const setCollapsed = useCallback((update: (set: Set<CodeId>) => void) => {
    setCollapsedState((current) => {
      const next = new Set(current);
      update(next);
      rememberedCollapsed = next;
      return next;
    });
  }, []);

  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const roots = useMemo(() => buildCodeTree(codes), [codes]);
  const filtered = useMemo(() => filterCodeTree(roots, query), [roots, query]);
  const filtering = query.trim() !== '';
  const rows = useMemo(
    () => visibleRows(filtered.roots, collapsed, { forceExpand: filtering, matches: filtered.matches }),
    [filtered, collapsed, filtering],
  );
  const hasNesting = useMemo(() => codes.some((c) => c.parentId !== null), [codes]);
  const totals = useMemo(() => codingTotals(roots), [roots]);
  const selectedId = route.view === 'code' ? route.codeId : null;
  const refused = useMemo(() => (dragging === null ? null : refusedTargets(codes, dragging)), [codes, dragging]);

  // Keys 1–9 must not point at a code that was deleted or merged away.
  useEffect(() => {
    if (codes !== EMPTY) forgetRecentCodes(new Set(codes.map((c) => c.id)));
  }, [codes]);

  const tabStop = rows.some((r) => r.code.id === focusId) ? focusId : rows.some((r) => r.code.id === selectedId) ? selectedId : rows[0]?.code.id ?? null;

  const focusRow = useCallback((id: CodeId) => {
    setFocusId(id);
    requestAnimationFrame(() => tree.current?.querySelector<HTMLElement>(`[data-code-id="${id}"]`)?.focus());
  }, []);

  const expand = useCallback((id: CodeId) => setCollapsed((s) => { s.delete(id); }), [setCollapsed]);

  // A reviewer of a team project reads the codebook: its menu only changes it.
  const mayChange = useMayChange();
  const openMenu = useCallback((id: CodeId, x: number, y: number) => {
    setFocusId(id);
    if (mayChange) setMenu({ id, x, y });
  }, [mayChange]);
  const closeMenu = useCallback(() => {
    setMenu((current) => {
      if (current) requestAnimationFrame(() => tree.current?.querySelector<HTMLElement>(`[data-code-id="${current.id}"]`)?.focus());
      return null;
    });
  }, []);

  const rename = (code: Code, name: string, refocus: boolean) => {
    setEditing(null);
    const trimmed = name.trim();
    if (trimmed && trimmed !== code.name) void run('codes.update', { id: code.id, name: trimmed }).catch(() => undefined);
    if (refocus) focusRow(code.id);
  };
  const describe = (code: Code, description: string) => {
    setEditing(null);
    if (description !== code.description) void run('codes.update', { id: code.id, description }).catch(() => undefined);
    focusRow(code.id);
  };
  const create = (name: string, parentId: CodeId | null, refocus: boolean) => {
    setEditing(null);
    const trimmed = name.trim();
    if (!trimmed) return;
    if (parentId !== null) expand(parentId);
    void run('codes.create', { name: trimmed, parentId }).then((code) => { if (refocus) focusRow(code.id); }, () => undefined);
  };
  const colour = useCallback((id: CodeId, value: string) => {
    setMenu(null);
    if (byId.get(id)?.colour.toLowerCase() !== value.toLowerCase()) void run('codes.update', { id, colour: value }).catch(() => undefined);
    focusRow(id);
  }, [byId, run, focusRow]);

  const move = (id: CodeId, parentId: CodeId | null) => {
    const verdict = moveVerdict(codes, id, parentId);
    const code = byId.get(id);
    if (verdict === 'name-clash' && code) notify({ tone: 'error', message: t('nameClash', { name: code.name }) });
    if (verdict !== 'ok') return;
    if (parentId !== null) expand(parentId);
    void run('codes.move', { id, parentId }).catch(() => undefined);
  };

  const pin = useCallback((id: CodeId, key: number | null) => {
    setMenu(null);
    const code = byId.get(id);
    if (code && code.hotkey !== key) void run('hotkeys.set', { id, key }).catch(() => undefined);
    focusRow(id);
  }, [byId, run, focusRow]);

  const merge = (source: Code, targetId: CodeId) => {
    setDialog(null);
    const target = byId.get(targetId);
    void run('codes.merge', { sourceId: source.id, targetId }).then(() => {
      notify({ tone: 'info', message: t('merged', { source: source.name, target: target?.name ?? '' }) });
      if (selectedId === source.id) navigate({ view: 'code', codeId: targetId });
      focusRow(targetId);
    }, () => undefined);
  };
  const remove = (code: Code) => {
    setDialog(null);
    void run('codes.delete', { id: code.id }).then(() => {
      notify({ tone: 'info', message: t('deleted', { name: code.name, codings: plural(t, fullCode(code).codingCount, 'codingsOne', 'codingsMany') }) });
    }, () => undefined);
  };

  const act = (id: CodeId, action: CodeAction) => {
    setMenu(null);
    if (action === 'rename' || action === 'describe') setEditing({ kind: action, id });
    else if (action === 'subcode') {
      expand(id);
      setEditing({ kind: 'new', parentId: id });
    } else setDialog({ kind: action, id });
  };

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, row: CodeRowModel, index: number) => {
    if (event.target !== event.currentTarget) return;
    const id = row.code.id;
    const go = (i: number) => { const r = rows[Math.max(0, Math.min(rows.length - 1, i))]; if (r) focusRow(r.code.id); };
    switch (event.key) {
      case 'ArrowDown': go(index + 1); break;
      case 'ArrowUp': go(index - 1); break;
      case 'Home': go(0); break;
      case 'End': go(rows.length - 1); break;
      case 'ArrowRight':
        if (row.hasChildren && !row.expanded) expand(id);
        else if (row.expanded) go(index + 1);
        break;
      case 'ArrowLeft':
        if (row.expanded && !filtering) setCollapsed((s) => { s.add(id); });
        else if (row.code.parentId !== null) focusRow(row.code.parentId);
        break;
      case 'Enter': navigate({ view: 'code', codeId: id }); break;
      case 'F2': setEditing({ kind: 'rename', id }); break;
      case 'Delete': setDialog({ kind: 'delete', id }); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        // Alt+1…9 pins that key to the code; Alt+0 lets the code's key go back to following recency.
        if (!event.altKey || event.ctrlKey || event.metaKey) return;
        pin(id, event.key === '0' ? null : Number(event.key));
        break;
      case 'ContextMenu': {
        const rect = event.currentTarget.getBoundingClientRect();
        openMenu(id, rect.left + 24, rect.bottom);
        break;
      }
      default:
        if (event.key === 'F10' && event.shiftKey) {
          const rect = event.currentTarget.getBoundingClientRect();
          openMenu(id, rect.left + 24, rect.bottom);
          break;
        }
        return;
    }
    event.preventDefault();
  };

  // Drag: rows carry the shared payload (the transcript applies it to a selection); dropped on
  // a row they nest, on the bottom zone they go to the top level.
  const dragVerdict = (event: DragEvent, parentId: CodeId | null): boolean => {
    if (!isCodeDrag(event)) return false;
    // A drag from elsewhere (a theme, another window) is only known on drop: let it through.
    return refused === null || !refused.has(parentId);
  };
  const onDragOver = (event: DragEvent, target: CodeId | 'top') => {
    if (!dragVerdict(event, target === 'top' ? null : target)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    if (dropTarget !== target) {
      setDropTarget(target);
      clearTimeout(expandTimer.current);
      // Hovering over a folded code opens it, so a code can be dropped deep in the tree.
      if (target !== 'top' && collapsed.has(target)) expandTimer.current = setTimeout(() => expand(target), 700);
    }
  };
  const onDragLeave = (event: DragEvent, target: CodeId | 'top') => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    if (dropTarget === target) {
      setDropTarget(null);
      clearTimeout(expandTimer.current);
    }
  };
  const onDrop = (event: DragEvent, target: CodeId | 'top') => {
    event.preventDefault();
    clearTimeout(expandTimer.current);
    const id = getCodeDrag(event) ?? dragging;
    setDropTarget(null);
    setDragging(null);
    if (id !== null) move(id, target === 'top' ? null : target);
  };
  const endDrag = () => {
    clearTimeout(expandTimer.current);
    setDragging(null);
    setDropTarget(null);
  };

  const menuCode = menu ? byId.get(menu.id) : undefined;
  const dialogCode = dialog ? byId.get(dialog.id) : undefined;
  const newAt = editing?.kind === 'new' ? editing.parentId : undefined;

  // The rows' handlers, as one object that never changes: each call reaches this render's closures,
  // so a memoised row is drawn again only when what it shows changes (a coding redraws one row, not 200).
  const handlers = {
    open: (id: CodeId) => { setFocusId(id); navigate({ view: 'code', codeId: id }); },
    focus: (id: CodeId) => setFocusId(id),
    key: (event: KeyboardEvent<HTMLDivElement>, index: number) => { const row = rows[index]; if (row) onRowKey(event, row, index); },
    contextMenu: (id: CodeId, x: number, y: number) => openMenu(id, x, y),
    menuButton: (id: CodeId, rect: DOMRect) => { if (menu?.id === id) setMenu(null); else openMenu(id, rect.right - 180, rect.bottom + 2); },
    toggle: (id: CodeId, expanded: boolean) => setCollapsed((s) => { if (expanded) s.add(id); else s.delete(id); }),
    dragStart: (event: DragEvent, id: CodeId) => { setCodeDrag(event, id); setDragging(id); setMenu(null); },
    dragEnd: () => endDrag(),
    dragOver: (event: DragEvent, id: CodeId) => onDragOver(event, id),
    dragLeave: (event: DragEvent, id: CodeId) => onDragLeave(event, id),
    drop: (event: DragEvent, id: CodeId) => onDrop(event, id),
    rename: (code: Code, value: string, byKey: boolean) => rename(code, value, byKey),
    describe: (code: Code, text: string) => describe(code, text),
    createUnder: (parentId: CodeId, value: string, byKey: boolean) => create(value, parentId, byKey),
    cancelEdit: (id: CodeId, byKey: boolean) => { setEditing(null); if (byKey) focusRow(id); },
  };
  const latest = useRef(handlers);
  useLayoutEffect(() => { latest.current = handlers; });
  const rowActions = useMemo<RowActions>(() => {
    const call = <K extends keyof RowActions>(name: K) => ((...args: never[]) => (latest.current[name] as (...a: never[]) => void)(...args)) as RowActions[K];
    return Object.fromEntries(Object.keys(latest.current).map((name) => [name, call(name as keyof RowActions)])) as unknown as RowActions;
  }, []);

  return (
    <aside className="codebook-panel" aria-label={t('title')} data-testid="codebook-panel" style={{ width }}>
      <ResizeHandle width={width} onWidth={setWidth} label={t('resize')} />
      <div className="cb-head">
        <h3 className="cb-title">{t('title')} <span className="count">{codes.length > 0 ? codes.length : ''}</span></h3>
        {hasNesting && (
          <>
            <button className="cb-icon" title={t('expandAll')} aria-label={t('expandAll')} onClick={() => setCollapsed((s) => s.clear())} data-testid="codes-expand-all">⊞</button>
            <button className="cb-icon" title={t('collapseAll')} aria-label={t('collapseAll')} onClick={() => setCollapsed((s) => { for (const c of codes) if (codes.some((x) => x.parentId === c.id)) s.add(c.id); })} data-testid="codes-collapse-all">⊟</button>
          </>
        )}
        {hasNesting && (
          <button
            className={`cb-icon cb-roll-up${rollUp ? ' on' : ''}`}
            title={t('rollUpHint')}
            aria-label={t('rollUp')}
            aria-pressed={rollUp}
            onClick={() => setRollUp(!rollUp)}
            data-testid="codes-roll-up"
          >Σ</button>
        )}
        {mayChange && <button className="cb-new" title={t('newCodeHint')} onClick={() => setEditing({ kind: 'new', parentId: null })} data-testid="new-code">+ {t('newCode')}</button>}
      </div>
      {whose.coderIds !== null && (
        <p className="cb-whose muted" data-testid="codebook-counts-of">{whose.blind ? tc('blindOn') : tc('countsOf', { names: whose.names.join(', ') })}</p>
      )}
      <div className="cb-filter">
        <input
          type="search"
          value={query}
          placeholder={t('filter')}
          aria-label={t('filter')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && rows[0]) { e.preventDefault(); focusRow((rows.find((r) => r.match) ?? rows[0]).code.id); }
            if (e.key === 'Escape' && query) { e.preventDefault(); setQuery(''); }
          }}
          data-testid="code-filter"
        />
      </div>
      {codes.length > 0 && (
        <div className="cb-columns">
          <span className="cb-columns-name" />
          <span className="cb-count" title={t('colCodingsHint')}><QuoteIcon /></span>
          <span className="cb-count" title={t('colInformantsHint')}><PersonIcon /></span>
          <span className="cb-more-space" />
        </div>
      )}
      {/* A tree needs tree items: with no code (yet, or after a filter) it is a plain region. */}
      <div className="cb-tree" ref={tree} role={rows.length > 0 ? 'tree' : undefined} aria-label={rows.length > 0 ? t('title') : undefined} onDragEnd={endDrag}>
        {newAt === null && (
          <div className="cb-new-row" style={{ paddingLeft: 4 + 16 }}>
            <InlineInput
              initial=""
              label={t('newCodePlaceholder')}
              placeholder={t('newCodePlaceholder')}
              testId="new-code-input"
              onCommit={(value, byKey) => create(value, null, byKey)}
              onCancel={() => setEditing(null)}
            />
          </div>
        )}
        {rows.map((row, index) => {
          const { code } = row;
          const codings = rollUp && row.hasChildren ? totals.get(code.id) ?? code.codingCount : code.codingCount;
          return (
            <CodeRow
              key={code.id} code={code} index={index} depth={row.depth} hasChildren={row.hasChildren} expanded={row.expanded} match={row.match}
              hotkey={keyOf(keys, code.id)} codings={codings} selected={code.id === selectedId} menuOpen={menu?.id === code.id}
              dropInto={dropTarget === code.id} dragging={dragging === code.id}
              // While dragging, the codes it cannot go under (its own subtree, a name clash) are dimmed.
              refused={refused !== null && dragging !== code.id && refused.has(code.id)}
              renaming={editing?.kind === 'rename' && editing.id === code.id} describing={editing?.kind === 'describe' && editing.id === code.id}
              addingChild={newAt === code.id} tabStop={code.id === tabStop} filtering={filtering} actions={rowActions}
            />
          );
        })}
        {codesQuery.data?.length === 0 && editing?.kind !== 'new' && <p className="cb-empty muted">{t('empty')}</p>}
        {codes.length > 0 && rows.length === 0 && <p className="cb-empty muted">{t('noMatch', { query: query.trim() })} <button className="link" onClick={() => setQuery('')}>{t('clearFilter')}</button></p>}
        {hasNesting || dragging !== null ? (
          <div
            className={`cb-top-zone${dragging !== null ? ' active' : ''}${dropTarget === 'top' ? ' over' : ''}`}
            data-testid="code-top-level"
            onDragOver={(e) => onDragOver(e, 'top')}
            onDragLeave={(e) => onDragLeave(e, 'top')}
            onDrop={(e) => onDrop(e, 'top')}
          >{t('topLevel')}</div>
        ) : null}
      </div>
      {menu && menuCode && (
        <CodeMenu
          key={menu.id}
          code={menuCode}
          x={menu.x}
          y={menu.y}
          onAction={(action) => act(menuCode.id, action)}
          onColour={(value) => colour(menuCode.id, value)}
          keys={keys}
          codes={codes}
          onHotkey={(key) => pin(menuCode.id, key)}
          onClose={closeMenu}
        />
      )}
      {dialog?.kind === 'merge' && dialogCode && (
        <MergeDialog source={fullCode(dialogCode)} codes={codes} onMerge={(targetId) => merge(dialogCode, targetId)} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'delete' && dialogCode && (
        <DeleteDialog code={fullCode(dialogCode)} codes={codes} onDelete={() => remove(dialogCode)} onClose={() => setDialog(null)} />
      )}
    </aside>
  );
}

/**
 * `list`, with each code unchanged since the last answer as the very object shown before, so the
 * memoised rows of codes a change did not touch are not drawn again.
 */
function useUnchangedKept(list: readonly Code[]): readonly Code[] {
  const kept = useRef<ReadonlyMap<CodeId, Code>>(new Map());
  return useMemo(() => {
    if (list === EMPTY) return list;
    const out = keepUnchanged(kept.current, list);
    kept.current = new Map(out.map((code) => [code.id, code]));
    return out;
  }, [list]);
}

/** What a row asks of the panel; one object for the panel's life, so rows compare equal across renders. */
interface RowActions {
  open(id: CodeId): void;
  focus(id: CodeId): void;
  key(event: KeyboardEvent<HTMLDivElement>, index: number): void;
  contextMenu(id: CodeId, x: number, y: number): void;
  menuButton(id: CodeId, rect: DOMRect): void;
  toggle(id: CodeId, expanded: boolean): void;
  dragStart(event: DragEvent, id: CodeId): void;
  dragEnd(): void;
  dragOver(event: DragEvent, id: CodeId): void;
  dragLeave(event: DragEvent, id: CodeId): void;
  drop(event: DragEvent, id: CodeId): void;
  rename(code: Code, value: string, byKey: boolean): void;
  describe(code: Code, text: string): void;
  createUnder(parentId: CodeId, value: string, byKey: boolean): void;
  cancelEdit(id: CodeId, byKey: boolean): void;
}

/** One code of the tree, with its describe field or new sub-code field under it when open. */
const CodeRow = memo(function CodeRow({ code, index, depth, hasChildren, expanded, match, hotkey, codings, selected, menuOpen, dropInto, dragging, refused,
  renaming, describing, addingChild, tabStop, filtering, actions }: {
  code: Code;
  index: number;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  /** False for a parent shown only because a code under it matches the filter. */
  match: boolean;
  /** The key 1–9 that applies it, if any. */
  hotkey: number | null;
  /** Its codings, or its subtree's when rolled up. */
  codings: number;
  selected: boolean;
  menuOpen: boolean;
  dropInto: boolean;
  dragging: boolean;
  refused: boolean;
  renaming: boolean;
  describing: boolean;
  addingChild: boolean;
  tabStop: boolean;
  filtering: boolean;
  actions: RowActions;
}) {
  const t = useStrings(codebookStrings);
  const mayChange = useMayChange();
  const pinned = code.hotkey !== null;
  const classes = ['cb-row', selected && 'selected', menuOpen && 'menu-open', dropInto && 'drop-into', dragging && 'dragging', !match && 'context', refused && 'refuse'].filter(Boolean).join(' ');
  return (
    <div>
      <div
        className={classes}
        role="treeitem"
        aria-level={depth + 1}
        aria-expanded={hasChildren ? expanded : undefined}
        aria-selected={selected}
        tabIndex={tabStop ? 0 : -1}
        data-testid="code-row"
        data-code-name={code.name}
        data-code-id={code.id}
        draggable={!renaming}
        title={code.description ? `${code.name}\n${code.description}` : `${code.name}\n${t('dragHint')}`}
        style={{ paddingLeft: 4 + depth * INDENT }}
        onClick={() => actions.open(code.id)}
        onFocus={() => actions.focus(code.id)}
        onKeyDown={(e) => actions.key(e, index)}
        onContextMenu={(e) => { e.preventDefault(); actions.contextMenu(code.id, e.clientX, e.clientY); }}
        onDragStart={(e) => actions.dragStart(e, code.id)}
        onDragEnd={actions.dragEnd}
        onDragOver={(e) => actions.dragOver(e, code.id)}
        onDragLeave={(e) => actions.dragLeave(e, code.id)}
        onDrop={(e) => actions.drop(e, code.id)}
      >
        <span
          className={`cb-twisty${hasChildren ? '' : ' leaf'}`}
          aria-hidden="true"
          data-testid={hasChildren ? 'code-toggle' : undefined}
          onClick={(e) => {
            if (!hasChildren || filtering) return;
            e.stopPropagation();
            actions.toggle(code.id, expanded);
          }}
        >{hasChildren ? (expanded ? '▾' : '▸') : ''}</span>
        <span className="cb-swatch" style={{ background: code.colour }} />
        {renaming ? (
          <InlineInput
            initial={code.name}
            label={t('rename')}
            testId="code-rename-input"
            onCommit={(value, byKey) => actions.rename(code, value, byKey)}
            onCancel={(byKey) => actions.cancelEdit(code.id, byKey)}
          />
        ) : (
          <span className={`cb-name${code.inVivo ? ' in-vivo' : ''}`} title={code.inVivo ? t('inVivoHint') : undefined}>{code.name}</span>
        )}
        {hotkey !== null && (
          <span className={`kbd cb-key${pinned ? ' pinned' : ''}`} title={pinned ? t('pinnedKey', { n: hotkey }) : t('recentKey', { n: hotkey })} data-testid="code-key">{hotkey}</span>
        )}
        <span
          className="cb-counts"
          title={codings !== code.codingCount
            ? `${t('rolledUp', { codings: plural(t, codings, 'codingsOne', 'codingsMany'), own: plural(t, code.codingCount, 'codingsOne', 'codingsMany') })}; ${plural(t, code.informantCount, 'informantsOne', 'informantsMany')}`
            : t('countsHint', { codings: plural(t, code.codingCount, 'codingsOne', 'codingsMany'), informants: plural(t, code.informantCount, 'informantsOne', 'informantsMany') })}
        >
          <span className={`cb-count${codings === 0 ? ' zero' : ''}${codings !== code.codingCount ? ' rolled' : ''}`} data-testid="code-codings">{codings}</span>
          <span className={`cb-count${code.informantCount === 0 ? ' zero' : ''}`}>{code.informantCount}</span>
        </span>
        {mayChange && <button
          className="cb-more"
          tabIndex={-1}
          aria-label={t('actionsFor', { name: code.name })}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          data-testid="code-menu"
          onClick={(e) => {
            e.stopPropagation();
            actions.menuButton(code.id, e.currentTarget.getBoundingClientRect());
          }}
        >⋯</button>}
      </div>
      {describing && (
        <DescriptionEditor code={code} depth={depth} onSave={(text) => actions.describe(code, text)} onCancel={() => actions.cancelEdit(code.id, true)} />
      )}
      {addingChild && (
        <div className="cb-new-row" style={{ paddingLeft: 4 + (depth + 1) * INDENT + 16 }}>
          <InlineInput
            initial=""
            label={t('newSubCodePlaceholder', { parent: code.name })}
            placeholder={t('newSubCodePlaceholder', { parent: code.name })}
            testId="new-code-input"
            onCommit={(value, byKey) => actions.createUnder(code.id, value, byKey)}
            onCancel={(byKey) => actions.cancelEdit(code.id, byKey)}
          />
        </div>
      )}
    </div>
  );
});

/** A one-line editor: Enter saves, Esc cancels, leaving the field saves (as in a file tree). */
function InlineInput({ initial, label, placeholder, testId, onCommit, onCancel }: {
  initial: string;
  label: string;
  placeholder?: string;
  testId: string;
  /** `byKey` is false when the user clicked elsewhere: the focus stays where they clicked. */
  onCommit: (value: string, byKey: boolean) => void;
  onCancel: (byKey: boolean) => void;
}) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const finish = (commit: boolean, byKey: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && value.trim()) onCommit(value, byKey);
    else onCancel(byKey);
  };
  return (
    <input
      className="cb-inline-input"
      autoFocus
      value={value}
      aria-label={label}
      placeholder={placeholder}
      maxLength={200}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') { e.preventDefault(); finish(true, true); }
        if (e.key === 'Escape') { e.preventDefault(); finish(false, true); }
      }}
      onBlur={() => finish(true, false)}
      onDragStart={(e) => e.preventDefault()}
      data-testid={testId}
    />
  );
}

/** The code's description (its definition in the codebook appendix), edited in place. */
function DescriptionEditor({ code, depth, onSave, onCancel }: { code: Code; depth: number; onSave: (text: string) => void; onCancel: () => void }) {
  const t = useStrings(codebookStrings);
  const [text, setText] = useState(code.description);
  return (
    <div className="cb-describe" style={{ marginLeft: 4 + depth * INDENT + 16 }}>
      <textarea
        autoFocus
        rows={4}
        value={text}
        placeholder={t('describePlaceholder')}
        aria-label={t('describe')}
        maxLength={20000}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); onSave(text); }
          if (e.key === 'Escape') { e.preventDefault(); onCancel(); }
        }}
        data-testid="code-description-input"
      />
      <div className="cb-describe-actions">
        <span className="muted cb-hint">{t('saveHint')}</span>
        <button onClick={onCancel}>{t('cancel')}</button>
        <button className="primary" onClick={() => onSave(text)} data-testid="code-description-save">{t('save')}</button>
      </div>
    </div>
  );
}

/** Column heading icons: a quotation mark for codings, a person for informants (labels in the tooltip). */
function QuoteIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M2 9.5C2 6.4 3.6 4.2 6.3 3l.6 1.2C5.3 5 4.6 6.1 4.5 7.4H6.5V13H2V9.5Zm7 0C9 6.4 10.6 4.2 13.3 3l.6 1.2c-1.6.8-2.3 1.9-2.4 3.2h2V13H9V9.5Z" />
    </svg>
  );
}

function PersonIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="5" r="3" fill="currentColor" />
      <path fill="currentColor" d="M2 14.5c0-3.2 2.7-5.2 6-5.2s6 2 6 5.2V15H2v-.5Z" />
    </svg>
  );
}

/**
 * The panel's left edge: drag it to widen the codebook, or focus it and use ← and → (Home
 * and End for the narrowest and widest). The width is remembered.
 */
function ResizeHandle({ width, onWidth, label }: { width: number; onWidth: (w: number) => void; label: string }) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (drag.current) onWidth(drag.current.width + drag.current.x - event.clientX);
  };
  const end = () => { drag.current = null; };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16;
    const next = event.key === 'ArrowLeft' ? width + step : event.key === 'ArrowRight' ? width - step
      : event.key === 'Home' ? MIN_WIDTH : event.key === 'End' ? MAX_WIDTH : null;
    if (next === null) return;
    event.preventDefault();
    onWidth(next);
  };
  return (
    <div
      className="cb-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      tabIndex={0}
      title={label}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
      data-testid="codebook-resize"
    />
  );
}
