import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import { Session } from '../../src/api/session';
import { damagePage, pagesOf, sampleProjectFile } from '../helpers/project-files';
import { tempDir } from '../helpers/temp-project';
import { startE2E, type E2E } from './harness';

/** Opening a project another Tematik writes, and one whose file is damaged, in the real renderer. */
describe('a project the window may only read', () => {
  let e2e: E2E;
  const page = () => e2e.page;
  let file: string;
  let holder: Session;

  beforeAll(async () => {
    e2e = await startE2E();
    file = await sampleProjectFile(tempDir(), 'studi-rina.tematik');
    // Rina's Tematik window has the project open for writing.
    holder = new Session({ coder: 'Rina', host: { kind: 'electron' } });
    holder.open(file);
  }, 60_000);
  afterAll(async () => {
    holder?.close();
    await e2e?.close();
  });

  const openByPath = async (target: string) => {
    await page().getByTestId('open-project').click();
    await page().getByTestId('project-path').fill(target);
    await page().getByTestId('project-path').press('Enter');
  };

  it('asks whether to open read-only, naming who has the project open since when', async () => {
    await page().getByTestId('open-project').waitFor();
    await openByPath(file);
    const offer = page().getByTestId('read-only-offer');
    await offer.waitFor();
    await expect(offer.getByRole('alert').innerText()).resolves.toMatch(/^This project is open in another Tematik window \(since \d\d:\d\d, by Rina, on this computer\)\. Open it read-only to read and export, or close it there first\.$/);
    // The question replaces an error notice: nothing else tells the same thing twice.
    expect(await page().locator('.notice.error').count()).toBe(0);
    await e2e.screenshot('read-only-offer');
    await page().getByTestId('offer-read-only').click();
    await page().getByTestId('access-banner').waitFor();
    await page().locator('.doc-link').first().waitFor();
    expect((await e2e.call('project.info', {})).readOnly).toBe('locked');
  });

  it('shows while read-only why, and refuses a change with the reason and what to do', async () => {
    const banner = page().getByTestId('access-banner');
    await expect(banner.innerText()).resolves.toMatch(/READ-ONLY[\s\S]*Another Tematik window or the command line has this project open for writing\.[\s\S]*by Rina, on this computer/);
    expect(await page().locator('.topbar button', { hasText: 'Import…' }).isDisabled()).toBe(true);
    await e2e.screenshot('read-only-banner');

    await page().getByTestId('project-edit').click();
    await page().getByTestId('project-name-input').fill('Nama baru');
    await page().getByTestId('project-save').click();
    await expect(page().locator('.notice.error').innerText()).resolves.toMatch(/studi-rina\.tematik is open read-only because it is open for writing in another Tematik window or by the command line: this change was not made\. Close it there, then open it again here\./);
    await page().keyboard.press('Escape');
    await page().evaluate(() => document.querySelectorAll<HTMLButtonElement>('.notice button.link').forEach((b) => b.click()));

    await page().getByTestId('lang-id').click();
    await expect(banner.innerText()).resolves.toMatch(/HANYA-BACA[\s\S]*Jendela Tematik lain atau baris perintah sedang membuka proyek ini untuk ditulisi\.[\s\S]*oleh Rina, di komputer ini/);
    await e2e.screenshot('read-only-banner-id');
    await page().getByTestId('lang-en').click();
  });

  it('opens it for writing once the other window has closed it', async () => {
    holder.close();
    await page().getByTestId('open-for-writing').click();
    await page().getByTestId('access-banner').waitFor({ state: 'detached' });
    expect((await e2e.call('project.info', {})).readOnly).toBeNull();
    expect(await page().locator('.topbar button', { hasText: 'Import…' }).isDisabled()).toBe(false);
  });

  it('opens a damaged file read-only with the way out, and Check project file lists the damage', async () => {
    const damaged = path.join(tempDir(), 'studi-rusak.tematik');
    fs.copyFileSync(file, damaged);
    // While it was sound, a backup was made: the way out the banner offers.
    const earlier = localClient({ coder: 'Peneliti A' });
    await earlier.invoke('project.open', { path: damaged });
    await earlier.invoke('backup.create', {});
    earlier.session.close();
    damagePage(damaged, pagesOf(damaged, 'documents', 'leaf')[0]!);
    await page().getByTestId('project-menu').click();
    await page().getByTestId('menu-open-project').click();
    await page().getByTestId('project-path-input').fill(damaged);
    await page().getByTestId('project-path-input').press('Enter');
    const banner = page().getByTestId('access-banner');
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toMatch(/The project file is damaged\.[\s\S]*studi-rusak\.tematik is damaged: SQLite found \d+ problem\(s\) in the transcripts\. It is open read-only so that nothing more is lost\. Export what can still be read \(Export…\), or restore the last backup \(Project › Restore from backup\)\./);
    await e2e.screenshot('damaged-banner');

    await page().getByTestId('banner-check').click();
    const dialog = page().getByTestId('check-dialog');
    await dialog.getByTestId('check-result').waitFor();
    await expect(dialog.innerText()).resolves.toMatch(/The project file is damaged: SQLite found \d+ problem\(s\) in the transcripts/);
    await dialog.locator('summary').click();
    await expect(dialog.locator('.check-problems').innerText()).resolves.toMatch(/Tree \d+ page \d+/);
    await e2e.screenshot('damaged-check');
    await dialog.getByTestId('check-close').click();
    await page().getByTestId('banner-restore').click();
    await page().getByTestId('backup-restore').first().click();
    await page().getByTestId('restore-confirm-button').click();
    await page().getByTestId('access-banner').filter({ hasText: 'READ-ONLY' }).waitFor({ state: 'detached' });
    expect((await e2e.call('project.info', {})).readOnly).toBeNull();
    expect(e2e.server.host.project?.file).toBe(damaged);
    await expect.poll(() => page().locator('.doc-link').count()).toBeGreaterThan(0);
    await e2e.screenshot('damaged-restored');
  });

  it('finds no damage in a healthy project from the project menu', async () => {
    await page().getByTestId('project-menu').click();
    await page().getByTestId('menu-recent').filter({ hasText: 'Co-creation UMKM' }).first().click();
    await page().getByTestId('access-banner').waitFor({ state: 'detached' });
    await page().getByTestId('project-menu').click();
    await page().getByTestId('menu-check-project').click();
    const dialog = page().getByTestId('check-dialog');
    await dialog.getByTestId('check-result').waitFor();
    await expect(dialog.innerText()).resolves.toMatch(/No damage found: SQLite checked all \d+ pages/);
    await e2e.screenshot('check-ok');
    await dialog.getByTestId('check-close').click();
    expect((await e2e.call('project.info', {})).readOnly).toBeNull();
  });
});
