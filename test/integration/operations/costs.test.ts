import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, refusedMessage, sampleIds, type TestBackend } from '../../support/backend';

/** Sunday 6 December 2026, 10:00 UTC. */
const START = Date.UTC(2026, 11, 6, 10, 0, 0);
let now = START;
const clock = () => {
  now += 1000;
  return new Date(now);
};
const FIXTURES = join(__dirname, '../../fixtures/operations');
const file = (name: string) => readFileSync(join(FIXTURES, name)).toString('base64');

let b: TestBackend;
let id: (name: string) => string;

beforeEach(async () => {
  now = START;
  b = openTestBackend({ clock });
  await b.ok('sample.load');
  id = await sampleIds(b);
  // The sample's typed costs and budgets go, so the fixtures' figures read alone.
  b.db.exec('DELETE FROM cost_line; DELETE FROM cost_budget;');
  await b.ok('costs.saveMapping', {
    clientId: id('Thameside Retail plc'),
    mappings: [
      { tagKey: 'model', tagValue: 'homepage-recs', modelId: id('Homepage product recommender') },
      { tagKey: 'model', tagValue: 'cs-assistant', modelId: id('Customer service assistant') },
    ],
  });
});
afterEach(() => b.dispose());

/** Refused, with neither an audit row nor a cost line written. */
const refused = async (name: string, input: unknown) => {
  const lines = b.db.prepare('SELECT count(*) AS n FROM cost_line').get();
  const message = await refusedMessage(b, name, input);
  expect(b.db.prepare('SELECT count(*) AS n FROM cost_line').get()).toEqual(lines);
  return message;
};

describe('cost exports', () => {
  it('reads the AWS Cost and Usage Report: rows summed per model, month and category, zero rows left out', async () => {
    const clientId = id('Thameside Retail plc');
    const imported = await b.ok('costs.import', { clientId, provider: 'aws', fileName: 'aws-cur.csv', base64: file('aws-cur.csv') });
    expect(imported).toMatchObject({ lines: 7, skipped: 1, months: ['2026-11', '2026-12'] });
    // 29.628 + 10.30125 + 3.0 + 2.22 + 40 + 29.628 = 114.77725 → rounded per model, month and category.
    expect(imported.totalMinor).toBe(2963 + 1030 + 300 + 222 + 4000 + 2963);
    const rec = await b.ok('costs.forModel', { modelId: id('Homepage product recommender') });
    const november = rec.months.find((m) => m.month === '2026-11');
    expect(november?.byCategory).toEqual({ compute: 2963, storage: 1030 });
    const assistant = await b.ok('costs.forModel', { modelId: id('Customer service assistant') });
    expect(assistant.months.find((m) => m.month === '2026-11')?.byCategory).toEqual({ api: 300, compute: 222, licences: 4000 });
    // Importing the same file again replaces what it brought: nothing doubles.
    await b.ok('costs.import', { clientId, provider: 'aws', fileName: 'aws-cur.csv', base64: file('aws-cur.csv') });
    expect(
      (await b.ok('costs.forModel', { modelId: id('Homepage product recommender') })).months.find((m) => m.month === '2026-11')?.totalMinor,
    ).toBe(3993);
  });

  it('reads the Azure cost details (US dates, tags without braces) and the GCP billing export (labels as a list) beside AWS', async () => {
    const clientId = id('Thameside Retail plc');
    await b.ok('costs.import', { clientId, provider: 'aws', fileName: 'aws-cur.csv', base64: file('aws-cur.csv') });
    const azure = await b.ok('costs.import', {
      clientId,
      provider: 'azure',
      fileName: 'azure.csv',
      base64: file('azure-cost-details.csv'),
    });
    expect(azure).toMatchObject({ lines: 3, months: ['2026-11'], totalMinor: 461 + 50 + 500 });
    const gcp = await b.ok('costs.import', { clientId, provider: 'gcp', fileName: 'gcp.csv', base64: file('gcp-billing.csv') });
    expect(gcp).toMatchObject({ lines: 2, months: ['2026-11'], totalMinor: 22 + 0 });
    const rec = await b.ok('costs.forModel', { modelId: id('Homepage product recommender') });
    // AWS 29.63 + 10.30, Azure 4.61 + 0.50, GCP 0.22 (+ 0.0042 → 0.00)
    expect(rec.months.find((m) => m.month === '2026-11')?.byCategory).toEqual({ compute: 2963 + 461 + 22, storage: 1030 + 50 });
    const cs = await b.ok('costs.forModel', { modelId: id('Customer service assistant') });
    expect(cs.months.find((m) => m.month === '2026-11')?.byCategory.api).toBe(300 + 500);
  });

  it('refuses a file with rows whose tags name no model, listing them, or with a negative cost: nothing imported', async () => {
    const clientId = id('Thameside Retail plc');
    const message = await refused('costs.import', {
      clientId,
      provider: 'aws',
      fileName: 'aws-unmapped.csv',
      base64: file('aws-unmapped.csv'),
    });
    expect(message).toMatch(/^Nothing was imported from aws-unmapped\.csv\./);
    expect(message).toContain('Row 6 has a negative cost (-3.00)');
    expect(message).toContain(
      '3 rows have tags that name no model of Thameside Retail plc: model=shared-platform (2 rows, GBP 10.00); (no tags) (1 row, GBP 1.00)',
    );
    expect(await refused('costs.import', { clientId, provider: 'azure', fileName: 'aws-cur.csv', base64: file('aws-cur.csv') })).toMatch(
      /This is not Azure cost details/,
    );
    const eur = Buffer.from(readFileSync(join(FIXTURES, 'gcp-billing.csv'), 'utf8').replaceAll(',GBP,', ',EUR,')).toString('base64');
    expect(await refused('costs.import', { clientId, provider: 'gcp', fileName: 'gcp-eur.csv', base64: eur })).toMatch(
      /The costs are in EUR; Thameside Retail plc is billed in GBP/,
    );
    const nan = Buffer.from(
      'lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UnblendedCost,resourceTags/user:model\n2026-11-01,AmazonEC2,NaN,homepage-recs\n',
    ).toString('base64');
    expect(await refused('costs.import', { clientId, provider: 'aws', fileName: 'nan.csv', base64: nan })).toMatch(/not a number \(NaN\)/);
  });
});

