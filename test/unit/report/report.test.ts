import { XMLValidator } from 'fast-xml-parser';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../../src/api/client';
import type { Progress } from '../../../src/domain/types';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from '../../helpers/temp-project';
import { docxParts, paragraphsWithStyle, plainText } from './docx-parts';
import { reportStudy, type ReportStudy } from './fixture';
import { onPostgres } from '../../helpers/test-store';

const DEFINED = ['Co-creation lewat platform digital', 'Pre-order sebagai uji pasar', 'Kapasitas produksi membatasi co-creation'];

/** Every informant name in the sample sheet, and each part of it long enough to identify someone. */
function sampleNames(): string[] {
  const [header, ...rows] = fs.readFileSync(SAMPLE_SHEET, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  const column = header!.indexOf('name');
  const names = rows.map((r) => r[column]!.trim()).filter(Boolean);
  return [...new Set([...names, ...names.flatMap((n) => n.split(/\s+/).filter((part) => part.length >= 3))])];
}
const asWord = (name: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, 'u');

describe('report.word', () => {
  let study: ReportStudy;
  let en: ReturnType<typeof docxParts>;
  let enXml: string;
  let enText: string;

  beforeAll(async () => {
    study = await reportStudy();
    const result = await study.client.invoke('report.word', { language: 'en' });
    expect(result.path).toBeNull();
    expect(result.fileName).toBe('co-creation-umkm-thematic-report.docx');
    const bytes = Buffer.from(result.base64!, 'base64');
    expect(bytes.length).toBe(result.bytes);
    en = docxParts(bytes);
    enXml = en.text('word/document.xml');
    enText = plainText(enXml);
  });
  afterAll(() => study.client.session.close());

  it('is a Word package with a title page, method, themes, triangulation and codebook', () => {
    expect(Object.keys(en.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/settings.xml']));
    for (const part of Object.keys(en.files).filter((f) => /\.(xml|rels)$/.test(f))) expect(XMLValidator.validate(en.text(part)), part).toBe(true);
    expect(enText).toContain('Co-creation UMKM');
    expect(enText).toContain('Thematic analysis report');
    expect(enText).toContain('Coder: Peneliti A');
    // Method: informants per type, with documents and words; the phases from the journal.
    expect(enText).toContain('Informants, documents and words per informant type');
    expect(enText).toMatch(/The analysis draws on 11 documents \([\d,]+ words\) from 12 informants of 5 informant types/);
    expect(enText).toContain('Komunitas Pelanggan');
    expect(enText).toContain('4. Reviewing themes');
    expect(enText).toContain('5. Defining and naming themes');
    expect(enText).toMatch(/went back from phase 4 to phase 3/);
    expect(enText).toMatch(/following the triangulation protocol of Farmer et al\. \(2006\)/);
    expect(enText).toContain('Appendix A. Codebook');
    expect(enText).toContain('– polling warna');
    expect(enText).not.toContain('Reflexive journal');
    expect(enText).not.toContain('Audit trail');
  });

  it('gives each defined theme (and its sub-theme) a section with definition, scope, codes and judgement', () => {
    const headings2 = paragraphsWithStyle(enXml, 'Heading2').map(plainText).map((t) => t.trim());
    const headings3 = paragraphsWithStyle(enXml, 'Heading3').map(plainText).map((t) => t.trim());
    expect(headings2).toEqual(expect.arrayContaining(['Co-creation lewat platform digital', 'Kapasitas produksi membatasi co-creation']));
    expect(headings3).toContain('Pre-order sebagai uji pasar');
    for (const name of DEFINED) expect(enText).toContain(`${name}\nDefinition:`);
    expect(enText).toContain('This report presents 2 themes and 1 sub-theme (Table 4). Figure 1 shows the theme model');
    // Default: defined themes only; a candidate and a discarded theme get no section.
    expect(enText).not.toContain('Komunitas sebagai penggerak word of mouth');
    expect(enText).not.toContain('Harga bersaing');
    expect(enText).toContain('Definition: Pelanggan ikut memilih dan merancang produk lewat polling, live dan grup pesan; pemilik memutuskan.');
    expect(enText).toContain('What it is not: Bukan promosi satu arah dan bukan sekadar ulasan setelah membeli.');
    expect(enText).toContain('Sub-themes: Pre-order sebagai uji pasar');
    expect(enText).toContain('Codes: polling di media sosial');
    expect(enText).toContain('Convergence across informant types: Partial agreement. Pemilik dan konsumen menyebut polling; ahli pemasaran menilainya baru sebatas feedback.');
    expect(enText).toMatch(/Convergence across informant types: not yet judged \(the counts suggest /);
  });

  it('quotes the chosen exemplar first, attributed by type and label, then quotes from other informant types', () => {
    const quotes = paragraphsWithStyle(enXml, 'Quote').map((p) => plainText(p).trim());
    expect(quotes.length).toBeGreaterThanOrEqual(7);
    const firstSection = enText.slice(enText.indexOf('Definition: Pelanggan ikut memilih'), enText.indexOf('Pre-order sebagai uji pasar\nDefinition'));
    const own = quotes.filter((q) => firstSection.includes(q));
    expect(own).toHaveLength(3);
    expect(own[0]).toBe(`“${study.exemplarQuote.trim()}” (Informant K-01, Konsumen)`);
    const types = own.map((q) => /, ([^,()]+)\)$/.exec(q)?.[1]);
    expect(new Set(types).size).toBe(3);
    const type = '(Pemilik UMKM|Konsumen|Ahli Pemasaran|Komunitas Pelanggan|Perwakilan Asosiasi\\/Pemerintah)';
    const who = `(Informant [A-Z]+-\\d\\d|Informants [A-Z]+-\\d\\d(, [A-Z]+-\\d\\d)* and [A-Z]+-\\d\\d), ${type}`;
    for (const q of quotes) expect(q).toMatch(new RegExp(`^[“"][\\s\\S]+[”"] \\(${who}(; ${who})*\\)$`));
    // The attribution is the report's voice: upright, in its own character style; its labels never break at the hyphen.
    expect(enXml).toContain('<w:rStyle w:val="QuoteAttribution"/></w:rPr><w:t xml:space="preserve"> (Informant K</w:t><w:noBreakHyphen/><w:t xml:space="preserve">01, Konsumen)</w:t>');
  });

  it('has the triangulation table with a header row repeated on every page and the judgement column', () => {
    const start = enXml.indexOf('Triangulation of themes across informant types');
    expect(start).toBeGreaterThan(0);
    const table = enXml.slice(enXml.indexOf('<w:tbl>', start), enXml.indexOf('</w:tbl>', start));
    const [header, ...rows] = table.split('</w:tr>').filter((r) => r.includes('<w:tc>'));
    expect(header).toContain('<w:tblHeader/>');
    // K-04 was never interviewed: Konsumen counts three, not four.
    expect(plainText(header!)).toMatch(/Theme[\s\S]*Pemilik UMKM \(n\u00a0=\u00a03\)[\s\S]*Konsumen \(n\u00a0=\u00a03\)[\s\S]*Judgement/);
    expect(rows.map((r) => plainText(r).replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Co-creation lewat platform digital 3\/3 · \d+ .* Partial agreement$/),
      'Reason: Pemilik dan konsumen menyebut polling; ahli pemasaran menilainya baru sebatas feedback.',
      expect.stringMatching(/^Pre-order sebagai uji pasar .*\*$/),
      expect.stringMatching(/^Kapasitas produksi membatasi co-creation .*\*$/),
    ]);
    expect(enText).toContain('Judgement not yet recorded; the suggestion from the counts is shown.');
    // Every table's first row is a repeating header.
    const tables = enXml.split('<w:tbl>').slice(1);
    for (const t of tables) expect(t.slice(0, t.indexOf('</w:tr>'))).toContain('<w:tblHeader/>');
  });

  it('inserts the theme model as a print-resolution PNG at page width, with a numbered caption', () => {
    const media = Object.keys(en.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = en.files[media[0]!]!;
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const width = Buffer.from(png.subarray(16, 20)).readUInt32BE(0);
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(enXml)!;
    const inches = Number(extent[1]) / 914400;
    expect(inches).toBeGreaterThan(6);
    expect(inches).toBeLessThanOrEqual(16 / 2.54 + 0.01);
    expect(width / inches).toBeGreaterThanOrEqual(250);
    expect(enText).toContain('Figure 1. Theme model');
    expect(enXml).toContain('SEQ Figure \\* ARABIC');
  });

  it('defines every style it uses, with outline levels on the headings, and has TOC and page-number fields', () => {
    const styles = en.text('word/styles.xml');
    const defined = new Set([...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"/g)].map((m) => m[1]));
    const partsWithText = Object.keys(en.files).filter((f) => /^word\/(document|footer\d*|header\d*)\.xml$/.test(f));
    const used = new Set(partsWithText.flatMap((f) => [...en.text(f).matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"\/>/g)].map((m) => m[1])));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    for (const id of ['Normal', 'Title', 'Heading1', 'Heading2', 'Heading3', 'Quote', 'Caption', 'TOC1', 'TOC2', 'TOC3', 'TOCHeading', 'Footer', 'QuoteAttribution']) {
      expect(defined, id).toContain(id);
    }
    for (const [id, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles)![0];
      expect(style).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(style).toContain(`<w:name w:val="heading ${level + 1}"/>`);
    }
    const toc = [...enXml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.replace(/&quot;/g, '"')).find((f) => /^\s*TOC\b/.test(f));
    expect(toc).toMatch(/\\o "1-3"/);
    expect(toc).toMatch(/\\h/);
    expect(en.text('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);
    const footers = Object.keys(en.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => en.text(f)).join('');
    expect(footers).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
  });

  it('writes headings and fixed text in Indonesian, and never translates the quotes', async () => {
    const id = docxParts(Buffer.from((await study.client.invoke('report.word', { language: 'id' })).base64!, 'base64'));
    const xml = id.text('word/document.xml');
    const text = plainText(xml);
    const headings = paragraphsWithStyle(xml, 'Heading1').map((p) => plainText(p).trim());
    expect(headings).toEqual(['Metode', 'Temuan', 'Triangulasi sumber', 'Lampiran A. Buku kode']);
    for (const phrase of ['Laporan analisis tematik', 'Daftar isi', 'Data dan informan', 'Prosedur analisis', 'Definisi:', 'Batasan (apa yang bukan):',
      'Kutipan contoh:', 'Konvergensi antarjenis informan: Kesepakatan sebagian.', 'Gambar 1. Model tema', 'Triangulasi tema antarjenis informan',
      'Penilaian', 'Membiasakan diri dengan data', 'Pengode: Peneliti A']) {
      expect(text, phrase).toContain(phrase);
    }
    for (const english of ['Method', 'Findings', 'Definition:', 'Exemplar quotes', 'Theme model']) expect(text, english).not.toContain(english);
    // Same quotes, same order, word for word; only the attribution speaks Indonesian.
    const quoteText = (p: string) => plainText(p).trim().replace(/ \([^()]*\)$/, '');
    expect(paragraphsWithStyle(xml, 'Quote').map(quoteText)).toEqual(paragraphsWithStyle(enXml, 'Quote').map(quoteText));
    expect(text).toContain('(Informan K-01, Konsumen)');
    expect(text).toMatch(/\d{1,3}\.\d{3} kata/);
  });

  it('pseudonymises every informant name, in tables, quotes, the journal and the audit trail', async () => {
    const { digital, community } = study.themes;
    const args = { themeIds: [digital, community], journal: true, audit: true, language: 'id' as const };
    const named = docxParts(Buffer.from((await study.client.invoke('report.word', { ...args, pseudonymise: false })).base64!, 'base64'));
    const namedText = plainText(named.text('word/document.xml'));
    expect(namedText).toContain('Rani Puspitasari');
    expect(namedText).toMatch(/saya Dimas, di Sruput Jogja/);

    const hidden = docxParts(Buffer.from((await study.client.invoke('report.word', { ...args, pseudonymise: true })).base64!, 'base64'));
    const xml = hidden.text('word/document.xml');
    const text = plainText(xml);
    const leaks = sampleNames().filter((name) => Object.keys(hidden.files).filter((f) => f.endsWith('.xml')).some((f) => asWord(name).test(plainText(hidden.text(f)))));
    expect(leaks).toEqual([]);
    // The same person gets the same pseudonym wherever the name stood; labels stay as they are.
    // One identifier per person: the label, in running text and under the quote alike. The group interview's
    // quote is attributed to its speaker alone, not to both members of the group.
    expect(text).toMatch(/saya Informan KP-01, di Sruput Jogja[^“]*\(Informan KP-01, Komunitas Pelanggan\)/);
    expect(text).not.toMatch(/KP-01 dan KP-02/);
    expect(text).toContain('Wawancara dengan Informan K-03 (K-03)');
    expect(text).not.toMatch(/Informan \d/);
    expect(text).toContain('Komunitas sebagai penggerak word of mouth');
    expect(text).toContain('Lampiran B. Jurnal refleksif');
    expect(text).toContain('Fase 4 → 3');
    expect(text).toContain('Lampiran C. Jejak audit');
  });

  // Not on PostgreSQL (TEMATIK_TEST_STORE): A second, read-only opening of the project file beside the writer's; a team project has one session (project.open is refused, roles.ts).
  it.skipIf(onPostgres())('follows the options: quotes per theme, chosen themes, a file path, progress', async () => {
    const none = docxParts(Buffer.from((await study.client.invoke('report.word', { quotesPerTheme: 0 })).base64!, 'base64'));
    expect(paragraphsWithStyle(none.text('word/document.xml'), 'Quote')).toEqual([]);

    const progress: Progress[] = [];
    // The supervisor reads while the researcher has the project open for writing.
    const watcher = localClient({ coder: 'Pembimbing', onProgress: (p) => progress.push(p) });
    await watcher.invoke('project.open', { path: study.client.file, readOnly: true });
    const file = path.join(study.client.dir, 'bab-4.docx');
    const written = await watcher.invoke('report.word', { path: file, themeIds: [study.themes.capacity], quotesPerTheme: 2 });
    expect(written).toMatchObject({ path: file, fileName: 'bab-4.docx', base64: null });
    expect(fs.statSync(file).size).toBe(written.bytes);
    const one = docxParts(fs.readFileSync(file));
    const xml = one.text('word/document.xml');
    const findings = xml.slice(xml.lastIndexOf('>Findings<'));
    expect(paragraphsWithStyle(findings, 'Heading2').map((p) => plainText(p).trim())).toEqual(['Kapasitas produksi membatasi co-creation', 'Summary of findings']);
    expect(paragraphsWithStyle(xml, 'Quote')).toHaveLength(2);
    expect(progress.map((p) => p.label)).toEqual(expect.arrayContaining(['Kapasitas produksi membatasi co-creation', 'Word document']));
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
    watcher.session.close();

    await expect(study.client.invoke('report.word', { themeIds: [999] })).rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/Theme 999 does not exist/) });
  });

  it('reports a project without themes: no figure, a plain statement instead of sections', async () => {
    const empty = await newProject();
    const parts = docxParts(Buffer.from((await empty.invoke('report.word', {})).base64!, 'base64'));
    expect(Object.keys(parts.files).filter((f) => f.startsWith('word/media/'))).toEqual([]);
    expect(plainText(parts.text('word/document.xml'))).toContain('No themes have been constructed yet.');
    empty.session.close();
  });
});

describe('report.word with many informant types', () => {
  it('gives the triangulation table a landscape page of its own, page numbers continuing', async () => {
    const client = await newProject();
    const invoke: typeof client.invoke = (name, args) => client.invoke(name, args);
    await invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    const dir = tempDir('tematik-types-');
    for (const [i, name] of ['Reseller', 'Pemasok bahan baku', 'Perbankan'].entries()) {
      const type = await invoke('informantTypes.create', { name });
      const informant = await invoke('informants.create', { label: `X-0${i + 1}`, typeId: type.id });
      // Interviewed: a type counts in the triangulation only with informants who were.
      const file = path.join(dir, `X-0${i + 1}.txt`);
      fs.writeFileSync(file, `Pewawancara: Bagaimana pelanggan ikut menentukan produk?\nNarasumber: Kami polling dulu sebelum produksi, untuk ${name}.\n`);
      await invoke('import.files', { paths: [file], informantId: informant.id });
    }
    // A type nobody belongs to gets no column.
    await invoke('informantTypes.create', { name: 'Investor' });
    const { codeId } = await invoke('search.code', { query: 'polling', unit: 'sentence', codeName: 'polling' });
    await invoke('themes.create', { name: 'Polling sebagai co-creation', codeIds: [codeId] });
    const parts = docxParts(Buffer.from((await invoke('report.word', {})).base64!, 'base64'));
    const xml = parts.text('word/document.xml');
    const sections = [...xml.matchAll(/<w:sectPr\b.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    expect(sections).toHaveLength(3);
    expect(sections.map((s) => /w:orient="landscape"/.test(s))).toEqual([false, true, false]);
    expect(sections[1]).toMatch(/<w:pgSz [^>]*w:w="16838"[^>]*w:h="11906"/);
    for (const s of sections) expect(s).toMatch(/<w:footerReference [^>]*w:type="default"/);
    const triangulation = xml.slice(xml.indexOf('Triangulation of themes across informant types'));
    const header = plainText(triangulation.slice(0, triangulation.indexOf('</w:tr>')));
    expect(header).toContain('Perbankan (n\u00a0=\u00a01)');
    expect(header).not.toContain('Investor');
    client.session.close();
  });
});
