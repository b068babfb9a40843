import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sampleShiftDays, shiftSampleDate } from '@backend/core/sample';
import { ROLE_LABELS, type SpecialistRole } from '@shared/clients/rules/reference';
import { dateLabel } from '@shared/kernel/dates';
import { addDays, addWeeks, endOfMonth, format, parseISO, startOfISOWeek, startOfMonth } from 'date-fns';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * Allocation planning as a manager meets it, in a real Chromium against browser
 * mode: staffing request → placeholder → filled allocation on the timeline, the
 * dedication rule refusing a second client, an absence lowering capacity, the
 * Excel export re-opened with exceljs, the roll-off radar and the forecast, and
 * a timeline that stays the same size in the DOM with 50 or 500 people.
 *
 * "Today" is the machine's date; the sample plan moves with it (its dates are
 * authored for 2026-11-24 and shifted by whole weeks, core/sample.ts), and the
 * records this run makes are set up here, relative to today too.
 */

type Row = Record<string, unknown> & { id: string };
type Listed<T = Row> = { rows: T[]; total: number };
type Capacity = { periods: { start: string; workingDays: number; holidayDays: number; absenceDays: number; capacityMinutes: number }[] };
type Radar = {
  rollOffs: { specialist: { fullName: string }; allocation: { endDate: string } }[];
  bench: { specialist: { fullName: string } }[];
};
/** The DOM members used inside page.evaluate (the Node tsconfig has no DOM types). */
type Box = { querySelectorAll(selector: string): { length: number }; scrollTop: number; scrollHeight: number };
type Forecast = { months: { start: string }[]; rows: { role: SpecialistRole; month: string; supply: number; demand: number }[] };

const day = (d: Date) => format(d, 'yyyy-MM-dd');
const TODAY = new Date();
const MONDAY = startOfISOWeek(TODAY);

const CLIENT = 'Kestrel Versicherung AG';
const ENGAGEMENT = 'Claims fraud model operations';
const ENGAGEMENT_START = day(addWeeks(MONDAY, -12));
const ENGAGEMENT_END = day(addDays(addWeeks(MONDAY, 30), 4));

const REQUEST_TITLE = 'Lead MLOps engineer — claims fraud';
const REQUEST_START = day(addWeeks(MONDAY, 3));
const FILLER = 'Mirela Dumitru';

/** Confirmed at Kestrel until a Friday four weeks out: the dedication rule's other client, and a roll-off. */
const DEDICATED = 'Tomasz Wrona';
const DEDICATED_START = day(addWeeks(MONDAY, -4));
const DEDICATED_END = day(addDays(addWeeks(MONDAY, 4), 4));

/** Never allocated: on the bench, and the one whose absence lowers capacity. */
const ABSENT = 'Katarina Petrović';

const OTHER_ENGAGEMENT = 'Nordhafen Logistik GmbH — Demand forecasting platform';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-plan-');
const downloadDir = mkdtempSync(join(tmpdir(), 'keel-e2e-download-'));
const ids = { client: '', engagement: '', filler: '', dedicated: '', absent: '', request: '' };

const poll = { timeout: 5_000, interval: 50 };

const pageProblems: string[] = [];
const dialogs: string[] = [];

const openPage = (into: BrowserContext) => openWatchedPage(into, pageProblems, dialogs);

const drawer = (title: string) => page.getByRole('complementary', { name: title });
const toast = (text: string) => page.locator('.toast').filter({ hasText: text });
const timeline = () => page.getByTestId('timeline');
const timelineRow = (name: string) =>
  timeline()
    .getByTestId('timeline-row')
    .filter({ has: page.getByRole('button', { name, exact: true }) });
const corner = () => timeline().locator('.timeline__corner');

