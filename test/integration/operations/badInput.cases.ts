import type { TestBackend } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';
import type { ClientsFixture } from '../clients/badInput.cases';
import type { MonitoringFixture } from '../monitoring/badInput.cases';
import type { PortfolioFixture } from '../portfolio/badInput.cases';

/** An open incident and a resolved one on the fixture's model. */
export type OperationsFixture = { incidentId: string; resolvedId: string };

const incident = (modelId: string, over: Record<string, unknown> = {}) => ({
  modelId,
  severity: 'sev3' as const,
  title: 'Scores late',
  detectedAt: '2026-11-24T08:30:00Z',
  detectedBy: 'user_report' as const,
  ...over,
});

async function setUp(b: TestBackend, fx: ClientsFixture & PortfolioFixture): Promise<OperationsFixture> {
  const open = await b.ok('incidents.open', incident(fx.modelId));
  const done = await b.ok('incidents.open', incident(fx.modelId, { title: 'Batch failed' }));
  await b.ok('incidents.resolve', { id: done.id, at: '2026-11-24T08:45:00Z', text: 'Rerun' });
  return { incidentId: open.id, resolvedId: done.id };
}

function cases(fx: ClientsFixture & PortfolioFixture & MonitoringFixture & OperationsFixture): CaseTable {
  const { modelId, clientId, incidentId, resolvedId, specialistId, sloId, versionId, environmentId, pilotId } = fx;
  const triggers = { on_demand: true, schedule: false, new_data: false, degradation: false, drift: false };
  const person = { kind: 'specialist', id: specialistId };
  return {
    'retraining.forModel': [{ why: 'an unknown model', input: { modelId: MISSING_ID }, code: 'not_found', field: 'modelId' }],
    'retraining.setPolicy': [
      {
        why: 'a schedule without a cadence',
        input: { modelId, cadence: null, triggers: { ...triggers, schedule: true } },
        code: 'invalid_input',
        field: 'cadence',
      },
      {
        why: 'no trigger at all',
        input: { modelId, triggers: { ...triggers, on_demand: false } },
        code: 'invalid_input',
        field: 'triggers',
      },
      {
        why: 'a cadence of zero weeks',
        input: { modelId, cadence: { every: 0, unit: 'week' }, triggers },
        code: 'invalid_input',
        field: 'cadence.every',
      },
      { why: 'an unknown model', input: { modelId: MISSING_ID, triggers }, code: 'not_found', field: 'modelId' },
    ],
    'retraining.log': [
      {
        why: 'a day that has not come',
        input: { modelId, runOn: '2026-12-24', trigger: 'on_demand', outcome: 'no_change' },
        code: 'invalid_input',
        field: 'runOn',
      },
      {
        why: 'a new version without its version',
        input: { modelId, runOn: '2026-11-23', trigger: 'on_demand', outcome: 'new_version' },
        code: 'invalid_input',
        field: 'versionId',
      },
      {
        why: 'a version with a failed run',
        input: { modelId, runOn: '2026-11-23', trigger: 'on_demand', outcome: 'failed', versionId },
        code: 'invalid_input',
        field: 'versionId',
      },
      {
        why: 'an unknown trigger',
        input: { modelId, runOn: '2026-11-23', trigger: 'whim', outcome: 'no_change' },
        code: 'invalid_input',
        field: 'trigger',
      },
      {
        why: 'a version of another model',
        input: { modelId, runOn: '2026-11-23', trigger: 'on_demand', outcome: 'new_version', versionId },
        code: 'not_found',
        field: 'versionId',
      },
      {
        why: 'an SLO of another model',
        input: { modelId: pilotId, runOn: '2026-11-23', trigger: 'drift', outcome: 'no_change', sloId },
        code: 'not_found',
        field: 'sloId',
      },
    ],
    'retraining.due': [{ why: 'an unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'incidents.list': [{ why: 'an unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'incidents.get': [{ why: 'an unknown incident', input: { id: MISSING_ID }, code: 'not_found' }],
    'incidents.open': [
      { why: 'SEV5', input: incident(modelId, { severity: 'sev5' }), code: 'invalid_input', field: 'severity' },
      {
        why: 'detected in the future',
        input: incident(modelId, { detectedAt: '2026-11-25T08:00:00Z' }),
        code: 'invalid_input',
        field: 'detectedAt',
      },
      { why: 'a breach without its SLO', input: incident(modelId, { detectedBy: 'slo_breach' }), code: 'invalid_input', field: 'sloId' },
      {
        why: 'an SLO that was not in breach',
        input: incident(modelId, { detectedBy: 'slo_breach', sloId }),
        code: 'invalid_input',
        field: 'sloId',
      },
      {
        why: 'another responder without a reason',
        input: incident(modelId, { responder: { kind: 'contact', id: fx.contactId } }),
        code: 'invalid_input',
        field: 'responderReason',
      },
      { why: 'an unknown model', input: incident(MISSING_ID), code: 'not_found', field: 'modelId' },
    ],
    'incidents.acknowledge': [
      { why: 'before detection', input: { id: incidentId, at: '2026-11-24T08:00:00Z' }, code: 'invalid_input', field: 'at' },
      { why: 'in the future', input: { id: incidentId, at: '2026-11-24T12:00:00Z' }, code: 'invalid_input', field: 'at' },
      { why: 'an instant without a zone', input: { id: incidentId, at: '2026-11-24T08:40:00' }, code: 'invalid_input', field: 'at' },
    ],
    'incidents.note': [
      { why: 'no text', input: { id: incidentId, at: '2026-11-24T08:40:00Z', text: ' ' }, code: 'invalid_input', field: 'text' },
      { why: 'before detection', input: { id: incidentId, at: '2026-11-24T08:00:00Z', text: 'x' }, code: 'invalid_input', field: 'at' },
    ],
    'incidents.setResponder': [
      { why: 'no reason', input: { id: incidentId, responder: person, reason: '' }, code: 'invalid_input', field: 'reason' },
      {
        why: 'a resolved incident',
        input: { id: resolvedId, responder: person, reason: 'Cover' },
        code: 'conflict',
      },
      {
        why: 'an unknown person',
        input: { id: incidentId, responder: { kind: 'specialist', id: MISSING_ID }, reason: 'Cover' },
        code: 'not_found',
        field: 'responder.id',
      },
    ],
    'incidents.mitigate': [
      {
        why: 'a rollback to a version of another model',
        input: { id: incidentId, at: '2026-11-24T08:50:00Z', text: 'Roll back', rollback: { versionId, environmentId } },
        code: 'not_found',
        field: 'rollback.versionId',
      },
      { why: 'a resolved incident', input: { id: resolvedId, at: '2026-11-24T08:50:00Z', text: 'x' }, code: 'invalid_input', field: 'at' },
    ],
    'incidents.resolve': [
      {
        why: 'resolved before it was detected',
        input: { id: incidentId, at: '2026-11-24T08:00:00Z', text: 'Done' },
        code: 'invalid_input',
        field: 'at',
      },
      {
        why: 'a review shorter than 15 minutes',
        input: { id: incidentId, at: '2026-11-24T08:50:00Z', text: 'Done', review: { durationMinutes: 5 } },
        code: 'invalid_input',
        field: 'review.durationMinutes',
      },
      { why: 'resolved twice', input: { id: resolvedId, at: '2026-11-24T08:50:00Z', text: 'Done' }, code: 'invalid_input', field: 'at' },
    ],
    'operations.overview': [{ why: 'an unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'operations.settings': [{ why: 'an unexpected field', input: { days: 5 }, code: 'invalid_input' }],
    'operations.updateSettings': [
      { why: 'zero business days', input: { reviewBusinessDays: 0 }, code: 'invalid_input', field: 'reviewBusinessDays' },
      { why: 'half a day', input: { reviewBusinessDays: 2.5 }, code: 'invalid_input', field: 'reviewBusinessDays' },
    ],
    'costs.forModel': [{ why: 'an unknown model', input: { modelId: MISSING_ID }, code: 'not_found', field: 'modelId' }],
    'costs.client': [
      { why: 'a month written another way', input: { clientId, month: 'Nov 2026' }, code: 'invalid_input', field: 'month' },
      { why: 'an unknown client', input: { clientId: MISSING_ID, month: '2026-11' }, code: 'not_found', field: 'clientId' },
    ],
    'costs.set': [
      {
        why: 'a negative cost',
        input: { modelId, month: '2026-11', category: 'compute', amountMinor: -1 },
        code: 'invalid_input',
        field: 'amountMinor',
      },
      {
        why: 'a fraction of a cent',
        input: { modelId, month: '2026-11', category: 'compute', amountMinor: 1.5 },
        code: 'invalid_input',
        field: 'amountMinor',
      },
      {
        why: 'an unknown category',
        input: { modelId, month: '2026-11', category: 'coffee', amountMinor: 1 },
        code: 'invalid_input',
        field: 'category',
      },
      {
        why: 'a month not begun',
        input: { modelId, month: '2027-05', category: 'compute', amountMinor: 1 },
        code: 'invalid_input',
        field: 'month',
      },
    ],
    'costs.setBudget': [
      { why: 'a negative budget', input: { modelId, monthlyMinor: -100 }, code: 'invalid_input', field: 'monthlyMinor' },
      { why: 'an unknown model', input: { modelId: MISSING_ID, monthlyMinor: 100 }, code: 'not_found', field: 'modelId' },
    ],
    'costs.mapping': [{ why: 'an unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'costs.saveMapping': [
      {
        why: 'a tag named twice',
        input: {
          clientId,
          mappings: [
            { tagKey: 'model', tagValue: 'x', modelId },
            { tagKey: 'model', tagValue: 'x', modelId },
          ],
        },
        code: 'invalid_input',
        field: 'mappings',
      },
      {
        why: 'an empty tag',
        input: { clientId, mappings: [{ tagKey: ' ', tagValue: 'x', modelId }] },
        code: 'invalid_input',
        field: 'mappings.0.tagKey',
      },
      {
        why: 'a model that is not the client’s',
        input: { clientId, mappings: [{ tagKey: 'model', tagValue: 'x', modelId: MISSING_ID }] },
        code: 'not_found',
        field: 'mappings.0.modelId',
      },
    ],
    'costs.import': [
      {
        why: 'an unknown provider',
        input: { clientId, provider: 'oracle', fileName: 'x.csv', base64: Buffer.from('a,b\n').toString('base64') },
        code: 'invalid_input',
        field: 'provider',
      },
      {
        why: 'a file that is not the provider’s export',
        input: { clientId, provider: 'aws', fileName: 'x.csv', base64: Buffer.from('a,b\n1,2\n').toString('base64') },
        code: 'invalid_input',
        field: 'file',
      },
      {
        why: 'rows whose tags name no model',
        input: {
          clientId,
          provider: 'aws',
          fileName: 'x.csv',
          base64: Buffer.from(
            'lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UnblendedCost,resourceTags/user:model\n2026-11-01,AmazonEC2,1.5,nobody\n',
          ).toString('base64'),
        },
        code: 'invalid_input',
        field: 'file',
      },
    ],
    'operations.export': [
      { why: 'a month not begun', input: { clientId, month: '2027-02' }, code: 'invalid_input', field: 'month' },
      { why: 'an unknown client', input: { clientId: MISSING_ID, month: '2026-11' }, code: 'not_found', field: 'clientId' },
    ],
  };
}

export const operationsBadInput: BadInputArea<ClientsFixture & PortfolioFixture & MonitoringFixture, OperationsFixture> = {
  area: 'operations',
  prefixes: ['retraining', 'incidents', 'operations', 'costs'],
  setUp,
  cases,
};
