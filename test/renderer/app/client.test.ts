import { createClient, detectTransport, httpTransport } from '@renderer/api/client';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('renderer client', () => {
  it('takes the browser-mode token from the URL once, keeps it for the tab and removes it from the address bar', async () => {
    window.history.replaceState(null, '', '/?token=abc123#/clients');
    const fetchMock = vi.fn().mockResolvedValue(new Response(JSON.stringify({ ok: true, value: 1 })));
    vi.stubGlobal('fetch', fetchMock);
    const transport = detectTransport(window);
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/clients');
    await transport('app.info', {});
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/app.info',
      expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ Authorization: 'Bearer abc123' }) }),
    );
    vi.unstubAllGlobals();
  });

  it('uses the preload bridge when it exists', async () => {
    const invoke = vi.fn().mockResolvedValue({ ok: true, value: { version: '0.1.0' } });
    const win = Object.assign(Object.create(window), { keel: { invoke } }) as Window;
    const client = createClient(detectTransport(win));
    expect(await client.call('app.info')).toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(invoke).toHaveBeenCalledWith('app.info', undefined);
  });

  it('turns a dead server or an unreadable answer into an error result, never a throw', async () => {
    const down = httpTransport('t', vi.fn().mockRejectedValue(new TypeError('fetch failed')));
    expect(await down('app.info', {})).toMatchObject({ ok: false, error: { message: /not reachable/ } });
    const garbled = httpTransport('t', vi.fn().mockResolvedValue(new Response('<html>', { status: 502 })));
    expect(await garbled('app.info', {})).toMatchObject({ ok: false, error: { message: /HTTP 502/ } });
  });
});
