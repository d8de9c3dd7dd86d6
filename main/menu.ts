import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuEventArgs } from '../src/api/bridge';
import type { RecentProject } from '../src/domain/types';

export interface MenuState {
  readonly platform: NodeJS.Platform;
  /** Development build: adds Reload and the developer tools. */
  readonly isDev: boolean;
  readonly projectOpen: boolean;
  readonly recent: readonly RecentProject[];
  /** Sends a command to the window; the renderer carries it out through the contract. */
  readonly send: (...args: MenuEventArgs) => void;
}

/**
 * The native menu as a template: a pure function of the app's state, so it is tested without
 * Electron and rebuilt whenever the recent list or the open project changes. App actions only
 * send a command; text editing and window chrome use Electron's roles.
 */
export function menuTemplate(state: MenuState): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const { send } = state;
  const command = (label: string, name: Exclude<MenuCommand, 'open-path'>, accelerator?: string, enabled = true): MenuItemConstructorOptions => ({
    label, enabled, ...(accelerator ? { accelerator } : {}), click: () => send(name),
  });

  const recent: MenuItemConstructorOptions[] = state.recent.length === 0
    ? [{ label: 'No Recent Projects', enabled: false }]
    : state.recent.map((project) => ({ label: project.name, sublabel: project.path, toolTip: project.path, click: () => send('open-path', project.path) }));

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New Project…', 'new-project', 'CmdOrCtrl+Shift+N'),
      command('Open Project…', 'open-project', 'CmdOrCtrl+O'),
      command('Open Sample Project', 'open-sample'),
      command('Open Team Project…', 'open-team'),
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      command('Import Transcripts…', 'import', 'CmdOrCtrl+I', state.projectOpen),
      command('Import Review Comments…', 'import-review', undefined, state.projectOpen),
      command('Export…', 'export', 'CmdOrCtrl+E', state.projectOpen),
      { type: 'separator' },
      command('Close Project', 'close-project', undefined, state.projectOpen),
      // macOS keeps Quit in the app menu; the role gives each platform its own label and shortcut.
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // Not the undo/redo roles: the renderer decides between text undo in a field and project undo.
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
      // Ctrl+Y is Redo on Windows and Linux too; a hidden item still fires its accelerator there.
      ...(mac ? [] : [{ ...command('Redo', 'redo', 'Ctrl+Y'), visible: false, acceleratorWorksWhenHidden: true }]),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'find', 'CmdOrCtrl+F'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(state.isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  // macOS has About in the app menu, and an empty Help menu would only show its search field.
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ role: 'about', label: 'About Tematik' }] };

  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    ...(mac ? [{ role: 'windowMenu' } as const] : [help]),
  ];
}
