import {
  type BillingEntry,
  type BillingSpecialist,
  billedMinutes,
  computeInvoice,
  type InvoiceInput,
  ratePeriods,
} from '@shared/billing/rules/invoice';
import { INVOICE_PREFIX_RE, invoiceNumber, lockedMonthRefusal } from '@shared/billing/rules/monthClose';
import { datesOf, firstDayOf, lastDayOf, MONTH_RE, monthLabel, monthOf, nextMonth } from '@shared/billing/rules/months';
import { type Rate, rateOn } from '@shared/billing/rules/rates';
import { monthReview, type ReviewInput, type ReviewSpecialist } from '@shared/billing/rules/review';
import { type BilledAmounts, totalsByCurrency } from '@shared/billing/rules/totals';
import type { SpecialistRole } from '@shared/clients/rules/reference';
import { toDay } from '@shared/kernel/days';
import { amountFor, decimalToMinor, divideRounded, formatMoney, minorToDecimal, minorToMajor, vatOn } from '@shared/kernel/money';
import { describe, expect, it } from 'vitest';

// October 2026 starts on a Thursday: Sat/Sun are 3–4, 10–11, 17–18, 24–25, 31.

let rateSeq = 0;
const roleRate = (role: SpecialistRole, effectiveFrom: string, hourlyRateMinor: number, id = `r${++rateSeq}`): Rate => ({
  id,
  engagementId: 'eng',
  role,
  specialistId: null,
  effectiveFrom,
  hourlyRateMinor,
});
const override = (specialistId: string, effectiveFrom: string, hourlyRateMinor: number, id = `o${++rateSeq}`): Rate => ({
  id,
  engagementId: 'eng',
  role: null,
  specialistId,
  effectiveFrom,
  hourlyRateMinor,
});

const alice: BillingSpecialist = { id: 's-alice', name: 'Alice', role: 'mlops_engineer' };
const bob: BillingSpecialist = { id: 's-bob', name: 'Bob', role: 'mlops_engineer' };
const carol: BillingSpecialist = { id: 's-carol', name: 'Carol', role: 'data_engineer' };
const dana: BillingSpecialist = { id: 's-dana', name: 'Dana', role: 'data_scientist' };

const entry = (specialist: BillingSpecialist, date: string, minutes: number): BillingEntry => ({
  specialistId: specialist.id,
  date,
  minutes,
});

const invoiceInput = (over: Partial<InvoiceInput>): InvoiceInput => ({
  month: '2026-10',
  currency: 'CHF',
  roundingMinutes: 0,
  vatBasisPoints: 810,
  entries: [],
  specialists: [alice, bob, carol, dana],
  rates: [],
  ...over,
});

const reviewSpecialist = (s: BillingSpecialist, over: Partial<ReviewSpecialist> = {}): ReviewSpecialist => ({
  ...s,
  holidays: new Set(),
  absences: [],
  employedFrom: '2020-01-01',
  capMinutes: null,
  ...over,
});

const reviewInput = (over: Partial<ReviewInput>): ReviewInput => ({
  month: '2026-10',
  currency: 'CHF',
  roundingMinutes: 0,
  vatBasisPoints: 810,
  entries: [],
  specialists: [reviewSpecialist(alice)],
  rates: [roleRate('mlops_engineer', '2026-01-01', 15_000)],
  allocations: [],
  usesAllocations: false,
  engagementCapMinutes: null,
  dailyThresholdMinutes: 600,
  ...over,
});

describe('divideRounded: half away from zero, exact in BigInt', () => {
  it.each([
    [5n, 2n, 3], // 2.5 → 3
    [-5n, 2n, -3], // −2.5 → −3 (symmetric, not towards +∞)
    [3n, 2n, 2], // 1.5 → 2
    [-3n, 2n, -2],
    [1n, 2n, 1], // 0.5 → 1
    [-1n, 2n, -1],
    [1n, 3n, 0], // 0.33 → 0
    [-1n, 3n, 0],
    [2n, 3n, 1], // 0.67 → 1
    [-2n, 3n, -1],
    [149n, 100n, 1], // 1.49 → 1
    [150n, 100n, 2], // 1.50 → 2
    [-149n, 100n, -1],
    [-150n, 100n, -2],
    [0n, 7n, 0],
    [42n, 1n, 42],
  ])('%i / %i = %i', (numerator, denominator, expected) => {
    expect(divideRounded(numerator, denominator)).toBe(expected);
  });

  it('refuses a zero or negative denominator and a result beyond the safe integers', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
    expect(() => divideRounded(1n, -2n)).toThrow('denominator must be positive');
    expect(() => divideRounded(2n ** 60n, 1n)).toThrow('amount is too large');
    // MAX_SAFE × 120 ÷ 60 = 2 × MAX_SAFE: not representable exactly.
    expect(() => amountFor(Number.MAX_SAFE_INTEGER, 120)).toThrow('amount is too large');
  });
});

