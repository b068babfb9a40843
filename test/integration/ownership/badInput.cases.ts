import type { TestBackend } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';
import type { ClientsFixture } from '../clients/badInput.cases';
import type { PortfolioFixture } from '../portfolio/badInput.cases';

/** A feature pipeline and a dashboard on the pilot model (in service since 1 Jun 2026); the specialist Accountable for its incident response in June. */
export type OwnershipFixture = { assetId: string; dashboardId: string; assignmentId: string };

async function setUp(b: TestBackend, fx: ClientsFixture & PortfolioFixture): Promise<OwnershipFixture> {
  const asset = (name: string, type: 'feature_pipeline' | 'dashboard') =>
    b.ok('assets.create', { engagementId: fx.engagementId, name, type, modelIds: [fx.pilotId], inServiceFrom: '2026-06-01' });
  const assetId = (await asset('Fraud features', 'feature_pipeline')).id;
  const dashboardId = (await asset('Fraud dashboard', 'dashboard')).id;
  const assignmentId =
    (
      await b.ok('ownership.assign', {
        targetKind: 'model',
        targetId: fx.pilotId,
        dutyKey: 'incident_response',
        role: 'accountable',
        person: { kind: 'specialist', id: fx.specialistId },
        fromDate: '2026-06-01',
        toDate: '2026-06-30',
      })
    ).assignments[0]?.id ?? '';
  return { assetId, dashboardId, assignmentId };
}

