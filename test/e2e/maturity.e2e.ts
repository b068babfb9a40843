import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ListResult } from '@shared/contract';
import type { AssessmentDetail, AssessmentListItem } from '@shared/maturity/contract/assessments';
import type { MaturityOverview } from '@shared/maturity/contract/overview';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './support/browser';
import { dismissToasts, SCREENSHOT_DIR, screenshot, screenshotsWritten } from './support/screens';
import { call, type KeelServer, makeDataDir, REPO_ROOT, startServer } from './support/server';

/**
 * Maturity assessments as a client lead meets them, in a real Chromium against browser mode with the sample
 * dataset. Thameside Retail runs a recommender in production and has two final assessments; the later one
 * answers "yes" to a complete model card, which the portfolio does not bear out. The lead sees where the client
 * stands, starts a new assessment from the last answers, answers with the keyboard until the blocking
 * criterion moves, finalises it, compares it with the previous one on the radar, sees the contradiction
 * flagged, and exports the one-page summary as a PDF (rendered to PNG and read back) and the scorecard workbook.
 */

const CLIENT = 'Thameside Retail plc';
const ASSESSOR = 'Ioana Constantinescu';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: KeelServer;
const dataDir = makeDataDir('keel-e2e-maturity-');
const downloadDir = mkdtempSync(join(tmpdir(), 'keel-e2e-maturity-download-'));
const pageProblems: string[] = [];
const dialogs: string[] = [];
const ids = { client: '', previous: '', draft: '' };

const overview = () => call<MaturityOverview>(server, 'maturity.client', { clientId: ids.client });
const detail = (id: string) => call<AssessmentDetail>(server, 'assessments.get', { id });

async function shot(name: string, full = false) {
  await dismissToasts(page);
  await screenshot(page, name, { full });
}

