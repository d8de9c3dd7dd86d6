import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/server/web-server';
import { tempDir } from '../helpers/temp-project';
import { FOUR_CUES_VTT, toneWav } from '../helpers/wav';

type Ok<T> = { ok: true; value: T };

describe('browser mode plays only recordings linked to the open project', () => {
  let server: WebServer;
  let origin: string;
  const dir = tempDir('tematik-media-');
  const wav = path.join(dir, 'S-01.wav');
  const bytes = toneWav(3);
  const secret = path.join(dir, 'rahasia.wav');
  let recordingId = 0;
  let embeddedId = 0;

  const call = async <T>(name: string, args: unknown) => {
    const response = await fetch(`${origin}/api/invoke`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-tematik-token': server.token }, body: JSON.stringify({ name, args }),
    });
    const outcome = await response.json() as Ok<T> | { ok: false; error: { message: string } };
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };
  const media = (id: number | string, range?: string, token = server.token) =>
    fetch(`${origin}/api/media/${id}?token=${token}`, { headers: range ? { range } : {} });

  beforeAll(async () => {
    const staticDir = tempDir('tematik-static-');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tematik</title>');
    server = await startWebServer({ staticDir, coder: 'Peneliti Web', host: { kind: 'browser', dataDir: tempDir() } });
    origin = new URL(server.url).origin;
    fs.writeFileSync(wav, bytes);
    fs.writeFileSync(secret, toneWav(2));
    for (const name of ['S-01', 'S-02']) fs.writeFileSync(path.join(dir, `${name}.vtt`), FOUR_CUES_VTT.replace('Ibu', name));
    await call('project.create', { path: path.join(dir, 'studi.tematik') });
    await call('import.files', { paths: [path.join(dir, 'S-01.vtt'), path.join(dir, 'S-02.vtt')] });
    const [first, second] = await call<{ id: number }[]>('documents.list', {});
    recordingId = (await call<{ id: number }>('recordings.link', { documentId: first!.id, path: wav })).id;
    embeddedId = (await call<{ id: number }>('recordings.link', { documentId: second!.id, path: wav, embed: true })).id;
  });
  afterAll(() => server.close());

  it('answers the whole file (200), a range (206) and an unsatisfiable range (416)', async () => {
    const whole = await media(recordingId);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);

    const part = await media(recordingId, 'bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(part.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));

    const open = await media(recordingId, 'bytes=40000-');
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer())).toEqual(bytes.subarray(40000));
    const suffix = await media(recordingId, 'bytes=-10');
    expect(suffix.headers.get('content-range')).toBe(`bytes ${bytes.length - 10}-${bytes.length - 1}/${bytes.length}`);

    for (const bad of [`bytes=${bytes.length}-`, 'bytes=500-100', 'bytes=-0']) {
      const refused = await media(recordingId, bad);
      expect(refused.status, bad).toBe(416);
      expect(refused.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    }
  });

  it('serves an embedded recording in ranges too', async () => {
    const part = await media(embeddedId, 'bytes=0-43');
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(0, 44));
    const whole = await media(embeddedId);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
  });

  it('refuses without the token, an id no transcript has, and anything that looks like a path', async () => {
    expect((await media(recordingId, undefined, 'f'.repeat(48))).status).toBe(403);
    expect((await media(999)).status).toBe(404);
    for (const target of ['0', '-1', '1.5', 'abc', encodeURIComponent(secret), '%2e%2e%2frahasia.wav', '..%2f..%2fetc%2fpasswd']) {
      const response = await media(target);
      expect([400, 404], target).toContain(response.status);
      expect(response.headers.get('content-type')).not.toBe('audio/wav');
    }
    const raw = await new Promise<string>((resolve, reject) => {
      const { port, host } = new URL(origin);
      let response = '';
      const socket = net.connect(Number(port), '127.0.0.1', () =>
        socket.write(`GET /api/media/../../rahasia.wav?token=${server.token} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => { response += chunk; });
      socket.on('end', () => resolve(response));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 (400|404)/);
    expect(await (await media(recordingId, undefined)).arrayBuffer()).toHaveProperty('byteLength', bytes.length);
  });

  it('refuses a linked file replaced by a link to another file', async () => {
    const moved = path.join(dir, 'S-01.asli.wav');
    fs.renameSync(wav, moved);
    fs.symlinkSync(secret, wav);
    try {
      const response = await media(recordingId);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('has that name but other content');
    } finally {
      fs.rmSync(wav);
      fs.renameSync(moved, wav);
    }
    expect((await media(recordingId, 'bytes=0-3')).status).toBe(206);
  });

  it('answers a missing recording with the message that says where it was looked for', async () => {
    const aside = path.join(tempDir(), 'S-01.wav');
    fs.renameSync(wav, aside);
    try {
      const response = await media(recordingId);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain(`was not found. Looked in: ${wav}.`);
    } finally {
      fs.renameSync(aside, wav);
    }
  });
});
