// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';
import { Modal } from './Modal';

afterEach(cleanup);

/** A button that opens a dialog holding a text field, as the app's dialogs are opened. */
function Opener({ busy = false }: { busy?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Rename</button>
      {open && (
        <Modal title="Rename the code" onClose={() => setOpen(false)} busy={busy} footer={<button onClick={() => setOpen(false)}>Done</button>}>
          <input aria-label="Name" />
        </Modal>
      )}
    </>
  );
}

describe('Modal', () => {
  it('is a modal dialog named by its title, focused on its first field, and gives the focus back on close', () => {
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Rename' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Rename the code' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside: past the last control to the first, and back', () => {
    render(<Opener />);
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const close = screen.getByRole('button', { name: 'Close' });
    const done = screen.getByRole('button', { name: 'Done' });
    done.focus();
    fireEvent.keyDown(done, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(done);
  });

  it('stays open on a click on the backdrop, and while busy on Escape and ×', () => {
    render(<Opener busy />);
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.mouseDown(dialog.parentElement!);
    fireEvent.click(dialog.parentElement!);
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    expect(screen.getByRole('button', { name: 'Close' }).hasAttribute('disabled')).toBe(true);
    expect(dialog.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('closes with × and keeps a field that took the focus itself', () => {
    const onClose = vi.fn();
    render(<Modal title="New code" onClose={onClose}><button>First</button><input aria-label="Name" autoFocus /></Modal>);
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('ConfirmDialog', () => {
  it('focuses the confirm button and cancels on Escape', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<ConfirmDialog title="Delete P-01?" message="Its 3 codings go with it." confirmLabel="Delete" cancelLabel="Cancel" onConfirm={onConfirm} onCancel={onCancel} />);
    expect(screen.getByRole('dialog', { name: 'Delete P-01?' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('confirm-ok'));
    fireEvent.keyDown(screen.getByTestId('confirm-ok'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByTestId('confirm-ok'));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('can start on Cancel, carry its own test ids, and hold both buttons while the action runs', () => {
    const onCancel = vi.fn();
    const { rerender } = render(
      <ConfirmDialog title="Delete the theme?" message="Its sub-themes go with it." confirmLabel="Delete" cancelLabel="Cancel"
        onConfirm={() => undefined} onCancel={onCancel} focus="cancel" testIds={{ dialog: 'theme-delete-dialog', confirm: 'theme-delete-confirm' }} />,
    );
    expect(screen.getByTestId('theme-delete-dialog')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('theme-delete-confirm').className).toContain('danger-fill');
    rerender(
      <ConfirmDialog title="Restore?" message="The project is replaced." confirmLabel="Restoring…" cancelLabel="Back"
        onConfirm={() => undefined} onCancel={onCancel} danger={false} busy />,
    );
    expect(screen.getByTestId('confirm-ok').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('confirm-cancel').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('confirm-ok').className).not.toContain('danger-fill');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onCancel).not.toHaveBeenCalled();
  });
});
