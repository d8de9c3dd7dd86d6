import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UPLOAD_LIFETIME_MS, UploadQuotaFull, UploadStore, uploadName } from '../../../src/team-server/uploads';
import { tempDir } from '../../helpers/temp-project';

/** A request body as the server receives it, with the headers a page sends. */
function request(body: string, headers: Record<string, string>): http.IncomingMessage {
  const stream = new PassThrough();
  stream.end(body);
  return Object.assign(stream, { headers }) as unknown as http.IncomingMessage;
}

/** What `find` finds, once it finds it (a write landing on the disk). */
async function until<T>(find: () => T | undefined): Promise<T> {
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('uploads of the team server', () => {
  it('keeps a file under the name the page gave, for the session that sent it only', async () => {
    const store = new UploadStore(tempDir());
    const token = await store.receive(request('isi transkrip', { 'x-file-name': encodeURIComponent('P-01 wawancara.txt') }), 'session-a', 'ayu');
    const file = store.stored(token, 'session-a');
    expect(file?.endsWith('/P-01 wawancara.txt')).toBe(true);
    expect(fs.readFileSync(file!, 'utf8')).toBe('isi transkrip');
    expect(store.stored(token, 'session-b')).toBeNull();
    store.dropAll('session-a');
    expect(store.stored(token, 'session-a')).toBeNull();
    expect(fs.existsSync(file!)).toBe(false);
  });

  it('lets an upload go after a day, file and all', async () => {
    let now = 1_000_000;
    const store = new UploadStore(tempDir(), { now: () => now });
    const token = await store.receive(request('x', { 'x-file-name': 'a.txt' }), 'session-a', 'ayu');
    const file = store.stored(token, 'session-a')!;
    now += UPLOAD_LIFETIME_MS - 1;
    expect(store.stored(token, 'session-a')).toBe(file);
    now += 2;
    expect(store.stored(token, 'session-a')).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('keeps a user\'s uploads, over all their sessions, within their quota; another user has a quota of their own', async () => {
    const MB = 1024 * 1024;
    const dir = tempDir();
    const store = new UploadStore(dir, { quotaBytes: 3 * MB });
    const megabytes = (n: number) => 'x'.repeat(n * MB);
    await store.receive(request(megabytes(2), { 'x-file-name': 'a.txt' }), 'session-a', 'ayu');
    expect(store.usedBy('ayu')).toBe(2 * MB);
    // Her second browser shares her quota: 2 MB more would make 4.
    const refused = await store.receive(request(megabytes(2), { 'x-file-name': 'b.txt' }), 'session-b', 'ayu').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UploadQuotaFull);
    expect((refused as UploadQuotaFull).text).toEqual({
      en: expect.stringMatching(/^This file does not fit in your upload space on this server: your uploads take 2 MB of the 3 MB each user may keep \(1 MB free\)\. .*log out in every browser.*"tematik serve --upload-quota"/),
      id: expect.stringMatching(/^Berkas ini tidak muat di ruang unggahan Anda di server ini: unggahan Anda memakai 2 MB dari 3 MB/),
    });
    // Nothing of the refused file is left on the disk.
    expect(fs.readdirSync(dir)).toHaveLength(1);
    expect(store.usedBy('ayu')).toBe(2 * MB);
    // What still fits is taken; another user's uploads are counted apart.
    await store.receive(request(megabytes(1), { 'x-file-name': 'c.txt' }), 'session-b', 'ayu');
    await store.receive(request(megabytes(3), { 'x-file-name': 'd.txt' }), 'session-c', 'bima');
    await expect(store.receive(request('x', { 'x-file-name': 'e.txt' }), 'session-a', 'ayu')).rejects.toBeInstanceOf(UploadQuotaFull);
    // Logging out of one browser frees what that session uploaded.
    store.dropAll('session-a');
    expect(store.usedBy('ayu')).toBe(1 * MB);
    await store.receive(request(megabytes(2), { 'x-file-name': 'f.txt' }), 'session-a', 'ayu');
    expect(store.usedBy('ayu')).toBe(3 * MB);
  });

  it('takes up, when the server starts again, the uploads kept whole and within their day, and deletes what a killed server left', async () => {
    const HOUR = 60 * 60 * 1000;
    const dir = tempDir();
    let now = 1_000_000_000;
    const before = new UploadStore(dir, { now: () => now });
    const old = await before.receive(request('lama', { 'x-file-name': 'lama.txt' }), 'session-a', 'ayu');
    const oldFile = before.stored(old, 'session-a')!;
    now += 23 * HOUR;
    const fresh = await before.receive(request('baru', { 'x-file-name': 'baru.txt' }), 'session-a', 'ayu');
    const cut = await before.receive(request('terpotong', { 'x-file-name': 'terpotong.txt' }), 'session-b', 'ayu');
    const cutFile = before.stored(cut, 'session-b')!;
    // An upload cut off midway: its body half in, the server killed before the rest came.
    const body = new PassThrough();
    const receiving = before.receive(Object.assign(body, { headers: { 'x-file-name': 'setengah.docx' } }) as unknown as http.IncomingMessage, 'session-a', 'ayu');
    body.write('PK\u0003\u0004 setengah');
    const partial = await until(() => fs.readdirSync(dir).find((entry) => {
      const file = path.join(dir, entry, 'file', 'setengah.docx');
      return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('setengah');
    }));
    expect(fs.existsSync(path.join(dir, partial, 'upload.json'))).toBe(false);
    // A file cut short after its record was written (a disk that filled up), and something that is no upload.
    fs.truncateSync(cutFile, 3);
    fs.writeFileSync(path.join(dir, 'catatan.txt'), 'bukan unggahan');
    const emptyRecord = path.join(dir, 'ab'.repeat(16));
    fs.mkdirSync(emptyRecord);
    fs.writeFileSync(path.join(emptyRecord, 'upload.json'), 'null');
    now += 2 * HOUR;

    const after = new UploadStore(dir, { now: () => now });
    // The fresh one works for its session as before, and is all that counts against the quota.
    expect(fs.readFileSync(after.stored(fresh, 'session-a')!, 'utf8')).toBe('baru');
    expect(after.usedBy('ayu')).toBe(4);
    // The expired one, the partial one, the cut one, one with an empty record and the stray file are gone from the disk.
    expect(after.stored(old, 'session-a')).toBeNull();
    expect(after.stored(cut, 'session-b')).toBeNull();
    expect(fs.existsSync(path.dirname(path.dirname(oldFile)))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([fresh.slice('upload:'.length)]);
    body.end();
    await expect(receiving).rejects.toThrow();
  });

  it('takes only a plain name from the header, never a place', () => {
    expect(uploadName(encodeURIComponent('../../etc/passwd'))).toBe('passwd');
    expect(uploadName(encodeURIComponent('C:\\Users\\ayu\\P-01.docx'))).toBe('P-01.docx');
    expect(uploadName('..')).toBeNull();
    expect(uploadName('%E0%A4%A')).toBeNull();
    expect(uploadName(undefined)).toBeNull();
    expect(uploadName(encodeURIComponent('a\u0000b.txt'))).toBe('ab.txt');
  });
});
