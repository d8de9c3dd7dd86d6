import { documentUnits, unitBytes, unitStems } from '../search/indexer';
import { readTranscript } from './transcript';
import type { ParsedDocument } from './types';

/** Reads a transcript for an import: parsed, with the stems and byte ranges the search index will store for it. */
export async function readForIndex(file: string): Promise<ParsedDocument> {
  const doc = await readTranscript(file);
  const units = documentUnits(doc.text, doc.turns);
  return { ...doc, unitStems: unitStems(doc.text, units), unitBytes: unitBytes(doc.text, units) };
}
