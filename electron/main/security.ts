import { session, shell, type WebContents } from 'electron';
import { isContactLink, mayOpenExternally } from './externalLinks';

export const APP_SCHEME = 'app';
export const APP_HOST = 'keel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True for Keel's own pages (app://keel/…). Compared by scheme and host, not by `URL.origin`:
 * the main process parses with Node's URL, which gives every non-http(s) scheme the opaque
 * origin "null", so an origin comparison would refuse Keel's own window.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
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
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A mailto:/tel: link clicked in the page goes to the system's mail or phone app, nothing else leaves.
    if (isContactLink(event.url)) void shell.openExternal(event.url);
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
