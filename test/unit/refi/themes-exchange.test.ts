import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { Result } from '../../../src/api/contract';
import type { ExchangeSection } from '../../../src/domain/types';
import { parseXml, type XmlElement } from '../../../src/refi/xml';
import { newProject, tempDir } from '../../helpers/temp-project';
import { populatedProject, rangeOf, schemaErrors, TRICKY_TEXT, unzipText, type Populated } from './fixture';

const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
const child = (el: XmlElement, name: string): XmlElement | undefined => el.children.find((c) => c.name === name);

/** The theme model as names, comparable between two projects whose ids differ. */
async function themeModel(client: LocalClient) {
  const themes = await client.invoke('themes.list', {});
  const codes = new Map((await client.invoke('codes.list', {})).map((c) => [c.id as number, c.name]));
  const quotes = new Map<number, string>();
  for (const d of await client.invoke('documents.list', {})) {
    for (const c of await client.invoke('codings.forDocument', { documentId: d.id })) quotes.set(c.id, `${d.title}: ${c.quote}`);
  }
  const name = new Map(themes.map((t) => [t.id as number, t.name]));
  const links = await client.invoke('themeLinks.list', {});
  const linkById = new Map(links.map((l) => [l.id as number, l]));
  const describe = (id: number): string => {
    const l = linkById.get(id)!;
    return `${name.get(l.fromThemeId)} ${l.kind}[${l.label}] ${l.toThemeId !== null ? name.get(l.toThemeId) : `(${describe(l.toLinkId!)})`}`;
  };
  const comments = (await client.invoke('comments.list', {})).map((c) => [
    c.target?.kind === 'theme' ? name.get(c.target.id) : describe(c.target!.id), c.author, c.body, c.createdAt, c.resolvedBy, c.resolvedAt,
  ]);
  return {
    comments,
    themes: themes.map((t) => ({
      name: t.name, parent: t.parentId === null ? null : name.get(t.parentId), definition: t.definition, scope: t.scope, finding: t.finding,
      status: t.status, colour: t.colour, codes: t.codeIds.map((c) => codes.get(c)).sort(), convergence: t.convergence, reason: t.convergenceReason,
      exemplar: t.exemplarCodingId === null ? null : quotes.get(t.exemplarCodingId),
    })).sort((a, b) => a.name.localeCompare(b.name)),
    links: links.map((l) => describe(l.id)).sort(),
  };
}

/**
 * The populated study with a full theme model: a defined theme with scope, finding, exemplar and
 * judgement, a sub-theme with its own judgement, two more themes, a labelled influence, a
 * mediation of that influence (a link onto a link) and a contradiction.
 */
async function themedProject(): Promise<Populated> {
  const populated = await populatedProject();
  const { client } = populated;
  const codes = new Map((await client.invoke('codes.list', {})).map((c) => [c.name, c.id]));
  const themes = await client.invoke('themes.list', {});
  const mitra = themes.find((t) => t.name === 'Pelanggan sebagai mitra')!;
  const exemplar = (await client.invoke('codings.forDocument', { documentId: populated.tricky })).find((c) => c.quote === 'Enak 😋😋 sekali')!;
  await client.invoke('themes.update', { id: mitra.id, scope: 'Bukan sekadar promosi;\nbukan keluhan.', finding: 'UMKM mengajak pelanggan ikut merancang produk.', exemplarCodingId: exemplar.id });
  await client.invoke('themes.update', { id: mitra.id, status: 'reviewed' });
  await client.invoke('themes.update', { id: mitra.id, status: 'defined' });
  await client.invoke('themes.setConvergence', { id: mitra.id, convergence: 'partial', reason: 'Pemilik dan komunitas setuju; konsumen diam.' });
  const polling = await client.invoke('themes.create', { name: 'Polling di WA', parentId: mitra.id, codeIds: [codes.get('Feedback pelanggan')!] });
  await client.invoke('themes.setConvergence', { id: polling.id, convergence: 'silence', reason: '' });
  const modal = await client.invoke('themes.create', { name: 'Kendala produksi', codeIds: [codes.get('Kendala modal')!] });
  await client.invoke('themes.update', { id: modal.id, definition: 'Modal & kapasitas "terbatas" <sekali>.' });
  const trust = await client.invoke('themes.create', { name: 'Kepercayaan', codeIds: [codes.get('Brand equity & "trust" <kepercayaan>')!] });
  const influence = await client.invoke('themeLinks.create', { fromThemeId: mitra.id, toThemeId: modal.id, kind: 'influences', label: 'lewat permintaan: pre-order' });
  await client.invoke('themeLinks.create', { fromThemeId: trust.id, toLinkId: influence.id, kind: 'mediates' });
  await client.invoke('themeLinks.create', { fromThemeId: modal.id, toThemeId: trust.id, kind: 'contradicts' });
  const settled = await client.invoke('comments.add', { target: { kind: 'theme', id: mitra.id }, body: 'Definisinya sudah jelas.' });
  await client.invoke('comments.resolve', { id: settled.id, resolved: true });
  await client.invoke('comments.add', { target: { kind: 'link', id: influence.id }, body: 'Apa buktinya?\nCek wawancara P-03.' });
  return populated;
}

