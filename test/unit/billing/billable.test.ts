import {
  BILLABLE,
  billabilityLabel,
  billabilityOf,
  defaultBillability,
  HANDOVER_REASON,
  type HandoverWindow,
  handoverWindowOf,
  nonBillableNotice,
} from '@shared/billing/rules/billable';
import { weekGrid } from '@shared/billing/rules/entries';
import { type BillingEntry, type BillingSpecialist, computeInvoice, type InvoiceInput } from '@shared/billing/rules/invoice';
import { approvedFigures } from '@shared/billing/rules/monthClose';
import type { Rate } from '@shared/billing/rules/rates';
import { monthReview } from '@shared/billing/rules/review';
import { describe, expect, it } from 'vitest';

const window: HandoverWindow = { specialistId: 'nikola', engagementId: 'claims', from: '2026-08-12', to: '2026-08-14' };

describe('defaultBillability: a replacement’s hand-over costs the client nothing', () => {
  it.each([
    ['the first hand-over day', 'nikola', 'claims', '2026-08-12', false],
    ['a middle day', 'nikola', 'claims', '2026-08-13', false],
    ['the last hand-over day', 'nikola', 'claims', '2026-08-14', false],
    ['the day before the hand-over', 'nikola', 'claims', '2026-08-11', true],
    ['the day after the hand-over', 'nikola', 'claims', '2026-08-15', true],
    ['another engagement of the same person', 'nikola', 'fraud', '2026-08-13', true],
    ['the outgoing (or any other) specialist', 'ana', 'claims', '2026-08-13', true],
  ])('%s → billable %s', (_what, specialistId, engagementId, date, billable) => {
    const result = defaultBillability({ specialistId, engagementId, date }, [window]);
    expect(result).toEqual(billable ? BILLABLE : { billable: false, nonBillableReason: HANDOVER_REASON });
  });

  it('is billable when there is no hand-over at all, and finds the covering window among several', () => {
    expect(defaultBillability({ specialistId: 'nikola', engagementId: 'claims', date: '2026-08-13' }, [])).toEqual(BILLABLE);
    const later = { ...window, from: '2026-09-01', to: '2026-09-02' };
    expect(handoverWindowOf({ specialistId: 'nikola', engagementId: 'claims', date: '2026-09-02' }, [window, later])).toBe(later);
  });
});

describe('billabilityOf: what finance asks for', () => {
  it('keeps no reason on billable hours, a trimmed reason on non-billable ones, and refuses an empty reason', () => {
    expect(billabilityOf(true, '')).toEqual(BILLABLE);
    expect(billabilityOf(false, '  Goodwill  ')).toEqual({ billable: false, nonBillableReason: 'Goodwill' });
    expect(billabilityOf(false, '   ')).toEqual({
      refusal: 'Give a reason when hours are not billable; the review and the invoice show it.',
    });
  });

  it('words the state and the timesheet notice as sentences', () => {
    expect(billabilityLabel({ billable: false, nonBillableReason: HANDOVER_REASON })).toBe(
      'Not billable: Replacement hand-over (no extra cost)',
    );
    expect(billabilityLabel({ billable: true, nonBillableReason: '' })).toBe('Billable');
    expect(nonBillableNotice({ date: '2026-08-12', nonBillableReason: HANDOVER_REASON })).toBe(
      'The hours on 12 Aug 2026 are not billed (Replacement hand-over (no extra cost)); finance can change that until the month is approved.',
    );
  });
});

const alice: BillingSpecialist = { id: 's-alice', name: 'Alice', role: 'mlops_engineer' };
const rate: Rate = {
  id: 'r1',
  engagementId: 'eng',
  role: 'mlops_engineer',
  specialistId: null,
  effectiveFrom: '2026-01-01',
  hourlyRateMinor: 15_000,
};
const e = (date: string, minutes: number, billable?: boolean | 0 | 1): BillingEntry => ({
  specialistId: alice.id,
  date,
  minutes,
  ...(billable === undefined ? {} : { billable }),
});
const input = (entries: BillingEntry[], roundingMinutes: InvoiceInput['roundingMinutes'] = 15): InvoiceInput => ({
  month: '2026-10',
  currency: 'CHF',
  roundingMinutes,
  vatBasisPoints: 810,
  entries,
  specialists: [alice],
  rates: [rate],
});

