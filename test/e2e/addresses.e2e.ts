import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { call, type KeelServer, makeDataDir, startServer } from './support/server';

/**
 * Every view has an address, in a real Chromium against browser mode: a deep
 * link into a filtered, sorted list and into a record on a tab opens exactly
 * that view, a reload keeps it, back/forward walk the views, and an area that
 * does not exist says so instead of showing another screen.
 */

type Row = Record<string, unknown> & { id: string };
type Listed = { rows: Row[]; total: number };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const pageProblems: string[] = [];
const dialogs: string[] = [];

const main = () => page.getByRole('main');
const hash = () => new URL(page.url()).hash;
const select = (label: string) => main().getByRole('combobox', { name: label });
const sortOf = (column: string) => main().getByRole('columnheader', { name: column }).getAttribute('aria-sort');

/** The specialists' full names in the order the list shows them. */
async function listedNames(): Promise<string[]> {
  const table = main().getByRole('table');
  await table.waitFor();
  return (await table.locator('tbody tr td:first-child button.link').allTextContents()).map((t) => t.trim());
}

describe('addresses in Chromium (browser mode)', () => {
  let roleFiltered: Row[] = [];
  let request: Row;

  beforeAll(async () => {
    server = await startServer(makeDataDir('keel-e2e-addresses-'));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await openWatchedPage(context, pageProblems, dialogs);
    await call(server, 'sample.load', {});
    roleFiltered = (
      await call<Listed>(server, 'specialists.list', { role: 'mlops_engineer', sort: 'seniority', direction: 'desc', archived: 'active' })
    ).rows;
    const requests = await call<Listed>(server, 'replacements.list', { state: 'all' });
    request = requests.rows[0] as Row;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a deep link opens a filtered, sorted list, and a reload keeps it', async () => {
    expect(roleFiltered.length).toBeGreaterThan(1);
    await page.goto(`${server.url}#/specialists?role=mlops_engineer&sort=seniority&dir=desc`);
    await main().getByRole('heading', { name: 'Specialists' }).waitFor();
    const expected = roleFiltered.map((r) => String(r.fullName));
    await expect.poll(listedNames, { timeout: 10_000 }).toEqual(expected);
    expect(await select('Roles').inputValue()).toBe('mlops_engineer');
    expect(await sortOf('Seniority')).toBe('descending');
    // The launch token left the address; the view did not.
    expect(page.url()).not.toContain('token=');

    await page.reload();
    await expect.poll(listedNames, { timeout: 10_000 }).toEqual(expected);
    expect(await select('Roles').inputValue()).toBe('mlops_engineer');
    expect(await sortOf('Seniority')).toBe('descending');
    expect(await hash()).toBe('#/specialists?role=mlops_engineer&sort=seniority&dir=desc');
  });

  it('a deep link opens a record on its tab, and a reload keeps both', async () => {
    await page.goto(`${server.url}#/replacements/${request.id}?tab=requests&state=all`);
    const tab = main().getByRole('tab', { name: 'Replacement requests' });
    await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
    const drawer = page.getByRole('complementary');
    await drawer.waitFor();
    await expect.poll(() => drawer.textContent()).toContain(String(request.outgoingSpecialistName));
    await page.reload();
    await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
    await expect
      .poll(() => page.getByRole('complementary').textContent(), { timeout: 10_000 })
      .toContain(String(request.outgoingSpecialistName));
    expect(await hash()).toBe(`#/replacements/${request.id}?tab=requests&state=all`);
  });

  it('back and forward walk the views: sort, filter, another area', async () => {
    await page.goto(`${server.url}#/specialists`);
    await main().getByRole('heading', { name: 'Specialists' }).waitFor();
    await main().getByRole('columnheader', { name: 'Seniority' }).getByRole('button').click();
    await expect.poll(async () => hash()).toBe('#/specialists?sort=seniority');
    await select('Roles').selectOption('mlops_engineer');
    await expect.poll(async () => hash()).toBe('#/specialists?sort=seniority&role=mlops_engineer');
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Clients' }).click();
    await main().getByRole('heading', { name: 'Clients' }).waitFor();

    await page.goBack();
    await main().getByRole('heading', { name: 'Specialists' }).waitFor();
    await expect.poll(() => select('Roles').inputValue()).toBe('mlops_engineer');
    await page.goBack();
    await expect.poll(() => select('Roles').inputValue()).toBe('');
    expect(await sortOf('Seniority')).toBe('ascending');
    await page.goBack();
    await expect.poll(() => sortOf('Seniority')).toBe('none');
    await page.goForward();
    await expect.poll(() => sortOf('Seniority')).toBe('ascending');
    await page.goForward();
    await expect.poll(() => select('Roles').inputValue()).toBe('mlops_engineer');
  });

  it('an area that does not exist says so instead of showing Clients', async () => {
    await page.goto(`${server.url}#/runcost`);
    await main().getByRole('heading', { name: 'There is no such page' }).waitFor();
    expect(await main().getByRole('heading', { name: 'Clients' }).count()).toBe(0);
    await page.goto(`${server.url}#/nowhere?tab=x`);
    await main().getByRole('heading', { name: 'There is no such page' }).waitFor();
    await main().getByRole('button', { name: 'Open Clients' }).click();
    await main().getByRole('heading', { name: 'Clients' }).waitFor();
  });

  it('logged no uncaught error or console error, and asked nothing in a browser dialog', () => {
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
