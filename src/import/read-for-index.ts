import { documentUnits, unitStems } from '../search/indexer';
import { readTranscript } from './transcript';
import type { ParsedDocument } from './types';

/** Reads a transcript for an import: parsed, with the stems the search index will store for it. */
export async function readForIndex(file: string): Promise<ParsedDocument> {
  const doc = await readTranscript(file);
  return { ...doc, unitStems: unitStems(doc.text, documentUnits(doc.text, doc.turns)) };
}
