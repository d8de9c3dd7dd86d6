import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RANKED_PASSAGES } from '../../src/search/search';
import { newProject, tempDir } from '../helpers/temp-project';

describe('a word found in more passages than are ranked', () => {
  it('lists the informants\' passages in transcript order, from the start of each, then the interviewer\'s; a rarer word is still ranked', async () => {
    const client = await newProject();
    const folder = tempDir();
    const turns = (n: number, prefix: string) => Array.from({ length: n }, (_, i) =>
      `Pewawancara: Soal kopi ${prefix}${i}?\n\nNarasumber: ${i % 10 === 0 ? 'kopi susu kopi susu kopi teh' : `kopi ${'dan gula '.repeat(i % 5)}teh`} ${prefix}${i}.`).join('\n\n');
    // "a" is imported before "b"; in each, informants' turns hold "kopi" once or three times.
    fs.writeFileSync(path.join(folder, 'a.txt'), `${turns(600, 'a')}\n`);
    fs.writeFileSync(path.join(folder, 'b.txt'), `${turns(600, 'b')}\n`);
    await client.invoke('import.folder', { folder });
    const [a, b] = [...await client.invoke('documents.list', {})].sort((x, y) => x.title.localeCompare(y.title)).map((d) => d.id);

    const found = await client.invoke('search.query', { query: 'kopi' });
    expect(found.passages).toBe(2400);
    expect(found.passages).toBeGreaterThan(RANKED_PASSAGES);
    expect(found.total).toBe(2400);
    expect(found.hits).toHaveLength(200);
    // Informants first, in order: the first turn of "a" holds three hits, the next ones one each.
    expect(found.hits.every((h) => h.role === 'informant' && h.documentId === a)).toBe(true);
    expect(found.hits.map((h) => h.start)).toEqual([...found.hits.map((h) => h.start)].sort((x, y) => x - y));
    expect(found.hits.slice(0, 5).map((h) => h.after.trim().split(' ')[0])).toEqual(['susu', 'susu', 'teh', 'dan', 'dan']);
    const all = await client.invoke('search.query', { query: 'kopi', limit: 2000 });
    expect(all.hits.slice(0, 200)).toEqual(found.hits);
    // 1,440 hits in the informants' 1,200 passages, then the interviewer's, from the first transcript again.
    const runs = all.hits.map((h) => `${h.role} ${h.documentId}`).filter((run, i, list) => run !== list[i - 1]);
    expect(runs).toEqual([`informant ${a}`, `informant ${b}`, `interviewer ${a}`]);
    expect(all.hits.findIndex((h) => h.role === 'interviewer')).toBe(1440);

    // "teh" is said only by informants, in 1,200 passages: ranked by bm25, shorter passages with it first.
    const teh = await client.invoke('search.query', { query: 'teh' });
    expect(teh.passages).toBe(1200);
    expect(teh.hits.slice(0, 100).every((h) => h.before.trim() === 'kopi')).toBe(true);
    client.session.close();
  });
});
