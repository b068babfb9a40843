import type { InputOf } from '@shared/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openTestBackend,
  otherClient,
  otherEngagement,
  type TestBackend,
  validClient,
  validEngagement,
  validSpecialist,
} from '../../support/backend';

/**
 * Hours and the month close on a real SQLite file: locked months refuse
 * writes, invoices are issued and cancelled with gapless numbers and
 * immutable lines, rates never rewrite the past, every step is audited.
 * Today is 2026-11-24 unless a test moves the clock.
 */

let b: TestBackend;
let now = Date.UTC(2026, 10, 24, 10, 0, 0);
const clock = () => {
  now += 1000;
  return new Date(now);
};

let engagementId: string;
let specialistId: string;

beforeEach(async () => {
  now = Date.UTC(2026, 10, 24, 10, 0, 0);
  b = openTestBackend({ clock });
  const clientId = (await b.ok('clients.create', validClient)).id; // VAT 8.1%
  engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id; // CHF, 2026-02-01 … 2026-12-31
  specialistId = (await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] })).id; // mlops_engineer
  await b.ok('rates.create', { engagementId, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 15_000 });
});
afterEach(() => b.dispose());

const cell = (date: string, minutes: number | null, activity: InputOf<'time.setCell'>['activity'] = 'retraining') =>
  ({ specialistId, engagementId, activity, date, minutes }) satisfies InputOf<'time.setCell'>;
const scalar = (sql: string, ...params: unknown[]) => (b.db.prepare(sql).get(...params) as { n: number | string | null }).n;
const entries = () => scalar('SELECT count(*) AS n FROM time_entry') as number;
const auditActions = (entity: string) =>
  (b.db.prepare('SELECT action FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as { action: string }[]).map((r) => r.action);

async function closeAndInvoice(month: string) {
  await b.ok('months.approve', { engagementId, month });
  return b.ok('invoices.issue', { engagementId, month });
}

describe('locked months', () => {
  it('an approved month refuses creating, changing and clearing hours until its approval is withdrawn', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 480));
    await b.ok('months.approve', { engagementId, month: '2026-10' });
    const before = { entries: entries(), audit: b.auditCount() };
    for (const input of [cell('2026-10-06', 60), cell('2026-10-05', 240), cell('2026-10-05', null)]) {
      const result = await b.call('time.setCell', input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('conflict');
        expect(result.error.message).toBe(
          'October 2026 of Claims model operations is approved, so its hours are locked. Withdraw the approval in Month close to change them.',
        );
      }
    }
    expect({ entries: entries(), audit: b.auditCount() }).toEqual(before);
    await b.ok('months.reopen', { engagementId, month: '2026-10' });
    expect((await b.ok('time.setCell', cell('2026-10-05', 240))).entry?.minutes).toBe(240);
  });

  it('an invoiced month refuses hours until its invoice is cancelled with a reason', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 480));
    const invoice = await closeAndInvoice('2026-10');
    const refused = await b.call('time.setCell', cell('2026-10-07', 60));
    expect(refused.ok || refused.error.message).toMatch(/is invoiced, so its hours are locked\. Cancel the invoice/);
    expect((await b.call('months.reopen', { engagementId, month: '2026-10' })).ok).toBe(false);
    await b.ok('invoices.cancel', { id: invoice.id, reason: 'Client asked for a new PO number' });
    expect((await b.ok('months.review', { engagementId, month: '2026-10' })).state.status).toBe('open');
    expect((await b.ok('time.setCell', cell('2026-10-07', 60))).entry?.minutes).toBe(60);
  });

  it('a lock is per engagement: the same month of another engagement stays open', async () => {
    const other = (
      await b.ok('engagements.create', {
        ...validEngagement((await b.ok('engagements.get', { id: engagementId })).clientId),
        name: 'Second stream',
      })
    ).id;
    await b.ok('time.setCell', cell('2026-10-05', 240));
    await b.ok('months.approve', { engagementId, month: '2026-10' });
    expect((await b.ok('time.setCell', { ...cell('2026-10-05', 240), engagementId: other })).entry?.minutes).toBe(240);
  });
});

