/**
 * Writes the sample study's Word report in English and Indonesian (the pages in
 * docs/report-sample-*.png are LibreOffice renderings of these):
 *   npx tsx test/tools/report-samples.ts <out-dir>
 * then, per file: libreoffice --headless --convert-to pdf, pdftoppm -png.
 */
import path from 'node:path';
import { reportStudy } from '../unit/report/fixture';

async function main(out: string): Promise<void> {
  const { client, themes } = await reportStudy();
  await client.invoke('themes.update', { id: themes.digital, finding: 'Platform digital (polling Instagram, live TikTok, grup WhatsApp) menjadi ruang utama co-creation.' });
  await client.invoke('themes.update', { id: themes.capacity, finding: 'Menyeimbangkan permintaan pelanggan dengan kapasitas produksi adalah tantangan utama.' });
  await client.invoke('redactions.add', { term: 'Sruput Jogja', replacement: '[kedai kopi]' });
  for (const language of ['en', 'id'] as const) {
    const file = path.join(out, `report-${language}.docx`);
    await client.invoke('report.word', { path: file, language, journal: true, audit: true, themeIds: [themes.digital, themes.preorder, themes.capacity, themes.community] });
    console.log(file);
  }
  client.session.close();
}

void main(process.argv[2] ?? '.');
