import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTempFolder, TEMP_FOLDER } from '@backend/core/tempFiles';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the temporary folder at start', () => {
  it('loses what a killed run left — uploads, staging files and their SQLite journals — and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keel-temp-'));
    dirs.push(dir);
    const tmp = join(dir, TEMP_FOLDER);
    mkdirSync(tmp);
    const id = '01a2496e-6e0b-766f-9cf2-b6dfe342b111';
    const left = [`${id}.upload`, `${id}.stage`, `${id}.stage-journal`, `${id}.stage-wal`, `${id}.stage-shm`];
    const kept = ['notes.txt', `${id}.db`];
    for (const name of [...left, ...kept]) writeFileSync(join(tmp, name), 'x');
    expect(clearTempFolder(join(dir, 'keel.db'))).toBe(left.length);
    expect(readdirSync(tmp).sort()).toEqual(kept.sort());
  });
});
