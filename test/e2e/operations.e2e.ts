import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CeremonySeries, Deployment, Incident, ListResult, ModelVersion, WhoResponds } from '@shared/contract';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten, seriousViolations } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * Acting on what monitoring sees, as a client lead does it in a real Chromium against browser mode with the sample:
 * the recommender's drifting embeddings make it due for retraining on its drift trigger; a retraining registers a new
 * version and the reason goes; an incident opened from the drift breach gets its responder from the ownership matrix,
 * is mitigated by a rollback (a deployment in the portfolio), resolved, and its review appears as a ceremony; the
 * month's workbook is exported and reopened.
 */

const MODEL = 'Homepage product recommender';
const TITLE = 'Carousel shows stale recommendations';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-operations-');
const downloadDir = mkdtempSync(join(tmpdir(), 'keel-e2e-operations-download-'));
const pageProblems: string[] = [];
const dialogs: string[] = [];
let modelId = '';
let clientId = '';

async function shot(name: string, full = false) {
  await dismissToasts(page);
  await screenshot(page, name, { full });
}

const drawer = () => page.locator('aside.drawer');
const root = () => server.url.split('?')[0];

describe('retraining and incidents in Chromium (browser mode)', () => {
  beforeAll(async () => {
    // The month exported below is written out, so the server's clock starts on Sunday 6 December 2026 whatever the day.
    server = await startServer(dataDir, 20_000, { clockAhead: '@2026-12-06 10:00:00' });
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'en-GB',
      timezoneId: 'Europe/Zurich',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    page = await openWatchedPage(context, pageProblems, dialogs);
    // The forms start at "now" on the browser's clock: it runs with the server's, a minute behind so a step is never ahead of it.
    const { at } = await call<{ at: string }>(server, 'operations.overview', {});
    await page.clock.install({ time: Date.parse(at) - 60_000 });
    await call(server, 'sample.load', {});
    const models = await call<ListResult<{ id: string; name: string; clientId: string }>>(server, 'models.list', {});
    const model = models.rows.find((m) => m.name === MODEL);
    modelId = model?.id ?? '';
    clientId = model?.clientId ?? '';
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

  it('a drift breach raises "retraining due"; a retraining that registers a new version clears it', async () => {
    await page.goto(`${root()}#/portfolio/${modelId}?tab=retraining`);
    const due = page.locator('.ops-retraining').getByText('Retraining due (trigger: concept drift)');
    await due.waitFor();
    await shot('operations-model-retraining-due');
    const form = page.getByRole('form', { name: 'Log a retraining' });
    await form.getByLabel('Trigger').selectOption({ label: 'On concept drift' });
    await form.getByLabel('Outcome').selectOption({ label: 'New version registered' });
    await form.getByLabel('Breach that raised it').selectOption({ index: 1 });
    await form.getByLabel('New version’s label').fill('v3.4');
    await form.getByLabel('Built by').selectOption({ label: 'Marko Jovanović' });
    await form.getByLabel('Training data').fill('clickstream_90d · Sep–Nov 2026');
    await form.getByRole('button', { name: 'Log the retraining' }).click();
    await page.getByRole('table', { name: 'Retraining log' }).getByRole('cell', { name: 'v3.4' }).waitFor();
    await expect.poll(() => due.count()).toBe(0);
    const versions = await call<{ versions: ModelVersion[] }>(server, 'versions.list', { modelId });
    expect(versions.versions.map((v) => v.label)).toContain('v3.4');
  });

  it('an incident opened from the breach gets its responder from the matrix, is rolled back, resolved, and its review is a ceremony', async () => {
    await page.goto(`${root()}#/portfolio/${modelId}?tab=incidents`);
    await page.getByRole('button', { name: 'Open an incident' }).click();
    const form = page.getByRole('form', { name: 'Open an incident' });
    await form.getByLabel('Severity').selectOption('sev2');
    await form.getByLabel('What is happening').fill(TITLE);
    await form.getByLabel('Detected by').selectOption('slo_breach');
    await form.getByLabel('SLO in breach').selectOption({ index: 1 });
    await expect.poll(() => form.locator('.ops-open__who').textContent()).not.toContain('…');
    await shot('operations-open-incident');
    await form.getByRole('button', { name: 'Open the incident' }).click();
    await drawer().getByRole('heading', { name: TITLE }).waitFor();
    const incidents = await call<Incident[]>(server, 'incidents.list', { modelId, open: true });
    const incident = incidents.find((i) => i.title === TITLE) as Incident;
    const who = await call<WhoResponds>(server, 'ownership.whoResponds', { modelId, at: incident.detectedAt });
    expect(incident.responder?.name ?? null).toBe(who.responder?.name ?? null);
    expect(incident.readingValue).not.toBeNull();
    if (who.responder) await drawer().getByText(who.responder.name, { exact: true }).first().waitFor();

    await drawer().getByRole('button', { name: 'Acknowledge' }).click();
    await drawer().getByRole('form', { name: 'Acknowledge' }).getByRole('button', { name: 'Acknowledge' }).click();
    await drawer().locator('.ops-timeline').getByText('Acknowledged', { exact: true }).waitFor();

    await drawer().getByRole('button', { name: 'Mitigate' }).click();
    const mitigate = drawer().getByRole('form', { name: 'Mitigate' });
    await mitigate.getByLabel('Roll back to').selectOption({ index: 1 });
    const target = (await mitigate.getByLabel('Roll back to').locator('option:checked').textContent()) ?? '';
    await mitigate.getByLabel('What was done').fill('Rolled back to the last approved champion while the embeddings are rebuilt.');
    await mitigate.getByRole('button', { name: 'Mitigate' }).click();
    await drawer().locator('.ops-timeline').getByText('Rolled back', { exact: true }).waitFor();
    const deployments = await call<ListResult<Deployment>>(server, 'deployments.list', { modelId });
    const newest = deployments.rows[0] as Deployment;
    expect(target).toContain(newest.versionLabel);
    expect(newest).toMatchObject({ alias: 'champion', to: null });
    expect(newest.rollbackReason).toContain(TITLE);

    await drawer().getByRole('button', { name: 'Resolve' }).click();
    const resolve = drawer().getByRole('form', { name: 'Resolve' });
    await resolve.getByLabel('How it was resolved').fill('Recommendations fresh again; drift monitor back under its threshold.');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await drawer().locator('.ops-timeline').getByText('Review planned', { exact: true }).waitFor();
    await shot('operations-incident-resolved');
    const reviews = (await call<CeremonySeries[]>(server, 'ceremonies.list', { clientId })).filter((s) => s.type === 'incident_review');
    expect(reviews.map((s) => s.title)).toContain(`Post-incident review: ${TITLE}`);
    await drawer().getByRole('button', { name: 'Open the review' }).click();
    await drawer()
      .getByRole('heading', { name: `Post-incident review: ${TITLE}` })
      .waitFor();
    await shot('operations-review-ceremony');
  });

  it('shows the incident on the overview with the severity chart, and exports the month as a workbook', async () => {
    await page.goto(`${root()}#/operations?client=${clientId}&tab=overview`);
    await page.getByRole('heading', { name: 'Incidents by severity' }).waitFor();
    await shot('operations-overview', true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the month (.xlsx)' }).click(),
    ]);
    const path = join(downloadDir, download.suggestedFilename());
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const titles = book.getWorksheet('Incidents')?.getColumn(4).values ?? [];
    expect(titles).toContain(TITLE);
    const versions = book.getWorksheet('Retraining log')?.getColumn(5).values ?? [];
    expect(versions).toContain('v3.4');
  });

  it('imports a cloud cost export mapped by tags, and a budget overrun shows on the model and the overview', async () => {
    await page.goto(`${root()}#/operations?client=${clientId}&tab=cost`);
    await page.getByLabel('Costs of').fill('2026-11');
    const form = page.getByRole('form', { name: 'Import a cost export' });
    await form.getByLabel('Provider').selectOption('aws');
    await form.locator('#cost-file').setInputFiles(join(REPO_ROOT, 'test/fixtures/operations/aws-cur.csv'));
    await form.getByRole('button', { name: 'Import' }).click();
    await page.locator('.ops-imports').getByText('aws-cur.csv').waitFor();
    const table = page.getByRole('table', { name: /Run cost of Thameside Retail plc in/ });
    const row = table.getByRole('row').filter({ hasText: MODEL });
    // The sample's typed November (compute 1,055.00, storage 230.00) and the export's (29.63 and 10.30).
    await expect.poll(() => row.textContent()).toContain('1,084.63');
    await shot('operations-run-cost', true);
    await page.goto(`${root()}#/portfolio/${modelId}?tab=cost`);
    const budget = page.locator('#cost-budget');
    await budget.fill('1000');
    await page.getByRole('button', { name: 'Save the budget' }).click();
    const november = page
      .getByRole('table', { name: `Run cost of ${MODEL}` })
      .getByRole('row')
      .filter({ hasText: /Nov 2026/ });
    await november.getByText(/Over by/).waitFor();
    expect(await november.textContent()).toContain('Over by 324.93');
    await shot('operations-model-cost');
    await page.goto(`${root()}#/operations?client=${clientId}`);
    await page.locator('.ops-client').getByText(MODEL, { exact: false }).first().waitFor();
    const over = page.locator('.ops-client li').filter({ hasText: 'Over budget' });
    await expect.poll(async () => (await over.allTextContents()).join(' | ')).toContain(MODEL);
  });

  it('passes axe (WCAG 2.2 AA, nothing serious) on the overview, the incidents, the drawer and the model’s tabs', async () => {
    const found: string[] = [];
    for (const address of [
      `#/operations`,
      `#/operations?tab=incidents&all=1`,
      `#/operations?tab=retraining`,
      `#/portfolio/${modelId}?tab=retraining`,
      `#/portfolio/${modelId}?tab=incidents`,
      `#/portfolio/${modelId}?tab=cost`,
      `#/operations?client=${clientId}&tab=cost`,
    ]) {
      await page.goto(`${root()}${address}`);
      await page.locator('.ops-overview, .ops-list, .ops-due, .ops-model, .ops-cost').first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300);
      found.push(...(await seriousViolations(page)).map((v) => `${address}: ${v}`));
    }
    await page.goto(`${root()}#/operations?tab=incidents&all=1`);
    await page.getByRole('button', { name: TITLE }).click();
    await drawer().getByRole('heading', { name: TITLE }).waitFor();
    found.push(...(await seriousViolations(page)).map((v) => `drawer: ${v}`));
    expect(found).toEqual([]);
  });

  it('logged no uncaught error or console error, and asked nothing in a browser dialog', () => {
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
