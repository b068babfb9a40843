// `npm start`: build, then launch the desktop app. Where the Electron runtime
// cannot be obtained (an offline machine), say so in one sentence and serve the
// same app in browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Asks the electron package for its binary; it downloads it on first use, which fails offline. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const path = probe.stdout?.trim();
  return probe.status === 0 && path && existsSync(path) ? path : null;
}

const args = process.argv.slice(2);
const electron = process.env.KEEL_BROWSER_MODE ? null : electronBinary();
if (electron) {
  const child = spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    process.env.KEEL_BROWSER_MODE
      ? 'Keel: KEEL_BROWSER_MODE is set, so Keel opens in browser mode.'
      : 'Keel: the Electron runtime could not be downloaded on this machine, so Keel opens in browser mode instead (same app, same data).',
  );
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'serve.js'), ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
