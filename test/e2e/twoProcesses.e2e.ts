import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type KeelServer, makeDataDir, REPO_ROOT, SERVE_JS, startServer } from './support/server';

/** Runs a second browser-mode server on a folder and collects what it says until it exits (or 15 s pass). */
function secondStart(dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVE_JS, '--port', '0', '--data', dataDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, KEEL_USER: 'second' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The second Keel kept running on a folder another Keel holds:\n${output}`));
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('one Keel per data folder (two browser-mode servers)', () => {
  let first: KeelServer | undefined;
  afterAll(async () => first?.stop());

  it('the second start says which process holds the folder and exits, and the first keeps answering', async () => {
    const dataDir = makeDataDir('keel-two-');
    first = await startServer(dataDir);
    const before = await fetch(`${first.baseUrl}/api/clients.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(before.status).toBe(200);

    const second = await secondStart(dataDir);
    expect(second.code).not.toBe(0);
    const sentence = second.output.split('\n').find((l) => /already open in Keel/.test(l)) ?? '';
    expect(sentence, second.output).toMatch(/The data folder .* is already open in Keel in browser mode \(process \d+, since .+\)/);
    expect(sentence).toMatch(/close that Keel first/i);
    expect(second.output).not.toMatch(/Open http/);

    // The first server still owns the folder and answers.
    const after = await fetch(`${first.baseUrl}/api/clients.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(after.status).toBe(200);
    expect(existsSync(join(dataDir, 'keel.lock'))).toBe(true);

    // Once the first stops, the folder is free again.
    await first.stop();
    first = undefined;
    expect(existsSync(join(dataDir, 'keel.lock'))).toBe(false);
    first = await startServer(dataDir);
    expect(first.url).toMatch(/token=/);
  });
});
