import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Backend, createBackend } from '@backend/index';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/backend';

/**
 * The renderer-callable `db.backup` writes only into the data folder's backups/, in the desktop
 * app as in browser mode: no input can name another place. (The desktop menu's save dialog hands
 * its path to the backend in the main process; test/unit/shell/shell.test.ts covers it.)
 */

const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));
const opened: { backend: Backend; dirs: string[] }[] = [];

afterEach(() => {
  for (const { backend, dirs } of opened.splice(0)) {
    backend.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});

function open(mode: 'desktop' | 'browser') {
  const dataDir = tempDir('keel-backup-paths-');
  const outside = tempDir('keel-backup-outside-');
  const backend = createBackend({ databasePath: join(dataDir, 'keel.db'), actor: 'tester', mode, clock, logger: { error: () => {} } });
  opened.push({ backend, dirs: [dataDir, outside] });
  return { backend, dataDir, outside };
}

describe.each(['desktop', 'browser'] as const)('db.backup in %s mode', (mode) => {
  it('refuses any path, folder or name it is given, and writes nothing anywhere', async () => {
    const { backend, dataDir, outside } = open(mode);
    const target = join(outside, 'copy.db');
    const inputs: unknown[] = [
      { path: target },
      { filePath: target },
      { dir: outside },
      { folder: outside },
      { name: '../../copy.db' },
      { path: target, name: 'copy.db' },
      target,
      [target],
    ];
    const before = readdirSync(dataDir).sort();
    for (const input of inputs) {
      const result = await backend.dispatch('db.backup', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')) : []).toEqual([]);
  });

  it('writes into <data folder>/backups/ and nowhere else', async () => {
    const { backend, dataDir, outside } = open(mode);
    for (const input of [{}, undefined, null]) {
      const result = await backend.dispatch('db.backup', input);
      if (!result.ok) throw new Error(result.error.message);
      expect(dirname((result.value as { path: string }).path)).toBe(join(dataDir, 'backups'));
    }
    expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(3);
    expect(readdirSync(outside)).toEqual([]);
  });
});
