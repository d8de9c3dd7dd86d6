import { type CSSProperties, type DragEvent } from 'react';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import type { Code, Theme, ThemeStatus, TriangulationRow } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { getCodeDrag, isCodeDrag, setCodeDrag } from '../../lib/dnd';
import { useMayChange } from '../../lib/team-context';
import { InlineName } from './InlineName';
import { plural, themesStrings } from './strings';
import { getThemeDrag, isThemeDrag, setThemeDrag } from './theme-drag';
import type { ThemeNode } from './theme-tree';

/** What is being dragged on the board, known from dragstart (dataTransfer data is hidden until drop). */
export type BoardDrag =
  /** `fromThemeId`: the chip was dragged out of that theme's card (a drop elsewhere asks: move, or also add). */
  | { readonly kind: 'code'; readonly id: CodeId; readonly fromThemeId?: ThemeId }
  | { readonly kind: 'theme'; readonly id: ThemeId }
  | null;

export interface CardHandlers {
  readonly onDropCode: (theme: Theme, codeId: CodeId, fromThemeId?: ThemeId) => void;
  readonly onDropTheme: (target: Theme, dragged: ThemeId) => void;
  readonly canAcceptTheme: (target: Theme) => boolean;
  readonly onRemoveCode: (theme: Theme, codeId: CodeId) => void;
  readonly onOpen: (theme: Theme) => void;
  readonly onStartRename: (theme: Theme) => void;
  readonly onRename: (theme: Theme, name: string) => void;
  readonly onCancelRename: () => void;
  readonly onStatus: (theme: Theme, status: ThemeStatus) => void;
  readonly onDelete: (theme: Theme) => void;
  readonly onOpenCode: (codeId: CodeId) => void;
  readonly setDrag: (drag: BoardDrag) => void;
  readonly setOver: (key: string | null) => void;
}

/**
 * One pile: a theme with its codes as chips, its evidence in numbers, and its sub-themes
 * nested inside. It takes codes (add) and other themes (nest) dropped on it.
 */
