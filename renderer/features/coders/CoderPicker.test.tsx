// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Coder, CoderList } from '../../../src/domain/types';
import { installStandInBridge, type BridgeCall } from '../../test-support/stand-in-bridge';

const PROJECT = '/home/rina/studi.tematik';
const coder = (id: number, name: string, colour: string, codings: number): Coder => ({ id: id as Coder['id'], guid: `0000000${id}-0000-4000-8000-000000000000`, name, colour, createdAt: '', codings, consensus: false });

const calls: BridgeCall[] = [];
let list: CoderList;

function handle(name: string, args: unknown): unknown {
  switch (name) {
    case 'app.info': return { host: 'electron', dialogs: true, sampleAvailable: false, projectPath: PROJECT, version: '0', recent: [] };
    case 'project.info': return { name: 'Studi', description: '', phase: 2, createdAt: '', schemaVersion: 10, path: PROJECT, readOnly: null, notices: [] };
    case 'history.state': return { undo: null, redo: null };
    case 'coders.list': return list;
    case 'coders.setCurrent': {
      list = { ...list, current: (args as { name: string }).name, chosen: true };
      return list;
    }
    default: return null;
  }
}

let CoderPicker: typeof import('./CoderPicker').CoderPicker;
let state: typeof import('../../lib/state');
let I18nProvider: typeof import('../../i18n/i18n').I18nProvider;

beforeAll(async () => {
  installStandInBridge((name, args) => handle(name, args), { record: calls, ignore: /^(app\.info|project\.info|history\.state|coders\.list)$/ });
  ({ CoderPicker } = await import('./CoderPicker'));
  state = await import('../../lib/state');
  ({ I18nProvider } = await import('../../i18n/i18n'));
});
beforeEach(() => {
  calls.length = 0;
  list = { coders: [coder(1, 'Peneliti A', '#4e79a7', 120), coder(2, 'Rina', '#f28e2b', 64)], current: 'rina-laptop', chosen: false, blind: false };
});
afterEach(cleanup);

/** Shows the coders list the picker reads (the same query), so a test knows when the answer has arrived. */
function Probe() {
  const answer = state.useQuery('coders.list', {});
  return answer.data ? <p data-testid="probe">{answer.data.current}</p> : null;
}

function show(language: 'en' | 'id' = 'en') {
  render(<I18nProvider language={language}><state.ProjectProvider><Probe /><CoderPicker /></state.ProjectProvider></I18nProvider>);
}

describe('"who is coding?"', () => {
  it('asks when several people code the project and nobody chose here, and records the choice', async () => {
    show();
    expect(await screen.findByRole('dialog', { name: 'Who is coding?' })).toBeTruthy();
    expect(screen.getByTestId('coder-Rina').textContent).toContain('64 codings');
    fireEvent.click(screen.getByTestId('coder-Rina'));
    await waitFor(() => expect(calls.map((c) => [c.name, c.args])).toEqual([['coders.setCurrent', { name: 'Rina' }]]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('takes a name not yet in the project, in Bahasa Indonesia too', async () => {
    show('id');
    expect(await screen.findByRole('dialog', { name: 'Siapa yang mengode?' })).toBeTruthy();
    const submit = screen.getByRole('button', { name: 'Mengode dengan nama ini' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('coder-other-name'), { target: { value: 'Sari' } });
    fireEvent.click(submit);
    await waitFor(() => expect(calls.map((c) => [c.name, c.args])).toEqual([['coders.setCurrent', { name: 'Sari' }]]));
  });

  it('does not ask when one person codes (the consensus coder is no one), or when this computer already knows who codes', async () => {
    list = { ...list, coders: [coder(1, 'Peneliti A', '#4e79a7', 120), { ...coder(3, 'Consensus', '#59a14f', 4), consensus: true }] };
    show();
    expect((await screen.findByTestId('probe')).textContent).toBe('rina-laptop');
    expect(screen.queryByRole('dialog')).toBeNull();
    cleanup();
    list = { coders: [coder(1, 'Peneliti A', '#4e79a7', 120), coder(2, 'Rina', '#f28e2b', 64)], current: 'Rina', chosen: true, blind: false };
    show();
    expect((await screen.findByTestId('probe')).textContent).toBe('Rina');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toEqual([]);
  });
});