describe('amountFor and vatOn', () => {
  it.each([
    [1, 150, 3], // 1 × 150 ÷ 60 = 2.5 → 3
    [1, 90, 2], // 1.5 → 2
    [1, 30, 1], // 0.5 → 1
    [1, 29, 0], // 0.483 → 0
    [1, 15_000, 250], // 150.00/h → 2.50 a minute
    [7, 15_000, 1_750],
    [0, 15_000, 0],
    [-1, 150, -3], // a credit rounds symmetrically: −2.5 → −3
  ])('%i min at %i minor/h = %i minor', (minutes, rate, expected) => {
    expect(amountFor(minutes, rate)).toBe(expected);
  });

  it.each([
    [500, 810, 41], // 500 × 0.081 = 40.5 → 41
    [-500, 810, -41],
    [1_000, 810, 81], // exact
    [360_500, 810, 29_201], // 29,200.5 → 29,201
    [1, 5_000, 1], // 0.5 → 1
    [1, 4_999, 0], // 0.4999 → 0
    [12_345, 0, 0],
  ])('VAT on %i at %i bp = %i', (net, bp, expected) => {
    expect(vatOn(net, bp)).toBe(expected);
  });
});

describe('minor units as text', () => {
  it.each([
    [123_456, 'CHF', '1234.56'],
    [5, 'CHF', '0.05'],
    [0, 'CHF', '0.00'],
    [-5, 'CHF', '-0.05'],
    [-123_456, 'CHF', '-1234.56'],
    [123_456, 'JPY', '123456'],
    [-7, 'JPY', '-7'],
    [5, 'BHD', '0.005'],
    [1_234_567, 'BHD', '1234.567'],
  ])('minorToDecimal(%i, %s) = %s', (minor, currency, expected) => {
    expect(minorToDecimal(minor, currency)).toBe(expected);
  });

  it.each([
    [123_456, 'CHF', 'CHF 1,234.56'],
    [-123_456_789, 'CHF', '-CHF 1,234,567.89'],
    [0, 'CHF', 'CHF 0.00'],
    [999, 'JPY', 'JPY 999'],
    [1_234_567, 'JPY', 'JPY 1,234,567'],
    [1_234_567, 'BHD', 'BHD 1,234.567'],
    [5, 'BHD', 'BHD 0.005'],
  ])('formatMoney(%i, %s) = %s', (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });

  it('minorToMajor divides by the currency’s minor unit', () => {
    expect(minorToMajor(123_456, 'CHF')).toBe(1234.56);
    expect(minorToMajor(123_456, 'JPY')).toBe(123_456);
    expect(minorToMajor(1_234_567, 'BHD')).toBe(1234.567);
  });

  it.each([
    ['145', 'CHF', 14_500],
    ['145.50', 'CHF', 14_550],
    ['145.5', 'CHF', 14_550],
    ['145,5', 'CHF', 14_550], // decimal comma
    ['145.', 'CHF', 14_500],
    ['0.05', 'CHF', 5],
    ["1'450.5", 'CHF', 145_050],
    ['1’450.50', 'CHF', 145_050],
    [' 99 999.99 ', 'CHF', 9_999_999],
    ['12000', 'JPY', 12_000],
    ['25.125', 'BHD', 25_125],
    ['25.1', 'BHD', 25_100],
    ['0,005', 'BHD', 5],
    ['1,234.56', 'CHF', 123_456], // what formatMoney writes, read back
    ['12,000.5', 'BHD', 12_000_500],
    ['1,450', 'JPY', 1_450], // no minor unit: the comma groups thousands
  ])('decimalToMinor(%j, %s) = %i', (text, currency, minor) => {
    expect(decimalToMinor(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ['1.234', 'CHF', 'CHF has 2 decimals at most'],
    ['12000.5', 'JPY', 'JPY has no minor unit: use whole amounts'],
    ['25.1251', 'BHD', 'BHD has 3 decimals at most'],
    ['-5', 'CHF', 'must be an amount such as 145.50'],
    ['abc', 'JPY', 'must be an amount such as 14500'],
    ['', 'BHD', 'must be an amount such as 145.500'],
    ['99999999999999999', 'CHF', 'is too large'],
    ['1,450', 'BHD', 'is ambiguous: write 1450 for thousands, or 1.450 with a point for decimals'],
    ['12,000', 'CHF', 'is ambiguous: write 12000 for thousands, or 12.000 with a point for decimals'],
  ])('decimalToMinor(%j, %s) is refused: %s', (text, currency, message) => {
    expect(decimalToMinor(text, currency)).toEqual({ ok: false, message });
  });
});

describe('rateOn', () => {
  const r150 = roleRate('mlops_engineer', '2026-01-01', 15_000, 'r150');
  const r160 = roleRate('mlops_engineer', '2026-10-15', 16_000, 'r160');
  const rData = roleRate('data_engineer', '2025-01-01', 20_000, 'rData');
  const bob180 = override(bob.id, '2026-10-20', 18_000, 'bob180');
  // Listed out of date order on purpose: the latest effectiveFrom ≤ date wins, not the last in the list.
  const rates = [bob180, r160, rData, r150];

  it('picks the latest role rate effective on or before the date', () => {
    expect(rateOn(rates, alice, '2025-12-31')).toBeNull();
    expect(rateOn(rates, alice, '2026-01-01')).toEqual({ rate: r150, source: 'role' });
    expect(rateOn(rates, alice, '2026-10-14')).toEqual({ rate: r150, source: 'role' });
    expect(rateOn(rates, alice, '2026-10-15')).toEqual({ rate: r160, source: 'role' });
    expect(rateOn(rates, carol, '2026-10-15')).toEqual({ rate: rData, source: 'role' });
    expect(rateOn(rates, dana, '2026-10-15')).toBeNull();
  });

  it('lets a specialist override beat the role rate from its date on, and only for that specialist', () => {
    expect(rateOn(rates, bob, '2026-10-19')).toEqual({ rate: r160, source: 'role' });
    expect(rateOn(rates, bob, '2026-10-20')).toEqual({ rate: bob180, source: 'specialist' });
    expect(rateOn(rates, alice, '2026-10-20')).toEqual({ rate: r160, source: 'role' });
    // An override beats the role rate even when it is lower, and even when the role rate is newer.
    const cheap = override(bob.id, '2026-01-01', 9_000, 'cheap');
    expect(rateOn([r150, r160, cheap], bob, '2026-10-31')).toEqual({ rate: cheap, source: 'specialist' });
  });
});

describe('billedMinutes: each entry rounded UP to the increment', () => {
  it.each([
    // minutes, none, 6, 15, 30
    [7, 7, 12, 15, 30],
    [31, 31, 36, 45, 60],
    [44, 44, 48, 45, 60],
    [1, 1, 6, 15, 30],
    [30, 30, 30, 30, 30],
    [60, 60, 60, 60, 60],
    [0, 0, 0, 0, 0],
  ])('%i min → %i / %i / %i / %i', (minutes, none, six, fifteen, thirty) => {
    expect(billedMinutes(minutes, 0)).toBe(none);
    expect(billedMinutes(minutes, 6)).toBe(six);
    expect(billedMinutes(minutes, 15)).toBe(fifteen);
    expect(billedMinutes(minutes, 30)).toBe(thirty);
  });

  it('rounds per entry, not the total, and keeps the raw minutes on the line', () => {
    const invoice = computeInvoice(
      invoiceInput({
        roundingMinutes: 15,
        rates: [roleRate('mlops_engineer', '2026-01-01', 15_000)],
        entries: [
          entry(alice, '2026-10-01', 7),
          entry(alice, '2026-10-02', 31),
          entry(alice, '2026-10-05', 44),
          entry(alice, '2026-10-06', 1),
        ],
      }),
    );
    // Raw 7 + 31 + 44 + 1 = 83. Billed 15 + 45 + 45 + 15 = 120 (rounding the total would give 90).
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines[0]).toMatchObject({ entryCount: 4, minutes: 83, billedMinutes: 120, amountMinor: 30_000 });
    expect(invoice).toMatchObject({ minutes: 83, billedMinutes: 120, netMinor: 30_000, roundingMinutes: 15 });
    // 120 min × 150.00/h = 300.00; VAT 30,000 × 0.081 = 2,430.
    expect(invoice.vatMinor).toBe(2_430);
    expect(invoice.grossMinor).toBe(32_430);
  });

  it('with increment 6 the same entries bill 12 + 36 + 48 + 6 = 102 minutes', () => {
    const invoice = computeInvoice(
      invoiceInput({
        roundingMinutes: 6,
        rates: [roleRate('mlops_engineer', '2026-01-01', 15_000)],
        entries: [
          entry(alice, '2026-10-01', 7),
          entry(alice, '2026-10-02', 31),
          entry(alice, '2026-10-05', 44),
          entry(alice, '2026-10-06', 1),
        ],
      }),
    );
    // 102 × 250 = 25,500.
    expect(invoice.lines[0]).toMatchObject({ minutes: 83, billedMinutes: 102, amountMinor: 25_500 });
  });
});

describe('computeInvoice: lines per specialist × rate period', () => {
  it('splits the line at a mid-month rate change (150.00 → 160.00 from 2026-10-15)', () => {
    const invoice = computeInvoice(
      invoiceInput({
        rates: [roleRate('mlops_engineer', '2026-01-01', 15_000, 'r150'), roleRate('mlops_engineer', '2026-10-15', 16_000, 'r160')],
        entries: [entry(alice, '2026-10-01', 450), entry(alice, '2026-10-14', 480), entry(alice, '2026-10-15', 480)],
      }),
    );
    // Before: 450 + 480 = 930 min × 15,000 ÷ 60 = 232,500. From the 15th: 480 × 16,000 ÷ 60 = 128,000.
    expect(invoice.lines).toEqual([
      {
        specialistId: alice.id,
        specialistName: 'Alice',
        role: 'mlops_engineer',
        fromDate: '2026-10-01',
        toDate: '2026-10-14',
        rateId: 'r150',
        rateSource: 'role',
        hourlyRateMinor: 15_000,
        entryCount: 2,
        minutes: 930,
        billedMinutes: 930,
        nonBillableMinutes: 0,
        amountMinor: 232_500,
      },
      {
        specialistId: alice.id,
        specialistName: 'Alice',
        role: 'mlops_engineer',
        fromDate: '2026-10-15',
        toDate: '2026-10-31',
        rateId: 'r160',
        rateSource: 'role',
        hourlyRateMinor: 16_000,
        entryCount: 1,
        minutes: 480,
        billedMinutes: 480,
        nonBillableMinutes: 0,
        amountMinor: 128_000,
      },
    ]);
    // Net 360,500; VAT 360,500 × 0.081 = 29,200.5 → 29,201 (half away from zero); gross 389,701.
    expect(invoice).toMatchObject({
      netMinor: 360_500,
      vatMinor: 29_201,
      grossMinor: 389_701,
      minutes: 1_410,
      billedMinutes: 1_410,
      unrated: [],
    });
    expect(formatMoney(invoice.grossMinor, 'CHF')).toBe('CHF 3,897.01');
  });

  it('uses a specialist override over the role rate, and an override starting mid-month splits the line', () => {
    const rates = [
      roleRate('mlops_engineer', '2026-01-01', 15_000, 'r150'),
      roleRate('mlops_engineer', '2026-10-15', 16_000, 'r160'),
      override(bob.id, '2026-10-20', 18_000, 'bob180'),
      // Carol's override (older than October, and lower than her role rate) applies all month.
      roleRate('data_engineer', '2026-01-01', 20_000, 'rData'),
      override(carol.id, '2026-09-01', 12_000, 'carol120'),
    ];
    expect(ratePeriods('2026-10', bob, rates).map((p) => [p.fromDate, p.toDate, p.rate.id, p.source])).toEqual([
      ['2026-10-01', '2026-10-14', 'r150', 'role'],
      ['2026-10-15', '2026-10-19', 'r160', 'role'],
      ['2026-10-20', '2026-10-31', 'bob180', 'specialist'],
    ]);
    const invoice = computeInvoice(
      invoiceInput({
        rates,
        entries: [
          entry(bob, '2026-10-02', 60),
          entry(bob, '2026-10-16', 60),
          entry(bob, '2026-10-21', 60),
          entry(bob, '2026-10-30', 30),
          entry(carol, '2026-10-05', 120),
        ],
      }),
    );
    expect(
      invoice.lines.map((l) => [l.specialistName, l.fromDate, l.toDate, l.rateSource, l.hourlyRateMinor, l.billedMinutes, l.amountMinor]),
    ).toEqual([
      ['Bob', '2026-10-01', '2026-10-14', 'role', 15_000, 60, 15_000], // 1 h × 150.00
      ['Bob', '2026-10-15', '2026-10-19', 'role', 16_000, 60, 16_000], // 1 h × 160.00
      ['Bob', '2026-10-20', '2026-10-31', 'specialist', 18_000, 90, 27_000], // 1.5 h × 180.00
      ['Carol', '2026-10-01', '2026-10-31', 'specialist', 12_000, 120, 24_000], // 2 h × 120.00
    ]);
    // 15,000 + 16,000 + 27,000 + 24,000 = 82,000; VAT 82,000 × 0.081 = 6,642.
    expect(invoice).toMatchObject({ netMinor: 82_000, vatMinor: 6_642, grossMinor: 88_642 });
  });

  it('a rate period starts on the first day a rate exists', () => {
    expect(
      ratePeriods('2026-10', alice, [roleRate('mlops_engineer', '2026-10-15', 16_000, 'late')]).map((p) => [p.fromDate, p.toDate]),
    ).toEqual([['2026-10-15', '2026-10-31']]);
    expect(ratePeriods('2026-10', dana, [roleRate('mlops_engineer', '2026-01-01', 16_000)])).toEqual([]);
  });

  it('rounds the amount once per line, not per entry', () => {
    const invoice = computeInvoice(
      invoiceInput({
        rates: [roleRate('mlops_engineer', '2026-01-01', 150)],
        entries: [entry(alice, '2026-10-01', 1), entry(alice, '2026-10-02', 1), entry(alice, '2026-10-05', 1)],
      }),
    );
    // Per entry: 2.5 → 3, three times = 9. Once on the line: 3 × 150 ÷ 60 = 7.5 → 8.
    expect(invoice.lines[0]?.amountMinor).toBe(8);
    expect(invoice.netMinor).toBe(8);
  });

  it('computes VAT once on the total, where per-line VAT would differ', () => {
    const invoice = computeInvoice(
      invoiceInput({
        rates: [roleRate('mlops_engineer', '2026-01-01', 15_000)],
        entries: [entry(alice, '2026-10-01', 62), entry(bob, '2026-10-01', 62)],
      }),
    );
    // Each line: 62 × 15,000 ÷ 60 = 15,500 (155.00). VAT per line would be 15,500 × 0.081 = 1,255.5 → 1,256,
    // twice = 2,512. On the total: 31,000 × 0.081 = 2,511 exactly.
    expect(invoice.lines.map((l) => l.amountMinor)).toEqual([15_500, 15_500]);
    expect(invoice.lines.map((l) => vatOn(l.amountMinor, 810)).reduce((a, b) => a + b)).toBe(2_512);
    expect(invoice).toMatchObject({ netMinor: 31_000, vatBasisPoints: 810, vatMinor: 2_511, grossMinor: 33_511 });
  });

  it('orders lines by specialist name, whatever the input order', () => {
    const invoice = computeInvoice(
      invoiceInput({
        specialists: [bob, alice],
        rates: [roleRate('mlops_engineer', '2026-01-01', 15_000)],
        entries: [entry(bob, '2026-10-01', 60), entry(alice, '2026-10-01', 60)],
      }),
    );
    expect(invoice.lines.map((l) => l.specialistName)).toEqual(['Alice', 'Bob']);
  });

  it('bills a JPY month in whole yen', () => {
    const invoice = computeInvoice(
      invoiceInput({
        currency: 'JPY',
        rates: [roleRate('mlops_engineer', '2026-01-01', 9_999)],
        entries: [entry(alice, '2026-10-01', 10)],
      }),
    );
    // 10 × 9,999 ÷ 60 = 1,666.5 → 1,667 yen. VAT 1,667 × 0.081 = 135.03 → 135. Gross 1,802.
    expect(invoice).toMatchObject({ currency: 'JPY', netMinor: 1_667, vatMinor: 135, grossMinor: 1_802 });
    expect(minorToDecimal(invoice.grossMinor, 'JPY')).toBe('1802');
    expect(formatMoney(invoice.grossMinor, 'JPY')).toBe('JPY 1,802');
    expect(decimalToMinor('9999', 'JPY')).toEqual({ ok: true, minor: 9_999 });
  });

  it('bills a BHD month in fils (3 decimals)', () => {
    const invoice = computeInvoice(
      invoiceInput({
        currency: 'BHD',
        vatBasisPoints: 1_000,
        rates: [roleRate('mlops_engineer', '2026-01-01', 25_125)],
        entries: [entry(alice, '2026-10-01', 10)],
      }),
    );
    // 25.125 BHD/h: 10 × 25,125 ÷ 60 = 4,187.5 → 4,188 fils. VAT 10%: 418.8 → 419. Gross 4,607 = 4.607 BHD.
    expect(invoice).toMatchObject({ netMinor: 4_188, vatMinor: 419, grossMinor: 4_607 });
    expect(minorToDecimal(invoice.grossMinor, 'BHD')).toBe('4.607');
    expect(formatMoney(invoice.grossMinor, 'BHD')).toBe('BHD 4.607');
    expect(decimalToMinor('25.125', 'BHD')).toEqual({ ok: true, minor: 25_125 });
  });

  it('keeps large amounts exact: 744 h at 99,999.99/h', () => {
    // Every day of October 2026 (31 days) at 24 h = 744 h = 44,640 minutes.
    const entries = datesOf('2026-10').map((d) => entry(alice, d, 1_440));
    const invoice = computeInvoice(invoiceInput({ rates: [roleRate('mlops_engineer', '2026-01-01', 9_999_999)], entries }));
    // 44,640 × 9,999,999 ÷ 60 = 744 × 9,999,999 = 7,439,999,256.
    // VAT: 7,439,999,256 × 810 ÷ 10,000 = 602,639,939.736 → 602,639,940. Gross 8,042,639,196.
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines[0]).toMatchObject({ entryCount: 31, billedMinutes: 44_640, amountMinor: 7_439_999_256 });
    expect(invoice).toMatchObject({ netMinor: 7_439_999_256, vatMinor: 602_639_940, grossMinor: 8_042_639_196 });
    expect(formatMoney(invoice.grossMinor, 'CHF')).toBe('CHF 80,426,391.96');
  });

  it('returns no lines and zero totals for an empty month', () => {
    const invoice = computeInvoice(invoiceInput({ rates: [roleRate('mlops_engineer', '2026-01-01', 15_000)] }));
    expect(invoice).toEqual({
      month: '2026-10',
      currency: 'CHF',
      roundingMinutes: 0,
      lines: [],
      minutes: 0,
      billedMinutes: 0,
      nonBillableMinutes: 0,
      netMinor: 0,
      vatBasisPoints: 810,
      vatMinor: 0,
      grossMinor: 0,
      unrated: [],
    });
  });

  it('reports entries on days without a rate as unrated, outside the totals', () => {
    const invoice = computeInvoice(
      invoiceInput({
        rates: [roleRate('data_engineer', '2026-10-15', 20_000)],
        entries: [
          entry(dana, '2026-10-06', 60),
          entry(dana, '2026-10-05', 30),
          entry(dana, '2026-10-05', 15),
          entry(carol, '2026-10-14', 60),
          entry(carol, '2026-10-15', 60),
        ],
      }),
    );
    // Carol: the 15th on is rated (60 min × 200.00 = 20,000); the 14th is not.
    expect(invoice.lines.map((l) => [l.specialistName, l.fromDate, l.minutes, l.amountMinor])).toEqual([
      ['Carol', '2026-10-15', 60, 20_000],
    ]);
    expect(invoice.unrated).toEqual([
      { specialistId: carol.id, specialistName: 'Carol', dates: ['2026-10-14'], minutes: 60 },
      { specialistId: dana.id, specialistName: 'Dana', dates: ['2026-10-05', '2026-10-06'], minutes: 105 },
    ]);
    expect(invoice).toMatchObject({ minutes: 60, netMinor: 20_000 });
  });
});

