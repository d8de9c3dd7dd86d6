import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH } from '../../../src/refi/xml';
import { craftZip, deflatedEntry } from '../../helpers/crafted-zip';
import { newProject, tempDir } from '../../helpers/temp-project';

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A codebook whose codes nest `depth` levels, each a sub-code of the one before. */
function nestedCodebook(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<Code guid="${guid(i + 1)}" name="Kode ${i + 1}" isCodable="true">`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${open}${'</Code>'.repeat(depth)}</Codes></CodeBook>`;
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('XML nested deeper than any exchange file needs', () => {
  it('is refused as bad input, in both languages, not reported as a bug', async () => {
    const client = await newProject();
    const error = await client.invoke('refi.importCodebook', { path: write('dalam.qdc', nestedCodebook(100_000)) }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'bad_input',
      message: `dalam.qdc nests its elements more than ${MAX_XML_DEPTH} levels deep, which no REFI-QDA file needs: it is damaged or crafted, so nothing was imported. Export it again from the program that made it.`,
      text: expect.objectContaining({ id: expect.stringContaining(`dalam.qdc menyarangkan elemennya lebih dari ${MAX_XML_DEPTH} tingkat`) }),
    });
    expect(await client.invoke('codes.list', {})).toEqual([]);
  });

  it('is refused inside a .qdpx too', async () => {
    // 20,000 levels: deeper would inflate enough to be refused as a zip bomb before the XML is read.
    const deep = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Dalam">${'<Description>'.repeat(20_000)}${'</Description>'.repeat(20_000)}</Project>`;
    const client = await newProject();
    await expect(client.invoke('refi.importProject', { path: write('dalam.qdpx', craftZip([deflatedEntry('project.qde', deep)])) })).rejects.toMatchObject({
      kind: 'bad_input', message: expect.stringMatching(/^dalam\.qdpx \(project\.qde\) nests its elements more than 256 levels deep/),
    });
  });

  it('leaves a deep but real code hierarchy alone', async () => {
    const client = await newProject();
    await client.invoke('refi.importCodebook', { path: write('hierarki.qdc', nestedCodebook(120)) });
    const codes = await client.invoke('codes.list', {});
    expect(codes).toHaveLength(120);
    expect(codes.find((c) => c.name === 'Kode 120')?.parentId).toBe(codes.find((c) => c.name === 'Kode 119')?.id);
  });
});
