import type { CodeId, CodingId } from '../../../src/domain/ids';
import type { Code, Coding } from '../../../src/domain/types';
import type { Ranged } from './blocks';

/** A coding with what the reader draws: its code's name and colour. */
export interface CodingView extends Ranged {
  readonly coding: Coding;
  readonly codeId: CodeId;
  readonly name: string;
  readonly colour: string;
  readonly inVivo: boolean;
}

/** The document's codings joined to their codes, by start (longer first), skipping codings whose code is not (yet) loaded. */
export function codingViews(codings: readonly Coding[], codes: readonly Code[]): CodingView[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const views: CodingView[] = [];
  for (const coding of codings) {
    const code = byId.get(coding.codeId);
    if (!code) continue;
    views.push({ id: coding.id, start: coding.start, end: coding.end, coding, codeId: code.id, name: code.name, colour: code.colour, inVivo: code.inVivo });
  }
  return views.sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
}

/** The codings overlapping `[start, end)`; `views` sorted by start. */
export function codingsIn(views: readonly CodingView[], start: number, end: number): CodingView[] {
  const found: CodingView[] = [];
  for (const v of views) {
    if (v.start >= end) break;
    if (v.end > start) found.push(v);
  }
  return found;
}

export const asCodingId = (id: number): CodingId => id as CodingId;
