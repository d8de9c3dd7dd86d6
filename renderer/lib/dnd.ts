import type { CodeId } from '../../src/domain/ids';

/** Drag-and-drop payload type for a code dragged from the codebook (onto text, a code or a theme). */
export const CODE_DRAG_TYPE = 'application/x-tematik-code';

export function setCodeDrag(event: { dataTransfer: DataTransfer | null }, codeId: CodeId): void {
  event.dataTransfer?.setData(CODE_DRAG_TYPE, String(codeId));
  event.dataTransfer?.setData('text/plain', '');
  if (event.dataTransfer) event.dataTransfer.effectAllowed = 'copyMove';
}

export function getCodeDrag(event: { dataTransfer: DataTransfer | null }): CodeId | null {
  const raw = event.dataTransfer?.getData(CODE_DRAG_TYPE);
  return raw ? (Number(raw) as CodeId) : null;
}

export const isCodeDrag = (event: { dataTransfer: DataTransfer | null }): boolean => event.dataTransfer?.types.includes(CODE_DRAG_TYPE) ?? false;
