/** The privileged scheme the renderer is served from; a standard scheme gives it a real origin (storage, relative URLs). */
export const APP_SCHEME = 'tematik';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for a page of our own origin. Compared part by part because WHATWG URL reports
 * the origin of a non-special scheme as "null", and a port or credentials would make it another origin.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.hostname.toLowerCase() === APP_HOST
    && parsed.port === '' && parsed.username === '' && parsed.password === '';
}

/** What happens when the window tries to go to `url`: stay in the app, hand a web link to the OS browser, or nothing. */
export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

/**
 * The allow-list for navigation and window.open. Only our origin loads in the window. A plain
 * https link (a URL quoted in a transcript or memo) opens in the user's browser, where the web
 * belongs; everything else (http, file, javascript, custom schemes, credentials in the URL) is refused.
 */
export function navigationDecision(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  const parsed = parse(url);
  if (parsed && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.hostname !== '') return 'open-externally';
  return 'deny';
}

/**
 * The one permission our own page gets: writing plain text to the clipboard ("Copy as
 * CSV"). Everything else (camera, notifications, reading the clipboard…) is refused.
 */
export function allowPermission(permission: string, requestingUrl: string | null | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}