async function openArea(label: 'Allocation plan' | 'Staffing requests' | 'Specialists') {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

async function openPlanTab(name: 'Timeline' | 'Roll-off radar' | 'Capacity forecast' | 'All allocations') {
  const tab = page.getByRole('tablist', { name: 'Plan views' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected'), poll).toBe('true');
}

/** "167.5 h" → 167.5 */
const hoursIn = (text: string | null) => Number.parseFloat((text ?? '').replace(/[^\d.]/g, ''));

const specialist = (fullName: string, homeCountry: string, role = 'mlops_engineer') => ({
  fullName,
  role,
  seniority: 'senior',
  homeCountry,
  startDate: '2025-01-06',
  status: 'active',
  email: `${fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@plan-e2e.example`,
});

describe('allocation planning in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await openPage(context);

    await page.goto(server.url);
    await page.waitForURL((url) => !url.searchParams.has('token'));
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByRole('status').filter({ hasText: 'Loaded 5 clients, 7 engagements, 16 specialists' }).waitFor();

    // This run's own records, dated relative to today like the sample.
    ids.client = (await call<Row>(server, 'clients.create', { name: CLIENT, country: 'DE', currency: 'EUR', holidayCalendar: 'DE' })).id;
    ids.engagement = (
      await call<Row>(server, 'engagements.create', {
        clientId: ids.client,
        name: ENGAGEMENT,
        currency: 'EUR',
        startDate: ENGAGEMENT_START,
        endDate: ENGAGEMENT_END,
        status: 'active',
      })
    ).id;
    ids.filler = (await call<Row>(server, 'specialists.create', specialist(FILLER, 'RO'))).id;
    ids.dedicated = (await call<Row>(server, 'specialists.create', specialist(DEDICATED, 'PL', 'sre'))).id;
    ids.absent = (await call<Row>(server, 'specialists.create', specialist(ABSENT, 'RS', 'data_engineer'))).id;
    await call(server, 'allocations.create', {
      specialistId: ids.dedicated,
      engagementId: ids.engagement,
      startDate: DEDICATED_START,
      endDate: DEDICATED_END,
      loadPercent: 100,
      status: 'confirmed',
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await dismissToasts(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(downloadDir, { recursive: true, force: true });
    const files = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    console.log(`Screenshots written (${files.length}):\n  ${files.join('\n  ')}`);
  });

  it('creates a staffing request, sees its placeholder, fills it and sees the allocation on the timeline', async () => {
    await openArea('Staffing requests');
    await page.getByRole('button', { name: 'New request' }).click();
    const form = drawer('New staffing request');
    await form.getByLabel('Engagement').selectOption({ label: `${CLIENT} — ${ENGAGEMENT}` });
    await form.getByLabel('Role title').fill(REQUEST_TITLE);
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'MLOps engineer' });
    await form.getByLabel('Seniority').selectOption({ label: 'Lead' });
    await form.getByLabel('Required skills').fill('Kubeflow, Feast, model governance');
    await form.getByLabel('Start date').fill(REQUEST_START);
    await screenshot(page, 'staffing-new');
    await form.getByRole('button', { name: 'Create request' }).click();

    await toast(`Opened ${REQUEST_TITLE}.`).waitFor();
    const request = drawer(REQUEST_TITLE);
    await request.waitFor();
    const stored = (await call<Listed>(server, 'staffing.list', { state: 'all', search: 'claims fraud' })).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      title: REQUEST_TITLE,
      engagementId: ids.engagement,
      role: 'mlops_engineer',
      seniority: 'lead',
      requiredSkills: ['Kubeflow', 'Feast', 'model governance'],
      startDate: REQUEST_START,
      stage: 'defined',
    });
    ids.request = stored[0]?.id ?? '';
    const listed = page.locator('table.ui-table__table tbody tr').filter({ hasText: REQUEST_TITLE });
    expect(await listed.textContent()).toContain('Defined');
    await request.getByRole('button', { name: 'Close' }).click();

    // The open role is a placeholder row on the timeline; placeholders come first, so it is in view.
    await openArea('Allocation plan');
    await openPlanTab('Timeline');
    const placeholder = timeline().locator('.timeline__row--request').filter({ hasText: REQUEST_TITLE });
    await placeholder.waitFor();
    expect(await placeholder.locator('.timeline__meta').textContent()).toBe('Open role · MLOps engineer');
    const placeholderBar = placeholder.locator('.timeline__bar--request');
    expect((await placeholderBar.textContent())?.trim()).toBe(`${ENGAGEMENT} · 100%`);
    expect(await placeholderBar.getAttribute('title')).toContain(`from ${REQUEST_START}`);
    await dismissToasts(page);
    await screenshot(page, 'plan-timeline-request');

    // Open it from the timeline and fill it.
    await placeholder.getByRole('button', { name: REQUEST_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: 'Staffing requests' }).waitFor();
    await request.getByRole('button', { name: 'Fill…' }).click();
    const fill = request.locator('form').filter({ has: page.getByRole('heading', { name: 'Fill with an allocation' }) });
    await fill.waitFor();
    // Those with the requested role come first, marked.
    expect(await fill.getByLabel('Specialist').locator('option').nth(1).textContent()).toMatch(/✓ role$/);
    await fill.getByLabel('Specialist').selectOption(ids.filler);
    expect(await fill.getByLabel('Start date').inputValue()).toBe(format(parseISO(REQUEST_START), 'd MMM yyyy'));
    expect(await fill.getByLabel('End date').inputValue()).toBe(format(parseISO(ENGAGEMENT_END), 'd MMM yyyy'));
    expect(await fill.getByLabel('Load (%)').inputValue()).toBe('100');
    expect(await fill.getByLabel('Status').inputValue()).toBe('confirmed');
    await screenshot(page, 'staffing-fill-form');
    await fill.getByRole('button', { name: 'Fill request' }).click();

    await toast(`Filled ${REQUEST_TITLE} with ${FILLER}.`).waitFor();
    await request.locator('.drawer__sub .ui-badge', { hasText: /^Filled$/ }).waitFor();
    const notice = request.locator('.notice', { hasText: `by ${FILLER}` });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('at 100%');
    await dismissToasts(page);
    await screenshot(page, 'staffing-fill');

    const allocations = await call<Listed>(server, 'allocations.list', { specialistId: ids.filler });
    expect(allocations.rows).toHaveLength(1);
    expect(allocations.rows[0]).toMatchObject({
      engagementId: ids.engagement,
      startDate: REQUEST_START,
      endDate: ENGAGEMENT_END,
      loadPercent: 100,
      status: 'confirmed',
    });
    expect(await call<Row>(server, 'staffing.get', { id: ids.request })).toMatchObject({
      stage: 'filled',
      allocationId: allocations.rows[0]?.id,
    });

    // The list moves it from Open to Filled or declined.
    await request.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => listed.count(), poll).toBe(0);
    await page.getByRole('button', { name: 'Filled or declined', exact: true }).click();
    await listed.waitFor();
    expect((await listed.locator('td').nth(3).textContent())?.trim()).toBe('Filled');
    expect(await listed.locator('td').nth(4).textContent()).toMatch(/^Filled in \d+ business days?$/);

    // On the timeline: the placeholder is gone and the specialist has the bar.
    await openArea('Allocation plan');
    // The sample's three open roles remain; this one is no longer open.
    await corner()
      .filter({ hasText: / · 3 open roles$/ })
      .waitFor();
    expect(await placeholder.count()).toBe(0);
    await page.getByRole('combobox', { name: 'Engagements' }).selectOption({ label: ENGAGEMENT });
    const row = timelineRow(FILLER);
    await row.waitFor();
    const bar = row.locator('.timeline__bar--confirmed');
    await expect.poll(() => bar.count(), poll).toBe(1);
    expect(await bar.textContent()).toContain(ENGAGEMENT);
    expect(await bar.getAttribute('title')).toContain(`${REQUEST_START} to ${ENGAGEMENT_END} · 100% · confirmed`);
    expect(await corner().textContent()).toMatch(/ · 0 open roles$/);
    await screenshot(page, 'plan-timeline');
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('refuses a confirmed allocation at a second client, names the other one, and writes nothing', async () => {
    const before = await call<Listed>(server, 'allocations.list', {});
    await openArea('Allocation plan');
    await page.getByRole('button', { name: 'New allocation' }).click();
    const form = drawer('New allocation');
    await form.getByLabel('Specialist').selectOption({ label: DEDICATED });
    await form.getByLabel('Engagement').selectOption({ label: OTHER_ENGAGEMENT });
    const start = day(addWeeks(MONDAY, 2));
    const end = day(addDays(addWeeks(MONDAY, 10), 4));
    await form.getByLabel('Start date').fill(start);
    await form.getByLabel('End date').fill(end);
    await form.getByLabel('Status').selectOption({ label: 'Confirmed' });
    await form.getByRole('button', { name: 'Allocate' }).click();

    const refusal = form.locator('.form__error[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      `${DEDICATED} is already confirmed at ${CLIENT} (${ENGAGEMENT}) from ${dateLabel(DEDICATED_START)} to ${dateLabel(DEDICATED_END)}. ` +
        'A specialist is dedicated to one client at a time: end or move that allocation first, or keep this one tentative.',
    );
    // The field that broke the rule is marked too.
    await form.getByRole('alert').filter({ hasText: 'the dates overlap a confirmed allocation at another client' }).waitFor();
    expect(await form.getByLabel('Status').getAttribute('aria-invalid')).toBe('true');
    await dismissToasts(page);
    await screenshot(page, 'plan-conflict');

    const after = await call<Listed>(server, 'allocations.list', {});
    expect(after.total).toBe(before.total);
    const his = await call<Listed>(server, 'allocations.list', { specialistId: ids.dedicated });
    expect(his.rows.map((a) => [a.engagementId, a.startDate, a.endDate, a.status])).toEqual([
      [ids.engagement, DEDICATED_START, DEDICATED_END, 'confirmed'],
    ]);

    // Walking away from the refused form asks before dropping what was typed.
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alertdialog', { name: 'Discard your unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click();
    await form.waitFor({ state: 'detached' });
    expect((await call<Listed>(server, 'allocations.list', {})).total).toBe(before.total);
  });

  it('records an absence in the specialist’s drawer and the month’s capacity drops by days × 8 h', async () => {
    // Three weekdays of a week in this month without a public holiday of the specialist's home calendar.
    const monthStart = startOfMonth(TODAY);
    const monthEnd = endOfMonth(TODAY);
    let absenceStart = '';
    for (let monday = startOfISOWeek(addDays(monthStart, 6)); addDays(monday, 4) <= monthEnd; monday = addWeeks(monday, 1)) {
      const week = await call<Capacity>(server, 'plan.capacity', {
        specialistId: ids.absent,
        from: day(monday),
        scale: 'week',
        periods: 1,
      });
      const p = week.periods[0];
      if (p && p.workingDays === 5 && p.holidayDays === 0 && p.absenceDays === 0) {
        absenceStart = day(addDays(monday, 1));
        break;
      }
    }
    expect(absenceStart, 'a full week without holidays in this month').not.toBe('');
    const absenceEnd = day(addDays(parseISO(absenceStart), 2));
    const days = 3;

    await openArea('Specialists');
    await page.getByRole('searchbox', { name: 'Search' }).fill(ABSENT);
    await page.locator('table.ui-table__table tbody tr').filter({ hasText: ABSENT }).getByRole('button', { name: ABSENT }).click();
    const panel = drawer(ABSENT);
    const capacity = panel.getByRole('table', { name: 'Capacity by month' });
    await capacity.waitFor();
    const months = capacity.locator('tbody tr');
    await expect.poll(() => months.count(), poll).toBe(3);
    expect(await months.first().locator('td').first().textContent()).toBe(format(TODAY, 'MMMM yyyy'));
    const cells = async () =>
      Promise.all(
        [0, 1, 2].map(async (i) => ({
          hours: hoursIn(await months.nth(i).getByTestId('capacity-hours').textContent()),
          absent: Number(await months.nth(i).locator('td').nth(3).textContent()),
        })),
      );
    const before = await cells();
    expect(before[0]?.hours).toBeGreaterThan(days * 8);
    expect(before[0]?.absent).toBe(0);

    await panel.getByRole('button', { name: 'Add absence…' }).click();
    await panel.getByLabel('Kind').selectOption({ label: 'Vacation' });
    await panel.getByLabel('From', { exact: true }).fill(absenceStart);
    await panel.getByLabel('To', { exact: true }).fill(absenceEnd);
    await panel.getByLabel('Note').fill('Family wedding');
    await panel.getByRole('button', { name: 'Record absence' }).click();
    await toast('Absence recorded.').waitFor();

    await expect.poll(async () => (await cells())[0], poll).toEqual({ hours: (before[0]?.hours ?? 0) - days * 8, absent: days });
    expect((await cells()).slice(1)).toEqual(before.slice(1));
    const listedAbsence = panel.getByRole('table', { name: 'Time off' }).locator('tbody tr').filter({ hasText: 'Family wedding' });
    expect((await listedAbsence.locator('td').allTextContents()).slice(0, 2)).toEqual([
      'VacationFamily wedding',
      `${format(parseISO(absenceStart), 'd MMM yyyy')} – ${format(parseISO(absenceEnd), 'd MMM yyyy')}`,
    ]);
    const stored = await call<Listed>(server, 'absences.list', { specialistId: ids.absent });
    expect(stored.rows.map((a) => [a.kind, a.startDate, a.endDate])).toEqual([['vacation', absenceStart, absenceEnd]]);
    await dismissToasts(page);
    await screenshot(page, 'specialist-absence');
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'detached' });
  });

  it('exports the plan to Excel with real dates, percentages, frozen headers and filters', async () => {
    await openArea('Allocation plan');
    await openPlanTab('Timeline');
    await timeline().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to Excel' }).click()]);
    const file = join(downloadDir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await toast(`Exported ${download.suggestedFilename()}`).waitFor();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Timeline',
      'Allocations',
      'Absences',
      'Open requests',
      'Roll-off radar',
      'Bench',
      'Capacity forecast',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
    }

    const allocations = workbook.getWorksheet('Allocations');
    if (!allocations) throw new Error('no Allocations sheet');
    expect((allocations.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Specialist',
      'Client',
      'Engagement',
      'Status',
      'Start',
      'End',
      'Load',
    ]);
    const rowOf = (name: string, engagement: string) => {
      for (let r = 2; r <= allocations.rowCount; r++) {
        const row = allocations.getRow(r);
        if (row.getCell(1).value === name && row.getCell(3).value === engagement) return row;
      }
      throw new Error(`no allocation row for ${name} on ${engagement}`);
    };
    // A sample allocation (authored 2024-11-04 to 2027-06-30, full-time, moved with today) …
    const sample = rowOf('Giorgi Beridze', 'Demand forecasting platform');
    const shift = sampleShiftDays(day(TODAY));
    expect(sample.getCell(2).value).toBe('Nordhafen Logistik GmbH');
    expect(sample.getCell(4).value).toBe('Confirmed');
    expect(sample.getCell(5).value).toBeInstanceOf(Date);
    expect((sample.getCell(5).value as Date).toISOString().slice(0, 10)).toBe(shiftSampleDate('2024-11-04', shift));
    expect((sample.getCell(6).value as Date).toISOString().slice(0, 10)).toBe(shiftSampleDate('2027-06-30', shift));
    expect(sample.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(sample.getCell(7).value).toBe(1);
    expect(sample.getCell(7).numFmt).toBe('0%');
    // … and the one this run made by filling the request.
    const filled = rowOf(FILLER, ENGAGEMENT);
    expect((filled.getCell(5).value as Date).toISOString().slice(0, 10)).toBe(REQUEST_START);
    expect((filled.getCell(6).value as Date).toISOString().slice(0, 10)).toBe(ENGAGEMENT_END);

    // Utilisation per period: numbers as percentages under real date headers.
    const utilisation = workbook.getWorksheet('Timeline');
    expect(utilisation?.getRow(1).getCell(4).value).toBeInstanceOf(Date);
    expect(((utilisation?.getRow(1).getCell(4).value as Date) ?? new Date(0)).toISOString().slice(0, 10)).toBe(day(MONDAY));
    expect(utilisation?.views[0]).toMatchObject({ xSplit: 1 });

    const openRequests = workbook.getWorksheet('Open requests');
    const titles = openRequests?.getColumn(1).values.slice(2) ?? [];
    expect(titles).toContain('Senior MLOps engineer — AML monitoring');
    expect(titles).not.toContain(REQUEST_TITLE); // filled, no longer open

    const bench = workbook.getWorksheet('Bench');
    expect(bench?.getColumn(1).values.slice(2)).toEqual(expect.arrayContaining(['Rafael Oliveira', ABSENT]));
    const radar = workbook.getWorksheet('Roll-off radar');
    expect(radar?.getColumn(1).values.slice(2)).toContain(DEDICATED);
    const forecast = workbook.getWorksheet('Capacity forecast');
    expect(forecast?.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(forecast?.getRow(2).getCell(3).numFmt).toBe('0.00');
  });

  it('shows roll-offs and the bench on the radar, and role rows in the capacity forecast', async () => {
    await openArea('Allocation plan');
    await openPlanTab('Roll-off radar');
    const rolling = page.getByRole('table', { name: 'Rolling off' });
    await rolling.waitFor();
    const api = await call<Radar>(server, 'plan.rollOff', { weeks: 6 });
    const names = async (table: typeof rolling) =>
      (await table.locator('tbody tr td:first-child button').allTextContents()).map((t) => t.trim());
    await expect.poll(() => names(rolling), poll).toEqual(api.rollOffs.map((r) => r.specialist.fullName));
    // Set up here to end four weeks out with no follow-on.
    const own = rolling.locator('tbody tr').filter({ hasText: DEDICATED });
    expect(await own.textContent()).toContain(`${CLIENT} — ${ENGAGEMENT}`);
    expect(await own.textContent()).toContain('none planned');
    // The sample's roll-off (authored 11 Dec 2026, 11 to 17 days ahead of today once moved with it).
    expect(await names(rolling)).toContain('Agnieszka Nowak');

    const bench = page.getByRole('table', { name: 'On the bench' });
    await expect.poll(() => names(bench), poll).toEqual(api.bench.map((b) => b.specialist.fullName));
    expect(await names(bench)).toEqual(expect.arrayContaining(['Rafael Oliveira', ABSENT]));
    expect(await bench.locator('tbody tr').filter({ hasText: ABSENT }).textContent()).toContain('never allocated');
    await dismissToasts(page);
    await screenshot(page, 'plan-rolloff', { full: true });

    // A wider radar reaches further.
    await page.getByLabel('Ending within').selectOption({ label: '26 weeks' });
    const wide = await call<Radar>(server, 'plan.rollOff', { weeks: 26 });
    expect(wide.rollOffs.length).toBeGreaterThanOrEqual(api.rollOffs.length);
    await expect.poll(() => names(rolling), poll).toEqual(wide.rollOffs.map((r) => r.specialist.fullName));
    await page.getByLabel('Ending within').selectOption({ label: '6 weeks' });

    await openPlanTab('Capacity forecast');
    const table = page.getByRole('table', { name: 'Capacity forecast' });
    await table.waitFor();
    const forecast = await call<Forecast>(server, 'plan.forecast', { months: 12 });
    const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headers).toHaveLength(13);
    expect(headers[1]).toBe(format(TODAY, 'MMM yyyy'));
    const rowHeaders = (await table.locator('tbody th[scope="row"]').allTextContents()).map((t) => t.trim());
    const roles = [...new Set(forecast.rows.map((r) => r.role))];
    expect(rowHeaders).toEqual([...roles.map((r) => ROLE_LABELS[r]), 'All roles']);
    expect(rowHeaders).toEqual(expect.arrayContaining(['MLOps engineer', 'Data engineer', 'Engagement lead']));
    // The first month's MLOps cell shows what the backend computed: demand / supply.
    const mlops = forecast.rows.find((r) => r.role === 'mlops_engineer' && r.month === forecast.months[0]?.start);
    if (!mlops) throw new Error('no MLOps row in the forecast');
    const mlopsCell = table
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: 'MLOps engineer' }) })
      .locator('td')
      .first();
    expect(await mlopsCell.locator('.forecast__detail').textContent()).toBe(`${mlops.demand.toFixed(1)} / ${mlops.supply.toFixed(1)}`);
    // The gap always carries its sign, with a real minus sign.
    const tenths = Math.round((mlops.supply - mlops.demand) * 10);
    const gap = tenths === 0 ? '0.0' : `${tenths > 0 ? '+' : '\u2212'}${(Math.abs(tenths) / 10).toFixed(1)}`;
    expect(await mlopsCell.locator('.forecast__gap').textContent()).toBe(gap);
    await screenshot(page, 'plan-forecast', { full: true });
  });

  it('logged no uncaught error or console error in the page', () => {
    expect(pageProblems).toEqual([]);
    // Questions are asked in the app's own dialog, never the browser's.
    expect(dialogs).toEqual([]);
  });
});

