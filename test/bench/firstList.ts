import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page, Response } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';
import { fiveYearDataFolder } from './uiDataset';

/**
 * The time from opening Keel's URL in Chromium to the first row of each main
 * screen's list, in browser mode (`out/main/serve.js`), on five years of data
 * (uiDataset.ts; BENCH_UI_DATA=sample for the sample dataset instead):
 *   first — a freshly started server and a fresh browser context (empty cache),
 *           so the screen is the first thing Keel shows after start;
 *   warm  — the same URL opened again in that context (cached assets, warm server),
 *           median of WARM_RUNS.
 * Beside each screen, the JSON its procedures answered before the first row showed
 * (from the browser's own responses), and per procedure the largest answer seen.
 * Also prints the renderer's bundle (out/renderer/assets).
 *
 * BENCH_UI_SAVE=<file.json> writes the figures; BENCH_UI_BASELINE=<file.json> prints
 * each figure beside the saved one as a ratio (after ÷ before), so a change can be
 * compared with the code before it. Figures only: nothing here asserts on time.
 * Run `npm run build && node out/main/firstList.js`, or `BENCH_ONLY=ui npm run bench`.
 */

type Screen = {
  id: string;
  label: string;
  /** A tab to click once the screen shows. */
  tab?: string;
  /** A control to click once the screen (and tab) shows, for lists that open on demand. */
  open?: string;
  /** What counts as the list's first row, when not the usual table/timeline row. */
  row?: string;
};

/** A list's first row: a table body row, a timeline row, or an ARIA grid row below the header. */
const FIRST_ROW = 'main tbody tr, main .timeline__row, main [role="rowgroup"] [role="row"]';

const SCREENS: readonly Screen[] = [
  { id: 'clients', label: 'Clients' },
  { id: 'engagements', label: 'Engagements' },
  { id: 'specialists', label: 'Specialists' },
  { id: 'allocations', label: 'Plan timeline' },
  { id: 'staffing', label: 'Staffing' },
  { id: 'replacements', label: 'Continuity board' },
  // The timesheet's list is its people picker: a week shows once a person is picked.
  { id: 'hours', label: 'Hours', open: 'main [role="combobox"]', row: 'main [role="option"]' },
  { id: 'hours', label: 'Month close', tab: 'Month close' },
  { id: 'audit', label: 'Audit' },
];

const WARM_RUNS = Number(process.env.BENCH_UI_RUNS) || 5;

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

/** One opening of a screen: milliseconds to its first row, and the JSON each procedure answered before it. */
type Opening = { ms: number; payloads: Map<string, number> };

/**
 * Opens `url#/<screen>` in the page (then its tab and control, if named) and returns the
 * milliseconds until its list shows a row, with the bytes of every /api/ answer that
 * arrived before then.
 */