describe('budgets, volume and the team', () => {
  it('flags spend over budget, gives the cost per 1,000 predictions and the team’s billed hours beside it', async () => {
    const clientId = id('Thameside Retail plc');
    const modelId = id('Homepage product recommender');
    await b.ok('costs.import', { clientId, provider: 'aws', fileName: 'aws-cur.csv', base64: file('aws-cur.csv') });
    await b.ok('costs.set', { modelId, month: '2026-11', category: 'other', amountMinor: 1007 });
    const budgeted = await b.ok('costs.setBudget', { modelId, monthlyMinor: 4000 });
    const november = budgeted.months.find((m) => m.month === '2026-11');
    expect(november).toMatchObject({ totalMinor: 5000, budgetMinor: 4000, varianceMinor: 1000, over: true });
    await b.ok('readings.record', { modelId, metric: 'predictions', at: '2026-11-10T00:00:00Z', value: 1_500_000 });
    await b.ok('readings.record', { modelId, metric: 'predictions', at: '2026-11-20T00:00:00Z', value: 1_000_000 });
    const withVolume = await b.ok('costs.forModel', { modelId });
    // £50.00 over 2,500,000 predictions: 2p per 1,000.
    expect(withVolume.months.find((m) => m.month === '2026-11')).toMatchObject({ predictions: 2_500_000, per1kMinor: 2 });
    // The team's billed hours on the model, at the engagement's rates, beside the run cost.
    const hours = await b.ok('time.byModel', { modelId, from: '2026-11-01', to: '2026-11-30' });
    const logged = hours.models.reduce((n, m) => n + m.totalMinutes, 0);
    const nov = withVolume.months.find((m) => m.month === '2026-11');
    expect(nov?.team.billedMinutes ?? 0).toBeGreaterThanOrEqual(logged > 0 ? 1 : 0);
    expect(nov?.withTeamMinor).toBe((nov?.totalMinor ?? 0) + (nov?.team.amountMinor ?? 0));
    const month = await b.ok('costs.client', { clientId, month: '2026-11' });
    expect(month.overBudget).toBe(1);
    expect(month.models.find((m) => m.modelId === modelId)).toMatchObject({ over: true, totalMinor: 5000 });
    expect(month.trend.find((t) => t.month === '2026-11')).toMatchObject({ totalMinor: 5000 + 4522, budgetMinor: 4000 });
    expect(month.imports[0]?.fileName).toBe('aws-cur.csv');
    const summary = await b.ok('operations.overview', { clientId });
    expect(summary.clients[0]?.cost.overBudget.map((m) => [m.modelName, m.month])).toEqual([['Homepage product recommender', '2026-11']]);
  });

  it('refuses a negative amount, a month not begun, a mapping to another client’s model', async () => {
    const modelId = id('Homepage product recommender');
    expect(await refused('costs.set', { modelId, month: '2026-11', category: 'compute', amountMinor: -5 })).toMatch(/negative/);
    expect(await refused('costs.set', { modelId, month: '2027-01', category: 'compute', amountMinor: 5 })).toMatch(/not begun/);
    expect(
      await refused('costs.saveMapping', {
        clientId: id('Thameside Retail plc'),
        mappings: [{ tagKey: 'model', tagValue: 'pd', modelId: id('Retail credit PD scorecard') }],
      }),
    ).toMatch(/does not exist/);
  });
});
