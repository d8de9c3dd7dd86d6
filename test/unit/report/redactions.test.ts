import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import { newProject } from '../../helpers/temp-project';

describe('names to hide in pseudonymised reports (redactions.*)', () => {
  let client: LocalClient & { file: string };
  const invoke: LocalClient['invoke'] = (name, args) => client.invoke(name, args);
  beforeEach(async () => { client = await newProject(); });
  afterEach(() => client.session.close());

  it('adds, lists, edits and removes names, each step undoable and in the audit trail', async () => {
    const shop = await invoke('redactions.add', { term: '  Kopi   Lereng ', replacement: '[kedai kopi]' });
    expect(shop).toMatchObject({ term: 'Kopi Lereng', replacement: '[kedai kopi]', createdAt: expect.any(String) });
    const person = await invoke('redactions.add', { term: 'Pak Slamet', replacement: '[pemasok]' });
    expect((await invoke('redactions.list', {})).map((r) => r.term)).toEqual(['Kopi Lereng', 'Pak Slamet']);

    expect(await invoke('redactions.update', { id: person.id, replacement: '[pemasok bahan]' })).toMatchObject({ term: 'Pak Slamet', replacement: '[pemasok bahan]' });
    await invoke('redactions.remove', { id: shop.id });
    expect((await invoke('redactions.list', {})).map((r) => [r.term, r.replacement])).toEqual([['Pak Slamet', '[pemasok bahan]']]);

    await invoke('history.undo', {});
    expect((await invoke('redactions.list', {})).map((r) => r.term)).toEqual(['Kopi Lereng', 'Pak Slamet']);
    await invoke('history.undo', {});
    expect((await invoke('redactions.list', {})).find((r) => r.id === person.id)?.replacement).toBe('[pemasok]');
    await invoke('history.redo', {});
    expect((await invoke('redactions.list', {})).find((r) => r.id === person.id)?.replacement).toBe('[pemasok bahan]');

    const audit = await invoke('audit.list', {});
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['redactions.add', 'redactions.update', 'redactions.remove']));
  });

  it('refuses empty terms and replacements with a message saying what to type', async () => {
    await expect(invoke('redactions.add', { term: '   ', replacement: '[x]' })).rejects.toMatchObject({ kind: 'invalid_args', message: expect.stringMatching(/term/) });
    await expect(invoke('redactions.add', { term: 'Kopi Lereng', replacement: '' })).rejects.toMatchObject({ kind: 'invalid_args', message: expect.stringMatching(/replacement/) });
    await expect(invoke('redactions.add', { term: '—', replacement: '[x]' })).rejects.toMatchObject({ kind: 'invalid_args', message: expect.stringMatching(/letter or digit/) });
    const added = await invoke('redactions.add', { term: 'Kopi Lereng', replacement: '[kedai]' });
    await expect(invoke('redactions.update', { id: added.id, term: ' ' })).rejects.toMatchObject({ kind: 'invalid_args' });
    expect(await invoke('redactions.list', {})).toHaveLength(1);
  });

  it('refuses a duplicate in any case, naming the entry to edit instead', async () => {
    const first = await invoke('redactions.add', { term: 'Kopi Lereng', replacement: '[kedai kopi]' });
    await expect(invoke('redactions.add', { term: 'KOPI lereng', replacement: '[lain]' }))
      .rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/"Kopi Lereng" is already in the list of names to hide \(replaced by "\[kedai kopi\]"\)/) });
    // Beyond ASCII too (SQLite's NOCASE folds only A–Z).
    await invoke('redactions.add', { term: 'Warung Ébé', replacement: '[warung]' });
    await expect(invoke('redactions.add', { term: 'warung ébé', replacement: '[warung]' })).rejects.toMatchObject({ kind: 'conflict' });
    const second = await invoke('redactions.add', { term: 'Sruput Jogja', replacement: '[kedai]' });
    await expect(invoke('redactions.update', { id: second.id, term: 'kopi LERENG' })).rejects.toMatchObject({ kind: 'conflict' });
    // Renaming an entry to its own term in another case is not a clash.
    expect((await invoke('redactions.update', { id: first.id, term: 'Kopi lereng' })).term).toBe('Kopi lereng');
    await expect(invoke('redactions.remove', { id: 999 })).rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/does not exist/) });
    expect(await invoke('redactions.list', {})).toHaveLength(3);
  });
});
