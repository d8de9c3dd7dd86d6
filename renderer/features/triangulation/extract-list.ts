import type { DocumentId } from '../../../src/domain/ids';
import type { Extract, Informant } from '../../../src/domain/types';

/** The extracts of one transcript, with who speaks in it. */
export interface DocumentExtracts {
  readonly documentId: DocumentId;
  readonly title: string;
  readonly informantLabels: readonly string[];
  readonly informantTypes: readonly string[];
  readonly extracts: readonly Extract[];
}

/** Groups extracts by transcript, keeping the order they come in (the analysis sorts by title, then offset). */
export function byDocument(extracts: readonly Extract[]): readonly DocumentExtracts[] {
  const groups = new Map<number, { documentId: DocumentId; title: string; informantLabels: readonly string[]; informantTypes: readonly string[]; extracts: Extract[] }>();
  for (const extract of extracts) {
    let group = groups.get(extract.documentId);
    if (!group) {
      group = { documentId: extract.documentId, title: extract.documentTitle, informantLabels: extract.informantLabels, informantTypes: extract.informantTypes, extracts: [] };
      groups.set(extract.documentId, group);
    }
    group.extracts.push(extract);
  }
  return [...groups.values()];
}

/**
 * The members of a group who appear in none of the extracts: the people behind a
 * "3/4", named. An extract speaks for every informant of its transcript.
 */
export function silentMembers(members: readonly Informant[], extracts: readonly Extract[]): readonly Informant[] {
  const heard = new Set<string>();
  for (const extract of extracts) for (const label of extract.informantLabels) heard.add(label);
  return members.filter((member) => !heard.has(member.label));
}
