import type { InformantId, InformantTypeId } from '../../../src/domain/ids';
import type { DocumentSummary, Informant, InformantType } from '../../../src/domain/types';

/** A document as one group lists it: with the informants it belongs to. */
export interface GroupedDocument {
  readonly document: DocumentSummary;
  /** Labels of all its informants, in label order (not only those of this group's type). */
  readonly informantLabels: readonly string[];
  /** More than one informant: a group interview, listed under every type it speaks for. */
  readonly shared: boolean;
}

export interface DocumentGroup {
  /** The informant type, or null for documents without an informant yet. */
  readonly typeId: InformantTypeId | null;
  readonly name: string;
  readonly colour: string;
  readonly documents: readonly GroupedDocument[];
  readonly words: number;
  readonly codings: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural order: "P-2" before "P-10", case and accents ignored. */
export const naturalCompare = (a: string, b: string): number => collator.compare(a, b);

/**
 * Groups documents by the informant types of their informants, in the types' own order.
 * A group interview with informants of two types appears under both, because it is evidence
 * for both in triangulation; within one type it appears once however many informants it has.
 * Documents with no (known) informant come last, in a group whose `typeId` is null.
 * Types without documents are left out.
 */
export function groupDocumentsByType(
  documents: readonly DocumentSummary[],
  informants: readonly Informant[],
  types: readonly InformantType[],
  unassignedName: string,
): DocumentGroup[] {
  const informantById = new Map<InformantId, Informant>(informants.map((i) => [i.id, i]));
  const byType = new Map<InformantTypeId, GroupedDocument[]>();
  const unassigned: GroupedDocument[] = [];
  const sorted = [...documents].sort((a, b) => naturalCompare(a.title, b.title));
  for (const document of sorted) {
    const own = document.informantIds.map((id) => informantById.get(id)).filter((i): i is Informant => i !== undefined);
    const entry: GroupedDocument = {
      document,
      informantLabels: own.map((i) => i.label).sort(naturalCompare),
      shared: own.length > 1,
    };
    if (own.length === 0) {
      unassigned.push(entry);
      continue;
    }
    for (const typeId of new Set(own.map((i) => i.typeId))) {
      const list = byType.get(typeId) ?? [];
      list.push(entry);
      byType.set(typeId, list);
    }
  }
  const group = (typeId: InformantTypeId | null, name: string, colour: string, docs: readonly GroupedDocument[]): DocumentGroup => ({
    typeId, name, colour, documents: docs,
    words: docs.reduce((sum, d) => sum + d.document.wordCount, 0),
    codings: docs.reduce((sum, d) => sum + d.document.codingCount, 0),
  });
  const groups = types
    .filter((type) => byType.has(type.id))
    .map((type) => group(type.id, type.name, type.colour, byType.get(type.id) ?? []));
  // An informant whose type is missing from the list (a stale read) still shows its documents.
  const knownTypes = new Set(types.map((t) => t.id));
  for (const [typeId, docs] of byType) {
    if (!knownTypes.has(typeId)) groups.push(group(typeId, informants.find((i) => i.typeId === typeId)?.typeName ?? String(typeId), '#999999', docs));
  }
  if (unassigned.length > 0) groups.push(group(null, unassignedName, '#bbbbbb', unassigned));
  return groups;
}
