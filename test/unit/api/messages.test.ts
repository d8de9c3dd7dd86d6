import { describe, expect, it } from 'vitest';
import { errorInLanguage, TematikError } from '../../../src/domain/errors';
import { newProject } from '../../helpers/temp-project';

/** What a failed call carries back to the caller, in both languages. */
async function failure(call: Promise<unknown>): Promise<TematikError> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof TematikError)) throw new Error(`expected a TematikError, got ${String(error)}`);
  return error;
}

describe('errors reach the caller in Bahasa Indonesia', () => {
  it('renaming a code to a sibling\'s name is refused in both languages', async () => {
    const { invoke } = await newProject();
    await invoke('codes.create', { name: 'Kolaborasi' });
    const other = await invoke('codes.create', { name: 'Kemitraan' });
    const error = await failure(invoke('codes.update', { id: other.id, name: 'kolaborasi' }));
    expect(error.kind).toBe('conflict');
    expect(error.text).toEqual({
      en: 'A sibling code named "kolaborasi" already exists. Merge the two codes instead, or choose another name.',
      id: 'Sudah ada kode bernama "kolaborasi" di tingkat yang sama. Gabungkan kedua kode itu, atau pilih nama lain.',
    });
    expect(error.message).toBe(error.text!.en);
    expect(errorInLanguage(error.toInfo(), 'id').message).toBe(error.text!.id);
  });

  it('a message built from pieces is translated piece by piece', async () => {
    const { invoke } = await newProject();
    const theme = await invoke('themes.create', { name: 'Jejaring komunitas', codeIds: [] });
    const error = await failure(invoke('themes.update', { id: theme.id, status: 'defined' }));
    expect(error.text?.id).toBe('Tema "Jejaring komunitas" berstatus kandidat; statusnya bisa menjadi ditinjau atau disisihkan, bukan terdefinisi. '
      + 'Fase Braun & Clarke berjalan dari kandidat → ditinjau → terdefinisi.');
    expect(error.text?.en).toMatch(/is candidate; it can become reviewed or discarded, not defined/);
  });

  it('an id is written as it is, and a count the Indonesian way', async () => {
    const { invoke } = await newProject();
    expect((await failure(invoke('codes.update', { id: 12345 as never, name: 'x' }))).text?.id).toBe('Kode 12345 tidak ada. Muat ulang buku kode lalu coba lagi.');
    const type = await invoke('informantTypes.create', { name: 'Konsumen' });
    for (const label of ['K-01', 'K-02']) await invoke('informants.create', { label, typeId: type.id });
    expect((await failure(invoke('informantTypes.delete', { id: type.id }))).text?.id)
      .toBe('Jenis informan "Konsumen" masih punya 2 informan. Pindahkan mereka ke jenis lain lebih dulu; tidak ada yang dihapus.');
  });

  it('invalid arguments: the sentence is translated, the field problems stay as the contract words them', async () => {
    const { invoke } = await newProject();
    const error = await failure(invoke('codes.create', { name: '   ' }));
    expect(error.kind).toBe('invalid_args');
    expect(error.text?.id).toMatch(/^Argumen untuk codes\.create tidak valid: name: must not be empty/);
    expect(error.details).toEqual(['name: must not be empty']);
  });
});