describe('maturity assessments in Chromium (browser mode)', () => {
  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await openWatchedPage(context, pageProblems, dialogs);
    await call(server, 'sample.load', {});
    const clients = await call<ListResult<{ id: string; name: string }>>(server, 'clients.list', {});
    ids.client = clients.rows.find((c) => c.name === CLIENT)?.id ?? '';
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

  it('shows where the client stands: levels now and before, the radar with its table, and the contradiction from the portfolio', async () => {
    const api = await overview();
    expect(api.current).not.toBeNull();
    expect(api.previous).not.toBeNull();
    ids.previous = api.current?.assessmentId ?? '';
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Maturity assessments', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Maturity assessments' }).waitFor();
    await page.getByLabel('Client', { exact: true }).selectOption({ label: CLIENT });
    const radarTable = page.getByRole('table', {
      name: /^Microsoft MLOps maturity model: current, previous and target per dimension \(table\)$/,
    });
    await radarTable.waitFor();
    // The numbers the backend computed, one row per dimension.
    const microsoft = api.current?.levels.find((l) => l.framework === 'microsoft');
    for (const d of microsoft?.dimensions ?? []) {
      const row = radarTable.getByRole('row', { name: new RegExp(`^${d.dimensionName} `) });
      await expect.poll(() => row.locator('td').first().textContent()).toBe(String(d.level));
    }
    // The chart is reachable by keyboard and says what it shows.
    const figure = page.getByRole('img', { name: /^Microsoft MLOps maturity model: current, previous and target per dimension: / });
    expect(await figure.getAttribute('tabindex')).toBe('0');
    // The portfolio does not bear out the complete-model-card answer.
    expect(api.contradictions).toBeGreaterThan(0);
    const card = api.crossChecks.find((c) => c.criterionId === 'doc.model_cards');
    expect(card?.verdict).toBe('contradicts');
    await page.getByText(card?.message ?? '', { exact: true }).waitFor();
    await shot('maturity-overview', true);
  });

  it('starts a new assessment from the last answers and answers with the keyboard until the blocking criterion moves', async () => {
    await page.getByRole('tablist', { name: 'Maturity views' }).getByRole('tab', { name: 'Assessments' }).click();
    await page.getByRole('table', { name: 'Assessments' }).waitFor();
    await shot('maturity-assessments');
    await page.getByRole('button', { name: 'New assessment' }).click();
    const form = page.getByRole('form', { name: 'New assessment' });
    const assessor = form.getByLabel('Assessor');
    await assessor.locator('option', { hasText: ASSESSOR }).waitFor({ state: 'attached' });
    await assessor.selectOption({ label: ASSESSOR });
    expect(await form.getByLabel('Start from the latest assessment’s answers').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Start assessment' }).click();
    await page.getByRole('heading', { name: /^Assessment of .* Draft$/ }).waitFor();
    const drafts = await call<ListResult<AssessmentListItem>>(server, 'assessments.list', { clientId: ids.client, status: 'draft' });
    ids.draft = drafts.rows[0]?.id ?? '';
    const before = await detail(ids.draft);
    expect(before.progress.answered).toBe(before.progress.total);

    // The first blocked dimension names its blocking criterion on the levels panel.
    const ms = before.levels.find((l) => l.framework === 'microsoft');
    const blocked = ms?.dimensions.find((d) => d.next !== null);
    const blocker = blocked?.next?.blockers[0];
    expect(blocker).toBeDefined();
    const levels = page.getByRole('table', { name: 'Microsoft MLOps maturity model levels' });
    await levels
      .getByRole('row', { name: new RegExp(`^${blocked?.dimensionName} `) })
      .locator('.mat-blocker', { hasText: blocker?.title ?? '' })
      .waitFor();
    await shot('maturity-assessment-draft');

    // Answer every blocker of that level "yes" from the keyboard: focus the criterion, press y.
    for (const b of blocked?.next?.blockers ?? []) {
      const row = page.getByRole('listitem', { name: new RegExp(`^${escapeRegExp(b.title)} — `) });
      await row.focus();
      await page.keyboard.press('y');
      await expect.poll(async () => (await row.getAttribute('aria-label')) ?? '').toBe(`${b.title} — Yes`);
    }
    // Confidence and moving with j/k work from the keyboard too.
    const first = page.getByRole('listitem', { name: new RegExp(`^${escapeRegExp(blocker?.title ?? '')} — `) });
    await first.focus();
    await page.keyboard.press('3');
    await expect
      .poll(async () => (await detail(ids.draft)).answers.find((a) => a.criterionId === blocker?.criterionId)?.confidence)
      .toBe('high');
    await page.keyboard.press('j');
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).not.toContain(blocker?.title ?? '');

    const after = await detail(ids.draft);
    const dimension = after.levels.find((l) => l.framework === 'microsoft')?.dimensions.find((d) => d.dimension === blocked?.dimension);
    expect(dimension?.level).toBeGreaterThan(blocked?.level ?? 0);
    await levels
      .getByRole('row', { name: new RegExp(`^${blocked?.dimensionName} `) })
      .getByText(`${dimension?.level} — ${dimension?.levelName}`)
      .waitFor();
    await shot('maturity-assessment-answered');
  });

  it('finalises it and compares it with the previous one on the radar', async () => {
    await page.getByRole('button', { name: 'Finalise', exact: true }).click();
    const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
    await dialog.getByRole('button', { name: 'Finalise' }).click();
    await page.getByRole('heading', { name: /^Assessment of .* Final$/ }).waitFor();
    // Read-only now: no answer buttons.
    expect(await page.getByRole('group', { name: /^Answer: / }).count()).toBe(0);
    const api = await overview();
    expect(api.current?.assessmentId).toBe(ids.draft);
    expect(api.previous?.assessmentId).toBe(ids.previous);
    await page.getByRole('button', { name: /: all assessments$/ }).click();
    await page.getByRole('tablist', { name: 'Maturity views' }).getByRole('tab', { name: 'Overview' }).click();
    const radarTable = page.getByRole('table', {
      name: /^Microsoft MLOps maturity model: current, previous and target per dimension \(table\)$/,
    });
    for (const d of api.current?.levels.find((l) => l.framework === 'microsoft')?.dimensions ?? []) {
      const was = api.previous?.levels.find((l) => l.framework === 'microsoft')?.dimensions.find((x) => x.dimension === d.dimension)?.level;
      const cells = radarTable.getByRole('row', { name: new RegExp(`^${d.dimensionName} `) }).locator('td');
      await expect.poll(() => cells.nth(0).textContent()).toBe(String(d.level));
      expect(await cells.nth(1).textContent()).toBe(String(was));
    }
    await shot('maturity-overview-after', true);
  });

  it('exports the one-page summary as a PDF and the scorecard workbook, and reads both back', async () => {
    await page.goto(`${server.baseUrl}/#/maturity/${ids.draft}`);
    await page.getByRole('heading', { name: /^Assessment of .* Final$/ }).waitFor();
    const [printable] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Summary (PDF)' }).click()]);
    await printable.waitForLoadState('load');
    await printable.getByRole('heading', { level: 1, name: `Maturity summary — ${CLIENT}` }).waitFor();
    const pdf = await printable.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfFile = join(SCREENSHOT_DIR, 'maturity-summary.pdf');
    writeFileSync(pdfFile, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdfFile, join(SCREENSHOT_DIR, 'maturity-summary')]);
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Maturity summary — ${CLIENT}`);
    expect(text).toContain('Top gaps and next steps');
    await printable.close();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Scorecard (workbook)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^maturity-scorecard-thameside-retail-plc-.*\.xlsx$/);
    const file = join(downloadDir, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Answers', 'Levels', 'Targets']);
    const final = await detail(ids.draft);
    expect(book.getWorksheet('Answers')?.rowCount).toBe(final.set.criteria.length + 1);
    const flags: string[] = [];
    book.getWorksheet('Answers')?.eachRow((row) => flags.push(String(row.getCell(10).value ?? '')));
    expect(flags.filter((f) => f === 'Contradiction').length).toBe(final.contradictions);
    expect(pageProblems).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('shows the readiness check with its recommendation', async () => {
    await page.goto(`${server.baseUrl}/#/maturity`);
    await page.getByRole('tablist', { name: 'Maturity views' }).getByRole('tab', { name: 'Readiness' }).click();
    await page.getByRole('heading', { name: /^Recommendation / }).waitFor();
    await shot('maturity-readiness', true);
    await page.getByRole('tablist', { name: 'Maturity views' }).getByRole('tab', { name: 'All clients' }).click();
    await page.getByRole('table', { name: 'Maturity of every client' }).waitFor();
    await shot('maturity-all-clients');
    expect(pageProblems).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