describe('invoices', () => {
  it('issues a numbered invoice whose lines are an immutable snapshot, and cancelling keeps it visible', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 450));
    await b.ok('time.setCell', cell('2026-10-20', 480, 'deployment'));
    const invoice = await closeAndInvoice('2026-10');
    // 930 min × 150.00/h = 2,325.00; VAT 8.1% = 188.325 → 188.33 (half away from zero); gross 2,513.33.
    expect(invoice).toMatchObject({
      number: 'KEEL-2026-0001',
      status: 'issued',
      minutes: 930,
      netMinor: 232_500,
      vatBasisPoints: 810,
      vatMinor: 18_833,
      grossMinor: 251_333,
    });
    expect(invoice.lines).toHaveLength(1);

    // A later rate does not touch the issued invoice; SQLite itself refuses edits and deletes.
    await b.ok('rates.create', { engagementId, role: 'mlops_engineer', effectiveFrom: '2026-11-01', hourlyRateMinor: 20_000 });
    expect((await b.ok('invoices.get', { id: invoice.id })).lines).toEqual(invoice.lines);
    expect(() => b.db.prepare('UPDATE invoice SET net_minor = 1 WHERE id = ?').run(invoice.id)).toThrow(/can only be cancelled/);
    expect(() => b.db.prepare('DELETE FROM invoice WHERE id = ?').run(invoice.id)).toThrow(/never deleted/);
    expect(() => b.db.prepare('UPDATE invoice_line SET amount_minor = 1').run()).toThrow(/immutable/);
    expect(() => b.db.prepare('DELETE FROM invoice_line').run()).toThrow(/never deleted/);

    const cancelled = await b.ok('invoices.cancel', { id: invoice.id, reason: 'Wrong cost centre' });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Wrong cost centre',
      cancelledBy: 'tester',
      number: 'KEEL-2026-0001',
    });
    expect(cancelled.lines).toEqual(invoice.lines);
    const review = await b.ok('months.review', { engagementId, month: '2026-10' });
    expect(review.issued).toBeNull();
    expect(review.cancelledInvoices.map((i) => i.number)).toEqual(['KEEL-2026-0001']);
    expect(auditActions('invoice')).toEqual(['issue', 'cancel']);
    expect(auditActions('month_close')).toEqual(['approve']);
  });

  it('numbers stay gapless and never reused under repeated issue and cancel, per year, with the configured prefix', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 480));
    await b.ok('time.setCell', cell('2026-09-07', 480));
    const numbers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const invoice = await closeAndInvoice('2026-10');
      numbers.push(invoice.number);
      await b.ok('invoices.cancel', { id: invoice.id, reason: `Attempt ${i + 1}` });
    }
    numbers.push((await closeAndInvoice('2026-09')).number);
    await b.ok('billing.updateSettings', { invoicePrefix: 'acme-ch', dailyThresholdMinutes: 600 });
    numbers.push((await closeAndInvoice('2026-10')).number);
    expect(numbers).toEqual([
      'KEEL-2026-0001',
      'KEEL-2026-0002',
      'KEEL-2026-0003',
      'KEEL-2026-0004',
      'KEEL-2026-0005',
      'ACME-CH-2026-0006',
    ]);
    expect(scalar("SELECT count(*) AS n FROM invoice WHERE status = 'cancelled'")).toBe(4);
    expect(scalar("SELECT count(*) AS n FROM invoice WHERE status = 'issued'")).toBe(2);

    now = Date.UTC(2027, 0, 4, 9, 0, 0); // a new year starts its own sequence
    await b.ok('time.setCell', cell('2026-11-02', 480));
    expect((await closeAndInvoice('2026-11')).number).toBe('ACME-CH-2027-0001');
  });

  it('refuses an invoice for a month with no billable hours, and approval while hours have no rate', async () => {
    await b.ok('months.approve', { engagementId, month: '2026-03' });
    const empty = await b.call('invoices.issue', { engagementId, month: '2026-03' });
    expect(empty.ok || empty.error.message).toBe(
      'March 2026 of Claims model operations has no billable hours, so there is nothing to invoice.',
    );

    const clientId = (await b.ok('clients.create', otherClient)).id;
    const unrated = (await b.ok('engagements.create', otherEngagement(clientId))).id;
    await b.ok('time.setCell', { ...cell('2026-10-05', 480), engagementId: unrated });
    const refused = await b.call('months.approve', { engagementId: unrated, month: '2026-10' });
    expect(refused.ok || refused.error.message).toMatch(
      /cannot be approved yet\. Ana Ionescu has 8\.00 h on days without a rate \(2026-10-05\)/,
    );
    expect(scalar('SELECT count(*) AS n FROM month_close WHERE engagement_id = ?', unrated)).toBe(0);
  });
});

