import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDataLock, LOCK_FILE } from '@backend/core/dataLock';
import { type Backend, type BackendOptions, createBackend } from '@backend/index';
import { procedureNames } from '@shared/contract';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowHostOf } from '../../../electron/main/externalLinks';
import { startShell } from '../../../electron/main/shell';
import { CONTENT_SECURITY_POLICY } from '../../../electron/server/static';
import { tempDir } from '../../support/backend';
import { FakeEvent, type FakeFrame, FakeWebContents, fake, KEEL_FRAME } from './support/fakeElectron';

/**
 * The desktop shell's own code (electron/main), run under a stand-in for Electron that records
 * what the shell asks of it, with the real backend on a real SQLite file behind it. The window
 * itself is launched for real by test/e2e/electron.e2e.ts where an Electron binary exists.
 */

vi.mock('electron', () => import('./support/fakeElectron').then((m) => m.electronModule));
// The data-folder lock and the database's opening, recorded in the same log as Electron's calls.
vi.mock('@backend/core/dataLock', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@backend/core/dataLock')>();
  const { fake } = await import('./support/fakeElectron');
  return {
    ...actual,
    acquireDataLock: (...args: Parameters<typeof actual.acquireDataLock>) => {
      fake.calls.push('backend: take the data-folder lock');
      return actual.acquireDataLock(...args);
    },
  };
});
vi.mock('@backend/core/db/connection', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@backend/core/db/connection')>();
  const { fake } = await import('./support/fakeElectron');
  return {
    ...actual,
    openDatabase: (...args: Parameters<typeof actual.openDatabase>) => {
      fake.calls.push('backend: open the database');
      return actual.openDatabase(...args);
    },
  };
});

vi.setConfig({ testTimeout: 30_000 });

const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));
const flush = () => new Promise((resolve) => setImmediate(resolve));

let dataDir: string;
let rendererDir: string;
let elsewhere: string;
let opened: { backend: Backend; dispatch: ReturnType<typeof vi.fn> }[];

beforeEach(() => {
  fake.reset();
  dataDir = tempDir('keel-shell-');
  rendererDir = tempDir('keel-shell-renderer-');
  elsewhere = tempDir('keel-shell-chosen-');
  opened = [];
});
afterEach(() => {
  for (const { backend } of opened) backend.close();
  for (const dir of [dataDir, rendererDir, elsewhere]) rmSync(dir, { recursive: true, force: true });
});

/** Starts the shell as electron/main/index.ts does, with a pinned clock, and lets `whenReady` resolve. */
async function start(): Promise<void> {
  startShell({
    dataDir,
    actor: 'tester',
    rendererDir,
    preload: '/keel/out/preload/index.js',
    openBackend: (options: BackendOptions) => {
      const backend = createBackend({ ...options, clock, logger: { error: () => {} } });
      const dispatch = vi.fn(backend.dispatch);
      opened.push({ backend: Object.assign(backend, { dispatch }), dispatch });
      return backend;
    },
  });
  await flush();
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

const invoke = (frame: FakeFrame | null, ...args: unknown[]) => fake.invoke('keel:invoke', frame, ...args);

describe('start-up order', () => {
  it('takes the single-instance lock (keyed on the data folder) and the data-folder lock before the database opens', async () => {
    await start();
    const order = [
      'app.enableSandbox',
      'protocol.registerSchemesAsPrivileged app',
      'app.setPath userData',
      'app.requestSingleInstanceLock',
      'app.whenReady',
      'session.setPermissionRequestHandler',
      'backend: take the data-folder lock',
      'backend: open the database',
      'protocol.handle app',
      'ipcMain.handle keel:invoke',
      'Menu.setApplicationMenu',
      'new BrowserWindow',
      'window.loadURL app://keel/index.html',
    ];
    const positions = order.map((call) => fake.calls.indexOf(call));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(fake.paths.userData).toBe(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, mode: 'desktop' });
    expect(only(opened).backend.db.open).toBe(true);
  });

  it('a second instance on the same data folder quits before it opens anything', async () => {
    fake.singleInstance = false;
    await start();
    expect(fake.calls).toContain('app.quit');
    for (const call of [
      'app.whenReady',
      'backend: take the data-folder lock',
      'backend: open the database',
      'ipcMain.handle keel:invoke',
    ]) {
      expect(fake.calls).not.toContain(call);
    }
    expect(readdirSync(dataDir)).toEqual([]);
    expect(fake.windows).toEqual([]);
  });

  it('a data folder another Keel holds: says who in one sentence and exits, the database never opened', async () => {
    const held = acquireDataLock(dataDir, { mode: 'browser' });
    try {
      fake.calls = [];
      await start();
      const box = only(fake.errorBoxes);
      expect(box.title).toBe('Keel cannot start');
      expect(box.content).toMatch(new RegExp(`already open in Keel in browser mode \\(process ${process.pid}, since `));
      expect(fake.calls).toContain('app.exit 1');
      expect(fake.calls).not.toContain('backend: open the database');
      expect(existsSync(join(dataDir, 'keel.db'))).toBe(false);
      expect(fake.ipcHandlers.size).toBe(0);
      expect(fake.windows).toEqual([]);
    } finally {
      held.release();
    }
  });

  it('closing releases the data folder; a second start focuses the first window', async () => {
    await start();
    const window = only(fake.windows);
    window.minimized = true;
    fake.app().emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(1);
    fake.app().emit('will-quit');
    expect(only(opened).backend.db.open).toBe(false);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });
});

