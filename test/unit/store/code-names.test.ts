import { describe, expect, it } from 'vitest';
import type { DocumentId } from '../../../src/domain/ids';
import { addDocument } from '../../helpers/documents';
import { newProject } from '../../helpers/temp-project';

const TEXT = 'Narasumber: Kami pakai polling di Instagram, terus live di TikTok, dan riset kecil di grup WhatsApp.';

async function codebook() {
  const client = await newProject();
  const doc = await addDocument(client, 'P-01', TEXT) as DocumentId;
  const kanal = await client.invoke('codes.create', { name: 'Kanal digital' });
  const polling = await client.invoke('codes.create', { name: 'Polling', parentId: kanal.id });
  const apply = (codeName: string, word: string) => {
    const start = TEXT.indexOf(word);
    return client.invoke('codings.apply', { documentId: doc, start, end: start + word.length, codeName });
  };
  const count = async () => (await client.invoke('codes.list', {})).length;
  return { client, doc, kanal, polling, apply, count };
}

describe('naming a code by its place in the codebook', () => {
  it('finds a sub-code by its name alone, and never makes a top-level twin of it', async () => {
    const { client, polling, apply, count } = await codebook();
    const coding = await apply('polling', 'polling');
    expect(coding.codeId).toBe(polling.id);
    expect(await count()).toBe(2);
    client.session.close();
  });

  it('follows a path, and creates only its last part under an existing parent', async () => {
    const { client, kanal, polling, apply, count } = await codebook();
    expect((await apply('Kanal digital/Polling', 'polling')).codeId).toBe(polling.id);
    expect((await apply(' kanal digital / polling ', 'Instagram')).codeId).toBe(polling.id);
    const live = await apply('Kanal digital/Live TikTok', 'live');
    expect((await client.invoke('codes.list', {})).find((c) => c.id === live.codeId)).toMatchObject({ name: 'Live TikTok', parentId: kanal.id });
    await expect(apply('Kanal digital/Media/Reels', 'TikTok')).rejects.toMatchObject({
      kind: 'not_found', message: 'The codebook has no code "Media" under "Kanal digital", so "Kanal digital/Media/Reels" cannot be placed. Check the path, or create "Kanal digital/Media" first.',
    });
    expect(await count()).toBe(3);
    client.session.close();
  });

  it('keeps a name with a slash whole when it is not a path ("online/offline")', async () => {
    const { client, apply } = await codebook();
    const coding = await apply('online/offline', 'grup');
    expect((await client.invoke('codes.list', {})).find((c) => c.id === coding.codeId)).toMatchObject({ name: 'online/offline', parentId: null });
    client.session.close();
  });

  it('refuses a name two codes share, listing their paths, and changes nothing', async () => {
    const { client, doc, apply, count } = await codebook();
    const riset = await client.invoke('codes.create', { name: 'Riset pasar' });
    await client.invoke('codes.create', { name: 'Polling', parentId: riset.id });
    const message = 'The code name "Polling" is ambiguous: 2 codes have it ("Kanal digital/Polling", "Riset pasar/Polling"). Give the path of the one you mean, e.g. "Kanal digital/Polling".';
    await expect(apply('Polling', 'polling')).rejects.toMatchObject({ kind: 'invalid_args', message });
    const first = await apply('Riset pasar/Polling', 'riset');
    await expect(client.invoke('codings.recode', { id: first.id, codeName: 'Polling' })).rejects.toMatchObject({ kind: 'invalid_args', message });
    await expect(client.invoke('search.code', { query: 'polling', unit: 'hit', codeName: 'Polling' })).rejects.toMatchObject({ kind: 'invalid_args', message });
    expect(await count()).toBe(4);
    expect(await client.invoke('codings.forDocument', { documentId: doc })).toHaveLength(1);
    client.session.close();
  });
});
