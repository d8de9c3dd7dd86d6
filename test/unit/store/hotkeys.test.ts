import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { Code } from '../../../src/domain/types';
import { newProject } from '../../helpers/temp-project';

describe('keys 1–9 pinned to codes (hotkeys.set)', () => {
  let client: LocalClient;
  let polling: Code;
  let modal: Code;
  const invoke: LocalClient['invoke'] = (name, args) => client.invoke(name, args);
  const keys = async () => Object.fromEntries((await invoke('codes.list', {})).map((c) => [c.name, c.hotkey]));

  beforeEach(async () => {
    client = await newProject();
    polling = await invoke('codes.create', { name: 'Polling Instagram' });
    modal = await invoke('codes.create', { name: 'Kendala modal usaha dan akses permodalan' });
  });

  it('lists every code without a key at first', async () => {
    expect(await keys()).toEqual({ 'Polling Instagram': null, 'Kendala modal usaha dan akses permodalan': null });
  });

  it('pins a key, moves it when another code takes it, and frees it', async () => {
    expect((await invoke('hotkeys.set', { id: polling.id, key: 3 })).hotkey).toBe(3);
    expect(await keys()).toEqual({ 'Polling Instagram': 3, 'Kendala modal usaha dan akses permodalan': null });

    await invoke('hotkeys.set', { id: modal.id, key: 3 });
    expect(await keys()).toEqual({ 'Polling Instagram': null, 'Kendala modal usaha dan akses permodalan': 3 });

    await invoke('hotkeys.set', { id: modal.id, key: null });
    expect(await keys()).toEqual({ 'Polling Instagram': null, 'Kendala modal usaha dan akses permodalan': null });
  });

  it('undoes a pin that took the key from another code in one step, and redoes it', async () => {
    await invoke('hotkeys.set', { id: polling.id, key: 1 });
    await invoke('hotkeys.set', { id: modal.id, key: 1 });
    expect((await invoke('history.state', {})).undo).toBe('Pin key 1 to code "Kendala modal usaha dan akses permodalan"');

    await invoke('history.undo', {});
    expect(await keys()).toEqual({ 'Polling Instagram': 1, 'Kendala modal usaha dan akses permodalan': null });
    await invoke('history.redo', {});
    expect(await keys()).toEqual({ 'Polling Instagram': null, 'Kendala modal usaha dan akses permodalan': 1 });
  });

  it('refuses a key outside 1–9 and an unknown code, changing nothing', async () => {
    await expect(invoke('hotkeys.set', { id: polling.id, key: 0 })).rejects.toThrow(/from 1 to 9/);
    await expect(invoke('hotkeys.set', { id: polling.id, key: 10 })).rejects.toThrow(/from 1 to 9/);
    await expect(invoke('hotkeys.set', { id: 999 as Code['id'], key: 2 })).rejects.toThrow(/Code 999 does not exist/);
    expect(await keys()).toEqual({ 'Polling Instagram': null, 'Kendala modal usaha dan akses permodalan': null });
  });
});

describe('moving a code between themes (board.moveCode)', () => {
  it('moves the code in one undoable step', async () => {
    const client = await newProject();
    const invoke: LocalClient['invoke'] = (name, args) => client.invoke(name, args);
    const code = await invoke('codes.create', { name: 'Rasa memiliki' });
    const from = await invoke('themes.create', { name: 'Co-creation digital', codeIds: [code.id] });
    const to = await invoke('themes.create', { name: 'Loyalitas pelanggan' });
    const codesOf = async () => Object.fromEntries((await invoke('themes.list', {})).map((t) => [t.name, t.codeIds]));

    const moved = await invoke('board.moveCode', { codeId: code.id, fromId: from.id, toId: to.id });
    expect(moved.codeIds).toEqual([code.id]);
    expect(await codesOf()).toEqual({ 'Co-creation digital': [], 'Loyalitas pelanggan': [code.id] });

    await invoke('history.undo', {});
    expect(await codesOf()).toEqual({ 'Co-creation digital': [code.id], 'Loyalitas pelanggan': [] });
    await expect(invoke('board.moveCode', { codeId: code.id, fromId: to.id, toId: from.id })).rejects.toThrow(/not in theme "Loyalitas pelanggan"/);
  });
});
