import {
  columnsOf,
  instantOf,
  type KnownModel,
  parsePrometheus,
  readingChecker,
  readingOfRow,
  readingsOfPrometheus,
  readingValueOf,
  unmappedSeries,
} from '@shared/monitoring/rules/readings';
import { describe, expect, it } from 'vitest';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const model = (id: string, name: string, clientName: string, metrics: string[]): KnownModel => ({
  id,
  name,
  clientId: `c-${clientName}`,
  clientName,
  metrics: new Set(metrics),
  versions: new Map([
    ['v2', 'ver-2'],
    ['ver-2', 'ver-2'],
  ]),
});
const models = [
  model('m1', 'Churn', 'Acme', ['auc']),
  model('m2', 'Churn', 'Globex', ['auc']),
  model('m3', 'Fraud', 'Acme', ['psi.amount']),
];
const raw = (over: Record<string, unknown>) => ({
  where: 'Row 2',
  model: 'Fraud',
  metric: 'psi.amount',
  segment: '',
  version: '',
  at: '2026-12-06T09:00:00Z',
  value: '0.1',
  ...over,
});

describe('instants and values as files write them', () => {
  it('reads ISO with Z or an offset, Unix seconds and spreadsheet dates; refuses a time without a zone', () => {
    expect(instantOf('2026-12-06T09:00:00Z')).toBe(Date.parse('2026-12-06T09:00:00Z'));
    expect(instantOf('2026-12-06 10:00:00+0100')).toBe(Date.parse('2026-12-06T09:00:00Z'));
    expect(instantOf(1796547600)).toBe(1796547600000);
    expect(instantOf('1796547600')).toBe(1796547600000);
    expect(instantOf(new Date('2026-12-06T09:00:00Z'))).toBe(Date.parse('2026-12-06T09:00:00Z'));
    expect(instantOf('2026-12-06T09:00:00')).toMatch(/without a time zone/);
    expect(instantOf('06.12.2026')).toMatch(/cannot read/);
    expect(instantOf('2026-02-30T09:00:00Z')).toMatch(/not a real date|cannot read/);
  });
  it('takes finite numbers only', () => {
    expect(readingValueOf(' 0.25 ')).toBe(0.25);
    expect(readingValueOf(3)).toBe(3);
    expect(readingValueOf('')).toMatch(/no value/);
    expect(readingValueOf('NaN')).toMatch(/not a number/);
    expect(readingValueOf('+Inf')).toMatch(/not finite/);
    expect(readingValueOf(Number.POSITIVE_INFINITY)).toMatch(/not finite/);
  });
});

describe('checking a reading', () => {
  const check = readingChecker(models, NOW);
  it('keeps a good reading with its model, metric, segment and version', () => {
    expect(check(raw({ version: 'V2', segment: ' eu ' }))).toEqual({
      modelId: 'm3',
      metric: 'psi.amount',
      segment: 'eu',
      versionId: 'ver-2',
      at: NOW - 3_600_000,
      value: 0.1,
    });
  });
  it('says which model a name shared by two clients could be, and takes the id instead', () => {
    expect(check(raw({ model: 'churn', metric: 'auc' }))).toMatch(/a model of Acme and Globex; use the model’s id/);
    expect(check(raw({ model: 'm2', metric: 'auc' }))).toMatchObject({ modelId: 'm2' });
  });
  it('refuses unknown models and metrics, the future beyond five minutes, unknown versions', () => {
    expect(check(raw({ model: 'Ghost' }))).toMatch(/Keel does not have/);
    expect(check(raw({ metric: 'auc' }))).toMatch(/no SLO on the metric “auc”/);
    expect(check(raw({ at: '2026-12-06T10:04:00Z' }))).not.toBeTypeOf('string');
    expect(check(raw({ at: '2026-12-06T10:06:00Z' }))).toMatch(/in the future/);
    expect(check(raw({ version: 'v9' }))).toMatch(/version Fraud does not have/);
  });
});

describe('long tables', () => {
  it('finds the columns in any order and case, model_id before model', () => {
    const c = columnsOf(['Value', 'Metric', 'MODEL', 'model_id', 'Timestamp', 'segment']);
    expect(typeof c).toBe('object');
    if (typeof c === 'string') return;
    expect(readingOfRow(c, 2, ['1.5', 'auc', 'Churn', 'm2', '2026-12-06T09:00:00Z', 'eu'])).toMatchObject({
      model: 'm2',
      metric: 'auc',
      segment: 'eu',
      value: '1.5',
    });
    expect(columnsOf(['timestamp', 'model', 'metric'])).toMatch(/no value column/);
  });
});

describe('Prometheus answers', () => {
  const answer = {
    status: 'success',
    data: {
      resultType: 'matrix',
      result: [
        { metric: { __name__: 'psi.amount', model: 'Fraud', segment: 'eu' }, values: [[1796547600, '0.12']] },
        { metric: { __name__: 'psi.amount', model: 'Legacy' }, values: [[1796547600, '0.3']] },
        { metric: { __name__: 'psi.amount' }, values: [] },
      ],
    },
  };
  const mapping = { modelLabel: 'model', metricLabel: '__name__', segmentLabel: 'segment', versionLabel: '' };
  it('reads a matrix through the mapping', () => {
    const parsed = parsePrometheus(answer);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(readingsOfPrometheus(parsed, mapping)[0]).toMatchObject({
      model: 'Fraud',
      metric: 'psi.amount',
      segment: 'eu',
      at: 1796547600,
      value: '0.12',
    });
    expect(unmappedSeries(parsed, mapping, (n) => n === 'Fraud')).toEqual(['model="Legacy"', 'series 3 has no “model” label']);
  });
  it('refuses errors, vectors and other JSON with a sentence', () => {
    expect(parsePrometheus({ status: 'error', error: 'bad query' })).toMatch(/is an error/);
    expect(parsePrometheus({ status: 'success', data: { resultType: 'vector', result: [] } })).toMatch(/is a vector/);
    expect(parsePrometheus({ status: 'success', data: {} })).toMatch(/not a Prometheus query_range answer/);
  });
});
