import { useMemo, useState, type DragEvent } from 'react';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import { THEME_STATUSES, type Code, type Theme, type TriangulationRow } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { getCodeDrag, isCodeDrag } from '../../lib/dnd';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { ChipMoveDialog } from './ChipMoveDialog';
import { CodeColumn } from './CodeColumn';
import { DeleteThemeDialog, NameDialog } from './ThemeDialogs';
import { ThemeCard, type BoardDrag, type CardHandlers } from './ThemeCard';
import { emptySelection, type Selection } from './code-list';
import { plural, themesStrings } from './strings';
import { getThemeDrag, isThemeDrag } from './theme-drag';
import { canNest, partitionThemes, subtreeIds } from './theme-tree';
import './themes.css';

/** What the name dialog is creating: a theme from these codes. */
interface Naming {
  readonly codeIds: readonly CodeId[];
  /** Clear the code list's selection once the theme exists (it was made from it). */
  readonly fromSelection: boolean;
}

/**
 * Phase 3 of Braun & Clarke: the codebook on the left, candidate themes as piles of
 * codes on the right. Codes are gathered by ticking and "Make theme", or by dragging
 * onto a pile; piles nest by dragging one onto another.
 */
export function ThemesBoard() {
  const t = useStrings(themesStrings);
  const { run, navigate, notify } = useProject();
  const codes = useQuery('codes.list', {}).data;
  const unthemed = useQuery('codes.unthemed', {}).data;
  const themes = useQuery('themes.list', {}).data;
  const matrix = useQuery('analysis.triangulation', { rows: 'themes', includeDiscarded: true }).data;
  // A reviewer of a team project reads the board: no piles made, moved, renamed or discarded.
  const mayChange = useMayChange();
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [naming, setNaming] = useState<Naming | null>(null);
  const [deleting, setDeleting] = useState<Theme | null>(null);
  const [renaming, setRenaming] = useState<ThemeId | null>(null);
  const [drag, setDrag] = useState<BoardDrag>(null);
  const [over, setOver] = useState<string | null>(null);
  const [onlyUnthemed, setOnlyUnthemed] = useState(false);
  /** A chip dropped from one theme onto another, waiting for "move" or "also add". */
  const [chipDrop, setChipDrop] = useState<{ readonly codeId: CodeId; readonly from: Theme; readonly to: Theme } | null>(null);

  const codesById = useMemo(() => new Map((codes ?? []).map((c) => [c.id, c])), [codes]);
  const rows = useMemo(() => new Map<number, TriangulationRow>((matrix?.rows ?? []).map((r) => [r.id, r])), [matrix]);
  const { active, discarded } = useMemo(() => partitionThemes(themes ?? []), [themes]);
  const unthemedIds = useMemo(() => new Set((unthemed ?? []).map((c) => c.id)), [unthemed]);

  const addCode = (theme: Theme, codeId: CodeId) => {
    if (theme.codeIds.includes(codeId)) {
      notify({ tone: 'info', message: t('alreadyIn', { code: codesById.get(codeId)?.name ?? '', theme: theme.name }) });
      return;
    }
    void run('themes.addCodes', { id: theme.id, codeIds: [codeId] }).catch(() => undefined);
  };
  const nest = (dragged: ThemeId, parentId: ThemeId | null) => {
    void run('themes.update', { id: dragged, parentId }).catch(() => undefined);
  };

  const handlers: CardHandlers = {
    onDropCode: (theme, codeId, fromThemeId) => {
      const from = fromThemeId !== undefined && fromThemeId !== theme.id ? themes?.find((th) => th.id === fromThemeId) : undefined;
      if (fromThemeId === theme.id) return;
      if (from && from.codeIds.includes(codeId) && !theme.codeIds.includes(codeId)) setChipDrop({ codeId, from, to: theme });
      else addCode(theme, codeId);
    },
    onDropTheme: (target, dragged) => {
      if (themes && canNest(themes, dragged, target.id)) nest(dragged, target.id);
    },
    canAcceptTheme: (target) => drag?.kind === 'theme' && themes !== undefined && canNest(themes, drag.id, target.id),
    onRemoveCode: (theme, codeId) => void run('themes.removeCodes', { id: theme.id, codeIds: [codeId] }).catch(() => undefined),
    onOpen: (theme) => navigate({ view: 'theme', themeId: theme.id }),
    onRename: (theme, name) => {
      setRenaming(null);
      if (name.trim() && name.trim() !== theme.name) void run('themes.update', { id: theme.id, name: name.trim() }).catch(() => undefined);
    },
    onStartRename: (theme) => setRenaming(theme.id),
    onCancelRename: () => setRenaming(null),
    onStatus: (theme, status) => void run('themes.update', { id: theme.id, status }).catch(() => undefined),
    onDelete: (theme) => setDeleting(theme),
    onOpenCode: (codeId) => navigate({ view: 'code', codeId }),
    setDrag,
    setOver,
  };

  const createTheme = async (name: string) => {
    if (!naming) return;
    await run('themes.create', { name, codeIds: [...naming.codeIds] });
    if (naming.fromSelection) setSelection(emptySelection);
    setNaming(null);
  };

  // The "New theme" pile takes a code; the "top level" strip takes a sub-theme back out.
  const zoneOver = (key: string, accepts: (e: DragEvent) => boolean) => (event: DragEvent) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = key === 'new' ? 'copy' : 'move';
    if (over !== key) setOver(key);
  };
  const zoneLeave = (key: string) => (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null) && over === key) setOver(null);
  };
  const dropNew = (event: DragEvent) => {
    event.preventDefault();
    const codeId = getCodeDrag(event) ?? (drag?.kind === 'code' ? drag.id : null);
    setOver(null);
    setDrag(null);
    if (codeId !== null) setNaming({ codeIds: [codeId], fromSelection: false });
  };
  const dropTop = (event: DragEvent) => {
    event.preventDefault();
    const id = getThemeDrag(event) ?? (drag?.kind === 'theme' ? drag.id : null);
    setOver(null);
    setDrag(null);
    const theme = themes?.find((th) => th.id === id);
    if (theme && theme.parentId !== null) nest(theme.id, null);
  };

  const draggedTheme = drag?.kind === 'theme' ? themes?.find((th) => th.id === drag.id) : undefined;
  const counts = { candidate: 0, reviewed: 0, defined: 0, discarded: 0 };
  for (const theme of themes ?? []) counts[theme.status]++;
  const unthemedCount = unthemed?.length;
  const namingCodes = naming ? naming.codeIds.map((id) => codesById.get(id)).filter((c): c is Code => c !== undefined) : [];

  const card = (node: (typeof active)[number]) => (
    <ThemeCard key={node.theme.id} node={node} depth={0} codesById={codesById} rows={rows} drag={drag} over={over} renaming={renaming} handlers={handlers} />
  );

  return (
    <div className="th-board" data-testid="themes-board" onDragEnd={() => { setDrag(null); setOver(null); }}>
      <header className="th-board-head">
        <div className="th-board-title">
          <h1>{t('boardTitle')}</h1>
          <span className="th-phase-tag">{t('phase3Tag')}</span>
          <span className="th-head-counts" aria-label={t('statusCounts')}>
            {THEME_STATUSES.filter((s) => s !== 'discarded').map((s) => (
              <span key={s} className={`th-legend ${s}`}><span className="th-dot" />{counts[s]} {t(`status_${s}`).toLowerCase()}</span>
            ))}
          </span>
          <button className="th-head-link" onClick={() => navigate({ view: 'map' })}>{t('openMap')}</button>
        </div>
        <p className="th-phase-line">{t('phase3Line')}</p>
        {unthemedCount !== undefined && (codes?.length ?? 0) > 0 && (
          <p className={`th-unthemed-line${unthemedCount === 0 ? ' done' : ''}`} data-testid="unthemed-count">
            {unthemedCount === 0 ? t('unthemedNone') : plural(t, unthemedCount, 'unthemedOne', 'unthemedMany')}
            {unthemedCount > 0 && (
              <button className="link" onClick={() => setOnlyUnthemed((v) => !v)} data-testid="show-unthemed">
                {onlyUnthemed ? t('showAllCodes') : t('showUnthemed')}
              </button>
            )}
          </p>
        )}
      </header>

      <div className="th-board-body">
        <CodeColumn
          codes={codes}
          unthemedIds={unthemedIds}
          themes={themes ?? []}
          selection={selection}
          onSelection={setSelection}
          onlyUnthemed={onlyUnthemed}
          onOnlyUnthemed={setOnlyUnthemed}
          onMakeTheme={(codeIds) => setNaming({ codeIds, fromSelection: true })}
          onDragCode={(id) => setDrag(id === null ? null : { kind: 'code', id })}
          onOpenCode={(codeId) => navigate({ view: 'code', codeId })}
        />

        <section className="th-piles" aria-label={t('piles')}>
          {draggedTheme && draggedTheme.parentId !== null && (
            // Floats over the top of the piles, so the cards do not shift under the pointer mid-drag.
            <div className="th-top-zone-anchor">
              <div
                className={`th-top-zone${over === 'top' ? ' over' : ''}`}
                onDragOver={zoneOver('top', isThemeDrag)}
                onDragLeave={zoneLeave('top')}
                onDrop={dropTop}
                data-testid="top-level-drop"
              >
                {t('topLevelDrop', { name: draggedTheme.name })}
              </div>
            </div>
          )}
          {themes && active.length === 0 && <p className="th-empty-board muted">{t('noThemes')}</p>}
          <div className="th-grid">
            {active.map(card)}
            {mayChange && <button
              className={`th-new-drop${over === 'new' ? ' over' : ''}${drag?.kind === 'code' ? ' armed' : ''}`}
              onDragOver={zoneOver('new', isCodeDrag)}
              onDragLeave={zoneLeave('new')}
              onDrop={dropNew}
              onClick={() => setNaming({ codeIds: [], fromSelection: false })}
              data-testid="new-theme-drop"
            >
              <span className="th-new-plus" aria-hidden="true">+</span>
              <span className="th-new-title">{t('newTheme')}</span>
              <span className="th-new-hint">{t('newThemeDropHint')}</span>
            </button>}
          </div>

          {discarded.length > 0 && (
            <details className="th-discarded" data-testid="discarded-themes">
              <summary>{t('discardedSection', { n: discarded.length })} <span className="muted">— {t('discardedHint')}</span></summary>
              <div className="th-grid">{discarded.map(card)}</div>
            </details>
          )}
        </section>
      </div>

      {naming && (
        <NameDialog
          title={naming.codeIds.length ? t('newThemeFrom') : t('newTheme')}
          codes={namingCodes}
          onCancel={() => setNaming(null)}
          onCreate={createTheme}
        />
      )}
      {chipDrop && codesById.get(chipDrop.codeId) && (
        <ChipMoveDialog
          code={codesById.get(chipDrop.codeId)!}
          from={chipDrop.from}
          to={chipDrop.to}
          onCancel={() => setChipDrop(null)}
          onAlsoAdd={() => { setChipDrop(null); addCode(chipDrop.to, chipDrop.codeId); }}
          onMove={() => {
            setChipDrop(null);
            void run('board.moveCode', { codeId: chipDrop.codeId, fromId: chipDrop.from.id, toId: chipDrop.to.id }).catch(() => undefined);
          }}
        />
      )}
      {deleting && (
        <DeleteThemeDialog
          theme={deleting}
          subThemes={subtreeIds(themes ?? [], deleting.id).size - 1}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void run('themes.delete', { id }).catch(() => undefined);
          }}
        />
      )}
    </div>
  );
}
