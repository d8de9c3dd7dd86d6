import fs from 'node:fs';
import type http from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UPLOAD_LIFETIME_MS, UploadStore, uploadName } from '../../../src/team-server/uploads';
import { tempDir } from '../../helpers/temp-project';

/** A request body as the server receives it, with the headers a page sends. */
function request(body: string, headers: Record<string, string>): http.IncomingMessage {
  const stream = new PassThrough();
  stream.end(body);
  return Object.assign(stream, { headers }) as unknown as http.IncomingMessage;
}

describe('uploads of the team server', () => {
  it('keeps a file under the name the page gave, for the session that sent it only', async () => {
    const store = new UploadStore(tempDir());
    const token = await store.receive(request('isi transkrip', { 'x-file-name': encodeURIComponent('P-01 wawancara.txt') }), 'session-a');
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
    const store = new UploadStore(tempDir(), () => now);
    const token = await store.receive(request('x', { 'x-file-name': 'a.txt' }), 'session-a');
    const file = store.stored(token, 'session-a')!;
    now += UPLOAD_LIFETIME_MS - 1;
    expect(store.stored(token, 'session-a')).toBe(file);
    now += 2;
    expect(store.stored(token, 'session-a')).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
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
