import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { addDays, addMonths, endOfMonth, format, parseISO, startOfISOWeek, startOfMonth, subMonths } from 'date-fns';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * Hours & billing as finance meets it, in a real Chromium against browser mode:
 * a week typed into the timesheet grid from the keyboard (and a bad value
 * refused inline), last month's review checked against hand-computed money,
 * approved and invoiced, the finance workbook downloaded and re-opened with
 * exceljs, and the invoiced week locked in the grid and through the API.
 *
 * "Today" is the machine's date, so the records are made here, relative to it,
 * and the week is taken from the previous month (a month that has started can
 * be approved; last month keeps it clear).
 */

type Row = Record<string, unknown> & { id: string };
type Cell = { minutes: number; entryIds: string[]; note: string };
type Week = {
  days: { date: string; weekend: boolean; holiday: string | null; absence: string | null }[];
  rows: { engagementId: string; activity: string; cells: Record<string, Cell>; totalMinutes: number }[];
  dayTotals: Record<string, number>;
  totalMinutes: number;
};
type Line = { specialistName: string; hourlyRateMinor: number; minutes: number; billedMinutes: number; amountMinor: number };
type Figures = { minutes: number; billedMinutes: number; netMinor: number; vatBasisPoints: number; vatMinor: number; grossMinor: number };
type Invoice = Figures & { id: string; number: string; status: string; lines: Line[] };
type Review = {
  state: { status: 'open' | 'approved' | 'invoiced' };
  canApprove: boolean;
  warnings: { severity: 'error' | 'warning'; message: string }[];
  invoice: Figures & { lines: Line[] };
  issued: Invoice | null;
};
type Refusal = { ok: false; error: { code: string; message: string } };
type FormulaValue = { formula?: string; sharedFormula?: string; result?: unknown };

const day = (d: Date) => format(d, 'yyyy-MM-dd');
const TODAY = new Date();
const LAST_MONTH_START = startOfMonth(subMonths(TODAY, 1));
const LAST_MONTH = format(LAST_MONTH_START, 'yyyy-MM');
const LAST_MONTH_LABEL = format(LAST_MONTH_START, 'MMMM yyyy');

const CLIENT = 'Lindenhof Rückversicherung AG';
const ENGAGEMENT = 'Reinsurance pricing model operations';
const SPECIALIST = 'Aurelia Brunner';
const EMAIL = 'aurelia.brunner@hours-e2e.example';
const ENGAGEMENT_START = day(startOfMonth(subMonths(TODAY, 4)));
const ENGAGEMENT_END = day(endOfMonth(addMonths(TODAY, 6)));

/**
 * The money, worked out by hand. 450+450+450+480+390 = 2,220 min = 37 h at
 * CHF 145.00/h: net = 2220 × 14500 ÷ 60 = 536,500 rappen (exact). VAT 8.1% =
 * 536,500 × 810 ÷ 10,000 = 43,456.5 — a tie, so the rounding rule decides:
 * half away from zero gives 43,457 (banker's rounding or truncation would
 * give 43,456). Gross = 536,500 + 43,457 = 579,957.
 */
const RATE_MINOR = 14_500;
const VAT_BP = 810;
const TYPED = ['7.5', '7:30', '450m', '8', '6h30'];
const MINUTES = [450, 450, 450, 480, 390];
const SHOWN = ['7:30', '7:30', '7:30', '8:00', '6:30'];
const TOTAL_MINUTES = 2220;
const NET = 536_500;
const VAT = 43_457;
const GROSS = 579_957;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-hours-');
const downloadDir = mkdtempSync(join(tmpdir(), 'keel-e2e-hours-download-'));
const ids = { client: '', engagement: '', specialist: '', model: '' };
/** A model the engagement runs: hours on it are logged this month (last month is invoiced by then). */
const MODEL = 'Treaty pricing GBM';
/** Monday to Sunday of the chosen week, all in last month. */
let dates: string[] = [];
let invoiceNumber = '';

const poll = { timeout: 5_000, interval: 50 };
const pageProblems: string[] = [];
const dialogs: string[] = [];

