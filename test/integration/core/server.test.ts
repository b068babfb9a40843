import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, type RunningServer, startServer } from '../../../electron/server/http';
import { openTestBackend, type TestBackend, tempDir } from '../../support/backend';

/** Browser mode over real HTTP on 127.0.0.1 (no browser needed). */
let b: TestBackend;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  b = openTestBackend();
  const rendererDir = tempDir('keel-ui-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Keel</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startServer({ dispatch: b.dispatch, rendererDir, port: 0 });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  b.dispose();
});

const post = (name: string, body: unknown, token: string | null = server.token) =>
  fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser-mode server', () => {
  it('prints a URL with a long random token and listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await post('app.info', {}, null)).status).toBe(401);
    const wrong = await post('app.info', {}, 'x'.repeat(32));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await fetch(`${base}/api`)).status).toBe(401);
  });

  it('answers contract calls with Result bodies and matching HTTP statuses', async () => {
    const created = await post('clients.create', { name: 'Acme', country: 'CH', currency: 'CHF', holidayCalendar: 'CH' });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ ok: true, value: { name: 'Acme' } });
    const invalid = await post('clients.create', { name: '' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await post('clients.create', { name: 'Acme', country: 'CH', currency: 'CHF', holidayCalendar: 'CH' })).status).toBe(409);
    expect((await post('clients.nuke', {})).status).toBe(404);
    expect((await post('clients.list', '{not json')).status).toBe(400);
    const malformed = await post('%E0%A4%A', {});
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
  });

  it('refuses non-JSON bodies, GET on procedures and oversized bodies', async () => {
    const form = await fetch(`${base}/api/clients.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect((await fetch(`${base}/api/clients.list`, { headers: { Authorization: `Bearer ${server.token}` } })).status).toBe(405);
    expect((await post('clients.list', JSON.stringify({ search: 'x'.repeat(1024 * 1024 + 10) }))).status).toBe(413);
  });

  it('takes an hours file up to the documented 10 MB, and refuses a larger one with the limit and how to split', async () => {
    // 3 MB of base64 (a 2.25 MB file): past the 1 MiB of other calls, inside the import's cap. Not a workbook, so refused in words.
    const fits = await post('hours.import', JSON.stringify({ fileName: 'hours.csv', base64: 'QUJD'.repeat(768 * 1024), dryRun: true }));
    expect(fits.status).not.toBe(413);
    const tooBig = await post('hours.import', JSON.stringify({ fileName: 'hours.csv', base64: 'QUJD'.repeat(4 * 1024 * 1024) }));
    expect(tooBig.status).toBe(413);
    const answer = (await tooBig.json()) as { ok: boolean; error: { message: string } };
    expect(answer.error.message).toBe(
      "The file is larger than Keel takes in one import (10 MB, about 100,000 rows in Keel's own layout). Split it by month or by engagement and import the parts.",
    );
  });

  it('takes a cloud cost export past the 1 MiB of other calls, and refuses one past 20 MB with how to split it', async () => {
    const fits = await post(
      'costs.import',
      JSON.stringify({ clientId: 'x', provider: 'aws', fileName: 'cur.csv', base64: 'QUJD'.repeat(768 * 1024) }),
    );
    expect(fits.status).not.toBe(413);
    const tooBig = await post(
      'costs.import',
      JSON.stringify({ clientId: 'x', provider: 'aws', fileName: 'cur.csv', base64: 'QUJD'.repeat(8 * 1024 * 1024) }),
    );
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toMatch(
      /^The file is larger than Keel takes in one upload \(20 MB/,
    );
  });

  it('takes a readings file and a calendar file past the 1 MiB of other calls', async () => {
    for (const [name, body] of [
      ['readings.import', { fileName: 'r.csv', base64: 'QUJD'.repeat(768 * 1024) }],
      ['ceremonies.importIcs', { engagementId: 'x', fileName: 'c.ics', base64: 'QUJD'.repeat(768 * 1024) }],
    ] as const) {
      const answer = await post(name, JSON.stringify(body));
      expect(answer.status, name).not.toBe(413);
    }
  });

  it('cuts slow clients after short header and request timeouts', () => {
    expect(server.server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(server.server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
  });

  it('lists every procedure with its input JSON Schema at GET /api', async () => {
    const res = await fetch(`${base}/api`, { headers: { Authorization: `Bearer ${server.token}` } });
    const body = (await res.json()) as { procedures: { name: string; inputSchema: { properties?: Record<string, unknown> } }[] };
    const create = body.procedures.find((p) => p.name === 'clients.create');
    expect(Object.keys(create?.inputSchema.properties ?? {})).toEqual([
      'name',
      'country',
      'currency',
      'holidayCalendar',
      'timeZone',
      'vatBasisPoints',
      'notes',
    ]);
  });

  it('serves the UI with a CSP, app routes fall back to index.html, and nothing outside the UI folder', async () => {
    const page = await fetch(`${base}/clients`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });
});
