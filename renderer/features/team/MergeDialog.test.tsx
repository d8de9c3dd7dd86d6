// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MergeConflict, MergePlan, MergeReport } from '../../../src/domain/team';
import { installStandInBridge, type BridgeCall } from '../../test-support/stand-in-bridge';

const PROJECT = '/home/ayu/studi.tematik';
const COPY = '/home/ayu/dari-bima.tematik';
const conflict = (kind: MergeConflict['kind'], guid: string, more: Partial<MergeConflict>): MergeConflict => ({
  key: `${kind}:${guid}`, kind, subject: 'kepercayaan', projectName: null, copyName: null, codings: 3,
  choices: kind === 'documentTextDiffers' ? ['reanchor', 'skip'] : kind === 'codeDeletedInProject' ? ['copy', 'project'] : ['project', 'copy'],
  suggested: kind === 'documentTextDiffers' ? 'reanchor' : kind === 'codeDeletedInProject' ? 'copy' : 'project', ...more,
});
const PLAN: MergePlan = {
  file: 'dari-bima.tematik', copyName: 'Studi (copy for Bima)', fromThisProject: true,
  origin: { sourceGuid: 'g', sourceName: 'Studi', coder: 'Bima', keepOwn: false, madeAt: '2026-12-05T08:00:00.000Z' },
  documents: { byGuid: 11, byText: 0, added: 1 }, informants: { matched: 13, added: 0 }, codesAdded: ['sikap/risiko'], codesByPath: 0,
  codersAdded: ['Bima'], codings: [{ coder: 'Bima', added: 40, already: 2 }], memos: { added: 1, already: 0 }, comments: { added: 0, already: 0 },
  conflicts: [
    conflict('codeRenamed', 'a', { projectName: 'kepercayaan', copyName: 'percaya', codings: 0 }),
    conflict('codeDeletedInProject', 'b', { subject: 'sikap/kontra' }),
    conflict('codeDeletedInCopy', 'c', { subject: 'keraguan', codings: 5 }),
    conflict('documentTextDiffers', 'd', { subject: 'P-01_fashion', codings: 4 }),
  ],
  reanchoring: { aligned: 2, found: 1, unplaced: [{ document: 'P-01_fashion', code: 'sikap/pro', coder: 'Bima', start: 412, quote: 'Saya ragu soal itu' }], notAligned: [] },
};
const REPORT: MergeReport = {
  file: 'dari-bima.tematik', backup: '/home/ayu/studi.tematik-backups/x.before-merge.tematik-backup', documentsAdded: 1, informantsAdded: 0,
  codesAdded: ['sikap/risiko'], codesRenamed: 1, codesDeleted: 0, codersAdded: ['Bima'], codings: [{ coder: 'Bima', added: 38, already: 2 }], codingsLeftOut: 2,
  memosAdded: 1, commentsAdded: 0, unchanged: false, reanchoring: PLAN.reanchoring,
  conflicts: PLAN.conflicts.map((c) => ({ key: c.key, kind: c.kind, subject: c.subject, choice: c.key === 'codeRenamed:a' ? 'copy' : c.suggested })),
};

const calls: BridgeCall[] = [];
let mergeAnswer: unknown = REPORT;

function handle(name: string): unknown {
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: false, projectPath: PROJECT, version: '0', recent: [] };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 11, path: PROJECT, readOnly: null, notices: [] };
    case 'history.state': return { undo: null, redo: null };
    case 'team.mergePlan': return PLAN;
    case 'team.merge': return mergeAnswer;
    default: return null;
  }
}

