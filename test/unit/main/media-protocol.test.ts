import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMediaRequestHandler } from '../../../main/media-protocol';
import type { Outcome } from '../../../src/api/contract';
import type { TematikError } from '../../../src/domain/errors';
import { newProject } from '../../helpers/temp-project';
import { FOUR_CUES_VTT, toneWav } from '../../helpers/wav';

/** The core's answer as the main process gets it from the worker: a value, or the error as data. */
async function outcome<T>(call: () => Promise<T>): Promise<Outcome<never>> {
  try {
    return { ok: true, value: await call() as never };
  } catch (error) {
    const e = error as TematikError;
    return { ok: false, error: { kind: e.kind, message: e.message, ...(e.text ? { text: e.text } : {}) } };
  }
}

describe('the tematik-media:// protocol handler', () => {
  let handle: (request: Request) => Promise<Response>;
  let id = 0;
  const bytes = toneWav(2);

  beforeAll(async () => {
    const p = await newProject();
    fs.writeFileSync(path.join(p.dir, 'S-01.vtt'), FOUR_CUES_VTT);
    await p.invoke('import.files', { paths: [path.join(p.dir, 'S-01.vtt')] });
    const [doc] = await p.invoke('documents.list', {});
    fs.writeFileSync(path.join(p.dir, 'S-01.wav'), bytes);
    id = (await p.invoke('recordings.link', { documentId: doc!.id, path: path.join(p.dir, 'S-01.wav') })).id;
    handle = createMediaRequestHandler({
      source: (recording) => outcome(() => p.invoke('recordings.source', { id: recording })) as Promise<Outcome<'recordings.source'>>,
      bytes: (recording, start, length) => outcome(() => p.invoke('recordings.bytes', { id: recording, start, length })) as Promise<Outcome<'recordings.bytes'>>,
    });
  });

  it('plays a linked recording by id, with ranges', async () => {
    const whole = await handle(new Request(`tematik-media://recording/${id}`));
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
    const part = await handle(new Request(`tematik-media://recording/${id}`, { headers: { range: 'bytes=10-19' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(10, 20));
    expect((await handle(new Request(`tematik-media://recording/${id}`, { headers: { range: `bytes=${bytes.length}-` } }))).status).toBe(416);
  });

  it('refuses other hosts, unlinked ids, paths and other methods', async () => {
    for (const url of [`tematik-media://other/${id}`, 'tematik-media://recording/999', 'tematik-media://recording/..%2F..%2Fetc%2Fpasswd', `tematik-media://recording/${id}/x`, 'tematik-media://recording/%2Fetc%2Fpasswd']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
    }
    expect((await handle(new Request(`tematik-media://recording/${id}`, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
