import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * The first slice as a user meets it, in a real Chromium against browser mode:
 * empty database → sample data → create, edit, archive/restore, refuse bad input,
 * audit log, and a restart on the same data folder. The tests run in order and
 * share one database.
 */

type Listed = { rows: { id: string; name?: string; fullName?: string; archivedAt: string | null }[]; total: number };

const NEW_CLIENT = 'Hafenbank Kiel AG';
const RENAMED_CLIENT = 'Hafenbank Kiel & Partner AG';
const NEW_ENGAGEMENT = 'Payments anomaly detection';
const NEW_SPECIALIST = 'Ioana Marinescu';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir();

const poll = { timeout: 5_000, interval: 50 };

/** Uncaught exceptions and console errors (CSP violations included) from every page of the run. */
const pageProblems: string[] = [];
const dialogs: string[] = [];

const openPage = () => openWatchedPage(context, pageProblems, dialogs);

/** The list's rows (not those of a table inside an open drawer, such as a specialist's capacity). */
const rows = () => page.locator('table.ui-table__table:not(aside.drawer table) > tbody > tr.ui-table__row');
const rowOf = (text: string) => rows().filter({ hasText: text });
const drawer = (title: string) => page.getByRole('complementary', { name: title });
const toast = (text: string) => page.locator('.toast').filter({ hasText: text });
const count = async (procedure: string) => (await call<Listed>(server, procedure, { archived: 'all' })).total;
const find = async (procedure: string, name: string) => {
  const list = await call<Listed>(server, procedure, { archived: 'all', search: name });
  const row = list.rows.find((r) => (r.name ?? r.fullName) === name);
  if (!row) throw new Error(`${procedure} has no record named ${name}`);
  return row;
};

/** The text of one column (0-based) in every row of the list. */
async function rowTexts(column: number): Promise<string[]> {
  return (
    await rows()
      .locator(`td:nth-child(${column + 1})`)
      .allTextContents()
  ).map((t) => t.trim());
}

