import { session, shell, type WebContents } from 'electron';
import { mayOpenExternally } from './externalLinks';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://keel';

export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Only https links to hosts the user typed into a record (externalLinks.ts) leave the app, and only to the system browser. */
function openExternalSafely(url: string) {
  if (mayOpenExternally(url)) void shell.openExternal(url);
}

/** The Electron security checklist, applied to every web contents Keel creates. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
