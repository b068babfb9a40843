import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * A model's card as a client lead meets it, in a real Chromium against
 * browser mode: the card derived from what is recorded, incomplete until the
 * narrative is written in the drawer; exported as Markdown (the text typed
 * kept literal) and as a PDF, which in browser mode opens the printable page
 * in a new tab — under Keel's own Content-Security-Policy, its one stylesheet
 * allowed by hash — for the browser's own print-to-PDF.
 *
 * "Today" is the machine's date: every date here lies in the first half of 2026.
 */

type Row = Record<string, unknown> & { id: string };

const CLIENT = 'Lakeside Mutual Insurance';
const MODEL = 'Motor claims fraud scorer';
const SHOTS = process.env.KEEL_SHOTS ?? '/tmp/shots-area-card';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-card-');
const ids = { model: '' };
const pageProblems: string[] = [];
const dialogs: string[] = [];

async function shot(target: Page, name: string, options: { full?: boolean } = {}) {
  const file = await screenshot(target, name, options);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, basename(file)));
}

describe('the model card in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await openWatchedPage(context, pageProblems, dialogs);
    const clientId = (await call<Row>(server, 'clients.create', { name: CLIENT, country: 'CH', currency: 'CHF', holidayCalendar: 'CH-ZH' }))
      .id;
    const engagementId = (
      await call<Row>(server, 'engagements.create', {
        clientId,
        name: 'Claims analytics operations',
        currency: 'CHF',
        startDate: '2026-01-05',
        endDate: null,
        status: 'active',
      })
    ).id;
    const ownerId = (await call<Row>(server, 'contacts.create', { clientId, name: 'Irene Baumann', title: 'Head of Claims' })).id;
    ids.model = (
      await call<Row>(server, 'models.create', {
        clientId,
        engagementId,
        name: MODEL,
        useCase: 'Scores motor claims for fraud so investigators open the likeliest cases first.',
        businessOwnerId: ownerId,
        riskTier: 'high',
        aiActCategory: 'high',
        regulatedDomain: 'insurance',
        kind: 'classical_ml',
        serving: 'online',
        dataSources: ['Claims system', 'Repair shop network'],
        inServiceSince: '2026-01-12',
        stage: 'prototype',
      })
    ).id;
    await call<Row>(server, 'versions.create', {
      modelId: ids.model,
      label: 'v1.0',
      builtBy: { kind: 'contact', id: ownerId },
      registeredOn: '2026-03-02',
      trainingData: 'motor_claims_2021_2025 · sha256:7b1e',
      evaluations: [{ metric: 'Precision@100', value: 0.64, dataset: 'holdout Q4 2025' }],
    });
    await page.goto(server.url);
    await page.waitForURL((url) => !url.searchParams.has('token'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const shots = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    if (shots.length) console.log(`screenshots:\n  ${shots.join('\n  ')}`);
  });

  it('shows the card derived from the record, naming what is still missing', async () => {
    await page.goto(`${server.baseUrl}/#/portfolio/${ids.model}?tab=card`);
    await page.getByRole('heading', { level: 1, name: MODEL }).waitFor();
    await page.getByRole('tab', { name: 'Model card', selected: true }).waitFor();
    const card = page.getByRole('article', { name: `Model card of ${MODEL}` });
    await card.getByRole('heading', { name: 'Overview' }).waitFor();
    await card.getByText('Scores motor claims for fraud').waitFor();
    await card.getByRole('cell', { name: 'motor_claims_2021_2025 · sha256:7b1e' }).waitFor();
    await page.getByText('4 sections incomplete').waitFor();
    await card.getByText('Still needs the intended use, the out-of-scope uses.').waitFor();
    await shot(page, 'model-card-incomplete', { full: true });
  });

  it('edits the narrative in the drawer; the card is complete and the change is in the audit log', async () => {
    await page.getByRole('button', { name: 'Edit narrative' }).click();
    const form = page.getByRole('complementary', { name: `Model card of ${MODEL}` });
    await form.getByLabel('Intended use').fill('Rank open motor claims by fraud likelihood for the special investigations unit.');
    await form.getByLabel('Out-of-scope uses').fill('Automatic claim denial; pricing; any decision without an investigator.');
    await form.getByLabel('Users', { exact: true }).fill('Investigators in the special investigations unit (SIU).');
    await form
      .getByLabel('Limitations')
      .fill('New repair shops have no history; scores for them are *less* reliable.\nNot tested on fleet policies.');
    await form
      .getByLabel('Fairness and ethical considerations')
      .fill('No protected attribute is an input; alert rates by region reviewed monthly.');
    await shot(page, 'model-card-narrative-drawer');
    await form.getByRole('button', { name: 'Save card' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText('Complete', { exact: true }).waitFor();
    const view = await call<{ card: { complete: boolean }; narrative: { users: string } }>(server, 'models.card', { id: ids.model });
    expect(view.card.complete).toBe(true);
    expect(view.narrative.users).toBe('Investigators in the special investigations unit (SIU).');
    const audit = await call<{ rows: { entity: string; label: string }[] }>(server, 'audit.list', { entityId: ids.model });
    expect(audit.rows.map((r) => r.label)).toContain(`${MODEL}: model card`);
    await page.getByRole('article').getByText('Not tested on fleet policies.', { exact: false }).waitFor();
    await shot(page, 'model-card-complete', { full: true });
  });

  it('exports Markdown with the typed text kept literal', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^model-card-motor-claims-fraud-scorer-\d{4}-\d{2}-\d{2}\.md$/);
    const file = join(dataDir, 'card.md');
    await download.saveAs(file);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain(`# Model card: ${MODEL}`);
    expect(md).toContain('## Intended use and out-of-scope uses');
    expect(md).toContain('scores for them are \\*less\\* reliable.');
    expect(md).toContain('| Precision@100 | 0.64 | holdout Q4 2025 |');
    expect(md).not.toContain('Incomplete');
  });

  it('opens the printable card in a new tab for the browser’s own print-to-PDF, styled under Keel’s CSP', async () => {
    const problems: string[] = [];
    const [printable] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'PDF', exact: true }).click()]);
    printable.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await printable.waitForLoadState('load');
    expect(printable.url()).toMatch(/^blob:/);
    expect(await printable.title()).toBe(`Model card – ${MODEL}`);
    await printable.getByRole('heading', { level: 1, name: `Model card: ${MODEL}` }).waitFor();
    // The stylesheet applied: the headings sized in points; printed, the running header repeats (fixed).
    expect(await printable.evaluate('getComputedStyle(document.querySelector("h1")).fontSize')).toBe('24px');
    expect(await printable.evaluate('getComputedStyle(document.querySelector(".run-head")).position')).toBe('static');
    await printable.emulateMedia({ media: 'print' });
    expect(await printable.evaluate('getComputedStyle(document.querySelector(".run-head")).position')).toBe('fixed');
    await printable.emulateMedia({ media: null });
    expect(problems).toEqual([]);
    await printable.setViewportSize({ width: 1000, height: 1200 });
    await printable.screenshot({ path: join(SHOTS, 'model-card-printable-tab.png') });
    // What the browser's print gives: render it and look at the first page.
    const pdf = await printable.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfFile = join(SHOTS, 'model-card-browser-print.pdf');
    writeFileSync(pdfFile, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, join(SHOTS, 'model-card-browser-print')]);
    expect(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' })).toContain(`Model card: ${MODEL}`);
    await printable.close();
    await page.getByText('The card opened in a new tab', { exact: false }).waitFor();
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('opens the audit pack the same way: the card, the versions, the timeline, the stages and the trail', async () => {
    const [pack] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Audit pack (PDF)' }).click()]);
    await pack.waitForLoadState('load');
    expect(await pack.title()).toBe(`Audit pack – ${MODEL}`);
    for (const heading of [`Model card: ${MODEL}`, 'Version history and approvals', 'Deployment timeline', 'Stage history', 'Audit trail'])
      await pack.getByRole('heading', { level: 1, name: heading }).waitFor();
    await pack.getByRole('cell', { name: /Model card changed/ }).waitFor();
    const pdf = await pack.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfFile = join(SHOTS, 'audit-pack-browser-print.pdf');
    writeFileSync(pdfFile, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', pdfFile, join(SHOTS, 'audit-pack-browser-print-2')]);
    await pack.close();
    await page.getByText('The audit pack opened in a new tab', { exact: false }).waitFor();
    await shot(page, 'model-card-exported');
    expect(pageProblems).toEqual([]);
  });
});
