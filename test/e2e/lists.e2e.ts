import { addDays, format, startOfMonth, subMonths } from 'date-fns';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { screenshot, seriousViolations } from './support/screens';
import { call, type KeelServer, makeDataDir, startServer } from './support/server';

/**
 * Every list screen at 50 and at 500 specialists (with clients, engagements, allocations,
 * hours, absences, staffing and replacement requests, caps and invoices in proportion),
 * loaded through the contract over HTTP. For each list it prints the page's DOM node
 * count at both sizes and holds them flat (the lists are virtualised: only the rows in
 * view are in the DOM), runs axe-core in the light and the dark theme (no serious or
 * critical violation), and saves a screenshot.
 */

type Row = Record<string, unknown> & { id: string };

const TODAY = new Date();
const LAST_MONTH = startOfMonth(subMonths(TODAY, 1));
const MONTH = format(LAST_MONTH, 'yyyy-MM');
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
/** A weekday of last month that is a working day nearly everywhere (the 2nd Tuesday–Thursday). */
const WORKDAY = (() => {
  let d = addDays(LAST_MONTH, 7);
  while (d.getDay() === 0 || d.getDay() === 6 || d.getDay() === 1) d = addDays(d, 1);
  return d;
})();
const ROLES = ['mlops_engineer', 'data_engineer', 'sre', 'ml_engineer'] as const;
const COUNTRIES = [
  ['CH', 'ZH'],
  ['DE', 'BE'],
  ['PL', ''],
  ['RO', ''],
] as const;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-lists-');
const problems: string[] = [];
const dialogs: string[] = [];
const created = { clients: [] as string[], engagements: [] as string[], specialists: [] as string[] };

/** Runs `task` over `items` with a few calls in flight at a time (the server has one writer; this hides the HTTP round trips). */
async function inBatches<T>(items: readonly T[], task: (item: T, index: number) => Promise<unknown>, width = 10): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map((item, j) => task(item, i + j)));
}

