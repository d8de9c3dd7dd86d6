import { describe, expect, it } from 'vitest';
import type { CodeId, DocumentId, InformantTypeId } from '../../../src/domain/ids';
import type { Code, Informant } from '../../../src/domain/types';
import {
  activeFilterCount, attributeValues, codeOptions, narrowsToTranscripts, NO_FILTERS, toggle, toggleScope, toSearchFilters, type FilterState,
} from './search-request';

const with_ = (patch: Partial<FilterState>): FilterState => ({ ...NO_FILTERS, ...patch });

describe('toSearchFilters', () => {
  it('sends no filters for an untouched form', () => {
    expect(toSearchFilters(NO_FILTERS)).toBeUndefined();
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it('turns every narrowing filter into its contract field', () => {
    const filters = toSearchFilters(with_({
      typeIds: [2 as InformantTypeId, 1 as InformantTypeId],
      attribute: { name: 'city', value: 'Yogyakarta' },
      documentIds: [7 as DocumentId],
      codeId: 4 as CodeId,
      scope: ['memos', 'documents'],
    }));
    expect(filters).toEqual({
      informantTypeIds: [2, 1], attribute: { name: 'city', value: 'Yogyakarta' }, documentIds: [7], codeId: 4, scope: ['documents', 'memos'],
    });
  });

  it('ignores an attribute without a value and a scope of all three kinds', () => {
    expect(toSearchFilters(with_({ attribute: { name: 'city', value: '' }, scope: ['codes', 'memos', 'documents'] }))).toBeUndefined();
  });

  it('counts the narrowing filters and says when memos and codes drop out', () => {
    const state = with_({ typeIds: [1 as InformantTypeId], scope: ['documents'] });
    expect(activeFilterCount(state)).toBe(2);
    expect(narrowsToTranscripts(state)).toBe(true);
    expect(narrowsToTranscripts(with_({ scope: ['memos'] }))).toBe(false);
  });
});

describe('toggle and toggleScope', () => {
  it('adds and removes an item', () => {
    expect(toggle([1, 2], 3)).toEqual([1, 2, 3]);
    expect(toggle([1, 2, 3], 2)).toEqual([1, 3]);
  });

  it('keeps the last kind of scope on and the canonical order', () => {
    expect(toggleScope(['documents'], 'documents')).toEqual(['documents']);
    expect(toggleScope(['codes'], 'documents')).toEqual(['documents', 'codes']);
    expect(toggleScope(['documents', 'memos', 'codes'], 'memos')).toEqual(['documents', 'codes']);
  });
});

describe('attributeValues', () => {
  const informant = (attributes: Record<string, string>) => ({ attributes }) as unknown as Informant;
  it('lists the distinct non-empty values of one attribute, sorted', () => {
    const informants = [
      informant({ city: 'Yogyakarta' }), informant({ city: 'Semarang' }), informant({ city: ' Yogyakarta ' }),
      informant({ city: '' }), informant({ sector: 'Batik' }), informant({ city: 'bandung' }),
    ];
    expect(attributeValues(informants, 'city')).toEqual(['bandung', 'Semarang', 'Yogyakarta']);
    expect(attributeValues(informants, '')).toEqual([]);
  });
});

describe('codeOptions', () => {
  const code = (id: number, name: string, parentId: number | null) => ({ id, name, parentId }) as unknown as Code;
  it('flattens the codebook in tree order with depths, orphans at the top', () => {
    const codes = [code(1, 'Kolaborasi', null), code(2, 'Co-creation', 1), code(3, 'Anggaran', null), code(4, 'Polling', 2), code(5, 'Yatim', 99)];
    expect(codeOptions(codes).map((o) => `${o.depth}:${o.name}`)).toEqual(['0:Anggaran', '0:Kolaborasi', '1:Co-creation', '2:Polling', '0:Yatim']);
  });
});
