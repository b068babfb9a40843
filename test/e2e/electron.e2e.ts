import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeDataDir, REPO_ROOT } from './support/server';

/**
 * The desktop shell, launched for real. Electron's binary is fetched on first
 * launch, so on machines without it this test reports itself skipped with the
 * reason; everything behind the shell is covered in browser mode.
 * (Never `require('electron')` here: that tries to download the binary.)
 */

const ELECTRON_DIR = join(REPO_ROOT, 'node_modules', 'electron');
const MAIN_JS = join(REPO_ROOT, 'out', 'main', 'index.js');

function findElectron(): { path: string | null; reason: string } {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, reason: 'Electron binary not downloaded on this machine — run npx install-electron' };
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { path: null, reason: `Electron binary missing at ${binary} — run npx install-electron` };
  return { path: binary, reason: '' };
}

const { path: electronPath, reason } = findElectron();
if (!electronPath) console.log(`Electron smoke test skipped: ${reason}.`);

describe('desktop app (Electron)', () => {
  it.skipIf(!electronPath)(`launches the desktop window${electronPath ? '' : ` (skipped: ${reason})`}`, async () => {
    if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run npm run build first.`);
    const dataDir = makeDataDir('keel-e2e-electron-');
    const app = await electron.launch({
      executablePath: electronPath ?? '',
      args: [MAIN_JS],
      env: { ...process.env, KEEL_DATA_DIR: dataDir, KEEL_USER: 'e2e-tester' },
      timeout: 30_000,
    });
    try {
      const win = await app.firstWindow();
      await win.waitForLoadState('domcontentloaded');
      await win.getByRole('navigation', { name: 'Areas' }).waitFor();
      expect(await win.title()).toBe('Keel');
      expect(win.url().startsWith('app://keel/')).toBe(true);

      const surface = await win.evaluate(() => ({
        invoke: typeof (globalThis as { keel?: { invoke?: unknown } }).keel?.invoke,
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(surface).toEqual({ invoke: 'function', require: 'undefined', process: 'undefined' });

      const info = await win.evaluate(() =>
        (globalThis as unknown as { keel: { invoke(name: string, input: unknown): Promise<unknown> } }).keel.invoke('app.info', {}),
      );
      expect(info).toMatchObject({ ok: true, value: { mode: 'desktop', actor: 'e2e-tester' } });
      expect((info as { value: { databasePath: string } }).value.databasePath.startsWith(dataDir)).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
