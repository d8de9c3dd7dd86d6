import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { Result } from '../../../src/api/contract';
import type { Code, DocumentSummary } from '../../../src/domain/types';
import { newProject, tempDir } from '../../helpers/temp-project';
import { schemaErrors, writeZip } from './fixture';
import { reportNotes } from '../../helpers/report-notes';

const G = (n: number, braces = false) => {
  const guid = `A1B2C3D4-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return braces ? `{${guid}}` : guid;
};

/** A field transcript as a Windows tool writes it: UTF-8 with BOM, CRLF line endings, emoji before the coded words. */
const INTERVIEW = '\ufeffPewawancara: Rasanya gimana?\r\nNarasumber: Enak banget ☕😍 rasa kopinya kuat,\r\nharganya juga pas.\r\n';
const FIELD_NOTE = 'Catatan 🧾: pelanggan 👨‍👩‍👧 menawar harga Rp 25.000 di kasir.';

/** Start and end of `phrase` in code points, counted as the other tool does (over the raw text, CR LF and all, without the BOM). */
function codePoints(text: string, phrase: string): [number, number] {
  const raw = text.replace(/^\ufeff/, '');
  const start = [...raw.slice(0, raw.indexOf(phrase))].length;
  return [start, start + [...phrase].length];
}

const [rasaStart, rasaEnd] = codePoints(INTERVIEW, 'rasa kopinya kuat,\r\nharganya');
const [hargaStart, hargaEnd] = codePoints(FIELD_NOTE, 'menawar harga');

const UNKNOWN = [
  '<ext:Highlight colour="yellow"/>',
  '<FutureElement version="2"/>',
];

/** What another QDA program might write: braces and upper-case GUIDs, a PDF and an audio source, links, graphs, sets, extensions. */
const PROJECT = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:ext="urn:example:other-qda" name="Studi Kopi" origin="OtherQDA 24.1" creatingUserGUID="${G(1, true)}" creationDateTime="2024-05-01T09:00:00Z">
  <Users>
    <User guid="${G(1, true)}" name="Ana"/>
    <User guid="${G(2)}" id="BOB"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="${G(10, true)}" name="Kualitas" isCodable="false" color="#F00">
        <Description>Tentang kualitas produk</Description>
        <NoteRef targetGUID="${G(40)}"/>
        <Code guid="${G(11)}" name="Rasa" isCodable="true" color="#00AA00"/>
      </Code>
      <Code guid="${G(12)}" name="Harga" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${G(20)}" name="Role" typeOfVariable="Text"/>
    <Variable guid="${G(21)}" name="Age" typeOfVariable="Integer"/>
    <Variable guid="${G(22)}" name="Member" typeOfVariable="Boolean"/>
  </Variables>
  <Cases>
    <Case guid="${G(30)}" name="Ibu Sari">
      <VariableValue><VariableRef targetGUID="${G(20)}"/><TextValue>Barista</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G(21)}"/><IntegerValue>34</IntegerValue></VariableValue>
      <SourceRef targetGUID="${G(50, true)}"/>
    </Case>
    <Case guid="${G(31)}" name="Pak Budi">
      <VariableValue><VariableRef targetGUID="${G(22)}"/><BooleanValue>true</BooleanValue></VariableValue>
      <SelectionRef targetGUID="${G(61)}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${G(50)}" name="Wawancara Sari" plainTextPath="internal://${G(50)}.txt" creatingUser="${G(1)}">
      <Description>Interview 1</Description>
      <PlainTextSelection guid="${G(60)}" startPosition="${rasaStart}" endPosition="${rasaEnd}" creatingUser="${G(1)}" creationDateTime="2024-05-01T10:00:00Z">
        <Coding guid="${G(70)}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(11, true)}"/></Coding>
      </PlainTextSelection>
      <NoteRef targetGUID="${G(41)}"/>
      ${UNKNOWN[0]}
    </TextSource>
    <TextSource guid="${G(51)}" name="Catatan lapangan">
      <PlainTextContent>${FIELD_NOTE}</PlainTextContent>
      <PlainTextSelection guid="${G(61)}" startPosition="${hargaStart}" endPosition="${hargaEnd}">
        <Coding guid="${G(71)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(12)}"/></Coding>
        <NoteRef targetGUID="${G(42)}"/>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="${G(52)}" name="Brosur.pdf" path="internal://${G(52)}.pdf">
      <Representation guid="${G(53)}" plainTextPath="internal://${G(53)}.txt"/>
    </PDFSource>
    <AudioSource guid="${G(54)}" name="rekaman.mp3" path="relative://rekaman.mp3"/>
  </Sources>
  <Notes>
    <Note guid="${G(40)}" name="Kode kualitas" creatingUser="${G(2)}" creationDateTime="2024-05-02T08:00:00+07:00"><PlainTextContent>Memo kode &amp; catatan</PlainTextContent></Note>
    <Note guid="${G(41)}" name="Tentang Sari"><PlainTextContent>Memo dokumen</PlainTextContent></Note>
    <Note guid="${G(42)}"><PlainTextContent>Memo coding 😊</PlainTextContent></Note>
    <Note guid="${G(43)}" name="Umum"><PlainTextContent>Memo proyek</PlainTextContent></Note>
  </Notes>
  <Links>
    <Link guid="${G(80)}" name="menyebabkan" direction="OneWay" originGUID="${G(11)}" targetGUID="${G(12)}"/>
  </Links>
  <Sets>
    <Set guid="${G(81)}" name="Favorit"><MemberCode targetGUID="${G(11)}"/></Set>
  </Sets>
  <Graphs>
    <Graph guid="${G(82)}" name="Model"><Vertex guid="${G(83)}" representedGUID="${G(11)}" firstX="0" firstY="0"/></Graph>
  </Graphs>
  <Description>Studi kopi di Yogyakarta</Description>
  <NoteRef targetGUID="${G(43)}"/>
  ${UNKNOWN[1]}
</Project>
`;

describe('importing a .qdpx written by another QDA program', () => {
  let client: LocalClient;
  let report: Result<'refi.importProject'>;
  let documents: readonly DocumentSummary[];
  let codes: readonly Code[];

  beforeAll(async () => {
    client = await newProject();
    await client.invoke('codes.create', { name: 'Harga', colour: '#123456', description: 'sudah ada' });
    const file = writeZip({
      'project.qde': PROJECT,
      [`sources/${G(50)}.txt`]: INTERVIEW,
      [`sources/${G(52)}.pdf`]: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]),
      [`sources/${G(53)}.txt`]: 'Brosur kopi',
    });
    report = await client.invoke('refi.importProject', { path: file });
    documents = await client.invoke('documents.list', {});
    codes = await client.invoke('codes.list', {});
  });

  it('is a realistic file: without the two unknown elements it validates against Project.xsd', async () => {
    expect(await schemaErrors(UNKNOWN.reduce((xml, u) => xml.replace(u, ''), PROJECT), 'Project')).toEqual([]);
  });

  it('imports the text sources, from a file in sources/ and from PlainTextContent, with line endings normalised', async () => {
    expect(documents.map((d) => d.title).sort()).toEqual(['Catatan lapangan', 'Wawancara Sari']);
    const sari = await client.invoke('documents.get', { id: documents.find((d) => d.title === 'Wawancara Sari')!.id });
    expect(sari.text).toBe(INTERVIEW.replace(/^\ufeff/, '').replace(/\r\n/g, '\n'));
    expect(sari.format).toBe('qdpx');
    expect(sari.turns.map((t) => t.speaker)).toEqual(['Pewawancara', 'Narasumber']);
  });

  it('skips PDF and audio sources, and unknown elements, with a note instead of failing', () => {
    expect(report.skipped.map((s) => s.file).sort()).toEqual(['Brosur.pdf', 'rekaman.mp3']);
    expect(report.skipped.find((s) => s.file === 'Brosur.pdf')!.reason).toMatch(/PDF source; Tematik codes text only/);
    const notes = reportNotes(report.report).join('\n');
    expect(notes).toMatch(/Skipped PDF source\(s\)/);
    expect(notes).toMatch(/Skipped audio source\(s\)/);
    expect(notes).toMatch(/Skipped <Highlight> in the source "Wawancara Sari": it belongs to another program's extension \(namespace "urn:example:other-qda"\)/);
    expect(notes).toMatch(/Skipped <FutureElement> in <Project>: Tematik does not use it/);
    expect(notes).toMatch(/Skipped links between items other than themes/);
    expect(notes).toMatch(/Skipped 1 graph/);
    expect(notes).toMatch(/Sets of codes became candidate themes/);
    expect(notes).toMatch(/not codable .* imported as ordinary codes/);
  });

  it('imports codes with hierarchy and colours, keeping a code the project already has', () => {
    const byName = new Map(codes.map((c) => [c.name, c]));
    expect(byName.get('Kualitas')).toMatchObject({ parentId: null, colour: '#ff0000', description: 'Tentang kualitas produk' });
    expect(byName.get('Rasa')).toMatchObject({ parentId: byName.get('Kualitas')!.id, colour: '#00aa00' });
    expect(byName.get('Harga')).toMatchObject({ colour: '#123456', description: 'sudah ada' });
    expect(codes).toHaveLength(3);
    expect(report.codes).toBe(2);
  });

  it('converts code point positions to UTF-16 offsets, across emoji and a CR LF that became LF', async () => {
    const sari = documents.find((d) => d.title === 'Wawancara Sari')!;
    const [rasa] = await client.invoke('codings.forDocument', { documentId: sari.id });
    expect(rasa).toMatchObject({ quote: 'rasa kopinya kuat,\nharganya', coderName: 'BOB', createdAt: '2024-05-01T10:00:00Z' });
    const field = documents.find((d) => d.title === 'Catatan lapangan')!;
    const [harga] = await client.invoke('codings.forDocument', { documentId: field.id });
    expect(harga).toMatchObject({ quote: 'menawar harga', coderName: 'Ana', start: FIELD_NOTE.indexOf('menawar harga') });
    expect(report.codings).toBe(2);
  });

  it('turns cases into informants, typed by the variable that looks like a type, with the rest as attributes', async () => {
    const people = await client.invoke('informants.list', {});
    const sari = people.find((p) => p.label === 'Ibu Sari')!;
    expect(sari).toMatchObject({ typeName: 'Barista', attributes: { Age: '34' } });
    expect(sari.documentIds).toEqual([documents.find((d) => d.title === 'Wawancara Sari')!.id]);
    const budi = people.find((p) => p.label === 'Pak Budi')!;
    expect(budi).toMatchObject({ typeName: 'Imported', attributes: { Member: 'true' } });
    expect(budi.documentIds).toEqual([documents.find((d) => d.title === 'Catatan lapangan')!.id]);
    expect([...report.typesCreated].sort()).toEqual(['Barista', 'Imported']);
    expect(reportNotes(report.report).join('\n')).toMatch(/Informant types were taken from the variable "Role"; cases without a value became "Imported"/);
  });

  it('turns notes into memos on what they annotate', async () => {
    const memos = await client.invoke('memos.list', {});
    const byBody = new Map(memos.map((m) => [m.body, m]));
    expect(byBody.get('Memo kode & catatan')).toMatchObject({ title: 'Kode kualitas', author: 'BOB', target: { kind: 'code', id: codes.find((c) => c.name === 'Kualitas')!.id }, createdAt: '2024-05-02T08:00:00+07:00' });
    expect(byBody.get('Memo dokumen')!.target).toEqual({ kind: 'document', id: documents.find((d) => d.title === 'Wawancara Sari')!.id });
    expect(byBody.get('Memo coding 😊')!.target.kind).toBe('coding');
    expect(byBody.get('Memo proyek')).toMatchObject({ kind: 'memo', target: { kind: 'project' }, author: 'Peneliti A' });
    expect(report.memos).toBe(4);
  });

  it('creates the other tool\'s users as coders, and undoes the whole import in one step', async () => {
    const coders = client.session.store.db.prepare('SELECT name FROM coders ORDER BY name').pluck().all();
    expect(coders).toEqual(['Ana', 'BOB', 'Peneliti A']);
    await client.invoke('history.undo', {});
    expect(await client.invoke('documents.list', {})).toEqual([]);
    expect((await client.invoke('codes.list', {})).map((c) => c.name)).toEqual(['Harga']);
    expect(await client.invoke('informants.list', {})).toEqual([]);
    expect(await client.invoke('memos.list', {})).toEqual([]);
  });
});

