import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newProject } from '../../helpers/temp-project';
import { FOUR_CUES_VTT, toneWav } from '../../helpers/wav';
import { schemaErrors } from './fixture';

describe('REFI-QDA export of recordings', () => {
  it('writes each recording as a media source with its transcript and a sync point per timed turn, valid against the schema', async () => {
    const p = await newProject();
    for (const name of ['S-01', 'S-02']) fs.writeFileSync(path.join(p.dir, `${name}.vtt`), FOUR_CUES_VTT.replace('Ibu', `Ibu ${name} 😊`));
    await p.invoke('import.files', { paths: [path.join(p.dir, 'S-01.vtt'), path.join(p.dir, 'S-02.vtt')] });
    const [first, second] = await p.invoke('documents.list', {});
    const wav = toneWav(9);
    fs.writeFileSync(path.join(p.dir, 'S-01.wav'), wav);
    // A video that is not in the package: gone from where it was linked.
    const video = path.join(p.dir, 'S-02.webm');
    fs.writeFileSync(video, Buffer.from('1a45dfa3 not really a webm'));
    const audio = await p.invoke('recordings.link', { documentId: first!.id, path: path.join(p.dir, 'S-01.wav') });
    await p.invoke('recordings.link', { documentId: second!.id, path: video });
    fs.rmSync(video);

    const out = path.join(p.dir, 'studi.qdpx');
    await p.invoke('refi.exportProject', { path: out });
    const files = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const qde = strFromU8(files['project.qde']!);
    expect(await schemaErrors(qde, 'Project')).toEqual([]);

    const sourceGuid = /<TextSource guid="([^"]+)" name="S-01"/.exec(qde)![1]!;
    expect(qde).toContain(`<AudioSource guid="${audio.guid}" name="S-01.wav" path="internal://${audio.guid}.wav"`);
    expect(Buffer.from(files[`sources/${audio.guid}.wav`]!)).toEqual(wav);
    const transcript = new RegExp(`<AudioSource guid="${audio.guid}"[\\s\\S]*?<Transcript [^>]*name="S-01" plainTextPath="internal://${sourceGuid}.txt">([\\s\\S]*?)</Transcript>`).exec(qde)![1]!;
    const points = [...transcript.matchAll(/<SyncPoint guid="[^"]+" timeStamp="(\d+)" position="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points.map(([ms]) => ms)).toEqual([0, 2000, 4000, 6000]);
    // Positions count code points (the emoji is one), as the transcript's text file is read.
    const text = strFromU8(files[`sources/${sourceGuid}.txt`]!);
    const chars = [...text];
    expect(text).toContain('😊');
    expect(points.map(([, position]) => chars.slice(position!, position! + 14).join(''))).toEqual(['Bagaimana awal', 'Awalnya saya j', 'Lalu pelanggan', 'Iya, lewat pol']);
    // The missing video is named where it was linked, not packaged.
    expect(qde).toMatch(/<VideoSource guid="[^"]+" name="S-02.webm" path="file:\/\/\/[^"]+S-02\.webm"/);
    expect(Object.keys(files).filter((f) => f.endsWith('.webm'))).toEqual([]);

    // Imported elsewhere: the transcripts come in through their text sources; the recordings are listed with what to do.
    const other = await newProject();
    const report = await other.invoke('refi.importProject', { path: out });
    expect(report.imported.map((d) => d.title).sort()).toEqual(['S-01', 'S-02']);
    expect(report.skipped.find((f) => f.file === 'S-01.wav')?.reason).toContain('take the recording from the archive\'s sources/ folder and link it with "Link recording…"');
    expect(await other.invoke('recordings.list', {})).toEqual([]);
  });
});
