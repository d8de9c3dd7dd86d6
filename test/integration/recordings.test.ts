import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../src/api/client';
import type { DocumentId } from '../../src/domain/ids';
import { EMBED_LIMIT_BYTES, formatTimeRange } from '../../src/domain/recordings';
import { newProject, tempDir } from '../helpers/temp-project';
import { FOUR_CUES_VTT, toneWav } from '../helpers/wav';
import { docxParts, plainText } from '../unit/report/docx-parts';

/** A project with one timestamped transcript and a 9-second WAV beside it. */
async function withRecording() {
  const project = await newProject();
  const vtt = path.join(project.dir, 'S-01_wawancara.vtt');
  fs.writeFileSync(vtt, FOUR_CUES_VTT);
  await project.invoke('import.files', { paths: [vtt] });
  const documentId = (await project.invoke('documents.list', {}))[0]!.id;
  const wav = path.join(project.dir, 'S-01_wawancara.wav');
  fs.writeFileSync(wav, toneWav(9));
  return { ...project, documentId, wav };
}

const message = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error & { kind: string; text?: { en: string; id: string }; details?: readonly string[] };
  }
  throw new Error('expected a refusal');
};

describe('recordings beside their transcripts', () => {
  it('links a file by reference: relative and absolute path, size, fingerprint, length', async () => {
    const p = await withRecording();
    const linked = await p.invoke('recordings.link', { documentId: p.documentId, path: p.wav });
    expect(linked).toMatchObject({
      status: 'found', path: p.wav, fileName: 'S-01_wawancara.wav', relativePath: 'S-01_wawancara.wav', absolutePath: p.wav,
      size: fs.statSync(p.wav).size, mediaType: 'audio/wav', durationMs: 9000, embedded: false, documentTitle: 'S-01_wawancara',
    });
    expect(linked.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await p.invoke('recordings.list', {})).toHaveLength(1);
    expect(await p.invoke('history.state', {})).toMatchObject({ undo: 'Link recording "S-01_wawancara.wav" to "S-01_wawancara"' });
    await p.invoke('history.undo', {});
    expect(await p.invoke('recordings.forDocument', { documentId: p.documentId })).toBeNull();
  });

  it('finds the recording again when the project folder moves with it', async () => {
    const p = await withRecording();
    const media = path.join(p.dir, 'rekaman');
    fs.mkdirSync(media);
    const wav = path.join(media, 'S-01.wav');
    fs.renameSync(p.wav, wav);
    await p.invoke('recordings.link', { documentId: p.documentId, path: wav });
    await p.invoke('project.close', {});
    // The whole folder copied elsewhere (another computer, a USB stick), the original gone.
    const moved = path.join(tempDir(), 'studi-pindah');
    fs.cpSync(p.dir, moved, { recursive: true });
    fs.rmSync(p.dir, { recursive: true });
    const client = localClient({ coder: 'Peneliti A' });
    await client.invoke('project.open', { path: path.join(moved, 'study.tematik') });
    const [status] = await client.invoke('recordings.list', {});
    expect(status).toMatchObject({ status: 'moved', path: path.join(moved, 'rekaman', 'S-01.wav'), relativePath: 'rekaman/S-01.wav' });
    const source = await client.invoke('recordings.source', { id: status!.id });
    expect(source).toMatchObject({ kind: 'file', path: path.join(moved, 'rekaman', 'S-01.wav') });
  });

  it('finds a recording put beside the project, and refuses a different file of the same name', async () => {
    const p = await withRecording();
    const elsewhere = path.join(tempDir(), 'S-01_wawancara.wav');
    fs.renameSync(p.wav, elsewhere);
    await p.invoke('recordings.link', { documentId: p.documentId, path: elsewhere });
    fs.renameSync(elsewhere, p.wav);
    expect(await p.invoke('recordings.forDocument', { documentId: p.documentId })).toMatchObject({ status: 'moved', path: p.wav });
    // Another interview saved under the same name: same size, other sound.
    const other = toneWav(9);
    other.writeInt16LE(1234, 100);
    fs.writeFileSync(p.wav, other);
    const status = await p.invoke('recordings.forDocument', { documentId: p.documentId });
    expect(status).toMatchObject({ status: 'missing', path: null, differs: p.wav });
    const refused = await message(p.invoke('recordings.source', { id: status!.id }));
    expect(refused.kind).toBe('not_found');
    expect(refused.message).toContain(`${p.wav} has that name but other content`);
  });

  it('reports a missing recording clearly and still opens the transcript', async () => {
    const p = await withRecording();
    await p.invoke('recordings.link', { documentId: p.documentId, path: p.wav });
    fs.rmSync(p.wav);
    const status = await p.invoke('recordings.forDocument', { documentId: p.documentId });
    expect(status).toMatchObject({ status: 'missing', path: null, differs: null, lookedAt: [p.wav] });
    const document = await p.invoke('documents.get', { id: p.documentId });
    expect(document.turns).toHaveLength(4);
    const refused = await message(p.invoke('recordings.source', { id: status!.id }));
    expect(refused.text?.en).toBe(`The recording "S-01_wawancara.wav" of "S-01_wawancara" was not found. Looked in: ${p.wav}. Put the file back in one of these places (beside the project file is simplest), or link it again with "Link recording…" (tematik link-recording). The transcript itself is unaffected.`);
    expect(refused.text?.id).toContain('tidak ditemukan');
  });

  it('embeds a recording in the project; undoing an unlink brings its bytes back', async () => {
    const p = await withRecording();
    const bytes = fs.readFileSync(p.wav);
    const linked = await p.invoke('recordings.link', { documentId: p.documentId, path: p.wav, embed: true });
    expect(linked).toMatchObject({ status: 'embedded', embedded: true, absolutePath: null, relativePath: null });
    fs.rmSync(p.wav);
    const part = await p.invoke('recordings.bytes', { id: linked.id, start: 40, length: 100 });
    expect(Buffer.from(part.base64, 'base64')).toEqual(bytes.subarray(40, 140));
    expect(await p.invoke('recordings.source', { id: linked.id })).toEqual({ kind: 'embedded', size: bytes.length, mediaType: 'audio/wav' });
    await p.invoke('recordings.unlink', { documentId: p.documentId });
    expect(await p.invoke('recordings.forDocument', { documentId: p.documentId })).toBeNull();
    await p.invoke('history.undo', {});
    const back = await p.invoke('recordings.forDocument', { documentId: p.documentId });
    expect(back).toMatchObject({ status: 'embedded', id: linked.id });
    const again = await p.invoke('recordings.bytes', { id: linked.id, start: 0, length: bytes.length });
    expect(Buffer.from(again.base64, 'base64')).toEqual(bytes);
  });

  it('reads an embedded recording across the parts it is stored in', async () => {
    const p = await withRecording();
    const bytes = Buffer.alloc(2.5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    const file = path.join(p.dir, 'panjang.ogg');
    fs.writeFileSync(file, bytes);
    const { id } = await p.invoke('recordings.link', { documentId: p.documentId, path: file, embed: true });
    const read = async (start: number, length: number) => Buffer.from((await p.invoke('recordings.bytes', { id, start, length })).base64, 'base64');
    const mib = 1024 * 1024;
    expect(await read(mib - 10, 20)).toEqual(bytes.subarray(mib - 10, mib + 10));
    // Compared as bytes: a deep equality of 2.5 MB walks it element by element.
    expect((await read(0, 4 * mib)).equals(bytes)).toBe(true);
    expect(await read(2 * mib + 5, 3)).toEqual(bytes.subarray(2 * mib + 5, 2 * mib + 8));
    expect(await read(bytes.length - 4, 100)).toEqual(bytes.subarray(bytes.length - 4));
  });

  it('leaves recordings out of a de-identified copy: a voice and a file name identify the informant', async () => {
    const p = await withRecording();
    await p.invoke('recordings.link', { documentId: p.documentId, path: p.wav, embed: true });
    const out = path.join(p.dir, 'anonim.tematik');
    await p.invoke('deid.share', { path: out });
    const copy = localClient({ coder: 'Peneliti B' });
    await copy.invoke('project.open', { path: out, readOnly: true });
    expect(await copy.invoke('documents.list', {})).toHaveLength(1);
    expect(await copy.invoke('recordings.list', {})).toEqual([]);
    expect(copy.session.store.db.prepare('SELECT count(*) FROM recording_blobs').pluck().get()).toBe(0);
    copy.session.close();
  });

  it('refuses to embed a file over 500 MB, a file that is no recording, and a folder', async () => {
    const p = await withRecording();
    const huge = path.join(p.dir, 'seminar.mp4');
    // Sparse: 501 MB on paper, nothing written.
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, EMBED_LIMIT_BYTES + 1024 * 1024);
    const tooLarge = await message(p.invoke('recordings.link', { documentId: p.documentId, path: huge, embed: true }));
    expect(tooLarge.message).toBe('"seminar.mp4" is 501 MB: too large to embed in the project (the limit is 500 MB, and every backup and coder\'s copy would carry it). Link it without embedding: the project then keeps only where it is.');
    expect(await p.invoke('recordings.link', { documentId: p.documentId, path: huge })).toMatchObject({ status: 'found', mediaType: 'video/mp4', durationMs: null });
    const notMedia = await message(p.invoke('recordings.link', { documentId: p.documentId, path: path.join(p.dir, 'S-01_wawancara.vtt') }));
    expect(notMedia.message).toContain('is not a recording Tematik can play. Link an audio or video file: .mp3, .m4a, .wav, .ogg, .mp4, .webm.');
    const folder = path.join(p.dir, 'folder.wav');
    fs.mkdirSync(folder);
    expect((await message(p.invoke('recordings.link', { documentId: p.documentId, path: folder }))).message).toContain('is a folder or a device');
    expect((await message(p.invoke('recordings.link', { documentId: p.documentId, path: path.join(p.dir, 'nope.wav') }))).kind).toBe('not_found');
    // The refusals changed nothing: the reference linked above is still the one.
    expect(await p.invoke('recordings.forDocument', { documentId: p.documentId })).toMatchObject({ fileName: 'seminar.mp4' });
  });

  it('gives codings on timestamped turns their time range in the extracts', async () => {
    const p = await withRecording();
    const { text } = await p.invoke('documents.text', { id: p.documentId });
    const code = async (passage: string, codeName: string) => {
      const start = text.indexOf(passage);
      await p.invoke('codings.apply', { documentId: p.documentId, start, end: start + passage.length, codeName });
    };
    await code('jualan lewat Instagram', 'kanal digital');
    // From the second answer's middle into the next question: the end is that question's end.
    await code('Instagram saja.\nPewawancara: Lalu pelanggan', 'lintas giliran');
    const [one] = await p.invoke('codings.forCode', { codeId: (await p.invoke('codes.list', {})).find((c) => c.name === 'kanal digital')!.id });
    expect(one).toMatchObject({ time: { startMs: 2000, endMs: 4000 } });
    const [two] = await p.invoke('codings.forCode', { codeId: (await p.invoke('codes.list', {})).find((c) => c.name === 'lintas giliran')!.id });
    expect(two).toMatchObject({ time: { startMs: 2000, endMs: 6000 } });
    expect(formatTimeRange(two!.time!.startMs, two!.time!.endMs)).toBe('[00:02–00:06]');
  });

  it('puts "[mm:ss]" after quotes from timestamped turns in the Word report when asked', async () => {
    const p = await withRecording();
    const type = await p.invoke('informantTypes.create', { name: 'Pemilik UMKM' });
    const sari = await p.invoke('informants.create', { label: 'P-01', name: 'Sari', typeId: type.id });
    await p.invoke('documents.assign', { id: p.documentId, informantIds: [sari.id] });
    await p.invoke('documents.setSpeaker', { id: p.documentId, speaker: 'Bu Sari', role: 'informant', informantId: sari.id });
    const { text } = await p.invoke('documents.text', { id: p.documentId });
    const passage = 'lewat polling di Instagram Story kami tanya warna baru';
    const start = text.indexOf(passage);
    const coding = await p.invoke('codings.apply', { documentId: p.documentId, start, end: start + passage.length, codeName: 'polling' });
    const theme = await p.invoke('themes.create', { name: 'Ko-kreasi', codeIds: [coding.codeId] });
    await p.invoke('themes.update', { id: theme.id, status: 'reviewed', definition: 'Pelanggan ikut merancang produk.' });
    const report = async (timestamps: boolean) => {
      const out = path.join(p.dir, `laporan-${timestamps}.docx`);
      await p.invoke('report.word', { path: out, quotesPerTheme: 1, timestamps });
      return plainText(docxParts(fs.readFileSync(out)).text('word/document.xml'));
    };
    expect(await report(true)).toContain(`${passage}” [00:06] (Informant P-01, Pemilik UMKM)`);
    expect(await report(false)).toContain(`${passage}” (Informant P-01, Pemilik UMKM)`);
  });

  it('links recordings at import: the same base name in the folder, or the sheet\'s recording column', async () => {
    const p = await newProject();
    const folder = path.join(p.dir, 'transkrip');
    fs.mkdirSync(path.join(folder, 'rekaman'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'S-01.vtt'), FOUR_CUES_VTT);
    fs.writeFileSync(path.join(folder, 'S-01.WAV'), toneWav(9));
    fs.writeFileSync(path.join(folder, 'S-02.txt'), 'Pewawancara: Apa kabar?\nInforman: Baik.\n');
    fs.writeFileSync(path.join(folder, 'rekaman', 'wawancara-2.ogg'), Buffer.from('OggS not really'));
    fs.writeFileSync(path.join(folder, 'lain.mp3'), Buffer.from('ID3 not really'));
    const sheet = path.join(p.dir, 'informan.csv');
    fs.writeFileSync(sheet, 'file,informant_id,informant_type,recording\nS-01.vtt,P-01,Pemilik UMKM,\nS-02.txt,K-01,Konsumen,rekaman/wawancara-2.ogg\n');
    const report = await p.invoke('import.folder', { folder, sheet });
    expect(report.imported.map((d) => [d.file, d.recording])).toEqual([['S-01.vtt', 'S-01.WAV'], ['S-02.txt', 'wawancara-2.ogg']]);
    expect(report.skipped.map((s) => [s.file, s.reason])).toEqual([['lain.mp3', 'a recording with no transcript of the same name; link it to a transcript with "Link recording…"']]);
    const listed = await p.invoke('recordings.list', {});
    expect(listed.map((r) => [r.documentTitle, r.fileName, r.status, r.relativePath, r.durationMs])).toEqual([
      ['S-01', 'S-01.WAV', 'found', 'transkrip/S-01.WAV', 9000], ['S-02', 'wawancara-2.ogg', 'found', 'transkrip/rekaman/wawancara-2.ogg', null],
    ]);
    // A sheet naming a recording that is not there imports nothing, and says which line.
    const other = await newProject();
    fs.writeFileSync(sheet, 'file,informant_id,informant_type,rekaman\nS-02.txt,K-01,Konsumen,hilang.m4a\n');
    const refused = await message(other.invoke('import.folder', { folder, sheet }));
    expect(refused.message).toBe('The informant sheet names 1 file(s) that are not in the folder; nothing was imported.');
    expect(refused.details?.[0]).toContain('informan.csv line 2: the recording "hilang.m4a" is not in');
    expect(await other.invoke('documents.list', {})).toEqual([]);
  });

  it('sets and clears a turn\'s time in one undoable step each, checked against the recording', async () => {
    const p = await newProject();
    const txt = path.join(p.dir, 'P-01.txt');
    fs.writeFileSync(txt, 'Pewawancara: Sejak kapan usaha ini berjalan?\nInforman: Sejak 2019, awalnya dari rumah.\nPewawancara: Lalu?\nInforman: Sekarang ada toko.\n');
    await p.invoke('import.files', { paths: [txt] });
    const documentId = (await p.invoke('documents.list', {}))[0]!.id as DocumentId;
    const turns = (await p.invoke('documents.text', { id: documentId })).turns;
    expect(turns.every((t) => t.startMs === null)).toBe(true);
    const second = turns[1]!;
    await p.invoke('turns.setTime', { documentId, turnId: second.id, startMs: 4200 });
    expect((await p.invoke('documents.text', { id: documentId })).turns[1]).toMatchObject({ startMs: 4200, endMs: null });
    await p.invoke('turns.setTime', { documentId, turnId: second.id, startMs: 4200, endMs: 9000 });
    expect((await p.invoke('documents.text', { id: documentId })).turns[1]).toMatchObject({ startMs: 4200, endMs: 9000 });
    await p.invoke('history.undo', {});
    expect((await p.invoke('documents.text', { id: documentId })).turns[1]).toMatchObject({ startMs: 4200, endMs: null });
    const backwards = await message(p.invoke('turns.setTime', { documentId, turnId: second.id, startMs: 5000, endMs: 3000 }));
    expect(backwards.message).toBe('The turn would start at 00:05 and end at 00:03: the end must come after the start. Set the start first, or give a later end.');
    const negative = await message(p.invoke('turns.setTime', { documentId, turnId: second.id, startMs: -1 }));
    expect(negative.kind).toBe('invalid_args');
    // With a 9-second recording linked, a time past its end is refused.
    const wav = path.join(p.dir, 'P-01.wav');
    fs.writeFileSync(wav, toneWav(9));
    await p.invoke('recordings.link', { documentId, path: wav });
    const past = await message(p.invoke('turns.setTime', { documentId, turnId: second.id, startMs: 12_000 }));
    expect(past.message).toBe('The turn time 00:12 is past the end of the recording (00:09). Choose a time within the recording.');
    await p.invoke('turns.setTime', { documentId, turnId: second.id, startMs: null });
    expect((await p.invoke('documents.text', { id: documentId })).turns[1]).toMatchObject({ startMs: null, endMs: null });
    const foreign = await message(p.invoke('turns.setTime', { documentId, turnId: 99999, startMs: 10 }));
    expect(foreign.kind).toBe('not_found');
  });
});
