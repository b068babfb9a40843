import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { newId } from '@backend/core/ids';
import { uploadPath } from '@backend/core/tempFiles';
import type { Dispatch } from '@backend/dispatch';
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES } from '@shared/billing/contract/billing';
import { contract, type ErrorCode, type Result } from '@shared/contract';
import { COST_UPLOAD_TOO_LARGE } from '@shared/operations/contract/costs';
import { INVENTORY_TOO_LARGE } from '@shared/portfolio/contract/inventory';
import { z } from 'zod';
import { CONTENT_SECURITY_POLICY, mimeType, rendererFile } from './static';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  unknown_procedure: 404,
  conflict: 409,
  internal: 500,
};

const MAX_BODY = 1024 * 1024;

/**
 * Procedures that carry a file take a larger body: an hours workbook or CSV of up to 10 MB (the
 * README's limit) arrives as base64 (4/3 of it) inside JSON. The cap is enforced as bytes arrive:
 * a larger upload is refused as soon as it passes the cap, not after it was read whole.
 */
const FILE_BODY_CAPS: Partial<Record<string, { bytes: number; message: string }>> = {
  'hours.import': { bytes: 14 * 1024 * 1024, message: IMPORT_TOO_LARGE },
  'hours.importStart': { bytes: 14 * 1024 * 1024, message: IMPORT_TOO_LARGE },
  // A model inventory of up to 5 MB, as base64 inside JSON.
  'models.importInventory': { bytes: 7 * 1024 * 1024, message: INVENTORY_TOO_LARGE },
  // A readings file of up to 10 MB (larger ones go through the inbox folder) and a calendar file of up to 5 MB.
  'readings.import': {
    bytes: 14 * 1024 * 1024,
    message: 'The file is larger than Keel takes through the app (10 MB). Drop larger files in the monitoring inbox folder.',
  },
  'ceremonies.importIcs': { bytes: 7 * 1024 * 1024, message: 'The calendar file is larger than Keel takes (5 MB).' },
  // A cloud cost export of up to 20 MB, as base64 inside JSON.
  'costs.import': { bytes: 28 * 1024 * 1024, message: COST_UPLOAD_TOO_LARGE },
};

/**
 * Procedures that take a file as the raw request body (Content-Type
 * application/octet-stream, the file's name in `?fileName=`): the bytes are
 * streamed to a temporary file under the data folder (`<data>/tmp/<id>.upload`),
 * never held in memory, and refused as soon as they pass the cap; the
 * procedure then gets `{ fileName, uploadId }`. The job that takes the file
 * removes it when it ends; a refused or failed call removes it at once.
 */
const STREAMED_UPLOADS: Partial<Record<string, { bytes: number; message: string }>> = {
  'hours.importStart': { bytes: MAX_IMPORT_BYTES, message: IMPORT_TOO_LARGE },
};
const DEFAULT_CAP = { bytes: MAX_BODY, message: 'The request body is larger than 1 MiB.' };

/** A client that sends its headers or its body this slowly is cut off (Node's defaults wait 60 s and 300 s). */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

export type ServerOptions = {
  dispatch: Dispatch;
  rendererDir: string;
  port: number;
  token?: string;
  /** The database file, whose data folder's tmp/ receives streamed uploads; without it they are refused. */
  databasePath?: string;
};

export type RunningServer = { server: Server; port: number; token: string; url: string; close(): Promise<void> };

