import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeCodings, informantsOfCode, informantsPerCode, readCodings, spokenBy } from '../../../src/analysis/attribution';
import { IdIndex } from '../../../src/analysis/columnar';
import type { DocumentId, InformantId } from '../../../src/domain/ids';
import { matchSpeaker } from '../../../src/store/speakers';
import { random } from '../../bench/corpus';
import { addDocument } from '../../helpers/documents';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY, tempDir } from '../../helpers/temp-project';
import { sampleStudy } from '../analysis/fixture';
import { reopenedAs } from '../../helpers/test-store';

const people = [
  { id: 1 as InformantId, label: 'KP-01', name: 'Dimas Prasetyo' },
  { id: 2 as InformantId, label: 'KP-02', name: 'Ayu Larasati' },
  { id: 3 as InformantId, label: 'KP-03', name: 'Ayu Wulandari' },
];

describe('matching a speaker label to an informant', () => {
  it('matches the label, the full name, or a part of the name with honorifics dropped', () => {
    expect(matchSpeaker('KP-02', people)).toBe(2);
    expect(matchSpeaker('kp-01', people)).toBe(1);
    expect(matchSpeaker('Mas Dimas', people)).toBe(1);
    expect(matchSpeaker('Dimas Prasetyo', people)).toBe(1);
    expect(matchSpeaker('Mbak Ayu Larasati', people)).toBe(2);
    expect(matchSpeaker('Ayu W.', people)).toBe(3);
  });

  it('matches nobody when the label fits two informants or none', () => {
    expect(matchSpeaker('Mbak Ayu', people)).toBeNull();
    expect(matchSpeaker('Pak Budi', people)).toBeNull();
    expect(matchSpeaker('Mas', people)).toBeNull();
  });
});