export function ThemeCard({ node, depth, codesById, rows, drag, over, renaming, handlers }: {
  node: ThemeNode;
  depth: number;
  codesById: ReadonlyMap<CodeId, Code>;
  rows: ReadonlyMap<number, TriangulationRow>;
  drag: BoardDrag;
  over: string | null;
  renaming: ThemeId | null;
  handlers: CardHandlers;
}) {
  const t = useStrings(themesStrings);
  // A reviewer opens and reads the pile; moving, renaming, discarding and deleting are the coders'.
  const mayChange = useMayChange();
  const { theme, children } = node;
  const key = `theme:${theme.id}`;
  const codes = theme.codeIds.map((id) => codesById.get(id)).filter((c): c is Code => c !== undefined);
  const row = rows.get(theme.id);
  // The matrix counts sub-themes' evidence too, once per coding; without it, the theme's own codes.
  const extracts = row?.extracts ?? codes.reduce((sum, c) => sum + c.codingCount, 0);
  const informants = row?.informants;

  const accepts = (event: DragEvent) => mayChange && ((isCodeDrag(event) && drag?.kind !== 'theme') || (isThemeDrag(event) && handlers.canAcceptTheme(theme)));
  const onDragOver = (event: DragEvent) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = isThemeDrag(event) ? 'move' : 'copy';
    if (over !== key) handlers.setOver(key);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null) && over === key) handlers.setOver(null);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    handlers.setOver(null);
    handlers.setDrag(null);
    const themeId = getThemeDrag(event) ?? (drag?.kind === 'theme' ? drag.id : null);
    if (themeId !== null && isThemeDrag(event)) {
      handlers.onDropTheme(theme, themeId);
      return;
    }
    const codeId = getCodeDrag(event) ?? (drag?.kind === 'code' ? drag.id : null);
    const from = drag?.kind === 'code' && drag.id === codeId ? drag.fromThemeId : undefined;
    if (codeId !== null) handlers.onDropCode(theme, codeId, from);
  };

  const classes = [
    'th-card', `status-${theme.status}`, depth > 0 && 'sub', over === key && 'over',
    drag?.kind === 'theme' && drag.id === theme.id && 'dragging',
  ].filter(Boolean).join(' ');
  const isRenaming = renaming === theme.id;

  return (
    <article
      className={classes}
      style={{ '--theme': theme.colour } as CSSProperties}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      aria-label={theme.name}
      data-testid="theme-card"
      data-theme-name={theme.name}
      data-status={theme.status}
    >
      <header className="th-card-head">
        {/* The card moves only by its handle, so a drag from a code chip is always the code's. The handle is for the
            pointer: the card's buttons do the rest from the keyboard. */}
        {mayChange && <span
          className="th-handle"
          draggable={!isRenaming}
          aria-hidden="true"
          title={t('cardHandle', { name: theme.name })}
          onDragStart={(e) => {
            e.stopPropagation();
            const card = e.currentTarget.closest('.th-card');
            if (card) e.dataTransfer.setDragImage(card, 16, 16);
            setThemeDrag(e, theme.id);
            handlers.setDrag({ kind: 'theme', id: theme.id });
          }}
          data-testid="theme-handle"
        />}
        {isRenaming
          ? <InlineName className="th-rename" value={theme.name} label={t('rename')} onSave={(name) => handlers.onRename(theme, name)} onCancel={handlers.onCancelRename} testId="theme-rename-input" />
          : (
            <button className="th-card-name" onClick={() => handlers.onOpen(theme)} onDoubleClick={(e) => { e.preventDefault(); if (mayChange) handlers.onStartRename(theme); }} title={t('openReviewHint')} data-testid="theme-open">
              {theme.name}
            </button>
          )}
        <span className={`th-status ${theme.status}`} data-testid="theme-status">{t(`status_${theme.status}`)}</span>
      </header>
      <div className="th-card-counts">
        <span>{plural(t, codes.length, 'codesOne', 'codesMany')}</span>
        <span>{plural(t, extracts, 'extractsOne', 'extractsMany')}</span>
        {informants !== undefined && <span>{plural(t, informants, 'informantsOne', 'informantsMany')}</span>}
      </div>
      {theme.definition.trim() && depth === 0 && <p className="th-card-definition">{theme.definition}</p>}
      <div className="th-chips">
        {codes.length === 0 && <span className="th-chips-empty">{t('emptyTheme')}</span>}
        {codes.map((code) => (
          <span
            key={code.id}
            className="th-chip"
            style={{ '--chip': code.colour } as CSSProperties}
            draggable={mayChange}
            onDragStart={(e) => { e.stopPropagation(); if (!mayChange) return; setCodeDrag(e, code.id); handlers.setDrag({ kind: 'code', id: code.id, fromThemeId: theme.id }); }}
            onDoubleClick={() => handlers.onOpenCode(code.id)}
            title={t('chipHint', { extracts: plural(t, code.codingCount, 'extractsOne', 'extractsMany'), informants: plural(t, code.informantCount, 'informantsOne', 'informantsMany') })}
            data-testid="theme-code-chip"
            data-code-name={code.name}
          >
            <span className="th-chip-dot" />
            <span className="th-chip-name">{code.name}</span>
            <span className="th-chip-count">{code.codingCount}</span>
            {mayChange && <button className="th-chip-remove" onClick={() => handlers.onRemoveCode(theme, code.id)} aria-label={t('removeCode', { name: code.name })} title={t('removeCode', { name: code.name })} data-testid="theme-code-remove">×</button>}
          </span>
        ))}
      </div>
      {children.length > 0 && (
        <div className="th-subthemes" aria-label={t('subThemes')}>
          {children.map((child) => (
            <ThemeCard key={child.theme.id} node={child} depth={depth + 1} codesById={codesById} rows={rows} drag={drag} over={over} renaming={renaming} handlers={handlers} />
          ))}
        </div>
      )}
      <footer className="th-card-actions">
        <button className="th-action primary-link" onClick={() => handlers.onOpen(theme)} data-testid="theme-review-open">{t('review')} →</button>
        {mayChange && <>
          <span className="th-actions-spacer" />
          <button className="th-action" onClick={() => handlers.onStartRename(theme)} data-testid="theme-rename">{t('rename')}</button>
          {theme.status === 'discarded'
            ? <button className="th-action" onClick={() => handlers.onStatus(theme, 'candidate')} data-testid="theme-restore">{t('restore')}</button>
            : <button className="th-action" onClick={() => handlers.onStatus(theme, 'discarded')} data-testid="theme-discard">{t('discard')}</button>}
          <button className="th-action th-action-danger" onClick={() => handlers.onDelete(theme)} data-testid="theme-delete">{t('delete')}</button>
        </>}
      </footer>
    </article>
  );
}
