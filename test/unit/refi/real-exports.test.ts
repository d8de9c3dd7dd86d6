import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Code } from '../../../src/domain/types';
import { newProject } from '../../helpers/temp-project';
import { reportNotes } from '../../helpers/report-notes';

/** Real exchange files written by other tools, kept beside the checkout (see their SOURCES.md); never copied in. */
const SAMPLES = path.resolve(__dirname, '../../../../shared/refi-samples');
const QC_DEMO = path.join(SAMPLES, 'cproctor-qualitative-coding/demo.qdpx');
const NVIVO = path.join(SAMPLES, 'cproctor-qualitative-coding/nvivo_project.qdpx');

/** The archive's files, read here with fflate, independently of Tematik's own zip reader. */
const filesOf = (file: string): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(new Uint8Array(fs.readFileSync(file)))).map(([name, bytes]) => [name, strFromU8(bytes)]));

/** Each code's path of names from the top ("rq1_definition / competencies / programming"), read from the XML with a plain stack. */
function codePathsInXml(xml: string): string[] {
  const paths: string[] = [];
  const stack: string[] = [];
  for (const [tag] of xml.matchAll(/<\/?Code\b[^>]*>/g)) {
    if (tag.startsWith('</')) { stack.pop(); continue; }
    const name = /\bname="([^"]*)"/.exec(tag)![1]!;
    paths.push([...stack, name].join(' / '));
    if (!tag.endsWith('/>')) stack.push(name);
  }
  return paths.sort();
}

function codePathsInProject(codes: readonly Code[]): string[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (code: Code): string => (code.parentId === null ? code.name : `${pathOf(byId.get(code.parentId)!)} / ${code.name}`);
  return codes.map(pathOf).sort();
}

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
    expect(reportNotes(report.report)).toEqual(expect.arrayContaining([expect.stringMatching(/named by a plain path instead of internal:\/\/; their text was read from the file of that name in the \.qdpx's sources\/ folder/)]));
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

describe('the qc 1.3.2 demo, every coding on the text it covered', () => {
  it('arrives with 2 documents, its 262 codes and 205 codings, each selection\'s codings quoting the code points it named in the .txt', async () => {
    const client = await newProject();
    const report = await client.invoke('refi.importProject', { path: QC_DEMO });
    expect(await client.invoke('project.stats', {})).toMatchObject({ documents: 2, codings: 205 });
    expect(await client.invoke('codes.list', {})).toHaveLength(262);
    expect(report.report.filter((s) => ['sources', 'codes', 'codings'].includes(s.kind)).map(({ kind, found, imported, skipped }) => ({ kind, found, imported, skipped }))).toEqual([
      { kind: 'sources', found: 2, imported: 2, skipped: 0 },
      { kind: 'codes', found: 262, imported: 262, skipped: 0 },
      { kind: 'codings', found: 205, imported: 205, skipped: 0 },
    ]);

    const files = filesOf(QC_DEMO);
    const original = [...files['sources/board_2017.txt']!];
    const board = report.imported.find((d) => d.title === 'board_2017')!;
    const codings = await client.invoke('codings.forDocument', { documentId: board.documentId });
    const codeNames = new Map((await client.invoke('codes.list', {})).map((c) => [c.id, c.name]));
    const codeGuids = new Map([...files['project.qde']!.matchAll(/<Code name="([^"]*)" guid="([^"]*)"/g)].map((m) => [m[2]!, m[1]!]));
    const selections = [...files['project.qde']!.matchAll(/<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)">(.*?)<\/PlainTextSelection>/g)];
    expect(selections).toHaveLength(158);
    let checked = 0;
    for (const [, start, end, inner] of selections) {
      const covered = original.slice(Number(start), Number(end)).join('');
      const names = [...inner!.matchAll(/targetGUID="([^"]*)"/g)].map((m) => codeGuids.get(m[1]!)).sort();
      const here = codings.filter((c) => c.quote === covered);
      expect(here.map((c) => codeNames.get(c.codeId)).sort(), `selection ${start}–${end}`).toEqual(expect.arrayContaining(names));
      checked += names.length;
    }
    expect(checked).toBe(205);
    // A few by their words, as a reader of the transcript would find them.
    expect(codings.some((c) => /district goal/.test(c.quote))).toBe(true);
    client.session.close();
  });
});

describe('the NVivo for Mac 15 sample', () => {
  it('keeps its 262 nested codes as a tree, duplicate names at different levels under their own parents', async () => {
    const client = await newProject();
    const report = await client.invoke('refi.importProject', { path: NVIVO });
    const codes = await client.invoke('codes.list', {});
    expect(codes).toHaveLength(262);
    expect(codePathsInProject(codes)).toEqual(codePathsInXml(filesOf(NVIVO)['project.qde']!));
    const paths = codePathsInProject(codes);
    expect(paths.filter((p) => p.endsWith(' / programming'))).toEqual(['rq1_definition / competencies / programming', 'rq1_definition / framings / cs_as_programming / programming']);
    expect(paths.filter((p) => p.endsWith(' / citizenship'))).toEqual([
      'rq1_definition / defining_education / citizenship',
      'rq1_definition / practices / digital_citizenship / citizenship',
      'rq1_definition / rationales / cs_literacy / digital_citizenship / citizenship',
    ]);
    expect(report.report.find((s) => s.kind === 'codes')).toMatchObject({ found: 262, imported: 262 });
    client.session.close();
  });

  it('leaves out its two empty sources, saying both the .txt ("\\n") and the Word rich text are empty', async () => {
    const client = await newProject();
    const files = filesOf(NVIVO);
    expect(Object.entries(files).filter(([name]) => name.endsWith('.txt')).map(([, text]) => text)).toEqual(['\n', '\n']);
    const report = await client.invoke('refi.importProject', { path: NVIVO });
    expect(report.imported).toEqual([]);
    expect(report.skipped).toHaveLength(2);
    for (const skipped of report.skipped) {
      expect(skipped.reason).toMatch(/its plain text is empty and its Word file cannot be used \(sources\/[0-9a-f-]+\.docx: the Word document contains no text/);
    }
    expect(report.report.find((s) => s.kind === 'sources')).toMatchObject({ found: 2, imported: 0, skipped: 2 });
    client.session.close();
  });
});
