import type Database from 'better-sqlite3';
import type { PassageTime } from '../domain/types';

interface TimedTurn {
  readonly start: number;
  readonly startMs: number | null;
  readonly endMs: number | null;
}

/**
 * A lookup of when a passage was said in its recording: from the start time of the turn its first
 * character is in, to the end time of the turn its last character is in (or, when that turn has no
 * end, the start of the next timed turn; or no end). Null for a passage whose first turn has no time.
 * Each document's turns are read when first asked for, and only documents with a timed turn at all.
 */
export function passageTimes(db: Database.Database): (documentId: number, start: number, end: number) => PassageTime | null {
  const timed = new Set(db.prepare('SELECT DISTINCT document_id FROM turns WHERE start_ms IS NOT NULL').pluck().all() as number[]);
  const read = db.prepare('SELECT start_offset AS start, start_ms AS startMs, end_ms AS endMs FROM turns WHERE document_id = ? ORDER BY start_offset, seq');
  const turns = new Map<number, TimedTurn[]>();
  return (documentId, start, end) => {
    if (!timed.has(documentId)) return null;
    let list = turns.get(documentId);
    if (!list) {
      list = read.all(documentId) as TimedTurn[];
      turns.set(documentId, list);
    }
    const first = turnAt(list, start);
    const opening = first >= 0 ? list[first]! : null;
    if (opening?.startMs === null || opening === null) return null;
    const last = Math.max(first, turnAt(list, Math.max(start, end - 1)));
    const closing = list[last]!;
    let endMs = closing.endMs;
    for (let i = last + 1; endMs === null && i < list.length; i++) endMs = list[i]!.startMs;
    return { startMs: opening.startMs, endMs: endMs !== null && endMs > opening.startMs ? endMs : null };
  };
}

/** The index of the last turn starting at or before `offset`, or -1. */
function turnAt(list: readonly TimedTurn[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}
