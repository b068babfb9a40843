import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setTimeout as wait } from 'node:timers/promises';
import type { InputOf, KeelError } from '@shared/contract';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validAllocation, validClient, validEngagement, validSpecialist } from '../../support/backend';

/**
 * Non-billable hours on a real SQLite file, through the contract. Ana is on
 * Claims from March; the client asks to replace her on Fri 22 May 2026; Bo
 * starts Mon 1 June and Ana stays to Fri 5 June: 1–5 June is the hand-over,
 * which the provider promises at no extra cost. Rate: 150.00 CHF an hour
 * for MLOps engineers; Helvetic pays 8.1 % VAT.
 */

let b: TestBackend;
let nowMs = 0;
let tick = 0;
const clock = () => new Date(nowMs + tick++ * 1000);
const setNow = (iso: string) => {
  nowMs = Date.parse(iso);
  tick = 0;
};

beforeEach(() => {
  setNow('2026-06-02T10:00:00.000Z');
  b = openTestBackend({ clock });
});
afterEach(() => b.dispose());

async function refused(name: string, input: unknown): Promise<KeelError> {
  const result = await b.call(name, input);
  if (result.ok) throw new Error(`${name} should have been refused but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

const HANDOVER = 'Replacement hand-over (no extra cost)';

async function setUp() {
  const helvetic = await b.ok('clients.create', validClient);
  const claims = await b.ok('engagements.create', validEngagement(helvetic.id));
  const ana = await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] });
  const bo = await b.ok('specialists.create', {
    ...validSpecialist,
    fullName: 'Bo Berg',
    email: 'bo.berg@example.com',
    skills: ['MLflow'],
  });
  await b.ok('allocations.create', { ...validAllocation(ana.id, claims.id), endDate: '2026-12-31' });
  await b.ok('rates.create', { engagementId: claims.id, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 15_000 });
  const request = await b.ok('replacements.create', {
    engagementId: claims.id,
    outgoingSpecialistId: ana.id,
    reason: 'resignation',
    submittedDate: '2026-05-22',
    submittedTime: '10:00',
    submittedBy: 'Dr. Katrin Meier',
    notes: '',
  });
  const fulfilled = await b.ok('replacements.fulfil', {
    id: request.id,
    specialistId: bo.id,
    startDate: '2026-06-01',
    outgoingEndDate: '2026-06-05',
  });
  expect(fulfilled.handoverDays).toBe(5);
  setNow('2026-07-06T10:00:00.000Z');
  const hours = (
    specialistId: string,
    date: string,
    minutes = 480,
    activity: InputOf<'time.setCell'>['activity'] = 'onboarding_handover',
  ) => b.ok('time.setCell', { specialistId, engagementId: claims.id, activity, date, minutes });
  return { claims, ana, bo, hours };
}

const row = (id: string) =>
  b.db.prepare('SELECT billable, non_billable_reason AS reason FROM time_entry WHERE id = ?').get(id) as {
    billable: number;
    reason: string;
  };

describe('the hand-over default', () => {
  it('makes the incoming specialist’s hours on hand-over days non-billable when entered, and no one else’s', async () => {
    const { ana, bo, hours } = await setUp();
    const first = await hours(bo.id, '2026-06-01');
    expect(first.entry).toMatchObject({ billable: false, nonBillableReason: HANDOVER });
    expect(first.warnings).toContain(
      'The hours on 1 Jun 2026 are not billed (Replacement hand-over (no extra cost)); finance can change that until the month is approved.',
    );
    expect((await hours(bo.id, '2026-06-05')).entry).toMatchObject({ billable: false, nonBillableReason: HANDOVER });
    expect((await hours(bo.id, '2026-06-08')).entry).toMatchObject({ billable: true, nonBillableReason: '' }); // after Ana left
    expect((await hours(ana.id, '2026-06-03')).entry).toMatchObject({ billable: true, nonBillableReason: '' }); // the outgoing one is billed
    // Changing the hours of a hand-over cell keeps it non-billable; the audit row records the flag.
    const changed = await hours(bo.id, '2026-06-01', 300);
    expect(changed.entry).toMatchObject({ id: first.entry?.id, minutes: 300, billable: false });
    const created = (await b.ok('audit.list', { entityId: first.entry?.id ?? '' })).rows.find((r) => r.action === 'create');
    expect(created?.after).toMatchObject({ billable: false, nonBillableReason: HANDOVER });
  });

  it('applies to imported hours the same way', async () => {
    const { claims, bo } = await setUp();
    const csv = [
      'Date,Engagement ID,Specialist email,Activity,Minutes,Note',
      `2026-06-04,${claims.id},bo.berg@example.com,Onboarding & hand-over,420,`,
      `2026-06-09,${claims.id},bo.berg@example.com,Onboarding & hand-over,450,`,
    ].join('\n');
    const report = await b.ok('hours.import', { fileName: 'june.csv', base64: Buffer.from(csv).toString('base64') });
    expect(report).toMatchObject({ imported: 2, problemCount: 0 });
    const rows = b.db
      .prepare('SELECT date, billable, non_billable_reason AS reason FROM time_entry WHERE specialist_id = ? ORDER BY date')
      .all(bo.id);
    expect(rows).toEqual([
      { date: '2026-06-04', billable: 0, reason: HANDOVER },
      { date: '2026-06-09', billable: 1, reason: '' },
    ]);
  });
});

describe('finance changes it per entry', () => {
  it('bills only billable hours, shows the rest apart, and lets finance change an entry with a reason, audited', async () => {
    const { claims, ana, bo, hours } = await setUp();
    const handover = await hours(bo.id, '2026-06-02', 480);
    const billed = await hours(bo.id, '2026-06-08', 450);
    await hours(ana.id, '2026-06-02', 480);
    const review = await b.ok('months.review', { engagementId: claims.id, month: '2026-06' });
    // Billable: Bo 450 + Ana 480 = 930 min × 150.00 / 60 = 2,325.00; VAT 8.1 % = 188.33 (188.325 half away from zero); Bo's 480 not billed.
    expect(review.invoice).toMatchObject({
      minutes: 930,
      billedMinutes: 930,
      nonBillableMinutes: 480,
      netMinor: 232_500,
      vatMinor: 18_833,
    });
    expect(review.specialists.find((s) => s.specialistId === bo.id)).toMatchObject({
      minutes: 930,
      billedMinutes: 450,
      nonBillableMinutes: 480,
    });
    expect([review.minutes, review.nonBillableMinutes]).toEqual([1410, 480]);
    const months = await b.ok('months.list', { month: '2026-06' });
    expect(months.rows.find((r) => r.engagementId === claims.id)).toMatchObject({ minutes: 1410, netMinor: 232_500 });

    // Finance decides the hand-over day is billed after all, then marks another day as goodwill.
    const audits = b.auditCount();
    const back = await b.ok('time.setBillable', { entryId: handover.entry?.id ?? '', billable: true });
    expect(back).toMatchObject({ billable: true, nonBillableReason: '' });
    const goodwill = await b.ok('time.setBillable', {
      entryId: billed.entry?.id ?? '',
      billable: false,
      reason: '  Goodwill: training day  ',
    });
    expect(goodwill).toMatchObject({ billable: false, nonBillableReason: 'Goodwill: training day' });
    expect(b.auditCount()).toBe(audits + 2);
    // Asking for what is already there writes nothing.
    await b.ok('time.setBillable', { entryId: billed.entry?.id ?? '', billable: false, reason: 'Goodwill: training day' });
    expect(b.auditCount()).toBe(audits + 2);
    const [log] = (await b.ok('audit.list', { entityId: billed.entry?.id ?? '' })).rows;
    expect(log).toMatchObject({ action: 'update', entity: 'time_entry' });
    expect(log?.before).toMatchObject({ billable: true, nonBillableReason: '' });
    expect(log?.after).toMatchObject({ billable: false, nonBillableReason: 'Goodwill: training day' });

    const after = await b.ok('months.review', { engagementId: claims.id, month: '2026-06' });
    // Billable now: 480 (Bo, 2 June) + 480 (Ana) = 960 min = 2,400.00.
    expect(after.invoice).toMatchObject({ minutes: 960, nonBillableMinutes: 450, netMinor: 240_000 });

    // Approved: locked for finance too, nothing written.
    await b.ok('months.approve', { engagementId: claims.id, month: '2026-06' });
    const locked = b.auditCount();
    expect(await refused('time.setBillable', { entryId: handover.entry?.id ?? '', billable: false, reason: HANDOVER })).toEqual({
      code: 'conflict',
      message:
        'June 2026 of Claims model operations is approved, so its hours are locked. Withdraw the approval in Month close to change them.',
      issues: [{ path: 'billable', message: 'cannot change in a month that is approved' }],
    });
    expect(b.auditCount()).toBe(locked);
    expect(row(handover.entry?.id ?? '')).toEqual({ billable: 1, reason: '' });

    // The issued invoice keeps both apart, line by line, and bills the billable hours only.
    const invoice = await b.ok('invoices.issue', { engagementId: claims.id, month: '2026-06' });
    expect(invoice).toMatchObject({
      minutes: 960,
      billedMinutes: 960,
      nonBillableMinutes: 450,
      netMinor: 240_000,
      vatMinor: 19_440,
      grossMinor: 259_440,
    });
    expect(invoice.lines.map((l) => [l.specialistName, l.minutes, l.nonBillableMinutes, l.amountMinor])).toEqual([
      ['Ana Ionescu', 480, 0, 120_000],
      ['Bo Berg', 480, 450, 120_000],
    ]);
    expect(await refused('time.setBillable', { entryId: billed.entry?.id ?? '', billable: true })).toMatchObject({ code: 'conflict' });
  });

  it('refuses an unknown entry and a non-billable entry without a reason, writing nothing', async () => {
    const { bo, hours } = await setUp();
    const entry = (await hours(bo.id, '2026-06-10')).entry;
    const audits = b.auditCount();
    expect(await refused('time.setBillable', { entryId: '01a20bb9-cb5c-7026-b14e-640086951525', billable: true })).toMatchObject({
      code: 'not_found',
    });
    expect(await refused('time.setBillable', { entryId: entry?.id, billable: false, reason: '' })).toMatchObject({
      code: 'invalid_input',
      message: 'Reason is required when the hours are not billable.',
    });
    expect(b.auditCount()).toBe(audits);
    expect(row(entry?.id ?? '')).toEqual({ billable: 1, reason: '' });
  });
});

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;

async function exportedMonth(month: string) {
  let job = await b.ok('finance.exportStart', { kind: 'month', month });
  for (let i = 0; i < 1000 && job.state === 'running'; i++) {
    await wait(10);
    job = await b.ok('finance.exportStatus', { jobId: job.id });
  }
  expect(job).toMatchObject({ state: 'done', error: null });
  const bytes = Buffer.from((await b.ok('finance.exportDownload', { jobId: job.id })).base64, 'base64');
  // KEEL_WORKBOOK_OUT=<file> keeps a copy, e.g. to recalculate it in LibreOffice.
  if (process.env.KEEL_WORKBOOK_OUT) writeFileSync(process.env.KEEL_WORKBOOK_OUT, bytes);
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows = (name: string) => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const out: ExcelJS.CellValue[][] = [];
    for (let n = 1; n <= ws.rowCount; n++) out.push((ws.getRow(n).values as ExcelJS.CellValue[]).slice(1));
    return out;
  };
  return { workbook, rows };
}

describe('the finance workbook (layout 2 and on)', () => {
  it('shows billable and non-billable hours apart on every sheet, reopened with exceljs', async () => {
    const { claims, ana, bo, hours } = await setUp();
    await hours(bo.id, '2026-06-02', 480); // hand-over: not billed
    await hours(bo.id, '2026-06-03', 470); // hand-over: not billed
    const goodwill = await hours(bo.id, '2026-06-08', 450);
    await hours(bo.id, '2026-06-09', 425);
    await hours(ana.id, '2026-06-02', 480);
    await b.ok('time.setBillable', { entryId: goodwill.entry?.id ?? '', billable: false, reason: '=Goodwill, agreed with the client' });
    const review = await b.ok('months.review', { engagementId: claims.id, month: '2026-06' });
    // Billable: Bo 425 + Ana 480 = 905 min = 2,262.50 CHF; VAT 8.1 % = 183.2625 → 183.26; gross 2,445.76. Not billable: 480 + 470 + 450 = 1,400.
    expect(review.invoice).toMatchObject({
      minutes: 905,
      nonBillableMinutes: 1400,
      netMinor: 226_250,
      vatMinor: 18_326,
      grossMinor: 244_576,
    });

    const { workbook, rows } = await exportedMonth('2026-06');
    expect(workbook.getWorksheet('About')?.getCell('B3').value).toBe(3);
    const summary = rows('Summary');
    const claimsRow = summary.find((r) => r[1] === 'Claims model operations');
    // Minutes (all) 2,305, Hours, Non-billable 1,400 min = 23.33 h, Net, VAT %, VAT, Gross.
    expect(claimsRow?.slice(5)).toEqual([2305, 2305 / 60, 1400, 1400 / 60, 2262.5, 0.081, 183.26, 2445.76]);
    const total = summary.find((r) => r[0] === 'Total');
    expect(total?.[7]).toMatchObject({ formula: expect.stringMatching(/^SUMIFS\(H2:H\d+,/), result: 1400 });
    expect(total?.[9]).toMatchObject({ result: 2262.5 });

    const lines = rows('Invoice lines');
    expect(lines[0]?.slice(9)).toEqual([
      'Billable minutes',
      'Billed minutes',
      'Billed hours',
      'Non-billable minutes',
      'Non-billable hours',
      'Amount',
    ]);
    expect(lines.filter((r) => r[1] === 'Claims model operations').map((r) => [r[3], ...r.slice(9)])).toEqual([
      ['Ana Ionescu', 480, 480, 8, 0, 0, 1200],
      ['Bo Berg', 425, 425, 425 / 60, 1400, 1400 / 60, 1062.5],
    ]);

    const detail = rows('Timesheet detail');
    expect(detail[0]?.slice(11)).toEqual(['Billable', 'Non-billable reason', 'Note', 'Model']);
    expect(detail.slice(1).map((r) => [(r[1] as Date).toISOString().slice(0, 10), r[5], r[9], r[11], r[12]])).toEqual([
      ['2026-06-02', 'Ana Ionescu', 480, 'Yes', undefined],
      ['2026-06-02', 'Bo Berg', 480, 'No', HANDOVER],
      ['2026-06-03', 'Bo Berg', 470, 'No', HANDOVER],
      ['2026-06-08', 'Bo Berg', 450, 'No', "'=Goodwill, agreed with the client"], // formula-safe
      ['2026-06-09', 'Bo Berg', 425, 'Yes', undefined],
    ]);

    const people = rows('Per specialist');
    expect(people.filter((r) => r[4] === 'Claims model operations').map((r) => [r[0], ...r.slice(6)])).toEqual([
      ['Ana Ionescu', 480, 8, 0, 0, 480, 1200],
      ['Bo Berg', 1825, 1825 / 60, 1400, 1400 / 60, 425, 1062.5],
    ]);
  });
});