describe('computeInvoice with non-billable hours', () => {
  it('bills only billable hours and shows the others on the same line, neither rounded nor priced', () => {
    // Billable: 440 → 450 (15-minute increment) + 480 = 930 billed; 930 × 150.00 / 60 = 2,325.00. Non-billable 470 + 10 as entered.
    const invoice = computeInvoice(
      input([e('2026-10-01', 440), e('2026-10-02', 480, true), e('2026-10-05', 470, false), e('2026-10-06', 10, 0)]),
    );
    expect(invoice.lines).toEqual([
      expect.objectContaining({ entryCount: 4, minutes: 920, billedMinutes: 930, nonBillableMinutes: 480, amountMinor: 232_500 }),
    ]);
    expect(invoice).toMatchObject({ minutes: 920, billedMinutes: 930, nonBillableMinutes: 480, netMinor: 232_500, vatMinor: 18_833 });
  });

  it('gives the same amounts as an invoice without the non-billable entries at all', () => {
    const billable = [e('2026-10-01', 440), e('2026-10-02', 481)];
    const withHandover = computeInvoice(input([...billable, e('2026-10-05', 470, false)]));
    const without = computeInvoice(input(billable));
    expect([withHandover.netMinor, withHandover.vatMinor, withHandover.grossMinor, withHandover.billedMinutes]).toEqual([
      without.netMinor,
      without.vatMinor,
      without.grossMinor,
      without.billedMinutes,
    ]);
  });

  it('keeps a line with only non-billable hours at zero, and counts non-billable hours without a rate as unrated', () => {
    const only = computeInvoice(input([e('2026-10-05', 470, false)]));
    expect(only.lines).toEqual([expect.objectContaining({ minutes: 0, billedMinutes: 0, nonBillableMinutes: 470, amountMinor: 0 })]);
    expect(only.grossMinor).toBe(0);
    const noRate = computeInvoice({ ...input([e('2026-10-05', 470, false)]), rates: [] });
    expect(noRate.unrated).toEqual([{ specialistId: alice.id, specialistName: 'Alice', dates: ['2026-10-05'], minutes: 470 }]);
  });

  it('the review shows billable and non-billable minutes apart per specialist and in all', () => {
    const review = monthReview({
      ...input([e('2026-10-01', 480), e('2026-10-02', 240, false)]),
      specialists: [{ ...alice, holidays: new Set(), absences: [], employedFrom: '2020-01-01', capMinutes: null }],
      allocations: [],
      usesAllocations: false,
      engagementCapMinutes: null,
      dailyThresholdMinutes: 600,
    });
    expect(review.specialists[0]).toMatchObject({ minutes: 720, billedMinutes: 480, nonBillableMinutes: 240 });
    expect([review.minutes, review.nonBillableMinutes]).toEqual([720, 240]);
  });

  it('an approval snapshot of a month without non-billable hours reads as before they existed', () => {
    const invoice = computeInvoice(input([e('2026-10-01', 480)]));
    expect(approvedFigures(invoice)).not.toContain('nonBillable');
    expect(approvedFigures(computeInvoice(input([e('2026-10-01', 480), e('2026-10-02', 60, false)])))).toContain('"nonBillableMinutes":60');
  });
});

describe('the timesheet grid marks cells with hours that are not billed', () => {
  it('carries the reason on a cell only when one of its entries is not billable', () => {
    const grid = weekGrid(
      ['2026-08-12', '2026-08-13'],
      [
        {
          id: '1',
          engagementId: 'claims',
          activity: 'onboarding_handover',
          date: '2026-08-12',
          minutes: 240,
          note: '',
          billable: false,
          nonBillableReason: HANDOVER_REASON,
        },
        {
          id: '2',
          engagementId: 'claims',
          activity: 'onboarding_handover',
          date: '2026-08-13',
          minutes: 240,
          note: '',
          billable: true,
          nonBillableReason: '',
        },
      ],
      ['claims'],
    );
    expect(grid.rows[0]?.cells).toEqual({
      '2026-08-12': { minutes: 240, entryIds: ['1'], note: '', nonBillableReason: HANDOVER_REASON },
      '2026-08-13': { minutes: 240, entryIds: ['2'], note: '' },
    });
  });
});
