import { ipcMain } from 'electron';
import { CHANNELS, createCancelHandler, createInvokeHandler, createOpenTeamHandler, type InvokeRouterOptions } from './ipc-router';

/**
 * Registers the app's IPC channels: calling an action, cancelling one, and opening a team server's window. The checks and routing
 * live in ipc-router.ts, which is tested without Electron; this file only connects them to ipcMain.
 */
export function registerIpc(options: InvokeRouterOptions & { readonly openTeam: (origin: string) => void }): () => void {
  ipcMain.handle(CHANNELS.invoke, createInvokeHandler(options));
  ipcMain.handle(CHANNELS.cancel, createCancelHandler(options));
  ipcMain.handle(CHANNELS.openTeam, createOpenTeamHandler({ open: options.openTeam, ...(options.log ? { log: options.log } : {}) }));
  return () => {
    ipcMain.removeHandler(CHANNELS.invoke);
    ipcMain.removeHandler(CHANNELS.cancel);
    ipcMain.removeHandler(CHANNELS.openTeam);
  };
}
