import { useEffect, useMemo, useState } from 'react';
import type { Memo } from '../../../src/domain/types';
import { invoke } from '../../lib/api';
import { useQuery } from '../../lib/state';
import type { TargetLookups } from './memo-filter';

type CodingLookup = TargetLookups['codings'];

/**
 * Names for everything memos can be attached to. Codings are only looked up when some memo
 * is on a coding: the contract lists codings per document, so that costs one read per transcript.
 */
export function useTargetLookups(memos: readonly Memo[]): TargetLookups {
  const documents = useQuery('documents.list', {}).data;
  const codes = useQuery('codes.list', {}).data;
  const themes = useQuery('themes.list', {}).data;
  const needsCodings = memos.some((m) => m.target.kind === 'coding');
  const [codings, setCodings] = useState<CodingLookup>(new Map());

  // documents.list is read again after every change to codings (its counts), so a new list is the cue to look again.
  useEffect(() => {
    if (!needsCodings || !documents) return;
    let live = true;
    void Promise.all(documents.map((d) => invoke('codings.forDocument', { documentId: d.id }).catch(() => [])))
      .then((lists) => {
        if (!live) return;
        setCodings(new Map(lists.flat().map((c) => [c.id as number, { documentId: c.documentId, start: c.start, end: c.end, quote: c.quote }])));
      });
    return () => { live = false; };
  }, [needsCodings, documents]);

  return useMemo(() => ({
    documents: new Map((documents ?? []).map((d) => [d.id as number, d.title])),
    codes: new Map((codes ?? []).map((c) => [c.id as number, c.name])),
    themes: new Map((themes ?? []).map((t) => [t.id as number, t.name])),
    codings,
  }), [documents, codes, themes, codings]);
}
