import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where a Chromium may live, in the order we try them. */
const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The Chromium to drive: KEEL_CHROMIUM if set, then the system packages,
 * then one installed by `npx playwright install chromium`.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.KEEL_CHROMIUM;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`KEEL_CHROMIUM is set to ${fromEnv}, but no file exists there: point it at a Chromium or Chrome executable.`);
  }
  for (const candidate of SYSTEM_CANDIDATES) if (existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core knows no browser of its own here; fall through to the message below.
  }
  throw new Error(
    'No Chromium found: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set KEEL_CHROMIUM to its path.',
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * A new page that records uncaught exceptions and console errors (CSP violations included)
 * into `problems`, and accepts every dialog ("Discard unsaved changes?") after noting its text.
 */
export async function openWatchedPage(context: BrowserContext, problems: string[], dialogs: string[]): Promise<Page> {
  const opened = await context.newPage();
  opened.setDefaultTimeout(10_000);
  opened.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  opened.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  opened.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every non-2xx fetch; a refused command (409, 400) is an answer the UI shows, not a fault.
    if (/status of 4\d\d/.test(message.text()) && message.location().url.includes('/api/')) return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  return opened;
}