let MergeDialog: typeof import('./MergeDialog').MergeDialog;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name) => handle(name), { record: calls, ignore: /^(app\.info|project\.info|history\.state)$/ });
  ({ MergeDialog } = await import('./MergeDialog'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
beforeEach(() => {
  calls.length = 0;
  mergeAnswer = REPORT;
});
afterEach(cleanup);

function show(language: 'en' | 'id') {
  render(<I18nProvider language={language}><state.ProjectProvider><MergeDialog onClose={() => undefined} /></state.ProjectProvider></I18nProvider>);
}

async function toPlan(): Promise<void> {
  fireEvent.change(await screen.findByTestId('merge-path'), { target: { value: COPY } });
  fireEvent.click(screen.getByTestId('merge-show-plan'));
  await screen.findByTestId('merge-plan');
}

describe('the merge dialog', () => {
  it('asks for the copy before reading anything', async () => {
    show('en');
    fireEvent.click(await screen.findByTestId('merge-show-plan'));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose the copy the other coder sent you.');
    expect(calls).toEqual([]);
  });

  it('shows the plan and every kind of conflict in Indonesian, the suggested choice picked, and merges with the choices made', async () => {
    show('id');
    await toPlan();
    expect(calls).toEqual([{ name: 'team.mergePlan', args: { path: COPY } }]);
    expect(screen.getByTestId('merge-origin').textContent).toBe('dari-bima.tematik: salinan yang dibuat untuk Bima pada 2026-12-05.');
    expect(screen.getByTestId('merge-plan').textContent).toContain('Bima: 40 akan ditambahkan, 2 sudah ada');
    const items = screen.getAllByTestId('merge-conflict');
    expect(items.map((item) => item.querySelector('.muted')!.textContent)).toEqual([
      'Namanya diganti berbeda: "kepercayaan" di sini, "percaya" di salinan',
      'Dihapus di sini, tetapi salinan mengode 3 bagian teks dengannya',
      'Dihapus di salinan, tetapi dipakai di sini (5 pengodean)',
      'Teks transkrip berbeda di salinan (4 pengodeannya)',
    ]);
    expect(items.map((item) => within(item).getAllByRole('radio').map((r) => [r.parentElement!.textContent, (r as HTMLInputElement).checked]))).toEqual([
      [['Pertahankan "kepercayaan"', true], ['Ambil "percaya"', false]],
      [['Kembalikan kode itu beserta pengodeannya', true], ['Biarkan terhapus; lewati pengodean itu', false]],
      [['Pertahankan kode itu', true], ['Hapus juga di sini, beserta pengodeannya', false]],
      [['Bawa tiap pengodean ke kata-kata yang sama dengan menjajarkan kedua teks (yang kata-katanya sudah tidak ada: di tempat teksnya muncul sekali)', true], ['Lewati pengodean salinan untuk transkrip ini', false]],
    ]);
    const placing = screen.getByTestId('merge-reanchoring').textContent;
    expect(placing).toContain('2 dibawa ke kata-kata yang sama, 1 ditempatkan di tempat teksnya muncul sekali, 1 tidak dapat ditempatkan');
    expect(placing).toContain('sikap/pro · Bima · "P-01_fashion" posisi 412: "Saya ragu soal itu"');

    // Leaving the transcript's codings out places none of them: the placing is not shown then.
    fireEvent.click(within(items[3]!).getByTestId('merge-choice-skip'));
    expect(screen.queryByTestId('merge-reanchoring')).toBeNull();
    fireEvent.click(within(items[3]!).getByTestId('merge-choice-reanchor'));
    expect(screen.getByTestId('merge-reanchoring')).toBeTruthy();

    fireEvent.click(within(items[0]!).getByTestId('merge-choice-copy'));
    fireEvent.click(screen.getByTestId('merge-submit'));
    const report = await screen.findByTestId('merge-report');
    expect(calls.at(-1)).toEqual({
      name: 'team.merge',
      args: { path: COPY, language: 'id', resolutions: { 'codeRenamed:a': 'copy', 'codeDeletedInProject:b': 'copy', 'codeDeletedInCopy:c': 'project', 'documentTextDiffers:d': 'reanchor' } },
    });
    expect(report.textContent).toContain('Bima: 38 pengodean ditambahkan, 2 sudah ada');
    expect(report.textContent).toContain('Pengodean dari salinan yang dilewati karena pilihan Anda: 2');
    expect(report.textContent).toContain('kepercayaan: diambil dari salinan');
    expect(report.textContent).toContain('Sebelum penggabungan');
    expect(within(report).getByTestId('merge-unplaced').textContent).toBe('sikap/pro · Bima · "P-01_fashion" posisi 412: "Saya ragu soal itu"');
  });

  it('shows why a merge was refused and keeps the plan and the choices', async () => {
    mergeAnswer = { ok: false, error: { kind: 'conflict', message: 'The merge has 1 conflict(s) still to settle.' } };
    show('en');
    await toPlan();
    fireEvent.click(within(screen.getAllByTestId('merge-conflict')[2]!).getByTestId('merge-choice-copy'));
    fireEvent.click(screen.getByTestId('merge-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe('The merge has 1 conflict(s) still to settle.');
    expect((within(screen.getAllByTestId('merge-conflict')[2]!).getByTestId('merge-choice-copy') as HTMLInputElement).checked).toBe(true);
  });
});
