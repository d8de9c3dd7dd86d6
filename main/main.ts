import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session as electronSession, shell, type WebContents } from 'electron';
import type { MenuEventArgs } from '../src/api/bridge';
import type { Outcome } from '../src/api/contract';
import { errorInLanguage } from '../src/domain/errors';
import { readRecent } from '../src/api/recent';
import type { DialogKind } from '../src/api/session';
import { WorkerHost } from '../src/host/worker-host';
import { sampleStudyDir } from '../src/server/paths';
import { allowPermission, APP_ENTRY, APP_SCHEME, navigationDecision } from './app-origin';
import { createAppRequestHandler } from './app-protocol';
import { dialogRequest, withProjectExtension } from './dialogs';
import { createMediaRequestHandler, MEDIA_SCHEME } from './media-protocol';
import { registerIpc } from './ipc';
import { CHANNELS } from './ipc-router';
import { projectFromArgv } from './launch-args';
import { menuTemplate } from './menu';
import { isOfOrigin, teamNavigationDecision, teamPartition } from './team-origin';
import { electronBindingPath, packagedBindingPath } from './native/paths';

// Privileges must be granted before `ready`. A standard, secure scheme gives the renderer a real
// origin (relative URLs, storage) without file://, whose extra powers we do not want. No
// corsEnabled: left unset, other origins cannot read our files; same-origin module scripts load.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  // Linked recordings (main/media-protocol.ts): `stream` lets the media element seek with range requests.
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true } },
]);
// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox();

/** Who the changes are recorded as: TEMATIK_CODER, else the OS account name. */
function coderName(): string {
  const fromEnv = process.env['TEMATIK_CODER']?.trim();
  if (fromEnv) return fromEnv;
  try {
    return os.userInfo().username || 'researcher';
  } catch {
    return 'researcher';
  }
}

/** Where file dialogs start: Documents, or home where the desktop names no Documents folder. */
function startFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

/** The native dialog for one of the contract's file choices; null when cancelled. */
async function choosePaths(kind: DialogKind): Promise<string[] | null> {
  const request = dialogRequest(kind, startFolder());
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (request.type === 'save') {
    const result = parent ? await dialog.showSaveDialog(parent, request.options) : await dialog.showSaveDialog(request.options);
    return result.canceled || !result.filePath ? null : [withProjectExtension(result.filePath)];
  }
  const result = parent ? await dialog.showOpenDialog(parent, request.options) : await dialog.showOpenDialog(request.options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

/** The team server each team window shows (openTeamWindow), by its web contents. */
const teamOrigins = new WeakMap<WebContents, string>();

/** Where `contents` may go: a team window to its own server, every other window to our origin only. */
function decide(contents: WebContents, url: string) {
  const origin = teamOrigins.get(contents);
  return origin === undefined ? navigationDecision(url) : teamNavigationDecision(origin, url);
}

/** Keeps every web contents (the window, and anything it might try to spawn) on its origin. */
function harden(contents: WebContents): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    const decision = decide(contents, url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') void shell.openExternal(url);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decide(contents, url) === 'open-externally') void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * A team project: the team server's own pages (the same renderer, served by `tematik serve`) in a
 * window of their own, beside the local projects. The page gets no bridge (no preload): it reaches
 * only its server, through the server's login, sessions and roles. Its session is a partition of
 * its own, so the server's cookie never meets the local app's storage, and that session lets the
 * page reach its server and nothing else, nor ask for any permission.
 */
function openTeamWindow(origin: string): void {
  const partition = teamPartition(origin);
  const ses = electronSession.fromPartition(partition);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: details.webContentsId !== undefined && !isOfOrigin(details.url, origin) });
  });
  const win = new BrowserWindow({
    width: 1280, height: 820, minWidth: 900, minHeight: 600, title: `Tematik — ${new URL(origin).host}`, show: false,
    webPreferences: { partition, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, navigateOnDragDrop: false },
  });
  teamOrigins.set(win.webContents, origin);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-fail-load', (_event, _code, description) => {
    const language = app.getLocale().toLowerCase().startsWith('id') ? 'id' : 'en';
    dialog.showErrorBox(
      language === 'id' ? 'Server tim tidak dapat dijangkau' : 'The team server cannot be reached',
      language === 'id' ? `${origin} tidak menjawab (${description}). Periksa alamatnya dan sambungan jaringan Anda.` : `${origin} did not answer (${description}). Check the address and your network connection.`,
    );
    win.destroy();
  });
  void win.loadURL(`${origin}/`);
}

