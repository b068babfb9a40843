import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { FINANCE_LAYOUT_VERSION, FINANCE_SHEET_ORDER, FINANCE_SHEETS, FINANCE_WORKBOOK_MARKER } from '@backend/billing/financeLayout';
import { writeFinanceWorkbook } from '@backend/billing/financeWorkbook';
import type { ExportJob, ImportReport, InputOf, KeelError, MonthReviewResult } from '@shared/contract';
import { minorToMajor } from '@shared/kernel/money';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';

/**
 * The finance workbook and the hours import on a real SQLite file. The
 * workbook is re-opened with exceljs and held against Keel's own figures to
 * the minor unit; imports are checked row by row and write all or nothing.
 * Today is 2026-11-24.
 */

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;

let b: TestBackend;
let now = Date.UTC(2026, 10, 24, 10, 0, 0);
const clock = () => {
  now += 1000;
  return new Date(now);
};

beforeEach(() => {
  now = Date.UTC(2026, 10, 24, 10, 0, 0);
  b = openTestBackend({ clock });
});
afterEach(() => b.dispose());

type Activity = InputOf<'time.setCell'>['activity'];
type Ids = Awaited<ReturnType<typeof setUp>>;

/**
 * Three clients in three currencies: Helvetic (CHF, VAT 8.1%, 15-minute rounding, a rate rise on
 * 2026-10-16), Nippon (JPY, no minor unit, VAT 10%), Gulf (BHD, three decimals, VAT 10%).
 * Ana (MLOps engineer) and Ben (data engineer) joined on 5 Jan 2026.
 */
