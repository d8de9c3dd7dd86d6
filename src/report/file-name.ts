import type { ReportLanguage } from './strings';

/** "Studi UMKM Batik" → "studi-umkm-batik-laporan-tematik.docx": safe on Windows, macOS and Linux. */
export function reportFileName(projectName: string, language: ReportLanguage): string {
  const slug = projectName
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    .slice(0, 60).replace(/-+$/, '');
  return `${slug ? `${slug}-` : ''}${language === 'id' ? 'laporan-tematik' : 'thematic-report'}.docx`;
}
