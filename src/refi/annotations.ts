import { guidAttribute } from './guid';
import type { ImportNotes } from './notes';
import { PROJECT_NS, type XmlElement } from './xml';

/** One `<Link>` of a project: the two items it joins, its name and the notes it refers to. */
export interface RawLink {
  readonly guid: string | undefined;
  readonly name: string;
  readonly originGuid: string | undefined;
  readonly targetGuid: string | undefined;
  readonly noteGuids: readonly string[];
}

/** The links of `<Links>`, read before anything is known of what they join. */
export function readLinks(el: XmlElement, notes: ImportNotes): RawLink[] {
  const links: RawLink[] = [];
  for (const child of el.children) {
    if (child.ns !== PROJECT_NS || child.name !== 'Link') { notes.unknown(child, '<Links>'); continue; }
    links.push({
      guid: guidAttribute(child, 'guid'), name: child.attrs.get('name')?.trim() ?? '',
      originGuid: guidAttribute(child, 'originGUID'), targetGuid: guidAttribute(child, 'targetGUID'),
      noteGuids: child.children.filter((c) => c.ns === PROJECT_NS && c.name === 'NoteRef').map((c) => guidAttribute(c, 'targetGUID')).filter((g): g is string => g !== undefined),
    });
  }
  return links;
}

/**
 * NVivo writes an annotation as a `<Link>` from the `<Note>` holding its text to the
 * `<PlainTextSelection>` it annotates (QualCoder's importer reads them so, `parse_links` in
 * `src/qualcoder/refi.py`); either direction is accepted. Returns note GUID → selection GUID
 * for those, and the links that join anything else.
 */
export function annotationsOf(links: readonly RawLink[], isNote: (guid: string) => boolean, isSelection: (guid: string) => boolean): { annotations: Map<string, string>; others: RawLink[] } {
  const annotations = new Map<string, string>();
  const others: RawLink[] = [];
  for (const link of links) {
    const { originGuid: a, targetGuid: b } = link;
    if (a && b && isNote(a) && isSelection(b) && !annotations.has(a)) annotations.set(a, b);
    else if (a && b && isNote(b) && isSelection(a) && !annotations.has(b)) annotations.set(b, a);
    else others.push(link);
  }
  return { annotations, others };
}