describe('monthReview', () => {
  it('an empty month has no lines, zero totals, no warnings and can be approved', () => {
    const review = monthReview(reviewInput({ specialists: [reviewSpecialist(alice), reviewSpecialist(bob)] }));
    expect(review.invoice.lines).toEqual([]);
    expect(review.invoice).toMatchObject({ netMinor: 0, vatMinor: 0, grossMinor: 0 });
    expect(review.specialists).toEqual([]);
    expect(review.warnings).toEqual([]);
    expect(review.canApprove).toBe(true);
    expect(review.minutes).toBe(0);
    expect(Object.keys(review.dayTotals)).toHaveLength(31);
    expect(Object.values(review.dayTotals).every((m) => m === 0)).toBe(true);
  });

  it('totals the recorded minutes per day and in all, hours without a rate included', () => {
    const entries = [entry(alice, '2026-10-01', 50), entry(bob, '2026-10-01', 30), entry(alice, '2026-10-02', 45)];
    const review = monthReview(reviewInput({ entries, rates: [] }));
    expect(review.dayTotals['2026-10-01']).toBe(80);
    expect(review.dayTotals['2026-10-02']).toBe(45);
    expect(review.dayTotals['2026-10-03']).toBe(0);
    expect(review.minutes).toBe(125);
    expect(review.invoice.minutes).toBe(0); // nothing is billed without a rate
  });

  describe('caps are compared with billed minutes, flagged and never cut', () => {
    // Rounding 30: 50 + 50 raw = 100 min, billed 60 + 60 = 120 min = 300.00 CHF.
    const entries = [entry(alice, '2026-10-01', 50), entry(alice, '2026-10-02', 50)];

    it('flags the engagement cap when billed minutes exceed it, even though raw minutes do not', () => {
      const review = monthReview(reviewInput({ roundingMinutes: 30, entries, engagementCapMinutes: 110 }));
      expect(review.warnings).toEqual([
        {
          kind: 'engagement_cap',
          severity: 'warning',
          specialistId: null,
          // 120 min = 2.00 h; 110 min = 1.83 h; over by 10 min = 0.17 h.
          message: 'The engagement has 2.00 h billable, above its monthly cap of 1.83 h by 0.17 h. Nothing is cut.',
          dates: [],
        },
      ]);
      expect(review.canApprove).toBe(true);
      expect(review.invoice).toMatchObject({ billedMinutes: 120, netMinor: 30_000 });
    });

    it('does not flag an engagement cap exactly equal to the billed minutes', () => {
      const review = monthReview(reviewInput({ roundingMinutes: 30, entries, engagementCapMinutes: 120 }));
      expect(review.warnings).toEqual([]);
    });

    it('sums all specialists against the engagement cap', () => {
      const review = monthReview(
        reviewInput({
          specialists: [reviewSpecialist(alice), reviewSpecialist(bob)],
          entries: [entry(alice, '2026-10-01', 60), entry(bob, '2026-10-01', 61)],
          engagementCapMinutes: 120,
        }),
      );
      expect(review.warnings.map((w) => w.kind)).toEqual(['engagement_cap']);
    });

    it('flags a specialist cap when exceeded and not when exactly met', () => {
      const over = monthReview(reviewInput({ roundingMinutes: 30, entries, specialists: [reviewSpecialist(alice, { capMinutes: 119 })] }));
      expect(over.warnings).toEqual([
        {
          kind: 'specialist_cap',
          severity: 'warning',
          specialistId: alice.id,
          // 119 min = 1.98 h; over by 1 min = 0.02 h.
          message:
            'Alice has 2.00 h billable, above their cap of 1.98 h by 0.02 h. Nothing is cut: agree the excess with the client or correct the entries.',
          dates: [],
        },
      ]);
      expect(over.specialists[0]).toMatchObject({ minutes: 100, billedMinutes: 120, capMinutes: 119, entryCount: 2 });
      expect(over.invoice.netMinor).toBe(30_000);

      const equal = monthReview(reviewInput({ roundingMinutes: 30, entries, specialists: [reviewSpecialist(alice, { capMinutes: 120 })] }));
      expect(equal.warnings).toEqual([]);
    });
  });

  it('refuses approval while hours have no rate', () => {
    const review = monthReview(
      reviewInput({
        specialists: [reviewSpecialist(alice), reviewSpecialist(dana)],
        entries: [entry(alice, '2026-10-01', 60), entry(dana, '2026-10-06', 60), entry(dana, '2026-10-05', 30)],
      }),
    );
    expect(review.warnings).toEqual([
      {
        kind: 'no_rate',
        severity: 'error',
        specialistId: dana.id,
        message:
          'Dana has 1.50 h on days without a rate (2026-10-05, 2026-10-06). Add a rate for their role or for them, effective on or before 2026-10-05.',
        dates: ['2026-10-05', '2026-10-06'],
      },
    ]);
    expect(review.canApprove).toBe(false);
    // Dana's hours are still shown in her row; they are just not on the invoice.
    expect(review.specialists.find((s) => s.specialistId === dana.id)).toMatchObject({ minutes: 90, billedMinutes: 0 });
    expect(review.invoice.netMinor).toBe(15_000);
  });

  it('lists missing working days: weekdays covered by the allocation, not a holiday or absence, with no entry', () => {
    // Alice: allocated 1–9 Oct. Thu 1 and Thu 8 have hours; Sat 3 / Sun 4 are the weekend; Mon 5 is her public
    // holiday; Wed 7 she is absent; 12 Oct onwards is not covered. Missing: Fri 2, Tue 6, Fri 9.
    // Bob: same allocation, no holiday, no absence, but employed only from Tue 6: missing 6, 7, 8, 9.
    // Carol: allocated 28 Sep – 1 Oct: only 1 Oct falls in the month.
    const review = monthReview(
      reviewInput({
        specialists: [
          reviewSpecialist(alice, {
            holidays: new Set([toDay('2026-10-05')]),
            absences: [{ from: toDay('2026-10-07'), to: toDay('2026-10-07') }],
          }),
          reviewSpecialist(bob, { employedFrom: '2026-10-06' }),
          reviewSpecialist(carol),
        ],
        rates: [roleRate('mlops_engineer', '2026-01-01', 15_000), roleRate('data_engineer', '2026-01-01', 15_000)],
        allocations: [
          { specialistId: alice.id, startDate: '2026-10-01', endDate: '2026-10-09' },
          { specialistId: bob.id, startDate: '2026-10-01', endDate: '2026-10-09' },
          { specialistId: carol.id, startDate: '2026-09-28', endDate: '2026-10-01' },
        ],
        usesAllocations: true,
        entries: [entry(alice, '2026-10-01', 480), entry(alice, '2026-10-08', 480)],
      }),
    );
    expect(review.specialists.map((s) => [s.specialistName, s.missingDates])).toEqual([
      ['Alice', ['2026-10-02', '2026-10-06', '2026-10-09']],
      ['Bob', ['2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09']],
      ['Carol', ['2026-10-01']],
    ]);
    expect(review.warnings.find((w) => w.specialistId === alice.id)).toEqual({
      kind: 'missing_days',
      severity: 'warning',
      specialistId: alice.id,
      message: 'Alice has no hours on 3 working days of their allocation: 2026-10-02, 2026-10-06, 2026-10-09.',
      dates: ['2026-10-02', '2026-10-06', '2026-10-09'],
    });
    expect(review.warnings.find((w) => w.specialistId === carol.id)?.message).toBe(
      'Carol has no hours on 1 working day of their allocation: 2026-10-01.',
    );
    expect(review.canApprove).toBe(true);
  });

  it('flags hours outside any allocation only when the engagement uses allocations', () => {
    const base = {
      entries: [entry(alice, '2026-10-01', 480), entry(alice, '2026-10-12', 480)],
      allocations: [{ specialistId: alice.id, startDate: '2026-10-01', endDate: '2026-10-01' }],
    };
    const used = monthReview(reviewInput({ ...base, usesAllocations: true }));
    expect(used.specialists[0]?.outsideAllocationDates).toEqual(['2026-10-12']);
    expect(used.warnings).toEqual([
      {
        kind: 'outside_allocation',
        severity: 'warning',
        specialistId: alice.id,
        message: 'Alice has hours on 1 day no allocation to this engagement covers: 2026-10-12.',
        dates: ['2026-10-12'],
      },
    ]);
    const unused = monthReview(reviewInput({ ...base, allocations: [], usesAllocations: false }));
    expect(unused.specialists[0]?.outsideAllocationDates).toEqual([]);
    expect(unused.warnings).toEqual([]);
  });

  it('flags long days above the threshold (summed per day), not at it', () => {
    const review = monthReview(
      reviewInput({
        dailyThresholdMinutes: 600,
        entries: [entry(alice, '2026-10-01', 600), entry(alice, '2026-10-02', 300), entry(alice, '2026-10-02', 301)],
      }),
    );
    expect(review.specialists[0]?.byDate).toEqual({ '2026-10-01': 600, '2026-10-02': 601 });
    expect(review.specialists[0]?.longDates).toEqual(['2026-10-02']);
    expect(review.warnings.map((w) => w.message)).toEqual(['Alice logged more than 10.00 h on 1 day: 2026-10-02.']);
  });

  it('puts the engagement cap first and errors before per-specialist warnings', () => {
    const review = monthReview(
      reviewInput({
        specialists: [reviewSpecialist(alice), reviewSpecialist(dana)],
        entries: [entry(alice, '2026-10-01', 700), entry(dana, '2026-10-01', 60)],
        engagementCapMinutes: 600,
      }),
    );
    expect(review.warnings.map((w) => w.kind)).toEqual(['engagement_cap', 'no_rate', 'long_days']);
    expect(review.canApprove).toBe(false);
  });
});

