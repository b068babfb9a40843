import { addDays, addMonths, format, parseISO, startOfMonth } from 'date-fns';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { screenshot } from './support/screens';
import { call, type KeelServer, makeDataDir, startServer } from './support/server';

/**
 * The three persona jobs of the kit's "how to verify", done by keyboard alone on the
 * sample data: after the page loads, only Tab, Shift+Tab, Enter, Space, arrows and typing.
 * Every step looks for its control by tabbing to it (so it must be reachable) and checks
 * that the focused control shows a focus ring; each outcome is checked in the UI and
 * over the contract.
 */

type Row = Record<string, unknown> & { id: string };
type Listed = { rows: Row[]; total: number };
type Review = { canApprove: boolean; state: { status: string }; invoice: { minutes: number } };
type Week = { rows: { engagementId: string; cells: Record<string, { minutes: number } | undefined> }[] };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const pageProblems: string[] = [];
const dialogs: string[] = [];
/** Controls that had the focus without a visible focus indicator. */
const invisibleFocus = new Set<string>();
const poll = { timeout: 8_000, interval: 50 };

const TODAY = new Date();
const day = (d: Date) => format(d, 'yyyy-MM-dd');
const LAST_MONTH_START = startOfMonth(addMonths(TODAY, -1));
const LAST_MONTH = format(LAST_MONTH_START, 'yyyy-MM');

/** What a screen reader would roughly call the focused element, and whether its focus is visible. */
async function focused(): Promise<{ name: string; visible: boolean }> {
  // A string, like the other browser-side snippets here: the E2E code is typed without the DOM library.
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: '', visible: true };
    const label = el.labels?.[0]?.textContent ?? '';
    const labelledBy = el.getAttribute('aria-labelledby');
    const byId = labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : '';
    const own = ['SELECT', 'INPUT', 'TEXTAREA'].includes(el.tagName) ? '' : (el.textContent ?? '');
    const name = (el.getAttribute('aria-label') ?? (label || byId || own)).replace(/\\s+/g, ' ').trim();
    const style = getComputedStyle(el);
    const visible = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    return { name, visible };
  })()`);
}

/**
 * Presses Tab (or Shift+Tab) until the focused control's name matches (a form that focuses
 * its first field counts at once); fails naming the trail if it never does.
 */
async function tabTo(name: RegExp, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const trail: string[] = [];
  for (let i = 0; i < (options.max ?? 120); i++) {
    if (i > 0) await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const now = await focused();
    trail.push(now.name);
    if (name.test(now.name)) {
      if (!now.visible) invisibleFocus.add(now.name);
      return;
    }
  }
  throw new Error(
    `${name} was not reachable by ${options.back ? 'Shift+Tab' : 'Tab'}; the focus went through: ${trail.slice(-40).join(' → ')}`,
  );
}

/** On a focused tab of a tablist, the arrow keys move to the named tab; Enter activates it. */
async function arrowToTab(name: string): Promise<void> {
  for (let i = 0; i < 8; i++) {
    if ((await focused()).name === name) {
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected'), poll).toBe('true');
      return;
    }
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`The arrow keys never reached the ${name} tab.`);
}

/** Goes to an area the way a keyboard user does: from the top of the page, Tab into the navigation, Enter. */
async function openArea(label: RegExp, heading: string): Promise<void> {
  await tabTo(label);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The text of the option a focused select shows. */
const selectedLabel = () =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (el?.tagName !== 'SELECT') throw new Error('The focus is on ' + el?.outerHTML.slice(0, 200) + ', not on a select.');
    return el.selectedOptions[0]?.textContent?.trim() ?? '';
  })()`);

