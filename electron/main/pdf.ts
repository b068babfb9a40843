import type { RenderPdf } from '@backend/core/area';
import { BrowserWindow, session } from 'electron';

/** Chromium refuses URLs longer than 2 MiB; a printed page travels as one data: URL. */
const MAX_DATA_URL = 2 * 1024 * 1024 - 64;

/**
 * The desktop shell's PDF renderer, the one function the backend is given for printed documents:
 * an offscreen window that never shows, sandboxed, JavaScript off, in a session of its own that
 * loads nothing but the page itself (no network, no files), printed with Chromium's printToPDF on
 * the page's own CSS page size (A4), then destroyed.
 */
export const electronPdfRenderer: RenderPdf = async (html) => {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > MAX_DATA_URL) throw new Error('This document is too large to print as one PDF (over 1.5 MB of text).');
  const printing = session.fromPartition('keel-print', { cache: false });
  printing.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: printing,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      images: true,
      spellcheck: false,
    },
  });
  try {
    await window.loadURL(url);
    return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    window.destroy();
  }
};