async function openScreen(page: Page, url: string, screen: Screen): Promise<Opening> {
  await page.goto('about:blank');
  const bodies: Promise<[string, number] | null>[] = [];
  let done = false;
  const onResponse = (response: Response) => {
    const name = /\/api\/([\w.]+)/.exec(response.url())?.[1];
    if (!name || done) return;
    bodies.push(
      response.body().then(
        (body) => [name, body.byteLength] as [string, number],
        () => null,
      ),
    );
  };
  page.on('response', onResponse);
  const started = performance.now();
  try {
    await page.goto(`${url}#/${screen.id}`, { waitUntil: 'commit' });
    if (screen.tab) await page.getByRole('tab', { name: screen.tab }).click();
    if (screen.open) await page.locator(screen.open).click();
    await page
      .locator(screen.row ?? FIRST_ROW)
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
  } catch (error) {
    const shown = (await page.locator('main').innerText()).slice(0, 400);
    throw new Error(`No list row on #/${screen.id} (${screen.label}) within 30 s. The page showed:\n${shown}`, { cause: error });
  } finally {
    done = true;
    page.off('response', onResponse);
  }
  const ms = performance.now() - started;
  const payloads = new Map<string, number>();
  for (const entry of await Promise.all(bodies)) {
    if (entry) payloads.set(entry[0], Math.max(payloads.get(entry[0]) ?? 0, entry[1]));
  }
  return { ms, payloads };
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

/** The figures BENCH_UI_SAVE writes and BENCH_UI_BASELINE reads. */
type Figures = {
  data: string;
  screens: { label: string; first: number; warm: number; kib: number }[];
  procedures: Record<string, number>;
};

const toKib = (bytes: number) => bytes / 1024;
const ratio = (after: number, before: number | undefined) => (before ? `×${(after / before).toFixed(2)}` : '');

function readBaseline(): Figures | null {
  const file = process.env.BENCH_UI_BASELINE;
  if (!file) return null;
  if (!existsSync(file))
    throw new Error(`BENCH_UI_BASELINE names ${file}, which does not exist: save one first with BENCH_UI_SAVE=${file}.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Figures;
}

function print(figures: Figures, baseline: Figures | null): void {
  console.log(`\nUI: opening the URL → first list row (Chromium, browser mode; ${figures.data})`);
  for (const line of bundleSizes()) console.log(`  ${line}`);
  const againstOld = baseline ? ` (ratios: this run ÷ ${process.env.BENCH_UI_BASELINE})` : '';
  console.log(`  Time to the first row, and the procedures' JSON the screen waited for${againstOld}`);
  console.log(
    `  ${'screen'.padEnd(18)}${'first after start'.padStart(24)}${`warm (median of ${WARM_RUNS})`.padStart(26)}${'JSON'.padStart(22)}`,
  );
  for (const r of figures.screens) {
    const old = baseline?.screens.find((b) => b.label === r.label);
    console.log(
      `  ${r.label.padEnd(18)}${`${r.first.toFixed(0)} ms ${ratio(r.first, old?.first)}`.padStart(24)}` +
        `${`${r.warm.toFixed(0)} ms ${ratio(r.warm, old?.warm)}`.padStart(26)}${`${r.kib.toFixed(1)} KiB ${ratio(r.kib, old?.kib)}`.padStart(22)}`,
    );
  }
  console.log('  Largest answer per procedure on those screens');
  for (const [name, bytes] of Object.entries(figures.procedures).sort((a, b) => b[1] - a[1])) {
    const old = baseline?.procedures[name];
    console.log(
      `  ${name.padEnd(24)}${`${toKib(bytes).toFixed(1)} KiB`.padStart(14)}${(old ? `  was ${toKib(old).toFixed(1)} KiB ${ratio(bytes, old)}` : '').padEnd(30)}`,
    );
  }
}

export async function firstListBench(): Promise<void> {
  if (!existsSync(SERVE_JS)) throw new Error(`${SERVE_JS} is missing: run npm run build first.`);
  const baseline = readBaseline();
  const dataDir = mkdtempSync(join(tmpdir(), 'keel-bench-ui-'));
  let browser: Browser | null = null;
  try {
    let data: string;
    if (process.env.BENCH_UI_DATA === 'sample') {
      const loader = await startServer(dataDir);
      await call(loader, 'sample.load');
      await loader.stop();
      data = 'the sample data';
    } else {
      data = `five years of data: ${fiveYearDataFolder(dataDir)}`;
    }

    browser = await launchChromium();
    const figures: Figures = { data, screens: [], procedures: {} };
    for (const screen of SCREENS) {
      const server = await startServer(dataDir);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        const first = await openScreen(page, server.url, screen);
        const warm: number[] = [];
        // The token was taken out of the address on the first load; the tab keeps it.
        for (let i = 0; i < WARM_RUNS; i++) warm.push((await openScreen(page, server.baseUrl, screen)).ms);
        let bytes = 0;
        for (const [name, size] of first.payloads) {
          bytes += size;
          figures.procedures[name] = Math.max(figures.procedures[name] ?? 0, size);
        }
        figures.screens.push({ label: screen.label, first: first.ms, warm: median(warm), kib: toKib(bytes) });
      } finally {
        await context.close();
        await server.stop();
      }
    }
    print(figures, baseline);
    if (process.env.BENCH_UI_SAVE) {
      writeFileSync(process.env.BENCH_UI_SAVE, `${JSON.stringify(figures, null, 2)}\n`);
      console.log(`  Saved these figures to ${process.env.BENCH_UI_SAVE}`);
    }
  } finally {
    await browser?.close();
    if (process.env.BENCH_KEEP) console.error(`Kept the UI bench data folder in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  firstListBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
