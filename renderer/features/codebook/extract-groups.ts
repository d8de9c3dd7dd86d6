import { csvRows } from '../../../src/domain/csv';
import type { Extract } from '../../../src/domain/types';

/** The extracts of one informant (or one group of informants interviewed together) within a type. */
export interface InformantGroup {
  /** The informant label, or the labels of a group interview joined with ", "; empty when the document has no informant. */
  readonly label: string;
  readonly extracts: readonly Extract[];
}

export interface TypeGroup {
  /** The informant type's name; empty for documents without an informant. */
  readonly type: string;
  readonly informants: readonly InformantGroup[];
  /** Distinct informants of this type that the extracts come from. */
  readonly informantCount: number;
  readonly extractCount: number;
}

export interface GroupOptions {
  /** Informant type names in the project's order; other types follow alphabetically. */
  readonly typeOrder?: readonly string[];
  /**
   * Informant label → type name. Needed for a group interview whose informants are of
   * different types: an extract only lists the document's labels and types side by side.
   */
  readonly typeOfLabel?: ReadonlyMap<string, string>;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The informants of an extract, each with its type. */
function informantsOf(extract: Extract, typeOfLabel: ReadonlyMap<string, string> | undefined): { label: string; type: string }[] {
  const types = extract.informantTypes;
  if (extract.informantLabels.length === 0) return [{ label: '', type: types[0] ?? '' }];
  return extract.informantLabels.map((label) => ({
    label,
    type: typeOfLabel?.get(label) ?? (types.length === 1 ? types[0]! : types.join(' + ')),
  }));
}

/**
 * Groups extracts by informant type, then informant: the shape of a triangulation table.
 * An extract from a group interview with informants of two types counts for both types
 * (each type's voice is in it), but only once in the totals of `summariseExtracts`.
 */
export function groupExtracts(extracts: readonly Extract[], options: GroupOptions = {}): TypeGroup[] {
  const byType = new Map<string, { informants: Map<string, Extract[]>; people: Set<string>; count: number }>();
  for (const extract of extracts) {
    const perType = new Map<string, string[]>();
    for (const { label, type } of informantsOf(extract, options.typeOfLabel)) {
      const labels = perType.get(type);
      if (labels) labels.push(label);
      else perType.set(type, [label]);
    }
    for (const [type, labels] of perType) {
      let group = byType.get(type);
      if (!group) byType.set(type, (group = { informants: new Map(), people: new Set(), count: 0 }));
      const key = labels.filter(Boolean).sort(collator.compare).join(', ');
      const list = group.informants.get(key);
      if (list) list.push(extract);
      else group.informants.set(key, [extract]);
      for (const label of labels) if (label) group.people.add(label);
      group.count++;
    }
  }
  const order = new Map((options.typeOrder ?? []).map((name, i) => [name, i]));
  const rank = (type: string) => (type === '' ? Number.MAX_SAFE_INTEGER : order.get(type) ?? order.size);
  return [...byType.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || collator.compare(a, b))
    .map(([type, group]) => ({
      type,
      informants: [...group.informants.entries()]
        .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
        .map(([label, list]) => ({ label, extracts: list })),
      informantCount: group.people.size,
      extractCount: group.count,
    }));
}

export interface ExtractSummary {
  readonly extracts: number;
  /** Distinct informants across all types. */
  readonly informants: number;
  /** Informant types that speak to the code (documents without an informant are not a type). */
  readonly types: number;
}

export function summariseExtracts(extracts: readonly Extract[], groups: readonly TypeGroup[]): ExtractSummary {
  const people = new Set(extracts.flatMap((e) => e.informantLabels));
  return { extracts: extracts.length, informants: people.size, types: groups.filter((g) => g.type !== '').length };
}

/** Column headings of the CSV, in the interface language. */
export interface CsvHeadings {
  readonly type: string;
  readonly informant: string;
  readonly document: string;
  readonly quote: string;
  /** Given when sub-codes are included, so each row says which code it carries. */
  readonly code?: string;
}

/** The extracts as CSV in Tematik's one dialect (src/domain/csv.ts), one row per extract. */
export function extractsCsv(extracts: readonly Extract[], headings: CsvHeadings, options: GroupOptions = {}): string {
  const rows: string[][] = [[headings.type, headings.informant, headings.document, headings.quote, ...(headings.code ? [headings.code] : [])]];
  for (const extract of extracts) {
    const informants = informantsOf(extract, options.typeOfLabel);
    const types = [...new Set(informants.map((i) => i.type))].filter(Boolean);
    rows.push([
      types.join('; '),
      informants.map((i) => i.label).filter(Boolean).join('; '),
      extract.documentTitle,
      extract.quote,
      ...(headings.code ? [extract.codeName] : []),
    ]);
  }
  return csvRows(rows);
}