describe('speakers of a document', () => {
  it('maps the group interview to its two speakers at import, the moderator to no one', async () => {
    const study = await sampleStudy();
    const speakers = await study.client.invoke('documents.speakers', { id: study.doc('KP-01') });
    const informants = await study.client.invoke('informants.list', {});
    const label = (id: number | null) => informants.find((i) => i.id === id)?.label ?? null;
    expect(speakers.map((s) => [s.speaker, s.role, label(s.informantId), s.turns])).toEqual([
      ['Moderator', 'interviewer', null, 11], ['Mas Dimas', 'informant', 'KP-01', 10], ['Mbak Ayu', 'informant', 'KP-02', 9],
    ]);
    expect(speakers[0]!.questions).toBeGreaterThan(speakers[1]!.questions);
    study.client.session.close();
  });

  it('counts questions as import does, emoji and all (offsets are UTF-16, not code points)', async () => {
    const dir = tempDir();
    const answer = 'Iya 😀😀😀😀😀😀😀😀 bagus.';
    fs.writeFileSync(path.join(dir, 'emoji.txt'), `Pewawancara: Suka?\nNarasumber: ${answer}\nPewawancara: Kenapa?\nNarasumber: ${answer}\nPewawancara: Lalu?\nNarasumber: ${answer}\n`);
    const client = await newProject();
    const report = await client.invoke('import.files', { paths: [path.join(dir, 'emoji.txt')] });
    const speakers = await client.invoke('documents.speakers', { id: report.imported[0]!.documentId });
    expect(speakers.map((s) => [s.speaker, s.turns, s.questions, s.characters])).toEqual([
      ['Pewawancara', 3, 3, 'Suka?'.length + 'Kenapa?'.length + 'Lalu?'.length], ['Narasumber', 3, 0, 3 * answer.length],
    ]);
    client.session.close();
  });

  it('takes the mapping from the informant sheet\'s speaker column when labels are not names', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'fgd.txt'), 'Moderator: Apa pendapatnya?\nPeserta 1: Bagus sekali.\nPeserta 2: Saya kurang setuju.\nModerator: Kenapa?\nPeserta 2: Harganya mahal.\nPeserta 1: Menurut saya wajar.\n');
    fs.writeFileSync(path.join(dir, 'sheet.csv'), 'file,informant_id,informant_type,name,speaker\nfgd.txt,K-10,Konsumen,Tika,Peserta 1\nfgd.txt,K-11,Konsumen,Wati,Peserta 2\n');
    const client = await newProject();
    const report = await client.invoke('import.folder', { folder: dir, sheet: path.join(dir, 'sheet.csv') });
    const documentId = report.imported[0]!.documentId;
    const informants = await client.invoke('informants.list', {});
    const label = (id: number | null) => informants.find((i) => i.id === id)?.label ?? null;
    expect((await client.invoke('documents.speakers', { id: documentId })).map((s) => [s.speaker, label(s.informantId)]))
      .toEqual([['Moderator', null], ['Peserta 1', 'K-10'], ['Peserta 2', 'K-11']]);
    client.session.close();
  });

  it('lets the researcher correct a speaker; every count follows, and undo puts it back', async () => {
    const study = await sampleStudy();
    const { client } = study;
    const kp = study.doc('KP-01');
    const codeId = await study.code('kritik kedai');
    await study.codeWord(codeId, 'KP-01', 'komunitas', 0); // Mbak Ayu speaking
    const informants = await client.invoke('informants.list', {});
    const kp01 = informants.find((i) => i.label === 'KP-01')!.id;
    const supporters = async () => (await client.invoke('codings.forCode', { codeId }))[0]!.informantLabels;
    expect(await supporters()).toEqual(['KP-02']);

    const speakers = await client.invoke('documents.setSpeaker', { id: kp, speaker: 'Mbak Ayu', role: 'informant', informantId: kp01 });
    expect(speakers.find((s) => s.speaker === 'Mbak Ayu')!.informantId).toBe(kp01);
    expect(await supporters()).toEqual(['KP-01']);
    // KP-02 now has no turn of her own: not interviewed, out of the denominator.
    const matrix = await client.invoke('analysis.triangulation', { rows: 'codes' });
    const community = matrix.columns.find((c) => c.label === 'Komunitas Pelanggan')!;
    expect(community).toMatchObject({ informants: 1, notInterviewed: ['KP-02'] });
    expect((await client.invoke('history.state', {})).undo).toBe('Set speaker "Mbak Ayu" of "KP-01_komunitas_kopi" to KP-01');

    await client.invoke('documents.setSpeaker', { id: kp, speaker: 'Mbak Ayu', role: 'interviewer', informantId: null });
    expect(await supporters()).toEqual([]);
    await client.invoke('history.undo', {});
    await client.invoke('history.undo', {});
    expect(await supporters()).toEqual(['KP-02']);
    expect((await client.invoke('analysis.triangulation', { rows: 'codes' })).columns.find((c) => c.label === 'Komunitas Pelanggan'))
      .toMatchObject({ informants: 2, notInterviewed: [] });
    client.session.close();
  });

  it('refuses a mapping that cannot be, and changes nothing', async () => {
    const study = await sampleStudy();
    const { client } = study;
    const kp = study.doc('KP-01');
    const p01 = (await client.invoke('informants.list', {})).find((i) => i.label === 'P-01')!.id;
    const before = await client.invoke('documents.speakers', { id: kp });
    await expect(client.invoke('documents.setSpeaker', { id: kp, speaker: 'Mas Dimas', role: 'informant', informantId: p01 }))
      .rejects.toMatchObject({ kind: 'invalid_args', message: expect.stringMatching(/not an informant of this document.*Add the informant to the document first/) });
    await expect(client.invoke('documents.setSpeaker', { id: kp, speaker: 'Mas Dimas', role: 'interviewer', informantId: p01 }))
      .rejects.toMatchObject({ kind: 'invalid_args', message: expect.stringMatching(/Only an informant speaker can be mapped/) });
    await expect(client.invoke('documents.setSpeaker', { id: kp, speaker: 'Pak Budi', role: 'informant', informantId: null }))
      .rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/has no speaker "Pak Budi"/) });
    expect(await client.invoke('documents.speakers', { id: kp })).toEqual(before);
    client.session.close();
  });

  it('swaps interviewer and informant of a transcript read the wrong way round, as one undo step', async () => {
    const study = await sampleStudy();
    const { client } = study;
    const m01 = study.doc('M-01');
    await client.invoke('documents.swapRoles', { ids: [m01] });
    const informants = await client.invoke('informants.list', {});
    const label = (id: number | null) => informants.find((i) => i.id === id)?.label ?? null;
    expect((await client.invoke('documents.speakers', { id: m01 })).map((s) => [s.speaker, s.role, label(s.informantId)]))
      .toEqual([['P', 'informant', 'M-01'], ['I', 'interviewer', null]]);
    await client.invoke('history.undo', {});
    expect((await client.invoke('documents.speakers', { id: m01 })).map((s) => [s.speaker, s.role, label(s.informantId)]))
      .toEqual([['P', 'interviewer', null], ['I', 'informant', 'M-01']]);
    client.session.close();
  });

  it('keeps turns of informants removed from a document out of their counts, and maps the new one', async () => {
    const client = await newProject();
    await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
    const docs = await client.invoke('documents.list', {});
    const kp = docs.find((d) => d.title.startsWith('KP-01'))!;
    const informants = await client.invoke('informants.list', {});
    const kp01 = informants.find((i) => i.label === 'KP-01')!.id;
    await client.invoke('documents.assign', { id: kp.id, informantIds: [kp01] });
    const speakers = await client.invoke('documents.speakers', { id: kp.id });
    // One informant left: every informant turn is hers or his, Ayu's included, as in any one-informant interview.
    expect(speakers.filter((s) => s.role === 'informant').map((s) => s.informantId)).toEqual([kp01, kp01]);
    client.session.close();
  });
});