describe('months', () => {
  it('lists every date of a month, leap years included', () => {
    const feb2028 = datesOf('2028-02');
    expect(feb2028).toHaveLength(29);
    expect(feb2028[0]).toBe('2028-02-01');
    expect(feb2028.at(-1)).toBe('2028-02-29');
    expect(datesOf('2026-02')).toHaveLength(28);
    expect(datesOf('2100-02')).toHaveLength(28); // divisible by 100, not 400
    expect(datesOf('2000-02')).toHaveLength(29); // divisible by 400
    expect(datesOf('2026-12').at(-1)).toBe('2026-12-31');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(firstDayOf('2026-10')).toBe('2026-10-01');
    expect(monthOf('2026-10-15')).toBe('2026-10');
  });

  it.each([
    ['2026-10', 1, '2026-11'],
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-10', 15, '2028-01'],
    ['2026-10', -22, '2024-12'],
    ['2026-10', 0, '2026-10'],
  ])('nextMonth(%s, %i) = %s', (month, by, expected) => {
    expect(nextMonth(month, by)).toBe(expected);
  });

  it('labels and validates months', () => {
    expect(monthLabel('2026-10')).toBe('October 2026');
    expect(monthLabel('2027-01')).toBe('January 2027');
    expect(MONTH_RE.test('2026-10')).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-10-01', '26-10']) expect(MONTH_RE.test(bad)).toBe(false);
  });
});

