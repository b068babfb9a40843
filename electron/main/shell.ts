import { join } from 'node:path';
import { databasePath } from '@backend/core/paths';
import type { Backend, BackendOptions } from '@backend/index';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { wireContract } from './ipc';
import { buildMenu } from './menu';
import { electronPdfRenderer } from './pdf';
import { handleAppScheme, registerAppScheme } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { openMainWindow } from './window';

export type ShellOptions = {
  /** The data folder: the database, its lock, backups and the window's remembered place. */
  dataDir: string;
  /** Who acts, for the audit log. */
  actor: string;
  /** The built renderer, served as app://keel/. */
  rendererDir: string;
  /** The built preload script. */
  preload: string;
  /** Opens the backend (it takes the data-folder lock, then opens the database). */
  openBackend: (options: BackendOptions) => Backend;
};

/**
 * The desktop app's life: before ready, the sandbox, the app:// scheme and the single-instance
 * lock (keyed on the data folder); when ready, permissions denied, the backend opened (its
 * data-folder lock before its database), the contract wired to IPC, the menu and the window.
 * A second start focuses the first; a start that cannot open the data says why and exits.
 */
export function startShell(options: ShellOptions): void {
  app.setName('Keel');
  app.enableSandbox();
  registerAppScheme();
  // Electron keys the single-instance lock on userData, so it is one Keel per data folder.
  app.setPath('userData', options.dataDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  let backend: Backend | null = null;

  const createWindow = () => {
    const window = openMainWindow({
      preload: options.preload,
      stateFile: join(options.dataDir, 'window-state.json'),
      holidaysInUse: () => backend?.holidaysInUse() ?? [],
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  const start = () => {
    denyAllPermissions();
    let running: Backend;
    try {
      running = options.openBackend({
        databasePath: databasePath(options.dataDir),
        actor: options.actor,
        mode: 'desktop',
        // Printed documents (model cards, audit packs) become PDFs in an offscreen window.
        renderPdf: electronPdfRenderer,
      });
    } catch (error) {
      fatal(error);
      return;
    }
    backend = running;
    handleAppScheme(options.rendererDir);
    wireContract((name, input) => running.dispatch(name, input));
    Menu.setApplicationMenu(buildMenu(() => mainWindow, running, options.dataDir));
    createWindow();
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start, fatal);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && backend) createWindow();
  });
  app.on('will-quit', () => backend?.close());
}

function fatal(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Keel cannot start', message);
  app.exit(1);
}
