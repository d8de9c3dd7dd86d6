import type { ErrorInfo } from '../src/domain/errors';
import { defineMessages } from '../src/domain/text';
import { navigationDecision, type NavigationDecision } from './app-origin';

/**
 * A team project opens in a window of its own that shows the team server's pages (the same
 * renderer, served by `tematik serve`), beside the local projects. These rules say which server
 * addresses such a window may load and where it may then go; main.ts applies them.
 */

const say = defineMessages({
  en: {
    empty: 'Type the address of the team server, e.g. https://tematik.example.ac.id.',
    malformed: '"{address}" is not a web address. Type it as your team gave it, e.g. https://tematik.example.ac.id.',
    scheme: 'A team server is reached with https:// ("{address}" uses {scheme}). Ask whoever runs the server for its https address.',
    plainHttp: 'Passwords and transcripts would travel unencrypted to {host}: a team server is reached with https://. Only a server on this computer (localhost, 127.0.0.1) may use http://.',
    credentials: 'Leave the user name and password out of the address: the server asks for them when its page opens.',
  },
  id: {
    empty: 'Ketik alamat server tim, mis. https://tematik.example.ac.id.',
    malformed: '"{address}" bukan alamat web. Ketik sesuai yang diberikan tim Anda, mis. https://tematik.example.ac.id.',
    scheme: 'Server tim diakses dengan https:// ("{address}" memakai {scheme}). Tanyakan alamat https server itu kepada pengelolanya.',
    plainHttp: 'Kata sandi dan transkrip akan terkirim tanpa enkripsi ke {host}: server tim diakses dengan https://. Hanya server di komputer ini (localhost, 127.0.0.1) yang boleh memakai http://.',
    credentials: 'Jangan tulis nama pengguna dan kata sandi di alamat: server akan menanyakannya saat halamannya terbuka.',
  },
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const refused = (text: ReturnType<typeof say>): { ok: false; error: ErrorInfo } => ({ ok: false, error: { kind: 'bad_input', message: text.en, text } });

/** The origin a typed server address names (https, or http on this computer only), or why it cannot be used. */
export function teamServerOrigin(address: string): { ok: true; origin: string } | { ok: false; error: ErrorInfo } {
  const typed = address.trim();
  if (typed === '') return refused(say('empty'));
  // "tematik.example.ac.id" alone is taken as https, as a browser's address bar would.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refused(say('malformed', { address: typed }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refused(say('scheme', { address: typed, scheme: url.protocol.replace(/:$/, '') }));
  if (url.username !== '' || url.password !== '') return refused(say('credentials'));
  if (url.hostname === '') return refused(say('malformed', { address: typed }));
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return refused(say('plainHttp', { host: url.host }));
  return { ok: true, origin: url.origin };
}

/** Whether `url` belongs to `origin` (scheme, host and port). */
export function isOfOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Where a team window may go: its own server stays in the window; an https link elsewhere (a URL
 * quoted in a transcript) opens in the user's browser; anything else, our local app's origin
 * included, is refused, so a server's page can never reach the local projects' bridge.
 */
export function teamNavigationDecision(origin: string, url: string): NavigationDecision {
  if (isOfOrigin(url, origin)) return 'allow';
  const elsewhere = navigationDecision(url);
  return elsewhere === 'open-externally' ? 'open-externally' : 'deny';
}

/** The window's storage partition: one cookie jar per server, apart from the local app's. */
export const teamPartition = (origin: string): string => `persist:team-${origin.replace(/[^a-z0-9.-]/gi, '_')}`;