/** Grows the dataset to `specialists` people, with everything else in proportion (one client per 10, one engagement per 5). */
async function growTo(specialists: number): Promise<void> {
  const from = created.specialists.length;
  const firstNewEngagement = created.engagements.length;
  const range = (n: number, start: number) => Array.from({ length: Math.max(0, n - start) }, (_, i) => start + i);

  await inBatches(range(specialists / 10, created.clients.length), async (i) => {
    const [country] = COUNTRIES[i % COUNTRIES.length] ?? ['CH'];
    const client = await call<Row>(server, 'clients.create', {
      name: `Client ${String(i).padStart(3, '0')} ${i % 7 === 0 ? 'Rückversicherung und Vermögensverwaltung Aktiengesellschaft, Zweigniederlassung Zürich-Oerlikon' : 'AG'}`,
      country,
      currency: i % 3 === 0 ? 'EUR' : 'CHF',
      holidayCalendar: 'CH-ZH',
    });
    created.clients[i] = client.id;
  });
  await inBatches(range(specialists / 5, created.engagements.length), async (i) => {
    const clientId = created.clients[Math.floor(i / 2)] ?? '';
    const engagement = await call<Row>(server, 'engagements.create', {
      clientId,
      name: `Engagement ${String(i).padStart(3, '0')} model operations`,
      currency: 'CHF',
      startDate: '2025-01-06',
      endDate: '2027-12-31',
      status: 'active',
    });
    created.engagements[i] = engagement.id;
    await Promise.all(
      ROLES.map((role) =>
        call(server, 'rates.create', { engagementId: engagement.id, role, effectiveFrom: '2025-01-06', hourlyRateMinor: 15_000 }),
      ),
    );
  });
  await inBatches(range(specialists, from), async (i) => {
    const [country, subdivision] = COUNTRIES[i % COUNTRIES.length] ?? ['CH', 'ZH'];
    const role = ROLES[i % ROLES.length] ?? 'sre';
    const specialist = await call<Row>(server, 'specialists.create', {
      fullName: `Specialist ${String(i).padStart(4, '0')} ${i % 25 === 0 ? 'Maximiliane Alexandra von Hohenberg-Rothenfels und Schwarzenbach-Lindenthal' : 'Muster'}`,
      role,
      seniority: i % 2 === 0 ? 'senior' : 'mid',
      homeCountry: country,
      ...(subdivision ? { homeSubdivision: subdivision } : {}),
      startDate: '2025-01-06',
      status: 'active',
      email: `specialist.${i}@lists-e2e.example`,
    });
    created.specialists[i] = specialist.id;
    // New people join the engagements created with them: months already invoiced are locked.
    const newEngagements = created.engagements.length - firstNewEngagement;
    const engagementId = created.engagements[firstNewEngagement + ((i - from) % newEngagements)] ?? '';
    await call(server, 'allocations.create', {
      specialistId: specialist.id,
      engagementId,
      startDate: '2025-01-06',
      endDate: i % 4 === 0 ? iso(addDays(TODAY, 20 + (i % 60))) : '2027-12-31',
      loadPercent: 100,
      status: 'confirmed',
    });
    await call(server, 'time.setCell', {
      specialistId: specialist.id,
      engagementId,
      activity: 'operate_monitoring',
      date: iso(WORKDAY),
      minutes: 480,
    });
    if (i % 5 === 0) {
      await call(server, 'absences.create', {
        specialistId: specialist.id,
        kind: 'vacation',
        startDate: iso(addDays(TODAY, 30)),
        endDate: iso(addDays(TODAY, 34)),
      });
    }
    if (i % 10 === 0) {
      await call(server, 'billing.setSpecialistCap', { engagementId, specialistId: specialist.id, monthlyCapMinutes: 160 * 60 });
      await call(server, 'replacements.create', {
        engagementId,
        outgoingSpecialistId: specialist.id,
        reason: 'resignation',
        submittedDate: iso(WORKDAY),
        submittedTime: '10:00',
        submittedBy: 'Head of Data Science',
      });
      await call(server, 'staffing.create', {
        engagementId,
        title: `Senior ${role.replace('_', ' ')} for the platform team ${i}`,
        role,
        seniority: 'senior',
        requiredSkills: ['Kubernetes', 'MLflow'],
        startDate: iso(addDays(TODAY, 45)),
      });
    }
  });
  // Approve and invoice last month for one engagement in ten.
  const toInvoice = created.engagements.filter((_, i) => i >= firstNewEngagement && i % 10 === 0);
  await inBatches(toInvoice, async (engagementId) => {
    await call(server, 'months.approve', { engagementId, month: MONTH });
    await call(server, 'invoices.issue', { engagementId, month: MONTH });
  });
}

type ListScreen = { name: string; open(): Promise<void> };

const tab = (name: string) => async () => {
  await page.getByRole('tab', { name, exact: true }).click();
};
const visit = (hash: string, then?: () => Promise<void>) => async () => {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await page.locator('.screen h1').first().waitFor();
  if (then) await then();
};

const LISTS: ListScreen[] = [
  { name: 'Clients', open: visit('#/clients') },
  { name: 'Engagements', open: visit('#/engagements') },
  { name: 'Specialists', open: visit('#/specialists') },
  { name: 'Allocations list', open: visit('#/allocations', tab('All allocations')) },
  { name: 'Roll-off and bench', open: visit('#/allocations', tab('Roll-off radar')) },
  { name: 'Staffing requests', open: visit('#/staffing') },
  { name: 'Continuity board', open: visit('#/replacements', tab('Board')) },
  { name: 'Replacement requests', open: visit('#/replacements', tab('Replacement requests')) },
  { name: 'SLA report', open: visit('#/replacements', tab('SLA report')) },
  { name: 'Month close', open: visit('#/hours', tab('Month close')) },
  { name: 'Invoices', open: visit('#/hours', tab('Invoices')) },
  { name: 'Rates and caps', open: visit('#/hours', tab('Rates & terms')) },
  { name: 'Audit log', open: visit('#/audit') },
  { name: 'Time off', open: async () => visit(`#/specialists/${created.specialists[0]}`)() },
];

