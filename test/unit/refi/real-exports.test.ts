import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject } from '../../helpers/temp-project';

/** Real exchange files written by other tools, kept beside the checkout (see their SOURCES.md); never copied in. */
const SAMPLES = path.resolve(__dirname, '../../../../shared/refi-samples');
const QC_DEMO = path.join(SAMPLES, 'cproctor-qualitative-coding/demo.qdpx');

describe('a .qdpx that qc 1.3.2 wrote', () => {
  it('is in ../shared/refi-samples beside the checkout, as CI has it', () => {
    expect(fs.existsSync(QC_DEMO), `${QC_DEMO} is missing: put the shared samples beside the checkout`).toBe(true);
  });

  it('imports both transcripts with all 205 codings, reading the bare plainTextPath from the archive\'s sources/', async () => {
    const client = await newProject();
    const report = await client.invoke('refi.importProject', { path: QC_DEMO });
    expect(report.failed).toEqual([]);
    expect(report.imported.map((d) => d.title).sort()).toEqual(['admin-1', 'board_2017']);
    expect(report.codings).toBe(205);
    expect(report.notes).toEqual(expect.arrayContaining([expect.stringMatching(/named by a plain path instead of internal:\/\/; their text was read from the file of that name in the \.qdpx's sources\/ folder/)]));
    const stats = await client.invoke('project.stats', {});
    expect(stats).toMatchObject({ documents: 2, codings: 205 });

    // qc's first selection, "line:6" of board_2017 at code points 320–400, lands on that line's words.
    const board = report.imported.find((d) => d.title === 'board_2017')!;
    const codings = await client.invoke('codings.forDocument', { documentId: board.documentId });
    const first = codings.find((c) => c.start === 320);
    expect(first?.end).toBe(400);
    const { text } = await client.invoke('documents.get', { id: board.documentId });
    expect(first!.quote).toBe(text.slice(320, 400));
    expect(first!.quote).toMatch(/district goal/);
    client.session.close();
  });
});
