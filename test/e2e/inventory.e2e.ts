import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * Importing an existing model inventory as a client lead does it, in a real
 * Chromium against browser mode: a file with problems is refused with every
 * problem listed by row and column and nothing written; the corrected file is
 * checked, imported, and its models show in the portfolio; importing it again
 * changes nothing. Dates lie in 2025, before any day the suite runs on.
 */

type Row = Record<string, unknown> & { id: string };

const CLIENT = 'Nordlicht Energie AG';
const ENGAGEMENT = 'Grid forecasting operations';
const HEADER =
  'Name,Engagement,Use case,Business owner,Risk tier,EU AI Act category,Regulated domain,Kind,Serving,Stage,In service since,Tags,Runbook';
const GOOD = [
  HEADER,
  'Load forecaster,Grid forecasting operations,Day-ahead grid load,Jonas Berg,High,Limited risk,Critical infrastructure,Deep learning,Batch,Pilot,2025-02-03,forecasting,https://wiki.nordlicht.example/load',
  'Outage classifier,,Which outages need a crew,,Medium,Minimal risk,None,Classical ML,Online,Prototype,2025-06-16,,',
  'Tariff assistant,Grid forecasting operations,Answers tariff questions,,Low,Limited risk,None,LLM / generative application,Online,Idea,,llm,',
];
const BAD = [
  HEADER,
  'Load forecaster,Grid forecasting operations,Day-ahead grid load,Jonas Berg,Severe,Limited risk,Critical infrastructure,Deep learning,Batch,Pilot,2025-02-03,,http://wiki.nordlicht.example/load',
  'Outage classifier,Storm desk,,,Medium,Minimal risk,None,Classical ML,Online,Prototype,2025-06-16,,',
  'Load forecaster,,,,Low,Minimal risk,None,Classical ML,Batch,Idea,,,',
];
const csv = (lines: string[]) => ({ name: 'nordlicht-inventory.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-inventory-');
let clientId = '';
const pageProblems: string[] = [];
const dialogs: string[] = [];

const drawer = () => page.getByRole('complementary', { name: 'Import an inventory' });
const modelCount = async () => (await call<{ total: number }>(server, 'models.list', { clientId })).total;

describe('importing a model inventory in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    page = await openWatchedPage(context, pageProblems, dialogs);
    await call(server, 'sample.load', {});
    clientId = (await call<Row>(server, 'clients.create', { name: CLIENT, country: 'DE', currency: 'EUR', holidayCalendar: 'DE-BY' })).id;
    await call(server, 'engagements.create', {
      clientId,
      name: ENGAGEMENT,
      currency: 'EUR',
      startDate: '2025-01-06',
      endDate: null,
      status: 'active',
    });
    await call(server, 'contacts.create', { clientId, name: 'Jonas Berg', title: 'Head of Grid Analytics' });
    await page.goto(server.url);
    await page.waitForURL((url) => !url.searchParams.has('token'));
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Model portfolio', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Model portfolio' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const shots = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    if (shots.length) console.log(`screenshots:\n  ${shots.join('\n  ')}`);
  });

  it('lists every problem of a file by row and column and writes nothing', async () => {
    await page.getByRole('button', { name: 'Import inventory…' }).click();
    await drawer().getByLabel('Client').selectOption({ label: CLIENT });
    await drawer().getByLabel('Inventory file').setInputFiles(csv(BAD));
    const problems = drawer().getByRole('list', { name: 'Problems in the file' });
    await problems.waitFor();
    const listed = (await problems.getByRole('listitem').allTextContents()).map((t) => t.trim());
    expect(listed).toEqual([
      'Row 2, Risk tier: “Severe” is not one of: Low, Medium, High, Critical',
      'Row 2, Runbook: must be an https:// link',
      `Row 3, Engagement: ${CLIENT} has no engagement named “Storm desk”`,
      "Row 4, Name: “Load forecaster” is already on row 2; a model's name is unique within the client",
    ]);
    expect(await drawer().getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    expect(await modelCount()).toBe(0);
    await screenshot(page, 'portfolio-inventory-refused');
  });

  it('checks the corrected file, imports it, and a second import changes nothing', async () => {
    await drawer().getByLabel('Inventory file').setInputFiles(csv(GOOD));
    await drawer().getByText(`The file is ready for ${CLIENT}:`).waitFor();
    await drawer().getByText('3 models to register, 0 models to update, 0 models already as in the file.').waitFor();
    expect(await modelCount()).toBe(0);
    await screenshot(page, 'portfolio-inventory-checked');
    await drawer().getByRole('button', { name: 'Import', exact: true }).click();
    await drawer().getByText(`Imported into ${CLIENT}’s portfolio:`).waitFor();
    expect(await modelCount()).toBe(3);
    await drawer().getByLabel('Inventory file').setInputFiles(csv(GOOD));
    await drawer().getByText('0 models to register, 0 models to update, 3 models already as in the file.').waitFor();
    expect(await drawer().getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await drawer().getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Load forecaster' }).waitFor();
    await screenshot(page, 'portfolio-list-after-import');
    expect(pageProblems).toEqual([]);
  });

  it('shows the sample recommender’s champion in the list and the client’s high-risk evidence fact', async () => {
    await page.getByRole('searchbox').fill('recommender');
    await page.locator('.list-status', { hasText: /^1 model$/ }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Homepage product recommender' }) });
    await row.waitFor();
    await expect.poll(async () => ((await row.textContent()) ?? '').replace(/\s+/g, ' '), { timeout: 5_000 }).toContain('v3.2 since');
    await row.getByRole('cell').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'portfolio-list-champion');
    await page.getByRole('searchbox').fill('');
    const thameside = (await call<{ rows: Row[] }>(server, 'clients.list', { search: 'Thameside' })).rows[0];
    await page.goto(`${server.baseUrl}/#/clients/${thameside?.id}`);
    const facts = page.locator('.client-portfolio');
    await facts.getByText('Every high and critical model in production has the evidence its promotion policy asks.').waitFor();
    await facts.scrollIntoViewIfNeeded();
    await screenshot(page, 'portfolio-client-facts');
    expect(pageProblems).toEqual([]);
  });

  it('shows the sample recommender’s whole trail on its History tab, the rollback included', async () => {
    const recommender = (await call<{ rows: Row[] }>(server, 'models.list', { search: 'Homepage product recommender' })).rows[0];
    await page.goto(`${server.baseUrl}/#/portfolio/${recommender?.id}?tab=history`);
    const history = page.getByRole('region', { name: 'Everything recorded about Homepage product recommender' });
    await history.getByText(/v3\.2: champion again by rollback in Production: created by/).waitFor();
    expect(await history.getByText(/v3\.3: promoted from challenger to champion in Production/).count()).toBe(1);
    await screenshot(page, 'portfolio-model-history');
    expect(pageProblems).toEqual([]);
  });
});