async function setUp() {
  const helvetic = await b.ok('clients.create', validClient);
  const claims = await b.ok('engagements.create', validEngagement(helvetic.id));
  const nippon = await b.ok('clients.create', {
    ...validClient,
    name: 'Nippon Kaiun KK',
    country: 'JP',
    currency: 'JPY',
    holidayCalendar: 'JP',
    vatBasisPoints: 1000,
  });
  const routes = await b.ok('engagements.create', {
    ...validEngagement(nippon.id),
    name: 'Route optimisation',
    currency: 'JPY',
    startDate: '2026-01-01',
    endDate: null,
  });
  const gulf = await b.ok('clients.create', {
    ...validClient,
    name: 'Gulf Ledger WLL',
    country: 'BH',
    currency: 'BHD',
    holidayCalendar: 'BH',
    vatBasisPoints: 1000,
  });
  const ledger = await b.ok('engagements.create', {
    ...validEngagement(gulf.id),
    name: 'Ledger anomaly detection',
    currency: 'BHD',
    startDate: '2026-01-01',
    endDate: null,
  });
  const ana = await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] });
  const ben = await b.ok('specialists.create', {
    ...validSpecialist,
    fullName: 'Ben Okafor',
    role: 'data_engineer',
    homeCountry: 'DE',
    email: 'ben.okafor@example.com',
    skills: ['Spark'],
  });
  const terms = await b.ok('billing.terms', { engagementId: claims.id });
  await b.ok('billing.setTerms', {
    engagementId: claims.id,
    roundingMinutes: 15,
    monthlyCapMinutes: null,
    expectedUpdatedAt: terms.updatedAt,
  });
  await b.ok('rates.create', { engagementId: claims.id, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 14_550 });
  await b.ok('rates.create', { engagementId: claims.id, role: 'mlops_engineer', effectiveFrom: '2026-10-16', hourlyRateMinor: 15_075 });
  await b.ok('rates.create', { engagementId: claims.id, role: 'data_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 13_000 });
  await b.ok('rates.create', { engagementId: routes.id, role: 'mlops_engineer', effectiveFrom: '2026-01-01', hourlyRateMinor: 18_333 });
  await b.ok('rates.create', { engagementId: ledger.id, role: 'data_engineer', effectiveFrom: '2026-01-01', hourlyRateMinor: 52_135 });
  return { helvetic, claims, nippon, routes, gulf, ledger, ana, ben };
}

async function book(ids: Ids) {
  const hours = async (specialistId: string, engagementId: string, date: string, activity: Activity, minutes: number, note = '') =>
    b.ok('time.setCell', { specialistId, engagementId, date, activity, minutes, note });
  const { ana, ben, claims, routes, ledger } = ids;
  await hours(ana.id, claims.id, '2026-10-05', 'retraining', 437);
  await hours(ana.id, claims.id, '2026-10-06', 'incident_response', 125, 'Pager at 02:00; “model drift”, fixed');
  await hours(ana.id, claims.id, '2026-10-20', 'deployment', 480);
  await hours(ana.id, routes.id, '2026-10-07', 'operate_monitoring', 200);
  await hours(ana.id, routes.id, '2026-10-21', 'improvement', 95);
  await hours(ben.id, claims.id, '2026-10-08', 'data_pipelines', 333);
  await hours(ben.id, ledger.id, '2026-10-09', 'data_pipelines', 451);
  await hours(ben.id, ledger.id, '2026-10-22', 'governance_audit', 77);
}

/** The whole fixture with October 2026 of Claims invoiced. */
async function invoicedOctober() {
  const ids = await setUp();
  await book(ids);
  await b.ok('months.approve', { engagementId: ids.claims.id, month: '2026-10' });
  const invoice = await b.ok('invoices.issue', { engagementId: ids.claims.id, month: '2026-10' });
  return { ...ids, invoice };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function finished(job: ExportJob): Promise<ExportJob> {
  let status = job;
  for (let i = 0; i < 1000 && status.state === 'running'; i++) {
    await wait(10);
    status = await b.ok('finance.exportStatus', { jobId: job.id });
  }
  return status;
}

async function exported(input: InputOf<'finance.exportStart'>) {
  const job = await finished(await b.ok('finance.exportStart', input));
  expect(job).toMatchObject({ state: 'done', error: null });
  const file = await b.ok('finance.exportDownload', { jobId: job.id });
  const bytes = Buffer.from(file.base64, 'base64');
  expect(bytes.length).toBe(file.bytes);
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer); // exceljs declares its own Buffer type
  return { job, file, bytes, workbook };
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Cell values of rows 2… up to the first empty row (the data), and the rows after it (the totals). */
function table(ws: ExcelJS.Worksheet) {
  const values = (n: number) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1);
  const header = values(1);
  const data: ExcelJS.CellValue[][] = [];
  let n = 2;
  for (; ws.getRow(n).hasValues; n++) data.push(values(n));
  const totals: ExcelJS.CellValue[][] = [];
  for (n++; ws.getRow(n).hasValues; n++) totals.push(values(n));
  return { header, data, totals, totalRow: (i: number) => ws.getRow(data.length + 3 + i) };
}

const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function refused(name: string, input: unknown): Promise<KeelError> {
  const result = await b.call(name, input);
  if (result.ok) throw new Error(`${name} should have been refused but returned ${JSON.stringify(result.value).slice(0, 300)}`);
  return result.error;
}

const count = (sql: string) => (b.db.prepare(sql).get() as { n: number }).n;
const entryCount = () => count('SELECT count(*) AS n FROM time_entry');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const importFile = (fileName: string, content: string | Buffer, dryRun = false) =>
  b.ok('hours.import', { fileName, base64: typeof content === 'string' ? base64(content) : content.toString('base64'), dryRun });

describe('the month workbook', () => {
  it('matches Keel’s invoices to the minor unit in three currencies, with per-currency totals as formulas caching Keel’s totals', async () => {
    const ids = await invoicedOctober();
    const { file, workbook } = await exported({ kind: 'month', month: '2026-10' });
    expect(file.fileName).toBe('keel-hours-2026-10.xlsx');
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...FINANCE_SHEET_ORDER.month]);

    const months = (await b.ok('months.list', { month: '2026-10' })).rows;
    const reviews = new Map<string, MonthReviewResult>();
    for (const m of months) reviews.set(m.engagementId, await b.ok('months.review', { engagementId: m.engagementId, month: '2026-10' }));

    // Summary: one row per engagement, client order, figures equal to the month close.
    const summary = table(sheet(workbook, 'Summary'));
    expect(summary.header).toEqual(FINANCE_SHEETS.Summary.map((c) => c.header));
    expect(summary.data.map((r) => r[1])).toEqual(['Ledger anomaly detection', 'Claims model operations', 'Route optimisation']);
    for (const row of summary.data) {
      const m = months.find((x) => x.engagementName === row[1]);
      if (!m) throw new Error(`unexpected row ${row[1]}`);
      const vat = reviews.get(m.engagementId)?.invoice.vatBasisPoints ?? -1;
      expect(row).toEqual([
        m.clientName,
        m.engagementName,
        m.currency,
        m.status === 'invoiced' ? 'Invoiced' : 'Open',
        ...(m.invoiceNumber ? [m.invoiceNumber] : [undefined]),
        m.minutes,
        m.minutes / 60,
        0, // no non-billable hours in this month
        0,
        minorToMajor(m.netMinor, m.currency),
        vat / 10_000,
        minorToMajor(m.vatMinor, m.currency),
        minorToMajor(m.grossMinor, m.currency),
      ]);
    }
    // The invoiced month shows the issued invoice; JPY by hand: 295 min × ¥18,333 / 60 = 90,137.25 → ¥90,137, VAT ¥9,014.
    const claimsRow = summary.data.find((r) => r[1] === 'Claims model operations');
    expect(claimsRow?.slice(3, 5)).toEqual(['Invoiced', ids.invoice.number]);
    expect(claimsRow?.[9]).toBe(ids.invoice.netMinor / 100);
    expect(summary.data.find((r) => r[1] === 'Route optimisation')?.slice(9)).toEqual([90_137, 0.1, 9_014, 99_151]);
    // BHD: 528 min × 52.135 / 60 = 458.788, VAT 45.879.
    expect(summary.data.find((r) => r[1] === 'Ledger anomaly detection')?.slice(9)).toEqual([458.788, 0.1, 45.879, 504.667]);

    // One total row per currency, never across currencies: SUMIFS formulas whose cached result is Keel's integer total.
    const summarySheet = sheet(workbook, 'Summary');
    expect(summary.totals.map((r) => [r[0], r[2]])).toEqual([
      ['Total', 'BHD'],
      ['Total', 'CHF'],
      ['Total', 'JPY'],
    ]);
    summary.totals.forEach((row, i) => {
      const currency = row[2] as string;
      const own = months.filter((m) => m.currency === currency);
      const sum = (pick: (m: (typeof months)[number]) => number) => own.reduce((n, m) => n + pick(m), 0);
      const r = summary.totalRow(i);
      expect(r.getCell(6).value).toEqual({ formula: `SUMIFS(F2:F4,C2:C4,"${currency}")`, result: sum((m) => m.minutes) });
      expect(r.getCell(7).value).toEqual({ formula: `SUMIFS(G2:G4,C2:C4,"${currency}")`, result: sum((m) => m.minutes) / 60 });
      // A total of zero is written with its cached 0, which exceljs reads back as no result.
      expect(r.getCell(8).value).toMatchObject({ formula: `SUMIFS(H2:H4,C2:C4,"${currency}")` });
      expect(r.getCell(10).value).toEqual({
        formula: `SUMIFS(J2:J4,C2:C4,"${currency}")`,
        result: minorToMajor(
          sum((m) => m.netMinor),
          currency,
        ),
      });
      expect(r.getCell(12).value).toMatchObject({
        result: minorToMajor(
          sum((m) => m.vatMinor),
          currency,
        ),
      });
      expect(r.getCell(13).value).toMatchObject({
        result: minorToMajor(
          sum((m) => m.grossMinor),
          currency,
        ),
      });
      expect(r.getCell(10).numFmt).toBe({ CHF: '#,##0.00', JPY: '#,##0', BHD: '#,##0.000' }[currency]);
      expect(r.getCell(10).font?.bold).toBe(true);
    });
    expect(summarySheet.getCell('J3').numFmt).toBe('#,##0.00'); // CHF row
    expect(summarySheet.getCell('J4').numFmt).toBe('#,##0'); // JPY row
    expect(summarySheet.getCell('J2').numFmt).toBe('#,##0.000'); // BHD row
    expect(summarySheet.getCell('K2').numFmt).toBe('0.00%');

    // Invoice lines: the issued snapshot for Claims (split at the rate rise), computed lines elsewhere.
    const lines = table(sheet(workbook, 'Invoice lines'));
    expect(lines.header).toEqual(FINANCE_SHEETS['Invoice lines'].map((c) => c.header));
    const expected = months.flatMap((m) => {
      const review = reviews.get(m.engagementId);
      const own = review?.issued?.lines ?? review?.invoice.lines ?? [];
      return own.map((l) => [
        m.clientName,
        m.engagementName,
        m.currency,
        l.specialistName,
        l.role === 'mlops_engineer' ? 'MLOps engineer' : 'Data engineer',
        utc(l.fromDate),
        utc(l.toDate),
        l.rateSource === 'role' ? 'Role rate' : 'Specialist override',
        minorToMajor(l.hourlyRateMinor, m.currency),
        l.minutes,
        l.billedMinutes,
        l.billedMinutes / 60,
        l.nonBillableMinutes,
        l.nonBillableMinutes / 60,
        minorToMajor(l.amountMinor, m.currency),
      ]);
    });
    expect(lines.data).toEqual(expected);
    const claimsLines = lines.data.filter((r) => r[1] === 'Claims model operations');
    expect(claimsLines.map((r) => [r[3], r[5], r[6], r[8], r[9], r[10]])).toEqual([
      ['Ana Ionescu', utc('2026-10-01'), utc('2026-10-15'), 145.5, 562, 585], // 437 → 450, 125 → 135 with 15-minute rounding
      ['Ana Ionescu', utc('2026-10-16'), utc('2026-10-31'), 150.75, 480, 480],
      ['Ben Okafor', utc('2026-10-01'), utc('2026-10-31'), 130, 333, 345],
    ]);
    expect(ids.invoice.lines).toHaveLength(3);
    const linesSheet = sheet(workbook, 'Invoice lines');
    expect(linesSheet.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    expect(linesSheet.getCell('L2').numFmt).toBe('0.00');
    for (const [i, row] of lines.totals.entries()) {
      const currency = row[2] as string;
      const amount = months
        .filter((m) => m.currency === currency)
        .reduce((n, m) => n + ((reviews.get(m.engagementId)?.issued ?? reviews.get(m.engagementId)?.invoice)?.netMinor ?? 0), 0);
      const last = 1 + lines.data.length;
      expect(lines.totalRow(i).getCell(15).value).toEqual({
        formula: `SUMIFS(O2:O${last},C2:C${last},"${currency}")`,
        result: minorToMajor(amount, currency),
      });
      // The lines add up to the Summary's net of the same currency.
      expect((summary.totalRow(i).getCell(10).value as { result: number }).result).toBe(minorToMajor(amount, currency));
    }
    expect(lines.totals.map((r) => r[2])).toEqual(['BHD', 'CHF', 'JPY']);
  });

  it('writes dates as dates, hours as minutes ÷ 60 with format 0.00, a frozen filtered header and the layout version', async () => {
    await invoicedOctober();
    const { workbook } = await exported({ kind: 'month', month: '2026-10' });
    const detail = sheet(workbook, 'Timesheet detail');
    const rows = table(detail);
    expect(rows.header).toEqual(FINANCE_SHEETS['Timesheet detail'].map((c) => c.header));
    expect(rows.data).toHaveLength(8);
    expect(rows.totals).toHaveLength(0);
    const incident = rows.data.find((r) => r[8] === 'Incident response');
    expect(incident?.slice(1)).toEqual([
      utc('2026-10-06'),
      'Helvetic Insurance AG',
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      'Claims model operations',
      'Ana Ionescu',
      'ana.ionescu@example.com',
      'MLOps engineer',
      'Incident response',
      125,
      125 / 60,
      'Yes',
      undefined,
      'Pager at 02:00; “model drift”, fixed',
    ]);
    expect(rows.data.map((r) => (r[1] as Date).toISOString().slice(0, 10))).toEqual(
      ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-20', '2026-10-21', '2026-10-22'].sort(),
    );
    for (let n = 2; n <= 9; n++) {
      const row = detail.getRow(n);
      expect(row.getCell(2).value).toBeInstanceOf(Date);
      expect(row.getCell(2).numFmt).toBe('yyyy-mm-dd');
      expect(row.getCell(11).value).toBe((row.getCell(10).value as number) / 60);
      expect(row.getCell(11).numFmt).toBe('0.00');
    }
    for (const name of FINANCE_SHEET_ORDER.month) {
      const ws = sheet(workbook, name);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.columns.every((c) => (c.width ?? 0) >= 8)).toBe(true);
    }
    expect(detail.autoFilter).toBe('A1:O9');
    expect(sheet(workbook, 'Summary').autoFilter).toBe('A1:M4'); // the data rows, not the totals below them
    expect(sheet(workbook, 'Invoice lines').autoFilter).toBe('A1:O6');

    const people = table(sheet(workbook, 'Per specialist'));
    expect(people.data.map((r) => [r[0], r[4], r[6], r[10]])).toEqual([
      ['Ana Ionescu', 'Claims model operations', 1042, 1065],
      ['Ana Ionescu', 'Route optimisation', 295, 295],
      ['Ben Okafor', 'Ledger anomaly detection', 528, 528], // Gulf Ledger before Helvetic
      ['Ben Okafor', 'Claims model operations', 333, 345],
    ]);

    const about = sheet(workbook, 'About');
    expect(about.getCell('B2').value).toBe(FINANCE_WORKBOOK_MARKER);
    expect(about.getCell('A3').value).toBe('Layout version');
    expect(about.getCell('B3').value).toBe(FINANCE_LAYOUT_VERSION);
    expect(FINANCE_LAYOUT_VERSION).toBe(3);
    expect(workbook.keywords).toBe('keel-finance-workbook layout-version-3');
    expect(workbook.subject).toBe('Keel finance workbook, layout version 3');
  });

  it('exports one engagement into a file named after it', async () => {
    const ids = await invoicedOctober();
    const { file, workbook } = await exported({ kind: 'month', month: '2026-10', engagementId: ids.routes.id });
    expect(file.fileName).toBe('keel-hours-2026-10-route-optimisation.xlsx');
    const summary = table(sheet(workbook, 'Summary'));
    expect(summary.data.map((r) => r[1])).toEqual(['Route optimisation']);
    expect(summary.totals).toEqual([
      [
        'Total',
        undefined,
        'JPY',
        undefined,
        undefined,
        expect.anything(),
        expect.anything(),
        expect.anything(),
        expect.anything(),
        expect.anything(),
        undefined,
        expect.anything(),
        expect.anything(),
      ],
    ]);
    expect(table(sheet(workbook, 'Timesheet detail')).data).toHaveLength(2);
    expect(sheet(workbook, 'About').getCell('B6').value).toBe('Nippon Kaiun KK · Route optimisation');
  });

  it('the documented layout names the same sheets and columns, in the same order, as the code', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/finance-workbook.md'), 'utf8');
    expect(doc).toContain(`# The finance workbook (layout version ${FINANCE_LAYOUT_VERSION})`);
    for (const [name, columns] of Object.entries(FINANCE_SHEETS)) {
      const section = doc.split(`## Sheet: ${name}\n`)[1]?.split('\n## ')[0] ?? '';
      const documented = section
        .split('\n')
        .filter((l) => /^\| [A-Z]+ \|/.test(l))
        .map((l) => l.split('|').map((c) => c.trim()))
        .map((cells) => [cells[1], cells[2], cells[3]]);
      expect(documented, name).toEqual(columns.map((c, i) => [String.fromCharCode(65 + i), c.header, c.type]));
    }
  });
});