async function openArea(label: 'Clients' | 'Engagements' | 'Specialists' | 'Audit log') {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** Waits until the list shows "N <noun>s" and the table has N rows. */
async function expectListed(n: number, noun: string) {
  await page.locator('.list-status', { hasText: new RegExp(`^${n} ${noun}s?$`) }).waitFor();
  await expect.poll(() => rows().count(), poll).toBe(n);
}

/** The row count once the list has settled (the status line says "N things" and the table has N rows); -1 while loading. */
async function settledCount(): Promise<number> {
  const status = await page.locator('.list-status').textContent();
  const match = /^(\d+) /.exec(status ?? '');
  if (!match) return -1;
  const n = Number(match[1]);
  return (await rows().count()) === n ? n : -1;
}

/** Waits until the settled row count passes `check`, and returns it. */
async function settleTo(check: (n: number) => boolean): Promise<number> {
  let n = -1;
  await expect
    .poll(async () => {
      n = await settledCount();
      return n >= 0 && check(n);
    }, poll)
    .toBe(true);
  return n;
}

async function search(text: string) {
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
}

async function fieldError(scope: Locator, text: string) {
  await scope.getByRole('alert').filter({ hasText: text }).first().waitFor();
}

describe('first slice in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    page = await openPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const files = screenshotsWritten().map((f) => relative(REPO_ROOT, f));
    console.log(`Screenshots written (${files.length}):\n  ${files.join('\n  ')}`);
  });

  it('offers sample data on an empty database and loads it', async () => {
    await page.goto(server.url);
    // The token leaves the address bar once the UI has read it.
    await expect.poll(() => page.url(), poll).not.toContain('token=');
    await page.getByRole('heading', { name: 'No clients yet' }).waitFor();
    await screenshot(page, '01-empty-state');

    await page.getByRole('button', { name: 'Load sample data' }).click();
    // The confirmation must appear even though the empty state that asked for it unmounts as the data arrives.
    // The records are fixed; the hours and invoices follow the load day (the sample moves with today), so they
    // are read from the load's own record in the audit log.
    const confirmation = page.getByRole('status').filter({
      hasText:
        /Loaded 5 clients, 7 engagements, 16 specialists, 21 allocations, 6 absences, 5 staffing requests, 5 replacement requests, [\d,]+ time entries and \d+ invoices\./,
    });
    await confirmation.waitFor();
    const dataset = await call<{ rows: { after: { timeEntries: number; invoices: number } }[] }>(server, 'audit.list', {
      entity: 'dataset',
    });
    const result = dataset.rows[0]?.after;
    expect(result?.timeEntries).toBeGreaterThan(1000);
    expect(await confirmation.textContent()).toContain(
      `${result?.timeEntries.toLocaleString('en')} time entries and ${result?.invoices} invoices.`,
    );
    await expectListed(5, 'client');
    expect(await rowTexts(0)).toContain('Alpenbank Privatbank AG');
    expect(await count('clients.list')).toBe(5);
    expect(await count('engagements.list')).toBe(7);
    expect(await count('specialists.list')).toBe(16);
    await screenshot(page, '02-clients-list');
  });

  it('searches, sorts and filters the specialists list', async () => {
    await openArea('Specialists');
    await expectListed(16, 'specialist');
    await dismissToasts(page);
    await screenshot(page, '03-specialists-list', { full: true });

    await search('Popescu');
    await expectListed(1, 'specialist');
    expect((await rowTexts(0))[0]).toContain('Andrei Popescu');
    await screenshot(page, '04-specialists-search');
    await search('');
    await expectListed(16, 'specialist');

    // Sorting by name: ascending by default, the header flips it to descending.
    const ascending = await rowTexts(0);
    const nameHeader = page.getByRole('columnheader', { name: 'Name' });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort'), poll).toBe('descending');
    await expect.poll(() => rowTexts(0), poll).toEqual([...ascending].reverse());
    await nameHeader.getByRole('button').click();
    await expect.poll(() => rowTexts(0), poll).toEqual(ascending);

    // A filter narrows the rows to that value.
    const roles = page.getByRole('combobox', { name: 'Roles' });
    await roles.selectOption('mlops_engineer');
    await settleTo((n) => n > 0 && n < 16);
    const filtered = await rowTexts(1);
    expect(filtered.length).toBeGreaterThan(0);
    expect(new Set(filtered)).toEqual(new Set(['MLOps engineer']));
    await screenshot(page, '05-specialists-filtered');
    await roles.selectOption('');
    await expectListed(16, 'specialist');
  });

  it('filters clients by currency', async () => {
    await openArea('Clients');
    await expectListed(5, 'client');
    const currencies = page.getByRole('combobox', { name: 'Currencies' });
    await currencies.selectOption('CHF');
    await settleTo((n) => n > 0 && n < 5);
    expect(new Set(await rowTexts(2))).toEqual(new Set(['CHF']));
    await currencies.selectOption('');
    await expectListed(5, 'client');
  });

  it('refuses an empty client form with inline messages and saves nothing', async () => {
    await page.getByRole('button', { name: 'New client' }).click();
    const form = drawer('New client');
    await form.waitFor();
    expect(page.url()).toContain('#/clients/new');
    await screenshot(page, '06-client-new-drawer');

    // One mouse click, with focus still in the auto-focused Name field: the click must not be lost to the
    // layout shift a blur message would cause.
    await form.getByRole('button', { name: 'Create client' }).click();
    await fieldError(form, 'Name is required');
    await fieldError(form, 'Country is required');
    await fieldError(form, 'Default currency is required');
    await fieldError(form, 'Please correct the highlighted fields.');
    expect(await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '07-client-validation');
    expect(await count('clients.list')).toBe(5);

    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await count('clients.list')).toBe(5);
  });

  it('creates a client through the form', async () => {
    await page.getByRole('button', { name: 'New client' }).click();
    const form = drawer('New client');
    await form.getByLabel('Name', { exact: true }).fill(NEW_CLIENT);
    await form.getByLabel('Country').selectOption('DE');
    await form.getByLabel('Default currency').selectOption('EUR');
    // The calendar follows the country.
    await expect.poll(() => form.getByLabel('Holiday calendar').inputValue(), poll).toBe('DE');
    await form.getByLabel('Notes').fill('Signed in Kiel; quarterly steering.');
    await form.getByRole('button', { name: 'Create client' }).click();

    await toast(`Created ${NEW_CLIENT}.`).waitFor();
    await drawer(NEW_CLIENT).waitFor(); // the drawer turns into the edit form of the new record
    await expectListed(6, 'client');
    await rowOf(NEW_CLIENT).waitFor();
    expect(await count('clients.list')).toBe(6);
    const saved = await find('clients.list', NEW_CLIENT);
    expect(page.url()).toContain(`#/clients/${saved.id}`);
  });

  it('renames the client and shows the new name in the list', async () => {
    const form = drawer(NEW_CLIENT);
    await form.getByLabel('Name', { exact: true }).fill(RENAMED_CLIENT);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await toast(`Saved ${RENAMED_CLIENT}.`).waitFor();
    const edited = drawer(RENAMED_CLIENT);
    await edited.waitFor();
    await rowOf(RENAMED_CLIENT).waitFor();
    expect(await rowOf(NEW_CLIENT).filter({ hasNotText: RENAMED_CLIENT }).count()).toBe(0);
    await edited.getByRole('heading', { name: 'History' }).waitFor();
    await edited.locator('.history li', { hasText: 'Name' }).waitFor();
    await dismissToasts(page);
    await screenshot(page, '08-client-edit-drawer');
    expect((await find('clients.list', RENAMED_CLIENT)).name).toBe(RENAMED_CLIENT);

    await page.keyboard.press('Escape');
    await edited.waitFor({ state: 'detached' });
  });

  it('asks before discarding unsaved changes, and keeps the stored record', async () => {
    await rowOf(RENAMED_CLIENT).getByRole('button', { name: RENAMED_CLIENT }).click();
    const form = drawer(RENAMED_CLIENT);
    await form.waitFor();
    const before = dialogs.length;
    await form.getByLabel('Notes').fill('not to be kept');
    await form.getByLabel('Notes').press('Escape');
    // Asked in the app's own dialog, never the browser's.
    await page.getByRole('alertdialog', { name: 'Discard your unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click();
    await form.waitFor({ state: 'detached' });
    expect(dialogs.slice(before)).toEqual([]);
    const stored = (await call<{ rows: { name: string; notes: string }[] }>(server, 'clients.list', { search: RENAMED_CLIENT })).rows[0];
    expect(stored?.notes).not.toBe('not to be kept');
  });

  it('refuses an engagement that ends before it starts and saves nothing', async () => {
    await openArea('Engagements');
    await expectListed(7, 'engagement');
    await screenshot(page, '09-engagements-list');

    await page.getByRole('button', { name: 'New engagement' }).click();
    const form = drawer('New engagement');
    await form.waitFor();
    await screenshot(page, '10-engagement-new-drawer');
    await form.getByLabel('Client').selectOption({ label: RENAMED_CLIENT });
    await form.getByLabel('Name', { exact: true }).fill(NEW_ENGAGEMENT);
    await form.getByLabel('Start date').fill('2026-06-01');
    await form.getByLabel('End date').fill('2026-05-01');
    await form.getByRole('button', { name: 'Create engagement' }).click();
    await fieldError(form, 'End date must be on or after the start date');
    await screenshot(page, '11-engagement-validation');
    expect(await count('engagements.list')).toBe(7);
  });

  it('creates an engagement for the new client', async () => {
    const form = drawer('New engagement');
    await form.getByLabel('End date').fill('2027-05-31');
    await expect.poll(() => form.getByRole('alert').count(), poll).toBe(0);
    // The currency starts from the client's default.
    expect(await form.getByLabel('Currency').inputValue()).toBe('EUR');
    await form.getByLabel('Status').selectOption({ label: 'Active' });
    await form.getByLabel('Contract notes').fill('Two MLOps engineers, 24/7 on-call for the scoring service.');
    await form.getByRole('button', { name: 'Create engagement' }).click();

    await toast(`Created ${NEW_ENGAGEMENT}.`).waitFor();
    const edit = drawer(NEW_ENGAGEMENT);
    await edit.waitFor();
    await edit.locator('.drawer__sub', { hasText: RENAMED_CLIENT }).waitFor();
    await expectListed(8, 'engagement');
    const row = rowOf(NEW_ENGAGEMENT);
    expect(await row.textContent()).toContain(RENAMED_CLIENT);
    expect(await count('engagements.list')).toBe(8);
    await dismissToasts(page);
    await screenshot(page, '12-engagement-edit-drawer');
    await edit.getByRole('button', { name: 'Close' }).click();
    await edit.waitFor({ state: 'detached' });
  });

  it('creates a specialist through the form', async () => {
    await openArea('Specialists');
    await page.getByRole('button', { name: 'New specialist' }).click();
    const form = drawer('New specialist');
    await form.waitFor();
    await screenshot(page, '13-specialist-new-drawer');

    await form.getByLabel('Full name').fill(NEW_SPECIALIST);
    await form.getByLabel('Email').fill('ioana.marinescu@example.com');
    await form.getByLabel('Role').selectOption({ index: 1 });
    await form.getByLabel('Seniority').selectOption({ index: 1 });
    await form.getByLabel('Home country').selectOption('RO');
    await form.getByLabel('Start date').fill('2026-02-02');
    await form.getByLabel('Skills').fill('Kubeflow, MLflow, Terraform');
    await form.getByRole('button', { name: 'Add specialist' }).click();

    await toast(`Added ${NEW_SPECIALIST}.`).waitFor();
    const edit = drawer(NEW_SPECIALIST);
    await edit.waitFor();
    await expectListed(17, 'specialist');
    expect(await rowOf(NEW_SPECIALIST).textContent()).toContain('Terraform');
    expect(await count('specialists.list')).toBe(17);
    await dismissToasts(page);
    await screenshot(page, '14-specialist-edit-drawer');
    await edit.getByRole('button', { name: 'Close' }).click();
    await edit.waitFor({ state: 'detached' });
  });

  it('archives a specialist and brings it back with the toast’s Undo', async () => {
    const row = rowOf('Andrei Popescu');
    await row.getByRole('button', { name: 'Archive' }).click();
    const archived = toast('Archived Andrei Popescu.');
    await archived.waitFor();
    await expectListed(16, 'specialist');
    expect((await find('specialists.list', 'Andrei Popescu')).archivedAt).not.toBeNull();
    await screenshot(page, '15-archive-toast');

    await archived.getByRole('button', { name: 'Undo' }).click();
    await toast('Restored Andrei Popescu.').waitFor();
    await expectListed(17, 'specialist');
    expect((await find('specialists.list', 'Andrei Popescu')).archivedAt).toBeNull();
    await dismissToasts(page);
  });

  it('archives an engagement and restores it from the Archived view', async () => {
    await openArea('Engagements');
    await expectListed(8, 'engagement');
    await rowOf(NEW_ENGAGEMENT).getByRole('button', { name: 'Archive' }).click();
    await toast(`Archived ${NEW_ENGAGEMENT}.`).waitFor();
    await expectListed(7, 'engagement');

    await page.getByRole('button', { name: 'Archived', exact: true }).click();
    await expectListed(1, 'engagement');
    const row = rowOf(NEW_ENGAGEMENT);
    expect(await row.textContent()).toContain('Archived');
    await dismissToasts(page);
    await screenshot(page, '16-engagements-archived');
    await row.getByRole('button', { name: 'Restore' }).click();
    await toast(`Restored ${NEW_ENGAGEMENT}.`).waitFor();
    await expectListed(0, 'engagement');
    await page.getByText('No engagement matches', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Current', exact: true }).click();
    await expectListed(8, 'engagement');
    expect((await find('engagements.list', NEW_ENGAGEMENT)).archivedAt).toBeNull();
    await dismissToasts(page);
  });

  it('refuses to archive a client with a running engagement, and says why', async () => {
    await openArea('Clients');
    await rowOf(RENAMED_CLIENT).getByRole('button', { name: 'Archive' }).click();
    const refusal = page.locator('.toast[role="alert"]').filter({ hasText: `${RENAMED_CLIENT} still has 1 running engagement` });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(NEW_ENGAGEMENT);
    await screenshot(page, '17-archive-refused');
    await expectListed(6, 'client');
    expect((await find('clients.list', RENAMED_CLIENT)).archivedAt).toBeNull();
    await dismissToasts(page);
  });

  it('undoes a client archive from the audit log', async () => {
    const client = 'Lumen Telecom S.A.'; // its only engagement has ended, so it may be archived
    await rowOf(client).getByRole('button', { name: 'Archive' }).click();
    await toast(`Archived ${client}`).waitFor();
    // The name ends in a full stop: the toast must not add a second one.
    expect(await toast(`Archived ${client}`).textContent()).not.toContain('S.A..');
    await expectListed(5, 'client');
    expect((await find('clients.list', client)).archivedAt).not.toBeNull();
    await dismissToasts(page);

    await openArea('Audit log');
    const entry = (change: string) =>
      rows()
        .filter({ hasText: client })
        .filter({ has: page.locator('td', { hasText: new RegExp(`^${change}$`) }) })
        .first();
    await entry('Archived').getByRole('button', { name: 'Undo' }).click();
    await toast(`Undone: ${client} is restored.`).waitFor();
    expect((await find('clients.list', client)).archivedAt).toBeNull();
    // The undo is itself recorded.
    await entry('Restored').waitFor();

    await openArea('Clients');
    await expectListed(6, 'client');
    await rowOf(client).waitFor();
    await dismissToasts(page);
  });

  it('lists every change in the audit log and filters it by record type', async () => {
    await openArea('Audit log');
    await dismissToasts(page);
    const missing = async () => {
      const changes = await rowTexts(3);
      const records = await rowTexts(2);
      return [
        ...['Loaded 5 clients, 7 engagements, 16 specialists', 'Created', 'Changed name', 'Archived', 'Restored'].filter(
          (change) => !changes.some((c) => c.startsWith(change)),
        ),
        ...[RENAMED_CLIENT, NEW_ENGAGEMENT, NEW_SPECIALIST, 'Andrei Popescu', 'Lumen Telecom S.A.'].filter(
          (name) => !records.some((r) => r.includes(name)),
        ),
      ];
    };
    await expect.poll(missing, poll).toEqual([]);
    expect(new Set(await rowTexts(1))).toEqual(new Set(['e2e-tester']));
    await screenshot(page, '18-audit-log', { full: true });

    await page.getByRole('combobox', { name: 'Records' }).selectOption('client');
    // Only records of that type, and some: an empty list (still loading after the filter changed) says nothing yet.
    const onlyOf = async (prefix: string) => {
      const records = await rowTexts(2);
      return records.length > 0 && records.every((r) => r.startsWith(prefix));
    };
    await expect.poll(() => onlyOf('Client '), poll).toBe(true);
    const clientEntries = await rowTexts(2);
    const changesOf = async (record: string) => {
      const changed = await rowTexts(3);
      return clientEntries.flatMap((r, i) => (r === `Client ${record}` ? [changed[i]] : []));
    };
    // Newest first; each entry carries the name the record had at the time.
    expect(await changesOf(RENAMED_CLIENT)).toEqual([`Changed name “${NEW_CLIENT}” → “${RENAMED_CLIENT}”`]);
    expect(await changesOf(NEW_CLIENT)).toEqual(['Created']);
    expect(await changesOf('Lumen Telecom S.A.')).toEqual(['Restored', 'Archived', 'Created']);
    expect(clientEntries.some((r) => r.includes(NEW_SPECIALIST))).toBe(false);
    await screenshot(page, '19-audit-log-clients');

    await page.getByRole('combobox', { name: 'Records' }).selectOption('specialist');
    await expect.poll(() => onlyOf('Specialist '), poll).toBe(true);
    expect((await rowTexts(2)).some((r) => r.includes(NEW_SPECIALIST))).toBe(true);

    // A record in the log opens that record.
    await rowOf(NEW_SPECIALIST).getByRole('button', { name: NEW_SPECIALIST }).click();
    await page.getByRole('heading', { level: 1, name: 'Specialists' }).waitFor();
    const opened = drawer(NEW_SPECIALIST);
    await opened.waitFor();
    expect(await opened.getByLabel('Email').inputValue()).toBe('ioana.marinescu@example.com');
    await page.keyboard.press('Escape');
    await opened.waitFor({ state: 'detached' });
  });

  it('keeps everything after a restart on the same data folder', async () => {
    const before = {
      clients: await count('clients.list'),
      engagements: await count('engagements.list'),
      specialists: await count('specialists.list'),
    };
    const oldToken = server.token;
    await context.close();
    await server.stop();

    server = await startServer(dataDir);
    expect(server.token).not.toBe(oldToken);
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    page = await openPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await expectListed(6, 'client');
    await rowOf(RENAMED_CLIENT).waitFor();
    expect(await rowOf(RENAMED_CLIENT).textContent()).toContain('1 active / 1');

    await openArea('Engagements');
    await expectListed(8, 'engagement');
    await rowOf(NEW_ENGAGEMENT).waitFor();
    await openArea('Specialists');
    await expectListed(17, 'specialist');
    await rowOf(NEW_SPECIALIST).waitFor();

    expect({
      clients: await count('clients.list'),
      engagements: await count('engagements.list'),
      specialists: await count('specialists.list'),
    }).toEqual(before);
  });

  it('logged no uncaught error or console error in the page', () => {
    expect(pageProblems).toEqual([]);
  });
});
