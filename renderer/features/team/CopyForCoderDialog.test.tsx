// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installStandInBridge, type BridgeCall } from '../../test-support/stand-in-bridge';

const PROJECT = '/home/ayu/studi.tematik';
const OUT = '/home/ayu/untuk-bima.tematik';
const calls: BridgeCall[] = [];
let dialogs = false;
let copyAnswer: unknown = null;

function handle(name: string): unknown {
  switch (name) {
    case 'app.info': return { host: dialogs ? 'electron' : 'browser', dialogs, sampleAvailable: false, projectPath: PROJECT, version: '0', recent: [] };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 11, path: PROJECT, readOnly: null, notices: [] };
    case 'history.state': return { undo: null, redo: null };
    case 'app.choosePaths': return [OUT];
    case 'team.copyForCoder': return copyAnswer;
    default: return null;
  }
}

let CopyForCoderDialog: typeof import('./CopyForCoderDialog').CopyForCoderDialog;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name) => handle(name), { record: calls, ignore: /^(app\.info|project\.info|history\.state)$/ });
  ({ CopyForCoderDialog } = await import('./CopyForCoderDialog'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
beforeEach(() => {
  calls.length = 0;
  dialogs = false;
  copyAnswer = { path: OUT, coder: 'Bima', documents: 11, codes: 24, codings: 0, bytes: 1000 };
});
afterEach(cleanup);

function show(language: 'en' | 'id') {
  render(<I18nProvider language={language}><state.ProjectProvider><CopyForCoderDialog onClose={() => undefined} /></state.ProjectProvider></I18nProvider>);
}

describe('the copy-for-another-coder dialog', () => {
  it('asks for the name and the file before writing anything, in Indonesian', async () => {
    show('id');
    fireEvent.click(await screen.findByTestId('copy-for-coder-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe('Ketik nama pengode yang akan menerima salinan.');
    fireEvent.change(screen.getByTestId('copy-for-coder-name'), { target: { value: 'Bima' } });
    fireEvent.click(screen.getByTestId('copy-for-coder-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe('Tentukan tempat menyimpan salinan.');
    expect(calls).toEqual([]);
  });

  it('writes the copy to a typed path (browser mode), keeping the coder\'s own codings when asked, and says where it is', async () => {
    copyAnswer = { path: OUT, coder: 'Bima', documents: 11, codes: 24, codings: 7, bytes: 1000 };
    show('en');
    fireEvent.change(await screen.findByTestId('copy-for-coder-name'), { target: { value: ' Bima ' } });
    fireEvent.change(await screen.findByTestId('copy-for-coder-path'), { target: { value: OUT } });
    fireEvent.click(screen.getByTestId('copy-for-coder-keep-own'));
    fireEvent.click(screen.getByTestId('copy-for-coder-submit'));
    expect((await screen.findByTestId('copy-for-coder-done')).textContent).toBe(`The copy for Bima is at ${OUT}: 11 transcripts, 24 codes, 7 of their own codings.`);
    expect(calls).toEqual([{ name: 'team.copyForCoder', args: { path: OUT, coder: 'Bima', keepOwn: true } }]);
  });

  it('asks the desktop\'s save dialog where to write, and shows a refusal without closing', async () => {
    dialogs = true;
    copyAnswer = { ok: false, error: { kind: 'conflict', message: `${OUT} already exists. Choose a new file name for the copy; nothing was written.` } };
    show('en');
    fireEvent.change(await screen.findByTestId('copy-for-coder-name'), { target: { value: 'Bima' } });
    fireEvent.click(await screen.findByTestId('copy-for-coder-choose'));
    await screen.findByText(OUT);
    fireEvent.click(screen.getByTestId('copy-for-coder-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe(`${OUT} already exists. Choose a new file name for the copy; nothing was written.`);
    expect(calls).toEqual([{ name: 'app.choosePaths', args: { kind: 'saveCopy' } }, { name: 'team.copyForCoder', args: { path: OUT, coder: 'Bima', keepOwn: false } }]);
    expect(screen.getByTestId('copy-for-coder-dialog')).toBeTruthy();
  });
});
