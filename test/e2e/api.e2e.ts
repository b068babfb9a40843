import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeelServer, startServer } from './support/server';

/** The browser-mode HTTP contract, checked from outside against the built server. */

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

let server: KeelServer;

/** A request exactly as written: no URL normalisation (unlike fetch), any Host header. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Authorization: `Bearer ${server.token}` });
const json = (r: Raw) => JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string; issues?: unknown[] } };

describe('browser-mode HTTP API', () => {
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('refuses /api without a token', async () => {
    const list = await raw('/api');
    expect(list.status).toBe(401);
    expect(json(list).error?.code).toBe('unauthorized');
    const call = await raw('/api/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
  });

  it('refuses a wrong token, and the token in the page URL is not a credential for /api', async () => {
    // Change the last character to one it is not (a fixed 'x' was the real token one time in 64).
    const last = server.token.at(-1) === 'x' ? 'y' : 'x';
    const wrong = await raw('/api/app.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token.slice(0, -1)}${last}` },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    expect(json(wrong).error?.code).toBe('unauthorized');
    expect((await raw('/api', { headers: { Authorization: 'Bearer ' } })).status).toBe(401);
    expect((await raw(`/api?token=${server.token}`)).status).toBe(401);
  });

  it('lists the procedures with their input schemas', async () => {
    const res = await raw('/api', { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { procedures } = JSON.parse(res.body) as {
      procedures: { name: string; kind: string; method: string; path: string; summary: string; inputSchema: { type?: string } }[];
    };
    const names = procedures.map((p) => p.name);
    for (const name of [
      'app.info',
      'clients.list',
      'clients.create',
      'engagements.create',
      'specialists.list',
      'audit.list',
      'audit.undo',
    ]) {
      expect(names).toContain(name);
    }
    for (const p of procedures) {
      expect(p.method).toBe('POST');
      expect(p.path).toBe(`/api/${p.name}`);
      expect(['query', 'command']).toContain(p.kind);
      expect(p.summary.length).toBeGreaterThan(0);
      expect(typeof p.inputSchema).toBe('object');
    }
    const create = procedures.find((p) => p.name === 'clients.create');
    expect(create?.inputSchema).toMatchObject({ type: 'object', required: expect.arrayContaining(['name', 'country', 'currency']) });
  });

  it('answers a known procedure with ok: true', async () => {
    const res = await raw('/api/app.info', { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'browser', counts: { clients: 0 } } });
  });

  it('answers an unknown procedure with 404 unknown_procedure', async () => {
    const res = await raw('/api/clients.drop', { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(404);
    expect(json(res)).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
  });

  it('answers a body that is not JSON with 400', async () => {
    const res = await raw('/api/clients.create', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: '{"name": "Acme",',
    });
    expect(res.status).toBe(400);
    expect(json(res)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers invalid input with 400 and field issues, and stores nothing', async () => {
    const res = await raw('/api/clients.create', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '', country: 'XX', currency: 'EURO', holidayCalendar: 'XX' }),
    });
    expect(res.status).toBe(400);
    const body = json(res);
    expect(body.error?.code).toBe('invalid_input');
    expect(body.error?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'name', message: 'is required' })]));
    const list = await raw('/api/clients.list', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: '{"archived":"all"}',
    });
    expect(JSON.parse(list.body)).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('accepts procedures only as POST with a JSON body', async () => {
    const get = await raw('/api/app.info', { headers: auth() });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const text = await raw('/api/app.info', { method: 'POST', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
  });

  it('refuses a request whose Host is not 127.0.0.1 or localhost (DNS rebinding)', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      `127.0.0.1.evil.example:${server.port}`,
      'localhost',
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const api = await raw('/api', { headers: { ...auth(), Host: host } });
      expect(api.status, host).toBe(403);
      const page = await raw('/', { headers: { Host: host } });
      expect(page.status, host).toBe(403);
      expect(page.body).not.toContain('<html');
    }
    expect((await raw('/api', { headers: { ...auth(), Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('never serves files from outside the built renderer', async () => {
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2e%2e%2fpackage.json',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e/main/serve.js',
      '/..%5c..%5cpackage.json',
      '/%252e%252e/package.json',
      '/%E0%A4%A',
    ];
    for (const path of attempts) {
      const res = await raw(path);
      expect(res.status, path).not.toBe(200);
      expect(res.body, path).not.toContain('"productName"');
      expect(res.body, path).not.toContain('browser mode');
    }
  });

  it('serves the UI with a Content-Security-Policy', async () => {
    for (const path of ['/', '/index.html', '/clients']) {
      const res = await raw(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      const csp = String(res.headers['content-security-policy'] ?? '');
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toContain('<div id="root">');
    }
  });
});
