import { stamp } from '@backend/core/db/connection';
import type { Backend } from '@backend/index';
import { type BrowserWindow, dialog } from 'electron';

/**
 * File → Back Up Database…: the user picks the file in a save dialog here, in the main
 * process, and its path goes straight to the backend's verified copy. The renderer's
 * `db.backup` procedure takes no path; it writes only into the backups folder.
 * A cancelled dialog writes nothing.
 */
export async function backUpToChosenFile(window: BrowserWindow | null, backend: Pick<Backend, 'backup' | 'ctx'>): Promise<void> {
  const options = {
    title: 'Back up the Keel database',
    defaultPath: `keel-backup-${stamp(new Date(backend.ctx.now()))}.db`,
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
