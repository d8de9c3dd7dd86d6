import { describe, expect, it } from 'vitest';
import type { DocumentId } from '../../../src/domain/ids';
import type { ImportReport } from '../../../src/domain/types';
import { baseName, folderUploads, importRequest, parsePathList, refiKind, refiProjectCounts, summariseReport, type ImportForm } from './import-request';

const form = (changes: Partial<ImportForm>): ImportForm => ({ mode: 'files', files: [], informantId: '', folder: '', sheet: '', skipBad: false, refiPath: '', ...changes });

describe('parsePathList', () => {
  it('takes one path a line, dropping blanks, repeats and the quotes of “Copy as path”', () => {
    expect(parsePathList('/a/P-01.docx\r\n\n  "C:\\Data\\K 01.vtt"  \n/a/P-01.docx\n')).toEqual(['/a/P-01.docx', 'C:\\Data\\K 01.vtt']);
  });
});

describe('importRequest', () => {
  it('builds import.files with the informant and skip flag only when given', () => {
    expect(importRequest(form({ files: ['/a.txt'] }))).toEqual({ name: 'import.files', args: { paths: ['/a.txt'] } });
    expect(importRequest(form({ files: ['/a.txt'], informantId: 7, skipBad: true }))).toEqual({ name: 'import.files', args: { paths: ['/a.txt'], informantId: 7, skipBad: true } });
  });

  it('builds import.folder, leaving out an empty sheet', () => {
    expect(importRequest(form({ mode: 'folder', folder: ' "/data/study" ', sheet: '  ' }))).toEqual({ name: 'import.folder', args: { folder: '/data/study' } });
    expect(importRequest(form({ mode: 'folder', folder: '/d', sheet: '/d/informants.csv', skipBad: true })))
      .toEqual({ name: 'import.folder', args: { folder: '/d', sheet: '/d/informants.csv', skipBad: true } });
    expect(importRequest(form({ mode: 'folder', folder: '/d', swapRoles: true })))
      .toEqual({ name: 'import.folder', args: { folder: '/d', swapRoles: true } });
  });

  it('says what is missing instead of calling with nothing', () => {
    expect(importRequest(form({}))).toEqual({ missing: 'files' });
    expect(importRequest(form({ mode: 'folder', folder: '   ' }))).toEqual({ missing: 'folder' });
  });
});

describe('summariseReport', () => {
  const report = (changes: Partial<ImportReport>): ImportReport => ({ imported: [], failed: [], skipped: [], informantsCreated: [], typesCreated: [], ...changes });
  it('adds up words and turns and counts what was left out', () => {
    const summary = summariseReport(report({
      imported: [
        { file: '/a/P-01.txt', documentId: 1 as DocumentId, title: 'P-01', words: 1200, turns: 40, informants: ['P-01'] },
        { file: '/a/K-01.vtt', documentId: 2 as DocumentId, title: 'K-01', words: 800, turns: 25, informants: [] },
      ],
      skipped: [{ file: 'notes.xlsx', reason: 'not a transcript' }],
    }));
    expect(summary).toEqual({ imported: 2, words: 2000, turns: 65, skipped: 1, failed: 0, nothingNew: false });
  });

  it('recognises a re-import that found nothing new', () => {
    expect(summariseReport(report({ skipped: [{ file: 'a.txt', reason: 'already in the project' }] })).nothingNew).toBe(true);
    expect(summariseReport(report({ failed: [{ file: 'a.txt', reason: 'too big' }] })).nothingNew).toBe(false);
  });
});

describe('baseName', () => {
  it('handles both separators', () => {
    expect(baseName('C:\\Data\\P-01.docx')).toBe('P-01.docx');
    expect(baseName('/home/x/K-01.vtt')).toBe('K-01.vtt');
  });
});

describe('REFI-QDA imports', () => {
  it('knows a project from a codebook by the extension, in any case', () => {
    expect(refiKind('/a/Studi UMKM.qdpx')).toBe('project');
    expect(refiKind('C:\\Data\\kode.QDC ')).toBe('codebook');
    expect(refiKind('"/a/Studi UMKM.qdpx"')).toBe('project');
    expect(refiKind('/a/studi.qdpx.zip')).toBeNull();
    expect(refiKind('/a/qdpx')).toBeNull();
    expect(refiKind('/a.qdpx/project')).toBeNull();
  });

  it('calls refi.importProject for a .qdpx and refi.importCodebook for a .qdc, quotes dropped', () => {
    expect(importRequest(form({ mode: 'refi', refiPath: ' "/home/rina/dari nvivo/studi.qdpx" ' }))).toEqual({ name: 'refi.importProject', args: { path: '/home/rina/dari nvivo/studi.qdpx' } });
    expect(importRequest(form({ mode: 'refi', refiPath: '/home/rina/kode.qdc' }))).toEqual({ name: 'refi.importCodebook', args: { path: '/home/rina/kode.qdc' } });
    expect(importRequest(form({ mode: 'refi', refiPath: '"C:\\Users\\Rina\\codebook.CSV"' }))).toEqual({ name: 'taguette.importCodebook', args: { path: 'C:\\Users\\Rina\\codebook.CSV' } });
  });

  it('ignores the other modes\' fields and says what is wrong with the path', () => {
    expect(importRequest(form({ mode: 'refi', files: ['/a.txt'], folder: '/d' }))).toEqual({ missing: 'refi' });
    expect(importRequest(form({ mode: 'refi', refiPath: '/home/rina/P-01.docx' }))).toEqual({ missing: 'refiKind' });
  });

  it('counts the documents a project import brought in beside its codes, codings and memos', () => {
    const result = {
      imported: [{ file: 'sources/a.txt', documentId: 4 as DocumentId, title: 'P-01', words: 10, turns: 2, informants: [] }],
      failed: [], skipped: [], informantsCreated: [], typesCreated: [], codes: 12, codings: 80, memos: 3, report: [],
    };
    expect(refiProjectCounts(result)).toEqual({ documents: 1, codes: 12, codings: 80, memos: 3 });
  });
});

describe('folderUploads', () => {
  const file = (webkitRelativePath: string, size = 10) => ({ name: webkitRelativePath.split('/').pop()!, webkitRelativePath, size, lastModified: 1 });

  it('sends the files directly in the folder, not its sub-folders, hidden files, recordings or the sheet picked from it', () => {
    const picked = [file('studi/P-01.docx'), file('studi/lama/P-01.docx'), file('studi/.DS_Store'), file('studi/P-01.m4a'), file('studi/informants.csv', 99), file('studi/catatan.pdf')];
    const { folder, send, recordings } = folderUploads(picked, file('studi/informants.csv', 99));
    expect(folder).toBe('studi');
    expect(send.map((f) => f.webkitRelativePath)).toEqual(['studi/P-01.docx', 'studi/catatan.pdf']);
    expect(recordings).toEqual(['P-01.m4a']);
  });

  it('keeps a file of the folder that only shares the sheet\'s name', () => {
    const { send } = folderUploads([file('studi/informants.csv', 99)], file('lain/informants.csv', 12));
    expect(send).toHaveLength(1);
    expect(folderUploads([], null)).toEqual({ folder: '', send: [], recordings: [] });
  });
});
