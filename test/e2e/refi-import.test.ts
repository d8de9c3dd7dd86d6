import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCasesProject } from '../helpers/refi-cases';
import { startE2E, type E2E } from './harness';

/**
 * A .qdpx in NVivo's shape, with four cases and four variables, imported from the workbench:
 * the user sees what the file holds, picks a variable other than the suggested one for the
 * informant type, imports, reads the report per kind, and finds the informants typed by it.
 */
describe('importing a project from another QDA tool with the choice of the informant type', () => {
  let e2e: E2E;
  const page = () => e2e.page;

  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.call('project.create', { path: path.join(e2e.dataDir, 'studi.tematik'), name: 'Studi impor NVivo' });
    await page().reload();
  }, 60_000);
  afterAll(async () => { await e2e?.close(); });

  it('shows the variables, imports with the chosen one, reports per kind, and types the informants by it', async () => {
    const file = writeCasesProject(e2e.dataDir);
    // The shortcut works once the project's home is drawn.
    await page().getByTestId('informants-table').waitFor({ timeout: 30_000 });
    await page().keyboard.press('Control+I');
    await page().getByTestId('import-mode-refi').click();
    await page().getByTestId('import-refi-path').fill(file);
    await page().getByTestId('import-refi-start').click();

    const choice = page().getByTestId('import-refi-type-choice');
    await choice.waitFor({ timeout: 30_000 });
    await expect(page().getByTestId('import-refi-inspect').innerText()).resolves.toContain('NVivo 14.23.0');
    await expect(page().getByTestId('import-refi-holds-cases').innerText()).resolves.toMatch(/4\s*Cases|Cases\s*4/);
    const options = page().getByTestId('import-refi-type-option');
    await expect(options.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset['variable']))).resolves.toEqual(['Role', 'Kota', 'Sektor', 'Lama usaha']);
    const option = (name: string) => page().locator(`[data-testid="import-refi-type-option"][data-variable="${name}"]`);
    // Tematik suggests the variable named like a type; the user knows better for this study.
    await expect(option('Role').getByRole('radio').isChecked()).resolves.toBe(true);
    await expect(option('Sektor').innerText()).resolves.toMatch(/3 of 4 cases[\s\S]*Fashion[\s\S]*Kopi/);
    await expect(page().getByTestId('import-refi-type-none').innerText()).resolves.toContain('None — give every case the type "Imported"');
    await e2e.screenshot('refi-import-choice');
    await option('Sektor').getByRole('radio').check();
    await page().getByTestId('import-refi-confirm').click();

    const kinds = page().getByTestId('import-refi-kinds');
    await kinds.waitFor({ timeout: 30_000 });
    await expect(page().getByTestId('import-refi-count-documents').innerText()).resolves.toMatch(/2/);
    await expect(page().getByTestId('import-refi-note-cases').first().innerText())
      .resolves.toBe('Informant types were taken from the variable "Sektor"; cases without a value became "Imported".');
    await expect(kinds.innerText()).resolves.toContain('Cases (informants)');
    await e2e.screenshot('refi-import-report');
    await page().getByTestId('import-done').click();

    // The informants table shows the types the chosen variable gave.
    const rows = page().getByTestId('informant-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
    const typeOf = async (label: string) => {
      const row = rows.filter({ has: page().locator(`input[value="${label}"]`) });
      return row.getByTestId('informant-type').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    };
    await expect(typeOf('Bu Rina')).resolves.toBe('Fashion');
    await expect(typeOf('Mas Dedi')).resolves.toBe('Kopi');
    await expect(typeOf('Pak Hadi')).resolves.toBe('Imported');
    // And the contract agrees, with the suggested variable kept as an attribute; the report is in the journal.
    const informants = await e2e.call('informants.list', {});
    expect(Object.fromEntries(informants.map((i) => [i.label, i.typeName]))).toEqual({ 'Bu Rina': 'Fashion', 'Mas Dedi': 'Kopi', 'Mbak Sinta': 'Fashion', 'Pak Hadi': 'Imported' });
    expect(informants.find((i) => i.label === 'Bu Rina')!.attributes).toMatchObject({ Role: 'Pemilik UMKM', Kota: 'Yogyakarta' });
    expect((await e2e.call('memos.list', { kind: 'journal' })).map((m) => m.title)).toEqual(['Imported studi-nvivo.qdpx']);
  }, 90_000);

  it('speaks Indonesian throughout when the interface does', async () => {
    const file = writeCasesProject(e2e.dataDir, 'studi-kedua.qdpx');
    await page().getByTestId('lang-id').click();
    await page().keyboard.press('Control+I');
    await page().getByTestId('import-mode-refi').click();
    await page().getByTestId('import-refi-path').fill(file);
    await page().getByTestId('import-refi-start').click();
    const choice = page().getByTestId('import-refi-type-choice');
    await choice.waitFor({ timeout: 30_000 });
    await expect(choice.innerText()).resolves.toContain('Variabel mana yang menjadi jenis informan?');
    await e2e.screenshot('refi-import-choice-id');
    await page().getByTestId('import-refi-type-none').getByRole('radio').check();
    await page().getByTestId('import-refi-confirm').click();
    const kinds = page().getByTestId('import-refi-kinds');
    await kinds.waitFor({ timeout: 30_000 });
    await expect(kinds.innerText()).resolves.toContain('Kasus (informan)');
    await expect(page().getByTestId('import-refi-note-cases').first().innerText()).resolves.toContain('Tidak ada variabel yang dipilih untuk jenis informan');
    await e2e.screenshot('refi-import-report-id');
    const journal = await e2e.call('memos.list', { kind: 'journal' });
    expect(journal.find((m) => m.title === 'Impor studi-kedua.qdpx')!.body).toContain('Kasus (informan)');
  }, 90_000);
});
