import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The contract tests again, on the team server's store: every project `newProject()` makes is a
 * team project in PostgreSQL (test/helpers/test-store.ts), opened through postgresBackend as the
 * server's runtime opens it, and driven through the same handler table. One cluster for the run
 * (test/postgres-global-setup.ts), one database per test file. `npm test` runs this after the main config.
 */
const included = [
  'test/integration/agreement.test.ts',
  'test/integration/deid.test.ts',
  'test/integration/edit-text.test.ts',
  'test/integration/import-sample.test.ts',
  'test/integration/refi-comments.test.ts',
  'test/integration/review-comments.test.ts',
  'test/integration/sample-worked.test.ts',
  'test/integration/search-first-hits.test.ts',
  'test/integration/search-frequent-words.test.ts',
  'test/integration/search-speakers.test.ts',
  'test/integration/search.test.ts',
  'test/unit/analysis/cooccurrence.test.ts',
  'test/unit/analysis/extracts-first-page.test.ts',
  'test/unit/analysis/several-coders.test.ts',
  'test/unit/analysis/theme-evidence.test.ts',
  'test/unit/analysis/triangulation-reuse.test.ts',
  'test/unit/analysis/triangulation.test.ts',
  'test/unit/api/coders.test.ts',
  'test/unit/api/dispatch.test.ts',
  'test/unit/api/messages.test.ts',
  'test/unit/api/resolve.test.ts',
  'test/unit/export/tables.test.ts',
  'test/unit/export/write-file.test.ts',
  'test/unit/import/sheet-file-names.test.ts',
  'test/unit/refi/export-cancel.test.ts',
  'test/unit/refi/export.test.ts',
  'test/unit/refi/import-journal.test.ts',
  'test/unit/refi/media-export.test.ts',
  'test/unit/refi/other-tool-sets.test.ts',
  'test/unit/refi/other-tool.test.ts',
  'test/unit/refi/positions.test.ts',
  'test/unit/refi/real-exports.test.ts',
  'test/unit/refi/round-trip.test.ts',
  'test/unit/refi/taguette.test.ts',
  'test/unit/refi/themes-exchange.test.ts',
  'test/unit/refi/tool-shapes.test.ts',
  'test/unit/refi/type-variable.test.ts',
  'test/unit/report/agreement.test.ts',
  'test/unit/report/candidates.test.ts',
  'test/unit/report/publish.test.ts',
  'test/unit/report/redactions.test.ts',
  'test/unit/report/report.test.ts',
  'test/unit/review/html.test.ts',
  'test/unit/review/review-package.test.ts',
  'test/unit/search/offered-stems.test.ts',
  'test/unit/store/code-names.test.ts',
  'test/unit/store/history-coders.test.ts',
  'test/unit/store/history.test.ts',
  'test/unit/store/hotkeys.test.ts',
  'test/unit/store/project-data.test.ts',
  'test/unit/store/speakers.test.ts',
  'test/unit/themes/map-figure.test.ts',
  'test/unit/themes/map-layout.test.ts',
  'test/unit/themes/themes.test.ts',
];

/**
 * Not run on PostgreSQL, though their projects come from newProject() (themselves or through a fixture):
 * they are about project files themselves, about what a team server refuses by design
 * (src/team-server/roles.ts), or slow and the same on either store. Kept here, one line each, so a file
 * added to the folders above is a choice. Other contract tests open their projects with localClient and
 * project.create on a path, and run on SQLite only.
 */
