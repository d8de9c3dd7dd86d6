import { TematikError } from '../../domain/errors';
import { defineMessages } from '../../domain/text';
import type { CodeId, DocumentId, Utf16Offset } from '../../domain/ids';
import { sentenceAround } from '../../search/search';
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
  'search.query': ({ query, filters, sort, limit }, ctx) => ctx.session.data.search.query({ query, ...(filters ? { filters } : {}), ...(sort ? { sort } : {}), ...(limit ? { limit } : {}) }),
  'search.code': async ({ query, filters, hits, unit, codeId, codeName }, ctx) => {
    const { data } = ctx.session;
    const found = (await data.search.query({ query, filters: { role: 'informant', ...filters }, limit: Number.MAX_SAFE_INTEGER })).hits.filter((h) => h.kind === 'document');
    const chosen = hits ? found.filter((h) => hits.some((p) => p.documentId === h.documentId && p.start === h.start && p.end === h.end)) : found;
    if (hits && chosen.length < hits.length) {
      throw new TematikError('conflict', say('staleHits', { count: hits.length - chosen.length, query }));
    }
    if (chosen.length === 0) throw new TematikError('not_found', say('noHits', { query }));
    const text = new Map<DocumentId, string>();
    const textOf = async (id: DocumentId) => text.get(id) ?? (text.set(id, await data.documents.text(id)), text.get(id)!);
    const ranges = new Map<string, readonly [DocumentId, Utf16Offset, Utf16Offset]>();
    for (const hit of chosen) {
      const [start, end] = unit === 'hit' ? [hit.start, hit.end]
        : unit === 'turn' ? [hit.unitStart, hit.unitEnd]
        : sentenceAround(await textOf(hit.documentId!), hit.unitStart, hit.unitEnd, hit.start, hit.end);
      ranges.set(`${hit.documentId}:${start}:${end}`, [hit.documentId!, start as Utf16Offset, end as Utf16Offset]);
    }
    const label = codeId !== undefined ? await data.codes.name(codeId) : codeName!;
    const what = unit === 'hit' ? 'hit(s)' : unit === 'sentence' ? 'sentence(s)' : 'speaker turn(s)';
    return data.change({ action: 'search.code', summary: `Code ${ranges.size} ${what} of "${query}" as "${label}"`, args: { query, filters, unit, codeId, codeName, count: ranges.size } }, async (tx) => {
      const target: CodeId = codeId ?? await tx.codes.resolveName(codeName!, false);
      // Already coded like this: left as it is, so a repeated search-to-code adds only what is new.
      const { applied, skipped } = await tx.codings.applyNew(target, ranges.values());
      return { applied, skipped, codeId: target };
    });
  },
  'search.similar': ({ text }, ctx) => ctx.session.data.search.similar(text),
};