describe('export jobs', () => {
  it('a 2,500-row detail export reports progress, finishes, and downloads as a valid workbook', async () => {
    const { ana, routes } = await setUp();
    const activities = ['operate_monitoring', 'retraining', 'deployment', 'improvement', 'data_pipelines'] as const;
    b.ctx.write((_audit, at) => {
      for (let i = 0; i < 2500; i++) {
        const day = new Date(Date.UTC(2022, 0, 1 + Math.floor(i / 5)));
        b.ctx.repos.timeEntries.insert({
          id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
          specialistId: ana.id,
          engagementId: routes.id,
          modelId: null,
          date: day.toISOString().slice(0, 10),
          minutes: 30 + (i % 7),
          activity: activities[i % 5] ?? 'retraining',
          note: i % 2 ? '' : `entry ${i}`,
          billable: true,
          nonBillableReason: '',
          createdAt: at,
          updatedAt: at,
        });
      }
    });
    const started = await b.ok('finance.exportStart', { kind: 'detail', from: '2022-01-01', to: '2026-10-31' });
    expect(started).toMatchObject({ state: 'running', fileName: 'keel-hours-detail-2022-01-01-to-2026-10-31.xlsx', error: null });
    const early = await refused('finance.exportDownload', { jobId: started.id });
    expect(early.code).toBe('conflict');
    expect(early.message).toMatch(/is still being written/);
    // Other requests are answered while it runs, writes included.
    await b.ok('time.setCell', { specialistId: ana.id, engagementId: routes.id, date: '2026-11-02', activity: 'retraining', minutes: 60 });
    const job = await finished(started);
    expect(job).toMatchObject({ state: 'done', rowsWritten: 2500, rowsTotal: 2500 });
    expect(job.bytes).toBeGreaterThan(10_000);
    const file = await b.ok('finance.exportDownload', { jobId: job.id });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...FINANCE_SHEET_ORDER.detail]);
    const detail = sheet(workbook, 'Timesheet detail');
    expect(detail.rowCount).toBe(2501);
    expect(detail.getCell('A2501').value).toBe('0190a000-0000-7000-8000-000000002499');
    expect(detail.getCell('J2').value).toBe(30);
    const about = sheet(workbook, 'About');
    expect(about.getCell('B5').value).toEqual(utc('2022-01-01'));
    expect(about.getCell('B7').value).toBe(2500);
  });

  it('the workbook writer reports progress every 1,000 rows and hands the event loop back while it writes', async () => {
    const { ana, routes } = await setUp();
    b.ctx.write((_audit, at) => {
      for (let i = 0; i < 4500; i++) {
        const date = new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 20))).toISOString().slice(0, 10);
        const id = `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`;
        b.ctx.repos.timeEntries.insert({
          id,
          specialistId: ana.id,
          engagementId: routes.id,
          modelId: null,
          date,
          minutes: 15,
          activity: 'retraining',
          note: '',
          billable: true,
          nonBillableReason: '',
          createdAt: at,
          updatedAt: at,
        });
      }
    });
    const progress: [number, number][] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    const result = await writeFinanceWorkbook(b.ctx, { kind: 'detail', from: '2026-01-01', to: '2026-12-31' }, sink, (w, t) =>
      progress.push([w, t]),
    );
    clearInterval(timer);
    expect(result).toEqual({ rows: 4500, detailRows: 4500 });
    expect(progress).toEqual([
      [0, 4500],
      [1000, 4500],
      [2000, 4500],
      [3000, 4500],
      [4000, 4500],
      [4500, 4500],
    ]);
    expect(ticks).toBeGreaterThan(0);
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    expect(sheet(workbook, 'Timesheet detail').rowCount).toBe(4501);
  });

  it('refuses a detail range that ends before it starts or spans more than ten years, and unknown jobs', async () => {
    const backwards = await refused('finance.exportStart', { kind: 'detail', from: '2026-10-31', to: '2026-10-01' });
    expect(backwards).toMatchObject({ code: 'invalid_input', issues: [{ path: 'to', message: 'must be on or after the start date' }] });
    const long = await refused('finance.exportStart', { kind: 'detail', from: '2016-01-01', to: '2026-01-01' });
    expect(long.code).toBe('invalid_input');
    expect(long.message).toMatch(/10 years at most/);
    expect(long.issues?.[0]?.path).toBe('to');
    const longest = await b.ok('finance.exportStart', { kind: 'detail', from: '2016-01-01', to: '2025-12-31' });
    expect((await finished(longest)).state).toBe('done');
    const unknown = await refused('finance.exportStatus', { jobId: '0190a000-0000-7000-8000-000000000001' });
    expect(unknown.code).toBe('not_found');
    const missing = await refused('finance.exportStart', {
      kind: 'month',
      month: '2026-10',
      engagementId: '0190a000-0000-7000-8000-000000000001',
    });
    expect(missing).toMatchObject({ code: 'not_found', issues: [{ path: 'engagementId' }] });
  });
});

