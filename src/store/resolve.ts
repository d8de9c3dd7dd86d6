import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import type { CoderId, CodingId, Utf16Offset } from '../domain/ids';
import { defineMessages } from '../domain/text';
import type { Coding } from '../domain/types';
import { codeName } from './codes';
import { getCoder } from './coders';
import { consensusCoder, findConsensusCoder } from './consensus';
import { getCoding, removeCoding, type CodingWriter } from './codings';

type Db = Database.Database;

const say = defineMessages({
  en: {
    mixed: 'The codings of one disagreement must be one code in one transcript; coding {id} is another. Refresh the comparison and try again.',
    ofConsensus: 'Coding {id} is already a consensus coding: a disagreement is settled between the coders\' own codings.',
    keptIsConsensus: 'Keep a coder\'s codings, not the consensus coder\'s: choose one of the two coders compared.',
    consensusThere: 'The consensus already has "{code}" on exactly this passage; nothing was changed.',
  },
  id: {
    mixed: 'Pengodean dalam satu ketidaksepakatan harus satu kode dalam satu transkrip; pengodean {id} berbeda. Muat ulang perbandingan lalu coba lagi.',
    ofConsensus: 'Pengodean {id} sudah merupakan pengodean konsensus: ketidaksepakatan diselesaikan di antara pengodean para pengode sendiri.',
    keptIsConsensus: 'Pertahankan pengodean seorang pengode, bukan pengode konsensus: pilih salah satu dari dua pengode yang dibandingkan.',
    consensusThere: 'Konsensus sudah memberi "{code}" pada bagian teks yang persis sama ini; tidak ada yang diubah.',
  },
});

/** How a disagreement is settled (see `codings.resolve` in the contract). */
export type Settlement =
  | { readonly kind: 'coder'; readonly coderId: CoderId }
  | { readonly kind: 'both' }
  | { readonly kind: 'consensus'; readonly start: Utf16Offset; readonly end: Utf16Offset };

export interface Resolved {
  /** The coders' codings removed (keeping the other coder's). */
  readonly removed: readonly CodingId[];
  /** The consensus codings recorded. */
  readonly recorded: readonly CodingId[];
}

/**
 * Settles one disagreement: the codings of one code in one transcript that the compared coders
 * made over one stretch of text. What the team settled on is recorded as consensus codings
 * (src/store/consensus.ts), which is what shows the disagreement as settled; keeping one coder's
 * reading also removes the other coder's codings there. The coders' other codings are untouched.
 */
export function resolveDisagreement(db: Db, writer: CodingWriter, codingIds: readonly CodingId[], settlement: Settlement): Resolved {
  const consensusId = findConsensusCoder(db);
  const codings = codingIds.map((id) => getCoding(db, id));
  const first = codings[0]!;
  for (const coding of codings) {
    if (coding.documentId !== first.documentId || coding.codeId !== first.codeId) throw new TematikError('invalid_args', say('mixed', { id: String(coding.id) }));
    if (coding.coderId === consensusId) throw new TematikError('invalid_args', say('ofConsensus', { id: String(coding.id) }));
  }
  if (settlement.kind === 'coder' && getCoder(db, settlement.coderId).consensus) throw new TematikError('invalid_args', say('keptIsConsensus'));

  const { documentId, codeId } = first;
  const kept = settlement.kind === 'coder' ? codings.filter((c) => c.coderId === settlement.coderId) : codings;
  const removed = settlement.kind === 'coder' ? codings.filter((c) => c.coderId !== settlement.coderId).map((c) => c.id) : [];
  for (const id of removed) removeCoding(db, id);

  const ranges = settlement.kind === 'consensus' ? [{ start: settlement.start, end: settlement.end }]
    : settlement.kind === 'both' ? union(kept) : kept.map(({ start, end }) => ({ start, end }));
  const consensus = consensusCoder(db);
  const recorded: CodingId[] = [];
  for (const { start, end } of ranges) {
    if (writer.coded(documentId, codeId, consensus, start, end)) {
      // Copies already there are fine (the same passage settled twice); a consensus range typed anew is not.
      if (settlement.kind === 'consensus') throw new TematikError('conflict', say('consensusThere', { code: codeName(db, codeId) }));
      continue;
    }
    recorded.push(writer.write(documentId, codeId, consensus, start, end));
  }
  return { removed, recorded };
}

/** Overlapping or touching ranges joined: both coders' readings as one stretch each. */
function union(codings: readonly Pick<Coding, 'start' | 'end'>[]): { start: Utf16Offset; end: Utf16Offset }[] {
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: Utf16Offset; end: Utf16Offset }[] = [];
  for (const { start, end } of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end) as Utf16Offset;
    else out.push({ start, end });
  }
  return out;
}
