import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/api/contract';
import { dispatch } from '../../../src/api/dispatch';
import { handlers } from '../../../src/api/handlers/index';
import { Session } from '../../../src/api/session';
import { addDocument } from '../../helpers/documents';
import { newProject } from '../../helpers/temp-project';

describe('the API boundary', () => {
  it('has exactly one handler for every contract entry', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('answers an unknown action with a typed error', async () => {
    const outcome = await dispatch('codes.explode', {}, { session: new Session({ coder: 'x' }), progress: () => undefined });
    expect(outcome).toEqual({ ok: false, error: {
      kind: 'unknown_action', message: '"codes.explode" is not a Tematik action.',
      text: { en: '"codes.explode" is not a Tematik action.', id: '"codes.explode" bukan tindakan Tematik.' },
    } });
  });

  it('rejects invalid arguments before any handler runs, naming each field', async () => {
    const client = await newProject();
    const ctx = { session: client.session, progress: () => undefined };
    const cases: [string, unknown, RegExp][] = [
      ['codes.create', { name: '   ' }, /name: must not be empty/],
      ['codes.create', { name: 'ok', colour: 'red' }, /colour: must be a colour like #1f77b4/],
      ['codes.create', { name: 'ok', extra: 1 }, /Unrecognized key/i],
      ['codings.apply', { documentId: 1, start: 0, end: 5 }, /give exactly one of codeId and codeName/],
      ['codings.apply', { documentId: -1, start: 0, end: 5, codeName: 'x' }, /documentId/],
      ['codings.apply', { documentId: 1, start: 1.5, end: 5, codeName: 'x' }, /start/],
      ['project.setPhase', { phase: 7 }, /phase: must be a phase from 1 to 6/],
      ['memos.create', { body: 'x', target: { kind: 'planet', id: 1 } }, /target/],
      ['import.files', { paths: [] }, /name at least one file/],
      ['documents.get', 'not an object', /Invalid arguments for documents.get/],
    ];
    for (const [name, args, message] of cases) {
      const outcome = await dispatch(name, args, ctx);
      expect(outcome.ok, `${name} ${JSON.stringify(args)}`).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.kind).toBe('invalid_args');
        expect(outcome.error.message).toMatch(message);
      }
    }
    expect(await client.invoke('codes.list', {})).toEqual([]);
  });

  it('reports a missing project, a missing row and a bad range as errors the user can act on', async () => {
    const none = await dispatch('codes.list', {}, { session: new Session({ coder: 'x' }), progress: () => undefined });
    expect(none.ok ? null : none.error.kind).toBe('no_project');

    const client = await newProject();
    await expect(client.invoke('documents.get', { id: 99 })).rejects.toMatchObject({ kind: 'not_found' });
    const doc = await addDocument(client, 'K-01', 'Aku suka banget 😍 produknya, beneran.');
    await expect(client.invoke('codings.apply', { documentId: doc, start: 5, end: 500, codeName: 'x' })).rejects.toThrow(/runs past the end of "K-01"/);
    await expect(client.invoke('codings.apply', { documentId: doc, start: 5, end: 5, codeName: 'x' })).rejects.toThrow(/empty or reversed/);
    // 😍 is two UTF-16 units at 16–17: ending between them would split it.
    await expect(client.invoke('codings.apply', { documentId: doc, start: 0, end: 17, codeName: 'x' })).rejects.toThrow(/splits a character/);
    const ok = await client.invoke('codings.apply', { documentId: doc, start: 0, end: 18, codeName: 'antusias' });
    expect(ok.quote).toBe('Aku suka banget 😍');
    expect((await client.invoke('codes.list', {})).map((c) => c.name)).toEqual(['antusias']);
  });

  it('keeps quotes exact next to emoji and combining marks', async () => {
    const client = await newProject();
    const text = 'Cafe\u0301 kami 👩🏽‍🍳 pakai resep baru; kolaborasinya seru.';
    const doc = await addDocument(client, 'P-02', text);
    const start = text.indexOf('pakai');
    const coding = await client.invoke('codings.apply', { documentId: doc, start, end: text.length, codeName: 'inovasi resep' });
    expect(coding.quote).toBe('pakai resep baru; kolaborasinya seru.');
    const first = await client.invoke('codings.apply', { documentId: doc, start: 0, end: text.indexOf(' kami'), codeName: 'tempat' });
    expect(first.quote).toBe('Cafe\u0301');
  });
});
