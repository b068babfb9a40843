import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { IMPORT_TOO_LARGE, type ImportJob, MAX_IMPORT_BYTES } from '@shared/billing/contract/billing';
import type { Result } from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../electron/server/http';
import { openTestBackend, type TestBackend, tempDir, validClient, validEngagement, validSpecialist } from '../../support/backend';

/**
 * Browser mode takes an hours file as the raw request body: streamed into
 * <data>/tmp/ as it arrives, refused as soon as it passes 10 MB (with the
 * limit and how to split the file), and handed to the import job, which
 * removes it when it ends.
 */
let b: TestBackend;
let server: RunningServer;
let engagementId = '';

beforeAll(async () => {
  b = openTestBackend();
  const rendererDir = tempDir('keel-ui-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Keel</title>');
  server = await startServer({ dispatch: b.dispatch, rendererDir, port: 0, databasePath: b.file });
  const client = await b.ok('clients.create', validClient);
  engagementId = (await b.ok('engagements.create', validEngagement(client.id))).id;
  await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] });
});
afterAll(async () => {
  await server.close();
  b.dispose();
});

const tempFiles = () => (existsSync(join(b.dir, 'tmp')) ? readdirSync(join(b.dir, 'tmp')) : []);

type Sent = { status: number; body: Result<ImportJob>; bytesSentBeforeAnswer: number; total: number };

/**
 * Sends `total` bytes in 64 KiB chunks, waiting for each to drain, without a
 * Content-Length (chunked), and notes how much had been sent when the answer came.
 */
function stream(fileName: string, total: number, chunkOf: (offset: number, size: number) => Buffer): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answeredAt = -1;
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/hours.importStart?fileName=${encodeURIComponent(fileName)}`,
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/octet-stream' },
      },
      (res) => {
        answeredAt = sent;
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(parts).toString('utf8')) as Result<ImportJob>,
            bytesSentBeforeAnswer: answeredAt,
            total,
          }),
        );
      },
    );
    req.on('error', (error) => {
      // The server closes the connection after refusing: a write may then fail, which is the point.
      if (answeredAt < 0) reject(error);
    });
    const next = () => {
      if (answeredAt >= 0 || req.destroyed) return;
      if (sent >= total) {
        req.end();
        return;
      }
      const size = Math.min(64 * 1024, total - sent);
      const chunk = chunkOf(sent, size);
      sent += size;
      if (req.write(chunk)) setImmediate(next);
      else req.once('drain', next);
    };
    next();
  });
}

/** A CSV of exactly `total` bytes: a header and rows for Ana, padded by the note. */
function csvBytes(total: number): (offset: number, size: number) => Buffer {
  const header = 'Date,Engagement ID,Specialist email,Activity,Minutes,Note\n';
  const lines: string[] = [header];
  let length = header.length;
  for (let d = 0; length < total; d++) {
    const date = new Date(Date.UTC(2026, 1, 2) + (d % 300) * 86_400_000).toISOString().slice(0, 10);
    const line = `${date},${engagementId},ana.ionescu@example.com,Retraining,1,row ${d}\n`;
    lines.push(line);
    length += line.length;
  }
  const all = Buffer.from(lines.join('')).subarray(0, total);
  return (offset, size) => all.subarray(offset, offset + size);
}

describe('streamed uploads in browser mode', () => {
  it('refuses a body larger than 10 MB as soon as it passes the cap, with the limit and how to split, and keeps nothing', async () => {
    const total = 64 * 1024 * 1024; // 64 MiB on offer
    const sent = await stream('huge.csv', total, (_o, size) => Buffer.alloc(size, 0x41));
    expect(sent.status).toBe(413);
    expect(sent.body).toEqual({ ok: false, error: { code: 'invalid_input', message: IMPORT_TOO_LARGE } });
    // Refused early: the answer came long before the client had sent its 64 MiB (what it sent past
    // the cap sat in the sockets' buffers, a few MiB on loopback, unread by the server).
    expect(sent.bytesSentBeforeAnswer).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(sent.bytesSentBeforeAnswer).toBeLessThan(total / 2);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses at once a body whose Content-Length is over the cap', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/hours.importStart?fileName=big.csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/octet-stream' },
      body: Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(IMPORT_TOO_LARGE);
    expect(tempFiles()).toEqual([]);
  });

  it('takes a file of exactly 10 MB, streamed, and checks it as an import job; the file goes when the job ends', async () => {
    const sent = await stream('exactly-10-MB.csv', MAX_IMPORT_BYTES, csvBytes(MAX_IMPORT_BYTES));
    expect(sent.status).toBe(200);
    expect(sent.body.ok).toBe(true);
    if (!sent.body.ok) return;
    const job = sent.body.value;
    expect(job.fileName).toBe('exactly-10-MB.csv');
    expect(tempFiles()).toHaveLength(1);
    let status = job;
    for (let i = 0; i < 600 && !['checked', 'failed'].includes(status.state); i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = await b.ok('hours.importStatus', { jobId: job.id });
    }
    expect(status.state).toBe('checked');
    expect(status.rowsRead).toBeGreaterThan(100_000);
    await b.ok('hours.importCancel', { jobId: job.id });
    expect(tempFiles()).toEqual([]);
  });

  it('removes the upload when the procedure refuses it (a missing file name)', async () => {
    const sent = await stream('', 1000, csvBytes(1000));
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(tempFiles()).toEqual([]);
  });
});
