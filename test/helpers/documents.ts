import crypto from 'node:crypto';
import type { LocalClient } from '../../src/api/client';
import type { DocumentId } from '../../src/domain/ids';

/**
 * Stores a document as one change of the project's store (bypassing file import), for tests of
 * coding; through `ProjectData`, so that a team project writes it through to PostgreSQL too.
 */
export function addDocument(client: LocalClient, title: string, text: string): Promise<DocumentId> {
  return client.session.data.change({ action: 'test.addDocument', summary: `Add ${title}`, args: {} }, (tx) => tx.imports.storeDocument({
    title, sourceName: `${title}.txt`, format: 'txt', encoding: 'utf-8', text, turns: [], wordCount: text.split(/\s+/).length,
    contentHash: crypto.createHash('sha256').update(text).digest('hex'),
  }, []));
}
