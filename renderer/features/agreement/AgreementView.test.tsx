// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementDisagreement, AgreementResult, AgreementRow } from '../../../src/domain/agreement';
import type { CodeId, DocumentId } from '../../../src/domain/ids';
import { installStandInBridge } from '../../test-support/stand-in-bridge';

/** A project of three coders behind the preload bridge; what the view asks is recorded. */
const coders = [
  { id: 1, name: 'Ayu', colour: '#4e79a7', codings: 40 },
  { id: 2, name: 'Bima', colour: '#f28e2b', codings: 35 },
  { id: 3, name: 'Citra', colour: '#e15759', codings: 12 },
  { id: 4, name: 'Eko', colour: '#76b7b2', codings: 0 },
];
const codes = [
  { id: 10, parentId: null, name: 'stance', colour: '#888888' },
  { id: 11, parentId: 10, name: 'pro', colour: '#888888' },
  { id: 12, parentId: 10, name: 'contra', colour: '#888888' },
  { id: 13, parentId: null, name: 'harga', colour: '#888888' },
];
const row = (extra: Partial<AgreementRow>): AgreementRow => ({
  scope: 'code', codeId: null, documentId: null, label: '', units: 30, disagreements: 4, percent: 0.9, cohenKappa: null, brennanPrediger: 0.8, alpha: 0.61, applied: 0.3, ...extra,
});
const result = (coderIds: readonly number[]): AgreementResult => ({
  unit: 'turn', includeUncoded: true, takesPart: 'coded',
  coders: coders.filter((c) => coderIds.includes(c.id)).map((c) => ({ id: c.id, name: c.name })),
  variable: { kind: 'codes' },
  documents: [{ id: 7, title: 'P-01_fashion', coderIds: coderIds.slice(0, 2) }],
  conflictingUnits: 0,
  rows: [
    row({ scope: 'overall' }),
    row({ codeId: 10 as CodeId, label: 'stance' }),
    row({ codeId: 13 as CodeId, label: 'harga', disagreements: 0, percent: 1, brennanPrediger: 1, alpha: null, applied: 0 }),
    row({ scope: 'document', documentId: 7 as DocumentId, label: 'P-01_fashion' }),
  ],
} as unknown as AgreementResult);
const disagreement = {
  documentId: 7, documentTitle: 'P-01_fashion', codeId: 10, codeName: 'stance', start: 120, end: 180, text: 'Kami ragu dengan harga itu.',
  values: [{ coderId: 1, value: 'stance' }, { coderId: 2, value: '' }, { coderId: 3, value: null }],
} as unknown as AgreementDisagreement;

const calls: { name: string; args: Record<string, unknown> }[] = [];
/** Another project for each test: the screen remembers its form per project. */
let projectPath = '';
function handle(name: string, args: Record<string, unknown>): unknown {
  switch (name) {
    case 'app.info': return { host: 'browser', dialogs: false, sampleAvailable: true, recent: [], projectPath: '/tmp/x.tematik', version: '0' };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 1, path: projectPath };
    case 'history.state': return { undo: null, redo: null };
    case 'coders.list': return { coders, current: 'Ayu', chosen: true };
    case 'codes.list': return codes;
    case 'documents.list': return [{ id: 7, title: 'P-01_fashion' }, { id: 8, title: 'K-01_skincare' }];
    case 'analysis.agreement': return result(args['coders'] as number[]);
    case 'analysis.agreementDisagreements': return [disagreement];
    default: return null;
  }
}

