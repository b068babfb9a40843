import type { InputOf, OutputOf, ProcedureName, Result } from '@shared/contract';

/** How a call reaches the backend: Electron IPC (preload bridge) or HTTP (browser mode). */
export type Transport = (name: string, input: unknown) => Promise<Result<unknown>>;

type Args<N extends ProcedureName> = undefined extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>];

/** The typed client, derived from the contract: a name and its input type cannot drift. */
export type KeelClient = {
  call<N extends ProcedureName>(name: N, ...args: Args<N>): Promise<Result<OutputOf<N>>>;
};

export function createClient(transport: Transport): KeelClient {
  return {
    call: (name, ...args) => transport(name, args[0]) as never,
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
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return httpTransport(win.sessionStorage.getItem(TOKEN_KEY) ?? '');
}
