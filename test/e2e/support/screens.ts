import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** Closes every toast on the page, so a screenshot shows the screen; toasts also time out on their own, so one may vanish first. */
export async function dismissToasts(page: Page): Promise<void> {
  const dismiss = page.locator('.toast').getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0)
    await dismiss
      .first()
      .click({ timeout: 500 })
      .catch(() => undefined);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] };

/** Serious and critical WCAG 2.2 AA violations axe finds in the screen (and any drawer it opened); the app shell's navigation aside. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate<AxeResult>(
    "axe.run({ include: ['.main'] }, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })",
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s), first ${JSON.stringify(v.nodes[0]?.target)}`);
}
