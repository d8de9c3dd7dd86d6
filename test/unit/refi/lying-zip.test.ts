import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeZip, ZipRefusal } from '../../../src/refi/safe-zip';
import { craftZip, deflatedEntry, zerosThenInvalid } from '../../helpers/crafted-zip';
import { newProject, tempDir } from '../../helpers/temp-project';

const GIB = 1024 * 1024 * 1024;

function refusal(run: () => unknown): ZipRefusal {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ZipRefusal);
    return error as ZipRefusal;
  }
  throw new Error('expected the archive to be refused');
}

const gigabyte = zerosThenInvalid(GIB);

/**
 * A gigabyte of zeros (6.3 MB deflated) behind a directory entry declaring `declaredSize`,
 * by default as much as it is compressed, which no size check before inflating can fault.
 */
const gigabyteEntry = (name: string, declaredSize = gigabyte.length) => ({ name, data: gigabyte, declaredSize, crc: 0 });

describe('a zip whose directory lies about sizes', () => {
  it('declares 6.4 MB for an entry that inflates to 1 GB: inflating stops past 6.4 MB', () => {
    const zip = SafeZip.fromBytes(craftZip([gigabyteEntry('sources/a.txt')]), 'lying.qdpx');
    const started = performance.now();
    const error = refusal(() => zip.read(zip.entry('sources/a.txt')!));
    console.log(`lying directory refused after ${Math.round(performance.now() - started)} ms`);
    // Inflating the whole gigabyte would have reached the invalid block behind it and said "cannot be inflated".
    expect(error.problem).toBe('crafted');
    expect(error.text?.en).toBe('lying.qdpx: "sources/a.txt" inflates to more than the 6.4 MB its directory declares; the file is damaged or crafted, so nothing was imported. Export it again from the program that made it.');
    expect(error.text?.id).toBe('lying.qdpx: "sources/a.txt" mengembang melebihi 6,4 MB yang dinyatakan direktorinya; berkas ini rusak atau sengaja direkayasa, jadi tidak ada yang diimpor. Ekspor lagi dari program yang membuatnya.');
  });

  it('declares 4 GB: refused before anything is inflated', () => {
    const zip = SafeZip.fromBytes(craftZip([gigabyteEntry('sources/a.txt', 0xfffffff0)]), 'huge.qdpx');
    const error = refusal(() => zip.read(zip.entry('sources/a.txt')!));
    expect(error.problem).toBe('tooLarge');
    expect(error.message).toBe('huge.qdpx: "sources/a.txt" would inflate to 4,096 MB, over the 50 MB limit for one entry; nothing was imported. Check that this is the file you meant (the texts of a project are rarely more than a few MB), or export fewer sources from the program that made it.');
    expect(error.text?.id).toContain('akan mengembang menjadi 4.096 MB, melebihi batas 50 MB untuk satu entri');
  });

  it('declares 40 MB of zeros honestly: refused as a zip bomb before inflating', () => {
    const zip = SafeZip.fromBytes(craftZip([{ name: 'sources/a.txt', data: zerosThenInvalid(40 * 1024 * 1024), declaredSize: 40 * 1024 * 1024, crc: 0 }]), 'bomb.qdpx');
    expect(refusal(() => zip.read(zip.entry('sources/a.txt')!)).message).toMatch(/^bomb\.qdpx: "sources\/a\.txt" would inflate 159 times \(258 KB to 40 MB\), which no real text does: the file looks like a zip bomb; nothing was imported/);
  });

  it('is refused whole by the REFI-QDA import, which writes nothing', async () => {
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Bohong"><Sources>
<TextSource guid="00000000-0000-4000-8000-000000000002" name="doc" plainTextPath="internal://00000000-0000-4000-8000-000000000002.txt"/>
</Sources></Project>`;
    const file = path.join(tempDir(), 'bohong.qdpx');
    fs.writeFileSync(file, craftZip([deflatedEntry('project.qde', qde), gigabyteEntry('sources/00000000-0000-4000-8000-000000000002.txt')]));
    const client = await newProject();
    await expect(client.invoke('refi.importProject', { path: file })).rejects.toMatchObject({
      kind: 'bad_input',
      message: expect.stringContaining('bohong.qdpx: "sources/00000000-0000-4000-8000-000000000002.txt" inflates to more than the 6.4 MB its directory declares'),
    });
    expect(await client.invoke('documents.list', {})).toEqual([]);
  });
});