describe('attribution over whole columns and passage by passage', () => {
  it('agrees with the rule written out plainly, coding by coding, on random passages of the sample study', async () => {
    const study = await sampleStudy();
    const { client } = study;
    const rand = random(9);
    const codeId = await study.code('acak');
    const note = await addDocument(client, 'Catatan tanpa giliran', 'Observasi di toko: pembeli memilih motif lewat katalog. Pemilik mencatat pesanan.');
    const informants0 = await client.invoke('informants.list', {});
    await client.invoke('documents.assign', { id: note, informantIds: [informants0[0]!.id, informants0[1]!.id] });
    for (const summary of await client.invoke('documents.list', {})) {
      const { text } = await client.invoke('documents.get', { id: summary.id });
      for (let k = 0; k < 40; k++) {
        const start = Math.floor(rand() * (text.length - 1));
        const end = Math.min(text.length, start + 1 + Math.floor(rand() * 600));
        try { await client.invoke('codings.apply', { documentId: summary.id as DocumentId, codeId, start, end }); } catch { /* the same range twice */ }
      }
    }
    const { db } = client.session.store;
    // The rule, plainly: every turn the range intersects, its informant if any; no turns → every linked informant.
    const turns = db.prepare('SELECT document_id AS d, start_offset AS s, end_offset AS e, informant_id AS i FROM turns').all() as { d: number; s: number; e: number; i: number | null }[];
    const links = db.prepare('SELECT document_id AS d, informant_id AS i FROM document_informants').all() as { d: number; i: number }[];
    const rule = (d: number, s: number, e: number): number[] => {
      const mine = turns.filter((t) => t.d === d);
      const ids = mine.length === 0 ? links.filter((l) => l.d === d).map((l) => l.i) : mine.filter((t) => t.s < e && s < t.e && t.i !== null).map((t) => t.i!);
      return [...new Set(ids)].sort((a, b) => a - b);
    };
    const informants = new IdIndex(db.prepare('SELECT id FROM informants ORDER BY id').pluck().all() as number[]);
    const codings = readCodings(db);
    const columnar = attributeCodings(db, codings, informants);
    const passage = spokenBy(db);
    expect(codings.count).toBeGreaterThan(400);
    let spanning = 0;
    let nobody = 0;
    for (let i = 0; i < codings.count; i++) {
      const [d, s, e] = [codings.documentIds[i]!, codings.starts[i]!, codings.ends[i]!];
      const expected = rule(d, s, e);
      if (expected.length > 1) spanning++;
      if (expected.length === 0) nobody++;
      const fromColumns = [...columnar.list.subarray(columnar.first[i]!, columnar.first[i + 1]!)].map((m) => informants.ids[m]!).sort((a, b) => a - b);
      expect(fromColumns, `coding ${i}`).toEqual(expected);
      expect([...passage(d, s, e)].sort((a, b) => a - b), `coding ${i}`).toEqual(expected);
    }
    // The random passages reach every case: several speakers, no one, a document without turns.
    expect(spanning).toBeGreaterThan(10);
    expect(nobody).toBeGreaterThan(10);
    expect(informantsPerCode(db).get(codeId)).toBe(informantsOfCode(db, codeId));
    expect(informantsOfCode(db, codeId)).toBeGreaterThan(10);
    client.session.close();
  });
});

