import type { TestBackend } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';
import type { ClientsFixture } from '../clients/badInput.cases';
import type { PortfolioFixture } from '../portfolio/badInput.cases';

/** An availability SLO on the fixture's model, and one reading of it. */
export type MonitoringFixture = { sloId: string };

const slo = (modelId: string, over: Record<string, unknown> = {}) => ({
  modelId,
  kind: 'availability',
  metric: 'availability',
  unit: '%',
  direction: 'higher',
  target: 99.5,
  warning: 99,
  windowMinutes: 1440,
  aggregation: 'mean',
  playbook: ['Check the endpoint.'],
  dutyKey: 'monitoring',
  ...over,
});

async function setUp(b: TestBackend, fx: ClientsFixture & PortfolioFixture): Promise<MonitoringFixture> {
  const created = await b.ok('slos.create', { ...slo(fx.modelId), kind: 'availability', direction: 'higher', aggregation: 'mean' });
  await b.ok('readings.record', { modelId: fx.modelId, metric: 'availability', at: '2026-11-24T08:00:00Z', value: 99.7 });
  return { sloId: created.id };
}

const csv = (...rows: string[]) => Buffer.from(['timestamp,model,metric,value', ...rows].join('\n')).toString('base64');

function cases(fx: ClientsFixture & PortfolioFixture & MonitoringFixture): CaseTable {
  const { modelId, clientId, sloId } = fx;
  const upload = (base64: string) => ({ fileName: 'readings.csv', base64 });
  return {
    'slos.list': [{ why: 'an unknown model', input: { modelId: MISSING_ID }, code: 'not_found', field: 'modelId' }],
    'slos.create': [
      {
        why: 'a warning above the target when higher is better',
        input: slo(modelId, { metric: 'availability2', warning: 99.9 }),
        code: 'invalid_input',
        field: 'warning',
      },
      {
        why: 'a window shorter than five minutes',
        input: slo(modelId, { metric: 'x1', windowMinutes: 1 }),
        code: 'invalid_input',
        field: 'windowMinutes',
      },
      { why: 'no playbook step', input: slo(modelId, { metric: 'x2', playbook: [] }), code: 'invalid_input', field: 'playbook' },
      {
        why: 'an unknown aggregation',
        input: slo(modelId, { metric: 'x3', aggregation: 'median' }),
        code: 'invalid_input',
        field: 'aggregation',
      },
      {
        why: 'a target that is not finite',
        input: slo(modelId, { metric: 'x4', target: Number.POSITIVE_INFINITY }),
        code: 'invalid_input',
        field: 'target',
      },
      { why: 'a metric name with spaces', input: slo(modelId, { metric: 'my metric' }), code: 'invalid_input', field: 'metric' },
      {
        why: 'a duty the engagement does not have',
        input: slo(modelId, { metric: 'x5', dutyKey: 'catering' }),
        code: 'invalid_input',
        field: 'dutyKey',
      },
      { why: 'a second SLO on the same metric', input: slo(modelId), code: 'conflict', field: 'metric' },
      { why: 'an unknown model', input: slo(MISSING_ID, { metric: 'x6' }), code: 'not_found', field: 'modelId' },
    ],
    'slos.update': [
      { why: 'an unknown SLO', input: { ...slo(modelId), id: MISSING_ID }, code: 'not_found' },
      {
        why: 'a warning below the target when lower is better',
        input: { ...slo(modelId), id: sloId, direction: 'lower', target: 5, warning: 1 },
        code: 'invalid_input',
        field: 'warning',
      },
      { why: 'a stale copy', input: { ...slo(modelId), id: sloId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
    ],
    'slos.remove': [{ why: 'an unknown SLO', input: { id: MISSING_ID }, code: 'not_found' }],
    'slos.templates': [{ why: 'not an id', input: { modelId: 'churn' }, code: 'invalid_input', field: 'modelId' }],
    'slos.applyTemplate': [{ why: 'an unknown model', input: { modelId: MISSING_ID }, code: 'not_found', field: 'modelId' }],
    'readings.import': [
      { why: 'not base64', input: upload('not base64!'), code: 'invalid_input', field: 'base64' },
      { why: 'an empty file', input: upload(''), code: 'invalid_input' },
      { why: 'no value column', input: upload(Buffer.from('timestamp,model,metric\n').toString('base64')), code: 'invalid_input' },
      { why: 'an unknown model', input: upload(csv(`2026-11-24T07:00:00Z,${MISSING_ID},availability,99`)), code: 'invalid_input' },
      { why: 'a metric without an SLO', input: upload(csv(`2026-11-24T07:00:00Z,${modelId},throughput,99`)), code: 'invalid_input' },
      {
        why: 'a value that is not a number',
        input: upload(csv(`2026-11-24T07:00:00Z,${modelId},availability,high`)),
        code: 'invalid_input',
      },
      { why: 'a value that is not finite', input: upload(csv(`2026-11-24T07:00:00Z,${modelId},availability,NaN`)), code: 'invalid_input' },
      { why: 'a timestamp in the future', input: upload(csv(`2027-01-01T00:00:00Z,${modelId},availability,99`)), code: 'invalid_input' },
      {
        why: 'a timestamp without a time zone',
        input: upload(csv(`2026-11-24T07:00:00,${modelId},availability,99`)),
        code: 'invalid_input',
      },
      {
        why: 'the same reading twice',
        input: upload(csv(`2026-11-24T06:00:00Z,${modelId},availability,99`, `2026-11-24T06:00:00Z,${modelId},availability,98`)),
        code: 'invalid_input',
      },
      { why: 'JSON that is not a Prometheus answer', input: upload(Buffer.from('{"hello": 1}').toString('base64')), code: 'invalid_input' },
      {
        why: 'a Prometheus answer of another type',
        input: upload(Buffer.from('{"status":"success","data":{"resultType":"vector","result":[]}}').toString('base64')),
        code: 'invalid_input',
      },
    ],
    'readings.record': [
      {
        why: 'a value that is not finite',
        input: { modelId, metric: 'availability', at: '2026-11-24T08:00:00Z', value: Number.NaN },
        code: 'invalid_input',
        field: 'value',
      },
      {
        why: 'an instant in the future',
        input: { modelId, metric: 'availability', at: '2026-12-24T08:00:00Z', value: 99 },
        code: 'invalid_input',
      },
      {
        why: 'a metric without an SLO',
        input: { modelId, metric: 'throughput', at: '2026-11-24T08:00:00Z', value: 3 },
        code: 'invalid_input',
      },
      { why: 'not an instant', input: { modelId, metric: 'availability', at: 'yesterday', value: 99 }, code: 'invalid_input', field: 'at' },
      {
        why: 'an unknown model',
        input: { modelId: MISSING_ID, metric: 'availability', at: '2026-11-24T08:00:00Z', value: 99 },
        code: 'not_found',
        field: 'modelId',
      },
    ],
    'readings.export': [
      { why: 'an unknown model', input: { modelId: MISSING_ID, month: '2026-11' }, code: 'not_found' },
      { why: 'not a month', input: { modelId, month: '2026-13' }, code: 'invalid_input', field: 'month' },
    ],
    'readings.imports': [{ why: 'an unexpected field', input: { limit: 5 }, code: 'invalid_input' }],
    'monitoring.inbox': [{ why: 'an unexpected field', input: { folder: '/etc' }, code: 'invalid_input' }],
    'monitoring.scanInbox': [{ why: 'an unexpected field', input: { folder: '/etc' }, code: 'invalid_input' }],
    'monitoring.mapping': [{ why: 'an unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'monitoring.saveMapping': [
      {
        why: 'no model label',
        input: { clientId, modelLabel: ' ', metricLabel: '__name__', segmentLabel: '', versionLabel: '' },
        code: 'invalid_input',
        field: 'modelLabel',
      },
      {
        why: 'an unknown client',
        input: { clientId: MISSING_ID, modelLabel: 'model', metricLabel: '__name__', segmentLabel: '', versionLabel: '' },
        code: 'not_found',
        field: 'clientId',
      },
    ],
    'monitoring.settings': [{ why: 'an unexpected field', input: { days: 3 }, code: 'invalid_input' }],
    'monitoring.updateSettings': [
      { why: 'zero days', input: { unmonitoredDays: 0 }, code: 'invalid_input', field: 'unmonitoredDays' },
      { why: 'half a day', input: { unmonitoredDays: 1.5 }, code: 'invalid_input', field: 'unmonitoredDays' },
    ],
    'monitoring.board': [{ why: 'an unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'monitoring.model': [{ why: 'an unknown model', input: { modelId: MISSING_ID }, code: 'not_found' }],
    'monitoring.attainment': [
      { why: 'not a month', input: { clientId, month: 'November' }, code: 'invalid_input', field: 'month' },
      { why: 'an unknown client', input: { clientId: MISSING_ID, month: '2026-11' }, code: 'not_found', field: 'clientId' },
    ],
    'monitoring.export': [
      { why: 'a month that has not begun', input: { clientId, month: '2027-02' }, code: 'invalid_input', field: 'month' },
      { why: 'an unknown client', input: { clientId: MISSING_ID, month: '2026-11' }, code: 'not_found', field: 'clientId' },
    ],
  };
}

export const monitoringBadInput: BadInputArea<ClientsFixture & PortfolioFixture, MonitoringFixture> = {
  area: 'monitoring',
  prefixes: ['monitoring', 'slos', 'readings'],
  setUp,
  cases,
};