const section = (report: readonly ExchangeSection[], kind: ExchangeSection['kind']) => report.find((s) => s.kind === kind);

describe('REFI-QDA exchange of themes, sub-themes, links and judgements', () => {
  let source: Populated;
  let file: string;
  let qde: XmlElement;
  let qdeText: string;
  let target: LocalClient;
  let report: Result<'refi.importProject'>;

  beforeAll(async () => {
    source = await themedProject();
    file = path.join(tempDir(), 'themes.qdpx');
    await source.client.invoke('refi.exportProject', { path: file });
    qdeText = unzipText(fs.readFileSync(file))['project.qde']!;
    qde = parseXml(Buffer.from(qdeText), 'project.qde');
    target = await newProject('Peneliti C');
    report = await target.invoke('refi.importProject', { path: file });
  });

  it('writes a file that still validates against the REFI-QDA project schema', async () => {
    expect(await schemaErrors(qdeText, 'Project')).toEqual([]);
  });

  it('writes each theme as a set of its codes described by its definition; a sub-theme\'s set names its parent', () => {
    const sets = new Map(all(qde, 'Set').map((s) => [s.attrs.get('name'), s]));
    expect([...sets.keys()].sort()).toEqual(['Kendala produksi', 'Kepercayaan', 'Pelanggan sebagai mitra', 'Pelanggan sebagai mitra › Polling di WA', 'Reflexive journal']);
    const codeGuid = new Map(all(qde, 'Code').map((c) => [c.attrs.get('name'), c.attrs.get('guid')]));
    expect(child(sets.get('Kendala produksi')!, 'Description')!.text).toBe('Modal & kapasitas "terbatas" <sekali>.');
    expect(sets.get('Pelanggan sebagai mitra › Polling di WA')!.children.filter((c) => c.name === 'MemberCode').map((m) => m.attrs.get('targetGUID')))
      .toEqual([codeGuid.get('Feedback pelanggan')]);
  });

  it('writes status, colour, parent, exemplar, scope, finding and the judgement as notes the set lists', () => {
    const notes = new Map(all(qde, 'Note').map((n) => [n.attrs.get('guid'), n]));
    const sets = new Map(all(qde, 'Set').map((s) => [s.attrs.get('name'), s]));
    const members = (name: string) => sets.get(name)!.children.filter((c) => c.name === 'MemberNote')
      .map((m) => notes.get(m.attrs.get('targetGUID'))!).map((n) => [child(n, 'Description')?.text ?? '', child(n, 'PlainTextContent')!.text]);
    const exemplarSelection = all(qde, 'PlainTextSelection').find((s) => s.children.some((c) => c.name === 'Coding')
      && all(qde, 'TextSource').find((t) => t.attrs.get('name') === 'KP-09_kafe')!.children.includes(s)
      && Number(s.attrs.get('startPosition')) === [...TRICKY_TEXT.slice(0, rangeOf(TRICKY_TEXT, 'Enak 😋😋 sekali').start)].length)!;
    expect(members('Pelanggan sebagai mitra')).toEqual([
      ['Tematik: theme details', expect.stringMatching(new RegExp(`^Status: defined\\nColour: #[0-9a-f]{6}\\nExemplar: "Enak 😋😋 sekali" \\{${exemplarSelection.attrs.get('guid')}\\}$`))],
      ['Tematik: theme scope', 'Bukan sekadar promosi;\nbukan keluhan.'],
      ['Tematik: key finding', 'UMKM mengajak pelanggan ikut merancang produk.'],
      ['Tematik: convergence judgement (partial)', 'Pemilik dan komunitas setuju; konsumen diam.'],
      [expect.stringMatching(/^Tematik: resolved comment \{[0-9a-f-]{36}\}$/), 'Definisinya sudah jelas.'],
      ['', 'Mungkin terlalu luas.'],
    ]);
    const parentGuid = sets.get('Pelanggan sebagai mitra')!.attrs.get('guid');
    expect(members('Pelanggan sebagai mitra › Polling di WA')).toEqual([
      ['Tematik: theme details', expect.stringMatching(new RegExp(`^Status: candidate\\nColour: #[0-9a-f]{6}\\nSub-theme of: Pelanggan sebagai mitra \\{${parentGuid}\\}$`))],
      ['Tematik: convergence judgement (silence)', ''],
    ]);
  });

  it('writes theme links between the theme sets with kind and label as the name; a mediation points at the link it mediates', () => {
    const setGuid = new Map(all(qde, 'Set').map((s) => [s.attrs.get('name'), s.attrs.get('guid')]));
    const links = all(qde, 'Link');
    const influence = links.find((l) => l.attrs.get('name') === 'influences: lewat permintaan: pre-order')!;
    expect(Object.fromEntries(influence.attrs)).toMatchObject({
      direction: 'OneWay', originGUID: setGuid.get('Pelanggan sebagai mitra'), targetGUID: setGuid.get('Kendala produksi'),
    });
    const mediation = links.find((l) => l.attrs.get('name') === 'mediates')!;
    expect(Object.fromEntries(mediation.attrs)).toMatchObject({ direction: 'OneWay', originGUID: setGuid.get('Kepercayaan'), targetGUID: influence.attrs.get('guid') });
    const inWords = all(qde, 'Note').find((n) => n.attrs.get('guid') === child(mediation, 'NoteRef')!.attrs.get('targetGUID'))!;
    expect(child(inWords, 'PlainTextContent')!.text).toBe('"Kepercayaan" mediates the link ("Pelanggan sebagai mitra" influences "Kendala produksi").');
    expect(links.find((l) => l.attrs.get('name') === 'contradicts')!.attrs.get('direction')).toBe('Bidirectional');
  });

  it('brings themes, sub-themes, every field, links (onto links too) and judgements back into a new project', async () => {
    const before = await themeModel(source.client);
    const after = await themeModel(target);
    expect(after).toEqual(before);
    expect(after.themes).toHaveLength(4);
    expect(after.links).toContain('Kepercayaan mediates[] (Pelanggan sebagai mitra influences[lewat permintaan: pre-order] Kendala produksi)');
    expect(after.themes.find((t) => t.name === 'Polling di WA')).toMatchObject({ parent: 'Pelanggan sebagai mitra', convergence: 'silence' });
    expect(after.themes.find((t) => t.name === 'Pelanggan sebagai mitra')).toMatchObject({ status: 'defined', exemplar: 'KP-09_kafe: Enak 😋😋 sekali' });
    expect(after.comments).toEqual([
      ['Pelanggan sebagai mitra', 'Peneliti A', 'Definisinya sudah jelas.', expect.any(String), 'Peneliti A', expect.any(String)],
      ['Pelanggan sebagai mitra influences[lewat permintaan: pre-order] Kendala produksi', 'Peneliti A', 'Apa buktinya?\nCek wawancara P-03.', expect.any(String), null, null],
    ]);
  });

  it('does not turn the theme notes into memos, and puts the memo on a theme back on the theme', async () => {
    const memos = await target.invoke('memos.list', {});
    expect(memos.filter((m) => m.body.includes('Status: ') || m.title.includes('details'))).toEqual([]);
    const mitra = (await target.invoke('themes.list', {})).find((t) => t.name === 'Pelanggan sebagai mitra')!;
    expect(memos.filter((m) => m.target.kind === 'theme').map((m) => [m.title, m.target])).toEqual([['Tema', { kind: 'theme', id: mitra.id }]]);
    // Six memos and the import's own journal entry.
    expect(memos).toHaveLength(7);
  });

  it('reports sets, themes and links per kind', () => {
    // The four theme sets and the reflexive journal's set.
    expect(section(report.report, 'sets')).toMatchObject({ found: 5, imported: 5, skipped: 0 });
    expect(section(report.report, 'themes')).toMatchObject({ found: 4, imported: 4, skipped: 0 });
    expect(section(report.report, 'links')).toMatchObject({ found: 3, imported: 3, skipped: 0 });
    const note = section(report.report, 'sets')!.notes[0]!.text;
    expect(note.en).toMatch(/theme sets came back as themes/);
    expect(note.id).toMatch(/Set tema Tematik kembali menjadi tema/);
  });

  it('adds nothing when the same file is imported into the project it came from', async () => {
    const before = await themeModel(source.client);
    const memos = (await source.client.invoke('memos.list', {})).length;
    const again = await source.client.invoke('refi.importProject', { path: file });
    expect(await themeModel(source.client)).toEqual(before);
    // Only the import's own report joins the journal.
    expect(await source.client.invoke('memos.list', {})).toHaveLength(memos + 1);
    expect(section(again.report, 'themes')).toMatchObject({ found: 4, imported: 0, skipped: 4 });
    expect(section(again.report, 'links')).toMatchObject({ found: 3, imported: 0, skipped: 3 });
    expect(section(again.report, 'themes')!.notes.map((n) => n.text.en)).toEqual(expect.arrayContaining([expect.stringMatching(/already has .* kept as they are/)]));
  });
});

