import { describe, expect, it } from 'vitest';
import type { CoderId } from '../../../src/domain/ids';
import type { Coder, CoderList } from '../../../src/domain/types';
import { coderView, shows } from './coder-view';

const coder = (id: number, name: string, consensus = false): Coder => ({ id: id as CoderId, guid: `g${id}`, name, colour: '#4e79a7', createdAt: '', codings: 1, consensus });
const list = (over: Partial<CoderList> = {}): CoderList => ({ coders: [coder(1, 'Ayu'), coder(2, 'Bima'), coder(3, 'Consensus', true)], current: 'Ayu', chosen: true, blind: false, ...over });
const ids = (...n: number[]) => n.map((i) => i as CoderId);

describe('whose codings the coding views show', () => {
  it('everyone when nothing is chosen, or when every coder is', () => {
    expect(coderView(list(), null)).toMatchObject({ coderIds: null, names: [], blind: false });
    expect(coderView(list(), ids(1, 2, 3)).coderIds).toBeNull();
    expect(coderView(list(), null).people.map((c) => c.name)).toEqual(['Ayu', 'Bima']);
  });

  it('the chosen coders, named, keeping only those still in the project', () => {
    const view = coderView(list(), ids(2, 3, 9));
    expect(view).toMatchObject({ coderIds: [2, 3], names: ['Bima', 'Consensus'] });
    expect(shows(view, 2 as CoderId)).toBe(true);
    expect(shows(view, 1 as CoderId)).toBe(false);
    expect(coderView(list(), ids(9)).coderIds).toBeNull();
  });

  it('nobody\'s codings until it is known whether this coder codes blind', () => {
    const view = coderView(undefined, null);
    expect(view.known).toBe(false);
    expect(shows(view, 1 as CoderId)).toBe(false);
    expect(shows(coderView(list(), null), 1 as CoderId)).toBe(true);
  });

  it('blind mode shows the current coder only, whatever the filter; before their first coding, nobody', () => {
    expect(coderView(list({ blind: true }), ids(2))).toMatchObject({ coderIds: [1], names: ['Ayu'], blind: true });
    expect(coderView(list({ blind: true, current: 'Citra' }), null)).toMatchObject({ coderIds: [], names: ['Citra'], blind: true });
    expect(shows(coderView(list({ blind: true }), null), 2 as CoderId)).toBe(false);
  });
});
