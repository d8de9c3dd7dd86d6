import { describe, expect, it } from 'vitest';
import { TematikError } from '../../../src/domain/errors';
import { decodeText } from '../../../src/import/decode';

const SAMPLE = 'Pewawancara: Apa kabar, Bu?\r\nInforman: Baik — “co-creation” itu penting 😀\rSelesai.';
const NORMALISED = 'Pewawancara: Apa kabar, Bu?\nInforman: Baik — “co-creation” itu penting 😀\nSelesai.';

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

function badInput(fn: () => unknown): TematikError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TematikError);
    expect((error as TematikError).kind).toBe('bad_input');
    return error as TematikError;
  }
  throw new Error('expected a bad_input error');
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM and normalises line endings', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'), 'a.txt')).toEqual({ text: NORMALISED, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: NORMALISED, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: NORMALISED, encoding: 'utf-16le' });
  });

  it('reads UTF-16 BE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), swapPairs(Buffer.from(SAMPLE, 'utf16le'))]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: NORMALISED, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 LE and BE without a BOM', () => {
    const le = Buffer.from(SAMPLE, 'utf16le');
    expect(decodeText(le, 'a.txt')).toEqual({ text: NORMALISED, encoding: 'utf-16le' });
    expect(decodeText(swapPairs(le), 'a.txt')).toEqual({ text: NORMALISED, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 for old Word exports', () => {
    // “Café” – naïve’s  in cp1252
    const bytes = new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x92, 0x73, 0x0d, 0x0a, 0x80]);
    expect(decodeText(bytes, 'old.txt')).toEqual({ text: '“Café” – naïve’s\n€', encoding: 'windows-1252' });
  });

  it('refuses bytes that are undefined in Windows-1252', () => {
    const error = badInput(() => decodeText(new Uint8Array([0x41, 0x81, 0x42]), 'weird.txt'));
    expect(error.message).toMatch(/^weird\.txt: undecodable encoding/);
    expect(error.message).toContain('0x81');
    expect(error.message).toContain('save it as UTF-8');
  });

  it('refuses a binary file', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0xf3, 0xff, 0x61,
    ]);
    expect(badInput(() => decodeText(png, 'photo.txt')).message).toMatch(/^photo\.txt: looks like a binary file, not a transcript/);
  });

  it('refuses text made mostly of control characters', () => {
    const bytes = new Uint8Array([0x41, 0x01, 0x02, 0x03, 0x42, 0x43, 0x44, 0x45]);
    expect(badInput(() => decodeText(bytes, 'x.txt')).message).toContain('binary file');
  });

  it('refuses an empty or blank file', () => {
    expect(badInput(() => decodeText(new Uint8Array(0), 'interview3.txt')).message).toBe(
      'interview3.txt: the file is empty. Export the transcript again and re-import it.',
    );
    expect(badInput(() => decodeText(Buffer.from(' \r\n\t\n', 'utf8'), 'b.txt')).message).toContain('empty');
    expect(badInput(() => decodeText(Buffer.from([0xff, 0xfe]), 'c.txt')).message).toContain('empty');
  });

  it('refuses damaged UTF-16', () => {
    const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Halo', 'utf16le'), Buffer.from([0x41])]);
    expect(badInput(() => decodeText(odd, 'odd.txt')).message).toMatch(/^odd\.txt: .*odd number of bytes/);
    const loneSurrogate = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi', 'utf16le'), Buffer.from([0x3d, 0xd8, 0x41, 0x00])]);
    expect(badInput(() => decodeText(loneSurrogate, 'lone.txt')).message).toMatch(/^lone\.txt: .*invalid characters/);
  });

  it('names the kind of file in messages, in both languages', () => {
    expect(badInput(() => decodeText(new Uint8Array(0), 'informan.csv', 'informant sheet')).message).toContain('Export the informant sheet again');
    expect(badInput(() => decodeText(new Uint8Array(0), 'informan.csv', 'informant sheet')).text?.id).toBe('informan.csv: berkas ini kosong. Ekspor lagi lembar informannya, lalu impor ulang.');
    expect(badInput(() => decodeText(new Uint8Array([0x41, 0x81, 0x42]), 'aneh.txt')).text?.id).toMatch(/^aneh\.txt: pengodean tidak terbaca: .*\(byte 0x81 di posisi 1\)/);
  });
});
