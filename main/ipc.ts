import { ipcMain } from 'electron';
import { CHANNELS, createInvokeHandler, type InvokeRouterOptions } from './ipc-router';

/**
 * Registers the one IPC channel of the app. The checks and routing live in ipc-router.ts,
 * which is tested without Electron; this file only connects them to ipcMain.
 */
export function registerIpc(options: InvokeRouterOptions): () => void {
  ipcMain.handle(CHANNELS.invoke, createInvokeHandler(options));
  return () => ipcMain.removeHandler(CHANNELS.invoke);
}
