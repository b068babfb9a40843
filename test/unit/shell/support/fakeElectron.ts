/**
 * A stand-in for the `electron` module that records what the shell asks of it, so the shell's own
 * code runs under plain Node (the Electron binary cannot be downloaded on every machine). Only what
 * Keel's shell uses is here; each call is appended to `fake.calls` in order, and the handlers the
 * shell installs (IPC, protocol, permissions, window-open, web-contents events) are kept so a test
 * can call them the way Electron would. Tests use it with
 * `vi.mock('electron', () => import('./support/fakeElectron').then((m) => m.electronModule))`.
 */

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, { fn: Listener; once: boolean }[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { fn, once: false }]);
    return this;
  }
  once(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { fn, once: true }]);
    return this;
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
  emit(event: string, ...args: unknown[]): void {
    const all = this.listeners.get(event) ?? [];
    this.listeners.set(
      event,
      all.filter((l) => !l.once),
    );
    for (const l of all) (l.fn as (...a: unknown[]) => unknown)(...args);
  }
  removeAllListeners(): void {
    this.listeners.clear();
  }
}

/** An Electron event: records whether the shell prevented it. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export type Bounds = { x: number; y: number; width: number; height: number };
export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends Emitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    fake.calls.push('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    fake.calls.push('webContents.printToPDF');
    fake.printOptions.push(options);
    return fake.printFails ? Promise.reject(new Error(fake.printFails)) : Promise.resolve(Buffer.from('%PDF-1.7 fake'));
  }
}

type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

/** A session of its own (session.fromPartition): what the shell restricts in it. */
class FakeSession {
  beforeRequest: BeforeRequest | null = null;
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  constructor(readonly partition: string) {}
  readonly webRequest = {
    onBeforeRequest: (handler: BeforeRequest) => {
      fake.calls.push(`session(${this.partition}).webRequest.onBeforeRequest`);
      this.beforeRequest = handler;
    },
  };
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) {
    fake.calls.push(`session(${this.partition}).setPermissionRequestHandler`);
    this.permissionRequest = handler;
  }
}

type WindowOptions = Partial<Bounds> & { width: number; height: number; webPreferences?: Record<string, unknown> };

class FakeBrowserWindow extends Emitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return fake.windows.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  url: string | null = null;
  maximized = false;
  minimized = false;
  destroyed = false;
  focused = 0;
  constructor(readonly options: WindowOptions) {
    super();
    fake.calls.push('new BrowserWindow');
    fake.windows.push(this);
    // As Electron does for every web contents it creates.
    electronModule.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    fake.calls.push(`window.loadURL ${url}`);
    this.url = url;
    return Promise.resolve();
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused++;
  }
  show(): void {}
  destroy(): void {
    fake.calls.push('window.destroy');
    this.destroyed = true;
  }
  getNormalBounds(): Bounds {
    const { x = 0, y = 0, width, height } = this.options;
    return { x, y, width, height };
  }
}

type IpcHandler = (event: { senderFrame: FakeFrame | null }, ...args: unknown[]) => unknown;
export type FakeFrame = { url: string; parent: FakeFrame | null };
type ProtocolHandler = (request: Request) => Promise<Response>;
type SaveDialogAnswer = { canceled: boolean; filePath?: string };
type MenuItem = { label?: string; role?: string; submenu?: MenuItem[]; click?: () => unknown };

function appModule() {
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setName: (name: string) => void fake.calls.push(`app.setName ${name}`),
    enableSandbox: () => void fake.calls.push('app.enableSandbox'),
    setPath: (name: string, path: string) => {
      fake.calls.push(`app.setPath ${name}`);
      fake.paths[name] = path;
    },
    getPath: (name: string) => fake.paths[name] ?? `/fake/${name}`,
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => {
      fake.calls.push('app.requestSingleInstanceLock');
      return fake.singleInstance;
    },
    whenReady: () => {
      fake.calls.push('app.whenReady');
      return fake.readyPromise;
    },
    quit: () => void fake.calls.push('app.quit'),
    exit: (code: number) => void fake.calls.push(`app.exit ${code}`),
  });
  return app;
}

