import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import { SafeZip } from '../../../src/refi/safe-zip';
import { newProject, tempDir } from '../../helpers/temp-project';
import { writeZip } from './fixture';

const GUID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A minimal valid project: one code, one text source in sources/, one coding. */
function projectQde(options: { path?: string; start?: number; end?: number; prolog?: string; ns?: string } = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>${options.prolog ?? ''}
<Project xmlns="${options.ns ?? 'urn:QDA-XML:project:1.0'}" name="Hostile">
  <CodeBook><Codes><Code guid="${GUID(1)}" name="kode" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${GUID(2)}" name="doc" plainTextPath="${options.path ?? `internal://${GUID(2)}.txt`}">
      <PlainTextSelection guid="${GUID(3)}" startPosition="${options.start ?? 0}" endPosition="${options.end ?? 5}">
        <Coding guid="${GUID(4)}"><CodeRef targetGUID="${GUID(1)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
}
const TEXT = 'Halo dunia, ini transkrip.';

/** The central directory record and local header of `name` in a zip, for crafting bad archives. */
function locate(zip: Uint8Array, name: string): { central: number; local: number } {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = view.readUInt32LE(eocd + 16);
  for (let i = 0; i < view.readUInt16LE(eocd + 10); i++) {
    const nameLength = view.readUInt16LE(p + 28);
    if (view.toString('latin1', p + 46, p + 46 + nameLength) === name) return { central: p, local: view.readUInt32LE(p + 42) };
    p += 46 + nameLength + view.readUInt16LE(p + 30) + view.readUInt16LE(p + 32);
  }
  throw new Error(`${name} is not in the zip`);
}

