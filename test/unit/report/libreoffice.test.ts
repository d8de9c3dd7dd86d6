import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Args } from '../../../src/api/contract';
import { SAMPLE_SHEET, tempDir } from '../../helpers/temp-project';
import { reportStudy } from './fixture';

/** A tool the test needs; CI installs it (apt libreoffice-writer-nogui poppler-utils), so its absence is a failure, not a skip. */
function tool(name: string, apt: string): string {
  const found = spawnSync('which', [name], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${name} is not installed: the Word report must be checked in LibreOffice. Install it with \`apt-get install ${apt}\`.`);
  return found.stdout.trim();
}

/** The report study's Word report with `args`, converted by LibreOffice to PDF and read back as laid-out text. */
async function reportAsPdfText(args: Args<'report.word'>): Promise<string> {
  const libreoffice = tool('libreoffice', 'libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito');
  const pdftotext = tool('pdftotext', 'poppler-utils');
  const { client } = await reportStudy();
  const dir = tempDir('tematik-report-lo-');
  try {
    const docx = path.join(dir, 'laporan.docx');
    await client.invoke('report.word', { ...args, path: docx });
    // A profile of its own, so a LibreOffice the user has open (or a parallel test) does not take the conversion over.
    execFileSync(libreoffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 60_000, stdio: 'pipe' });
    const pdf = path.join(dir, 'laporan.pdf');
    expect(fs.existsSync(pdf), 'LibreOffice wrote no PDF').toBe(true);
    return execFileSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8', timeout: 30_000 });
  } finally {
    client.session.close();
    // The LibreOffice profile alone is several megabytes.
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the Word report in LibreOffice', () => {
  it('converts to PDF headless, with the themes, quotes, figure caption and a numbered table of contents', async () => {
    const text = await reportAsPdfText({ journal: true, audit: true });
    for (const name of ['Co-creation lewat platform digital', 'Pre-order sebagai uji pasar', 'Kapasitas produksi membatasi co-creation']) {
      expect(text, name).toContain(name);
    }
    expect(text).toMatch(/\(Informant\s+K-01,\s+Konsumen\)/);
    expect(text).toContain('Figure 1. Theme model');
    expect(text).toMatch(/Triangulation of themes across informant types/);
    expect(text).toContain('Appendix C. Audit trail');
    // The contents list every heading with the page it starts on, although headless LibreOffice updates no fields.
    expect(text).toMatch(/Findings\s*\.{5,}\s*\d+/);
    expect(text).toMatch(/Appendix A\. Codebook\s*\.{5,}\s*\d+/);
  }, 120_000);

  it('lays the Indonesian informant and triangulation tables out with no word broken mid-word', async () => {
    const text = await reportAsPdfText({ language: 'id', pseudonymise: false });
    const tokens = new Set(text.split(/\s+/));
    const start = text.indexOf('Tabel 2. Profil informan');
    const profile = text.slice(start, text.indexOf('Prosedur analisis', start));
    for (const header of ['Informan', 'Jenis', 'Nama', 'Kota', 'kelamin', 'Sektor', 'usaha', '(tahun)']) expect(profile.split(/\s+/), header).toContain(header);
    // Every word of every cell, as the sheet has it, is whole on one line: "Pemerintahan", not "Pemerintaha" + "n".
    const sheet = fs.readFileSync(SAMPLE_SHEET, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    const words = new Set(sheet.flatMap((row) => [row[1], row[2], row[4], row[5], row[6], row[7]]).flatMap((cell) => (cell ?? '').split(/\s+|(?<=\/)/)).filter(Boolean));
    expect(words.size).toBeGreaterThan(20);
    expect([...words].filter((w) => !tokens.has(w))).toEqual([]);
    const triangulation = text.slice(text.indexOf('Tabel 6. Triangulasi tema antarjenis informan'));
    for (const word of ['Pemilik', 'Konsumen', 'Pemasaran', 'Komunitas', 'Pelanggan', 'Perwakilan', 'Asosiasi/', 'Pemerintah', 'Penilaian']) {
      expect(triangulation.split(/\s+/), word).toContain(word);
    }
  }, 120_000);
});
