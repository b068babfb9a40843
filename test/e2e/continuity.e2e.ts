import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ContinuityBoard, ReplacementItem, SlaReport } from '@shared/contract';
import { CLOCK_STATE_LABELS } from '@shared/kernel/businessClock';
import { dateLabel } from '@shared/kernel/dates';
import { format, parseISO } from 'date-fns';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * A replacement SLA as a manager meets it, in a real Chromium against browser
 * mode: a request submitted late on the Friday before Whit Monday (a public
 * holiday in Zurich), its due date, a pause that moves it (and an overlapping
 * one refused), the fulfilment with a hand-over, the quarter's SLA report
 * counting it as met, the report's Excel export re-opened with exceljs, and
 * the board that no longer lists it.
 *
 * Submissions in the future are refused and "today" is the machine's date, so
 * the request is set on a fixed past Friday: 2026-05-22 at 17:45 in Zurich.
 * Worked out by hand, 7 business days after it, skipping Whit Monday 25 May:
 * Tue 26 (1), Wed 27 (2), Thu 28 (3), Fri 29 (4), Mon 1 Jun (5), Tue 2 (6),
 * Wed 3 (7) → due Wed 3 June. Pausing Wed 27–Thu 28 moves it two business
 * days to Fri 5 June. A start on Thu 4 June is then met; the days it took are
 * Tue 26, Fri 29, Mon 1, Tue 2, Wed 3, Thu 4 = 6.
 */

type Row = Record<string, unknown> & { id: string };

const CLIENT = 'Uetliberg Privatbank AG';
const ENGAGEMENT = 'Wealth advisory model operations';
const OUTGOING = 'Lukas Ammann';
const REPLACEMENT = 'Mira Hofstetter';
const SUBMITTED_BY = 'Regula Keller, Head of Data Science';
const NOTES = 'Lukas resigned; the client wants the drift monitoring covered without a gap.';

const SUBMITTED_ON = '2026-05-22';
const SUBMITTED_TIME = '17:45';
/** 17:45 in Zurich in May (CEST, UTC+2). */
const SUBMITTED_AT = '2026-05-22T15:45:00.000Z';
const DUE = '2026-06-03';
const PAUSE = { startDate: '2026-05-27', endDate: '2026-05-28', reason: 'Client postponed the interviews until after its release week.' };
const OVERLAP = { startDate: '2026-05-28', endDate: '2026-05-29', reason: 'Client asked for one more day.' };
const DUE_PAUSED = '2026-06-05';
const START = '2026-06-04';
const OUTGOING_LAST_DAY = '2026-06-05';
const DAYS_TO_FULFIL = 6;
const ENGAGEMENT_END = '2027-12-31';

/** How the UI writes dates (renderer/src/features/continuity/clock.ts). */
const day = (d: string) => format(parseISO(d), 'd MMM yyyy');
const weekdayDay = (d: string) => format(parseISO(d), 'EEE d MMM yyyy');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-continuity-');
const downloadDir = mkdtempSync(join(tmpdir(), 'keel-e2e-continuity-download-'));
const ids = { client: '', engagement: '', outgoing: '', replacement: '', outgoingAllocation: '', request: '' };

const poll = { timeout: 5_000, interval: 50 };
const pageProblems: string[] = [];
const dialogs: string[] = [];

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const toast = (message: string) => page.locator('.toast').filter({ hasText: message });
const drawer = (title: string) => page.getByRole('complementary', { name: title });
const requestDrawer = () => drawer(`Replace ${OUTGOING}`);
const clockPanel = () => requestDrawer().getByRole('region', { name: 'SLA clock' });
/** The value under a figure's label in the clock panel ("Due" → "Wed 3 Jun 2026"). */
const figure = (label: string) =>
  clockPanel()
    .locator('.clock-figure')
    .filter({ has: page.locator('.clock-figure__label').getByText(label, { exact: true }) })
    .locator('.clock-figure__value');
const fetchRequest = () => call<ReplacementItem>(server, 'replacements.get', { id: ids.request });
const isoOf = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : `not a date: ${String(value)}`);