describe('timeline virtualisation in Chromium', () => {
  let scaleServer: KeelServer;
  let scaleBrowser: Browser;
  let scalePage: Page;
  const scaleDir = makeDataDir('keel-e2e-plan-scale-');
  const scaleProblems: string[] = [];
  const nameOf = (i: number) => `Scale Specialist ${String(i).padStart(3, '0')}`;

  async function addSpecialists(from: number, to: number) {
    const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    for (let i = 0; i < numbers.length; i += 25)
      await Promise.all(
        numbers.slice(i, i + 25).map((n) =>
          call(scaleServer, 'specialists.create', {
            fullName: nameOf(n),
            role: 'mlops_engineer',
            seniority: 'senior',
            homeCountry: 'RO',
            startDate: '2025-01-06',
            status: 'active',
            email: `scale.${n}@plan-e2e.example`,
          }),
        ),
      );
  }

  /** Elements inside the timeline once it shows `people` and has stopped changing. */
  async function timelineNodes(people: number): Promise<number> {
    const grid = scalePage.getByTestId('timeline');
    await grid.locator('.timeline__corner', { hasText: `${people} people · 0 open roles` }).waitFor();
    await grid.getByTestId('timeline-row').first().waitFor();
    const count = () => grid.evaluate((el) => (el as unknown as Box).querySelectorAll('*').length);
    let last = -1;
    await expect
      .poll(async () => {
        const now = await count();
        const settled = now === last;
        last = now;
        return settled;
      }, poll)
      .toBe(true);
    return last;
  }

  beforeAll(async () => {
    scaleServer = await startServer(scaleDir);
    scaleBrowser = await launchChromium();
    const ctx = await scaleBrowser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    scalePage = await ctx.newPage();
    scalePage.setDefaultTimeout(15_000);
    scalePage.on('pageerror', (error) => scaleProblems.push(`uncaught: ${error.message}`));
    scalePage.on('console', (message) => {
      if (message.type() === 'error') scaleProblems.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await scaleBrowser?.close();
    await scaleServer?.stop();
    rmSync(scaleDir, { recursive: true, force: true });
  });

  it('keeps the timeline DOM flat from 50 to 500 specialists and renders the last row when scrolled', async () => {
    await addSpecialists(1, 50);
    await scalePage.goto(scaleServer.url);
    await scalePage.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Allocation plan', exact: true }).click();
    const fifty = await timelineNodes(50);

    await addSpecialists(51, 500);
    await scalePage.reload();
    await scalePage.getByRole('heading', { level: 1, name: 'Allocation plan' }).waitFor();
    const fiveHundred = await timelineNodes(500);
    console.log(
      `timeline DOM nodes: 50 specialists → ${fifty}, 500 specialists → ${fiveHundred} (ratio ${(fiveHundred / fifty).toFixed(2)})`,
    );
    expect(fiveHundred).toBeLessThanOrEqual(fifty * 1.3);
    const grid = scalePage.getByTestId('timeline');
    expect(await grid.getByTestId('timeline-row').count()).toBeLessThan(60);
    await screenshot(scalePage, 'plan-timeline-500');

    // Scrolled to the end, the last person (by name) is drawn, the first is not.
    await grid.evaluate((el) => {
      const box = el as unknown as Box;
      box.scrollTop = box.scrollHeight;
    });
    const last = grid.getByTestId('timeline-row').filter({ has: scalePage.getByRole('button', { name: nameOf(500), exact: true }) });
    await last.waitFor();
    expect(await last.isVisible()).toBe(true);
    expect(await grid.getByRole('button', { name: nameOf(1), exact: true }).count()).toBe(0);
    expect(await grid.evaluate((el) => (el as unknown as Box).querySelectorAll('*').length)).toBeLessThanOrEqual(fifty * 1.3);
    await screenshot(scalePage, 'plan-timeline-500-bottom');
    expect(scaleProblems).toEqual([]);
  });
});
