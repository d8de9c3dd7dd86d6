import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { TematikError } from '../../../src/domain/errors';
import { isTranscriptFile, MAX_DOCX_BYTES, MAX_TEXT_BYTES, parseTranscript, readTranscript } from '../../../src/import/transcript';

async function badInput(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TematikError);
    expect((error as TematikError).kind).toBe('bad_input');
    return (error as TematikError).message;
  }
  throw new Error('expected a bad_input error');
}

const TRANSCRIPT = 'Wawancara K-03\nPeneliti: Apa itu co-creation bagi Ibu?\nInforman: Pelanggan ikut menentukan motif.\n';

describe('parseTranscript', () => {
  it('parses a UTF-16 text file into text, turns, words and hash', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TRANSCRIPT.replace(/\n/g, '\r\n'), 'utf16le')]);
    const doc = await parseTranscript('K-03 Bu Rina.TXT', bytes);
    expect(doc).toMatchObject({ title: 'K-03 Bu Rina', sourceName: 'K-03 Bu Rina.TXT', format: 'txt', encoding: 'utf-16le', text: TRANSCRIPT, wordCount: 13 });
    expect(doc.contentHash).toBe(createHash('sha256').update(TRANSCRIPT, 'utf8').digest('hex'));
    expect(doc.turns.map((t) => [t.speaker, t.role, doc.text.slice(t.start, t.end)])).toEqual([
      ['', 'unknown', 'Wawancara K-03'],
      ['Peneliti', 'interviewer', 'Apa itu co-creation bagi Ibu?'],
      ['Informan', 'informant', 'Pelanggan ikut menentukan motif.'],
    ]);
  });

  it('reads markdown as md', async () => {
    const doc = await parseTranscript('catatan.markdown', Buffer.from('**Peneliti:** Halo.\n**Informan:** Hai.'));
    expect(doc.format).toBe('md');
    expect(doc.turns).toHaveLength(2);
  });

  it('reads subtitles as one line per turn', async () => {
    const doc = await parseTranscript('rekaman.vtt', Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Peneliti>Halo.\n'));
    expect(doc).toMatchObject({ format: 'vtt', encoding: 'utf-8', text: 'Peneliti: Halo.\n', wordCount: 2 });
    const srt = await parseTranscript('rekaman.srt', Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nInforman: Ya.\n'));
    expect(srt).toMatchObject({ format: 'srt', text: 'Informan: Ya.\n' });
    expect(srt.turns[0]).toMatchObject({ speaker: 'Informan', startMs: 1000, endMs: 2000 });
  });

  it('parses Word files and their speaker turns', async () => {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Peneliti: Berapa omzetnya?'), new Paragraph('Informan: Rp 50.000.000,00 sebulan.')] }] }));
    const doc = await parseTranscript('K-04.docx', bytes);
    expect(doc).toMatchObject({ title: 'K-04', format: 'docx', encoding: 'docx', text: 'Peneliti: Berapa omzetnya?\nInforman: Rp 50.000.000,00 sebulan.', wordCount: 7 });
    expect(doc.turns.map((t) => doc.text.slice(t.start, t.end))).toEqual(['Berapa omzetnya?', 'Rp 50.000.000,00 sebulan.']);
  });

  it('refuses unsupported formats, listing the supported ones', async () => {
    expect(await badInput(parseTranscript('laporan.pdf', Buffer.from('%PDF-1.7')))).toBe(
      'laporan.pdf: ".pdf" files are not supported. Import a transcript as .txt, .md, .markdown, .docx, .vtt, .srt.',
    );
    expect(await badInput(parseTranscript('lama.doc', new Uint8Array(8)))).toMatch(/^lama\.doc: .*save it as a Word document \(\.docx\)/);
    expect(await badInput(parseTranscript('README', Buffer.from('x')))).toContain('has no extension');
  });

  it('refuses a file one byte over the size limit before decoding it', async () => {
    // Zero bytes would be refused as binary if they were decoded; the size check must come first.
    const text = new Uint8Array(MAX_TEXT_BYTES + 1);
    expect(await badInput(parseTranscript('besar.txt', text))).toBe(
      `besar.txt: the file is 10.0 MB (10,485,761 bytes), over the 10 MB limit for .txt files. Split it into several documents and import them one by one.`,
    );
    expect(await badInput(parseTranscript('besar.docx', new Uint8Array(MAX_DOCX_BYTES + 1)))).toContain('over the 50 MB limit for .docx files');
  });

  it('accepts a file exactly at the limit', async () => {
    const bytes = new Uint8Array(MAX_TEXT_BYTES).fill(0x61);
    bytes.set(Buffer.from('Peneliti: '));
    const doc = await parseTranscript('pas.txt', bytes);
    expect(doc.text.length).toBe(MAX_TEXT_BYTES);
    expect(doc.turns).toHaveLength(1);
  });

  it('knows which files are transcripts', () => {
    expect(['a.TXT', 'b.md', 'c.markdown', 'd.docx', 'e.vtt', 'f.srt'].every(isTranscriptFile)).toBe(true);
    expect(['a.doc', 'b.pdf', 'c', 'd.csv'].some(isTranscriptFile)).toBe(false);
  });
});

describe('readTranscript', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tematik-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file from disk', async () => {
    const file = path.join(dir, 'K-05.txt');
    writeFileSync(file, TRANSCRIPT);
    expect(await readTranscript(file)).toMatchObject({ title: 'K-05', sourceName: 'K-05.txt', text: TRANSCRIPT });
  });

  it('refuses a folder and a missing file', async () => {
    const folder = path.join(dir, 'folder.txt');
    mkdirSync(folder);
    expect(await badInput(readTranscript(folder))).toBe(`${folder} is not a regular file (it is a folder or a device). Choose a transcript file to import.`);
    expect(await badInput(readTranscript(path.join(dir, 'hilang.txt')))).toMatch(/hilang\.txt: the file does not exist\./);
  });
});
