import { BrowserWindow, screen } from 'electron';
import { type HolidaysInUse, warmUp } from '../server/warmUp';
import { APP_ORIGIN } from './security';
import { fitOnScreen, loadWindowState, saveWindowState } from './windowState';

export type MainWindowOptions = {
  /** The built preload script: the renderer's only bridge. */
  preload: string;
  /** Where the window's size and position are remembered. */
  stateFile: string;
  holidaysInUse: HolidaysInUse;
};

/** Keel's window: sandboxed, isolated, no Node; where it was last time, pulled back onto a screen. */
export function openMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = fitOnScreen(
    loadWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Keel',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: options.preload,
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
  window.webContents.once('did-finish-load', () => warmUp(undefined, options.holidaysInUse));
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(options.stateFile, { ...bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