describe('two coders in a group interview', () => {
  it('count the informant who spoke once, whoever coded the passage', async () => {
    const study = await sampleStudy();
    const codeId = await study.code('kritik kedai');
    await study.codeWord(codeId, 'KP-01', 'komunitas', 0); // Mbak Ayu speaking, coded by Peneliti A
    // One writer at a time: Peneliti A closes the project, B codes, A opens it again (on PostgreSQL, from what the database holds).
    const second = await reopenedAs(study.client, 'Peneliti B');
    const at = study.spokenAt('KP-01', 'komunitas', 0);
    await second.invoke('codings.apply', { documentId: study.doc('KP-01'), codeId, start: at, end: at + 'komunitas'.length });
    await second.invoke('codings.apply', { documentId: study.doc('KP-01'), codeId, start: study.spokenAt('KP-01', 'komunitas', 7), end: study.spokenAt('KP-01', 'komunitas', 7) + 9 });
    const client = await reopenedAs(second, 'Peneliti A');
    // Ayu's passage, coded alike by both, is one extract (the earlier coding stands for it).
    const extracts = await client.invoke('codings.forCode', { codeId });
    expect(extracts.map((e) => [e.coderName, e.informantLabels])).toEqual([
      ['Peneliti A', ['KP-02']], ['Peneliti B', ['KP-01']],
    ]);
    const row = (await client.invoke('analysis.triangulation', { rows: 'codes' })).rows.find((r) => r.id === codeId)!;
    const community = (await client.invoke('analysis.triangulation', { rows: 'codes' })).columns.findIndex((c) => c.label === 'Komunitas Pelanggan');
    // Ayu once (coded by both), Dimas once: two informants of the group, both interviewed.
    expect(row.informants).toBe(2);
    expect(row.cells[community]!.informants).toBe(2);
    expect((await client.invoke('codes.list', {})).find((c) => c.id === codeId)!.informantCount).toBe(2);
    client.session.close();
  });
});

describe('swapping roles for a whole import', () => {
  it('swaps every imported transcript whose researcher used I for the interviewer', async () => {
    const dir = tempDir();
    // Short questions by I, long answers by P, but too few turns for the transcript to tell by itself.
    fs.writeFileSync(path.join(dir, 'P-05.txt'), 'I: Siapa pelanggan Ibu?\nP: Ibu-ibu kantor, kadang reseller dari luar kota yang ambil banyak.\n');
    fs.writeFileSync(path.join(dir, 'sheet.csv'), 'file,informant_id,informant_type\nP-05.txt,P-05,Pemilik UMKM\n');
    const client = await newProject();
    const report = await client.invoke('import.folder', { folder: dir, sheet: path.join(dir, 'sheet.csv'), swapRoles: true });
    const p05 = (await client.invoke('informants.list', {})).find((i) => i.label === 'P-05')!.id;
    expect((await client.invoke('documents.speakers', { id: report.imported[0]!.documentId })).map((s) => [s.speaker, s.role, s.informantId]))
      .toEqual([['I', 'interviewer', null], ['P', 'informant', p05]]);
    client.session.close();
  });
});
