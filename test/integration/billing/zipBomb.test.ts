import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_UNZIPPED_BYTES, unzippedBytes } from '@backend/core/readTable';
import type { KeelError } from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../../support/backend';
import { buildChild, startChild } from '../../support/child';
import { sheetOf, xlsxBomb } from '../../support/xlsxBomb';

/**
 * A zip bomb with lying sizes: a workbook of about 1 MB whose sheet really
 * unpacks to 1 GiB while every header declares a few hundred bytes. The
 * import counts the bytes it actually inflates and stops at the cap, so the
 * file is refused with a sentence that says so, and the process that read
 * it (a child, so its memory is its own) stays small.
 */

const MiB = 1024 * 1024;
let b: TestBackend;
let dir: string;
beforeAll(() => {
  b = openTestBackend();
  dir = mkdtempSync(join(tmpdir(), 'keel-bomb-'));
});
afterAll(() => {
  b?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function refused(input: unknown): Promise<KeelError> {
  const result = await b.call('hours.import', input);
  if (result.ok) throw new Error(`the import should have been refused but returned ${JSON.stringify(result.value).slice(0, 300)}`);
  return result.error;
}

const LIE =
  /^This workbook’s table of contents says it unpacks to less than 1 MB, but it really unpacks to more than 200 MB, more than Keel opens, so Keel stopped reading it\. It may be damaged or built to hide its size; if it is a real timesheet, save the sheet as “CSV UTF-8” and import that, or split it by year\.$/;

describe('a zip bomb with lying sizes', { timeout: 120_000 }, () => {
  it('is what it claims to be: a small file, a small declared size, a huge real sheet', async () => {
    const small = await xlsxBomb(3 * MiB);
    expect(unzippedBytes(small)).toBeLessThan(50_000);
    const sheet = sheetOf(small);
    expect(sheet.length).toBeGreaterThanOrEqual(3 * MiB);
    expect(sheet.subarray(-24).toString()).toBe('</sheetData></worksheet>');
    const bomb = await xlsxBomb(1024 * MiB);
    expect(bomb.length).toBeLessThan(5 * MiB);
    expect(unzippedBytes(bomb)).toBeLessThan(50_000);
  });

  it('a lying workbook under the cap is refused as soon as a part unpacks to another size than it declares', async () => {
    const small = await xlsxBomb(MiB);
    const error = await refused({ fileName: 'small.xlsx', base64: small.toString('base64') });
    expect(error.message).toBe(
      'This file is not an Excel workbook or CSV file Keel can read. Its parts unpack to other sizes than its table of contents says; it may be damaged or built to hide its size.',
    );
  });

  it('is refused once the bytes really inflated pass the cap, with a sentence saying why, and nothing is written', async () => {
    const bomb = await xlsxBomb(1024 * MiB);
    const audit = b.auditCount();
    const error = await refused({ fileName: 'bomb.xlsx', base64: bomb.toString('base64') });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(LIE);
    expect(error.issues).toEqual([{ path: 'base64', message: 'unpacks to more than its table of contents says' }]);
    expect(b.auditCount()).toBe(audit);
    expect(MAX_UNZIPPED_BYTES).toBe(200 * MiB);
  });

  it('keeps the reading process small: its peak memory stays far below the 1 GiB the sheet holds', async () => {
    const file = join(dir, 'bomb.xlsx');
    const bomb = await xlsxBomb(1024 * MiB);
    writeFileSync(file, bomb);
    const script = await buildChild(join(__dirname, 'faults', 'importChild.ts'));
    const child = startChild(script, [dir, file]);
    const line = await child.waitFor(/^RESULT /, 90_000);
    await child.exited;
    const result = JSON.parse(line.slice('RESULT '.length)) as { ok: boolean; message: string; before: number; peak: number; ms: number };
    console.log(
      `zip bomb (a ${(bomb.length / MiB).toFixed(2)} MB file, 1 GiB of sheet): peak RSS ${Math.round(result.peak / MiB)} MB (${Math.round(result.before / MiB)} MB before the import), refused in ${result.ms} ms`,
    );
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(LIE);
    // The inflated bytes are counted and dropped as they stream: the import adds a few MB, not hundreds.
    expect(result.peak - result.before).toBeLessThan(100 * MiB);
  });
});
