import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ListResult, ReplacementItem } from '@shared/contract';
import type { OwnershipMatrix, PersonLoad, SnapshotListItem, WhoResponds } from '@shared/ownership/contract/matrix';
import { addBusinessDays, addDays, format, parseISO } from 'date-fns';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * The ownership matrix as an engagement manager meets it, in a real Chromium against browser mode with
 * the sample dataset: the sample credit engagement's matrix and its gaps, one fixed from the findings
 * list (the count drops), a replacement request for an Accountable fulfilled with the hand-over of her
 * duties (they are the replacement's from the start, on the matrix and on the replacement's allocation),
 * the matrix as of a day before and after the hand-over, the workbook re-opened with exceljs; where the
 * matrix shows on other areas' screens (the roll-off radar, who responds on a model page, the matrix
 * recorded at a month's approval); and the grid's rendered rows held flat from 50 to 2,000 assets.
 *
 * "Today" is the machine's date (the sample is moved to it by whole weeks), so the dates here are
 * counted from it. The slots' parts need the ownership area's fills registered (`slots:
 * ownershipSlotFills` in features/ownership/area.tsx).
 */

type Row = Record<string, unknown> & { id: string };

const CLIENT = 'Alpenbank Privatbank AG';
const ENGAGEMENT = 'Credit risk model operations';
const MODEL = 'Retail credit PD scorecard';
const OUTGOING = 'Piotr Kowalski';
const REPLACEMENT = 'Rafael Oliveira';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const TODAY = iso(new Date());
/** The replacement starts three business days from now: well inside the 7-day SLA, whatever the weekday. */
const START = iso(addBusinessDays(parseISO(TODAY), 3));
const END = '2027-12-31';
/** How the UI writes dates. */
const day = (d: string) => format(parseISO(d), 'd MMM yyyy');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-ownership-');
const downloadDir = mkdtempSync(join(tmpdir(), 'keel-e2e-ownership-download-'));
const ids = { engagement: '', client: '', model: '', outgoing: '', replacement: '', request: '', katrin: '' };
const poll = { timeout: 10_000, interval: 100 };
const pageProblems: string[] = [];
const dialogs: string[] = [];

const drawer = (title: string | RegExp) => page.getByRole('complementary', { name: title });
const toast = (message: string | RegExp) => page.locator('.toast').filter({ hasText: message });
const loadOf = (id: string, asOf?: string) =>
  call<PersonLoad>(server, 'ownership.personLoad', { person: { kind: 'specialist', id }, ...(asOf ? { asOf } : {}) });
const heldOn = (load: PersonLoad, engagementId: string) => load.holdings.filter((h) => h.engagementId === engagementId && !h.inherited);
const matrixOf = (engagementId: string, asOf?: string) =>
  call<OwnershipMatrix>(server, 'ownership.matrix', { engagementId, ...(asOf ? { asOf } : {}) });
const grid = () => page.getByRole('grid', { name: /^Ownership matrix of / });
/** A cell of the grid by its duty and row: its accessible name starts with the letters it shows. */
const cell = (duty: string, row: string) => grid().locator(`td[aria-label*=". ${duty} · ${row}"]`);
const countsLine = () => page.locator('.own-counts');
const errorsWord = (n: number) => `${n} ${n === 1 ? 'error' : 'errors'}`;

/** Runs `task` over `items` with a few calls in flight at a time (one writer behind the server; this hides the round trips). */
async function inBatches<T>(items: readonly T[], task: (item: T, index: number) => Promise<unknown>, width = 10): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map((item, j) => task(item, i + j)));
}

/** A screenshot without the toasts of earlier steps over it. */
async function shot(name: string) {
  await dismissToasts(page);
  await screenshot(page, name);
}

async function byName(list: string, name: string, input: Record<string, unknown> = {}): Promise<Row> {
  const result = await call<ListResult<Row>>(server, list, input);
  const found = result.rows.find((r) => r.name === name || r.fullName === name);
  if (!found) throw new Error(`${list} has no ${name}`);
  return found;
}