const notOnPostgres: Readonly<Record<string, string>> = {
  'test/integration/host/web-server-host.test.ts': 'browser mode on this machine\'s project files, with their daily backups',
  'test/integration/host/worker-host.test.ts': 'the desktop\'s worker host: project files opened by path in worker threads',
  'test/integration/recordings.test.ts': 'recordings linked by path beside the project file; a team server embeds them only',
  'test/integration/team-merge.test.ts': 'copies for coders are refused on a team server (team.copyForCoder); the tests reopen the files',
  'test/integration/team-server-http.test.ts': 'already runs on PostgreSQL (its own cluster); newProject makes the file it publishes',
  'test/integration/team-server-runtime.test.ts': 'already runs on PostgreSQL (its own cluster); newProject makes the file it publishes',
  'test/integration/team-server-imports.test.ts': 'already runs on PostgreSQL (its own cluster, over HTTP); newProject makes the desktop import it compares with',
  'test/integration/undo-two-processes.test.ts': 'two processes (the CLI) writing one project file',
  'test/unit/import/docx-bounds.test.ts': 'hostile Word files refused while reading, before the store is written (slow; the same on either store)',
  'test/unit/main/media-protocol.test.ts': 'the Electron host\'s media protocol on a project file',
  'test/unit/refi/deep-xml.test.ts': 'hostile .qdpx files refused while reading, before the store is written (the same on either store)',
  'test/unit/refi/hostile.test.ts': 'hostile .qdpx files refused while reading, before the store is written (slow; the same on either store)',
  'test/unit/refi/lying-zip.test.ts': 'hostile .qdpx files refused while reading, before the store is written (the same on either store)',
  'test/unit/refi/row-guids.test.ts': 'copies the project file and opens both copies by path',
  'test/unit/report/libreoffice.test.ts': 'LibreOffice laying out the Word report as PDF, the same on either store (slow: 38 s on PostgreSQL, most of it LibreOffice)',
  'test/unit/store/backup.test.ts': 'backups beside the project file; a team server refuses backups (pg_dump instead)',
  'test/unit/store/history-hostile.test.ts': 'project files edited by hand to attack their undo history',
  'test/unit/store/history-round-trip.test.ts': 'copies the project file for each random sequence',
  'test/unit/store/native-binding.test.ts': 'which SQLite binary opens project files and their backups',
  'test/unit/store/restore.test.ts': 'restoring backups of a project file; refused on a team server',
  'test/unit/store/value-lists.test.ts': 'reads the CHECK lists of a new project file with SQLite',
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Relative imports of a module under test/, as paths from the root (`./fixture` → test/unit/analysis/fixture.ts). */
function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(/\bfrom '(\.{1,2}\/[^']+)'/g)]
    .map((m) => path.posix.join(path.posix.dirname(file), m[1]!))
    .filter((target) => target.startsWith('test/'))
    .map((target) => `${target}.ts`);
}

/**
 * Whether a module makes projects with newProject(): it calls it (a definition is not a call), or it
 * imports a module of test/ that does, as the fixtures do (test/unit/analysis/fixture.ts).
 */
function makesProjects(file: string, seen = new Map<string, boolean>()): boolean {
  const known = seen.get(file);
  if (known !== undefined) return known;
  seen.set(file, false); // an import cycle adds nothing
  const full = path.join(root, file);
  if (!fs.existsSync(full)) return false;
  const text = fs.readFileSync(full, 'utf8');
  const makes = /(?<!function )\bnewProject\(/.test(text) || importsOf(file, text).some((target) => makesProjects(target, seen));
  seen.set(file, makes);
  return makes;
}

/** Every test file that makes its projects with newProject(), itself or through a fixture, is run here or listed above with its reason. */
function unplaced(): string[] {
  const files = (fs.readdirSync(path.join(root, 'test'), { recursive: true }) as string[])
    .map((file) => path.join('test', file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.test.ts') && !file.startsWith('test/e2e/'));
  return files.filter((file) => !included.includes(file) && !(file in notOnPostgres) && makesProjects(file));
}
const missing = unplaced();
if (missing.length > 0) throw new Error(`Test files make projects with newProject() (themselves or through a fixture) but are neither run on PostgreSQL nor listed with a reason in test/vitest.postgres.config.mts: ${missing.join(', ')}`);

export default defineConfig({
  root,
  test: {
    name: 'postgres',
    include: included,
    env: { TEMATIK_TEST_STORE: 'postgres' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts', 'test/postgres-global-setup.ts'],
    setupFiles: ['test/helpers/test-store-setup.ts'],
  },
});
