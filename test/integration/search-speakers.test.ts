import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../src/api/client';
import type { DocumentId } from '../../src/domain/ids';
import { addDocument } from '../helpers/documents';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY } from '../helpers/temp-project';

describe('search that knows who is speaking', () => {
  let client: LocalClient;
  let note: DocumentId;
  const find = (query: string, filters: Record<string, unknown> = {}) => client.invoke('search.query', { query, filters, limit: 2000 });

  beforeAll(async () => {
    client = await newProject();
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    note = await addDocument(client, 'Catatan observasi', 'Pemilik bermitra dengan dua toko.\nModal usaha dari tabungan sendiri.');
  });

  it('names the speaker and role on every keyword-in-context line, and in a group interview only the speaker', async () => {
    const { hits } = await find('komunitas', { scope: ['documents'] });
    for (const hit of hits) expect(hit.role === null || ['interviewer', 'informant', 'unknown'].includes(hit.role)).toBe(true);
    // The transcript's heading names the community too: a turn of no one, role unknown.
    const heading = hits.filter((h) => h.title === 'KP-01_komunitas_kopi' && h.speaker === '');
    for (const hit of heading) expect(hit).toMatchObject({ role: 'unknown', informantLabels: [] });
    const group = hits.filter((h) => h.title === 'KP-01_komunitas_kopi' && h.speaker !== '');
    expect(new Set(group.map((h) => h.speaker))).toEqual(new Set(['Moderator', 'Mas Dimas', 'Mbak Ayu']));
    for (const hit of group) {
      const expected = { Moderator: [], 'Mas Dimas': ['KP-01'], 'Mbak Ayu': ['KP-02'] }[hit.speaker as 'Moderator'];
      expect(hit.informantLabels, `${hit.speaker}: ${hit.match}`).toEqual(expected);
      expect(hit.role).toBe(hit.speaker === 'Moderator' ? 'interviewer' : 'informant');
    }
  });

  it('filters by role, and ranks what informants said before the questions', async () => {
    const all = await find('komunitas', { scope: ['documents'] });
    const informants = await find('komunitas', { role: 'informant' });
    const interviewer = await find('komunitas', { role: 'interviewer' });
    expect(informants.hits.every((h) => h.role === 'informant' || (h.role === null && h.kind === 'document'))).toBe(true);
    expect(interviewer.hits.every((h) => h.role === 'interviewer')).toBe(true);
    expect(interviewer.total).toBeGreaterThan(0);
    const headers = all.hits.filter((h) => h.role === 'unknown').length;
    expect(informants.total + interviewer.total + headers).toBe(all.total);
    const firstQuestion = all.hits.findIndex((h) => h.role === 'interviewer');
    const lastAnswer = all.hits.map((h) => h.role).lastIndexOf('informant');
    expect(firstQuestion).toBeGreaterThan(lastAnswer);
  });

  it('filters a group interview by the speaker\'s attributes, not the document\'s', async () => {
    const women = await find('komunitas', { attribute: { name: 'gender', value: 'Perempuan' } });
    const group = women.hits.filter((h) => h.title === 'KP-01_komunitas_kopi');
    expect(group.length).toBeGreaterThan(0);
    for (const hit of group) expect(hit.speaker).toBe('Mbak Ayu');
  });

  it('codes only informants\' turns by default; the interviewer only when asked', async () => {
    const { codeId, applied } = await client.invoke('search.code', { query: 'komunitas', unit: 'hit', codeName: 'komunitas (cari)' });
    const spoken = await find('komunitas', { role: 'informant', scope: ['documents'] });
    expect(applied).toBe(spoken.hits.length);
    const extracts = await client.invoke('codings.forCode', { codeId });
    const kp = extracts.filter((e) => e.documentTitle === 'KP-01_komunitas_kopi');
    expect(kp.length).toBeGreaterThan(0);
    for (const e of kp) expect(e.informantLabels).toHaveLength(1);
    const questions = await client.invoke('search.code', { query: 'komunitas', unit: 'hit', codeName: 'pertanyaan komunitas', filters: { role: 'interviewer' } });
    const asked = await client.invoke('codings.forCode', { codeId: questions.codeId });
    expect(asked.length).toBe(questions.applied);
    for (const e of asked) expect(e.informantLabels).toEqual([]);
  });

  it('follows a corrected speaker at once, and its undo', async () => {
    const kp = (await client.invoke('documents.list', {})).find((d) => d.title === 'KP-01_komunitas_kopi')!.id;
    const ayu = async () => (await find('komunitas', { role: 'informant', documentIds: [kp] })).hits.filter((h) => h.speaker === 'Mbak Ayu');
    const before = (await ayu()).length;
    expect(before).toBeGreaterThan(0);
    await client.invoke('documents.setSpeaker', { id: kp, speaker: 'Mbak Ayu', role: 'interviewer', informantId: null });
    expect(await ayu()).toEqual([]);
    expect((await find('komunitas', { role: 'interviewer', documentIds: [kp] })).hits.filter((h) => h.speaker === 'Mbak Ayu')).toHaveLength(before);
    await client.invoke('history.undo', {});
    const back = await ayu();
    expect(back).toHaveLength(before);
    for (const hit of back) expect(hit.informantLabels).toEqual(['KP-02']);
  });

  it('says why a search found nothing', async () => {
    expect((await find('mitra DAN modal', { documentIds: [note] })).empty).toEqual({ kind: 'apart', terms: ['mitra', 'modal'] });
    expect((await find('mitra DAN zebrakuda')).empty).toEqual({ kind: 'missing', terms: ['zebrakuda'] });
    const types = await client.invoke('informantTypes.list', {});
    const consumers = types.find((t) => t.name === 'Konsumen')!.id;
    expect((await find('"Dinas Koperasi"', { informantTypeIds: [consumers] })).empty).toMatchObject({ kind: 'filtered', total: expect.any(Number) });
    expect((await find('zebrakuda')).empty).toBeNull();
    expect((await find('mitra')).empty).toBeUndefined();
  });
});
