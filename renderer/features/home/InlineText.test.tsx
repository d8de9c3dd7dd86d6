// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InlineText } from './InlineText';

afterEach(cleanup);

describe('InlineText', () => {
  it('commits the trimmed value on Enter and reports the end of editing', () => {
    const onCommit = vi.fn();
    const onFinish = vi.fn();
    render(<InlineText value="Yogyakarta" label="city" onCommit={onCommit} onFinish={onFinish} />);
    const input = screen.getByLabelText('city');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '  Sleman ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledExactlyOnceWith('Sleman');
    expect(onFinish).toHaveBeenCalledOnce();
  });

  it('sends nothing when the value did not change, and puts it back on Escape', () => {
    const onCommit = vi.fn();
    render(<InlineText value="P-01" label="label" onCommit={onCommit} />);
    const input = screen.getByLabelText<HTMLInputElement>('label');
    fireEvent.focus(input);
    fireEvent.blur(input);
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'P-99' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.blur(input);
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.value).toBe('P-01');
  });

  it('refuses to empty a required value', () => {
    const onCommit = vi.fn();
    render(<InlineText value="P-01" label="label" required onCommit={onCommit} />);
    const input = screen.getByLabelText<HTMLInputElement>('label');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '  ' } });
    fireEvent.blur(input);
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.value).toBe('P-01');
  });

  it('restores the old value when the change is refused', async () => {
    render(<InlineText value="P-01" label="label" onCommit={() => Promise.reject(new Error('taken'))} />);
    const input = screen.getByLabelText<HTMLInputElement>('label');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'P-02' } });
    fireEvent.blur(input);
    await vi.waitFor(() => expect(input.value).toBe('P-01'));
  });
});
