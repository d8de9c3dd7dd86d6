import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, tempDir } from '../helpers/temp-project';

describe('the first hits of a search', () => {
  it('are the same hits, in the same order, as the start of every hit, when passages hold several hits and outnumber the limit', async () => {
    const client = await newProject();
    const folder = tempDir();
    // 40 informant turns, each saying "kopi" a different number of times, so relevance orders them and most hold several hits.
    const turns = Array.from({ length: 40 }, (_, i) =>
      `Pewawancara: Bagaimana dengan bisnis ${i}?\n\nNarasumber: ${Array.from({ length: 1 + (i % 4) }, () => 'kopi kami dijual').join(' dan ')} di pasar ${'ramai '.repeat(i % 7)}sekali.`);
    fs.writeFileSync(path.join(folder, 'kedai.txt'), `${turns.join('\n\n')}\n`);
    await client.invoke('import.folder', { folder });
    const every = await client.invoke('search.query', { query: 'kopi', limit: 2000 });
    expect(every.passages).toBe(40);
    expect(every.total).toBe(every.hits.length);
    expect(every.hits.length).toBe(100);
    for (const limit of [1, 7, 12, 39, 41]) {
      const first = await client.invoke('search.query', { query: 'kopi', limit });
      expect(first.hits).toEqual(every.hits.slice(0, limit).map((hit) => ({ ...hit })));
      // Fewer passages read than match: the total counts passages, as it always has.
      expect(first.total).toBe(limit < 40 ? 40 : 100);
      expect(first.passages).toBe(40);
    }
  });

  it('are placed exactly in every turn of a transcript with emoji before them, each turn cut from one read of the transcript', async () => {
    const client = await newProject();
    const folder = tempDir();
    const text = ['Pewawancara: Mulai 😍 dari mana? 🙏🏽', 'Narasumber: Kopi 👍🏽 kami dari petani 🌱 lokal.', 'Pewawancara: Lalu? 😀', 'Narasumber: Cafe\u0301 kami 🎉 pakai kopi itu, 🙏 kopi terbaik.']
      .join('\n\n');
    fs.writeFileSync(path.join(folder, 'emoji.txt'), `${text}\n`);
    await client.invoke('import.folder', { folder });
    const { hits } = await client.invoke('search.query', { query: 'kopi', sort: 'document' });
    expect(hits.map((h) => h.match)).toEqual(['Kopi', 'kopi', 'kopi']);
    expect(hits.map((h) => h.after.trim().split(' ')[0])).toEqual(['👍🏽', 'itu,', 'terbaik.']);
    for (const hit of hits) expect(text.slice(hit.start, hit.end)).toBe(hit.match);
  });
});
