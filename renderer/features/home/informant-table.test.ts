import { describe, expect, it } from 'vitest';
import type { AttributeId } from '../../../src/domain/ids';
import type { Attribute } from '../../../src/domain/types';
import {
  attributeChange, attributeColumns, attributeValue, informantRows, newColumnProblem, nextSort,
} from './informant-table';
import { informant } from './test-fixtures';

const attr = (id: number, name: string, valueType: Attribute['valueType'] = 'text'): Attribute => ({ id: id as AttributeId, name, valueType });

const people = [
  informant(1, 'P-10', 1, { city: 'Yogyakarta', years: '12' }, { name: 'Fitri' }),
  informant(2, 'P-2', 1, { city: 'Surakarta', years: '4' }, { name: 'Rina' }),
  informant(3, 'K-1', 2, { City: 'Bandung' }, { name: 'Dewi' }),
];

describe('attributeColumns', () => {
  it('joins stored attributes, names informants carry, and pending columns, case-insensitively', () => {
    const columns = attributeColumns([attr(1, 'city'), attr(2, 'years', 'number')], people, ['Sector', 'CITY']);
    expect(columns.map((c) => [c.name, c.pending])).toEqual([['city', false], ['years', false], ['Sector', true]]);
  });

  it('marks a column numeric only when every filled value is a number', () => {
    const columns = attributeColumns([attr(1, 'city'), attr(2, 'years')], [...people, informant(4, 'A-1', 1, { years: '2,5' })], []);
    expect(columns.find((c) => c.name === 'years')!.numeric).toBe(true);
    expect(columns.find((c) => c.name === 'city')!.numeric).toBe(false);
  });

  it('falls back to the stored value type for an empty column', () => {
    expect(attributeColumns([attr(1, 'employees', 'number')], [], [])[0]!.numeric).toBe(true);
  });
});

describe('attributeValue and attributeChange', () => {
  it('reads a value whatever the case of its name', () => {
    expect(attributeValue(people[2]!, 'city')).toBe('Bandung');
    expect(attributeValue(people[2]!, 'sector')).toBe('');
  });

  it('sends the trimmed value, null to clear, and nothing when unchanged', () => {
    expect(attributeChange(people[0]!, 'city', '  Sleman ')).toEqual({ city: 'Sleman' });
    expect(attributeChange(people[0]!, 'city', '   ')).toEqual({ city: null });
    expect(attributeChange(people[0]!, 'city', 'Yogyakarta ')).toBeNull();
    expect(attributeChange(people[0]!, 'sector', '')).toBeNull();
  });
});

describe('informantRows', () => {
  const columns = attributeColumns([attr(1, 'city'), attr(2, 'years')], people, []);

  it('filters by type', () => {
    expect(informantRows(people, 2 as never, { key: 'label', descending: false }, columns).map((i) => i.label)).toEqual(['K-1']);
  });

  it('sorts labels naturally and numbers numerically, empty cells last in both directions', () => {
    expect(informantRows(people, 'all', { key: 'label', descending: false }, columns).map((i) => i.label)).toEqual(['K-1', 'P-2', 'P-10']);
    expect(informantRows(people, 'all', { key: 'attr:years', descending: false }, columns).map((i) => i.label)).toEqual(['P-2', 'P-10', 'K-1']);
    expect(informantRows(people, 'all', { key: 'attr:years', descending: true }, columns).map((i) => i.label)).toEqual(['P-10', 'P-2', 'K-1']);
  });

  it('does not reorder the array it was given', () => {
    const before = people.map((i) => i.label);
    informantRows(people, 'all', { key: 'name', descending: true }, columns);
    expect(people.map((i) => i.label)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('sorts ascending by a new column and flips on the same one', () => {
    expect(nextSort({ key: 'label', descending: false }, 'name')).toEqual({ key: 'name', descending: false });
    expect(nextSort({ key: 'name', descending: false }, 'name')).toEqual({ key: 'name', descending: true });
  });
});

describe('newColumnProblem', () => {
  const columns = attributeColumns([attr(1, 'city')], [], []);
  it('refuses empty, duplicate and reserved names', () => {
    expect(newColumnProblem('  ', columns, [])).toBe('empty');
    expect(newColumnProblem('City', columns, [])).toBe('duplicate');
    expect(newColumnProblem('label', columns, ['Label'])).toBe('reserved');
    expect(newColumnProblem('sector', columns, ['Label'])).toBeNull();
  });
});
