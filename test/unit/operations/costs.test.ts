import { teamCostByModel } from '@shared/billing/rules/teamCost';
import {
  categoryOf,
  costColumns,
  costMonth,
  mappingKey,
  modelOfTags,
  monthOfUsage,
  nanoOf,
  nanoToMinor,
  tagsOf,
} from '@shared/operations/rules/costs';
import { describe, expect, it } from 'vitest';

describe('reading costs', () => {
  it('reads decimals and exponents exactly, refusing negative and non-finite costs', () => {
    expect(nanoOf('0.0000312')).toBe(31_200n);
    expect(nanoOf('12.5')).toBe(12_500_000_000n);
    expect(nanoOf('1.2E-5')).toBe(12_000n);
    expect(nanoOf('0')).toBe(0n);
    expect(nanoOf('-3.00')).toMatch(/negative/);
    expect(nanoOf('NaN')).toMatch(/not a number/);
    expect(nanoOf('Infinity')).toMatch(/not a number/);
    expect(nanoOf('1e400')).toMatch(/not a finite/);
    expect(nanoOf('')).toMatch(/no cost/);
  });

  it('sums in nano-units and rounds once to the currency’s minor unit (half away from zero)', () => {
    const sum = (nanoOf('0.004') as bigint) + (nanoOf('0.0011') as bigint);
    expect(nanoToMinor(sum, 'GBP')).toBe(1);
    expect(nanoToMinor(nanoOf('0.0049') as bigint, 'GBP')).toBe(0);
    expect(nanoToMinor(nanoOf('12.345') as bigint, 'JPY')).toBe(12);
    expect(nanoToMinor(nanoOf('1.0005') as bigint, 'BHD')).toBe(1001);
  });

  it('reads the usage month in ISO and US forms', () => {
    expect(monthOfUsage('2026-11-30T00:00:00Z')).toBe('2026-11');
    expect(monthOfUsage('11/03/2026')).toBe('2026-11');
    expect(monthOfUsage('2026-13-01')).toBeNull();
    expect(monthOfUsage('yesterday')).toBeNull();
  });

  it('finds the columns of each provider and says which are missing', () => {
    const aws = costColumns('aws', [
      'lineItem/UsageStartDate',
      'lineItem/ProductCode',
      'lineItem/UnblendedCost',
      'resourceTags/user:model',
    ]);
    expect(typeof aws === 'object' && aws.tagColumns).toEqual([{ key: 'model', index: 3 }]);
    expect(costColumns('azure', ['Date', 'MeterCategory', 'CostInBillingCurrency'])).toMatch(/no resource tags/);
    expect(costColumns('gcp', ['Date', 'Cost'])).toMatch(
      /This is not Google Cloud billing export: its header lacks the usage date, the service columns/,
    );
  });

  it('reads tags from columns, objects (with or without braces, CUR 2.0 user_ keys) and GCP’s list', () => {
    const c = { date: 0, cost: 1, currency: null, service: 2, usage: null, tagColumns: [], tagJson: 3 };
    expect(tagsOf(['', '', '', '"model": "x","env": "prod"'], c)).toEqual([
      ['model', 'x'],
      ['env', 'prod'],
    ]);
    expect(tagsOf(['', '', '', '{"user_model":"x"}'], c)).toEqual([['model', 'x']]);
    expect(tagsOf(['', '', '', '[{"key":"model","value":"x"}]'], c)).toEqual([['model', 'x']]);
    expect(tagsOf(['', '', '', 'not json'], c)).toEqual([]);
    const mapping = new Map([
      [mappingKey('model', 'x'), 'm1'],
      [mappingKey('team', 'y'), 'm2'],
    ]);
    expect(modelOfTags([['model', 'x']], mapping)).toBe('m1');
    expect(modelOfTags([['env', 'prod']], mapping)).toBeNull();
    expect(
      modelOfTags(
        [
          ['model', 'x'],
          ['team', 'y'],
        ],
        mapping,
      ),
    ).toEqual({ ambiguous: ['m1', 'm2'] });
  });

  it('puts services in categories', () => {
    expect(categoryOf('AmazonSageMaker', 'hosting')).toBe('compute');
    expect(categoryOf('AmazonS3')).toBe('storage');
    expect(categoryOf('AmazonBedrock', 'input-tokens')).toBe('api');
    expect(categoryOf('Cognitive Services', 'Azure OpenAI')).toBe('api');
    expect(categoryOf('AWSMarketplace')).toBe('licences');
    expect(categoryOf('Vertex AI', 'Vertex AI Prediction: n1-standard-4')).toBe('compute');
    expect(categoryOf('Cloud DNS')).toBe('other');
  });
});

describe('a model’s month', () => {
  it('totals, variance against budget, cost per 1,000 predictions, and the team beside it', () => {
    expect(
      costMonth({ byCategory: { compute: 4000, storage: 1000 }, budgetMinor: 4500, predictions: 2_000_000, teamMinor: 90_000 }),
    ).toEqual({
      totalMinor: 5000,
      budgetMinor: 4500,
      varianceMinor: 500,
      over: true,
      per1kMinor: 3,
      withTeamMinor: 95_000,
    });
    expect(costMonth({ byCategory: {}, budgetMinor: null, predictions: null, teamMinor: 0 })).toMatchObject({
      varianceMinor: null,
      over: false,
      per1kMinor: null,
    });
  });

  it('prices the team’s billable hours on each model at the rate of the day, rounded by the engagement', () => {
    const rates = [
      {
        id: 'r1',
        engagementId: 'e',
        role: 'mlops_engineer' as const,
        specialistId: null,
        effectiveFrom: '2026-01-01',
        hourlyRateMinor: 12_000,
      },
      { id: 'r2', engagementId: 'e', role: null, specialistId: 's2', effectiveFrom: '2026-11-15', hourlyRateMinor: 15_000 },
    ];
    const entry = (specialistId: string, date: string, minutes: number, billable = true) => ({
      modelId: 'm',
      engagementId: 'e',
      specialistId,
      role: 'mlops_engineer' as const,
      date,
      minutes,
      billable,
    });
    const cost = teamCostByModel(
      [entry('s1', '2026-11-03', 50), entry('s2', '2026-11-10', 60), entry('s2', '2026-11-20', 60), entry('s1', '2026-11-04', 120, false)],
      () => rates,
      () => 15,
    );
    // s1: 50 → 60 min at 120.00; s2: 60 at 120.00 before her override, 60 at 150.00 after; the non-billable entry left out.
    expect(cost.get('m|2026-11')).toEqual({ billedMinutes: 180, amountMinor: 12_000 * 2 + 15_000, unratedMinutes: 0 });
    expect(
      teamCostByModel(
        [entry('s1', '2025-12-01', 60)],
        () => rates,
        () => 0,
      ).get('m|2025-12'),
    ).toEqual({
      billedMinutes: 0,
      amountMinor: 0,
      unratedMinutes: 60,
    });
  });
});
