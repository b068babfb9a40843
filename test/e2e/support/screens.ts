import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './server';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'screenshots', 'e2e');

const written: string[] = [];

/** Saves a PNG of the page to screenshots/e2e/<name>.png (git-ignored) and remembers it. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'initial' });
  if (!written.includes(file)) written.push(file);
  return file;
}

export function screenshotsWritten(): readonly string[] {
  return written;
}
