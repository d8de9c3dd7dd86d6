import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { CodeId } from '../../../src/domain/ids';
import { addDocument } from '../../helpers/documents';
import { newProject } from '../../helpers/temp-project';

const TEXT = 'Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh.';

describe('codings.forCode with a limit', () => {
  let client: LocalClient;
  let codeId: CodeId;

  beforeEach(async () => {
    client = await newProject();
    // Titles out of their sorted order, so the first page is chosen by title, not by insertion.
    for (const title of ['C', 'A', 'B']) {
      const doc = await addDocument(client, title, TEXT);
      for (const word of ['tiga', 'satu', 'tujuh']) {
        const start = TEXT.toLowerCase().indexOf(word);
        codeId = (await client.invoke('codings.apply', { documentId: doc, start, end: start + word.length, codeName: 'angka' })).codeId;
      }
    }
  });
  afterEach(() => client.session.close());

  it('answers the first extracts of the whole list, in its order', async () => {
    const all = await client.invoke('codings.forCode', { codeId });
    expect(all.map((e) => `${e.documentTitle} ${e.quote}`)).toEqual(['A Satu', 'A tiga', 'A tujuh', 'B Satu', 'B tiga', 'B tujuh', 'C Satu', 'C tiga', 'C tujuh']);
    expect(await client.invoke('codings.forCode', { codeId, limit: 4 })).toEqual(all.slice(0, 4));
    expect(await client.invoke('codings.forCode', { codeId, limit: 50 })).toEqual(all);
  });
});
