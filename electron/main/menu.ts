import type { Backend } from '@backend/index';
import { app, type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import { backUpToChosenFile } from './backup';

/** The native application menu: File (backup, data folder), Edit, View, Window, Help. */
export function buildMenu(getWindow: () => BrowserWindow | null, backend: Backend, dataDir: string): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Back Up Database…',
          accelerator: 'CmdOrCtrl+Shift+B',
          click: () => void backUpToChosenFile(getWindow(), backend),
        },
        { label: 'Show Data Folder', click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Keel',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Keel',
              message: `Keel ${app.getVersion()}`,
              detail: `Plan, run and account for dedicated MLOps teams.\nData folder: ${dataDir}`,
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
