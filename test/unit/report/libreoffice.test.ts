import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-project';
import { reportStudy } from './fixture';

/** A tool the test needs; CI installs it (apt libreoffice-writer-nogui poppler-utils), so its absence is a failure, not a skip. */
function tool(name: string, apt: string): string {
  const found = spawnSync('which', [name], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${name} is not installed: the Word report must be checked in LibreOffice. Install it with \`apt-get install ${apt}\`.`);
  return found.stdout.trim();
}

describe('the Word report in LibreOffice', () => {
  it('converts to PDF headless, with the themes, quotes, figure caption and a numbered table of contents', async () => {
    const libreoffice = tool('libreoffice', 'libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito');
    const pdftotext = tool('pdftotext', 'poppler-utils');
    const { client } = await reportStudy();
    const dir = tempDir('tematik-report-lo-');
    try {
      const docx = path.join(dir, 'laporan.docx');
      await client.invoke('report.word', { path: docx, journal: true, audit: true });

      // A profile of its own, so a LibreOffice the user has open (or a parallel test) does not take the conversion over.
      execFileSync(libreoffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 60_000, stdio: 'pipe' });
      const pdf = path.join(dir, 'laporan.pdf');
      expect(fs.existsSync(pdf), 'LibreOffice wrote no PDF').toBe(true);
      const text = execFileSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8', timeout: 30_000 });

      for (const name of ['Co-creation lewat platform digital', 'Pre-order sebagai uji pasar', 'Kapasitas produksi membatasi co-creation']) {
        expect(text, name).toContain(name);
      }
      expect(text).toContain('(Konsumen, K-01)');
      expect(text).toContain('Figure 1. Theme model');
      expect(text).toMatch(/Triangulation of themes across informant types/);
      expect(text).toContain('Appendix C. Audit trail');
      // The contents list every heading with the page it starts on, although headless LibreOffice updates no fields.
      expect(text).toMatch(/Findings\s*\.{5,}\s*\d+/);
      expect(text).toMatch(/Appendix A\. Codebook\s*\.{5,}\s*\d+/);
    } finally {
      client.session.close();
      // The LibreOffice profile alone is several megabytes.
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
