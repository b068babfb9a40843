import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * The hours import dialog in a real Chromium against browser mode: the file
 * is streamed to the server (not read into the page as base64), the dialog
 * shows the job's progress with a Cancel button while the worker checks it;
 * a cancel writes nothing; a second file is checked, imported on request,
 * and its report shown; the temporary upload is gone afterwards.
 *
 * The hours are in 2020–2024 on an engagement open since 2020, so no month is
 * locked whatever today is.
 */

type Row = Record<string, unknown> & { id: string };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-import-');
const fileDir = mkdtempSync(join(tmpdir(), 'keel-e2e-import-files-'));
const ids = { engagement: '', specialist: '' };
const poll = { timeout: 20_000, interval: 50 };
const pageProblems: string[] = [];
const dialogs: string[] = [];
const EMAIL = 'milena.kovac@import-e2e.example';

/** A CSV of `days` days × 3 activities of an hour each, from 1 Jan 2020. */
function csv(name: string, days: number): string {
  const lines = ['Date,Engagement ID,Specialist email,Activity,Minutes'];
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    for (const activity of ['Retraining', 'Deployment', 'Data pipelines']) lines.push(`${date},${ids.engagement},${EMAIL},${activity},60`);
  }
  const path = join(fileDir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

const drawer = () => page.getByRole('complementary', { name: 'Import hours' });
const tempFiles = () => (existsSync(join(dataDir, 'tmp')) ? readdirSync(join(dataDir, 'tmp')) : []);
const entries = async () => (await call<{ total: number }>(server, 'time.list', { specialistId: ids.specialist })).total;

describe('the hours import dialog in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    page = await openWatchedPage(context, pageProblems, dialogs);
    const client = await call<Row>(server, 'clients.create', { name: 'Vistula Re', country: 'PL', currency: 'EUR', holidayCalendar: 'PL' });
    ids.engagement = (
      await call<Row>(server, 'engagements.create', {
        clientId: client.id,
        name: 'Catastrophe model operations',
        currency: 'EUR',
        startDate: '2020-01-01',
        endDate: null,
        status: 'active',
      })
    ).id;
    ids.specialist = (
      await call<Row>(server, 'specialists.create', {
        fullName: 'Milena Kovač',
        role: 'mlops_engineer',
        seniority: 'senior',
        homeCountry: 'PL',
        homeSubdivision: '',
        startDate: '2019-06-03',
        status: 'active',
        email: EMAIL,
      })
    ).id;
    await page.goto(server.url);
    await page.waitForURL((url) => !url.searchParams.has('token'));
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Hours & billing', exact: true }).click();
    const tab = page.getByRole('tablist', { name: 'Hours and billing views' }).getByRole('tab', { name: 'Month close', exact: true });
    await tab.click();
    await page.locator('[role="tab"][aria-selected="true"]', { hasText: 'Month close' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(fileDir, { recursive: true, force: true });
    const shots = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    if (shots.length) console.log(`screenshots:\n  ${shots.join('\n  ')}`);
  });

  it('shows the check’s progress with a Cancel button; cancelling writes nothing and removes the upload', async () => {
    // 1,800 days × 3 = 5,400 rows (about 330 KB): long enough to catch the check running.
    const big = csv('hours-5400.csv', 1800);
    await page.getByLabel('Import hours…').setInputFiles(big);
    const progress = drawer().getByRole('status');
    await expect.poll(async () => (await progress.count()) > 0, poll).toBe(true);
    expect(await progress.first().textContent()).toMatch(/Sending the file to Keel…|Reading the file…|Checking rows: [\d,]+ of 5,400/);
    const cancel = drawer().getByRole('button', { name: 'Cancel import' });
    await screenshot(page, 'hours-import-progress');
    await cancel.click();
    await drawer().getByText('Import cancelled: nothing was written.').waitFor();
    expect(await entries()).toBe(0);
    await expect.poll(tempFiles, poll).toEqual([]);
    await screenshot(page, 'hours-import-cancelled');
  });

  it('checks a file, imports it on request and shows the report; the upload is gone afterwards', async () => {
    const small = csv('hours-600.csv', 200);
    await drawer().getByLabel('Choose another file…').setInputFiles(small);
    const importButton = drawer().getByRole('button', { name: 'Import 600 entries' });
    await importButton.waitFor({ timeout: 20_000 });
    expect(await drawer().textContent()).toContain('CSV file with 600 rows. 600 entries ready to import.');
    await screenshot(page, 'hours-import-checked');
    await importButton.click();
    await drawer()
      .getByText(/600 entries imported\./)
      .waitFor({ timeout: 20_000 });
    expect(await entries()).toBe(600);
    await expect.poll(tempFiles, poll).toEqual([]);
    await screenshot(page, 'hours-import-done');

    // The same file again: every row a duplicate, nothing new to import.
    await drawer().getByLabel('Import another file…').setInputFiles(small);
    await drawer().getByText('Nothing new to import: every row is already in Keel.').waitFor({ timeout: 20_000 });
    expect(await entries()).toBe(600);
  });

  it('logged no uncaught error or console error in the page', () => {
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