describe('IPC', () => {
  it('wires every contract procedure to the one channel, and nothing else', async () => {
    await start();
    expect([...fake.ipcHandlers.keys()]).toEqual(['keel:invoke']);
    expect(fake.calls.filter((c) => c.startsWith('ipcMain.'))).toEqual(['ipcMain.handle keel:invoke']);
    const { dispatch } = only(opened);
    // A string is no procedure's input: each name reaches the contract's validation, and no handler runs.
    for (const name of procedureNames) {
      expect(await invoke(KEEL_FRAME, name, 'not an input'), name).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(dispatch.mock.calls.map(([name]) => name)).toEqual(procedureNames);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'keel:invoke', 'db.backupTo', 'app.quit', 42]) {
      expect(await invoke(KEEL_FRAME, name, {}), String(name)).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    }
    expect(await invoke(KEEL_FRAME, 'app.info', {})).toMatchObject({ ok: true, value: { mode: 'desktop', actor: 'tester' } });
  });

  it('refuses a call from a foreign frame or origin with a typed error, and no handler runs', async () => {
    await start();
    const { dispatch, backend } = only(opened);
    const foreign: (FakeFrame | null)[] = [
      null,
      { url: 'https://evil.example/index.html', parent: null },
      { url: 'app://keel/index.html', parent: KEEL_FRAME },
      { url: 'https://evil.example/', parent: KEEL_FRAME },
      { url: 'app://keel.evil.example/index.html', parent: null },
      { url: 'app://evil/index.html', parent: null },
      { url: 'app://keel:8080/index.html', parent: null },
      { url: 'app://user@keel/index.html', parent: null },
      { url: 'file:///keel/out/renderer/index.html', parent: null },
      { url: 'http://127.0.0.1:5173/', parent: null },
      { url: 'about:blank', parent: null },
      { url: 'not a url', parent: null },
    ];
    for (const frame of foreign) {
      expect(await invoke(frame, 'sample.load', {}), frame?.url ?? 'no frame').toEqual({
        ok: false,
        error: { code: 'unauthorized', message: 'Only the Keel window may call Keel.' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(backend.ctx.repos.clients.count()).toBe(0);
    // The same call from Keel's own window runs.
    expect(await invoke(KEEL_FRAME, 'sample.load', {})).toMatchObject({ ok: true });
    expect(backend.ctx.repos.clients.count()).toBeGreaterThan(0);
  });
});

describe('app:// protocol', () => {
  it('registers app:// as a secure standard scheme and answers every request with the CSP', async () => {
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Keel</title>');
    writeFileSync(join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
    await start();
    expect(only(fake.privilegedSchemes)).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    const handler = fake.protocolHandlers.get('app');
    if (!handler) throw new Error('app:// is not handled');
    const answers = {
      'app://keel/index.html': [200, 'text/html; charset=utf-8'],
      'app://keel/': [200, 'text/html; charset=utf-8'],
      'app://keel/plan/allocations': [200, 'text/html; charset=utf-8'],
      'app://keel/assets/index.js': [200, 'text/javascript; charset=utf-8'],
      'app://keel/assets/missing.js': [404, 'text/plain; charset=utf-8'],
      'app://keel/..%2f..%2fetc%2fpasswd.txt': [404, 'text/plain; charset=utf-8'],
      'app://keel/%E0%A4%A.js': [404, 'text/plain; charset=utf-8'],
      'app://other/index.html': [404, 'text/plain; charset=utf-8'],
    } as const;
    for (const [url, [status, type]] of Object.entries(answers)) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(status);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
    expect(await (await handler(new Request('app://keel/'))).text()).toContain('<title>Keel</title>');
  });
});

describe('the window and its web contents', () => {
  it('opens a sandboxed, isolated window without Node, with the preload as its only bridge', async () => {
    await start();
    const window = only(fake.windows);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/keel/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(window.url).toBe('app://keel/index.html');
  });

  it('denies navigation away from app://keel, new windows, webviews and every permission request', async () => {
    await start();
    // The main window's contents and any other contents Electron creates later are hardened alike.
    const later = new FakeWebContents();
    fake.app().emit('web-contents-created', new FakeEvent(), later);
    for (const contents of [only(fake.windows).webContents, later]) {
      for (const event of ['will-navigate', 'will-frame-navigate'] as const) {
        for (const url of [
          'https://evil.example/',
          'file:///etc/passwd',
          'app://evil/index.html',
          'http://127.0.0.1:5173/',
          'javascript:alert(1)',
        ]) {
          const attempt = new FakeEvent(url);
          contents.emit(event, attempt);
          expect(attempt.defaultPrevented, `${event} ${url}`).toBe(true);
        }
        const inApp = new FakeEvent('app://keel/index.html#/billing');
        contents.emit(event, inApp);
        expect(inApp.defaultPrevented, event).toBe(false);
      }
      const webview = new FakeEvent();
      contents.emit('will-attach-webview', webview, {}, {});
      expect(webview.defaultPrevented).toBe(true);

      const openWindow = contents.windowOpenHandler;
      if (!openWindow) throw new Error('no window-open handler');
      allowHostOf('https://github.com/acme/claims-model');
      const before = fake.calls.length;
      for (const url of ['https://evil.example/', 'http://github.com/acme', 'app://keel/index.html', 'file:///etc/passwd']) {
        expect(openWindow({ url }), url).toEqual({ action: 'deny' });
      }
      expect(fake.calls.slice(before).filter((c) => c.startsWith('shell.'))).toEqual([]);
      // A link the user typed into a record goes to the system browser; Keel still opens no window.
      expect(openWindow({ url: 'https://github.com/acme/claims-model' })).toEqual({ action: 'deny' });
      expect(fake.calls.at(-1)).toBe('shell.openExternal https://github.com/acme/claims-model');
    }

    const { permissionRequest, permissionCheck } = fake;
    if (!permissionRequest || !permissionCheck) throw new Error('permission handlers not set');
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'midi',
      'pointerLock',
    ]) {
      const granted = vi.fn();
      permissionRequest(null, permission, granted);
      expect(granted, permission).toHaveBeenCalledWith(false);
      expect(permissionCheck(null, permission), permission).toBe(false);
    }
  });
});

describe('window state', () => {
  const saved = (state: object) => writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify(state));
  const bounds = () => {
    const { x, y, width, height } = only(fake.windows).options;
    return { x, y, width, height };
  };

  it('pulls a window saved off-screen and larger than the display back onto it', async () => {
    saved({ x: 3000, y: 2000, width: 2560, height: 1440, maximized: false });
    await start();
    expect(bounds()).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
  });

  it('moves a window hanging over the edge back inside, and keeps one on a second screen where it was', async () => {
    saved({ x: 1200, y: 700, width: 1000, height: 700, maximized: false });
    await start();
    expect(bounds()).toEqual({ x: 440, y: 200, width: 1000, height: 700 });

    fake.reset();
    fake.displays = [
      { x: 0, y: 0, width: 1440, height: 900 },
      { x: 1440, y: -200, width: 1920, height: 1080 },
    ];
    for (const { backend } of opened.splice(0)) backend.close();
    saved({ x: 1600, y: -100, width: 1200, height: 800, maximized: true });
    await start();
    expect(bounds()).toEqual({ x: 1600, y: -100, width: 1200, height: 800 });
    expect(only(fake.windows).maximized).toBe(true);
  });

  it('remembers where the window was when it closes', async () => {
    await start();
    const window = only(fake.windows);
    window.options.x = 120;
    window.options.y = 80;
    window.emit('close');
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toEqual({
      x: 120,
      y: 80,
      width: 1360,
      height: 860,
      maximized: false,
    });
  });
});

describe('File → Back Up Database…', () => {
  const backUp = async () => {
    await fake.menuItem('Back Up Database…').click?.();
    await vi.waitFor(() => expect(fake.calls).toContain('dialog.showSaveDialog'));
    await flush();
  };

  it('a cancelled save dialog writes nothing', async () => {
    await start();
    const before = readdirSync(dataDir).sort();
    fake.saveDialogAnswer = { canceled: true };
    await backUp();
    expect(only(fake.saveDialogs).defaultPath).toBe('keel-backup-20261124T090000Z.db');
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(fake.messages).toEqual([]);
    expect(fake.errorBoxes).toEqual([]);
  });

  it('writes a verified copy where the user chose, named with the backend clock’s date', async () => {
    await start();
    await invoke(KEEL_FRAME, 'sample.load', {});
    const chosen = join(elsewhere, 'friday.db');
    fake.saveDialogAnswer = { canceled: false, filePath: chosen };
    await backUp();
    await vi.waitFor(() => expect(fake.messages).toHaveLength(1));
    expect(only(fake.saveDialogs).defaultPath).toBe('keel-backup-20261124T090000Z.db');
    expect(only(fake.messages)).toMatchObject({ message: 'Backup written', detail: expect.stringContaining(chosen) });
    expect(readdirSync(elsewhere)).toEqual(['friday.db']);
    const copy = new Database(chosen, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM specialist').get() as { n: number }).n).toBe(16);
    } finally {
      copy.close();
    }
    // The chosen folder only: nothing went into the data folder's backups.
    expect(existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')) : []).toEqual([]);
  });

  it('refuses the live database as the chosen file, in words', async () => {
    await start();
    fake.saveDialogAnswer = { canceled: false, filePath: join(dataDir, 'keel.db') };
    await backUp();
    await vi.waitFor(() => expect(fake.errorBoxes).toHaveLength(1));
    expect(only(fake.errorBoxes)).toMatchObject({ title: 'Backup failed', content: expect.stringMatching(/live database/) });
    expect(fake.messages).toEqual([]);
  });
});