describe('REFI-QDA codebook (.qdc) import', () => {
  it('adds the codes of a .qdc exported by Tematik, keeping codes the project already has', async () => {
    const from = await newProject();
    const parent = await from.invoke('codes.create', { name: 'Co-creation', colour: '#1f77b4', description: 'asli' });
    await from.invoke('codes.create', { name: 'Feedback', parentId: parent.id, colour: '#ff7f0e' });
    await from.invoke('codes.create', { name: 'Modal', colour: '#2ca02c' });
    const file = path.join(tempDir(), 'codes.qdc');
    await from.invoke('refi.exportCodebook', { path: file });

    const into = await newProject();
    await into.invoke('codes.create', { name: 'co-creation', colour: '#000000', description: 'milik proyek' });
    const result = await into.invoke('refi.importCodebook', { path: file });
    expect(result).toMatchObject({ created: 2, existing: 1 });
    expect(result.report).toEqual([expect.objectContaining({ kind: 'codes', found: 3, imported: 2, skipped: 1 })]);
    expect(reportNotes(result.report)).toEqual([expect.stringMatching(/^Already in the codebook under the same parent .*kept as they were/)]);
    const codes = await into.invoke('codes.list', {});
    const existing = codes.find((c) => c.name === 'co-creation')!;
    expect(existing).toMatchObject({ colour: '#000000', description: 'milik proyek' });
    expect(codes.find((c) => c.name === 'Feedback')).toMatchObject({ parentId: existing.id, colour: '#ff7f0e' });
    expect(codes.find((c) => c.name === 'Modal')).toMatchObject({ parentId: null, colour: '#2ca02c' });
    expect((await into.invoke('history.state', {})).undo).toBe('Import codebook codes.qdc');

    const again = await into.invoke('refi.importCodebook', { path: file });
    expect(again).toMatchObject({ created: 0, existing: 3 });
    expect(await into.invoke('codes.list', {})).toHaveLength(3);
  });

  it('refuses a .qdpx, a DOCTYPE and the wrong namespace, changing nothing', async () => {
    const client = await newProject();
    const dir = tempDir();
    const qdpx = writeZip({ 'project.qde': '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>' });
    await expect(client.invoke('refi.importCodebook', { path: qdpx })).rejects.toMatchObject({ message: expect.stringMatching(/is a zip file .*Import it as a project/) });
    const doctype = path.join(dir, 'x.qdc');
    fs.writeFileSync(doctype, '<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="&x;" isCodable="true"/></Codes></CodeBook>');
    await expect(client.invoke('refi.importCodebook', { path: doctype })).rejects.toMatchObject({ kind: 'bad_input', message: expect.stringMatching(/contains a DOCTYPE/) });
    const project = path.join(dir, 'y.qdc');
    fs.writeFileSync(project, '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>');
    await expect(client.invoke('refi.importCodebook', { path: project })).rejects.toMatchObject({ message: expect.stringMatching(/not a REFI-QDA codebook.*import it as a project/) });
    expect(await client.invoke('codes.list', {})).toEqual([]);
  });
});