/** Rewrites the declared uncompressed size of an entry in both headers. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = Buffer.from(zip);
  const { central, local } = locate(copy, name);
  copy.writeUInt32LE(size, central + 24);
  copy.writeUInt32LE(size, local + 22);
  return copy;
}

async function expectRefused(client: LocalClient, file: string, message: RegExp): Promise<void> {
  await expect(client.invoke('refi.importProject', { path: file })).rejects.toMatchObject({ kind: 'bad_input', message: expect.stringMatching(message) });
  expect(await client.invoke('documents.list', {})).toEqual([]);
  expect(await client.invoke('codes.list', {})).toEqual([]);
  expect(await client.invoke('informants.list', {})).toEqual([]);
  expect(await client.invoke('memos.list', {})).toEqual([]);
  expect((await client.invoke('history.state', {})).undo).toBeNull();
}

const goodEntries = (qde = projectQde()): Record<string, string | Uint8Array> => ({ 'project.qde': qde, [`sources/${GUID(2)}.txt`]: TEXT });

describe('REFI-QDA import refuses hostile or broken files and writes nothing', () => {
  it('imports the well-formed baseline, so the refusals below are about the one thing changed', async () => {
    const client = await newProject();
    const report = await client.invoke('refi.importProject', { path: writeZip(goodEntries()) });
    expect(report).toMatchObject({ codes: 1, codings: 1 });
    const [doc] = await client.invoke('documents.list', {});
    expect((await client.invoke('codings.forDocument', { documentId: doc!.id }))[0]!.quote).toBe('Halo ');
  });

  it.each([
    ['../evil.txt', /points outside the archive/],
    ['sources/../../evil.txt', /points outside the archive/],
    ['..\\..\\evil.txt', /points outside the archive/],
    ['/etc/cron.d/evil', /absolute path/],
    ['\\Windows\\evil.txt', /absolute path/],
    ['C:\\Windows\\evil.txt', /drive letter/],
    ['c:evil.txt', /drive letter/],
  ])('refuses an entry named %s', async (name, message) => {
    const dir = tempDir();
    const client = await newProject();
    await expectRefused(client, writeZip({ ...goodEntries(), [name]: 'owned' }), message);
    expect(fs.existsSync(path.join(dir, '..', 'evil.txt'))).toBe(false);
  });

  it('refuses an entry whose local header says ../ while the directory looks harmless', async () => {
    const zip = Buffer.from(zipSync({ 'project.qde': strToU8(projectQde()), [`sources/${GUID(2)}.txt`]: strToU8(TEXT), 'sources/aaaaaaaa.txt': strToU8('x') }));
    const { local } = locate(zip, 'sources/aaaaaaaa.txt');
    zip.write('../../../evil.txt'.slice(0, 'sources/aaaaaaaa.txt'.length).padEnd('sources/aaaaaaaa.txt'.length, 'x'), local + 30, 'latin1');
    const file = path.join(tempDir(), 'crafted.qdpx');
    fs.writeFileSync(file, zip);
    await expectRefused(await newProject(), file, /points outside the archive/);
  });

  it('a path outside the archive is never read from this computer: only a file of that name inside sources/ is', async () => {
    const secret = path.join(tempDir(), 'rahasia.txt');
    fs.writeFileSync(secret, 'Data rahasia di laptop peneliti.');
    for (const plainTextPath of [secret, `absolute://${secret}`, `relative://../${path.basename(secret)}`, `file://${secret}`]) {
      const client = await newProject();
      const report = await client.invoke('refi.importProject', { path: writeZip(goodEntries(projectQde({ path: plainTextPath }))) });
      expect(report.imported).toEqual([]);
      expect(report.skipped.map((f) => f.reason).join(' ')).toMatch(/its text is outside the \.qdpx .* and no sources\/rahasia\.txt is inside it/);
      client.session.close();
    }
    // The same name packed inside the archive is read from there.
    const client = await newProject();
    const report = await client.invoke('refi.importProject', { path: writeZip({ 'project.qde': projectQde({ path: secret }), 'sources/rahasia.txt': TEXT }) });
    expect(report.imported).toHaveLength(1);
    const { text } = await client.invoke('documents.get', { id: report.imported[0]!.documentId });
    expect(text).toBe(TEXT);
    client.session.close();
  });

  it('refuses a plainTextPath that climbs out of sources/', async () => {
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde({ path: 'internal://../../etc/passwd' }))), /points outside the archive/);
  });

  it('refuses a declared size over the per-entry limit before inflating anything', async () => {
    const zip = declareSize(zipSync({ 'project.qde': strToU8(projectQde()), [`sources/${GUID(2)}.txt`]: strToU8(TEXT) }), `sources/${GUID(2)}.txt`, 60 * 1024 * 1024);
    const file = path.join(tempDir(), 'huge.qdpx');
    fs.writeFileSync(file, zip);
    await expectRefused(await newProject(), file, /would inflate to 60 MB, over the 50 MB limit/);
  });

  it('refuses a zip bomb: a high inflation ratio', async () => {
    const bomb = new Uint8Array(30 * 1024 * 1024);
    await expectRefused(await newProject(), writeZip({ ...goodEntries(), [`sources/${GUID(2)}.txt`]: bomb }), /looks like a zip bomb/);
  });

  it('stops inflating an entry that produces more than its directory declares', async () => {
    const zip = declareSize(zipSync({ 'project.qde': strToU8(projectQde()), [`sources/${GUID(2)}.txt`]: strToU8(TEXT) }), 'project.qde', 100);
    const file = path.join(tempDir(), 'lying.qdpx');
    fs.writeFileSync(file, zip);
    await expectRefused(await newProject(), file, /inflates to more than the .* its directory declares/);
  });

  it('refuses XML with a DOCTYPE: external entities and entity expansion', async () => {
    const xxe = '\n<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>';
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde({ prolog: xxe }))), /contains a DOCTYPE/);
    const laughs = '\n<!DOCTYPE Project [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde({ prolog: laughs }))), /contains a DOCTYPE/);
  });

  it('refuses a zip without project.qde', async () => {
    await expectRefused(await newProject(), writeZip({ 'sources/a.txt': TEXT, 'Project.xml': projectQde() }), /has no project\.qde/);
  });

  it('refuses a file that is not a zip', async () => {
    const dir = tempDir();
    const binary = path.join(dir, 'photo.qdpx');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(100).fill(7)]));
    await expectRefused(await newProject(), binary, /is not a zip file/);
    const xml = path.join(dir, 'codebook.qdpx');
    fs.writeFileSync(xml, '<?xml version="1.0"?><CodeBook/>');
    await expectRefused(await newProject(), xml, /is an XML file, not a zip/);
    const empty = path.join(dir, 'empty.qdpx');
    fs.writeFileSync(empty, '');
    await expectRefused(await newProject(), empty, /is not a zip file/);
  });

  it('refuses XML outside the REFI-QDA namespace', async () => {
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde({ ns: 'urn:example:other' }))), /not a REFI-QDA project: its root is <Project> in the namespace "urn:example:other"/);
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde().replace(' xmlns="urn:QDA-XML:project:1.0"', ''))), /<Project> without a namespace/);
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde().replace('<Project xmlns="urn:QDA-XML:project:1.0"', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"').replace(/<\/Project>$/, '</CodeBook>'))), /import it as a codebook/);
  });

  it('refuses XML that is not well-formed', async () => {
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde().replace('</Sources>', ''))), /not well-formed XML \(line \d+/);
  });

  it('refuses a selection outside its source\'s text', async () => {
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde({ end: TEXT.length + 1 }))), /runs from 0 to 27, outside the source's text \(26 characters\)/);
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde({ start: -3, end: 2 }))), /outside the source's text/);
    await expectRefused(await newProject(), writeZip(goodEntries(projectQde({ start: 9, end: 4 }))), /outside the source's text/);
  });

  it('counts code points, so a selection ending after an emoji is inside the text even where UTF-16 would run past it', async () => {
    const text = 'Mantap 👍';
    const client = await newProject();
    await client.invoke('refi.importProject', { path: writeZip({ 'project.qde': projectQde({ start: 7, end: 8 }), [`sources/${GUID(2)}.txt`]: text }) });
    const [doc] = await client.invoke('documents.list', {});
    expect((await client.invoke('codings.forDocument', { documentId: doc!.id }))[0]).toMatchObject({ start: 7, end: 9, quote: '👍' });
    await expectRefused(await newProject(), writeZip({ 'project.qde': projectQde({ start: 7, end: 9 }), [`sources/${GUID(2)}.txt`]: text }), /outside the source's text \(8 characters\)/);
  });
});

describe('SafeZip limits', () => {
  const zip = zipSync({ 'a.txt': strToU8('a'.repeat(600)), 'b.txt': strToU8('b'.repeat(600)), 'sub/': new Uint8Array(0) });
  const limits = { entryBytes: 1000, totalBytes: 1000, ratio: 1000, ratioFloorBytes: 1_000_000, entries: 10 };

  it('refuses inflating more than the total limit across entries, checked before inflating', () => {
    const archive = SafeZip.fromBytes(zip, 'two.zip', limits);
    expect(archive.entries.map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
    expect(() => archive.assertReadable(archive.entries)).toThrow(/would inflate to .* over the .* limit for one import/);
    expect(archive.read(archive.entry('A.TXT')!).toString()).toBe('a'.repeat(600));
    expect(() => archive.read(archive.entry('b.txt')!)).toThrow(/limit for one import/);
  });

  it('refuses an archive with more entries than allowed, and a damaged checksum', () => {
    expect(() => SafeZip.fromBytes(zip, 'many.zip', { ...limits, entries: 1 })).toThrow(/holds 3 entries/);
    const damaged = Buffer.from(zip);
    damaged.writeUInt32LE((damaged.readUInt32LE(locate(damaged, 'a.txt').central + 16) ^ 1) >>> 0, locate(damaged, 'a.txt').central + 16);
    const archive = SafeZip.fromBytes(damaged, 'crc.zip', limits);
    expect(() => archive.read(archive.entry('a.txt')!)).toThrow(/fails its checksum/);
  });

  it('refuses the same name twice', () => {
    const twice = Buffer.from(zipSync({ 'a.txt': strToU8('1'), 'A.txt': strToU8('2') }));
    expect(() => SafeZip.fromBytes(twice, 'twice.zip', limits)).toThrow(/contains the entry "A.txt" twice/);
  });
});
