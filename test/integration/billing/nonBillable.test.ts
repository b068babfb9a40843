import type { InputOf, KeelError } from '@shared/contract';
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
