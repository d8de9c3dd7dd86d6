import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererDir } from '../../src/server/paths';
import { addUser } from '../../src/team-server/accounts';
import { startTeamServer, type TeamServer } from '../../src/team-server/http';
import { migrateServer } from '../../src/team-server/schema';
import { startCluster, type Cluster } from '../helpers/postgres';
import { SAMPLE_STUDY, tempDir } from '../helpers/temp-project';
import { CHROMIUM, launchChromium, SCREENSHOTS } from './harness';
import { TeamPage } from './pages/team-server';

/** A real .qdpx written by QualCoder's sibling qc, kept beside the checkout (see its SOURCES.md); read from there, never copied in. */
const QC_DEMO = path.resolve(__dirname, '../../../shared/refi-samples/cproctor-qualitative-coding/demo.qdpx');
const RINA = { login: 'rina', name: 'Rina Kusuma', password: 'kata-sandi-rina-2026' };

/**
 * Issue 17: a team that moves to the server brings its project in from the page, without the
 * desktop app: a REFI-QDA project from another tool, and a folder of transcripts with its
 * informant sheet, each chosen in Chromium, uploaded, imported on a real PostgreSQL cluster.
 */
describe('importing on a team page: another tool\'s project, a folder with its informant sheet', () => {
  const dir = tempDir('tematik-team-imports-e2e-');
  let cluster: Cluster;
  let pool: pg.Pool;
  let server: TeamServer;
  let browser: Browser;
  let page: Page;
  let team: TeamPage;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const dialog = () => page.getByTestId('import-dialog');
  /** How many rows of a table of the project PostgreSQL holds (those matching `where`). */
  const count = async (project: string, table: string, where = 'true'): Promise<number> => {
    const id = (await pool.query<{ id: string }>('SELECT id FROM tematik.projects WHERE name = $1', [project])).rows[0]!.id;
    return Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM project_${id}.${table} WHERE ${where}`)).rows[0]!.n);
  };

  /** Creates an empty team project from the list, opens it and opens the import dialog. */
  async function newProjectWithImport(name: string): Promise<void> {
    const list = page.getByTestId('team-projects');
    if (!(await list.isVisible())) {
      await page.goto(server.origin);
      await list.waitFor();
    }
    await page.getByTestId('team-new-project-name').fill(name);
    await page.getByTestId('team-new-project-create').click();
    await team.project(name).getByTestId('team-project-open').click();
    await page.locator('.topbar button', { hasText: 'Import…' }).click();
    await dialog().waitFor();
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) throw new Error(`The renderer is not built in ${rendererDir()}: run "npm run build".`);
    if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium).`);
    if (!fs.existsSync(QC_DEMO)) throw new Error(`${QC_DEMO} is missing: put the shared REFI-QDA samples beside the checkout.`);
    cluster = await startCluster();
    pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
    await migrateServer(pool);
    await addUser(pool, RINA);
    server = await startTeamServer({ pool, cacheDir: path.join(dir, 'cache'), staticDir: rendererDir() });
    browser = await launchChromium(dir);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
    await page.goto(server.origin);
    team = new TeamPage(page);
    await team.logInToProjects(RINA.login, RINA.password);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await pool?.end();
    cluster?.stop();
    if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
  });

  it('imports a qc .qdpx chosen in the page: read first, then its 2 documents, 262 codes and 205 codings are in PostgreSQL', async () => {
    await newProjectWithImport('Dari qc');
    await dialog().getByTestId('import-mode-refi').click();
    await dialog().getByTestId('import-upload-refi').setInputFiles(QC_DEMO);
    expect(await dialog().getByTestId('import-refi-kind').textContent()).toBe('demo.qdpx: A project: transcripts, codes, codings and memos are added to this project.');
    await shot('team-import-refi');
    await dialog().getByTestId('import-refi-start').click();
    await dialog().getByTestId('import-refi-confirm').waitFor();
    // Nothing is written before the user confirms what the file holds.
    expect(await count('Dari qc', 'codes')).toBe(0);
    await dialog().getByTestId('import-refi-confirm').click();
    const counts = dialog().getByTestId('import-refi-counts');
    await counts.waitFor();
    expect(await counts.getByTestId('import-refi-count-documents').textContent()).toBe('Documents2');
    expect(await counts.getByTestId('import-refi-count-codes').textContent()).toBe('Codes262');
    expect(await counts.getByTestId('import-refi-count-codings').textContent()).toBe('Codings205');
    expect(await dialog().textContent()).toContain('Project imported from demo.qdpx');
    expect(await dialog().textContent()).not.toContain('upload:');
    await shot('team-import-refi-report');
    expect([await count('Dari qc', 'documents'), await count('Dari qc', 'codes'), await count('Dari qc', 'codings')]).toEqual([2, 262, 205]);
    await dialog().getByTestId('import-done').click();
  });

  it('imports a folder chosen in the page with its informant sheet: the transcripts directly in it, matched with the sheet\'s rows', async () => {
    // The sample study as a researcher keeps it: the sheet in the folder, an old draft in a sub-folder (not imported).
    const folder = path.join(dir, 'wawancara');
    fs.mkdirSync(path.join(folder, 'draf-lama'), { recursive: true });
    for (const name of fs.readdirSync(SAMPLE_STUDY)) fs.copyFileSync(path.join(SAMPLE_STUDY, name), path.join(folder, name));
    fs.writeFileSync(path.join(folder, 'draf-lama', 'P-09_draf.txt'), 'Pewawancara: Draf lama.\nInforman: Tidak diimpor.\n');
    const transcripts = fs.readdirSync(SAMPLE_STUDY).filter((name) => name !== 'informants.csv');
    const sheetRows = fs.readFileSync(path.join(SAMPLE_STUDY, 'informants.csv'), 'utf8').trim().split('\n').length - 1;

    await newProjectWithImport('Folder studi');
    await dialog().getByTestId('import-mode-folder').click();
    await dialog().getByTestId('import-upload-folder').setInputFiles(folder);
    await dialog().getByTestId('import-upload-sheet').setInputFiles(path.join(folder, 'informants.csv'));
    expect(await dialog().getByTestId('import-folder-picked').textContent()).toBe(`wawancara: ${transcripts.length} files`);
    await shot('team-import-folder');
    await dialog().getByTestId('import-start').click();
    const imported = dialog().getByTestId('import-report-imported');
    await imported.waitFor({ timeout: 30_000 });
    expect(await imported.locator('tbody tr').count()).toBe(transcripts.length);
    // P-01's row says whose transcript it is, as the sheet does.
    expect(await imported.locator('tbody tr', { hasText: 'P-01_fashion.txt' }).textContent()).toContain('P-01');
    await shot('team-import-folder-report');
    expect(await count('Folder studi', 'documents')).toBe(transcripts.length);
    expect(await count('Folder studi', 'informants')).toBe(sheetRows);
    expect(await count('Folder studi', 'documents', `title LIKE 'P-09%'`)).toBe(0);
  });
});
