import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CalendarOccurrence, CeremonySeries, EngagementRhythm, ListResult } from '@shared/contract';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten, seriousViolations } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * The operating rhythm as an engagement manager keeps it, in a real Chromium against browser mode with the sample
 * dataset: a bi-weekly model review planned from October (across the end of summer time in Zurich), one occurrence
 * cancelled, one moved, one recorded with a decision and an action item that the next occurrence carries, the
 * first left unrecorded and so missed, the series changed "this and following", and the engagement's calendar
 * file downloaded and read back with ical.js.
 */

const ENGAGEMENT = 'Credit risk model operations';
const TITLE = 'Scorecard bi-weekly review';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-ceremonies-');
const downloadDir = mkdtempSync(join(tmpdir(), 'keel-e2e-ceremonies-download-'));
const pageProblems: string[] = [];
const dialogs: string[] = [];
let engagementId = '';
let series: CeremonySeries | undefined;

async function shot(name: string, full = false) {
  await dismissToasts(page);
  await screenshot(page, name, { full });
}

const drawer = () => page.locator('aside.drawer');

const calendarOf = (from: string, to: string) => call<CalendarOccurrence[]>(server, 'ceremonies.calendar', { from, to, engagementId });
const ours = async (from: string, to: string) => (await calendarOf(from, to)).filter((o) => o.title === TITLE);

/** Opens an occurrence of the review from the calendar's week view. */
async function openOccurrence(date: string) {
  await page.goto(`${server.url.split('?')[0]}#/ceremonies?view=week&day=${date}&engagement=${engagementId}`);
  const chip = page.locator('.cer-chip', { hasText: TITLE }).first();
  await chip.waitFor({ timeout: 10_000 });
  await chip.click();
  await drawer().getByRole('heading', { name: TITLE }).waitFor();
}

