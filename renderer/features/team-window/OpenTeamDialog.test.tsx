// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ErrorInfo } from '../../../src/domain/errors';

// The desktop bridge is read when renderer/lib/api.ts loads: put a recording one in place first.
const asked: string[] = [];
let answer: ErrorInfo | null = null;
beforeAll(() => {
  (globalThis as { tematik?: unknown }).tematik = {
    invoke: vi.fn(), cancel: vi.fn(), on: () => () => undefined,
    openTeamServer: (address: string) => {
      asked.push(address);
      return Promise.resolve(answer);
    },
  };
});
afterEach(cleanup);

describe('Open a team project (desktop)', () => {
  it('sends the typed address to main and closes when the window opened', async () => {
    const { OpenTeamDialog } = await import('./OpenTeamDialog');
    const onClose = vi.fn();
    render(<OpenTeamDialog onClose={onClose} />);
    expect(screen.getByTestId<HTMLButtonElement>('open-team-submit').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('open-team-address'), { target: { value: 'tematik.example.ac.id' } });
    fireEvent.click(screen.getByTestId('open-team-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(asked).toEqual(['tematik.example.ac.id']);
  });

  it('shows main\'s reason when the address cannot be used, and stays open', async () => {
    const { OpenTeamDialog } = await import('./OpenTeamDialog');
    answer = { kind: 'bad_input', message: 'Passwords and transcripts would travel unencrypted to tematik.example.ac.id.' };
    const onClose = vi.fn();
    render(<OpenTeamDialog onClose={onClose} />);
    fireEvent.change(screen.getByTestId('open-team-address'), { target: { value: 'http://tematik.example.ac.id' } });
    fireEvent.click(screen.getByTestId('open-team-submit'));
    expect((await screen.findByTestId('open-team-error')).textContent).toMatch(/travel unencrypted/);
    expect(onClose).not.toHaveBeenCalled();
  });
});
