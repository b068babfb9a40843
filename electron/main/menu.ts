import { systemClock } from '@backend/core/clock';
import { stamp } from '@backend/core/db/connection';
import type { Backend } from '@backend/index';
import { app, type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, shell } from 'electron';

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
          click: () => void backUp(getWindow(), backend),
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

async function backUp(window: BrowserWindow | null, backend: Backend) {
  const options = {
    title: 'Back up the Keel database',
    defaultPath: `keel-backup-${stamp(systemClock())}.db`,
    filters: [{ name: 'Keel database', extensions: ['db'] }],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return;
  try {
    const result = await backend.backup(choice.filePath);
    await dialog.showMessageBox({
      type: 'info',
      message: 'Backup written',
      detail: `${result.path}\n${(result.bytes / 1024).toFixed(0)} KiB`,
    });
  } catch (error) {
    dialog.showErrorBox('Backup failed', error instanceof Error ? error.message : String(error));
  }
}