/**
 * Browser mode: the built renderer plus the contract over HTTP, bound to
 * 127.0.0.1 only. Every /api request must carry the per-launch token; the
 * Host header is checked so a DNS-rebinding page cannot reach the API.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.rendererDir);
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('Browser-mode request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Unexpected server error.' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!allowedHost(req.headers.host, port)) {
      sendJson(res, 403, fail('unauthorized', 'Browser mode only answers on 127.0.0.1 or localhost.'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!hasToken(req, token)) {
        sendJson(res, 401, fail('unauthorized', 'This request has no valid Keel token. Open the URL Keel printed at start-up.'));
        return;
      }
      if (url.pathname === '/api' && req.method === 'GET') {
        sendJson(res, 200, describeApi());
        return;
      }
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        name = url.pathname.slice('/api/'.length); // malformed escapes: not a procedure name either
      }
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        sendJson(res, 405, fail('invalid_input', 'Call procedures with POST and a JSON body.'));
        return;
      }
      const streamed = STREAMED_UPLOADS[name];
      if (streamed && options.databasePath && (req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
        await upload(req, res, name, url, streamed, options.databasePath);
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(res, 415, fail('invalid_input', 'The request body must be JSON (Content-Type: application/json).'));
        return;
      }
      const cap = FILE_BODY_CAPS[name] ?? DEFAULT_CAP;
      const body = await readBody(req, cap.bytes);
      if (body === null) {
        res.setHeader('Connection', 'close');
        sendJson(res, 413, fail('invalid_input', cap.message));
        return;
      }
      let input: unknown;
      try {
        input = body.length === 0 ? undefined : JSON.parse(body);
      } catch {
        sendJson(res, 400, fail('invalid_input', 'The request body is not valid JSON.'));
        return;
      }
      const result = await options.dispatch(name, input);
      sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, fail('invalid_input', 'Only GET is served here.'));
      return;
    }
    await serveStatic(url.pathname, res, root);
  }

  async function upload(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    url: URL,
    cap: { bytes: number; message: string },
    databasePath: string,
  ) {
    const uploadId = newId();
    const path = uploadPath(databasePath, uploadId);
    const received = await receiveFile(req, path, cap.bytes);
    if (received !== 'whole') {
      rmSync(path, { force: true });
      res.setHeader('Connection', 'close');
      if (received === 'too large') sendJson(res, 413, fail('invalid_input', cap.message));
      else sendJson(res, 400, fail('invalid_input', 'The upload was cut off before the whole file arrived. Choose the file again.'));
      return;
    }
    const result = await options.dispatch(name, { fileName: url.searchParams.get('fileName') ?? '', uploadId });
    if (!result.ok) rmSync(path, { force: true });
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function allowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice(7) : req.headers['x-keel-token'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as text, or null as soon as it passes `cap` bytes (the rest is not read: the connection closes after the answer). */
function readBody(req: IncomingMessage, cap: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) return Promise.resolve(null);
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= cap) {
        chunks.push(chunk);
        return;
      }
      req.pause();
      req.removeAllListeners('data');
      resolveBody(null);
    });
    req.on('end', () => resolveBody(size <= cap ? Buffer.concat(chunks).toString('utf8') : null));
    req.on('error', reject);
  });
}

/**
 * Streams a request body into `path`, refusing it as soon as it passes `cap`
 * bytes (or at once when its Content-Length says so): at most one chunk
 * beyond the cap is ever read, and nothing is held in memory.
 */
function receiveFile(req: IncomingMessage, path: string, cap: number): Promise<'whole' | 'too large' | 'cut off'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) return Promise.resolve('too large');
  return new Promise((resolveFile) => {
    const out = createWriteStream(path, { flags: 'wx' });
    let size = 0;
    let settled = false;
    const settle = (outcome: 'whole' | 'too large' | 'cut off') => {
      if (settled) return;
      settled = true;
      req.removeAllListeners('data');
      if (outcome === 'whole') out.end(() => resolveFile('whole'));
      else {
        req.pause();
        out.destroy();
        out.once('close', () => resolveFile(outcome));
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        settle('too large');
        return;
      }
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    });
    req.on('end', () => settle(size <= cap ? 'whole' : 'too large'));
    req.on('aborted', () => settle('cut off'));
    req.on('error', () => settle('cut off'));
    out.on('error', () => settle('cut off'));
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

export function describeApi() {
  return {
    procedures: Object.entries(contract).map(([name, def]) => ({
      name,
      kind: def.kind,
      summary: def.summary,
      method: 'POST',
      path: `/api/${name}`,
      inputSchema: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
    })),
  };
}

async function serveStatic(pathname: string, res: ServerResponse, root: string) {
  let target: ReturnType<typeof rendererFile>;
  try {
    target = rendererFile(root, pathname);
  } catch {
    target = null; // malformed percent-encoding
  }
  const body = target ? await readFile(target.file).catch(() => null) : null;
  if (!target || !body) {
    if (target?.isRoute) {
      res
        .writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The Keel UI is not built. Run `npm run build` (or `npm run serve`, which builds first).');
    } else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const type = mimeType(target.file);
  const headers: Record<string, string> = { 'Content-Type': type };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    headers['Cache-Control'] = 'no-store';
  }
  res.writeHead(200, headers).end(body);
}