describe('the ownership matrix in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await openWatchedPage(context, pageProblems, dialogs);
    await call(server, 'sample.load', {});
    ids.engagement = (await byName('engagements.list', ENGAGEMENT)).id;
    ids.client = (await byName('clients.list', CLIENT)).id;
    ids.model = (await byName('models.list', MODEL)).id;
    ids.outgoing = (await byName('specialists.list', OUTGOING)).id;
    ids.replacement = (await byName('specialists.list', REPLACEMENT)).id;
    ids.katrin =
      (await call<ListResult<Row>>(server, 'contacts.list', { clientId: ids.client })).rows.find((c) => c.name === 'Dr. Katrin Meier')
        ?.id ?? '';
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

  it('opens the matrix of the sample credit engagement and shows its gaps', async () => {
    const api = await matrixOf(ids.engagement);
    expect(api.counts.error).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Ownership matrix', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ownership matrix' }).waitFor();
    await page.getByLabel('Engagement', { exact: true }).selectOption({ label: `${ENGAGEMENT} — ${CLIENT}` });
    await grid().waitFor();
    expect(await grid().getAttribute('aria-label')).toBe(`Ownership matrix of ${ENGAGEMENT} as of ${TODAY}`);
    // The counts the backend computed, and one row per model and asset.
    await countsLine().getByText(errorsWord(api.counts.error), { exact: true }).waitFor();
    expect(Number(await grid().getAttribute('aria-rowcount'))).toBe(api.rows.length + 1);
    // The sample's gap: nobody is Accountable for the scorecard's cost.
    const cost = cell('Cost', MODEL);
    expect(await cost.getAttribute('class')).toContain('own-cell--error');
    expect(await cost.getAttribute('aria-label')).not.toMatch(/^A:/);
    await shot('ownership-matrix');
  });

  it('fixes a gap from the findings list, and the count drops', async () => {
    const before = await matrixOf(ids.engagement);
    await countsLine().getByRole('button', { name: 'See the findings' }).click();
    const findings = page.getByRole('region', { name: 'Findings' });
    const fix = findings.getByRole('button', { name: `Assign… (No Accountable: ${MODEL}, Cost)` });
    await fix.waitFor();
    await shot('ownership-findings');
    await fix.click();
    const assign = drawer(`Assign: ${MODEL} · Cost`);
    const form = assign.getByRole('form', { name: 'Assign' });
    // The finding asks for an Accountable; the client's head of credit risk analytics takes the cost.
    expect(await form.getByLabel('Role').inputValue()).toBe('accountable');
    const person = form.getByLabel('Person');
    await person.locator('option', { hasText: 'Dr. Katrin Meier' }).waitFor({ state: 'attached' });
    await person.selectOption({ value: `contact:${ids.katrin}` });
    await form.getByRole('button', { name: 'Assign', exact: true }).click();
    await assign
      .getByRole('status')
      .getByText(/^Assigned: 1 assignment saved/)
      .waitFor();
    await assign.getByRole('button', { name: 'Done' }).click();

    const after = await matrixOf(ids.engagement);
    expect(after.counts.error).toBe(before.counts.error - 1);
    expect(await findings.getByRole('button', { name: `Assign… (No Accountable: ${MODEL}, Cost)` }).count()).toBe(0);
    await page.getByRole('tablist', { name: 'Ownership views' }).getByRole('tab', { name: 'Matrix', exact: true }).click();
    await countsLine().getByText(errorsWord(after.counts.error), { exact: true }).waitFor();
    expect(await cell('Cost', MODEL).getAttribute('aria-label')).toMatch(/^A:DM /);
  });

  it('records a replacement request for an Accountable, shows what she holds, and fulfils it with the hand-over', async () => {
    const before = heldOn(await loadOf(ids.outgoing), ids.engagement);
    const accountable = before.filter((h) => h.role === 'accountable');
    expect(accountable.length).toBeGreaterThan(0);

    await page.goto(`${server.baseUrl}/#/replacements/new`);
    const form = drawer('New replacement request');
    await form.getByLabel('Engagement').selectOption({ label: `${CLIENT} — ${ENGAGEMENT}` });
    const leaving = form.getByLabel('Specialist leaving');
    await leaving.locator('option', { hasText: OUTGOING }).first().waitFor({ state: 'attached' });
    const option = (await leaving.locator('option', { hasText: OUTGOING }).first().textContent()) ?? OUTGOING;
    await leaving.selectOption({ label: option });
    await form.getByLabel('Reason', { exact: true }).selectOption({ label: 'Resignation' });
    await form.getByLabel('Submitted by').fill('Dr. Katrin Meier');
    await form.getByLabel('Submitted on').fill(TODAY);
    // Midnight: a submission later today would be in the future for part of the day.
    await form.getByLabel('Time', { exact: true }).fill('00:00');
    await form.getByRole('button', { name: 'Record request' }).click();
    const request = drawer(`Replace ${OUTGOING}`);
    await request.waitFor();
    const listed = await call<ListResult<ReplacementItem>>(server, 'replacements.list', { state: 'open', engagementId: ids.engagement });
    ids.request = listed.rows.find((r) => r.outgoingSpecialistId === ids.outgoing)?.id ?? '';
    expect(ids.request).not.toBe('');

    // Ownership's part of the request: what he holds on the engagement today, one line per duty.
    const duties = request.getByRole('region', { name: `Duties ${OUTGOING} holds on this engagement` });
    await duties.getByRole('table').waitFor();
    await expect.poll(() => duties.getByRole('row').count(), poll).toBe(before.length + 1);
    expect(await duties.locator('.own-slot__count').textContent()).toBe(
      `${before.length} ${before.length === 1 ? 'duty' : 'duties'} · ${accountable.length} Accountable`,
    );
    await shot('ownership-replacement-duties');

    await request.getByRole('button', { name: 'Fulfil…' }).click();
    const fulfil = request.getByRole('form', { name: 'Fulfil the request' });
    await fulfil.getByLabel('Replacement specialist').selectOption({ label: REPLACEMENT });
    // Exact: the hand-over's own label ends with "from the start date".
    await fulfil.getByLabel('Start date', { exact: true }).fill(START);
    await fulfil.getByLabel('Allocation ends').fill(END);
    const handOver = fulfil.getByRole('checkbox', {
      name: `Hand ${OUTGOING}’s duties (ownership matrix) to the replacement from the start date`,
    });
    expect(await handOver.isChecked()).toBe(false);
    await handOver.check();
    // Beside the choice, what goes: as of the start date.
    await fulfil.getByText(`${OUTGOING} holds ${before.length} duties on this engagement on ${day(START)}`, { exact: false }).waitFor();
    await fulfil.getByText(/^Show the \d+ dut/).click();
    await shot('ownership-fulfil-hand-over');
    await fulfil.getByRole('button', { name: 'Fulfil request' }).click();
    await toast(/^Fulfilled: Rafael Oliveira starts/).waitFor();

    // The backend handed every duty over in the fulfilment: from the start the replacement holds them, the outgoing none.
    const after = heldOn(await loadOf(ids.replacement, START), ids.engagement);
    expect(after.map((h) => `${h.targetName}|${h.dutyKey}|${h.role}`).sort()).toEqual(
      before.map((h) => `${h.targetName}|${h.dutyKey}|${h.role}`).sort(),
    );
    expect(heldOn(await loadOf(ids.outgoing, START), ids.engagement)).toEqual([]);

    // And the replacement's allocation shows them as the duties at stake.
    await request.getByRole('button', { name: 'Open the replacement’s allocation' }).click();
    const allocation = drawer(`${REPLACEMENT} → ${ENGAGEMENT}`);
    const stake = allocation.getByRole('region', { name: 'Duties at stake' });
    await expect
      .poll(async () => (await stake.locator('.own-slot__count').textContent()) ?? '', poll)
      .toBe(`${before.length} duties · ${accountable.length} Accountable`);
    await stake.scrollIntoViewIfNeeded();
    await shot('ownership-replacement-allocation');
  });

  it('shows the matrix as of a day before the hand-over and as of its first day', async () => {
    const dayBefore = iso(addDays(parseISO(START), -1));
    await page.goto(`${server.baseUrl}/#/ownership?engagement=${ids.engagement}`);
    await grid().waitFor();
    const asOf = page.getByLabel('As of', { exact: true });
    await asOf.fill(dayBefore);
    await asOf.press('Tab');
    await expect.poll(() => grid().getAttribute('aria-label'), poll).toBe(`Ownership matrix of ${ENGAGEMENT} as of ${dayBefore}`);
    expect(await cell('Deployment', MODEL).getAttribute('aria-label')).toMatch(/^A:PK /);
    await shot('ownership-as-of-before');
    await asOf.fill(START);
    await asOf.press('Tab');
    await expect.poll(() => grid().getAttribute('aria-label'), poll).toBe(`Ownership matrix of ${ENGAGEMENT} as of ${START}`);
    expect(await cell('Deployment', MODEL).getAttribute('aria-label')).toMatch(/^A:RO /);
    expect(await cell('Rollback', MODEL).getAttribute('aria-label')).toMatch(/^A:RO /);
    await shot('ownership-as-of-after');
  });

  it('exports the matrix as shown to a workbook that opens with its sheets', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workbook' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(download.suggestedFilename()).toContain(START);
    const file = join(downloadDir, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Matrix', 'Legend', 'Findings', 'People', 'About']);
    const matrix = book.getWorksheet('Matrix');
    const text = (matrix?.getSheetValues() ?? [])
      .flat()
      .map((v) => (typeof v === 'string' ? v : ''))
      .join('\n');
    expect(text).toContain(ENGAGEMENT);
    expect(text).toContain(MODEL);
    const api = await matrixOf(ids.engagement, START);
    const findings = book.getWorksheet('Findings');
    // A header row, then one row per finding.
    expect((findings?.actualRowCount ?? 0) - 1).toBe(
      (await call<{ findings: unknown[] }>(server, 'ownership.findings', { engagementId: ids.engagement, asOf: START })).findings.length,
    );
    expect(api.rows.length).toBeGreaterThan(0);
  });

  it('shows the duties at stake on the roll-off radar, compact, with the list in the title', async () => {
    await page.goto(`${server.baseUrl}/#/allocations?tab=rollOff`);
    const table = page.getByRole('table', { name: 'Rolling off' });
    await table.waitFor();
    const radar = await call<{
      rollOffs: { specialist: { id: string; fullName: string }; allocation: { engagementId: string; endDate: string } }[];
    }>(server, 'plan.rollOff', { weeks: 6 });
    const agnieszka = radar.rollOffs.find((r) => r.specialist.fullName === 'Agnieszka Nowak');
    expect(agnieszka).toBeDefined();
    const load = await loadOf(agnieszka?.specialist.id ?? '', agnieszka?.allocation.endDate);
    const held = heldOn(load, agnieszka?.allocation.engagementId ?? '');
    const a = held.filter((h) => h.role === 'accountable').length;
    const row = table.getByRole('row').filter({ hasText: 'Agnieszka Nowak' });
    const cell = row.locator('.own-rolloff');
    await cell.waitFor();
    expect(await cell.textContent()).toBe(`${held.length} duties${a > 0 ? ` · ${a} Accountable` : ''}`);
    expect(await cell.getAttribute('title')).toContain(
      `Agnieszka Nowak holds on ${ENGAGEMENT} on ${day(agnieszka?.allocation.endDate ?? '')}:`,
    );
    await shot('ownership-roll-off-radar');
  });

  it('says who responds now on a model page, with links to write and call', async () => {
    // The sample's claims model has no incident-response owner yet: the client's own on-call lead becomes
    // its Accountable, a specialist on the engagement its Backup.
    const model = await byName('models.list', 'Claims triage classifier');
    const lucia = await byName('specialists.list', 'Lucía Fernández');
    const contacts = await call<ListResult<Row>>(server, 'contacts.list', { clientId: model.clientId });
    const maria = contacts.rows.find((c) => c.name === 'Maria Alvarez');
    // The client's day may still be yesterday in Seattle: both start the day before.
    const from = iso(addDays(parseISO(TODAY), -1));
    for (const [role, person] of [
      ['accountable', { kind: 'contact', id: maria?.id }],
      ['backup', { kind: 'specialist', id: lucia.id }],
    ] as const) {
      await call(server, 'ownership.assign', {
        targetKind: 'model',
        targetId: model.id,
        dutyKey: 'incident_response',
        role,
        person,
        fromDate: from,
      });
    }

    await page.goto(`${server.baseUrl}/#/portfolio/${model.id}`);
    const ask = page.getByRole('button', { name: 'Who responds now?' });
    // By keyboard: the button takes Enter, focus moves into the panel, Escape puts it back.
    await ask.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Who responds now on Claims triage classifier?' });
    const who = panel.getByRole('region', { name: 'Responder' });
    await who.waitFor();
    expect(await panel.locator(':focus').count()).toBe(1);
    expect(await who.locator('strong').textContent()).toBe('Maria Alvarez');
    expect(await who.getByText('Accountable', { exact: true }).count()).toBe(1);
    expect(await who.getByRole('link', { name: /^Email Maria Alvarez/ }).getAttribute('href')).toBe(
      'mailto:maria.alvarez@cascademutual.example',
    );
    expect(await who.getByRole('link', { name: /^Call Maria Alvarez/ }).getAttribute('href')).toBe('tel:+12065550147');
    const answer = await call<WhoResponds>(server, 'ownership.whoResponds', { modelId: model.id });
    expect(answer.responder?.name).toBe('Maria Alvarez');
    expect(await panel.getByText(answer.reason, { exact: true }).count()).toBe(1);
    expect(await panel.locator('dt', { hasText: 'Backup' }).locator('+ dd').textContent()).toContain('Lucía Fernández');
    await shot('ownership-who-responds');
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
    expect(await page.locator(':focus').textContent()).toBe('Who responds now?');
  });

  it('shows the matrix recorded at a month’s approval in its review, read-only', async () => {
    const recorded = await call<SnapshotListItem[]>(server, 'ownership.snapshots', { engagementId: ids.engagement });
    const latest = [...recorded].sort((a, b) => b.month.localeCompare(a.month))[0];
    expect(latest).toBeDefined();
    const month = latest?.month ?? '';
    await page.goto(`${server.baseUrl}/#/hours?tab=close&month=${month}`);
    await page.getByRole('table', { name: 'Month close' }).getByText(ENGAGEMENT).click();
    const line = page.getByRole('region', { name: 'Ownership matrix at approval' });
    const counts = latest?.counts ?? { error: 0, warning: 0, info: 0 };
    await line
      .getByText(
        `Ownership matrix recorded at approval: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}`,
        { exact: false },
      )
      .waitFor();
    await line.getByRole('button', { name: 'View' }).click();
    const dialog = page.getByRole('dialog', { name: /^Ownership matrix at the approval of / });
    const table = dialog.getByRole('table');
    await table.waitFor();
    const snapshot = await call<{ matrix: OwnershipMatrix; findings: unknown[] }>(server, 'ownership.snapshot', {
      engagementId: ids.engagement,
      month,
    });
    expect(await table.locator('tbody tr').count()).toBe(snapshot.matrix.rows.length);
    expect(await dialog.locator('.own-findings li').count()).toBe(snapshot.findings.length);
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    await shot('ownership-month-snapshot');
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
  });

  it('keeps the grid’s rendered rows flat from 50 to 2,000 assets (virtualised)', async () => {
    const client = await call<Row>(server, 'clients.create', {
      name: 'Grosslager Logistik AG',
      country: 'CH',
      currency: 'CHF',
      holidayCalendar: 'CH-ZH',
    });
    const engagement = await call<Row>(server, 'engagements.create', {
      clientId: client.id,
      name: 'Warehouse pipelines operations',
      currency: 'CHF',
      startDate: '2026-01-05',
      endDate: null,
      status: 'active',
    });
    const types = ['data_ingestion', 'feature_pipeline', 'training_pipeline', 'serving_endpoint', 'monitoring', 'dashboard'] as const;
    let made = 0;
    const growTo = (n: number) =>
      inBatches(
        Array.from({ length: n - made }, (_, i) => made + i),
        (i) =>
          call(server, 'assets.create', {
            engagementId: engagement.id,
            name: `Pipeline ${String(i).padStart(4, '0')}`,
            type: types[i % types.length],
            inServiceFrom: '2026-01-05',
          }),
      ).then(() => {
        made = n;
      });
    const measure = async () => {
      await page.goto(`${server.baseUrl}/#/ownership?engagement=${engagement.id}`);
      await page.reload();
      await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount')), poll).toBe(made + 1);
      await grid().locator('tbody tr.own-grid__row').first().waitFor();
      return {
        rows: await grid().locator('tbody tr.own-grid__row').count(),
        nodes: await page.locator('*').count(),
      };
    };

    await growTo(50);
    const small = await measure();
    await growTo(2_000);
    const large = await measure();
    await shot('ownership-matrix-2000-assets');
    console.log(
      `Matrix grid: ${small.rows} rows and ${small.nodes} DOM nodes at 50 assets; ${large.rows} rows and ${large.nodes} at 2,000.`,
    );
    // Only the rows in view are in the DOM: the count stays about the same while the assets grow 40-fold.
    expect(small.rows).toBeGreaterThan(10);
    expect(large.rows).toBeLessThanOrEqual(small.rows + 5);
    expect(large.rows).toBeLessThan(100);
    expect(large.nodes).toBeLessThan(small.nodes * 1.5);
  });

  it('had no page errors', () => {
    expect(pageProblems).toEqual([]);
  });
});
