import type { DocumentId, InformantId, InformantTypeId } from '../../../src/domain/ids';
import type { DocumentSummary, Informant, InformantType } from '../../../src/domain/types';

/** Small builders for the home feature's tests; only the fields a test cares about need giving. */
export const type = (id: number, name: string, colour = '#336699'): InformantType => ({
  id: id as InformantTypeId, name, description: '', colour, informantCount: 0, interviewedCount: 0,
});

export const informant = (id: number, label: string, typeId: number, attributes: Record<string, string> = {}, extra: Partial<Informant> = {}): Informant => ({
  id: id as InformantId, label, name: '', typeId: typeId as InformantTypeId, typeName: `type ${typeId}`, attributes, documentIds: [], interviewed: true, ...extra,
});

export const doc = (id: number, title: string, informantIds: number[], extra: Partial<DocumentSummary> = {}): DocumentSummary => ({
  id: id as DocumentId, title, sourceName: `${title}.txt`, format: 'txt', encoding: 'utf-8', wordCount: 100, charCount: 600, turnCount: 10,
  codingCount: 0, informantIds: informantIds as InformantId[], importedAt: '2025-01-01T00:00:00Z', contentHash: '0'.repeat(64), ...extra,
});