function start(): void {
  const dataDir = app.getPath('userData');
  const nativeBinding = app.isPackaged ? packagedBindingPath(process.resourcesPath) : electronBindingPath(app.getAppPath());
  // The core runs in worker threads (src/host): this process keeps the windows, menus and dialogs.
  const core = new WorkerHost({
    coder: coderName(),
    nativeBinding,
    host: { kind: 'electron', dataDir, sampleDir: app.isPackaged ? path.join(process.resourcesPath, 'sample-study') : sampleStudyDir() },
    choosePaths,
  });

  let window: BrowserWindow | null = null;
  let loaded = false;
  // `npm start -- study.tematik` runs in the package folder; INIT_CWD is where the user typed it.
  let pending = projectFromArgv(process.argv, (!app.isPackaged && process.env['INIT_CWD']) || process.cwd());

  const send = (...args: MenuEventArgs) => {
    if (window && !window.webContents.isDestroyed()) window.webContents.send(CHANNELS.menu, ...args);
  };
  const refreshMenu = () => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
      platform: process.platform, isDev: !app.isPackaged, projectOpen: core.project !== null, recent: readRecent(dataDir), send,
    })));
  };

  /**
   * Opens a project in main before the page can ask for it; errors go to a dialog, as there is no page
   * yet to show them. A project another Tematik writes is offered read-only, as the page would.
   */
  const openHere = async (file: string) => {
    const language = app.getLocale().toLowerCase().startsWith('id') ? 'id' : 'en';
    let outcome = await core.invoke('project.open', { path: file });
    if (!outcome.ok && outcome.error.kind === 'locked') {
      const buttons = language === 'id' ? ['Buka hanya-baca', 'Batal'] : ['Open read-only', 'Cancel'];
      const { response } = await dialog.showMessageBox({ type: 'warning', message: errorInLanguage(outcome.error, language).message, buttons, defaultId: 0, cancelId: 1 });
      if (response === 0) outcome = await core.invoke('project.open', { path: file, readOnly: true });
      else outcome = { ok: true, value: null };
    }
    if (!outcome.ok) dialog.showErrorBox(language === 'id' ? 'Tematik tidak dapat membuka proyek' : 'Tematik could not open the project', errorInLanguage(outcome.error, language).message);
    refreshMenu();
  };

  /** A project from outside (second launch, Finder, file manager): a loaded page opens it itself, like Open Recent. */
  const openFromOutside = (file: string) => {
    if (window && loaded) {
      if (window.isMinimized()) window.restore();
      window.focus();
      send('open-path', file);
    } else if (app.isReady()) {
      void openHere(file);
    } else {
      pending = file;
    }
  };

  const createWindow = () => {
    const win = new BrowserWindow({
      width: 1280, height: 820, minWidth: 900, minHeight: 600, title: 'Tematik', show: false,
      webPreferences: {
        contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true,
        preload: path.join(__dirname, 'preload.js'),
        // A file dropped on the window must not replace the app with that file.
        navigateOnDragDrop: false,
      },
    });
    window = win;
    loaded = false;
    win.once('ready-to-show', () => win.show());
    win.webContents.on('did-finish-load', () => {
      loaded = true;
    });
    win.on('closed', () => {
      // Closing the store checkpoints the WAL into the project file.
      void core.invoke('project.close', {}).then(refreshMenu);
      window = null;
      loaded = false;
    });
    void win.loadURL(APP_ENTRY);
  };

  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromOutside(file);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = projectFromArgv(argv, workingDirectory);
    if (!window && app.isReady()) createWindow();
    if (file) openFromOutside(file);
    else window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!window && app.isReady()) createWindow();
  });
  // The workers close the project (its WAL folded into the file) before the app ends.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  core.onCrash(({ error }) => {
    if (window && !window.webContents.isDestroyed()) window.webContents.send(CHANNELS.crashed, error);
    refreshMenu();
  });
  core.onNotice((notice) => {
    if (window && !window.webContents.isDestroyed()) window.webContents.send(CHANNELS.notice, notice);
  });

  app.whenReady().then(async () => {
    if (!fs.existsSync(nativeBinding)) {
      dialog.showErrorBox('Tematik cannot start', app.isPackaged
        ? `This copy of Tematik is incomplete: ${nativeBinding} is missing. Reinstall Tematik.`
        : `The database module built for Electron is missing (${nativeBinding}). Start Tematik with "npm start", which builds it.`);
      app.exit(1);
      return;
    }
    if (process.platform === 'win32') app.setAppUserModelId('org.tematik.app');
    app.setAboutPanelOptions({ applicationName: 'Tematik', applicationVersion: app.getVersion() });

    protocol.handle(APP_SCHEME, createAppRequestHandler(path.join(app.getAppPath(), 'dist', 'renderer')));
    protocol.handle(MEDIA_SCHEME, createMediaRequestHandler({
      source: async (id) => await core.invoke('recordings.source', { id }) as Outcome<'recordings.source'>,
      bytes: async (id, start, length) => await core.invoke('recordings.bytes', { id, start, length }) as Outcome<'recordings.bytes'>,
    }));
    const ses = electronSession.defaultSession;
    ses.setPermissionRequestHandler((contents, permission, callback, details) => callback(allowPermission(permission, details.requestingUrl ?? contents.getURL())));
    ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowPermission(permission, requestingOrigin));
    // Defence behind the CSP: no page may reach the network. Requests Chromium makes itself
    // (no web contents, e.g. spell-check dictionaries) are left alone.
    ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
      callback({ cancel: details.webContentsId !== undefined });
    });

    registerIpc({
      host: core,
      openTeam: openTeamWindow,
      onSettled: (name, outcome) => {
        if (outcome.ok && core.project && (name === 'project.open' || name === 'project.create' || name === 'app.openSample')) {
          app.addRecentDocument(core.project.file);
        }
        if (name.startsWith('project.') || name.startsWith('app.')) refreshMenu();
      },
    });
    refreshMenu();
    if (pending) await openHere(pending);
    pending = null;
    createWindow();
  }).catch((error: unknown) => {
    dialog.showErrorBox('Tematik could not start', error instanceof Error ? error.stack ?? error.message : String(error));
    app.exit(1);
  });
}

// One instance owns the project files: a second launch hands its file to the first and quits.
if (app.requestSingleInstanceLock()) start();
else app.quit();
