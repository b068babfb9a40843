import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/[\\/]$/, '');
export const SERVE_JS = join(REPO_ROOT, 'out/main/serve.js');

export type KeelServer = {
  /** The URL Keel printed, with the token: what a user opens. */
  url: string;
  token: string;
  /** http://127.0.0.1:PORT, no trailing slash. */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
};

export function makeDataDir(prefix = 'keel-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts the built browser-mode server (`node out/main/serve.js --port 0 --data DIR`) and waits for its "Open …" line. */
/**
 * Starts browser mode on a data folder. `clockAhead` runs it under libfaketime, a faketime spec: the clock moved
 * ahead ("+4d": days passing without readings, for the monitoring test) or started at a fixed instant
 * ("@2026-12-06 10:00:00": a test whose dates are written out, so it passes on any day).
 */
export async function startServer(
  dataDir: string = makeDataDir(),
  timeoutMs = 20_000,
  options: { clockAhead?: string } = {},
): Promise<KeelServer> {
  if (!existsSync(SERVE_JS)) {
    throw new Error(`${SERVE_JS} is missing: run npm run build first (npm run test:e2e builds before testing).`);
  }
  const args = [SERVE_JS, '--port', '0', '--data', dataDir];
  const [command, commandArgs] = options.clockAhead
    ? ['faketime', ['-f', options.clockAhead, process.execPath, ...args]]
    : [process.execPath, args];
  const child = spawn(command, commandArgs, {
    cwd: REPO_ROOT,
    env: { ...process.env, KEEL_USER: 'e2e-tester' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => fail(`Keel did not print its URL within ${timeoutMs} ms.`), timeoutMs);
    function fail(message: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${message}\nServer output:\n${output}`));
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => fail(`Keel exited before it was ready (code ${code}, signal ${signal}).`));
    child.once('error', (error) => fail(`Keel could not be started: ${error.message}`));
  });

  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  return {
    url,
    token,
    baseUrl: parsed.origin,
    port: Number(parsed.port),
    dataDir,
    output: () => output,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 5_000))]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
    throw new Error('Keel did not stop within 5 s of SIGTERM (killed it).');
  }
}

/** Calls a contract procedure over HTTP the way the renderer does, and returns the parsed Result. */
export async function call<T = unknown>(server: Pick<KeelServer, 'baseUrl' | 'token'>, name: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${name} failed (${response.status}): ${result.error.code} ${result.error.message}`);
  return result.value;
}