describe('month close', () => {
  it('says why a locked month refuses entries', () => {
    expect(lockedMonthRefusal('open', 'Acme MLOps', '2026-10')).toBeNull();
    expect(lockedMonthRefusal('approved', 'Acme MLOps', '2026-10')).toBe(
      'October 2026 of Acme MLOps is approved, so its hours are locked. Withdraw the approval in Month close to change them.',
    );
    expect(lockedMonthRefusal('invoiced', 'Acme MLOps', '2026-10')).toBe(
      'October 2026 of Acme MLOps is invoiced, so its hours are locked. Cancel the invoice (with a reason) in Month close to reopen it.',
    );
  });

  it.each([
    ['KEEL', 2026, 42, 'KEEL-2026-0042'],
    ['KEEL', 2026, 1, 'KEEL-2026-0001'],
    ['ACME-CH', 2027, 9_999, 'ACME-CH-2027-9999'],
    ['KEEL', 2026, 12_345, 'KEEL-2026-12345'],
  ])('invoiceNumber(%s, %i, %i) = %s', (prefix, year, sequence, expected) => {
    expect(invoiceNumber(prefix, year, sequence)).toBe(expected);
  });

  it('accepts invoice prefixes of 1–12 capitals, digits and hyphens, not starting with a hyphen', () => {
    for (const ok of ['KEEL', 'K', 'ACME-CH', '2B', '123456789012']) expect(INVOICE_PREFIX_RE.test(ok)).toBe(true);
    for (const bad of ['', 'keel', '-KEEL', 'KE EL', 'KEEL_1', '1234567890123', 'KÉEL']) expect(INVOICE_PREFIX_RE.test(bad)).toBe(false);
  });
});

