import { createHash } from 'node:crypto';
import type { DeidHit, DeidName, DeidPreview } from '../domain/deid';
import type { DocumentId, Utf16Offset } from '../domain/ids';
import type { TextEdit } from '../domain/text-edits';
import type { Turn } from '../domain/types';
import { nameFinder, replacementOf, type NameMatch } from './find';
import { SHARED_PLACEHOLDER, type DeidSpec } from './names';
import { SuspectTally } from './suspects';

/** What the preview reads of a transcript. */
export interface TranscriptForDeid {
  readonly id: DocumentId;
  readonly title: string;
  readonly text: string;
  readonly turns: readonly Turn[];
}

/** Characters of context either side of a hit. */
const CONTEXT = 50;

const squeeze = (text: string): string => text.replace(/\s+/g, ' ');

/**
 * The turn a hit belongs to: the one it lies in, or, in the speaker label before a turn ("Pak
 * Joko:"), the turn that label opens.
 */
function turnAt(turns: readonly Turn[], offset: number): Turn | null {
  return turns.find((t) => offset < t.end || (offset === t.start && t.start === t.end)) ?? null;
}

/** Of the names and transcripts a preview was made from: apply refuses when either changed since. */
export function fingerprintOf(specs: readonly DeidSpec[], transcripts: readonly TranscriptForDeid[]): string {
  const hash = createHash('sha256');
  for (const s of specs) hash.update(`${s.id}\u0000${s.name}\u0000${s.kind}\u0000${s.replacement}\u0001`);
  for (const t of transcripts) hash.update(`${t.id}\u0000`).update(t.text).update('\u0001');
  return hash.digest('hex');
}

/** Every hit in every transcript, with the names, the possible names no name covers, and the fingerprint to apply them by. */
export function previewDeid(specs: readonly DeidSpec[], transcripts: readonly TranscriptForDeid[]): DeidPreview {
  const find = nameFinder(specs);
  const byId = new Map(specs.map((s) => [s.id, s]));
  const counts = new Map<string, number>();
  const suspects = new SuspectTally();
  const hits: DeidHit[] = [];
  for (const doc of transcripts) {
    const matches = find(doc.text);
    suspects.add(doc.text, matches, doc.title);
    for (const m of matches) {
      const turn = turnAt(doc.turns, m.start);
      for (const owner of m.owners) counts.set(owner, (counts.get(owner) ?? 0) + 1);
      hits.push({
        id: hitId(doc.id, m),
        documentId: doc.id,
        documentTitle: doc.title,
        turnSeq: turn?.seq ?? null,
        speaker: turn?.speaker ?? null,
        start: m.start as Utf16Offset,
        end: m.end as Utf16Offset,
        text: doc.text.slice(m.start, m.end),
        before: squeeze(doc.text.slice(Math.max(0, m.start - CONTEXT), m.start)),
        after: squeeze(doc.text.slice(m.end, m.end + CONTEXT)),
        nameIds: m.owners,
        replacement: replacementOf(m, byId, SHARED_PLACEHOLDER),
      });
    }
  }
  const names: DeidName[] = specs.map((s) => ({
    id: s.id, name: s.name, kind: s.kind, replacement: s.replacement,
    informantId: s.informantId as DeidName['informantId'], hits: counts.get(s.id) ?? 0,
  }));
  return { names, hits, suspects: suspects.list(), fingerprint: fingerprintOf(specs, transcripts) };
}

export const hitId = (documentId: number, m: Pick<NameMatch, 'start' | 'end'>): string => `${documentId}:${m.start}:${m.end}`;

/** What applying a preview changes: the replacements per transcript (offsets into the text before any of them, as the transcript editor takes them), and per name how many hits became which pseudonym. */
export interface DeidPlan {
  readonly edits: ReadonlyMap<DocumentId, readonly TextEdit[]>;
  /** `nameId` → replacement → hits. */
  readonly replaced: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly total: number;
}

/**
 * The hits the user kept: all but `skipHits`, and but those whose every name is in `skipNames`
 * (a "Dewi" two informants share stays a hit while either is kept: it may be the kept one).
 */
export function planDeid(preview: DeidPreview, skipHits: ReadonlySet<string>, skipNames: ReadonlySet<string>): DeidPlan {
  const edits = new Map<DocumentId, TextEdit[]>();
  const replaced = new Map<string, Map<string, number>>();
  let total = 0;
  for (const hit of preview.hits) {
    if (skipHits.has(hit.id) || hit.nameIds.every((n) => skipNames.has(n))) continue;
    const list = edits.get(hit.documentId) ?? [];
    list.push({ start: hit.start, end: hit.end, text: hit.replacement });
    edits.set(hit.documentId, list);
    total += 1;
    for (const nameId of hit.nameIds.filter((n) => !skipNames.has(n))) {
      const per = replaced.get(nameId) ?? new Map<string, number>();
      per.set(hit.replacement, (per.get(hit.replacement) ?? 0) + 1);
      replaced.set(nameId, per);
    }
  }
  return { edits, replaced, total };
}
