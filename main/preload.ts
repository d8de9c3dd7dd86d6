import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeChannels, BridgeEventName, TematikBridge } from '../src/api/bridge';

// A sandboxed preload can require only 'electron' (and a few Node built-ins): no relative
// modules, so the channel names are written out here and checked against BridgeChannels.
const CHANNELS = {
  invoke: 'tematik:invoke',
  progress: 'tematik:progress',
  menu: 'tematik:menu',
  cancel: 'tematik:cancel',
  crashed: 'tematik:crashed',
  notice: 'tematik:notice',
  openTeam: 'tematik:open-team',
} as const satisfies BridgeChannels;

const EVENT_CHANNELS: Readonly<Record<BridgeEventName, string>> = { progress: CHANNELS.progress, menu: CHANNELS.menu, crashed: CHANNELS.crashed, notice: CHANNELS.notice };

const api = {
  // Names and arguments are validated in the main process, the only side that can be trusted to.
  invoke: (name, args) => ipcRenderer.invoke(CHANNELS.invoke, name, args),
  cancel: (job) => ipcRenderer.invoke(CHANNELS.cancel, job),
  openTeamServer: (address) => ipcRenderer.invoke(CHANNELS.openTeam, address),
  on: (event, listener) => {
    if (!Object.hasOwn(EVENT_CHANNELS, event)) throw new Error(`Tematik has no "${String(event)}" event; listen to "progress", "menu", "crashed" or "notice".`);
    if (typeof listener !== 'function') throw new Error('The listener must be a function.');
    const channel = EVENT_CHANNELS[event];
    // The IpcRendererEvent is dropped: its `sender` is ipcRenderer itself, which must never reach the page.
    const forward = (_event: IpcRendererEvent, ...args: unknown[]) => (listener as (...a: unknown[]) => void)(...args);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
} satisfies TematikBridge;

contextBridge.exposeInMainWorld('tematik', api);
