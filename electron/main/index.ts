import { join } from 'node:path';
import { currentActor, databasePath, resolveDataDir } from '@backend/core/paths';
import { type Backend, createBackend } from '@backend/index';
import type { Result } from '@shared/kernel/errors';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen } from 'electron';
import { warmUp } from '../server/warmUp';
import { buildMenu } from './menu';
import { handleAppScheme, registerAppScheme } from './protocol';
import { APP_ORIGIN, denyAllPermissions, hardenWebContents, isAppUrl } from './security';
import { loadWindowState, saveWindowState, visibleOn } from './windowState';

app.setName('Keel');
app.enableSandbox();
registerAppScheme();

const dataDir = resolveDataDir();
app.setPath('userData', dataDir);
const windowStateFile = join(dataDir, 'window-state.json');

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start, (error) => fatal(error));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && backend) createWindow();
  });
  app.on('will-quit', () => backend?.close());
}

function start() {
  denyAllPermissions();
  try {
    backend = createBackend({ databasePath: databasePath(dataDir), actor: currentActor(), mode: 'desktop' });
  } catch (error) {
    fatal(error);
    return;
  }
  const running = backend;
  handleAppScheme(join(__dirname, '../renderer'));
  // One channel, derived from the contract by the dispatcher: unknown names and bad inputs come back as typed errors.
  ipcMain.handle('keel:invoke', (event, name: unknown, input: unknown): Promise<Result<unknown>> | Result<never> => {
    const frame = event.senderFrame;
    if (!frame || !isAppUrl(frame.url) || frame.parent !== null) {
      return { ok: false, error: { code: 'unauthorized', message: 'Only the Keel window may call Keel.' } };
    }
    return running.dispatch(String(name), input);
  });
  Menu.setApplicationMenu(buildMenu(() => mainWindow, running, dataDir));
  createWindow();
}

function createWindow() {
  const state = visibleOn(
    loadWindowState(windowStateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Keel',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // Once the window's files are served (this process serves them), load the libraries the first plan view and export need.
  window.webContents.once('did-finish-load', () => warmUp(undefined, () => backend?.holidaysInUse() ?? []));
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(windowStateFile, { ...bounds, maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  mainWindow = window;
}

function fatal(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Keel cannot start', message);
  app.exit(1);
}
