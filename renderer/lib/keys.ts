/** True when a key press belongs to a text field (its own undo, typing digits), not to the app. */
export const inEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
