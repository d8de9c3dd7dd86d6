import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ActionName, Args, Result } from '../../src/api/contract';
import { startWebServer, type WebServer } from '../../src/server/web-server';
import { rendererDir } from '../../src/server/paths';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, for the e2e tests and the UI benchmarks; its home is inside `dataDir`. */
export async function launchChromium(dataDir: string): Promise<Browser> {
  // Chromium writes under $HOME/.config whatever the profile: keep it inside the temp folder.
  const home = path.join(dataDir, 'home');
  fs.mkdirSync(home, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
}
/** Screenshots of each main screen land here; the best are copied to docs/ by hand. */
export const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots');

export interface E2E {
  readonly server: WebServer;
  readonly browser: Browser;
  readonly page: Page;
  readonly dataDir: string;
  screenshot(name: string): Promise<void>;
  /** Sets the project up through the same handler table the page uses (not what a test is about); throws when the action fails. */
  call<N extends ActionName>(name: N, args: Args<N>): Promise<Result<N>>;
  /**
   * The open project, read on a connection of the test's own: the core runs in the server's worker
   * threads, and this sees what it has committed. Use it at once: it is closed before the next tick,
   * since an open connection would keep a restore from replacing the file.
   */
  db(): Database.Database;
  /** Codes the first occurrence of `passage` in the transcript titled `title`, through `call`. */
  codePassage(title: string, passage: string, codeName: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real renderer (dist/renderer, built by `npm test`) in Debian's Chromium, against the real
 * handler table in browser mode and a real project file in a temp folder. No mocks.
 */
export async function startE2E(): Promise<E2E> {
  if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) throw new Error(`The renderer is not built in ${rendererDir()}: run "npm run build" (npm test does).`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium), as .ci/run does.`);
  const dataDir = tempDir('tematik-e2e-');
  const server = await startWebServer({ staticDir: rendererDir(), coder: 'Peneliti E2E', host: { kind: 'browser', dataDir, sampleDir: SAMPLE_STUDY } });
  const browser = await launchChromium(dataDir);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(server.url);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const call = async <N extends ActionName>(name: N, args: Args<N>): Promise<Result<N>> => {
    const outcome = await server.host.invoke(name, args);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
    return outcome.value as Result<N>;
  };
  const db = (): Database.Database => {
    const file = server.host.project?.file;
    if (!file) throw new Error('No project is open in the server.');
    const connection = new Database(file, { readonly: true, fileMustExist: true });
    setImmediate(() => connection.close());
    return connection;
  };
  return {
    server, browser, page, dataDir, call, db,
    screenshot: async (name) => { await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) }); },
    codePassage: async (title, passage, codeName) => {
      const doc = db().prepare('SELECT id, text FROM documents WHERE title = ?').get(title) as { id: number; text: string } | undefined;
      const start = doc?.text.indexOf(passage) ?? -1;
      if (!doc || start < 0) throw new Error(`"${passage}" is not in ${title}`);
      await call('codings.apply', { documentId: doc.id, start, end: start + passage.length, codeName });
    },
    close: async () => {
      await browser.close();
      await server.close();
      if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    },
  };
}
