import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { ReviewPackageData } from '../domain/review-package';

const say = defineMessages({
  en: {
    notBuilt: 'The review page ({file}) is missing from this installation, so no review package can be made. Run "npm run build" (or reinstall Tematik) and try again.',
  },
  id: {
    notBuilt: 'Halaman telaah ({file}) tidak ada di instalasi ini, jadi paket telaah tidak dapat dibuat. Jalankan "npm run build" (atau pasang ulang Tematik), lalu coba lagi.',
  },
});

/** The page's built script and styles (renderer/review-page, built by `npm run build` into dist/review-page). */
export interface ReviewPageAssets {
  readonly script: string;
  readonly style: string;
}

/**
 * Where the built page is: beside the compiled core in dist/ (the CLI, browser mode, the app's
 * asar), or in dist/ of the checkout when the core runs from its TypeScript sources (tests).
 */
function assetFolder(): string {
  const fromBuild = path.resolve(__dirname, '../../review-page');
  return path.extname(__filename) === '.js' ? fromBuild : path.resolve(__dirname, '../../dist/review-page');
}

let cached: ReviewPageAssets | null = null;

/** Reads the built page once per process. */
export function reviewPageAssets(): ReviewPageAssets {
  if (cached) return cached;
  const folder = assetFolder();
  const read = (name: string): string => {
    const file = path.join(folder, name);
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      throw new TematikError('not_found', say('notBuilt', { file }));
    }
  };
  cached = { script: read('review-page.js'), style: read('review-page.css') };
  return cached;
}

/**
 * JSON that can sit inside a `<script type="application/json">`: no `<` (so no `</script>` or
 * `<!--` can end or bend the block), no `>` or `&`, and no U+2028/U+2029 (line breaks to older
 * JavaScript parsers). Each becomes its `\u` escape, which JSON.parse reads back as it was.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for an HTML text position (the title): `&` and `<` escaped, and `>` for good measure. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * One self-contained HTML file: the page's styles and script inline, allowed by their hashes
 * alone under a Content-Security-Policy that loads nothing (`default-src 'none'`: no network,
 * no frames, no forms, no plug-ins), and the package's data as JSON the script reads as text.
 * Project text reaches the page only in that JSON and in the escaped title; the script puts it
 * into the DOM as text nodes.
 */
export function reviewPackageHtml(data: ReviewPackageData, assets: ReviewPageAssets = reviewPageAssets()): string {
  for (const [name, code] of [['script', assets.script], ['style', assets.style]] as const) {
    // Our own build: a closing tag in it would cut the page short. Refused rather than patched.
    if (/<\/(script|style)|<!--/i.test(code)) throw new Error(`The review page's ${name} holds a closing tag or comment opener; it cannot be inlined.`);
  }
  const csp = [
    "default-src 'none'", `script-src ${sha256(assets.script)}`, `style-src ${sha256(assets.style)}`, 'img-src data:',
    "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${data.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Tematik">
<title>${htmlText(`${data.projectName} – ${data.strings.packageTitle ?? ''}`)}</title>
<style>${assets.style}</style>
</head>
<body>
<script type="application/json" id="review-data">${scriptSafeJson(data)}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}