function cases(fx: ClientsFixture & PortfolioFixture & OwnershipFixture): CaseTable {
  const { engagementId, otherEngagementId, pilotId, assetId, dashboardId, assignmentId, specialistId, otherContactId, clientId } = fx;
  const asset = (over: Record<string, unknown>) => ({
    engagementId,
    name: 'Scoring API',
    type: 'serving_endpoint',
    modelIds: [pilotId],
    inServiceFrom: '2026-06-01',
    ...over,
  });
  const assign = (over: Record<string, unknown>) => ({
    targetKind: 'model',
    targetId: pilotId,
    dutyKey: 'incident_response',
    role: 'responsible',
    person: { kind: 'specialist', id: specialistId },
    fromDate: '2026-06-01',
    toDate: '2026-06-30',
    ...over,
  });
  const specialist = { kind: 'specialist', id: specialistId };
  const update = () => {
    const { engagementId: _engagement, ...rest } = asset({ name: 'Fraud features', type: 'feature_pipeline' });
    return rest;
  };
  return {
    'assets.list': [
      { why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
      { why: 'unknown type', input: { type: 'notebook' }, code: 'invalid_input', field: 'type' },
    ],
    'assets.create': [
      { why: 'missing name', input: asset({ name: undefined }), code: 'invalid_input', field: 'name' },
      { why: 'unknown type', input: asset({ type: 'notebook' }), code: 'invalid_input', field: 'type' },
      { why: 'a link that is not https', input: asset({ links: ['http://x.example'] }), code: 'invalid_input', field: 'links.0' },
      {
        why: 'a model of another engagement',
        input: asset({ engagementId: otherEngagementId }),
        code: 'invalid_input',
        field: 'modelIds.0',
      },
      { why: 'unknown model', input: asset({ modelIds: [MISSING_ID] }), code: 'not_found', field: 'modelIds.0' },
      { why: 'unknown engagement', input: asset({ engagementId: MISSING_ID }), code: 'not_found', field: 'engagementId' },
      { why: 'out of service before in service', input: asset({ inServiceTo: '2026-05-01' }), code: 'invalid_input', field: 'inServiceTo' },
      {
        why: 'a name used on the engagement',
        input: asset({ name: 'FRAUD features' }),
        code: 'conflict',
        field: 'name',
        message: 'Claims model operations already has an asset named “Fraud features”.',
      },
    ],
    'assets.update': [
      { why: 'unknown id', input: { ...update(), id: MISSING_ID }, code: 'not_found' },
      { why: 'engagement cannot move', input: { ...asset({}), id: assetId }, code: 'invalid_input' },
      { why: 'stale edit', input: { ...update(), id: assetId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
    ],
    'assets.archive': [
      { why: 'unknown id', input: { id: MISSING_ID, archived: true }, code: 'not_found' },
      { why: 'archived not a yes/no', input: { id: assetId, archived: 1 }, code: 'invalid_input', field: 'archived' },
    ],
    'duties.list': [
      { why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found' },
      { why: 'missing engagement', input: {}, code: 'invalid_input', field: 'engagementId' },
    ],
    'duties.create': [
      { why: 'missing name', input: { engagementId }, code: 'invalid_input', field: 'name' },
      { why: 'a default duty’s name', input: { engagementId, name: 'rollback' }, code: 'conflict', field: 'name' },
      { why: 'unknown engagement', input: { engagementId: MISSING_ID, name: 'Data contracts' }, code: 'not_found' },
    ],
    'duties.retire': [
      { why: 'unknown duty', input: { engagementId, dutyKey: 'juggling', retiredOn: '2026-11-01' }, code: 'not_found', field: 'dutyKey' },
      {
        why: 'not a duty key',
        input: { engagementId, dutyKey: 'Roll back!', retiredOn: '2026-11-01' },
        code: 'invalid_input',
        field: 'dutyKey',
      },
      {
        why: 'before the engagement starts',
        input: { engagementId, dutyKey: 'cost', retiredOn: '2025-01-01' },
        code: 'invalid_input',
        field: 'retiredOn',
      },
    ],
    'duties.setApplicable': [
      {
        why: 'unknown asset type',
        input: { engagementId, assetType: 'notebook', dutyKey: 'cost', applicable: false },
        code: 'invalid_input',
        field: 'assetType',
      },
      {
        why: 'unknown duty',
        input: { engagementId, assetType: 'dashboard', dutyKey: 'juggling', applicable: false },
        code: 'not_found',
        field: 'dutyKey',
      },
    ],
    'ownership.matrix': [
      { why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
      { why: 'not a date', input: { engagementId, asOf: '31.12.2026' }, code: 'invalid_input', field: 'asOf' },
      { why: 'unknown row type', input: { engagementId, type: 'notebook' }, code: 'invalid_input', field: 'type' },
    ],
    'ownership.assignments': [
      {
        why: 'unknown target kind',
        input: { targetKind: 'pipeline', targetId: assetId, dutyKey: 'cost' },
        code: 'invalid_input',
        field: 'targetKind',
      },
      { why: 'unknown asset', input: { targetKind: 'asset', targetId: MISSING_ID, dutyKey: 'cost' }, code: 'not_found' },
    ],
    'ownership.assign': [
      {
        why: 'a second Accountable overlapping',
        input: assign({ role: 'accountable', fromDate: '2026-06-15', person: { kind: 'contact', id: fx.contactId } }),
        code: 'invalid_input',
        field: 'role',
      },
      {
        why: 'ends before it starts',
        input: assign({ toDate: '2026-05-31', fromDate: '2026-06-10' }),
        code: 'invalid_input',
        field: 'toDate',
      },
      { why: 'before the model is in service', input: assign({ fromDate: '2026-05-01' }), code: 'invalid_input', field: 'fromDate' },
      { why: 'a contact of another client', input: assign({ person: { kind: 'contact', id: otherContactId } }), code: 'invalid_input' },
      {
        why: 'a duty that does not apply',
        input: assign({ targetKind: 'asset', targetId: dashboardId, dutyKey: 'training' }),
        code: 'invalid_input',
        field: 'dutyKey',
      },
      { why: 'an unknown duty', input: assign({ dutyKey: 'juggling' }), code: 'invalid_input', field: 'dutyKey' },
      { why: 'an unknown person', input: assign({ person: { kind: 'specialist', id: MISSING_ID } }), code: 'not_found' },
      { why: 'an unknown role', input: assign({ role: 'owner' }), code: 'invalid_input', field: 'role' },
      { why: 'an implausible date', input: assign({ fromDate: '1890-01-01' }), code: 'invalid_input', field: 'fromDate' },
    ],
    'ownership.endAssignment': [
      { why: 'unknown id', input: { id: MISSING_ID, toDate: '2026-06-15' }, code: 'not_found' },
      { why: 'before it starts', input: { id: assignmentId, toDate: '2026-05-01' }, code: 'invalid_input', field: 'toDate' },
      { why: 'after it already ends', input: { id: assignmentId, toDate: '2026-07-15' }, code: 'invalid_input', field: 'toDate' },
    ],
    'ownership.removeAssignment': [
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'not an id', input: { id: 'a1' }, code: 'invalid_input', field: 'id' },
    ],
    'ownership.bulkAssign': [
      {
        why: 'unknown engagement',
        input: { engagementId: MISSING_ID, dutyKey: 'cost', role: 'accountable', person: specialist, fromDate: '2026-06-01' },
        code: 'not_found',
      },
      {
        why: 'unknown person',
        input: { engagementId, dutyKey: 'cost', role: 'accountable', person: { kind: 'contact', id: MISSING_ID }, fromDate: '2026-06-01' },
        code: 'not_found',
      },
      {
        why: 'unknown row type',
        input: { engagementId, dutyKey: 'cost', role: 'accountable', person: specialist, fromDate: '2026-06-01', types: ['notebook'] },
        code: 'invalid_input',
      },
    ],
    'ownership.handover': [
      {
        why: 'to the same person',
        input: { engagementId, from: specialist, to: specialist, fromDate: '2026-06-10' },
        code: 'invalid_input',
        field: 'to.id',
      },
      {
        why: 'unknown person',
        input: { engagementId, from: specialist, to: { kind: 'specialist', id: MISSING_ID }, fromDate: '2026-06-10' },
        code: 'not_found',
      },
      {
        why: 'nothing held from that day',
        input: { engagementId, from: specialist, to: { kind: 'contact', id: fx.contactId }, fromDate: '2026-08-01' },
        code: 'invalid_input',
        field: 'from.id',
      },
    ],
    'ownership.findings': [
      { why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found' },
      { why: 'not a date', input: { asOf: '2026-02-30' }, code: 'invalid_input', field: 'asOf' },
    ],
    'ownership.personLoad': [
      { why: 'unknown person', input: { person: { kind: 'specialist', id: MISSING_ID } }, code: 'not_found' },
      { why: 'unknown kind', input: { person: { kind: 'vendor', id: specialistId } }, code: 'invalid_input', field: 'person.kind' },
    ],
    'ownership.risk': [
      { why: 'unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
      { why: 'not a date', input: { clientId, asOf: 'today' }, code: 'invalid_input', field: 'asOf' },
    ],
    'ownership.whoResponds': [
      { why: 'unknown model', input: { modelId: MISSING_ID }, code: 'not_found', field: 'modelId' },
      { why: 'not an instant', input: { modelId: pilotId, at: 'now' }, code: 'invalid_input', field: 'at' },
    ],
    'ownership.snapshots': [{ why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found' }],
    'ownership.snapshot': [
      { why: 'not a month', input: { engagementId, month: '2026-13' }, code: 'invalid_input', field: 'month' },
      { why: 'no approval recorded it', input: { engagementId, month: '2026-01' }, code: 'not_found' },
    ],
    'ownership.settings': [{ why: 'an unknown field', input: { spof: 3 }, code: 'invalid_input' }],
    'ownership.updateSettings': [
      {
        why: 'a threshold of 0',
        input: { spofThreshold: 0, horizonWeeks: 6, coverAllDuties: false },
        code: 'invalid_input',
        field: 'spofThreshold',
      },
      {
        why: 'more than a year ahead',
        input: { spofThreshold: 12, horizonWeeks: 53, coverAllDuties: false },
        code: 'invalid_input',
        field: 'horizonWeeks',
      },
      { why: 'cover missing', input: { spofThreshold: 12, horizonWeeks: 6 }, code: 'invalid_input', field: 'coverAllDuties' },
    ],
    'ownership.export': [
      { why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
      { why: 'not a date', input: { engagementId, asOf: '2026/06/01' }, code: 'invalid_input', field: 'asOf' },
    ],
  };
}

export const ownershipBadInput: BadInputArea<ClientsFixture & PortfolioFixture, OwnershipFixture> = {
  area: 'ownership',
  prefixes: ['assets', 'duties', 'ownership'],
  setUp,
  cases,
};