let AgreementView: typeof import('./AgreementView').AgreementView;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls, ignore: /^(app|project|history|coders|codes|documents)\./ });
  ({ AgreementView } = await import('./AgreementView'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
let tests = 0;
beforeEach(() => {
  calls.length = 0;
  projectPath = `/tmp/studi-${++tests}.tematik`;
});
afterEach(() => cleanup());

function RouteProbe() {
  return <output data-testid="route">{JSON.stringify(state.useProject().route)}</output>;
}

async function renderView(language: 'en' | 'id' = 'en') {
  render(<I18nProvider language={language}><state.ProjectProvider><AgreementView /><RouteProbe /></state.ProjectProvider></I18nProvider>);
  await waitFor(() => expect(screen.getByTestId('agreement-table')).toBeTruthy());
}

describe('AgreementView', () => {
  it('compares everyone who coded, leaves Cohen’s κ out for three coders and says why a cell is empty', async () => {
    await renderView();
    expect(calls.filter((c) => c.name === 'analysis.agreement').at(-1)!.args).toEqual({ coders: [1, 2, 3], unit: 'turn' });
    const headers = [...screen.getByTestId('agreement-table').querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['Code ▴', 'Units (speaker turns)', 'Disagreements', 'Percent agreement (%)', 'Brennan–Prediger κ', 'Krippendorff’s α (nominal)']);
    expect(screen.getByText('Cohen’s κ compares two coders; with 3 coders it is not given.')).toBeTruthy();
    const harga = within(screen.getByTestId('agreement-row-code:13'));
    expect(harga.getByTestId('agreement-empty-reason').textContent).toBe('undefined: nobody applied this code');
    expect(harga.getByTestId('agreement-alpha').textContent).toBe('–');
    expect(within(screen.getByTestId('agreement-row-code:10')).getByTestId('agreement-alpha').textContent).toBe('0.610');
  });

  it('asks again for what the form says, and for two coders at least', async () => {
    await renderView();
    fireEvent.click(screen.getByTestId('agreement-coder-Citra'));
    fireEvent.change(screen.getByTestId('agreement-unit'), { target: { value: 'characterCoded' } });
    fireEvent.click(screen.getByTestId('agreement-takes-part-all'));
    await waitFor(() => expect(calls.filter((c) => c.name === 'analysis.agreement').at(-1)!.args).toEqual({ coders: [1, 2], unit: 'character', includeUncoded: false, takesPart: 'all' }));
    // Two coders: Cohen's κ comes back.
    await waitFor(() => expect(screen.getByTestId('agreement-table').querySelector('thead')!.textContent).toContain('Cohen’s κ'));
    fireEvent.click(screen.getByTestId('agreement-codes-group'));
    expect(screen.getByTestId('agreement-missing').textContent).toBe('Choose a code group.');
    fireEvent.change(screen.getByTestId('agreement-group'), { target: { value: '10' } });
    await waitFor(() => expect(calls.filter((c) => c.name === 'analysis.agreement').at(-1)!.args).toMatchObject({ groupId: 10 }));
    fireEvent.click(screen.getByTestId('agreement-coder-Bima'));
    expect(screen.getByTestId('agreement-missing').textContent).toBe('Choose at least two coders to compare.');
  });

  it('drills into a document with that document alone, and opens the transcript at the passage', async () => {
    await renderView('id');
    fireEvent.click(screen.getByTestId('agreement-scope-documents'));
    fireEvent.click(screen.getByTestId('agreement-row-document:7'));
    const drill = await screen.findByTestId('agreement-disagreements');
    await waitFor(() => expect(within(drill).getAllByTestId('agreement-disagreement')).toHaveLength(1));
    expect(calls.find((c) => c.name === 'analysis.agreementDisagreements')!.args).toMatchObject({ documentIds: [7], documentId: 7 });
    const item = within(drill).getByTestId('agreement-disagreement');
    expect(item.textContent).toContain('Ayu: stance');
    expect(item.textContent).toContain('Bima: (tidak ada)');
    expect(item.textContent).toContain('Citra: (tidak dihitung)');
    fireEvent.click(within(item).getByTestId('agreement-open-transcript'));
    await waitFor(() => expect(JSON.parse(screen.getByTestId('route').textContent!)).toEqual({ view: 'document', documentId: 7, focus: { start: 120, end: 180 } }));
  });
});
