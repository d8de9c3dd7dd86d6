import { actionPhrase } from '../../../src/domain/action-names';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Args } from '../../../src/api/contract';
import { firstSentence } from '../../../src/report/model';
import { REPORT_STRINGS } from '../../../src/report/strings';
import { docxParts, paragraphsWithStyle, plainText } from './docx-parts';
import { reopenedAs } from '../../helpers/test-store';
import { reportStudy, type ReportStudy } from './fixture';

/**
 * The report in the form the studies we serve publish it (issue 9): how quotes are
 * attributed, the findings table, triangulation with reasons and the not interviewed,
 * an Indonesian report without English, quotes printed once and quoted once, the real
 * coders, and the names the researcher marked hidden. Every check reads the .docx back.
 */
describe('the Word report as published', () => {
  let study: ReportStudy;
  let themeIds: number[];
  const report = async (args: Args<'report.word'>) => {
    const parts = docxParts(Buffer.from((await study.client.invoke('report.word', { themeIds, ...args })).base64!, 'base64'));
    const xml = parts.text('word/document.xml');
    return { parts, xml, text: plainText(xml), quotes: paragraphsWithStyle(xml, 'Quote').map((p) => plainText(p).trim()) };
  };
  /** The rows of the table with this caption, each as its cells' text. */
  const table = (xml: string, caption: string): string[][] => {
    const at = xml.indexOf(`>. </w:t></w:r><w:r><w:t xml:space="preserve">${caption}</w:t></w:r></w:p>`);
    expect(at, caption).toBeGreaterThan(0);
    const body = xml.slice(xml.indexOf('<w:tbl>', at), xml.indexOf('</w:tbl>', at));
    return body.split('</w:tr>').filter((r) => r.includes('<w:tc>')).map((r) => r.split('</w:tc>').slice(0, -1).map((c) => plainText(c).replace(/\s+/g, ' ').trim()));
  };

  beforeAll(async () => {
    study = await reportStudy();
    const { client, themes } = study;
    const invoke: typeof client.invoke = (name, args) => client.invoke(name, args);
    await invoke('themes.update', { id: themes.digital, finding: '  Platform digital menjadi ruang utama co-creation.  ' });
    await invoke('themes.update', { id: themes.preorder, definition: 'Pesanan di muka dipakai untuk mengukur minat sebelum produksi. Pemilik menunda produksi sampai pesanan cukup, mis. 30 potong.' });
    // A passage the transcript already puts in quotation marks: "dicatat ya, Kak".
    const k03 = (await invoke('documents.list', {})).find((d) => d.title.startsWith('K-03'))!;
    const content = await invoke('documents.get', { id: k03.id });
    const start = content.text.indexOf('"dicatat ya, Kak"');
    const { codeId } = await invoke('codings.apply', { documentId: k03.id, start, end: start + '"dicatat ya, Kak"'.length, codeName: 'usulan dicatat admin' });
    const admin = await invoke('themes.create', { name: 'Usulan dicatat, belum tentu dipakai', codeIds: [codeId] });
    await invoke('redactions.add', { term: 'Sruput Jogja', replacement: '[kedai kopi]' });
    await invoke('memos.create', { kind: 'journal', title: 'Catatan lapangan', body: 'Ngopi di SRUPUT jogja bersama anggota komunitas.', target: { kind: 'project' } });
    // Someone who only ran commands is no coder; someone who wrote a memo is.
    // One writer at a time: each takes the project in turn (on PostgreSQL, opened again from what the database holds).
    let turn: ReportStudy['client'] = client;
    for (const [coder, act] of [['root', 'project.update'], ['Peneliti B', 'memos.create'], ['Peneliti A', null]] as const) {
      turn = { dir: client.dir, ...await reopenedAs(turn, coder) };
      if (act === 'project.update') await turn.invoke('project.update', { description: 'Studi co-creation UMKM di Yogyakarta.' });
      else if (act === 'memos.create') await turn.invoke('memos.create', { body: 'Cek lagi kode kapasitas.', target: { kind: 'theme', id: themes.capacity } });
    }
    study = { ...study, client: turn };
    themeIds = [themes.digital, themes.preorder, themes.capacity, themes.community, admin.id];
  });
  afterAll(() => study.client.session.close());

  it('attributes quotes by default as (Informan P-01, Pemilik UMKM) in Indonesian and (Informant P-01, …) in English', async () => {
    const id = await report({ language: 'id' });
    const en = await report({ language: 'en' });
    expect(id.quotes.length).toBeGreaterThan(6);
    for (const q of id.quotes) expect(q).toMatch(/\((Informan [A-Z]+-\d\d( dan [A-Z]+-\d\d)?, [^;()]+)(; Informan [^()]+)?\)$/);
    expect(id.quotes).toContain(`“${study.exemplarQuote.trim()}” (Informan K-01, Konsumen)`);
    expect(en.quotes).toContain(`“${study.exemplarQuote.trim()}” (Informant K-01, Konsumen)`);
    // The same labels in the informant table: one identifier for one person.
    expect(table(id.xml, 'Profil informan').map((r) => r[0])).toEqual(expect.arrayContaining(['K-01', 'KP-01', 'P-01']));
  });

  it('attributes by label only when asked', async () => {
    for (const language of ['id', 'en'] as const) {
      const { quotes } = await report({ language, attribution: 'label' });
      expect(quotes).toContain(`“${study.exemplarQuote.trim()}” (K-01)`);
      for (const q of quotes) expect(q).toMatch(/ \([A-Z]+-\d\d(, [A-Z]+-\d\d)*\)$/);
    }
  });

  it('with numbered pseudonyms, names each person by one pseudonym in quotes, running text and tables, and shows no label', async () => {
    for (const [language, word] of [['id', 'Informan'], ['en', 'Informant']] as const) {
      const { xml, text, quotes } = await report({ language, attribution: 'pseudonym-type', journal: true, audit: true });
      const rows = table(xml, language === 'id' ? 'Profil informan' : 'Informants').filter((r) => r[1] !== undefined);
      const k01 = rows.find((r) => r[1] === 'Konsumen' && r[2] === 'Yogyakarta' && quotes.some((q) => q.endsWith(`(${r[0]}, Konsumen)`)));
      expect(k01?.[0], language).toMatch(new RegExp(`^${word} \\d+$`));
      const exemplar = quotes.find((q) => q.startsWith(`“${study.exemplarQuote.trim()}”`));
      expect(exemplar).toBe(`“${study.exemplarQuote.trim()}” (${k01![0]}, Konsumen)`);
      // Dimas (KP-01) introduces himself: his pseudonym in the quote's text is the one in its attribution and in the table.
      const dimas = new RegExp(`saya (${word} \\d+), di \\[kedai kopi\\]`).exec(text)?.[1];
      expect(dimas, language).toBeDefined();
      expect(rows.some((r) => r[0] === dimas && r[1] === 'Komunitas Pelanggan')).toBe(true);
      // Attributed to the speaker alone: a group interview's quote is not everyone's.
      expect(text).toMatch(new RegExp(`\\(${dimas}, Komunitas Pelanggan\\)`));
      expect(text).not.toMatch(new RegExp(`${dimas}${language === 'id' ? ' dan' : ' and'} ${word} \\d+, Komunitas Pelanggan`));
      // The journal's "(K-03)" becomes the pseudonym too: no informant label is left anywhere.
      expect(text.match(/(?<![\p{L}\p{N}])[A-Z]{1,2}-\d\d(?![\p{L}\p{N}])/gu) ?? []).toEqual([]);
    }
  });

  it('has the findings table "Aspek | Temuan Utama": one row per theme, the written finding or the definition’s first sentence', async () => {
    const id = await report({ language: 'id' });
    const rows = table(id.xml, 'Aspek dan temuan utama');
    expect(rows[0]).toEqual(['Aspek', 'Temuan Utama']);
    expect(rows.slice(1)).toEqual([
      ['Co-creation lewat platform digital', 'Platform digital menjadi ruang utama co-creation.'],
      ['Pre-order sebagai uji pasar', 'Pesanan di muka dipakai untuk mengukur minat sebelum produksi.'],
      ['Kapasitas produksi membatasi co-creation', 'Ide pelanggan melampaui kemampuan produksi usaha mikro: penjahit, bahan baku, modal.'],
      ['Komunitas sebagai penggerak word of mouth', 'belum ditulis'],
      ['Usulan dicatat, belum tentu dipakai', 'belum ditulis'],
    ]);
    expect(id.text).toContain('Cetak miring: temuan belum ditulis; yang ditampilkan adalah kalimat pertama definisi tema.');
    // The borrowed sentence is set in italics; the researcher's own finding is not.
    const at = id.xml.indexOf('Aspek dan temuan utama');
    const tableXml = id.xml.slice(at, id.xml.indexOf('</w:tbl>', at));
    expect(tableXml).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*Pesanan di muka dipakai/s);
    expect(tableXml).not.toMatch(/<w:i\/>(?:(?!<\/w:r>).)*Platform digital menjadi/s);

    const en = await report({ language: 'en' });
    expect(table(en.xml, 'Aspects and main findings')[0]).toEqual(['Aspect', 'Main finding']);
    expect(en.text).toContain('Summary of findings');
  });

  it('keeps the finding with the theme: trimmed, undoable', async () => {
    const { client, themes } = study;
    expect((await client.invoke('themes.list', {})).find((t) => t.id === themes.digital)?.finding).toBe('Platform digital menjadi ruang utama co-creation.');
    await client.invoke('themes.update', { id: themes.capacity, finding: 'Kapasitas membatasi.' });
    await client.invoke('history.undo', {});
    expect((await client.invoke('themes.list', {})).find((t) => t.id === themes.capacity)?.finding).toBe('');
  });

  it('gives each judgement its reason in the triangulation table, and lists the not interviewed apart, uncounted', async () => {
    for (const [language, caption, reason, absent, konsumen] of [
      ['id', 'Triangulasi tema antarjenis informan', 'Alasan: ', 'Belum diwawancarai (tidak dihitung di atas dan tidak dianggap diam): Konsumen: K-04.', 'Konsumen (n = 3)'],
      ['en', 'Triangulation of themes across informant types', 'Reason: ', 'Not interviewed (not counted above, never counted as silent): Konsumen: K-04.', 'Konsumen (n = 3)'],
    ] as const) {
      const { xml, text } = await report({ language });
      const rows = table(xml, caption);
      expect(rows[0]).toContain(konsumen);
      const digital = rows.findIndex((r) => r[0] === 'Co-creation lewat platform digital');
      expect(rows[digital]!.at(-1)).toBe(language === 'id' ? 'Kesepakatan sebagian' : 'Partial agreement');
      expect(rows[digital + 1]).toEqual([`${reason}Pemilik dan konsumen menyebut polling; ahli pemasaran menilainya baru sebatas feedback.`]);
      expect(text).toContain(absent);
    }
  });

  it('leaves no English in the Indonesian report: fixed text, judgements, audit actions', async () => {
    const { text, xml } = await report({ language: 'id', journal: true, audit: true });
    const en = REPORT_STRINGS.en;
    const id = REPORT_STRINGS.id;
    const leaves = (value: unknown): string[] => (typeof value === 'string' ? [value] : typeof value === 'object' && value ? Object.values(value).flatMap(leaves) : []);
    const idText = leaves(id).join('\n');
    const fragments = leaves(en).flatMap((s) => s.split(/\{\w+\}/)).map((f) => f.replace(/^[\s.,:;()*–—-]+|[\s.,:;()*–—-]+$/g, ''))
      .filter((f) => f.length >= 6 && /[a-z]{3}/.test(f) && !idText.includes(f));
    expect(fragments.length).toBeGreaterThan(100);
    // What the project itself says in English (an English quote) is the informant's, not the report's.
    const ownWords = paragraphsWithStyle(xml, 'Quote').map(plainText).join('\n');
    const leaked = fragments.filter((f) => text.includes(f) && !ownWords.includes(f));
    expect(leaked).toEqual([]);
    for (const english of ['Create theme', 'Apply code', 'Edit theme', 'Move from phase', 'Silence', 'Keheningan']) expect(text).not.toContain(english);
    const audit = table(xml, 'Jejak audit').slice(1);
    expect(audit.map((r) => r[2])).toEqual(expect.arrayContaining(['Membuat tema', 'Mengode hasil pencarian', 'Menerapkan kode', 'Berpindah fase', 'Menandai nama untuk disamarkan']));
    expect(audit).toContainEqual([expect.any(String), 'Peneliti A', 'Membuat tema', '“Pre-order sebagai uji pasar”']);
    expect(audit).toContainEqual([expect.any(String), 'Peneliti A', 'Berpindah fase', 'Fase 4 → 3']);
  });

  it('names every action Tematik records, in both languages', () => {
    const recorded = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) for (const m of fs.readFileSync(file, 'utf8').matchAll(/\baction: '([a-z][\w.]*)'/g)) recorded.add(m[1]!);
      }
    };
    walk(path.resolve(__dirname, '../../../src'));
    expect(recorded.size).toBeGreaterThan(30);
    for (const language of ['en', 'id'] as const) {
      expect([...recorded].filter((a) => actionPhrase(a, language) === null), language).toEqual([]);
    }
  });

  it('prints each passage once, under one theme, and never doubles quotation marks', async () => {
    for (const language of ['id', 'en'] as const) {
      const { quotes } = await report({ language, quotesPerTheme: 10 });
      const passages = quotes.map((q) => q.replace(/ \([^()]*\)$/, ''));
      expect(passages.length).toBeGreaterThan(20);
      expect(new Set(passages).size).toBe(passages.length);
      expect(quotes).toContain(language === 'id' ? '"dicatat ya, Kak" (Informan K-03, Konsumen)' : '"dicatat ya, Kak" (Informant K-03, Konsumen)');
      for (const p of passages) {
        expect(p).not.toMatch(/^[“"„«][“"„«]|[”"»][”"»]$/);
        expect(p).toMatch(/^[“"]/);
        expect(p).toMatch(/[”"]$/);
      }
    }
  });

  it('lists on its title page the people who coded or wrote, not an account that only ran commands', async () => {
    const { text, parts } = await report({ language: 'en' });
    const title = text.slice(0, text.indexOf('Contents'));
    expect(title).toContain('Coders: Peneliti A, Peneliti B');
    expect(title).not.toContain('root');
    expect(parts.text('docProps/core.xml')).toContain('<dc:creator>Peneliti A, Peneliti B</dc:creator>');
  });

  it('hides the names the researcher marked in quotes and running text of a pseudonymised report, any case', async () => {
    const hidden = await report({ language: 'id', journal: true, pseudonymise: true });
    expect(hidden.text).not.toMatch(/sruput/i);
    expect(hidden.text).toContain('saya Informan KP-01, di [kedai kopi]');
    expect(hidden.text).toContain('Ngopi di [kedai kopi] bersama anggota komunitas.');
    const named = await report({ language: 'id', journal: true, pseudonymise: false });
    expect(named.text).toContain('Ngopi di SRUPUT jogja');
    expect(named.text).toContain('di Sruput Jogja');
  });
  it("never quotes the interviewer's words as evidence, even when they are coded", async () => {
    const { client, themes } = study;
    const digital = (await client.invoke('themes.list', {})).find((t) => t.id === themes.digital)!;
    const asked = await client.invoke('search.code', { query: 'polling', unit: 'sentence', codeId: digital.codeIds[0]!, filters: { role: 'interviewer' } });
    expect(asked.applied).toBeGreaterThan(0);
    const questions = (await client.invoke('codings.forCode', { codeId: digital.codeIds[0]! })).filter((e) => e.informantLabels.length === 0).map((e) => e.quote);
    expect(questions.length).toBe(asked.applied);
    const { quotes } = await report({ language: 'en', quotesPerTheme: 25 });
    for (const question of questions) expect(quotes.some((q) => q.includes(question.slice(0, 40))), question).toBe(false);
    await client.invoke('history.undo', {});
  });

});

describe('the first sentence of a definition', () => {
  it('stops at the first full stop before a capital, not at an abbreviation', () => {
    expect(firstSentence('Pesanan di muka dipakai, mis. untuk uji pasar. Pemilik menunda produksi.')).toBe('Pesanan di muka dipakai, mis. untuk uji pasar.');
    expect(firstSentence('Apakah pelanggan ikut merancang? Ya, lewat polling.')).toBe('Apakah pelanggan ikut merancang?');
    expect(firstSentence('Satu kalimat tanpa titik')).toBe('Satu kalimat tanpa titik');
    expect(firstSentence('Pelanggan bilang "ini pilihanku." Lalu membeli.')).toBe('Pelanggan bilang "ini pilihanku."');
    expect(firstSentence('  Baris\npertama.  ')).toBe('Baris pertama.');
    expect(firstSentence('')).toBe('');
  });
});
