import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderPdf } from '@backend/core/area';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/browser';

/**
 * The tests' PDF renderer, in the shape the desktop shell gives the backend (Electron's printToPDF there):
 * playwright-core driving Debian's Chromium, JavaScript off and no network, the page set as content and
 * printed on its own CSS page size. `close()` ends the browser.
 */
export async function chromiumPdfRenderer(): Promise<{ renderPdf: RenderPdf; close(): Promise<void> }> {
  const browser: Browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  return {
    renderPdf: async (html) => {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}

/**
 * Why the PDF tests cannot run here, or null when they can: they need a Chromium (as the E2E tests do)
 * and poppler-utils (`apt-get install -y chromium poppler-utils`; `.ci/run` installs both).
 */
export function pdfToolsMissing(): string | null {
  try {
    findChromium();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return 'No pdftotext found: install poppler-utils (`sudo apt-get install -y poppler-utils`) to read the rendered PDFs.';
  }
  return null;
}

/** The text of a PDF (poppler-utils' pdftotext), page breaks as form feeds. */
export function pdfText(pdf: Uint8Array, dir: string): string {
  const file = join(dir, 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Page `page` of a PDF as a PNG at 60 dpi (poppler-utils' pdftoppm), written as `<dir>/<name>.png` to look at. */
export function pdfPagePng(pdf: Uint8Array, dir: string, name: string, page = 1): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, name)]);
  return join(dir, `${name}.png`);
}

/** How many pages a PDF has (poppler-utils' pdfinfo). */
export function pdfPages(pdf: Uint8Array, dir: string): number {
  const file = join(dir, 'count.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}