const toast = (text: string) => page.locator('.toast').filter({ hasText: text });
const reviewDrawer = () => page.getByRole('complementary', { name: `${ENGAGEMENT} · ${LAST_MONTH_LABEL}` });
const grid = () => page.getByRole('table', { name: `Hours of ${SPECIALIST}, week of ${dates[0]}` });
const cellLabel = (date: string) => `${format(parseISO(date), 'EEE d MMM')} · ${ENGAGEMENT} · Operate & monitoring`;
const cell = (date: string) => grid().getByRole('textbox', { name: cellLabel(date), exact: true });
/** The DOM members used inside evaluate (the Node tsconfig has no DOM types). */
type Focusable = { ownerDocument: { activeElement: unknown } };
const isFocused = (locator: Locator) => locator.evaluate((el) => (el as unknown as Focusable).ownerDocument.activeElement === el);
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const week = () => call<Week>(server, 'time.week', { specialistId: ids.specialist, weekStart: dates[0] });
const review = () => call<Review>(server, 'months.review', { engagementId: ids.engagement, month: LAST_MONTH });
/** Minutes the backend holds per day of the week (0 when the cell is empty). */
const storedMinutes = async () => {
  const w = await week();
  return dates.map((d) => w.rows.reduce((sum, r) => sum + (r.cells[d]?.minutes ?? 0), 0));
};
const lockSentence = `${LAST_MONTH_LABEL} of ${ENGAGEMENT} is invoiced, so its hours are locked. Cancel the invoice (with a reason) in Month close to reopen it.`;