describe('a theme named like the reflexive journal', () => {
  it('comes back as a theme, and the journal entries as journal entries', async () => {
    const source = await populatedProject();
    const { client } = source;
    const code = (await client.invoke('codes.list', {}))[0]!;
    await client.invoke('themes.create', { name: 'Reflexive journal', codeIds: [code.id] });
    await client.invoke('memos.create', { kind: 'journal', title: 'Hari pertama', body: 'Saya terkejut oleh jawaban P-01.', target: { kind: 'project' } });
    const file = path.join(tempDir(), 'journal-theme.qdpx');
    await client.invoke('refi.exportProject', { path: file });
    const target = await newProject('Peneliti C');
    await target.invoke('refi.importProject', { path: file });
    const theme = (await target.invoke('themes.list', {})).find((t) => t.name === 'Reflexive journal');
    expect(theme?.codeIds).toHaveLength(1);
    const journal = (await target.invoke('memos.list', { kind: 'journal' })).map((m) => m.title);
    expect(journal).toContain('Hari pertama');
  });
});

describe('REFI-QDA export with CRLF line endings', () => {
  let source: Populated;
  let lf: Record<string, string>;
  let crlf: Record<string, string>;

  beforeAll(async () => {
    source = await populatedProject();
    const dir = tempDir();
    await source.client.invoke('refi.exportProject', { path: path.join(dir, 'lf.qdpx') });
    await source.client.invoke('refi.exportProject', { path: path.join(dir, 'crlf.qdpx'), lineEndings: 'crlf' });
    lf = unzipText(fs.readFileSync(path.join(dir, 'lf.qdpx')));
    crlf = unzipText(fs.readFileSync(path.join(dir, 'crlf.qdpx')));
  });

  it('ends every line of the text files with CR LF, and otherwise writes the same text', () => {
    const texts = Object.keys(crlf).filter((k) => k.startsWith('sources/'));
    expect(texts.length).toBe(12);
    for (const entry of texts) {
      expect(crlf[entry], entry).not.toMatch(/[^\r]\n/);
      expect(crlf[entry]!.replace(/\r\n/g, '\n'), entry).toBe(lf[entry]);
    }
    expect(crlf[texts.find((e) => crlf[e]!.includes('😋'))!]).toContain('☕\r\n\r\nNarasumber');
  });

  it('counts CR LF as one character: positions are those of the LF file, and pick the same passages', async () => {
    const strip = (qde: string) => qde.replace(/modifiedDateTime="[^"]*"/, '');
    expect(strip(crlf['project.qde']!)).toBe(strip(lf['project.qde']!));
    expect(await schemaErrors(crlf['project.qde']!, 'Project')).toEqual([]);
    const qde = parseXml(Buffer.from(crlf['project.qde']!), 'crlf');
    const kafe = all(qde, 'TextSource').find((s) => s.attrs.get('name') === 'KP-09_kafe')!;
    const raw = crlf[`sources/${kafe.attrs.get('guid')}.txt`]!;
    const oneCharPerBreak = [...raw.replace(/\r\n/g, '\n')];
    const counted = [...raw];
    const passage = (chars: string[], s: XmlElement) => chars.slice(Number(s.attrs.get('startPosition')), Number(s.attrs.get('endPosition'))).join('');
    const passages = all(kafe, 'PlainTextSelection').map((s) => passage(oneCharPerBreak, s));
    expect(passages).toContain('brand equity');
    expect(passages).toContain('co-creation');
    // Counting CR as a character of its own would land elsewhere after the first line break.
    expect(all(kafe, 'PlainTextSelection').map((s) => passage(counted, s))).not.toContain('brand equity');
  });

  it('comes back into Tematik with every coding on the same characters', async () => {
    const file = path.join(tempDir(), 'crlf.qdpx');
    await source.client.invoke('refi.exportProject', { path: file, lineEndings: 'crlf' });
    const target = await newProject('Peneliti C');
    await target.invoke('refi.importProject', { path: file });
    const codings = async (client: LocalClient) => {
      const docs = await client.invoke('documents.list', {});
      const texts = await Promise.all(docs.map(async (d) => [d.title, (await client.invoke('documents.get', { id: d.id })).text] as const));
      const all = await Promise.all(docs.map(async (d) => (await client.invoke('codings.forDocument', { documentId: d.id })).map((c) => `${d.title} ${c.start}-${c.end} ${c.quote}`)));
      return { texts: texts.sort(), codings: all.flat().sort() };
    };
    expect(await codings(target)).toEqual(await codings(source.client));
  });
});
