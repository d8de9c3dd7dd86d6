// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob } from '../../lib/download';
import { base64Blob, base64ToBytes, DOCX_TYPE, formatBytes } from './download';

/** Base64 of UTF-8 text or bytes, as the core sends files (the renderer has no Buffer). */
const toBase64 = (data: string | Uint8Array) => btoa(String.fromCharCode(...(typeof data === 'string' ? new TextEncoder().encode(data) : data)));

afterEach(() => vi.restoreAllMocks());

describe('base64ToBytes', () => {
  it('decodes every byte value, line breaks allowed', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const encoded = toBase64(all);
    expect([...base64ToBytes(encoded.replace(/(.{76})/g, '$1\r\n'))]).toEqual([...all]);
  });

  it('decodes the start of a .docx (a zip)', () => {
    expect([...base64ToBytes('UEsDBBQ=')]).toEqual([0x50, 0x4b, 0x03, 0x04, 0x14]);
    expect(base64ToBytes('').length).toBe(0);
  });

  it('refuses text that is not base64 instead of saving a damaged file', () => {
    expect(() => base64ToBytes('not base64!')).toThrow(/damaged/);
    expect(() => base64ToBytes('QUJDR')).toThrow(/damaged/);
  });
});

describe('base64Blob', () => {
  it('makes a Blob of the bytes with the media type', async () => {
    const blob = base64Blob(toBase64('Laporan tematik ✓'), DOCX_TYPE);
    expect(blob.type).toBe(DOCX_TYPE);
    expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe('Laporan tematik ✓');
  });
});

describe('downloadBlob', () => {
  it('clicks a hidden <a download> with the file name, then removes it', () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1');
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    const blob = new Blob(['a,b\n'], { type: 'text/csv;charset=utf-8' });
    downloadBlob(blob, 'codebook.csv');
    expect(create).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'codebook.csv', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});

describe('formatBytes', () => {
  it('reads as file managers show sizes, in each language', () => {
    expect(formatBytes(820, 'en-GB')).toBe('820 B');
    expect(formatBytes(4364, 'en-GB')).toBe('4.4 KB');
    expect(formatBytes(48_200, 'en-GB')).toBe('48 KB');
    expect(formatBytes(1_400_000, 'en-GB')).toBe('1.4 MB');
    expect(formatBytes(1_400_000, 'id-ID')).toBe('1,4 MB');
  });
});