/** Posts a procedure and returns the raw answer, refusals included (support/server's `call` throws on them). */
async function raw(name: string, input: unknown): Promise<{ status: number; body: Refusal | { ok: true; value: unknown } }> {
  const response = await fetch(`${server.baseUrl}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Refusal | { ok: true; value: unknown } };
}

async function openTab(name: 'Timesheet' | 'Month view' | 'Month close') {
  const tab = page.getByRole('tablist', { name: 'Hours and billing views' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected'), poll).toBe('true');
}

/** A formula cell's formula and cached result, whichever way exceljs read it back. */
function formulaOf(c: ExcelJS.Cell): { formula: string; result: unknown } {
  const v = c.value as FormulaValue | null;
  return { formula: v?.formula ?? v?.sharedFormula ?? '', result: v?.result };
}

const isoOf = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : `not a date: ${String(value)}`);

describe('hours and billing in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await openWatchedPage(context, pageProblems, dialogs);

    ids.client = (
      await call<Row>(server, 'clients.create', {
        name: CLIENT,
        country: 'CH',
        currency: 'CHF',
        holidayCalendar: 'CH-ZH',
        vatBasisPoints: VAT_BP,
      })
    ).id;
    ids.engagement = (
      await call<Row>(server, 'engagements.create', {
        clientId: ids.client,
        name: ENGAGEMENT,
        currency: 'CHF',
        startDate: ENGAGEMENT_START,
        endDate: ENGAGEMENT_END,
        status: 'active',
      })
    ).id;
    ids.specialist = (
      await call<Row>(server, 'specialists.create', {
        fullName: SPECIALIST,
        role: 'mlops_engineer',
        seniority: 'senior',
        homeCountry: 'CH',
        homeSubdivision: 'ZH',
        startDate: '2025-01-06',
        status: 'active',
        email: EMAIL,
      })
    ).id;
    await call(server, 'allocations.create', {
      specialistId: ids.specialist,
      engagementId: ids.engagement,
      startDate: ENGAGEMENT_START,
      endDate: ENGAGEMENT_END,
      loadPercent: 100,
      status: 'confirmed',
    });
    await call(server, 'rates.create', {
      engagementId: ids.engagement,
      role: 'mlops_engineer',
      effectiveFrom: ENGAGEMENT_START,
      hourlyRateMinor: RATE_MINOR,
    });
    ids.model = (
      await call<Row>(server, 'models.create', {
        clientId: ids.client,
        engagementId: ids.engagement,
        name: MODEL,
        riskTier: 'high',
        aiActCategory: 'limited',
        kind: 'classical_ml',
        serving: 'batch',
        inServiceSince: ENGAGEMENT_START,
        stage: 'pilot',
      })
    ).id;

    // The first Monday–Sunday wholly inside last month with no public holiday on a weekday.
    const monthEnd = endOfMonth(LAST_MONTH_START);
    for (let monday = startOfISOWeek(addDays(LAST_MONTH_START, 6)); addDays(monday, 6) <= monthEnd; monday = addDays(monday, 7)) {
      dates = Array.from({ length: 7 }, (_, i) => day(addDays(monday, i)));
      const w = await week();
      if (w.days.slice(0, 5).every((d) => !d.holiday && !d.absence)) break;
      dates = [];
    }
    expect(dates, `a whole week without holidays in ${LAST_MONTH}`).toHaveLength(7);
    expect(await storedMinutes()).toEqual([0, 0, 0, 0, 0, 0, 0]);

    await page.goto(server.url);
    await page.waitForURL((url) => !url.searchParams.has('token'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(downloadDir, { recursive: true, force: true });
    const shots = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    if (shots.length) console.log(`screenshots:\n  ${shots.join('\n  ')}`);
  });

  it('fills a week in the grid from the keyboard, and refuses a bad value inline without saving it', async () => {
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Hours & billing', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hours & billing' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/hours');
    await openTab('Timesheet');

    // Whose week: the searchable picker, by keyboard.
    const picker = page.getByRole('combobox', { name: 'Specialist' });
    await picker.focus();
    await page.keyboard.type('Aurelia');
    await page.getByRole('option', { name: new RegExp(SPECIALIST) }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.inputValue(), poll).toBe(SPECIALIST);

    await page.getByRole('textbox', { name: 'Week of', exact: true }).fill(dates[0] as string);
    await grid().waitFor();
    // An empty week starts with a row for the allocated engagement, ready to type into.
    const monday = cell(dates[0] as string);
    expect(await monday.inputValue()).toBe('');

    await monday.focus();
    for (const [i, typed] of TYPED.entries()) {
      await page.keyboard.type(typed);
      await page.keyboard.press('Tab');
      // Tab moves along the row to the next day.
      await expect.poll(() => isFocused(cell(dates[i + 1] as string)), poll).toBe(true);
    }

    const weekTotal = grid().locator('tfoot .ts-foot--week');
    await expect.poll(() => text(weekTotal), poll).toBe('37:00');
    await expect.poll(() => Promise.all(dates.slice(0, 5).map((d) => cell(d).inputValue())), poll).toEqual(SHOWN);
    expect(await text(page.locator('.ts-summary'))).toContain('week total 37:00');
    const row = grid().locator('tbody tr').filter({ hasText: ENGAGEMENT });
    expect(await text(row.locator('td.ts-grid__total'))).toBe('37:00');
    expect(await storedMinutes()).toEqual([...MINUTES, 0, 0]);
    const stored = await week();
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]).toMatchObject({ engagementId: ids.engagement, activity: 'operate_monitoring', totalMinutes: TOTAL_MINUTES });
    expect(stored.totalMinutes).toBe(TOTAL_MINUTES);
    expect(await page.getByRole('alert').count()).toBe(0);
    await dismissToasts(page);
    await screenshot(page, 'hours-timesheet-filled');

    // Saturday has the focus now: a value that is not a duration stays in the cell with the reason, and is never sent.
    const saturday = cell(dates[5] as string);
    await page.keyboard.type('abc');
    await page.keyboard.press('Tab');
    const problem = page.getByRole('alert').filter({ hasText: cellLabel(dates[5] as string) });
    await problem.waitFor();
    expect(await text(problem)).toBe(
      `${cellLabel(dates[5] as string)}: “abc” is not a duration Keel understands. Type hours such as 7.5, 7:30, 450m or 7h30.`,
    );
    expect(await saturday.getAttribute('aria-invalid')).toBe('true');
    expect(await saturday.inputValue()).toBe('abc');
    expect(await saturday.getAttribute('title')).toContain('is not a duration Keel understands');
    expect(await storedMinutes()).toEqual([...MINUTES, 0, 0]);
    expect((await call<{ total: number }>(server, 'time.list', { specialistId: ids.specialist })).total).toBe(5);
    await screenshot(page, 'hours-timesheet-invalid');

    // Escape in the cell puts the saved (empty) value back and the message goes.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => isFocused(saturday), poll).toBe(true);
    await page.keyboard.press('Escape');
    await problem.waitFor({ state: 'detached' });
    expect(await saturday.inputValue()).toBe('');
    expect(await saturday.getAttribute('aria-invalid')).toBeNull();
    expect(await storedMinutes()).toEqual([...MINUTES, 0, 0]);
  });

  it('shows the hand-computed invoice in the review, approves the month and issues invoice KEEL-<year>-0001', async () => {
    await openTab('Month close');
    expect(await page.getByLabel('Month', { exact: true }).inputValue()).toBe(format(parseISO(`${LAST_MONTH}-01`), 'MMM yyyy'));
    await page.locator('.list-status', { hasText: `1 engagement in ${LAST_MONTH_LABEL} · 1 open, 0 approved, 0 invoiced` }).waitFor();
    const monthRow = page.locator('table.month-table tbody tr').filter({ hasText: ENGAGEMENT });
    expect(await text(monthRow.locator('td').nth(2))).toBe('Open');
    expect(await text(monthRow.locator('td').nth(3))).toBe('37.00 h');

    // The backend's computation equals the figures worked out by hand above.
    const before = await review();
    expect(before.state.status).toBe('open');
    expect(before.canApprove).toBe(true);
    expect(before.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    expect(before.invoice).toMatchObject({
      minutes: TOTAL_MINUTES,
      billedMinutes: TOTAL_MINUTES,
      netMinor: NET,
      vatBasisPoints: VAT_BP,
      vatMinor: VAT,
      grossMinor: GROSS,
    });
    expect(before.invoice.lines).toEqual([
      expect.objectContaining({ specialistName: SPECIALIST, hourlyRateMinor: RATE_MINOR, minutes: TOTAL_MINUTES, amountMinor: NET }),
    ]);

    await monthRow.getByRole('button', { name: ENGAGEMENT, exact: true }).click();
    const panel = reviewDrawer();
    const lines = panel.locator('table.invoice-lines');
    await lines.waitFor();
    expect(await text(panel.locator('.review-status .ui-badge'))).toBe('Open');
    const line = lines.locator('tbody tr');
    expect(await line.count()).toBe(1);
    const lineCells = (await line.locator('td').allTextContents()).map((t) => t.trim());
    expect(lineCells.slice(3)).toEqual(['CHF 145.00', '37.00 h', '37.00 h', 'CHF 5,365.00']);
    const foot = (await lines.locator('tfoot tr').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(foot).toEqual(['Net37.00 h37.00 hCHF 5,365.00', 'VAT (8.1%)CHF 434.57', 'GrossCHF 5,799.57']);
    const perSpecialist = panel.locator('table.table--compact').first().locator('tbody tr');
    expect((await perSpecialist.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      SPECIALIST,
      '37.00 h',
      '—',
      '37.00 h',
      '—',
    ]); // hours, not billable, billed, cap
    await dismissToasts(page);
    await screenshot(page, 'hours-review-before-approve', { full: true });

    await panel.getByRole('button', { name: 'Approve month' }).click();
    await toast(`Approved ${LAST_MONTH_LABEL} of ${ENGAGEMENT}.`).waitFor();
    await expect.poll(() => text(panel.locator('.review-status .ui-badge')), poll).toBe('Approved');
    expect((await review()).state.status).toBe('approved');

    await panel.getByRole('button', { name: 'Issue invoice' }).click();
    const question = page.getByRole('alertdialog', {
      name: `Issue the invoice for ${LAST_MONTH_LABEL} of ${ENGAGEMENT} (CHF 5,799.57 gross)?`,
    });
    await question.waitFor();
    expect(await text(question.locator('p'))).toBe('Its number and lines are final; it can only be cancelled with a reason.');
    await screenshot(page, 'hours-issue-confirm');
    await question.getByRole('button', { name: 'Issue invoice' }).click();
    await question.waitFor({ state: 'detached' });
    const year = format(TODAY, 'yyyy');
    invoiceNumber = `KEEL-${year}-0001`;
    await toast(`Issued invoice ${invoiceNumber}.`).waitFor();
    await expect.poll(() => text(panel.locator('.review-status .ui-badge')), poll).toBe('Invoiced');
    expect(await text(panel.locator('.review-status'))).toContain(`Invoiced as ${invoiceNumber} on`);
    await panel.getByRole('heading', { name: `Invoice ${invoiceNumber}` }).waitFor();
    await panel.getByRole('button', { name: `Cancel invoice ${invoiceNumber}…` }).waitFor();

    const issued = await review();
    expect(issued.state.status).toBe('invoiced');
    expect(issued.issued).toMatchObject({ number: invoiceNumber, status: 'issued', netMinor: NET, vatMinor: VAT, grossMinor: GROSS });
    const listed = await call<{ rows: Invoice[] }>(server, 'invoices.list', {});
    expect(listed.rows.map((i) => [i.number, i.netMinor, i.vatMinor, i.grossMinor])).toEqual([[invoiceNumber, NET, VAT, GROSS]]);

    await expect.poll(() => text(monthRow.locator('td').nth(2)), poll).toBe('Invoiced');
    expect(await text(monthRow.locator('td').nth(7))).toBe(invoiceNumber);
    await dismissToasts(page);
    await screenshot(page, 'hours-invoice-issued', { full: true });
  });

  it('exports the month to an Excel workbook whose figures, dates and totals match Keel', async () => {
    const panel = reviewDrawer();
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'detached' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export month to Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`keel-hours-${LAST_MONTH}.xlsx`);
    const file = join(downloadDir, download.suggestedFilename());
    await download.saveAs(file);
    await toast(`Exported keel-hours-${LAST_MONTH}.xlsx`).waitFor();

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Invoice lines',
      'Timesheet detail',
      'Per specialist',
      'Hours by model',
      'About',
    ]);
    expect(book.title).toBe('Keel finance workbook');
    expect(book.keywords).toBe('keel-finance-workbook layout-version-3');
    for (const sheet of book.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
    }
    const sheet = (name: string) => {
      const found = book.getWorksheet(name);
      if (!found) throw new Error(`no ${name} sheet`);
      return found;
    };
    const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

    // About: the marker and the layout version (a number) where formulas look for them.
    const about = sheet('About');
    expect(values(about, 2)).toEqual(['Workbook', 'Keel finance workbook']);
    expect(values(about, 3)).toEqual(['Layout version', 3]);
    expect(about.getCell('B3').value).toBe(3);

    // Summary: the engagement's invoice number and the API's minor units ÷ 100, then a blank row and the CHF total.
    const api = await review();
    const inv = api.issued;
    if (!inv) throw new Error('the month has no issued invoice');
    const summary = sheet('Summary');
    expect(values(summary, 1)).toEqual([
      'Client',
      'Engagement',
      'Currency',
      'Status',
      'Invoice number',
      'Minutes',
      'Hours',
      'Non-billable minutes',
      'Non-billable hours',
      'Net',
      'VAT %',
      'VAT',
      'Gross',
    ]);
    expect(values(summary, 2)).toEqual([
      CLIENT,
      ENGAGEMENT,
      'CHF',
      'Invoiced',
      invoiceNumber,
      TOTAL_MINUTES,
      37,
      0,
      0,
      inv.netMinor / 100,
      VAT_BP / 10_000,
      inv.vatMinor / 100,
      inv.grossMinor / 100,
    ]);
    expect([summary.getCell('J2').value, summary.getCell('L2').value, summary.getCell('M2').value]).toEqual([5365, 434.57, 5799.57]);
    expect(summary.getCell('F2').numFmt).toBe('#,##0');
    expect(summary.getCell('G2').numFmt).toBe('0.00');
    expect(summary.getCell('H2').numFmt).toBe('#,##0');
    expect(summary.getCell('J2').numFmt).toBe('#,##0.00');
    expect(summary.getCell('K2').numFmt).toBe('0.00%');
    expect(values(summary, 3)).toEqual([]);
    expect(summary.getCell('A4').value).toBe('Total');
    expect(summary.getCell('C4').value).toBe('CHF');
    const summaryTotals = ['F', 'G', 'J', 'L', 'M'].map((c) => formulaOf(summary.getCell(`${c}4`)));
    expect(summaryTotals).toEqual(
      [
        ['F', TOTAL_MINUTES],
        ['G', 37],
        ['J', 5365],
        ['L', 434.57],
        ['M', 5799.57],
      ].map(([c, result]) => ({ formula: `SUMIFS(${c}2:${c}2,C2:C2,"CHF")`, result })),
    );
    // No non-billable hours: their totals are formulas too (a cached 0 reads back as no result).
    expect(['H', 'I'].map((c) => formulaOf(summary.getCell(`${c}4`)).formula)).toEqual([
      'SUMIFS(H2:H2,C2:C2,"CHF")',
      'SUMIFS(I2:I2,C2:C2,"CHF")',
    ]);
    expect(summary.getCell('J4').font?.bold).toBe(true);

    // Invoice lines: the issued line, with its total equal to the invoice's net.
    const invoiceLines = sheet('Invoice lines');
    const lineRow = values(invoiceLines, 2);
    expect(lineRow.slice(0, 5)).toEqual([CLIENT, ENGAGEMENT, 'CHF', SPECIALIST, 'MLOps engineer']);
    expect(isoOf(lineRow[5]) >= `${LAST_MONTH}-01` && isoOf(lineRow[6]) <= day(endOfMonth(LAST_MONTH_START))).toBe(true);
    expect(invoiceLines.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    expect(lineRow.slice(7)).toEqual(['Role rate', RATE_MINOR / 100, TOTAL_MINUTES, TOTAL_MINUTES, 37, 0, 0, inv.netMinor / 100]);
    expect(formulaOf(invoiceLines.getCell('O4'))).toEqual({ formula: 'SUMIFS(O2:O2,C2:C2,"CHF")', result: inv.netMinor / 100 });

    // Timesheet detail: one row per entry, real dates, exact minutes and hours = minutes ÷ 60 shown with two decimals.
    const detail = sheet('Timesheet detail');
    expect(detail.rowCount).toBe(1 + MINUTES.length);
    expect(values(detail, 1).slice(1, 15)).toEqual([
      'Date',
      'Client',
      'Engagement ID',
      'Engagement',
      'Specialist',
      'Specialist email',
      'Role',
      'Activity',
      'Minutes',
      'Hours',
      'Billable',
      'Non-billable reason',
      'Note',
      'Model',
    ]);
    const detailRows = MINUTES.map((_, i) => detail.getRow(i + 2));
    expect(detailRows.map((r) => isoOf(r.getCell(2).value))).toEqual(dates.slice(0, 5));
    expect(detailRows.map((r) => r.getCell(10).value)).toEqual(MINUTES);
    expect(detailRows.map((r) => r.getCell(11).value)).toEqual(MINUTES.map((m) => m / 60));
    for (const r of detailRows) {
      expect(r.getCell(2).numFmt).toBe('yyyy-mm-dd');
      expect(r.getCell(10).numFmt).toBe('#,##0');
      expect(r.getCell(11).numFmt).toBe('0.00');
      expect(r.getCell(1).value).toMatch(/^[0-9a-f-]{36}$/);
      expect([r.getCell(4).value, r.getCell(5).value, r.getCell(6).value, r.getCell(7).value, r.getCell(9).value]).toEqual([
        ids.engagement,
        ENGAGEMENT,
        SPECIALIST,
        EMAIL,
        'Operate & monitoring',
      ]);
      expect(r.getCell(12).value).toBe('Yes');
      expect(r.getCell(13).value).toBeNull();
      expect(r.getCell(14).value).toBeNull();
      // Last month's hours name no model.
      expect(r.getCell(15).value).toBeNull();
    }
    // …so the Hours by model sheet has only its header.
    expect(values(sheet('Hours by model'), 1)).toEqual(['Client', 'Engagement', 'Model', 'Activity', 'Minutes', 'Hours']);
    expect(sheet('Hours by model').getRow(2).hasValues).toBe(false);

    // Per specialist: the person's month on the engagement, and the CHF totals.
    const people = sheet('Per specialist');
    expect(values(people, 2)).toEqual([
      SPECIALIST,
      EMAIL,
      'MLOps engineer',
      CLIENT,
      ENGAGEMENT,
      'CHF',
      TOTAL_MINUTES,
      37,
      0,
      0,
      TOTAL_MINUTES,
      inv.netMinor / 100,
    ]);
    expect(['G', 'H', 'K', 'L'].map((c) => formulaOf(people.getCell(`${c}4`)).result)).toEqual([
      TOTAL_MINUTES,
      37,
      TOTAL_MINUTES,
      inv.netMinor / 100,
    ]);
  });

  it('shows the invoiced week read-only with the reason, and the API refuses a change', async () => {
    const before = await week();
    await openTab('Timesheet');
    await grid().waitFor();
    // The grid may first draw the week cached before the close; it locks once the refetched week arrives.
    const locks = page.getByRole('list', { name: 'Locked months' });
    await expect.poll(async () => (await locks.getByRole('listitem').allTextContents()).map((t) => t.trim()), poll).toEqual([lockSentence]);
    for (const d of dates) {
      const input = cell(d);
      expect(await input.getAttribute('readonly'), d).not.toBeNull();
      expect(await input.getAttribute('aria-readonly'), d).toBe('true');
      expect(await input.getAttribute('title'), d).toBe(lockSentence);
    }
    expect(await Promise.all(dates.map((d) => cell(d).inputValue()))).toEqual([...SHOWN, '', '']);

    // Typing into a locked cell changes nothing, sends nothing and leaves no draft.
    const monday = cell(dates[0] as string);
    await monday.focus();
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await monday.inputValue()).toBe('7:30');
    expect(await page.getByRole('alert').count()).toBe(0);
    // The note under the grid says why, too.
    await monday.focus();
    expect(await text(page.locator('#ts-note-hint'))).toBe(lockSentence);
    expect(await page.locator('#ts-note-input').isDisabled()).toBe(true);

    // Through the API: refused with the same sentence, nothing changed.
    for (const minutes of [60, null]) {
      const refused = await raw('time.setCell', {
        specialistId: ids.specialist,
        engagementId: ids.engagement,
        activity: 'operate_monitoring',
        date: dates[0],
        minutes,
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'conflict', message: lockSentence } });
    }
    const added = await raw('time.setCell', {
      specialistId: ids.specialist,
      engagementId: ids.engagement,
      activity: 'incident_response',
      date: dates[2],
      minutes: 30,
    });
    expect(added.body).toMatchObject({ ok: false, error: { code: 'conflict', message: lockSentence } });
    expect(await week()).toEqual(before);
    expect((await call<{ total: number }>(server, 'time.list', { specialistId: ids.specialist })).total).toBe(5);
    expect((await review()).issued?.grossMinor).toBe(GROSS);
    await dismissToasts(page);
    await screenshot(page, 'hours-locked-week', { full: true });
  });

  it('logs hours on a model from a timesheet row that names it, and shows them in the month view and on the model page', async () => {
    // A working day of this month (last month is invoiced now), and its week.
    let onDay = '';
    for (let i = 0; i < 10 && !onDay; i++) {
      const d = day(addDays(startOfMonth(TODAY), i));
      const w = await call<Week>(server, 'time.week', { specialistId: ids.specialist, weekStart: d });
      const found = w.days.find((x) => x.date === d);
      if (found && !found.weekend && !found.holiday && !found.absence) onDay = d;
    }
    expect(onDay, 'a working day early this month').not.toBe('');
    const monday = day(startOfISOWeek(parseISO(onDay)));
    await openTab('Timesheet');
    await page.getByRole('textbox', { name: 'Week of', exact: true }).fill(monday);
    const weekGrid = page.getByRole('table', { name: `Hours of ${SPECIALIST}, week of ${monday}` });
    await weekGrid.waitFor();

    // The new row: engagement, activity, and the engagement's model (optional).
    await page.getByLabel('Engagement of the new row').selectOption(ids.engagement);
    const picker = page.getByLabel('Model of the new row (optional)');
    expect(await picker.locator('option').allTextContents()).toEqual(['No model', MODEL]);
    await picker.selectOption(ids.model);
    await page.getByLabel('Activity of the new row').selectOption('retraining');
    await page.getByRole('button', { name: 'Add row' }).click();
    const modelCell = weekGrid.getByRole('textbox', {
      name: `${format(parseISO(onDay), 'EEE d MMM')} · ${ENGAGEMENT} · Retraining · ${MODEL}`,
      exact: true,
    });
    await modelCell.focus();
    await page.keyboard.type('2:30');
    await page.keyboard.press('Enter');
    const byModel = () =>
      call<{ models: { modelName: string; totalMinutes: number; activities: { activity: string; minutes: number }[] }[] }>(
        server,
        'time.byModel',
        { modelId: ids.model },
      );
    await expect.poll(async () => (await byModel()).models.map((m) => [m.modelName, m.totalMinutes]), poll).toEqual([[MODEL, 150]]);
    expect((await byModel()).models[0]?.activities).toEqual([{ activity: 'retraining', minutes: 150 }]);
    await expect.poll(() => modelCell.inputValue(), poll).toBe('2:30');
    expect(await text(weekGrid.locator('.ts-row__model'))).toBe(MODEL);
    // Last month's invoice is untouched by hours on a model.
    expect((await review()).issued?.grossMinor).toBe(GROSS);
    await dismissToasts(page);
    await screenshot(page, 'hours-timesheet-model-row');

    // The month view: hours per model per activity for the engagement's month.
    await openTab('Month view');
    await page.locator('select.ts-engagement-select').selectOption(ids.engagement);
    // The month view opens on the month last looked at (last month): step to this one.
    const monthShown = format(parseISO(onDay), 'MMM yyyy');
    for (let i = 0; i < 3 && (await page.getByLabel('Month', { exact: true }).inputValue()) !== monthShown; i++) {
      await page.getByRole('button', { name: 'Next month' }).click();
    }
    expect(await page.getByLabel('Month', { exact: true }).inputValue()).toBe(monthShown);
    const monthTable = page.getByRole('table', { name: `Hours by model on ${ENGAGEMENT} in ${format(parseISO(onDay), 'MMMM yyyy')}` });
    await monthTable.waitFor();
    expect((await monthTable.locator('tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      `${MODEL}2:302:30`,
    ]);
    await monthTable.scrollIntoViewIfNeeded();
    await screenshot(page, 'hours-month-view-by-model');

    // The model page's Hours tab, which billing fills: the same hours, per month and activity.
    await page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, `#/portfolio/${ids.model}?tab=hours`);
    await page.getByRole('heading', { level: 1, name: MODEL }).waitFor();
    const tab = page.getByRole('tab', { name: 'Hours', exact: true });
    await expect.poll(() => tab.getAttribute('aria-selected'), poll).toBe('true');
    const modelTable = page.getByRole('table', { name: `Hours on ${MODEL} per month and activity` });
    await modelTable.waitFor();
    expect((await modelTable.locator('thead th').allTextContents()).map((t) => t.trim())).toEqual(['Month', 'Retraining', 'Total']);
    expect((await modelTable.locator('tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      `${format(parseISO(onDay), 'MMMM yyyy')}2:302:30`,
    ]);
    await screenshot(page, 'hours-model-page-hours-tab');
  });

  it('logged no uncaught error or console error in the page', () => {
    expect(pageProblems).toEqual([]);
    // No native dialog: the invoice confirmation is the app's own (answered above).
    expect(dialogs).toEqual([]);
  });
});
