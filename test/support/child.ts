import { type ChildProcess, spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { aliases } from '../../aliases.mjs';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, '');

/**
 * Bundles a TypeScript entry (with the project's aliases) into one CommonJS
 * file a plain `node` child can run, so a fault test can SIGKILL real backend
 * code at a random moment. Dependencies stay external; the bundle sits under
 * node_modules/.cache so they resolve from the project.
 */
export async function buildChild(entry: string): Promise<string> {
  const name = basename(entry).replace(/\.ts$/, '');
  const outDir = join(REPO_ROOT, 'node_modules', '.cache', 'keel-children', name);
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: aliases },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: `${name}.cjs` } },
    },
  });
  return join(outDir, `${name}.cjs`);
}

export type RunningChild = {
  child: ChildProcess;
  /** Lines the child printed so far. */
  lines: string[];
  /** Resolves when a line matching `pattern` has been printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGKILL: no handler, no flush, the way a power cut or a crash ends a process. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
};

export function startChild(script: string, args: string[]): RunningChild {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffered = '';
  const waiters: { pattern: RegExp; resolve(line: string): void }[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    child,
    lines,
    exited,
    waitFor(pattern, timeoutMs = 20_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`The child did not print ${pattern} within ${timeoutMs} ms:\n${lines.join('\n')}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(() =>
          setTimeout(() => reject(new Error(`The child exited before printing ${pattern}:\n${lines.join('\n')}`)), 50),
        );
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