/** The page's element count once the list has settled (no “Loading…”, the same count twice in a row). */
async function settledNodeCount(): Promise<number> {
  let last = -1;
  for (let tries = 0; tries < 60; tries++) {
    await page.waitForTimeout(120);
    // A string, evaluated in the page: these tests compile without the DOM's types.
    const { count, loading } = await page.evaluate<{ count: number; loading: boolean }>(
      "({ count: document.getElementsByTagName('*').length, loading: /Loading…/.test(document.querySelector('.main')?.textContent ?? '') })",
    );
    if (!loading && count === last) return count;
    last = count;
  }
  return last;
}

const counts = new Map<string, { at50: number; at500: number }>();
/** A list at 50 people may not fill its frame yet (5 clients); at 500 it does, and stops there. Before the DataTable, lists grew by 800–6,300 elements. */
const MAX_GROWTH = 600;
/** Rows of one table in the DOM: a frame's worth plus the overscan, whatever the list's length. */
const MAX_ROWS_IN_DOM = 40;

/** For each table on screen: its name, the rows it lists (aria-rowcount) and the rows in the DOM. */
function renderedRows(): Promise<{ label: string; total: number; rendered: number }[]> {
  return page.evaluate<{ label: string; total: number; rendered: number }[]>(
    "[...document.querySelectorAll('table.ui-table__table')].map((t) => ({ label: t.getAttribute('aria-label'), total: Number(t.getAttribute('aria-rowcount')) - 1, rendered: t.querySelectorAll('tr.ui-table__row').length }))",
  );
}

describe('every list stays flat from 50 to 500 people, and passes axe in both themes', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await openWatchedPage(context, problems, dialogs);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('counts the DOM nodes of every list at 50 people', async () => {
    await growTo(50);
    await page.goto(server.url);
    for (const list of LISTS) {
      await list.open();
      counts.set(list.name, { at50: await settledNodeCount(), at500: 0 });
    }
  }, 60_000);

  it('at 500 people: every list stays flat, renders a bounded number of rows, and passes axe in light and dark', async () => {
    const loading = performance.now();
    await growTo(500);
    console.log(`Loaded 500 specialists and the rest in ${Math.round(performance.now() - loading)} ms.`);
    await page.goto(server.url);
    const violations: string[] = [];
    const unbounded: string[] = [];
    for (const list of LISTS) {
      await page.emulateMedia({ colorScheme: 'light' });
      await list.open();
      const entry = counts.get(list.name);
      if (entry) entry.at500 = await settledNodeCount();
      // Each table holds only the rows in view (plus a few), however many it lists.
      for (const t of await renderedRows())
        if (t.rendered > MAX_ROWS_IN_DOM) unbounded.push(`${list.name} / ${t.label}: ${t.rendered} of ${t.total} rows in the DOM`);
      const slug = list.name.toLowerCase().replace(/[^a-z]+/g, '-');
      await screenshot(page, `lists-${slug}-500`);
      for (const v of await seriousViolations(page)) violations.push(`${list.name} (light): ${v}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForTimeout(50);
      for (const v of await seriousViolations(page)) violations.push(`${list.name} (dark): ${v}`);
      await screenshot(page, `lists-${slug}-dark`);
    }
    const table = [...counts].map(([name, c]) => `${name.padEnd(22)} ${String(c.at50).padStart(6)} ${String(c.at500).padStart(6)}`);
    console.log(['DOM nodes (elements)     at 50 at 500', ...table].join('\n'));
    // Flat: from 50 to 500 people a list grows by at most the rows that fill its frame, never by the rows it lists.
    for (const [name, c] of counts) expect(c.at500 - c.at50, `${name}: ${c.at50} → ${c.at500}`).toBeLessThanOrEqual(MAX_GROWTH);
    expect(unbounded).toEqual([]);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);
});