async function openTab(name: 'Board' | 'Replacement requests' | 'SLA report') {
  const tab = page.getByRole('tablist', { name: 'Continuity views' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected'), poll).toBe('true');
}

const specialist = (fullName: string, email: string) => ({
  fullName,
  role: 'mlops_engineer',
  seniority: 'senior',
  homeCountry: 'CH',
  homeSubdivision: 'ZH',
  startDate: '2025-01-06',
  status: 'active',
  email,
});

describe('a replacement SLA in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await openWatchedPage(context, pageProblems, dialogs);

    // The sample gives the board other open promises, so "no longer on it" is checked among others.
    await call(server, 'sample.load', {});
    // No time zone: the holiday calendar's own (Europe/Zurich) applies.
    ids.client = (await call<Row>(server, 'clients.create', { name: CLIENT, country: 'CH', currency: 'CHF', holidayCalendar: 'CH-ZH' })).id;
    ids.engagement = (
      await call<Row>(server, 'engagements.create', {
        clientId: ids.client,
        name: ENGAGEMENT,
        currency: 'CHF',
        startDate: '2026-01-05',
        endDate: ENGAGEMENT_END,
        status: 'active',
        slaBusinessDays: 7,
      })
    ).id;
    ids.outgoing = (await call<Row>(server, 'specialists.create', specialist(OUTGOING, 'lukas.ammann@continuity-e2e.example'))).id;
    ids.replacement = (await call<Row>(server, 'specialists.create', specialist(REPLACEMENT, 'mira.hofstetter@continuity-e2e.example'))).id;
    ids.outgoingAllocation = (
      await call<Row>(server, 'allocations.create', {
        specialistId: ids.outgoing,
        engagementId: ids.engagement,
        startDate: '2026-01-05',
        endDate: '2026-12-31',
        loadPercent: 100,
        status: 'confirmed',
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
    rmSync(downloadDir, { recursive: true, force: true });
    const shots = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    if (shots.length) console.log(`screenshots:\n  ${shots.join('\n  ')}`);
  });

  it('records a request submitted late on the Friday before Whit Monday and shows the due date the backend computed', async () => {
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Continuity & SLAs', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Continuity & SLAs' }).waitFor();
    await openTab('Replacement requests');
    await page.getByRole('button', { name: 'New request', exact: true }).click();

    const form = drawer('New replacement request');
    await form.getByLabel('Engagement').selectOption({ label: `${CLIENT} — ${ENGAGEMENT}` });
    await form
      .locator('#replacement-engagement-hint')
      .getByText(`${CLIENT} · Europe/Zurich · holiday calendar CH-ZH · SLA 7 business days`, { exact: true })
      .waitFor();
    // Those allocated to the engagement are offered first, with their end.
    const leaving = form.getByLabel('Specialist leaving');
    await leaving.locator('option', { hasText: `${OUTGOING} — allocated until 31 Dec 2026` }).waitFor({ state: 'attached' });
    await leaving.selectOption({ label: `${OUTGOING} — allocated until 31 Dec 2026` });
    await form.getByLabel('Reason', { exact: true }).selectOption({ label: 'Resignation' });
    await form.getByLabel('Submitted by').fill(SUBMITTED_BY);
    await form.getByLabel('Submitted on').fill(SUBMITTED_ON);
    await form.getByLabel('Time', { exact: true }).fill(SUBMITTED_TIME);
    await form.getByLabel('Notes').fill(NOTES);
    expect(await text(form.locator('.submitted-at__zone'))).toContain(
      'In the client’s time zone: Europe/Zurich (its holiday calendar CH-ZH’s; set another on the client if it is elsewhere).',
    );
    await dismissToasts(page);
    await screenshot(page, 'continuity-new-request');
    await form.getByRole('button', { name: 'Record request' }).click();

    await toast(`Recorded the request to replace ${OUTGOING}: due ${day(DUE)}.`).waitFor();
    const request = requestDrawer();
    await request.waitFor();

    // What the backend stored and computed.
    const listed = await call<{ rows: ReplacementItem[] }>(server, 'replacements.list', { state: 'all', engagementId: ids.engagement });
    expect(listed.rows).toHaveLength(1);
    ids.request = listed.rows[0]?.id ?? '';
    const api = await fetchRequest();
    expect(api).toMatchObject({
      engagementId: ids.engagement,
      outgoingSpecialistId: ids.outgoing,
      outgoingAllocationId: ids.outgoingAllocation,
      reason: 'resignation',
      submittedBy: SUBMITTED_BY,
      notes: NOTES,
      status: 'open',
      timeZone: 'Europe/Zurich',
      holidayCalendar: 'CH-ZH',
      slaBusinessDays: 7,
      submittedOn: SUBMITTED_ON,
      submittedTime: SUBMITTED_TIME,
    });
    expect(new Date(api.submittedAt).toISOString()).toBe(SUBMITTED_AT);
    expect(api.clock).toMatchObject({ submittedOn: SUBMITTED_ON, allowance: 7, dueDate: DUE, pausedDays: 0 });

    // The drawer shows exactly that.
    expect(await text(figure('Due'))).toBe('Wed 3 Jun 2026');
    expect(await text(figure('Due'))).toBe(weekdayDay(api.clock.dueDate));
    expect(await text(figure('Used'))).toBe(`${api.clock.elapsed} of 7`);
    expect(await text(figure('Paused'))).toBe('0');
    expect(await text(clockPanel().locator('.ui-badge'))).toBe(CLOCK_STATE_LABELS[api.clock.state]);
    expect(await text(clockPanel().locator('.clock-panel__basis'))).toBe(
      'SLA 7 business days · holiday calendar CH-ZH · Europe/Zurich · counted from the day after Fri 22 May 2026',
    );
    const facts = request.locator('.replacement__facts');
    expect(await text(facts)).toContain(`Submitted22 May 2026 at 17:45 (Europe/Zurich) by ${SUBMITTED_BY}`);
    expect(await text(facts)).toContain('ReasonResignation');
    expect(await text(facts)).toContain(`Leaving${OUTGOING} · allocated 5 Jan 2026 to 31 Dec 2026 at 100%`);
    await dismissToasts(page);
    await screenshot(page, 'continuity-request-due', { full: true });
  });

  it('pauses the clock for two business days, moving the due date, and refuses an overlapping pause', async () => {
    const request = requestDrawer();
    const pauses = request.getByRole('region', { name: 'Pauses' });
    await pauses.getByRole('button', { name: 'Add pause…' }).click();
    const add = pauses.getByRole('form', { name: 'Pause the clock' });
    await add.getByLabel('From', { exact: true }).fill(PAUSE.startDate);
    await add.getByLabel('To (inclusive)').fill(PAUSE.endDate);
    await add.getByLabel('Reason (the client-side wait)').fill(PAUSE.reason);
    await add.getByRole('button', { name: 'Add pause' }).click();

    await toast(`Clock paused. Due ${day(DUE_PAUSED)}.`).waitFor();
    await add.waitFor({ state: 'detached' });
    const paused = await fetchRequest();
    expect(paused.pauses.map((p) => [p.startDate, p.endDate, p.reason])).toEqual([[PAUSE.startDate, PAUSE.endDate, PAUSE.reason]]);
    expect(paused.clock).toMatchObject({ dueDate: DUE_PAUSED, pausedDays: 2 });
    await expect.poll(() => text(figure('Due')), poll).toBe('Fri 5 Jun 2026');
    expect(await text(figure('Due'))).toBe(weekdayDay(paused.clock.dueDate));
    expect(await text(figure('Paused'))).toBe(String(paused.clock.pausedDays));
    const item = pauses.locator('.item-list__item');
    expect(await item.count()).toBe(1);
    expect(await text(item.locator('.item-list__title'))).toBe('27 May 2026 – 28 May 2026');
    expect(await text(item.locator('.item-list__sub'))).toBe(PAUSE.reason);
    await dismissToasts(page);
    await screenshot(page, 'continuity-paused', { full: true });

    // A second pause overlapping the first: refused in words, nothing added, the due date unchanged.
    await pauses.getByRole('button', { name: 'Add pause…' }).click();
    await add.getByLabel('From', { exact: true }).fill(OVERLAP.startDate);
    await add.getByLabel('To (inclusive)').fill(OVERLAP.endDate);
    await add.getByLabel('Reason (the client-side wait)').fill(OVERLAP.reason);
    await add.getByRole('button', { name: 'Add pause' }).click();
    const refusal = add.locator('.form__error[role="alert"]');
    await refusal.waitFor();
    expect(await text(refusal)).toBe(
      `The pause from ${dateLabel(OVERLAP.startDate)} to ${dateLabel(OVERLAP.endDate)} overlaps the pause from ${dateLabel(PAUSE.startDate)} to ${dateLabel(PAUSE.endDate)}; change that pause instead.`,
    );
    const after = await fetchRequest();
    expect(after.pauses).toEqual(paused.pauses);
    expect(after.clock.dueDate).toBe(DUE_PAUSED);
    expect(after.updatedAt).toBe(paused.updatedAt);
    expect(await item.count()).toBe(1);
    expect(await text(figure('Due'))).toBe('Fri 5 Jun 2026');
    await dismissToasts(page);
    await screenshot(page, 'continuity-pause-overlap', { full: true });
    await add.getByRole('button', { name: 'Cancel', exact: true }).click();
    await add.waitFor({ state: 'detached' });

    // Still open, so it is one of the promises on the board.
    const board = await call<ContinuityBoard>(server, 'continuity.board', {});
    expect(board.promises.map((p) => p.id)).toContain(ids.request);
  });

  it('fulfils it with a replacement starting after the original due date but before the paused one: met, with a hand-over', async () => {
    const request = requestDrawer();
    await request.getByRole('button', { name: 'Fulfil…' }).click();
    const form = request.getByRole('form', { name: 'Fulfil the request' });
    expect(await text(form.locator('.form__note').first())).toBe(
      'Due Fri 5 Jun 2026: a replacement starting on or before it meets the SLA.',
    );
    await form.getByLabel('Replacement specialist').selectOption({ label: REPLACEMENT });
    await form.getByLabel('Start date', { exact: true }).fill(START);
    const lastDay = form.getByLabel(`${OUTGOING}’s last day`);
    // Offered: the day before the replacement starts (no overlap); the manager keeps two days of hand-over instead.
    expect(await lastDay.inputValue()).toBe('3 Jun 2026');
    await lastDay.fill(OUTGOING_LAST_DAY);
    await form.getByText('Hand-over: 2 days with both on the engagement.', { exact: true }).waitFor();
    expect(await text(form.locator('#fulfil-end-hint'))).toBe(`Empty: when the engagement ends (${day(ENGAGEMENT_END)}).`);
    // On time: no late reason is asked for.
    expect(await form.getByLabel('Reason for the late start').count()).toBe(0);
    await dismissToasts(page);
    await screenshot(page, 'continuity-fulfil-form', { full: true });
    await form.getByRole('button', { name: 'Fulfil request' }).click();

    await toast(`Fulfilled: ${REPLACEMENT} starts ${day(START)}, 2 days of hand-over — SLA met.`).waitFor();
    const api = await fetchRequest();
    expect(api).toMatchObject({
      status: 'fulfilled',
      replacementSpecialistId: ids.replacement,
      replacementSpecialistName: REPLACEMENT,
      replacementStartDate: START,
      lateReason: '',
      handoverDays: 2,
    });
    expect(api.clock).toMatchObject({ state: 'met', dueDate: DUE_PAUSED, elapsed: DAYS_TO_FULFIL, remaining: 1, late: 0, pausedDays: 2 });
    expect(api.replacementAllocation).toMatchObject({
      specialistId: ids.replacement,
      engagementId: ids.engagement,
      startDate: START,
      endDate: ENGAGEMENT_END,
      loadPercent: 100,
      status: 'confirmed',
    });
    expect(api.outgoingAllocation).toMatchObject({ id: ids.outgoingAllocation, endDate: OUTGOING_LAST_DAY });

    const outcome = request.locator('.replacement__outcome');
    await outcome.waitFor();
    expect(await text(outcome.locator('strong'))).toBe(`${REPLACEMENT} started on 4 Jun 2026 — SLA met, 1 business day to spare.`);
    expect((await outcome.locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      `${OUTGOING}: allocation ends 5 Jun 2026`,
      `${REPLACEMENT}: allocated 4 Jun 2026 to 31 Dec 2027 at 100%`,
      'Hand-over: 2 days of overlap',
    ]);
    await expect.poll(() => text(clockPanel().locator('.ui-badge')), poll).toBe(CLOCK_STATE_LABELS[api.clock.state]);
    expect(await text(clockPanel().locator('.ui-badge'))).toBe('Met');
    expect(await text(figure('Took'))).toBe(`${api.clock.elapsed} of 7`);
    expect(await text(figure('To spare'))).toBe(String(api.clock.remaining));
    expect(await text(figure('Due'))).toBe('Fri 5 Jun 2026');
    expect(await text(clockPanel().locator('.clock-panel__basis'))).toContain(
      'counted from the day after Fri 22 May 2026 to Thu 4 Jun 2026',
    );
    // Closed: no more actions, and its pauses are final.
    expect(await request.getByRole('button', { name: 'Fulfil…' }).count()).toBe(0);
    expect(await request.getByRole('button', { name: 'Add pause…' }).count()).toBe(0);
    await dismissToasts(page);
    await screenshot(page, 'continuity-fulfilled', { full: true });
  });

  it('counts it as met in the Q2 2026 SLA report, with the days to fulfil the clock counted', async () => {
    await openTab('SLA report');
    await requestDrawer().waitFor({ state: 'detached' });
    await page.getByLabel('Year', { exact: true }).selectOption('2026');
    await page.getByRole('group', { name: 'Quarter' }).getByRole('button', { name: 'Q2', exact: true }).click();
    await page.locator('.list-status', { hasText: 'Requests submitted in Q2 2026 (1 Apr 2026 – 30 Jun 2026)' }).waitFor();

    const clock = (await fetchRequest()).clock;
    const report = await call<SlaReport>(server, 'continuity.report', { year: 2026, quarter: 2 });
    const apiRow = report.clients.find((c) => c.clientId === ids.client);
    expect(apiRow).toMatchObject({
      clientName: CLIENT,
      requests: 1,
      met: 1,
      breached: 0,
      open: 0,
      cancelled: 0,
      metPercent: 100,
      medianDaysToFulfil: clock.elapsed,
      worstDaysToFulfil: clock.elapsed,
    });
    expect(clock.elapsed).toBe(DAYS_TO_FULFIL);
    expect(report.breaches.map((b) => b.id)).not.toContain(ids.request);

    const row = page.locator('table.sla-table tbody tr').filter({ hasText: CLIENT });
    expect(await row.count()).toBe(1);
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      CLIENT,
      '1',
      '1',
      '0',
      '0',
      '0',
      '100%',
      `${clock.elapsed} business days`,
      `${clock.elapsed} business days`,
    ]);
    // The request in the quarter's detail: due, met, in how many days.
    const detail = page.locator('table.requests tbody tr').filter({ hasText: OUTGOING });
    expect(await detail.count()).toBe(1);
    const cells = (await detail.locator('td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(cells[3]).toBe('Fri 5 Jun 2026');
    expect(cells[4]).toBe('Met');
    expect(cells[5]).toBe(`Met in ${clock.elapsed} of 7 business days`);
    expect(await page.locator('.breaches').filter({ hasText: OUTGOING }).count()).toBe(0);
    await dismissToasts(page);
    await screenshot(page, 'continuity-report', { full: true });
  });

  it('exports the report to Excel with the client’s figures and the request’s real due date', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('keel-sla-2026-Q2.xlsx');
    const file = join(downloadDir, download.suggestedFilename());
    await download.saveAs(file);
    await toast('Exported keel-sla-2026-Q2.xlsx').waitFor();

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Requests', 'Breaches', 'About']);
    const sheet = (name: string) => {
      const found = book.getWorksheet(name);
      if (!found) throw new Error(`no ${name} sheet`);
      return found;
    };
    const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
    /** The first data row whose Client column is ours. */
    const clientRow = (ws: ExcelJS.Worksheet) => {
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === CLIENT) return ws.getRow(r);
      return null;
    };

    const summary = sheet('Summary');
    expect(header(summary)).toEqual([
      'Client',
      'Requests',
      'Met',
      'Breached',
      'Open',
      'Cancelled',
      'Met %',
      'Median business days to fulfil',
      'Worst business days to fulfil',
    ]);
    const ours = clientRow(summary);
    if (!ours) throw new Error(`no Summary row for ${CLIENT}`);
    expect((ours.values as unknown[]).slice(1)).toEqual([CLIENT, 1, 1, 0, 0, 0, 1, DAYS_TO_FULFIL, DAYS_TO_FULFIL]);
    expect(ours.getCell(7).numFmt).toBe('0%');

    const requests = sheet('Requests');
    const columns = header(requests);
    const cell = (row: ExcelJS.Row, name: string) => {
      const index = columns.indexOf(name);
      if (index < 0) throw new Error(`no ${name} column in Requests`);
      return row.getCell(index + 1);
    };
    const detail = clientRow(requests);
    if (!detail) throw new Error(`no Requests row for ${CLIENT}`);
    expect(cell(detail, 'Engagement').value).toBe(ENGAGEMENT);
    expect(cell(detail, 'Outgoing specialist').value).toBe(OUTGOING);
    expect(cell(detail, 'Reason').value).toBe('Resignation');
    // The client's wall-clock time, with its zone beside it.
    expect((cell(detail, 'Submitted (client time)').value as Date).toISOString()).toBe('2026-05-22T17:45:00.000Z');
    expect(cell(detail, 'Time zone').value).toBe('Europe/Zurich');
    expect(cell(detail, 'Submitted by').value).toBe(SUBMITTED_BY);
    expect(cell(detail, 'SLA (business days)').value).toBe(7);
    expect(cell(detail, 'Paused business days').value).toBe(2);
    const due = cell(detail, 'Due date');
    expect(due.value).toBeInstanceOf(Date);
    expect(isoOf(due.value)).toBe(DUE_PAUSED);
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect(cell(detail, 'Replacement').value).toBe(REPLACEMENT);
    expect(isoOf(cell(detail, 'Replacement start').value)).toBe(START);
    expect(cell(detail, 'Business days to fulfil').value).toBe(DAYS_TO_FULFIL);
    expect(cell(detail, 'State').value).toBe('Met');
    expect(cell(detail, 'Business days late').value).toBe(0);
    expect(cell(detail, 'Late or cancel reason').value).toBeNull();

    expect(clientRow(sheet('Breaches'))).toBeNull();
  });

  it('no longer lists the fulfilled request on the board of open promises', async () => {
    await openTab('Board');
    const board = await call<ContinuityBoard>(server, 'continuity.board', {});
    expect(board.promises.map((p) => p.id)).not.toContain(ids.request);
    expect(board.promises.filter((p) => p.kind === 'replacement').length).toBeGreaterThan(0);
    const status = `${board.promises.length} open ${board.promises.length === 1 ? 'promise' : 'promises'}, least time left first`;
    await page.locator('.list-status', { hasText: status }).waitFor();
    const titles = async () => (await page.locator('table.board tbody tr td:nth-child(2) button').allTextContents()).map((t) => t.trim());
    await expect.poll(titles, poll).toEqual(board.promises.map((p) => p.title));
    // The sample's open replacements are there; ours is not, and neither is its client.
    expect(await titles()).toContain('Replace Agnieszka Nowak');
    expect(await titles()).not.toContain(`Replace ${OUTGOING}`);
    expect(await page.locator('table.board tbody tr').filter({ hasText: CLIENT }).count()).toBe(0);
    await dismissToasts(page);
    await screenshot(page, 'continuity-board', { full: true });
  });

  it('logged no uncaught error or console error in the page, and asked nothing', () => {
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
