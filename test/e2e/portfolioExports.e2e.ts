import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Deployment, ListResult, ModelListItem, VersionsView } from '@shared/contract';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * The portfolio's workbooks as a client lead takes them away, in a real
 * Chromium against browser mode on the sample dataset: the portfolio list
 * filtered to one client exported as a workbook, and a model's audit pack
 * downloaded from its page after a deployment, both reopened with exceljs.
 * Set KEEL_SHOTS_COPY to a folder to get a copy of the screenshots there.
 */

type Row = Record<string, unknown> & { id: string; name: string };

const CLIENT = 'Alpenbank Privatbank AG';
const MODEL = 'Retail credit PD scorecard';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-portfolio-exports-');
const downloadDir = mkdtempSync(join(tmpdir(), 'keel-e2e-portfolio-download-'));
const pageProblems: string[] = [];
const dialogs: string[] = [];
let modelId = '';
let stagingName = '';

const toast = (message: string) => page.locator('.toast').filter({ hasText: message });

async function shot(name: string) {
  const file = await screenshot(page, name);
  const copy = process.env.KEEL_SHOTS_COPY;
  if (copy) {
    mkdirSync(copy, { recursive: true });
    copyFileSync(file, join(copy, `${name}.png`));
  }
}

/** Clicks a button that saves a file and reopens the file with exceljs. */
async function downloadWorkbook(button: string): Promise<{ name: string; book: ExcelJS.Workbook }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const name = download.suggestedFilename();
  const file = join(downloadDir, name);
  await download.saveAs(file);
  await toast(`Exported ${name}`).waitFor();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return { name, book };
}

const dataRows = (book: ExcelJS.Workbook, sheet: string) => {
  const ws = book.getWorksheet(sheet);
  if (!ws) throw new Error(`no ${sheet} sheet`);
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return rows;
};

describe('the portfolio workbooks in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await openWatchedPage(context, pageProblems, dialogs);
    await call(server, 'sample.load', {});
    const models = await call<ListResult<ModelListItem>>(server, 'models.list', { search: MODEL });
    const model = models.rows.find((m) => m.name === MODEL);
    if (!model?.engagementId) throw new Error(`the sample has no ${MODEL} run by an engagement`);
    modelId = model.id;
    // A deployment to staging, so the timeline has a row: the version's registration day at noon (UTC), long past.
    const versions = await call<VersionsView>(server, 'versions.list', { modelId });
    const version = versions.versions[versions.versions.length - 1];
    if (!version) throw new Error(`${MODEL} has no version in the sample`);
    // The sample gives the engagement its environments; a non-production one takes the deployment.
    const environments = await call<ListResult<Row & { production: boolean }>>(server, 'environments.list', {
      engagementId: model.engagementId,
    });
    const staging =
      environments.rows.find((e) => !e.production) ??
      (await call<Row & { name: string }>(server, 'environments.create', {
        engagementId: model.engagementId,
        name: 'Staging',
        production: false,
      }));
    stagingName = String(staging.name);
    await call<Deployment>(server, 'deployments.create', {
      modelId,
      versionId: version.id,
      environmentId: staging.id,
      alias: 'champion',
      from: `${version.registeredOn}T12:00:00.000Z`,
    });
    await page.goto(server.url);
    await page.waitForURL((url) => !url.searchParams.has('token'));
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await dismissToasts(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(downloadDir, { recursive: true, force: true });
    const shots = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    if (shots.length) console.log(`screenshots:\n  ${shots.join('\n  ')}`);
  });

  it('exports the portfolio list, filtered to one client, as the workbook of exactly those models', async () => {
    const clients = await call<ListResult<Row>>(server, 'clients.list', { search: CLIENT });
    const clientId = clients.rows[0]?.id ?? '';
    await page.goto(`${server.baseUrl}/#/portfolio?clientId=${clientId}`);
    await page.getByRole('heading', { level: 1, name: 'Model portfolio' }).waitFor();
    await page.getByRole('button', { name: MODEL }).waitFor();
    await shot('portfolio-exports-list');
    const listed = await call<ListResult<ModelListItem>>(server, 'models.list', { clientId });
    const { name, book } = await downloadWorkbook('Export workbook');
    expect(name).toMatch(/^keel-portfolio-alpenbank-privatbank-ag-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Models', 'Versions', 'Approvals', 'Deployments', 'Stage history', 'About']);
    const models = dataRows(book, 'Models');
    expect(models.map((m) => m['Model id'])).toEqual(listed.rows.map((m) => m.id));
    expect(new Set(models.map((m) => m.Client))).toEqual(new Set([CLIENT]));
    expect(models.every((m) => m['Stage since'] instanceof Date)).toBe(true);
    await shot('portfolio-exports-list-exported');
    await dismissToasts(page);
  });

  it('downloads a model’s audit pack from its page, with the deployment and the audit trail', async () => {
    await page.getByRole('button', { name: MODEL }).click();
    await page.getByRole('heading', { level: 1, name: MODEL }).waitFor();
    await shot('portfolio-exports-model-page');
    const { name, book } = await downloadWorkbook('Audit pack (workbook)');
    expect(name).toMatch(/^keel-audit-pack-retail-credit-pd-scorecard-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Model', 'Versions', 'Approvals', 'Deployments', 'Stage history', 'Audit trail']);
    const fields = Object.fromEntries(dataRows(book, 'Model').map((r) => [r.Field, r.Value]));
    expect(fields).toMatchObject({ Model: MODEL, Client: CLIENT, 'Risk tier': 'Critical', 'EU AI Act category': 'High risk' });
    const deployments = await call<ListResult<Deployment>>(server, 'deployments.list', { modelId });
    const sheet = dataRows(book, 'Deployments');
    expect(sheet).toHaveLength(deployments.total);
    expect(sheet[0]).toMatchObject({ Environment: stagingName, Production: 'No', Alias: 'Champion', Status: 'Serving' });
    expect(sheet[0]?.['From (UTC)']).toBeInstanceOf(Date);
    const trail = dataRows(book, 'Audit trail');
    expect(trail.map((t) => t.Record)).toContain('Deployment');
    expect(trail[0]).toMatchObject({ Record: 'Model', Action: 'Created' });
    await shot('portfolio-exports-audit-pack-exported');
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