const CSV_HEADER = '\uFEFFDate,Engagement ID,Specialist email,Activity,Minutes,Note';

describe('importing hours', () => {
  it('imports a CSV after a dry run, in one transaction with one audit entry', async () => {
    const { claims, routes } = await setUp();
    const csv = [
      CSV_HEADER,
      `2026-11-02,${claims.id},ana.ionescu@example.com,Retraining,450,`,
      `2026-11-02,${routes.id},ANA.IONESCU@example.com,incident_response,90,"Pager, at night"`,
      `2026-11-03,${claims.id},ben.okafor@example.com,Data pipelines,480,`,
    ].join('\r\n');
    const dry = await importFile('hours.csv', csv, true);
    expect(dry).toEqual({
      fileName: 'hours.csv',
      format: 'csv',
      rows: 3,
      imported: 0,
      ready: 3,
      duplicates: [],
      conflicts: [],
      problems: [],
      duplicateCount: 0,
      conflictCount: 0,
      problemCount: 0,
      written: false,
    } satisfies ImportReport);
    expect(entryCount()).toBe(0);
    const audit = b.auditCount();
    const report = await importFile('hours.csv', csv);
    expect(report).toMatchObject({ rows: 3, imported: 3, ready: 3, written: true, problems: [], duplicates: [] });
    expect(b.auditCount()).toBe(audit + 1);
    const log = (await b.ok('audit.list', { action: 'import' })).rows;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      entity: 'time_entry',
      label: 'Import of hours.csv (3 entries)',
      after: { fileName: 'hours.csv', entries: 3, duplicates: 0, conflicts: 0 },
    });
    const rows = (await b.ok('time.list', { from: '2026-11-01', to: '2026-11-30' })).rows;
    expect(rows.map((r) => [r.date, r.engagementName, r.specialistName, r.activity, r.minutes, r.note])).toEqual([
      ['2026-11-02', 'Claims model operations', 'Ana Ionescu', 'retraining', 450, ''],
      ['2026-11-02', 'Route optimisation', 'Ana Ionescu', 'incident_response', 90, 'Pager, at night'],
      ['2026-11-03', 'Claims model operations', 'Ben Okafor', 'data_pipelines', 480, ''],
    ]);
  });

  it('reads semicolon CSV with client and engagement names and decimal hours', async () => {
    await setUp();
    const csv = [
      'Client;Engagement;Specialist email;Activity;Hours;Note',
      'Helvetic Insurance AG;Claims model operations;ana.ionescu@example.com;Deployment;7,5;Release 4.2',
      'nippon kaiun kk;ROUTE OPTIMISATION;ana.ionescu@example.com;Improvement;0.25;',
    ].join('\n');
    const dated = csv
      .replace('Client;', 'Date;Client;')
      .replace('\nHelvetic', '\n05.11.2026;Helvetic')
      .replace('\nnippon', '\n2026-11-05;nippon');
    const report = await importFile('hours.csv', dated);
    expect(report).toMatchObject({ rows: 2, imported: 2, problems: [] });
    const rows = (await b.ok('time.list', { from: '2026-11-05', to: '2026-11-05' })).rows;
    expect(rows.map((r) => [r.engagementName, r.minutes, r.note])).toEqual([
      ['Claims model operations', 450, 'Release 4.2'],
      ['Route optimisation', 15, ''],
    ]);
  });

  it('writes nothing when any row is invalid and names the row and column of every problem', async () => {
    const { claims, ben } = await setUp();
    await b.ok('time.setCell', {
      specialistId: ben.id,
      engagementId: claims.id,
      date: '2026-11-10',
      activity: 'retraining',
      minutes: 1000,
    });
    const ok = (date: string, minutes: number | string, activity = 'Retraining') =>
      `${date},${claims.id},ana.ionescu@example.com,${activity},${minutes},`;
    const csv = [
      CSV_HEADER,
      ok('2026-11-02', 60), // 2: fine
      ok('2026-02-30', 60), // 3: not a real date
      `2026-11-02,0190a000-0000-7000-8000-00000000dead,ana.ionescu@example.com,Retraining,60,`, // 4: unknown engagement
      `2026-11-02,${claims.id},nobody@example.com,Retraining,60,`, // 5: unknown email
      ok('2026-11-02', 60, 'Coffee'), // 6: unknown activity
      ok('2026-11-03', 0), // 7: zero minutes
      ok('2026-11-03', 1500), // 8: more than a day
      ok('2026-11-03', '7:30'), // 9: not minutes
      ok('2026-01-15', 60), // 10: before the engagement starts (1 Feb 2026)
      ok('2026-11-04', 800), // 11: fine alone
      ok('2026-11-04', 700, 'Deployment'), // 12: 800 + 700 > 24 h with row 11
      `2026-11-10,${claims.id},ben.okafor@example.com,Deployment,500,`, // 13: 1000 already in Keel + 500 > 24 h
      `,${claims.id},ana.ionescu@example.com,Retraining,60,`, // 14: no date
      `2026-11-05,${claims.id},ana.ionescu@example.com,Retraining,60,${'x'.repeat(1001)}`, // 15: note too long
    ].join('\n');
    const before = { entries: entryCount(), audit: b.auditCount() };
    const report = await importFile('october.csv', csv);
    expect(report).toMatchObject({ rows: 14, imported: 0, written: false, duplicates: [] });
    expect(report.ready).toBe(2);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Date'],
      [4, 'Engagement ID'],
      [5, 'Specialist email'],
      [6, 'Activity'],
      [7, 'Minutes'],
      [8, 'Minutes'],
      [9, 'Minutes'],
      [10, 'Date'],
      [12, 'Minutes'],
      [13, 'Minutes'],
      [14, 'Date'],
      [15, 'Note'],
    ]);
    const message = (row: number) => report.problems.find((p) => p.row === row)?.message;
    expect(message(3)).toBe('2026-02-30 is not a real date.');
    expect(message(4)).toBe('Keel has no engagement with the ID 0190a000-0000-7000-8000-00000000dead.');
    expect(message(5)).toBe('No specialist in Keel has the email nobody@example.com.');
    expect(message(6)).toMatch(/^“Coffee” is not an activity\. Use one of: Operate & monitoring, /);
    expect(message(8)).toBe('“1500” is not a whole number of minutes from 1 to 1440 (24 hours).');
    expect(message(10)).toBe(
      'Keel cannot record hours for Ana Ionescu on Claims model operations on 15 Jan 2026: the date is before Claims model operations starts (1 Feb 2026).',
    );
    expect(message(12)).toMatch(/would make 25\.00 h on 4 Nov 2026 across engagements; a day has 24 h, so at most 10\.67 h more fit/);
    expect(message(13)).toMatch(/Ben Okafor .* would make 25\.00 h on 10 Nov 2026/);
    expect({ entries: entryCount(), audit: b.auditCount() }).toEqual(before);
  });

  it('a second import of the same file writes nothing and reports every row as a duplicate', async () => {
    const { claims } = await setUp();
    const csv = [
      CSV_HEADER,
      `2026-11-02,${claims.id},ana.ionescu@example.com,Retraining,450,`,
      `2026-11-03,${claims.id},ana.ionescu@example.com,Retraining,450,Same day twice`,
      `2026-11-03,${claims.id},ana.ionescu@example.com,Retraining,450,Same day twice`,
    ].join('\n');
    const first = await importFile('hours.csv', csv);
    expect(first).toMatchObject({ imported: 2, written: true, problems: [] });
    expect(first.duplicates).toEqual([{ row: 4, message: expect.stringMatching(/^This row repeats row 3 of the file/) }]);
    const before = { entries: entryCount(), audit: b.auditCount() };
    const again = await importFile('hours.csv', csv);
    expect(again).toMatchObject({ rows: 3, imported: 0, ready: 0, written: false, problems: [] });
    expect(again.duplicates.map((d) => d.row)).toEqual([2, 3, 4]);
    expect(again.duplicates[0]?.message).toMatch(
      /^These hours are already in Keel as entry [0-9a-f-]{36} \(Ana Ionescu on Claims model operations, 2026-11-02, Retraining, 7:30\)/,
    );
    expect({ entries: entryCount(), audit: b.auditCount() }).toEqual(before);
  });

  it('re-importing Keel’s own month export, invoiced month included, changes nothing', async () => {
    await invoicedOctober();
    const { bytes } = await exported({ kind: 'month', month: '2026-10' });
    const before = { entries: entryCount(), audit: b.auditCount() };
    const report = await importFile('keel-hours-2026-10.xlsx', bytes);
    expect(report).toMatchObject({ format: 'xlsx', rows: 8, imported: 0, ready: 0, written: false, problems: [] });
    expect(report.duplicates).toHaveLength(8);
    expect(report.duplicates.every((d) => /^Entry [0-9a-f-]{36} is already in Keel, so this row was skipped\.$/.test(d.message))).toBe(
      true,
    );
    expect({ entries: entryCount(), audit: b.auditCount() }).toEqual(before);
  });

  it('reads a hand-made workbook: real dates, emails as links, activity codes, hours', async () => {
    await setUp();
    const workbook = new Excel.Workbook();
    workbook.addWorksheet('Notes').addRow(['Hours for November']);
    const ws = workbook.addWorksheet('Timesheet detail');
    ws.addRow(['Date', 'Client', 'Engagement', 'Specialist email', 'Activity', 'Hours']);
    ws.addRow([
      utc('2026-11-09'),
      'Helvetic Insurance AG',
      'Claims model operations',
      { text: 'ana.ionescu@example.com', hyperlink: 'mailto:ana.ionescu@example.com' },
      'deployment',
      8,
    ]);
    ws.addRow([]);
    ws.addRow([
      utc('2026-11-10'),
      'Helvetic Insurance AG',
      'Claims model operations',
      'ana.ionescu@example.com',
      'Retraining',
      { formula: '2*3.5', result: 7 },
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await importFile('november.xlsx', bytes);
    expect(report).toMatchObject({ format: 'xlsx', rows: 2, imported: 2, problems: [] });
    const rows = (await b.ok('time.list', { from: '2026-11-09', to: '2026-11-10' })).rows;
    expect(rows.map((r) => [r.date, r.activity, r.minutes])).toEqual([
      ['2026-11-09', 'deployment', 480],
      ['2026-11-10', 'retraining', 420],
    ]);
  });

  it('refuses rows in approved and invoiced months', async () => {
    const ids = await invoicedOctober();
    await b.ok('months.approve', { engagementId: ids.ledger.id, month: '2026-10' });
    const csv = [
      CSV_HEADER,
      `2026-10-13,${ids.claims.id},ana.ionescu@example.com,Retraining,60,`,
      `2026-10-13,${ids.ledger.id},ben.okafor@example.com,Retraining,60,`,
      `2026-10-13,${ids.routes.id},ana.ionescu@example.com,Retraining,60,`,
    ].join('\n');
    const before = { entries: entryCount(), audit: b.auditCount() };
    const report = await importFile('late.csv', csv);
    expect(report).toMatchObject({ rows: 3, ready: 1, imported: 0, written: false });
    expect(report.problems).toEqual([
      {
        row: 2,
        column: 'Date',
        message:
          'October 2026 of Claims model operations is invoiced, so its hours are locked. Cancel the invoice (with a reason) in Month close to reopen it.',
      },
      {
        row: 3,
        column: 'Date',
        message:
          'October 2026 of Ledger anomaly detection is approved, so its hours are locked. Withdraw the approval in Month close to change them.',
      },
    ]);
    expect({ entries: entryCount(), audit: b.auditCount() }).toEqual(before);
  });

  it('says clearly when a file is not a spreadsheet Keel can read, or lacks columns', async () => {
    await setUp();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
    const zipLike = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(500)]);
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(500)]);
    const latin1 = Buffer.from(
      'Date,Engagement ID,Specialist email,Activity,Minutes\n2026-11-02,x,z\xfcrich@example.com,Retraining,60\n',
      'latin1',
    );
    const cases: [string, Buffer, RegExp][] = [
      ['random.bin', randomBytes(4000), /contains binary data|is not UTF-8 text/],
      ['picture.png', png, /contains binary data|is not UTF-8 text/],
      ['empty.csv', Buffer.alloc(0), /It is empty\.$/],
      ['broken.xlsx', zipLike, /(Excel’s workbook parts|its table of contents) c(ould|an)not be read/],
      ['old.xls', xls, /old Excel 97–2003 \(\.xls\) file/],
      ['latin1.csv', latin1, /not UTF-8 text/],
    ];
    const before = { entries: entryCount(), audit: b.auditCount() };
    for (const [fileName, content, why] of cases) {
      const error = await refused('hours.import', { fileName, base64: content.toString('base64') });
      expect(error.code, fileName).toBe('invalid_input');
      expect(error.message, fileName).toMatch(/^This file is not an Excel workbook or CSV file Keel can read\. /);
      expect(error.message, fileName).toMatch(why);
    }
    const wrong = await refused('hours.import', { fileName: 'wrong.csv', base64: base64('Day,Person,Task,Time\n2026-11-02,Ana,x,60\n') });
    expect(wrong.message).toBe(
      'The file has no Date, Engagement ID (or Client and Engagement), Specialist email, Activity and Minutes (or Hours) column in its header row (row 1). Keel reads the columns Date, Engagement ID (or Client and Engagement), Specialist email, Activity and Minutes (or Hours), with Model, Note and Entry ID optional: the layout of its own “Timesheet detail” export.',
    );
    const someMissing = await refused('hours.import', {
      fileName: 'some.csv',
      base64: base64('Date,Specialist email,Minutes\n2026-11-02,a@b.c,60\n'),
    });
    expect(someMissing.message).toMatch(/^The file has no Engagement ID \(or Client and Engagement\) and Activity column/);
    const huge = await refused('hours.import', {
      fileName: 'huge.xlsx',
      base64: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(11 * 1024 * 1024)]).toString('base64'),
    });
    expect(huge.message).toMatch(/^This workbook is 11\.0 MB; Keel imports workbooks up to 10 MB .* Save the sheet as “CSV UTF-8”/);
    const headerOnly = await refused('hours.import', { fileName: 'header.csv', base64: base64(`${CSV_HEADER}\n\n`) });
    expect(headerOnly.message).toBe('The file has a header row (row 1) but no rows of hours.');
    const unclosed = await refused('hours.import', { fileName: 'quote.csv', base64: base64(`${CSV_HEADER}\n2026-11-02,"x,y\n`) });
    expect(unclosed.message).toMatch(/^This CSV file could not be read: Quote Not Closed/);
    expect({ entries: entryCount(), audit: b.auditCount() }).toEqual(before);
  });

  it('never counts hours twice: a re-imported row meeting a cell edited since is a conflict, not applied, and the import lists what it created', async () => {
    const { claims } = await setUp();
    const csv = [CSV_HEADER, `2026-11-02,${claims.id},ana.ionescu@example.com,Retraining,450,Model v7`].join('\n');
    expect(await importFile('hours.csv', csv)).toMatchObject({ imported: 1, written: true });
    const [entry] = (await b.ok('time.list', { engagementId: claims.id })).rows;
    const log = (await b.ok('audit.list', { action: 'import', entity: 'time_entry' })).rows[0];
    expect(log?.after).toMatchObject({ entries: 1, entryIds: [entry?.id] });

    // Edited in the grid since: the file's row no longer equals the cell's hours.
    await b.ok('time.setCell', {
      specialistId: entry?.specialistId ?? '',
      engagementId: claims.id,
      activity: 'retraining',
      date: '2026-11-02',
      minutes: 480,
    });
    const again = await importFile('hours.csv', csv);
    expect(again).toMatchObject({ imported: 0, written: false, duplicateCount: 0, conflictCount: 1, problemCount: 0 });
    expect(again.conflicts).toEqual([
      {
        row: 2,
        cell: 'Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 2 Nov 2026',
        fileMinutes: 450,
        keelMinutes: 480,
        message:
          'The file has 7:30 for Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 2 Nov 2026, but Keel already has 8:00 there. The import leaves Keel’s hours as they are; if the file is right, change them in the timesheet.',
      },
    ]);
    expect(entryCount()).toBe(1);
  });

  it('refuses a workbook that would unpack to more than Keel opens, before opening it', async () => {
    await setUp();
    const workbook = new Excel.Workbook();
    workbook.addWorksheet('Timesheet detail').addRow(['Date']);
    const zip = Buffer.from(await workbook.xlsx.writeBuffer());
    // Claim 2 GB for the first part in the zip's central directory, as a zip bomb would.
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    zip.writeUInt32LE(0x7fffffff, zip.readUInt32LE(end + 16) + 24);
    const before = { entries: entryCount(), audit: b.auditCount() };
    const error = await refused('hours.import', { fileName: 'bomb.xlsx', base64: zip.toString('base64') });
    expect(error.message).toBe(
      'This workbook unpacks to 2048 MB, more than Keel opens (200 MB). Save the sheet as “CSV UTF-8” and import that, or split it by year.',
    );
    expect({ entries: entryCount(), audit: b.auditCount() }).toEqual(before);
  });
});
