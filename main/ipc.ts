import { ipcMain } from 'electron';
import { CHANNELS, createCancelHandler, createInvokeHandler, type InvokeRouterOptions } from './ipc-router';

/**
 * Registers the app's IPC channels: calling an action and cancelling one. The checks and routing
 * live in ipc-router.ts, which is tested without Electron; this file only connects them to ipcMain.
 */
export function registerIpc(options: InvokeRouterOptions): () => void {
  ipcMain.handle(CHANNELS.invoke, createInvokeHandler(options));
  ipcMain.handle(CHANNELS.cancel, createCancelHandler(options));
  return () => {
    ipcMain.removeHandler(CHANNELS.invoke);
    ipcMain.removeHandler(CHANNELS.cancel);
  };
}
