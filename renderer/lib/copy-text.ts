/**
 * Puts text on the clipboard. The async Clipboard API needs a secure context and focus;
 * where it is missing or refused, the older copy command on a hidden field often still works.
 * Resolves false when neither did, so the caller can show the text for a manual copy.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    // Missing outside a secure context, whatever the DOM types say.
    if (typeof globalThis.navigator?.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the copy command.
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.appendChild(field);
  const focused = document.activeElement as HTMLElement | null;
  try {
    field.select();
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
    focused?.focus?.();
  }
}