describe('rates, terms and the review', () => {
  it('splits a line at a mid-month rate change, lets an override win, and rounds each entry up to the increment', async () => {
    await b.ok('rates.create', { engagementId, role: 'mlops_engineer', effectiveFrom: '2026-10-15', hourlyRateMinor: 16_000 });
    await b.ok('billing.setTerms', { engagementId, roundingMinutes: 15, monthlyCapMinutes: null });
    await b.ok('time.setCell', cell('2026-10-14', 427)); // billed 435
    await b.ok('time.setCell', cell('2026-10-15', 481)); // billed 495
    let review = await b.ok('months.review', { engagementId, month: '2026-10' });
    expect(review.invoice.lines.map((l) => [l.fromDate, l.toDate, l.minutes, l.billedMinutes, l.hourlyRateMinor, l.amountMinor])).toEqual([
      ['2026-10-01', '2026-10-14', 427, 435, 15_000, 108_750], // 435 × 150 / 60
      ['2026-10-15', '2026-10-31', 481, 495, 16_000, 132_000], // 495 × 160 / 60
    ]);
    expect(review.invoice.netMinor).toBe(240_750);

    await b.ok('rates.create', { engagementId, role: null, specialistId, effectiveFrom: '2026-10-10', hourlyRateMinor: 17_000 });
    review = await b.ok('months.review', { engagementId, month: '2026-10' });
    expect(review.invoice.lines.map((l) => [l.fromDate, l.toDate, l.rateSource, l.amountMinor])).toEqual([
      ['2026-10-10', '2026-10-31', 'specialist', 263_500], // 930 × 170 / 60
    ]);
  });

  it('refuses a rate that would rewrite an approved month, and allows it after the month', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 480));
    await b.ok('months.approve', { engagementId, month: '2026-10' });
    const refused = await b.call('rates.create', {
      engagementId,
      role: 'mlops_engineer',
      effectiveFrom: '2026-10-20',
      hourlyRateMinor: 16_000,
    });
    expect(refused.ok || refused.error.message).toBe(
      'Adding a rate effective 20 Oct 2026 would change October 2026 of Claims model operations, which is approved. Withdraw that approval first.',
    );
    await b.ok('rates.create', { engagementId, role: 'mlops_engineer', effectiveFrom: '2026-11-01', hourlyRateMinor: 16_000 });
  });

  it('flags caps, outside-allocation days and missing days without cutting any hours', async () => {
    await b.ok('allocations.create', {
      specialistId,
      engagementId,
      startDate: '2026-10-05',
      endDate: '2026-10-09',
      status: 'confirmed',
    });
    await b.ok('billing.setTerms', { engagementId, roundingMinutes: 0, monthlyCapMinutes: 600 });
    await b.ok('billing.setSpecialistCap', { engagementId, specialistId, monthlyCapMinutes: 660 });
    await b.ok('time.setCell', cell('2026-10-05', 480));
    await b.ok('time.setCell', cell('2026-10-06', 240));
    const outside = await b.ok('time.setCell', cell('2026-10-12', 60));
    expect(outside.warnings).toEqual([
      'No allocation to Claims model operations covers 12 Oct 2026. The hours are kept; check the plan or the engagement.',
    ]);
    const review = await b.ok('months.review', { engagementId, month: '2026-10' });
    expect(review.invoice.billedMinutes).toBe(780); // nothing cut
    expect(review.warnings.map((w) => w.kind)).toEqual(['engagement_cap', 'specialist_cap', 'outside_allocation', 'missing_days']);
    expect(review.specialists[0]?.missingDates).toEqual(['2026-10-07', '2026-10-08', '2026-10-09']);
    expect(review.canApprove).toBe(true);
  });

  it('keeps a day to 24 hours across engagements and merges a cell holding several entries into one', async () => {
    const clientId = (await b.ok('clients.create', otherClient)).id;
    const other = (await b.ok('engagements.create', otherEngagement(clientId))).id;
    await b.ok('time.setCell', { ...cell('2026-10-05', 1000), engagementId: other });
    const refused = await b.call('time.setCell', cell('2026-10-05', 441));
    expect(refused.ok || refused.error.message).toBe(
      'Keel cannot record hours for Ana Ionescu on Claims model operations on 5 Oct 2026: the hours would make 24.02 h on 5 Oct 2026 across engagements; a day has 24 h, so at most 7.33 h more fit.',
    );
    await b.ok('time.setCell', cell('2026-10-05', 440));

    // Two entries in one cell (as an import can leave them): setting the cell keeps one entry with the new total.
    const first = (await b.ok('time.list', { specialistId, engagementId })).rows[0];
    b.db
      .prepare(
        `INSERT INTO time_entry (id, specialist_id, engagement_id, date, minutes, activity, note, created_at, updated_at)
         VALUES ('01ffffff-0000-7000-8000-000000000001', ?, ?, '2026-10-05', 30, 'retraining', 'imported', 'x', 'x')`,
      )
      .run(specialistId, engagementId);
    const merged = await b.ok('time.setCell', cell('2026-10-05', 300));
    expect(merged.entry).toMatchObject({ id: first?.id, minutes: 300, note: 'imported' });
    expect((await b.ok('time.list', { specialistId, engagementId })).rows).toHaveLength(1);
  });

  it('copies last week into empty cells only, all or nothing, and audits every entry', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 480));
    await b.ok('time.setCell', cell('2026-10-06', 420, 'deployment'));
    await b.ok('time.setCell', cell('2026-10-12', 300));
    const copied = await b.ok('time.copyWeek', { specialistId, weekStart: '2026-10-14' });
    expect(copied.created).toBe(1);
    const week = await b.ok('time.week', { specialistId, weekStart: '2026-10-12' });
    expect(week.dayTotals).toMatchObject({ '2026-10-12': 300, '2026-10-13': 420 });
    expect(week.totalMinutes).toBe(720);
    expect(auditActions('time_entry')).toEqual(['create', 'create', 'create', 'create']);

    await b.ok('time.setCell', cell('2026-10-26', 480));
    await b.ok('months.approve', { engagementId, month: '2026-11' }).catch(() => undefined);
    await b.ok('months.approve', { engagementId, month: '2026-10' });
    const beforeCopy = entries();
    const refused = await b.call('time.copyWeek', { specialistId, weekStart: '2026-11-02' });
    expect(refused.ok || refused.error.message).toMatch(/^Nothing was copied\. November 2026 of Claims model operations is approved/);
    expect(entries()).toBe(beforeCopy);
  });

  it('issues an invoice only as it was approved: a change of VAT, rounding or role since refuses it until approved again', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 470));
    await b.ok('months.approve', { engagementId, month: '2026-10' });
    const engagement = await b.ok('engagements.get', { id: engagementId });
    await b.ok('clients.update', { ...validClient, id: engagement.clientId, vatBasisPoints: 770 });
    const refused = await b.call('invoices.issue', { engagementId, month: '2026-10' });
    // 470 min × 150/h = 1,175.00; VAT 8.1% → 95.18 (gross 1,270.18); at 7.7% → 90.48 (gross 1,265.48).
    expect(refused.ok || refused.error.message).toBe(
      'October 2026 of Claims model operations changed since it was approved (gross CHF 1,270.18 when approved, CHF 1,265.48 now): ' +
        'a rate, the rounding, the VAT rate or a role changed. Withdraw the approval, check the review, and approve it again before issuing the invoice.',
    );
    expect(scalar('SELECT count(*) AS n FROM invoice')).toBe(0);

    // A role without a rate is an error at issue too, not hours dropped from the invoice.
    await b.ok('months.reopen', { engagementId, month: '2026-10' });
    await b.ok('months.approve', { engagementId, month: '2026-10' });
    const specialist = { ...validSpecialist, skills: ['MLflow'], id: specialistId };
    await b.ok('specialists.update', { ...specialist, role: 'data_engineer' });
    const unrated = await b.call('invoices.issue', { engagementId, month: '2026-10' });
    expect(unrated.ok || unrated.error.message).toMatch(
      /^October 2026 of Claims model operations cannot be invoiced\. Ana Ionescu has 7\.83 h on days without a rate/,
    );
    await b.ok('specialists.update', { ...specialist, role: 'mlops_engineer' });
    expect((await b.ok('invoices.issue', { engagementId, month: '2026-10' })).grossMinor).toBe(126_548);
  });

  it('keeps an engagement’s currency once it has rates or hours', async () => {
    const engagement = await b.ok('engagements.get', { id: engagementId });
    const { clientName: _c, archivedAt: _a, createdAt: _cr, updatedAt: _u, id, ...fields } = engagement;
    const refused = await b.call('engagements.update', { ...fields, id, currency: 'EUR' });
    expect(refused.ok || refused.error).toMatchObject({
      code: 'conflict',
      message:
        'Claims model operations already has rates or hours in CHF, so its currency cannot change. Start a new engagement for billing in EUR.',
      issues: [{ path: 'currency', message: 'stays CHF once rates or hours exist' }],
    });
  });
});
