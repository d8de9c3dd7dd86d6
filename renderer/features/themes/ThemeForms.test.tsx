// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SavedText } from './DefinePanel';
import { InlineName } from './InlineName';
import { NameDialog } from './ThemeDialogs';

afterEach(cleanup);

describe('SavedText', () => {
  it('saves once on blur, and not again when nothing changed', async () => {
    const onSave = vi.fn(() => Promise.resolve());
    render(<SavedText label="Definition" value="" placeholder="" rows={3} onSave={onSave} testId="definition-input" />);
    const area = screen.getByTestId('definition-input');
    fireEvent.focus(area);
    fireEvent.change(area, { target: { value: 'About trust' } });
    await act(async () => { fireEvent.blur(area); });
    expect(onSave).toHaveBeenCalledExactlyOnceWith('About trust');
  });

  it('saves with Ctrl+Enter and does not save the same text again on the blur that follows', async () => {
    let finish: () => void = () => undefined;
    const onSave = vi.fn(() => new Promise<void>((resolve) => { finish = resolve; }));
    render(<SavedText label="Scope" value="old" placeholder="" rows={3} onSave={onSave} testId="scope-input" />);
    const area = screen.getByTestId('scope-input');
    fireEvent.focus(area);
    fireEvent.change(area, { target: { value: 'new' } });
    fireEvent.keyDown(area, { key: 'Enter', ctrlKey: true });
    fireEvent.blur(area);
    await act(async () => { finish(); });
    expect(onSave).toHaveBeenCalledExactlyOnceWith('new');
  });

  it('keeps the draft when the save fails, so nothing typed is lost', async () => {
    const onSave = vi.fn(() => Promise.reject(new Error('refused')));
    render(<SavedText label="Definition" value="stored" placeholder="" rows={3} onSave={onSave} testId="definition-input" />);
    const area = screen.getByTestId<HTMLTextAreaElement>('definition-input');
    fireEvent.focus(area);
    fireEvent.change(area, { target: { value: 'typed' } });
    await act(async () => { fireEvent.blur(area); });
    expect(area.value).toBe('typed');
    fireEvent.focus(area);
    expect(area.value).toBe('typed');
  });
});

describe('InlineName', () => {
  it('saves the trimmed name once on Enter, ignoring the blur as the field goes', () => {
    const onSave = vi.fn();
    const onCancel = vi.fn();
    render(<InlineName value="Old" label="Rename" className="" testId="n" onSave={onSave} onCancel={onCancel} />);
    const input = screen.getByTestId('n');
    fireEvent.change(input, { target: { value: '  New name ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(onSave).toHaveBeenCalledExactlyOnceWith('New name');
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('cancels on Escape, and when the name is blank or unchanged', () => {
    const onSave = vi.fn();
    const onCancel = vi.fn();
    render(<InlineName value="Old" label="Rename" className="" testId="n" onSave={onSave} onCancel={onCancel} />);
    const input = screen.getByTestId('n');
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.blur(input);
    expect(onSave).not.toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalledOnce();
  });
});

describe('NameDialog', () => {
  it('creates the theme with the trimmed name on Enter, and lists the codes it will hold', async () => {
    const onCreate = vi.fn(() => Promise.resolve());
    const code = { id: 1, parentId: null, name: 'Polling', description: '', colour: '#123456', inVivo: false, codingCount: 3, informantCount: 2 } as never;
    render(<NameDialog title="New theme" codes={[code]} onCancel={() => undefined} onCreate={onCreate} />);
    expect(screen.getByText('Polling')).toBeTruthy();
    const input = screen.getByTestId('theme-name-input');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCreate).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: ' Customers as co-designers ' } });
    await act(async () => { fireEvent.keyDown(input, { key: 'Enter' }); });
    expect(onCreate).toHaveBeenCalledExactlyOnceWith('Customers as co-designers');
  });
});
