import crypto from 'node:crypto';
import type { LocalClient } from '../../src/api/client';
import type { DocumentId } from '../../src/domain/ids';
import { documentWriter } from '../../src/store/documents';

/** Stores a document straight through the store (bypassing file import), for tests of coding. */
export function addDocument(client: LocalClient, title: string, text: string): DocumentId {
  const { store } = client.session;
  return store.change({ action: 'test.addDocument', summary: `Add ${title}`, args: {} }, () => documentWriter(store.db)({
    title, sourceName: `${title}.txt`, format: 'txt', encoding: 'utf-8', text, turns: [], wordCount: text.split(/\s+/).length,
    contentHash: crypto.createHash('sha256').update(text).digest('hex'),
  }, []));
}