export const electronModule = {
  app: appModule(),
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle(channel: string, handler: IpcHandler) {
      fake.calls.push(`ipcMain.handle ${channel}`);
      // As Electron: a second handler on one channel throws.
      if (fake.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      fake.ipcHandlers.set(channel, handler);
    },
    handleOnce(channel: string) {
      fake.calls.push(`ipcMain.handleOnce ${channel}`);
    },
    on(channel: string) {
      fake.calls.push(`ipcMain.on ${channel}`);
    },
    once(channel: string) {
      fake.calls.push(`ipcMain.once ${channel}`);
    },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
      fake.calls.push(`protocol.registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join(',')}`);
      fake.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: ProtocolHandler) {
      fake.calls.push(`protocol.handle ${scheme}`);
      fake.protocolHandlers.set(scheme, handler);
    },
  },
  session: {
    fromPartition(partition: string) {
      fake.calls.push(`session.fromPartition ${partition}`);
      const existing = fake.partitions.get(partition) ?? new FakeSession(partition);
      fake.partitions.set(partition, existing);
      return existing;
    },
    defaultSession: {
      setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) {
        fake.calls.push('session.setPermissionRequestHandler');
        fake.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean) {
        fake.calls.push('session.setPermissionCheckHandler');
        fake.permissionCheck = handler;
      },
    },
  },
  shell: {
    openExternal: (url: string) => {
      fake.calls.push(`shell.openExternal ${url}`);
      return Promise.resolve();
    },
    openPath: (path: string) => {
      fake.calls.push(`shell.openPath ${path}`);
      return Promise.resolve('');
    },
  },
  dialog: {
    showSaveDialog: (...args: unknown[]) => {
      const options = args.at(-1) as { defaultPath?: string };
      fake.calls.push('dialog.showSaveDialog');
      fake.saveDialogs.push(options);
      return Promise.resolve(fake.saveDialogAnswer);
    },
    showMessageBox: (options: { message: string; detail?: string }) => {
      fake.calls.push(`dialog.showMessageBox ${options.message}`);
      fake.messages.push(options);
      return Promise.resolve({ response: 0 });
    },
    showErrorBox: (title: string, content: string) => {
      fake.calls.push(`dialog.showErrorBox ${title}`);
      fake.errorBoxes.push({ title, content });
    },
  },
  Menu: {
    buildFromTemplate: (template: MenuItem[]) => ({ template }),
    setApplicationMenu: (menu: { template: MenuItem[] }) => {
      fake.calls.push('Menu.setApplicationMenu');
      fake.menu = menu.template;
    },
  },
  screen: {
    getAllDisplays: () => fake.displays.map((workArea) => ({ workArea })),
    getPrimaryDisplay: () => ({ workArea: fake.displays[0] }),
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      fake.calls.push(`contextBridge.exposeInMainWorld ${key}`);
      fake.exposed[key] = api;
    },
  },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      fake.calls.push(`ipcRenderer.invoke ${channel}`);
      fake.rendererInvokes.push({ channel, args });
      return Promise.resolve({ ok: true, value: 'from main' });
    },
  },
};

/** What the shell asked for, and the answers the next test wants Electron to give. */
export const fake = {
  calls: [] as string[],
  paths: {} as Record<string, string>,
  singleInstance: true,
  readyPromise: Promise.resolve(),
  windows: [] as FakeBrowserWindow[],
  ipcHandlers: new Map<string, IpcHandler>(),
  privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  protocolHandlers: new Map<string, ProtocolHandler>(),
  permissionRequest: null as ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  permissionCheck: null as ((contents: unknown, permission: string) => boolean) | null,
  saveDialogAnswer: { canceled: true } as SaveDialogAnswer,
  saveDialogs: [] as { defaultPath?: string }[],
  messages: [] as { message: string; detail?: string }[],
  errorBoxes: [] as { title: string; content: string }[],
  menu: [] as MenuItem[],
  displays: [{ x: 0, y: 0, width: 1440, height: 900 }] as Bounds[],
  exposed: {} as Record<string, unknown>,
  rendererInvokes: [] as { channel: string; args: unknown[] }[],
  partitions: new Map<string, FakeSession>(),
  printOptions: [] as Record<string, unknown>[],
  /** Set to a message to make printToPDF fail. */
  printFails: null as string | null,

  reset(): void {
    electronModule.app.removeAllListeners();
    fake.calls = [];
    fake.paths = {};
    fake.singleInstance = true;
    fake.readyPromise = Promise.resolve();
    fake.windows = [];
    fake.partitions = new Map();
    fake.printOptions = [];
    fake.printFails = null;
    fake.ipcHandlers = new Map();
    fake.privilegedSchemes = [];
    fake.protocolHandlers = new Map();
    fake.permissionRequest = null;
    fake.permissionCheck = null;
    fake.saveDialogAnswer = { canceled: true };
    fake.saveDialogs = [];
    fake.messages = [];
    fake.errorBoxes = [];
    fake.menu = [];
    fake.displays = [{ x: 0, y: 0, width: 1440, height: 900 }];
    fake.exposed = {};
    fake.rendererInvokes = [];
  },

  app: () => electronModule.app,

  /** Calls the IPC channel as Electron would for a message from `frame`. */
  invoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = fake.ipcHandlers.get(channel);
    if (!handler) throw new Error(`nothing handles IPC channel ${channel}`);
    return Promise.resolve(handler({ senderFrame: frame }, ...args));
  },

  /** The menu item with this label, anywhere in the application menu. */
  menuItem(label: string): MenuItem {
    const walk = (items: MenuItem[]): MenuItem | undefined =>
      items.map((i) => (i.label === label ? i : i.submenu ? walk(i.submenu) : undefined)).find(Boolean);
    const item = walk(fake.menu);
    if (!item) throw new Error(`no menu item ${label}`);
    return item;
  },
};

/** Keel's own page in the top frame, and frames that are not. */
export const KEEL_FRAME: FakeFrame = { url: 'app://keel/index.html#/plan', parent: null };
