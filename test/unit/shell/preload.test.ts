import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../../electron/main/ipc';
import { electronModule, fake } from './support/fakeElectron';

/** The preload, run under the stand-in for Electron: it exposes one typed invoke and nothing else. */

vi.mock('electron', () => import('./support/fakeElectron').then((m) => m.electronModule));

beforeAll(async () => {
  fake.reset();
  await import('../../../electron/preload/index');
});

describe('the preload bridge', () => {
  it('exposes window.keel with invoke only: no raw ipcRenderer, no send, no events', () => {
    expect(fake.calls).toEqual(['contextBridge.exposeInMainWorld keel']);
    expect(Object.keys(fake.exposed)).toEqual(['keel']);
    const api = fake.exposed.keel as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
    expect(Object.values(api)).not.toContain(electronModule.ipcRenderer);
    expect(Object.values(api)).not.toContain(electronModule.ipcRenderer.invoke);
  });

  it('sends a name and one input on the channel the main process handles, and hands back its answer', async () => {
    const { invoke } = fake.exposed.keel as { invoke: (...args: unknown[]) => Promise<unknown> };
    fake.rendererInvokes = [];
    expect(await invoke('app.info', { verbose: false }, 'extra', () => 'a callback')).toEqual({ ok: true, value: 'from main' });
    await invoke(42, undefined);
    expect(fake.rendererInvokes).toEqual([
      { channel: INVOKE_CHANNEL, args: ['app.info', { verbose: false }] },
      { channel: INVOKE_CHANNEL, args: ['42', undefined] },
    ]);
  });
});
