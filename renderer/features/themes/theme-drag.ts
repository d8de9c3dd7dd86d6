import type { ThemeId } from '../../../src/domain/ids';

/** Drag payload for a theme card dragged onto another theme (nest) or the top-level zone (un-nest). */
export const THEME_DRAG_TYPE = 'application/x-tematik-theme';

export function setThemeDrag(event: { dataTransfer: DataTransfer | null }, id: ThemeId): void {
  event.dataTransfer?.setData(THEME_DRAG_TYPE, String(id));
  event.dataTransfer?.setData('text/plain', '');
  if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
}

export function getThemeDrag(event: { dataTransfer: DataTransfer | null }): ThemeId | null {
  const raw = event.dataTransfer?.getData(THEME_DRAG_TYPE);
  return raw ? (Number(raw) as ThemeId) : null;
}

export const isThemeDrag = (event: { dataTransfer: DataTransfer | null }): boolean => event.dataTransfer?.types.includes(THEME_DRAG_TYPE) ?? false;