/** Whether the focus is inside the element (a drawer that just opened); runs in the page. */
const holdsFocus = (el: { contains(other: unknown): boolean }) =>
  el.contains((globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);

describe('persona jobs by keyboard alone (browser mode, sample data)', () => {
  beforeAll(async () => {
    server = await startServer(makeDataDir('keel-e2e-persona-'));
    await call(server, 'sample.load', {});
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await openWatchedPage(context, pageProblems, dialogs);
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Areas' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('engagement manager: plans an allocation from the plan', async () => {
    const before = await call<Listed>(server, 'allocations.list', {});
    await openArea(/^Allocation plan/, 'Allocation plan');
    await tabTo(/^New allocation$/);
    await page.keyboard.press('Enter');
    const form = page.getByRole('complementary', { name: 'New allocation' });
    await form.waitFor();
    // Opening the form moves the focus into it.
    await expect.poll(() => form.evaluate(holdsFocus), poll).toBe(true);

    await tabTo(/^Specialist/);
    await page.keyboard.press('ArrowDown');
    const specialist = await selectedLabel();
    await tabTo(/^Engagement/);
    await page.keyboard.press('ArrowDown');
    const engagement = await selectedLabel();
    expect(specialist).not.toBe('');
    expect(engagement).not.toBe('');
    const start = day(addDays(addMonths(TODAY, 14), 0));
    const end = day(addDays(addMonths(TODAY, 15), 0));
    await tabTo(/^Start date/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(start);
    await tabTo(/^End date/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(end);
    await tabTo(/^Status/);
    await page.keyboard.type('Tentative');
    expect(await selectedLabel()).toBe('Tentative');
    await tabTo(/^Allocate$/);
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });

    const after = await call<Listed>(server, 'allocations.list', {});
    expect(after.rows.length).toBe(before.rows.length + 1);
    const created = after.rows.find((r) => !before.rows.some((b) => b.id === r.id));
    expect(created).toMatchObject({ startDate: start, endDate: end, status: 'tentative' });
    // The plan lists it: All allocations, reached from the tab list with the arrow keys.
    await tabTo(/^Timeline$/, { back: true });
    await arrowToTab('All allocations');
    const listed = page
      .getByRole('main')
      .locator('tbody tr')
      .filter({ hasText: specialist })
      .filter({ hasText: format(parseISO(start), 'MMM d, yyyy') });
    await expect.poll(() => listed.count(), poll).toBe(1);
    expect(await listed.textContent()).toContain(engagement);
    await screenshot(page, 'persona-allocation-planned');
  });

  it('hours: enters hours in the timesheet, then approves the month in Month close', async () => {
    // A month of the sample that can be approved, and someone who worked on it.
    const months = await call<Listed>(server, 'months.list', { month: LAST_MONTH });
    let target: { engagementId: string; name: string } | null = null;
    for (const row of months.rows) {
      const review = await call<Review>(server, 'months.review', { engagementId: row.engagementId, month: LAST_MONTH });
      if (review.canApprove && review.state.status === 'open') {
        target = { engagementId: String(row.engagementId), name: String(row.engagementName) };
        break;
      }
    }
    expect(target, `no engagement of ${LAST_MONTH} can be approved in the sample`).not.toBeNull();
    const engagementId = target?.engagementId as string;
    const engagementName = target?.name as string;
    const allocations = await call<Listed>(server, 'allocations.list', { engagementId });
    const worker = allocations.rows.find((a) => String(a.startDate) <= `${LAST_MONTH}-28` && String(a.endDate) >= `${LAST_MONTH}-01`);
    expect(worker).toBeDefined();
    const workerName = String(worker?.specialistName);
    const specialistId = String(worker?.specialistId);
    let monday = LAST_MONTH_START;
    while (monday.getDay() !== 1) monday = addDays(monday, 1);
    const weekStart = day(monday);
    const tuesday = addDays(monday, 1);

    await openArea(/^Hours & billing/, 'Hours & billing');
    await tabTo(/^Timesheet$/);
    await arrowToTab('Timesheet');
    await tabTo(/^Specialist/);
    await page.keyboard.type(workerName);
    await page
      .getByRole('option', { name: new RegExp(workerName) })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await tabTo(/^Week of/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(weekStart);
    await page.keyboard.press('Enter');
    const cellName = new RegExp(`^${format(tuesday, 'EEE d MMM')} · ${engagementName} ·`);
    await tabTo(cellName);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('7:30');
    await page.keyboard.press('Tab');
    await expect
      .poll(async () => {
        const w = await call<Week>(server, 'time.week', { specialistId, weekStart });
        return w.rows.filter((r) => r.engagementId === engagementId).reduce((sum, r) => sum + (r.cells[day(tuesday)]?.minutes ?? 0), 0);
      }, poll)
      .toBeGreaterThanOrEqual(450);

    await tabTo(/^Timesheet$/, { back: true });
    await arrowToTab('Month close');
    await tabTo(new RegExp(`^${engagementName}$`));
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: new RegExp(`^${engagementName} · `) });
    await panel.waitFor();
    await tabTo(/^Approve month$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.review-status .ui-badge').textContent(), poll).toBe('Approved');
    const review = await call<Review>(server, 'months.review', { engagementId, month: LAST_MONTH });
    expect(review.state.status).toBe('approved');
    await screenshot(page, 'persona-month-approved');
    await page.keyboard.press('Escape');
  });

  it('continuity: records a replacement request, and the board shows it', async () => {
    const before = await call<Listed>(server, 'replacements.list', { state: 'all' });
    await openArea(/^Continuity & SLAs/, 'Continuity & SLAs');
    await tabTo(/^New request$/);
    await page.keyboard.press('Enter');
    const form = page.getByRole('complementary', { name: 'New replacement request' });
    await form.waitFor();
    await expect.poll(() => form.evaluate(holdsFocus), poll).toBe(true);
    await tabTo(/^Engagement/);
    await page.keyboard.press('ArrowDown');
    // The people on the chosen engagement load before the next field opens.
    await expect.poll(() => form.getByLabel('Specialist leaving').isEnabled(), poll).toBe(true);
    await tabTo(/^Specialist leaving/);
    // Someone on the engagement whom no request of the sample already names (the backend refuses a second open one).
    const named = new Set(before.rows.map((r) => String(r.outgoingSpecialistName)));
    let leaving = '';
    for (let i = 0; i < 12 && (leaving === '' || named.has(leaving)); i++) {
      await page.keyboard.press('ArrowDown');
      leaving = (await selectedLabel()).split(' — ')[0] as string;
    }
    expect(named.has(leaving)).toBe(false);
    expect(leaving).not.toBe('');
    await tabTo(/^Reason/);
    await page.keyboard.type('Resignation');
    await tabTo(/^Submitted by/);
    await page.keyboard.type('Client delivery lead');
    await tabTo(/^Time$/);
    // Midnight: submitted today, and never later than now whatever the hour the suite runs at
    // (09:30 failed every night before half past nine, Zurich time).
    await page.keyboard.type('1200A');
    await tabTo(/^Notes/);
    await page.keyboard.type('Recorded from the keyboard alone.');
    await tabTo(/^Record request$/);
    await page.keyboard.press('Enter');

    await expect
      .poll(async () => (await call<Listed>(server, 'replacements.list', { state: 'all' })).rows.length, poll)
      .toBe(before.rows.length + 1);
    const after = await call<Listed>(server, 'replacements.list', { state: 'all' });
    const created = after.rows.find((r) => !before.rows.some((b) => b.id === r.id));
    expect(created).toMatchObject({ outgoingSpecialistName: leaving, reason: 'resignation' });
    // The board lists the new promise under the person it replaces.
    await expect.poll(() => page.getByRole('main').textContent(), poll).toContain(`Replace ${leaving}`);
    await screenshot(page, 'persona-request-recorded');
  });

  it('showed a focus ring on every control it used, logged no error and asked nothing in a browser dialog', () => {
    expect([...invisibleFocus]).toEqual([]);
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
