import { throwIfCancelled } from '../../domain/cancellation';
import { TematikError } from '../../domain/errors';
import { defineMessages } from '../../domain/text';
import type { CodeId, DocumentId, Utf16Offset } from '../../domain/ids';
import { search, sentenceAround } from '../../search/search';
import { similar } from '../../search/similar';
import * as codes from '../../store/codes';
import { codingWriter } from '../../store/codings';
import type { HandlerGroup } from '../handler-types';

const say = defineMessages({
  en: {
    staleHits: '{count} of the chosen hits are no longer results of "{query}"; search again, then code. Nothing was coded.',
    noHits: '"{query}" has no hits in the transcripts to code.',
  },
  id: {
    staleHits: '{count} temuan yang dipilih bukan lagi hasil pencarian "{query}"; cari lagi, lalu beri kode. Tidak ada yang dikode.',
    noHits: '"{query}" tidak punya temuan di transkrip untuk diberi kode.',
  },
});

export const searchHandlers: HandlerGroup<'search'> = {
  'search.query': ({ query, filters, sort, limit }, ctx) => search(ctx.session.store.db, { query, ...(filters ? { filters } : {}), ...(sort ? { sort } : {}), ...(limit ? { limit } : {}) }),
  'search.code': ({ query, filters, hits, unit, codeId, codeName }, ctx) => {
    const { store } = ctx.session;
    const found = search(store.db, { query, filters: { role: 'informant', ...filters }, limit: Number.MAX_SAFE_INTEGER }).hits.filter((h) => h.kind === 'document');
    const chosen = hits ? found.filter((h) => hits.some((p) => p.documentId === h.documentId && p.start === h.start && p.end === h.end)) : found;
    if (hits && chosen.length < hits.length) {
      throw new TematikError('conflict', say('staleHits', { count: hits.length - chosen.length, query }));
    }
    if (chosen.length === 0) throw new TematikError('not_found', say('noHits', { query }));
    const text = new Map<number, string>();
    const textOf = (id: DocumentId) => text.get(id) ?? (text.set(id, store.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string), text.get(id)!);
    const ranges = new Map<string, [DocumentId, number, number]>();
    for (const hit of chosen) {
      const [start, end] = unit === 'hit' ? [hit.start, hit.end]
        : unit === 'turn' ? [hit.unitStart, hit.unitEnd]
        : sentenceAround(textOf(hit.documentId!), hit.unitStart, hit.unitEnd, hit.start, hit.end);
      ranges.set(`${hit.documentId}:${start}:${end}`, [hit.documentId!, start, end]);
    }
    const label = codeId !== undefined ? codes.codeName(store.db, codeId) : codeName!;
    const what = unit === 'hit' ? 'hit(s)' : unit === 'sentence' ? 'sentence(s)' : 'speaker turn(s)';
    return store.change({ action: 'search.code', summary: `Code ${ranges.size} ${what} of "${query}" as "${label}"`, args: { query, filters, unit, codeId, codeName, count: ranges.size } }, () => {
      const target: CodeId = codeId ?? codes.resolveCodeName(store.db, codeName!);
      const write = codingWriter(store.db);
      const coder = store.coderId();
      const exists = store.db.prepare('SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?');
      let applied = 0;
      let skipped = 0;
      for (const [documentId, start, end] of ranges.values()) {
        throwIfCancelled();
        // Already coded like this: leave it, so a repeated search-to-code adds only what is new.
        if (exists.get(documentId, target, coder, start, end)) { skipped++; continue; }
        write(documentId, target, coder, start as Utf16Offset, end as Utf16Offset);
        applied++;
      }
      return { applied, skipped, codeId: target };
    });
  },
  'search.similar': ({ text }, ctx) => similar(ctx.session.store.db, text),
};