describe('totalsByCurrency', () => {
  const row = (currency: string, minutes: number, netMinor: number, vatMinor: number): BilledAmounts => ({
    currency,
    minutes,
    netMinor,
    vatMinor,
    grossMinor: netMinor + vatMinor,
  });

  it('has no totals for an empty list', () => {
    expect(totalsByCurrency([])).toEqual([]);
  });

  it('adds the rows of one currency in minutes and minor units', () => {
    // 160 h at CHF 145 = 23,200.00 + 8.1% VAT 1,879.20; 7.5 h at CHF 150 = 1,125.00 + 91.13 VAT.
    expect(totalsByCurrency([row('CHF', 9_600, 2_320_000, 187_920), row('CHF', 450, 112_500, 9_113)])).toEqual([
      { currency: 'CHF', count: 2, minutes: 10_050, netMinor: 2_432_500, vatMinor: 197_033, grossMinor: 2_629_533 },
    ]);
  });

  it('keeps each currency apart and orders them by code, not by first appearance', () => {
    const totals = totalsByCurrency([
      row('USD', 600, 100_000, 0),
      row('CHF', 9_600, 2_320_000, 187_920),
      row('USD', 90, 15_000, 0),
      row('JPY', 60, 12_000, 0), // yen have no minor unit: 12,000 is ¥12,000
    ]);
    expect(totals).toEqual([
      { currency: 'CHF', count: 1, minutes: 9_600, netMinor: 2_320_000, vatMinor: 187_920, grossMinor: 2_507_920 },
      { currency: 'JPY', count: 1, minutes: 60, netMinor: 12_000, vatMinor: 0, grossMinor: 12_000 },
      { currency: 'USD', count: 2, minutes: 690, netMinor: 115_000, vatMinor: 0, grossMinor: 115_000 },
    ]);
  });

  it('refuses fractions and sums beyond exact integers instead of rounding them', () => {
    expect(() => totalsByCurrency([row('CHF', 60, 100.5, 0)])).toThrow(/netMinor must be a whole number of minor units/);
    expect(() => totalsByCurrency([row('CHF', 7.5, 100, 0)])).toThrow(/minutes must be a whole number of minutes/);
    const huge = Number.MAX_SAFE_INTEGER - 1;
    expect(() => totalsByCurrency([row('CHF', 0, huge, 0), row('CHF', 0, huge, 0)])).toThrow(RangeError);
  });
});
