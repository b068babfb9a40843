import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './server';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'screenshots', 'e2e');

const written: string[] = [];

/**
 * Saves a PNG of the page to screenshots/e2e/<name>.png (git-ignored) and remembers it.
 * The app scrolls inside its main area, not the page, so `full: true` grows the
 * viewport to the content's height for the shot (then restores it) instead of
 * relying on Playwright's fullPage.
 */
export async function screenshot(page: Page, name: string, options: { full?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize();
  let grown = false;
  if (options.full && viewport) {
    const height = await page
      .locator('.main')
      .evaluate((el) => (el as unknown as { scrollHeight: number }).scrollHeight)
      .catch(() => 0);
    if (height > viewport.height) {
      await page.setViewportSize({ width: viewport.width, height: Math.min(height, 4000) });
      grown = true;
    }
  }
  try {
    await page.screenshot({ path: file, animations: 'disabled', caret: 'initial' });
  } finally {
    if (grown && viewport) await page.setViewportSize(viewport);
  }
  if (!written.includes(file)) written.push(file);
  return file;
}

export function screenshotsWritten(): readonly string[] {
  return written;
}
