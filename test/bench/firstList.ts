import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';

/**
 * The time from opening Keel's URL in Chromium to the first row of the main
 * screens' lists, on the sample data, in browser mode (`out/main/serve.js`):
 *   cold — a freshly started server and a fresh browser context (empty cache),
 *          so the screen is the first thing Keel shows after start;
 *   warm — the same URL opened again in that context (cached assets, warm server),
 *          median of WARM_RUNS.
 * Also prints the renderer's bundle (out/renderer/assets). Figures only: nothing
 * here asserts on time. Run `npm run build && node out/main/firstList.js`, or
 * `BENCH_ONLY=ui npm run bench`.
 */

const SCREENS: readonly { id: string; label: string; tab?: string }[] = [
  { id: 'clients', label: 'Clients' },
  { id: 'specialists', label: 'Specialists' },
  { id: 'allocations', label: 'Allocation plan' },
  // Its first tab (the week's timesheet) lists nothing until a person is picked: the list is the month close.
  { id: 'hours', label: 'Hours: month close', tab: 'Month close' },
  { id: 'replacements', label: 'Continuity' },
];

const WARM_RUNS = Number(process.env.BENCH_UI_RUNS) || 5;
/** A list's first row: a table body row, a timeline row, or an ARIA grid row below the header. */
const FIRST_ROW = 'main tbody tr, main .timeline__row, main [role="rowgroup"] [role="row"]';

type Server = { url: string; baseUrl: string; token: string; stop(): Promise<void> };

/** The bundle sits beside this script in out/main; the renderer in out/renderer. */
const OUT = join(__dirname, '..');
const SERVE_JS = join(OUT, 'main/serve.js');

async function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [SERVE_JS, '--port', '0', '--data', dataDir], {
    env: { ...process.env, KEEL_USER: 'bench' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`Keel exited before it was ready (code ${code}, signal ${signal}):\n${output}`)));
  });
  const parsed = new URL(url);
  return { url, baseUrl: parsed.origin, token: parsed.searchParams.get('token') ?? '', stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}

async function call(server: Server, name: string, input: unknown = {}): Promise<unknown> {
  const response = await fetch(`${server.baseUrl}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${name} failed: ${result.error?.message}`);
  return result.value;
}

/** Opens `url#/<screen>` in the page (then its tab, if named) and returns the milliseconds until its list shows a row. */
async function timeToFirstRow(page: Page, url: string, { id: screen, tab }: (typeof SCREENS)[number]): Promise<number> {
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(`${url}#/${screen}`, { waitUntil: 'commit' });
  if (tab) await page.getByRole('tab', { name: tab }).click();
  try {
    await page.locator(FIRST_ROW).first().waitFor({ state: 'visible', timeout: 30_000 });
  } catch (error) {
    const shown = (await page.locator('main').innerText()).slice(0, 400);
    throw new Error(`No list row on #/${screen} within 30 s. The page showed:\n${shown}`, { cause: error });
  }
  return performance.now() - started;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function bundleSizes(): string[] {
  const dir = join(OUT, 'renderer/assets');
  if (!existsSync(dir)) return ['(no out/renderer/assets: build first)'];
  const files = readdirSync(dir).map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
  const js = files.filter((f) => f.name.endsWith('.js'));
  const total = (fs: typeof files) => fs.reduce((sum, f) => sum + f.bytes, 0);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  const entry = js.filter((f) => f.name.startsWith('index-')).sort((a, b) => b.bytes - a.bytes)[0];
  return [
    `renderer JS: ${js.length} files, ${kib(total(js))} in all; entry ${entry ? `${entry.name} ${kib(entry.bytes)}` : '?'}`,
    `renderer CSS: ${kib(total(files.filter((f) => f.name.endsWith('.css'))))}; source maps: ${kib(total(files.filter((f) => f.name.endsWith('.map'))))}`,
  ];
}

export async function firstListBench(): Promise<void> {
  if (!existsSync(SERVE_JS)) throw new Error(`${SERVE_JS} is missing: run npm run build first.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'keel-bench-ui-'));
  let browser: Browser | null = null;
  try {
    const loader = await startServer(dataDir);
    await call(loader, 'sample.load');
    await loader.stop();

    browser = await launchChromium();
    const rows: { label: string; cold: number; warm: number }[] = [];
    for (const screen of SCREENS) {
      const server = await startServer(dataDir);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        const cold = await timeToFirstRow(page, server.url, screen);
        const warm: number[] = [];
        // The token was taken out of the address on the first load; the tab keeps it.
        for (let i = 0; i < WARM_RUNS; i++) warm.push(await timeToFirstRow(page, server.baseUrl, screen));
        rows.push({ label: screen.label, cold, warm: median(warm) });
      } finally {
        await context.close();
        await server.stop();
      }
    }
    console.log('\nUI: opening the URL → first list row (Chromium, browser mode, sample data)');
    for (const line of bundleSizes()) console.log(`  ${line}`);
    console.log(`  ${'screen'.padEnd(18)}${'cold'.padStart(10)}${`warm (median of ${WARM_RUNS})`.padStart(24)}`);
    for (const r of rows) {
      console.log(`  ${r.label.padEnd(18)}${`${r.cold.toFixed(0)} ms`.padStart(10)}${`${r.warm.toFixed(0)} ms`.padStart(24)}`);
    }
  } finally {
    await browser?.close();
    if (!process.env.BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  firstListBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
