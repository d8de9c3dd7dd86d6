import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodePointOffset, Utf16Offset } from '../../../src/domain/ids';
import { toCodePoint } from '../../../src/domain/offsets';
import { parseXml, type XmlElement } from '../../../src/refi/xml';
import { newProject, tempDir } from '../../helpers/temp-project';
import { populatedProject, rangeOf, schemaErrors, TRICKY_TEXT, unzipText, type Populated } from './fixture';

const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

describe('REFI-QDA export', () => {
  let project: Populated;
  let entries: Record<string, string>;
  let qde: XmlElement;

  beforeAll(async () => {
    project = await populatedProject();
    const file = path.join(tempDir(), 'study.qdpx');
    const result = await project.client.invoke('refi.exportProject', { path: file });
    expect(result).toMatchObject({ path: file, fileName: 'study.qdpx', base64: null });
    entries = unzipText(fs.readFileSync(file));
    qde = parseXml(Buffer.from(entries['project.qde']!), 'project.qde');
  });

  it('writes a project.qde that validates against the REFI-QDA Project.xsd', async () => {
    expect(await schemaErrors(entries['project.qde']!, 'Project')).toEqual([]);
  });

  it('writes a .qdc that validates against Codebook.xsd', async () => {
    const { base64, fileName } = await project.client.invoke('refi.exportCodebook', {});
    expect(fileName).toBe('Co-creation UMKM.qdc');
    const qdc = Buffer.from(base64!, 'base64').toString('utf8');
    expect(await schemaErrors(qdc, 'Codebook')).toEqual([]);
    expect(qdc).toContain('name="Brand equity &amp; &quot;trust&quot; &lt;kepercayaan&gt;"');
  });

  it('refuses an empty codebook as .qdc and still exports an empty project that validates', async () => {
    const empty = await newProject();
    await expect(empty.invoke('refi.exportCodebook', {})).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/codebook is empty/) });
    const { base64 } = await empty.invoke('refi.exportProject', {});
    expect(await schemaErrors(unzipText(Buffer.from(base64!, 'base64'))['project.qde']!, 'Project')).toEqual([]);
  });

  it('stores every document as a UTF-8 file under sources/, referenced by internal:// path and not also inline', () => {
    const sources = all(qde, 'TextSource');
    expect(sources).toHaveLength(12);
    for (const source of sources) {
      const file = /^internal:\/\/(.+)$/.exec(source.attrs.get('plainTextPath')!)![1]!;
      expect(file).toBe(`${source.attrs.get('guid')}.txt`);
      expect(entries[`sources/${file}`]).toBeDefined();
      expect(source.children.some((c) => c.name === 'PlainTextContent')).toBe(false);
    }
    const tricky = sources.find((s) => s.attrs.get('name') === 'KP-09_kafe')!;
    expect(entries[`sources/${tricky.attrs.get('guid')}.txt`]).toBe(TRICKY_TEXT);
  });

  it('counts selection positions in code points, not UTF-16 units', () => {
    const tricky = all(qde, 'TextSource').find((s) => s.attrs.get('name') === 'KP-09_kafe')!;
    const text = entries[`sources/${tricky.attrs.get('guid')}.txt`]!;
    const positions = all(tricky, 'PlainTextSelection').map((s) => [Number(s.attrs.get('startPosition')), Number(s.attrs.get('endPosition'))] as const);
    for (const phrase of ['co-creation', 'Enak 😋😋 sekali', 'Nai\u0308ve sekali', 'brand equity']) {
      const { start, end } = rangeOf(TRICKY_TEXT, phrase);
      const expected = [toCodePoint(TRICKY_TEXT, start as Utf16Offset), toCodePoint(TRICKY_TEXT, end as Utf16Offset)] as const;
      expect(positions).toContainEqual(expected);
      // Slicing by code points gives back the phrase: what another tool will show.
      expect([...text].slice(expected[0], expected[1]).join('')).toBe(phrase);
      expect(expected[1]).toBeLessThan(end);
    }
    // Five astral characters (😋😋 and three in 👩🏽‍💻) come before it; combining marks count once in both units.
    expect(toCodePoint(TRICKY_TEXT, rangeOf(TRICKY_TEXT, 'co-creation').start as Utf16Offset)).toBe(
      rangeOf(TRICKY_TEXT, 'co-creation').start - 5 as CodePointOffset);
  });

  it('writes each coding with its code, coder and time', () => {
    const users = new Map(all(qde, 'User').map((u) => [u.attrs.get('guid'), u.attrs.get('name')]));
    expect([...users.values()]).toEqual(expect.arrayContaining(['Peneliti A', 'Peneliti B']));
    const codes = new Map(all(qde, 'Code').map((c) => [c.attrs.get('guid'), c.attrs.get('name')]));
    const codings = all(qde, 'Coding');
    expect(codings).toHaveLength(8);
    for (const coding of codings) {
      expect(codes.has(coding.children[0]!.attrs.get('targetGUID'))).toBe(true);
      expect(users.has(coding.attrs.get('creatingUser'))).toBe(true);
      expect(coding.attrs.get('creationDateTime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('writes the codebook as a tree with colours, and themes as sets of codes', () => {
    const top = all(qde, 'Codes')[0]!.children;
    expect(top.map((c) => c.attrs.get('name'))).toEqual(['Co-creation', 'Kendala modal']);
    expect(top[0]!.attrs.get('color')).toBe('#1f77b4');
    expect(top[0]!.children.filter((c) => c.name === 'Code').map((c) => [c.attrs.get('name'), c.attrs.get('color'), c.attrs.get('isCodable')])).toEqual([
      ['Feedback pelanggan', '#FF7F0E', 'true'],
      ['Brand equity & "trust" <kepercayaan>', expect.stringMatching(/^#[0-9a-f]{6}$/), 'true'],
    ]);
    const set = all(qde, 'Set').find((s) => s.attrs.get('name') === 'Pelanggan sebagai mitra')!;
    expect(set.children.find((c) => c.name === 'Description')!.text).toBe('UMKM treat customers as partners in product decisions.');
    expect(set.children.filter((c) => c.name === 'MemberCode')).toHaveLength(2);
    // Its details note (status, colour) and the memo on the theme.
    const notes = new Map(all(qde, 'Note').map((n) => [n.attrs.get('guid'), n]));
    const members = set.children.filter((c) => c.name === 'MemberNote').map((m) => notes.get(m.attrs.get('targetGUID'))!);
    expect(members.map((n) => n.attrs.get('name'))).toEqual(['Pelanggan sebagai mitra: details', 'Tema']);
    expect(members[0]!.children.find((c) => c.name === 'PlainTextContent')!.text).toMatch(/^Status: candidate\nColour: #[0-9a-f]{6}$/);
  });

  it('writes informants as cases with typed variables and their documents', () => {
    const variables = new Map(all(qde, 'Variable').map((v) => [v.attrs.get('guid'), [v.attrs.get('name'), v.attrs.get('typeOfVariable')]]));
    expect([...variables.values()]).toEqual(expect.arrayContaining([
      ['Informant type', 'Text'], ['Informant name', 'Text'], ['city', 'Text'], ['years_in_business', 'Float'], ['gender', 'Text'],
    ]));
    const p01 = all(qde, 'Case').find((c) => c.attrs.get('name') === 'P-01')!;
    const values = Object.fromEntries(p01.children.filter((c) => c.name === 'VariableValue').map((v) => [variables.get(v.children[0]!.attrs.get('targetGUID'))![0], [v.children[1]!.name, v.children[1]!.text]]));
    expect(values).toMatchObject({ 'Informant type': ['TextValue', 'Pemilik UMKM'], 'Informant name': ['TextValue', 'Fitri Handayani'], city: ['TextValue', 'Yogyakarta'], years_in_business: ['FloatValue', '6'] });
    const kp09 = all(qde, 'Case').find((c) => c.attrs.get('name') === 'KP-09')!;
    expect(kp09.children.find((v) => v.name === 'VariableValue' && v.children[1]!.name === 'FloatValue')!.children[1]!.text).toBe('2.5');
    expect(p01.children.filter((c) => c.name === 'SourceRef')).toHaveLength(1);
    expect(all(qde, 'Case').find((c) => c.attrs.get('name') === 'K-04')!.children.filter((c) => c.name === 'SourceRef')).toHaveLength(0);
  });

  it('writes memos as notes referenced from what they annotate, and the journal as a set', () => {
    const notes = new Map(all(qde, 'Note').map((n) => [n.attrs.get('guid'), n]));
    // Six memos and the theme's details note.
    expect(notes.size).toBe(7);
    const refTargets = (el: XmlElement, name = 'NoteRef') => el.children.filter((c) => c.name === name).map((r) => notes.get(r.attrs.get('targetGUID'))!.attrs.get('name') ?? '');
    expect(refTargets(qde).sort()).toEqual(['Catatan awal', 'Refleksi']);
    expect(refTargets(all(qde, 'TextSource').find((s) => s.attrs.get('name') === 'A-01_asosiasi')!)).toEqual(['Tentang A-01']);
    expect(refTargets(all(qde, 'Code').find((s) => s.attrs.get('name') === 'Feedback pelanggan')!)).toEqual(['Definisi']);
    expect(all(qde, 'Coding').flatMap((c) => refTargets(c))).toEqual(['']);
    const journal = all(qde, 'Set').find((s) => s.attrs.get('name') === 'Reflexive journal')!;
    expect(refTargets(journal, 'MemberNote')).toEqual(['Refleksi']);
    const first = [...notes.values()].find((n) => n.attrs.get('name') === 'Catatan awal')!;
    expect(first.children.find((c) => c.name === 'PlainTextContent')!.text).toBe('Semua informan menyebut WA grup.\nBaris kedua & <tanda>.');
  });

  it('gives stable GUIDs: exporting twice gives the same ones', async () => {
    const again = await project.client.invoke('refi.exportProject', {});
    const second = parseXml(Buffer.from(unzipText(Buffer.from(again.base64!, 'base64'))['project.qde']!), 'again');
    const guids = (el: XmlElement) => all(el, 'Code').concat(all(el, 'TextSource'), all(el, 'Case'), all(el, 'Note'), all(el, 'PlainTextSelection')).map((e) => e.attrs.get('guid'));
    expect(guids(second)).toEqual(guids(qde));
    expect(new Set(guids(qde)).size).toBe(guids(qde).length);
    for (const guid of guids(qde)) expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