describe('ceremonies in Chromium (browser mode)', () => {
  beforeAll(async () => {
    // The dates below are written out, so the server's clock starts on Sunday 6 December 2026 whatever the day.
    server = await startServer(dataDir, 20_000, { clockAhead: '@2026-12-06 10:00:00' });
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'en-GB',
      timezoneId: 'Europe/Zurich',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    page = await openWatchedPage(context, pageProblems, dialogs);
    await call(server, 'sample.load', {});
    const engagements = await call<ListResult<{ id: string; name: string }>>(server, 'engagements.list', {});
    engagementId = engagements.rows.find((e) => e.name === ENGAGEMENT)?.id ?? '';
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

  it('plans a bi-weekly Thursday review from 15 October that keeps 10:00 in Zurich across the end of summer time', async () => {
    await page.getByRole('link', { name: /Ceremonies/ }).click();
    await page.getByLabel('Engagement', { exact: true }).selectOption({ label: ENGAGEMENT });
    await page.getByRole('tab', { name: 'Series' }).click();
    await page.getByRole('button', { name: 'Plan a ceremony' }).click();
    const form = drawer();
    await form.getByLabel('Type').selectOption({ label: 'Model performance review' });
    await form.getByLabel('Title').fill(TITLE);
    await form.getByLabel('First date').fill('2026-10-15');
    await form.getByLabel('First date').blur();
    await form.getByLabel('Time (Europe/Zurich)').fill('10:00');
    await form.getByLabel('Repeats').selectOption({ label: 'Weekly, or every few weeks' });
    await form.getByLabel('Every how many weeks').fill('2');
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) {
      const box = form.getByRole('checkbox', { name: day, exact: true });
      if ((await box.isChecked()) !== (day === 'Thu')) await box.click();
    }
    await form.getByLabel('Role of Andrei Popescu').selectOption('accountable');
    await form.getByRole('checkbox', { name: 'Retail credit PD scorecard' }).check();
    await expect.poll(() => form.locator('.cer-recurrence__rule').textContent()).toContain('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    await shot('ceremonies-plan');
    await form.getByRole('button', { name: 'Plan it' }).click();
    await page.locator('.cer-series__table').getByText(TITLE).waitFor();

    const list = await call<CeremonySeries[]>(server, 'ceremonies.list', { engagementId });
    series = list.find((s) => s.title === TITLE);
    expect(series?.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    const october = await ours('2026-10-01', '2026-11-30');
    expect(october.map((o) => [o.date, o.time, o.startsAt.slice(11, 16)])).toEqual([
      ['2026-10-15', '10:00', '08:00'],
      ['2026-10-29', '10:00', '09:00'],
      ['2026-11-12', '10:00', '09:00'],
      ['2026-11-26', '10:00', '09:00'],
    ]);
    // The month view shows both October occurrences at 10:00.
    await page.goto(`${server.url.split('?')[0]}#/ceremonies?day=2026-10-15&engagement=${engagementId}`);
    const chips = page.locator('.cer-chip', { hasText: TITLE });
    await expect.poll(() => chips.count(), { timeout: 10_000 }).toBe(2);
    expect(await chips.allTextContents()).toEqual([expect.stringContaining('10:00'), expect.stringContaining('10:00')]);
    await shot('ceremonies-month');
  });

  it('cancels one occurrence and moves another from its drawer', async () => {
    await openOccurrence('2026-11-12');
    await drawer().getByRole('button', { name: 'Cancel this occurrence' }).first().click();
    await drawer().getByLabel('Why (optional)').fill('Client offsite');
    await drawer().locator('form').getByRole('button', { name: 'Cancel this occurrence' }).click();
    await drawer().getByText('Cancelled', { exact: true }).first().waitFor();

    await openOccurrence('2026-11-26');
    await drawer().getByRole('button', { name: 'Move this occurrence' }).click();
    await drawer().getByLabel('New date').fill('2026-11-27');
    await drawer().getByLabel('New date').blur();
    await drawer().getByLabel('New time (Europe/Zurich)').fill('14:00');
    await drawer().getByRole('button', { name: 'Move it' }).click();
    await drawer()
      .getByText(/moved from 2026-11-26 10:00/)
      .waitFor();

    const after = await ours('2026-11-01', '2026-11-30');
    expect(after.map((o) => [o.key, o.date, o.time, o.cancelled, o.moved])).toEqual([
      ['2026-11-12T10:00', '2026-11-12', '10:00', true, false],
      ['2026-11-26T10:00', '2026-11-27', '14:00', false, true],
    ]);
  });

  it('records an occurrence with a decision and an action item, and the next occurrence carries the item', async () => {
    await openOccurrence('2026-10-29');
    const d = drawer();
    await d.getByRole('radio', { name: 'Held', exact: true }).check();
    await d.getByLabel('Notes', { exact: true }).fill('AUC stable; overrides up in two branches.');
    await d.getByRole('button', { name: 'Add a decision' }).click();
    await d.getByLabel('Decision 1', { exact: true }).fill('Recalibrate the scorecard before year end');
    await d.getByRole('button', { name: 'Record' }).click();
    await d.getByText('Held', { exact: true }).first().waitFor();
    await d.getByRole('button', { name: 'Add an action item' }).click();
    await d.getByLabel('What', { exact: true }).fill('Prepare the recalibration plan');
    await d.getByLabel('Owner', { exact: true }).selectOption({ label: 'Andrei Popescu' });
    await d.getByLabel('Due', { exact: true }).fill('2026-11-20');
    await d.getByLabel('Due', { exact: true }).blur();
    await d.getByRole('button', { name: 'Add the action item' }).click();
    await d.locator('.cer-action', { hasText: 'Prepare the recalibration plan' }).waitFor();
    await shot('ceremonies-drawer-recorded', true);

    await openOccurrence('2026-11-26');
    await drawer().locator('.cer-action', { hasText: 'Prepare the recalibration plan' }).waitFor();
    expect(await drawer().locator('.cer-action', { hasText: 'Prepare the recalibration plan' }).textContent()).toContain('Overdue');
  });

  it('shows the first occurrence, never recorded, as missed on the engagement and on the model', async () => {
    await page.goto(`${server.url.split('?')[0]}#/ceremonies?tab=health&engagement=${engagementId}`);
    const card = page.locator('.cer-health__card', { hasText: ENGAGEMENT });
    await card.locator('.cer-findings li', { hasText: `${TITLE}, Thu 15 Oct 2026 10:00` }).waitFor({ timeout: 10_000 });
    expect(await card.locator('.cer-findings li', { hasText: `${TITLE}, Thu 15 Oct 2026 10:00` }).textContent()).toContain('not recorded');
    const health = await call<EngagementRhythm[]>(server, 'ceremonies.health', {});
    const missed = health.find((h) => h.engagementId === engagementId)?.missed.filter((m) => m.title === TITLE) ?? [];
    expect(missed.map((m) => m.key)).toContain('2026-10-15T10:00');
    expect(missed.map((m) => m.key)).not.toContain('2026-10-29T10:00');
    await shot('ceremonies-health', true);
  });

  it('changes the series "this and following" from 10 December: 11:00 from there, the history untouched', async () => {
    await openOccurrence('2026-12-10');
    await drawer().getByRole('button', { name: 'Change this and following…' }).click();
    await drawer().getByLabel('Time (Europe/Zurich)').fill('11:00');
    await drawer().getByRole('button', { name: 'Change from here on' }).click();
    await expect
      .poll(async () => (await ours('2026-12-01', '2027-01-31')).map((o) => `${o.date} ${o.time}`), { timeout: 10_000 })
      .toEqual(['2026-12-10 11:00', '2026-12-24 11:00', '2027-01-07 11:00', '2027-01-21 11:00']);
    const history = await ours('2026-10-01', '2026-11-30');
    expect(history.map((o) => `${o.date} ${o.time}`)).toEqual([
      '2026-10-15 10:00',
      '2026-10-29 10:00',
      '2026-11-12 10:00',
      '2026-11-27 14:00',
    ]);
  });

  it('downloads the engagement’s calendar file, which ical.js expands to Keel’s occurrences across daylight saving', async () => {
    await page.goto(`${server.url.split('?')[0]}#/ceremonies?tab=series&engagement=${engagementId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the engagement’s calendar (.ics)' }).click(),
    ]);
    const path = join(downloadDir, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const text = readFileSync(path, 'utf8');
    const root = new ICAL.Component(ICAL.parse(text));
    for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const events = root.getAllSubcomponents('vevent');
    const all = await call<CeremonySeries[]>(server, 'ceremonies.list', { engagementId });
    const ourSeries = all.filter((s) => s.title === TITLE);
    expect(ourSeries).toHaveLength(2);
    const until = ICAL.Time.fromJSDate(new Date('2027-05-01T00:00:00Z'), true);
    const fromFile: string[] = [];
    for (const s of ourSeries) {
      const master = events.find((e) => e.getFirstPropertyValue('uid') === s.uid && !e.hasProperty('recurrence-id'));
      expect(master).toBeDefined();
      const event = new ICAL.Event(master);
      for (const o of events.filter((e) => e.getFirstPropertyValue('uid') === s.uid && e.hasProperty('recurrence-id')))
        event.relateException(o);
      const it = event.iterator();
      for (let next = it.next(); next && next.compare(until) < 0; next = it.next())
        fromFile.push(event.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
    }
    const keel: string[] = [];
    for (const [from, to] of [
      ['2026-10-01', '2026-12-31'],
      ['2027-01-01', '2027-03-31'],
      ['2027-04-01', '2027-04-30'],
    ] as const)
      keel.push(...(await ours(from, to)).filter((o) => !o.cancelled).map((o) => o.startsAt));
    expect(fromFile.sort()).toEqual(keel.sort());
    // Both sides of each change: 08:00 UTC in October (summer time), 09:00 in winter, 09:00 UTC again from 1 April 2027 (11:00 summer time).
    expect(fromFile).toContain('2026-10-15T08:00:00.000Z');
    expect(fromFile).toContain('2027-01-07T10:00:00.000Z');
    expect(fromFile).toContain('2027-04-01T09:00:00.000Z');
    expect(fromFile).toContain('2026-11-27T13:00:00.000Z');
    expect(fromFile).not.toContain('2026-11-12T09:00:00.000Z');
  });

  it('exports the client’s occurrences with outcomes and the action items as a workbook that reopens', async () => {
    await page.goto(`${server.url.split('?')[0]}#/ceremonies?tab=series&engagement=${engagementId}`);
    await page.getByLabel('Occurrences from').fill('2026-10-01');
    await page.getByLabel('to', { exact: true }).fill('2026-12-31');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workbook' }).click()]);
    const path = join(downloadDir, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toBe('ceremonies-alpenbank-privatbank-ag-2026-10-01-2026-12-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Occurrences', 'Action items']);
    const rows: string[] = [];
    book.getWorksheet('Occurrences')?.eachRow((row, n) => {
      if (n > 1 && row.getCell(5).value === TITLE) rows.push(`${row.getCell(2).value} ${row.getCell(7).value} ${row.getCell(11).value}`);
    });
    expect(rows).toContain('10:00 Held Recalibrate the scorecard before year end');
    const actions: string[] = [];
    book.getWorksheet('Action items')?.eachRow((row, n) => {
      if (n > 1) actions.push(String(row.getCell(3).value));
    });
    expect(actions).toContain('Prepare the recalibration plan');
  });

  it('passes axe (WCAG 2.2 AA, nothing serious) on the month, week and agenda views, the drawer, the series and the health', async () => {
    const base = `${server.url.split('?')[0]}#/ceremonies?engagement=${engagementId}`;
    const found: string[] = [];
    for (const address of [
      `${base}&day=2026-12-06`,
      `${base}&view=week&day=2026-12-06`,
      `${base}&view=agenda&day=2026-12-01`,
      `${base}&tab=series`,
      `${base}&tab=health`,
      `${base}&tab=actions`,
    ]) {
      await page.goto(address);
      await page.locator('.cer-calendar, .cer-series__table, .cer-health__card, .cer-actions-view').first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300);
      found.push(...(await seriousViolations(page)).map((v) => `${address.split('#')[1]}: ${v}`));
    }
    await openOccurrence('2026-11-26');
    found.push(...(await seriousViolations(page)).map((v) => `drawer: ${v}`));
    expect(found).toEqual([]);
  });

  it('logged no uncaught error or console error, and asked nothing in a browser dialog', () => {
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
