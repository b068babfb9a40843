import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import type { ModelDetail } from '@shared/contract';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * The model portfolio as a client lead meets it, in a real Chromium against
 * browser mode: a contact added on the client's page, a model registered (a
 * link that is not https refused on the form), moved from prototype to pilot,
 * refused production without its evidence, moved back with a reason; its
 * page and tab restored from the address; the client's funnel and prototype
 * graveyard counting it.
 *
 * "Today" is the machine's date and stage changes may not be dated after it,
 * so every date here lies in the first half of 2026: the model waits in
 * prototype from 1 June, long enough for the 90-day graveyard.
 */

type Row = Record<string, unknown> & { id: string };

const CLIENT = 'Vierwaldstätter Versicherung AG';
const ENGAGEMENT = 'Underwriting model operations';
const OWNER = 'Regula Keller';
const MODEL = 'Household claims severity model';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-portfolio-');
const ids = { client: '', engagement: '', model: '' };
const poll = { timeout: 5_000, interval: 50 };
const pageProblems: string[] = [];
const dialogs: string[] = [];

const drawer = (title: string) => page.getByRole('complementary', { name: title });
const text = async (selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
const fetchModel = () => call<ModelDetail>(server, 'models.get', { id: ids.model });

describe('the model portfolio in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    page = await openWatchedPage(context, pageProblems, dialogs);
    await call(server, 'sample.load', {});
    ids.client = (await call<Row>(server, 'clients.create', { name: CLIENT, country: 'CH', currency: 'CHF', holidayCalendar: 'CH-LU' })).id;
    ids.engagement = (
      await call<Row>(server, 'engagements.create', {
        clientId: ids.client,
        name: ENGAGEMENT,
        currency: 'CHF',
        startDate: '2026-01-05',
        endDate: null,
        status: 'active',
      })
    ).id;
    await page.goto(server.url);
    await page.waitForURL((url) => !url.searchParams.has('token'));
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await dismissToasts(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const shots = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    if (shots.length) console.log(`screenshots:\n  ${shots.join('\n  ')}`);
  });

  it('adds a business owner on the client’s page', async () => {
    await page.goto(`${server.baseUrl}/#/clients/${ids.client}`);
    const client = drawer(CLIENT);
    await client.getByRole('button', { name: 'Add a contact' }).click();
    const form = client.locator('form').filter({ hasText: 'New contact' });
    await form.getByLabel('Name').fill(OWNER);
    await form.getByLabel('Title').fill('Head of Underwriting Analytics');
    await form.getByLabel('Email').fill('regula.keller@vierwaldstaetter.example');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await client.getByText('Head of Underwriting Analytics').waitFor();
    await client.getByText('No model registered for this client yet.').waitFor();
    await screenshot(page, 'portfolio-client-contacts');
  });

  it('registers a model, refusing a link that is not https, and opens its page', async () => {
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Model portfolio', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Model portfolio' }).waitFor();
    await screenshot(page, 'portfolio-list');
    await page.getByRole('button', { name: 'Register a model' }).click();
    const form = drawer('Register a model');
    await form.getByLabel('Client').selectOption({ label: CLIENT });
    await form.getByLabel('Name', { exact: true }).fill(MODEL);
    await form.getByLabel('Engagement').locator('option', { hasText: ENGAGEMENT }).waitFor({ state: 'attached' });
    await form.getByLabel('Engagement').selectOption({ label: ENGAGEMENT });
    await form.getByLabel('Business owner').locator('option', { hasText: OWNER }).waitFor({ state: 'attached' });
    await form.getByLabel('Business owner').selectOption({ label: `${OWNER}, Head of Underwriting Analytics` });
    await form.getByLabel('Use case').fill('Expected severity of household claims for reserving and triage.');
    await form.getByLabel('Risk tier').selectOption({ label: 'High' });
    await form.getByLabel('EU AI Act category').selectOption({ label: 'Limited risk' });
    await form.getByLabel('Regulated domain').selectOption({ label: 'Insurance' });
    await form.getByLabel('Kind').selectOption({ label: 'Classical ML' });
    await form.getByLabel('Serving').selectOption({ label: 'Batch' });
    await form.getByLabel('Data sources').fill('Claims history, Policy admin');
    await form.getByLabel('Repository link').fill('http://git.vierwaldstaetter.example/severity');
    await form.getByLabel('In service since').fill('2026-01-05');
    await form.getByLabel('First stage').selectOption({ label: 'Prototype' });
    await form.getByRole('button', { name: 'Register model' }).click();
    await form.getByText('must be an https:// link').waitFor();
    await screenshot(page, 'portfolio-register-refused-link');
    await form.getByLabel('Repository link').fill('https://git.vierwaldstaetter.example/severity');
    await form.getByRole('button', { name: 'Register model' }).click();
    await page.getByRole('heading', { level: 1, name: MODEL }).waitFor();
    ids.model = new URL(page.url()).hash.split('/')[2]?.split('?')[0] ?? '';
    const model = await fetchModel();
    expect(model).toMatchObject({
      name: MODEL,
      stage: 'prototype',
      stageSince: '2026-01-05',
      businessOwnerName: OWNER,
      dataSources: ['Claims history', 'Policy admin'],
    });
    await page.getByRole('link', { name: 'Repository' }).waitFor();
    await screenshot(page, 'portfolio-model-overview');
  });

  it('registers a version, refuses its builder’s own approval, and records an independent one', async () => {
    await page.getByRole('tab', { name: 'Versions & approvals' }).click();
    await expect.poll(() => page.url(), poll).toContain('tab=versions');
    await page.getByText('Keel’s default promotion policy asks of each version before production', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Register a version' }).click();
    const form = page.locator('form.version-form');
    await form.getByLabel('Label').fill('v1.0');
    await form.getByLabel('Built by').selectOption({ label: 'Piotr Kowalski' });
    await form.getByLabel('Registered on', { exact: true }).fill('2026-02-16');
    await form.getByLabel('Training data snapshot').fill('household_claims_2020_2025 · sha256:51ab');
    await form.getByLabel('Evaluation results').fill('MAE = 412.5 @ holdout 2025\nR2 = 0.62 @ holdout 2025');
    await form.getByLabel('Data lineage').fill('dbt lineage from the claims warehouse');
    await form.getByLabel('Explainability report').fill('SHAP summary reviewed with underwriting');
    await form.getByRole('button', { name: 'Register version' }).click();
    const card = page.getByRole('listitem', { name: 'Version v1.0' });
    await card.waitFor();
    await card.getByText('Lacks 1 piece of evidence').waitFor();

    await card.getByRole('button', { name: 'Record a decision' }).click();
    const decision = card.locator('form');
    await decision.getByLabel('Approver').selectOption({ label: 'Piotr Kowalski' });
    await decision.getByLabel('Decision').selectOption({ label: 'Approved' });
    await decision.getByLabel('Decided on', { exact: true }).fill('2026-02-20');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await decision
      .getByText(
        `Piotr Kowalski built version v1.0 of ${MODEL}; the promotion policy asks for an independent approver for this model (High risk, Limited risk).`,
      )
      .waitFor();
    await screenshot(page, 'portfolio-self-approval-refused', { full: true });
    await decision.getByLabel('Approver').selectOption({ label: OWNER });
    await decision.getByLabel('Evidence', { exact: true }).fill('Validation memo UW-2026-02');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await card.getByText('Meets the promotion policy').waitFor();
    const versions = await call<{ versions: { approvals: { approverName: string; decision: string }[]; evaluations: unknown[] }[] }>(
      server,
      'versions.list',
      { modelId: ids.model },
    );
    expect(versions.versions[0]?.approvals).toMatchObject([{ approverName: OWNER, decision: 'approved' }]);
    expect(versions.versions[0]?.evaluations).toEqual([
      { metric: 'MAE', value: 412.5, dataset: 'holdout 2025' },
      { metric: 'R2', value: 0.62, dataset: 'holdout 2025' },
    ]);
    await screenshot(page, 'portfolio-versions', { full: true });
  });

  it('moves it to pilot, is refused production without its evidence, and moves back with a reason', async () => {
    await page.getByRole('tab', { name: 'Stage history' }).click();
    await expect.poll(() => page.url(), poll).toContain('tab=stages');
    const form = page.locator('form.move-stage');
    await form.getByLabel('New stage').selectOption({ label: 'Pilot' });
    await form.getByLabel('On', { exact: true }).fill('2026-03-02');
    await form.getByRole('button', { name: 'Move stage' }).click();
    await expect.poll(async () => (await fetchModel()).stage, poll).toBe('pilot');
    // The page shows the change (and its form starts afresh) before the next one.
    await page.locator('.stage-changes').getByText('Prototype → Pilot').waitFor();

    await form.getByLabel('New stage').selectOption({ label: 'Production' });
    await form.getByLabel('On', { exact: true }).fill('2026-05-04');
    await form.getByRole('button', { name: 'Move stage' }).click();
    await form
      .getByRole('alert')
      .getByText(`${MODEL} cannot enter Production: it needs an approved version deployed as champion to the production environment.`)
      .waitFor();

    await form.getByLabel('New stage').selectOption({ label: 'Prototype' });
    await form.getByLabel('On', { exact: true }).fill('2026-06-01');
    await form.getByRole('button', { name: 'Move stage' }).click();
    await form.getByRole('alert').getByText(`Moving ${MODEL} back from Pilot to Prototype needs a reason.`).waitFor();
    await form.getByLabel('Reason').fill('Severity drifted after the hail season; retraining on 2025 claims.');
    await form.getByRole('button', { name: 'Move stage' }).click();
    await expect.poll(async () => (await fetchModel()).stage, poll).toBe('prototype');
    const model = await fetchModel();
    expect(model.transitions.map((t) => [t.fromStage, t.toStage, t.on])).toEqual([
      [null, 'prototype', '2026-01-05'],
      ['prototype', 'pilot', '2026-03-02'],
      ['pilot', 'prototype', '2026-06-01'],
    ]);
    // 5 Jan–2 Mar in prototype (56 days), 2 Mar–1 Jun in pilot (91 days).
    expect(model.daysPerStage.pilot).toBe(91);
    await page.getByText('Severity drifted after the hail season; retraining on 2025 claims.').waitFor();
    // The page refetches after the move: wait for the new figure rather than read the one it showed before.
    await expect.poll(() => text('.stage-days li:nth-child(3)'), poll).toBe('Pilot91 days');
    await screenshot(page, 'portfolio-model-stages', { full: true });
  });

  it('restores the page and its tab from the address', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: MODEL }).waitFor();
    await expect.poll(() => page.getByRole('tab', { name: 'Stage history' }).getAttribute('aria-selected'), poll).toBe('true');
  });

  it('deploys a champion and a challenger, promotes, rolls back, and answers which version served production at a past instant', async () => {
    const owner = (await call<{ rows: Row[] }>(server, 'contacts.list', { clientId: ids.client })).rows[0]?.id ?? '';
    const builder = (await call<{ rows: Row[] }>(server, 'specialists.list', { search: 'Piotr' })).rows[0]?.id ?? '';
    const v11 = await call<Row>(server, 'versions.create', {
      modelId: ids.model,
      label: 'v1.1',
      builtBy: { kind: 'specialist', id: builder },
      registeredOn: '2026-03-20',
      trainingData: 'household_claims_2020_2026Q1 · sha256:77c0',
      evaluations: [{ metric: 'MAE', value: 398.1, dataset: 'holdout 2025' }],
      evidence: [
        { kind: 'data_lineage', text: 'dbt lineage' },
        { kind: 'explainability_report', text: 'SHAP summary' },
      ],
    });
    await call(server, 'approvals.create', {
      versionId: v11.id,
      approver: { kind: 'contact', id: owner },
      decision: 'approved',
      decidedOn: '2026-03-25',
    });

    await page.getByRole('tab', { name: 'Deployment timeline' }).click();
    await expect.poll(() => page.url(), poll).toContain('tab=deployments');
    const envs = page.getByRole('region', { name: 'The engagement’s environments' });
    await envs.getByLabel('Production environment').fill('Production');
    await envs.getByRole('button', { name: 'Add environment' }).click();
    await envs.getByText('Production (production)').waitFor();
    await envs.getByLabel('Another environment').fill('Staging');
    await envs.getByRole('button', { name: 'Add environment' }).click();
    await envs.getByText('Production (production) · Staging').waitFor();

    const deploy = page.locator('form.deploy-form');
    const deployAs = async (label: string, alias: string, date: string, time: string) => {
      await deploy.getByLabel('Version').selectOption({ label });
      await deploy.getByLabel('Environment').selectOption({ label: 'Production (production)' });
      await deploy.getByLabel('Alias').selectOption({ label: alias });
      await deploy.getByLabel('From (date)').fill(date);
      await deploy.getByLabel('From (time, UTC)').fill(time);
      await deploy.getByRole('button', { name: 'Deploy' }).click();
    };
    await deployAs('v1.0', 'Champion', '2026-03-02', '10:00');
    const table = page.getByRole('table', { name: 'Deployments' });
    await table.getByText('2 Mar 2026, 10:00 UTC').waitFor();
    // A second champion over the same time is refused.
    await deployAs('v1.1', 'Champion', '2026-04-01', '09:00');
    await deploy
      .getByText(
        `${MODEL} already has a champion in Production then: version v1.0 from 2026-03-02 10:00 UTC. Promote or roll back to replace it.`,
      )
      .waitFor();
    await deployAs('v1.1', 'Challenger', '2026-04-01', '09:00');
    await table.getByText('1 Apr 2026, 09:00 UTC').waitFor();

    await page.getByLabel('Promote or end at (date)').fill('2026-05-04');
    await page.getByLabel('Promote or end at (time, UTC)').fill('08:00');
    await table.getByRole('button', { name: 'Promote v1.1' }).click();
    await table.getByText('4 May 2026, 08:00 UTC').first().waitFor();

    const back = page.locator('form.rollback-form');
    await back.getByLabel('Earlier version').selectOption({ label: 'v1.0' });
    await back.getByLabel('In environment').selectOption({ label: 'Production (production)' });
    await back.getByLabel('At (date)').fill('2026-05-05');
    await back.getByLabel('At (time, UTC)').fill('12:00');
    await back.getByLabel('Reason').fill('Severity under-estimated for hail claims in v1.1');
    await back.getByRole('button', { name: 'Roll back' }).click();
    await table.getByText('Severity under-estimated for hail claims in v1.1').waitFor();
    const deployments = await call<{
      rows: { versionLabel: string; alias: string; from: string; to: string | null; rollbackReason: string }[];
    }>(server, 'deployments.list', { modelId: ids.model });
    expect(deployments.rows.map((d) => [d.versionLabel, d.alias, d.from, d.to])).toEqual([
      ['v1.0', 'champion', '2026-05-05T12:00:00.000Z', null],
      ['v1.1', 'champion', '2026-05-04T08:00:00.000Z', '2026-05-05T12:00:00.000Z'],
      ['v1.1', 'challenger', '2026-04-01T09:00:00.000Z', '2026-05-04T08:00:00.000Z'],
      ['v1.0', 'champion', '2026-03-02T10:00:00.000Z', '2026-05-04T08:00:00.000Z'],
    ]);

    const asOf = page.getByRole('region', { name: 'Which version served production then?' });
    await asOf.getByLabel('As of (date)').fill('2026-05-04');
    await asOf.getByLabel('As of (time, UTC)').fill('12:00');
    await asOf
      .getByText(
        `On 4 May 2026, 12:00 UTC production (Production) ran version v1.1, champion since 4 May 2026, 08:00 UTC; approved by ${OWNER} on 25 Mar 2026.`,
      )
      .waitFor();
    await asOf.getByLabel('As of (date)').fill('2026-04-15');
    await asOf
      .getByText(`production (Production) ran version v1.0, champion since 2 Mar 2026, 10:00 UTC; approved by ${OWNER} on 20 Feb 2026.`, {
        exact: false,
      })
      .waitFor();
    await asOf.getByLabel('As of (date)').fill('2026-03-01');
    await asOf.getByText('Nothing served production on 1 Mar 2026, 12:00 UTC.').waitFor();
    await asOf.getByLabel('As of (date)').fill('2026-05-04');
    await screenshot(page, 'portfolio-deployments', { full: true });
  });

  it('counts it in the client’s funnel and prototype graveyard, and finds it by search and filters', async () => {
    await page.goto(`${server.baseUrl}/#/clients/${ids.client}`);
    const funnel = page.getByRole('list', { name: 'Stage funnel' });
    await funnel.waitFor();
    expect((await funnel.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ''))).toEqual([
      'Idea0',
      'Prototype1',
      'Pilot0',
      'Production0',
      'Retired0',
    ]);
    const graveyard = page.locator('.client-portfolio').getByRole('button', { name: MODEL });
    await graveyard.waitFor();
    await page.getByRole('heading', { name: 'Promotion policy' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'portfolio-client-funnel', { full: true });
    await graveyard.click();
    await page.getByRole('heading', { level: 1, name: MODEL }).waitFor();

    await page.goto(`${server.baseUrl}/#/portfolio?q=severity&stage=prototype&riskTier=high`);
    await page.getByRole('heading', { level: 1, name: 'Model portfolio' }).waitFor();
    const rows = page.getByRole('table', { name: 'Models' }).locator('tbody tr.ui-table__row');
    await expect.poll(() => rows.count(), poll).toBe(1);
    expect(await rows.first().getByRole('button').textContent()).toBe(MODEL);
    await screenshot(page, 'portfolio-list-filtered');
  });

  it('logged no uncaught error or console error, and asked nothing in a browser dialog', () => {
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
