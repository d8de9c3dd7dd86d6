/**
 * The Content-Security-Policy of every renderer page, desktop and browser mode alike:
 * only the app's own scripts and styles, no remote content, no eval. Inline styles are
 * allowed because React sets element styles (coding stripes, colours) as attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Linked recordings: from the browser-mode server, or Electron's tematik-media: protocol (main/media-protocol.ts).
  "media-src 'self' tematik-media:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
