import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ListResult } from '@shared/contract';
import type { MonitoringBoard } from '@shared/monitoring/contract/board';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * Model monitoring as an engagement manager and a client lead meet it, in a real Chromium against browser mode
 * with the sample dataset. A scheduled job drops readings that breach the PD scorecard's drift SLO into the inbox
 * folder; the board turns the model red with its playbook and the person on the monitoring duty. Four days later
 * (the server restarted with its clock moved on) the production recommender, whose readings stopped, is
 * unmonitored. The client's month is exported and the workbook reopened.
 */

const PD = 'Retail credit PD scorecard';
const RECOMMENDER = 'Homepage product recommender';
const CLIENT = 'Alpenbank Privatbank AG';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-monitoring-');
const downloadDir = mkdtempSync(join(tmpdir(), 'keel-e2e-monitoring-download-'));
const pageProblems: string[] = [];
const dialogs: string[] = [];
let clientId = '';

const board = () => call<MonitoringBoard>(server, 'monitoring.board', {});

async function shot(name: string, full = false) {
  await dismissToasts(page);
  await screenshot(page, name, { full });
}

const card = (name: string) => page.locator('.mon-card').filter({ has: page.getByRole('button', { name, exact: true }) });

describe('model monitoring in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await openWatchedPage(context, pageProblems, dialogs);
    await call(server, 'sample.load', {});
    const clients = await call<ListResult<{ id: string; name: string }>>(server, 'clients.list', {});
    clientId = clients.rows.find((c) => c.name === CLIENT)?.id ?? '';
    await page.goto(server.url);
    await page.waitForURL((url) => !url.searchParams.has('token'));
    await dismissToasts(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(downloadDir, { recursive: true, force: true });
    const shots = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    if (shots.length > 0) console.log(`Screenshots: ${shots.join(', ')}`);
  });

  it('shows the board: the drifting recommender in breach first, with its playbook and who responds', async () => {
    await page.getByRole('link', { name: /Model monitoring/ }).click();
    await expect.poll(() => page.locator('.mon-card').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const first = page.locator('.mon-card').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain(RECOMMENDER);
    expect(await first.textContent()).toContain('Breach');
    expect(await first.locator('.mon-playbook li').count()).toBeGreaterThan(0);
    expect(await first.textContent()).toMatch(/Responds:/);
    expect(await card(PD).textContent()).toContain('Healthy');
    await shot('monitoring-board');
  });

  it('turns the PD scorecard red when a file in the inbox breaches its drift SLO, with its playbook and responder', async () => {
    const now = Date.now();
    const rows = ['timestamp,model,metric,value'];
    for (let h = 3; h >= 1; h--)
      rows.push(`${new Date(now - h * 3_600_000).toISOString()},${PD},psi.features,${(0.3 + h / 100).toFixed(2)}`);
    // The job writes under a temporary name and renames it when complete, as the inbox asks.
    const inbox = join(dataDir, 'inbox');
    writeFileSync(join(inbox, 'drift.csv.part'), `${rows.join('\n')}\n`);
    const { renameSync } = await import('node:fs');
    renameSync(join(inbox, 'drift.csv.part'), join(inbox, 'drift.csv'));
    // The server looks every few seconds.
    await expect.poll(() => readdirSync(join(inbox, 'processed')).length, { timeout: 15_000 }).toBe(2);
    const api = await board();
    const pd = api.models.find((m) => m.modelName === PD);
    expect(pd?.health).toBe('breach');
    expect(pd?.drift).toBe('drifting');
    expect(pd?.worst?.metric).toBe('psi.features');
    await page.reload();
    const red = card(PD);
    await expect.poll(() => red.textContent(), { timeout: 10_000 }).toContain('Breach');
    expect(await red.textContent()).toContain('Drifting');
    expect(await red.locator('.mon-playbook li').allTextContents()).toEqual(pd?.worst?.playbook);
    expect(await red.textContent()).toContain(`Responds: ${pd?.responder?.name ?? 'nobody named'}`);
    await red.scrollIntoViewIfNeeded();
    await shot('monitoring-board-drift-breach');

    // One click to the model's Monitoring tab: the breached SLO with its course, playbook and responder.
    await red.getByRole('button', { name: PD, exact: true }).click();
    await expect.poll(() => page.locator('.mon-slo--breach').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.mon-slo--breach').textContent()).toContain('psi.features');
    await expect.poll(() => page.locator('.mon-trend__figure').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.locator('.mon-trend__figure').first().focus();
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('img');
    await page.locator('.mon-slo--breach').getByRole('button', { name: 'Show table' }).click();
    expect(await page.locator('.mon-slo--breach table tbody tr').count()).toBe(31);
    await shot('monitoring-model-tab', true);
  });

  it('exports the client’s month and the workbook reopens with its figures', async () => {
    await page.goto(`${server.baseUrl}/#/monitoring?tab=attainment&client=${clientId}`);
    await expect.poll(() => page.locator('.mon-attainment table tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await shot('monitoring-attainment');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workbook' }).click()]);
    const path = join(downloadDir, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/^keel-slo-attainment-alpenbank-privatbank-ag-\d{4}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Attainment', 'Breaches', 'Unmonitored days', 'Models']);
    const rows = await page.locator('.mon-attainment table tbody tr').count();
    expect(book.getWorksheet('Attainment')?.rowCount).toBe(rows + 1);
  });

  it('shows the inbox with the files it took', async () => {
    await page.goto(`${server.baseUrl}/#/monitoring?tab=inbox&client=${clientId}`);
    await expect.poll(() => page.locator('.mon-inbox').textContent(), { timeout: 10_000 }).toContain('drift.csv');
    await shot('monitoring-inbox', true);
  });

  it('turns the production recommender unmonitored when its readings have stopped for more than three days', async () => {
    await server.stop();
    server = await startServer(dataDir, 20_000, { clockAhead: '+4d' });
    const api = await board();
    expect(api.models.find((m) => m.modelName === RECOMMENDER)?.health).toBe('unmonitored');
    await page.goto(server.url);
    await page.waitForURL((url) => !url.searchParams.has('token'));
    await page.goto(`${server.baseUrl}/#/monitoring`);
    const silent = card(RECOMMENDER);
    // A fresh server (its clock four days on): under load its first answers can take a while.
    await expect.poll(() => silent.textContent(), { timeout: 30_000 }).toContain('Unmonitored');
    expect(await silent.textContent()).toMatch(/No reading since/);
    expect(await silent.textContent()).toMatch(/Responds:/);
    await shot('monitoring-board-unmonitored');
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
