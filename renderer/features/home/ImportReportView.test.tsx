// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../../src/domain/ids';
import type { ImportReport } from '../../../src/domain/types';
import { I18nProvider } from '../../i18n/i18n';
import { ImportReportView } from './ImportDialog';

afterEach(cleanup);

const report: ImportReport = {
  imported: [
    { file: '/data/P-01_fashion.txt', documentId: 1 as DocumentId, title: 'P-01 fashion', words: 1234, turns: 40, informants: ['P-01'] },
    { file: '/data/FGD.docx', documentId: 2 as DocumentId, title: 'FGD', words: 900, turns: 12, informants: ['K-01', 'K-02'], recording: 'FGD.m4a' },
  ],
  failed: [
    { file: '/data/rusak.docx', reason: 'not a Word file' },
    { file: '/data/besar.docx', reason: 'besar.docx is too large or malformed to be a transcript', reasonText: { en: 'besar.docx is too large or malformed to be a transcript', id: 'besar.docx terlalu besar atau cacat untuk sebuah transkrip' } },
  ],
  skipped: [{ file: 'notes.xlsx', reason: 'not a transcript format' }],
  informantsCreated: ['P-01', 'K-02', 'K-01'],
  typesCreated: ['Konsumen'],
};

describe('ImportReportView', () => {
  it('lists what went in, what did not and why, and what was created', () => {
    render(<I18nProvider language="en"><ImportReportView report={report} /></I18nProvider>);
    expect(screen.getByText(/Imported 2 files: 2,134 words in 52 speaker turns/)).toBeTruthy();
    const imported = screen.getByTestId('import-report-imported');
    expect(within(imported).getByText('P-01_fashion.txt')).toBeTruthy();
    expect(within(imported).getByText('1,234')).toBeTruthy();
    expect(within(imported).getAllByTestId('import-report-recording').map((e) => e.textContent)).toEqual(['with the recording FGD.m4a']);
    expect(within(screen.getByTestId('import-report-failed')).getByText('not a Word file')).toBeTruthy();
    expect(within(screen.getByTestId('import-report-skipped')).getByText('notes.xlsx')).toBeTruthy();
    expect(screen.getByText('Konsumen')).toBeTruthy();
  });

  it('speaks Indonesian, with Indonesian number formatting', () => {
    render(<I18nProvider language="id"><ImportReportView report={report} /></I18nProvider>);
    expect(screen.getByText(/2 berkas diimpor: 2\.134 kata dalam 52 giliran bicara/)).toBeTruthy();
    expect(screen.getByText('Gagal diimpor')).toBeTruthy();
    // A reason the core translated is shown in the interface language; one it did not, as it came.
    const failed = within(screen.getByTestId('import-report-failed'));
    expect(failed.getByText('besar.docx terlalu besar atau cacat untuk sebuah transkrip')).toBeTruthy();
    expect(failed.getByText('not a Word file')).toBeTruthy();
  });
});
