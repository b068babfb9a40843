import type { InputOf, OutputOf, ProcedureName, Result } from '@shared/contract';

/** How a call reaches the backend: Electron IPC (preload bridge) or HTTP (browser mode). */
export type Transport = (name: string, input: unknown) => Promise<Result<unknown>>;

/** The procedures that take a file the person chose: `{ fileName, base64 }`, or in browser mode the file itself. */
export type FileProcedure = 'hours.importStart';
/** How a chosen file reaches a file procedure. */
export type FileSender = (name: FileProcedure, file: File) => Promise<Result<unknown>>;

type Args<N extends ProcedureName> = undefined extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>];

/** The typed client, derived from the contract: a name and its input type cannot drift. */
export type KeelClient = {
  call<N extends ProcedureName>(name: N, ...args: Args<N>): Promise<Result<OutputOf<N>>>;
  /** Calls a file procedure with a file the person chose. */
  sendFile<N extends FileProcedure>(name: N, file: File): Promise<Result<OutputOf<N>>>;
};

export function createClient(transport: Transport, fileSender: FileSender = base64Sender(transport)): KeelClient {
  return {
    call: (name, ...args) => transport(name, args[0]) as never,
    sendFile: (name, file) => fileSender(name, file) as never,
  };
}

/** The file's bytes as base64 (FileReader gives a data: URL; the part after the comma is the content). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

/** The desktop app: the file's content as base64 through the same transport as every call. */
export function base64Sender(transport: Transport): FileSender {
  return async (name, file) => {
    let base64: string;
    try {
      base64 = await readBase64(file);
    } catch {
      return { ok: false, error: { code: 'invalid_input', message: `Keel could not read ${file.name}. Choose the file again.` } };
    }
    return transport(name, { fileName: file.name, base64 });
  };
}

/**
 * Browser mode: the file itself as the request body, which the server streams
 * to a temporary file and refuses as soon as it passes the cap (electron/server/http.ts).
 */
export function httpFileSender(token: string, fetchImpl: typeof fetch = fetch): FileSender {
  return async (name, file) => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${encodeURIComponent(name)}?fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
        body: file,
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Keel is not reachable. Is the Keel server still running?' } };
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Keel sent an unreadable answer (HTTP ${response.status}).` } };
    }
  };
}

type Bridge = { invoke(name: string, input: unknown): Promise<unknown> };

export function ipcTransport(bridge: Bridge): Transport {
  return async (name, input) => (await bridge.invoke(name, input)) as Result<unknown>;
}

export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Keel is not reachable. Is the Keel server still running?' } };
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Keel sent an unreadable answer (HTTP ${response.status}).` } };
    }
  };
}

const TOKEN_KEY = 'keel.token';

/**
 * Picks the transport for where the UI runs. In browser mode the per-launch
 * token arrives in the URL once; it is kept for the tab and removed from the
 * address bar so it does not end up in screenshots or history.
 */
export function detectTransport(win: Window = window): Transport {
  const bridge = (win as Window & { keel?: Bridge }).keel;
  if (bridge) return ipcTransport(bridge);
  return httpTransport(browserToken(win));
}

/** Browser mode streams files as request bodies; the desktop app sends them as base64 over IPC. */
export function detectFileSender(win: Window = window): FileSender | undefined {
  const bridge = (win as Window & { keel?: Bridge }).keel;
  return bridge ? undefined : httpFileSender(browserToken(win));
}

function browserToken(win: Window): string {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? '';
}
