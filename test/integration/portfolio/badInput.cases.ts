import type { TestBackend } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';
import type { ClientsFixture } from '../clients/badInput.cases';

/** A contact and a model at Helvetic (a prototype since March, a pilot since June), a contact at the other client. */
export type PortfolioFixture = {
  versionId: string;
  productionId: string;
  environmentId: string;
  deploymentId: string;
  contactId: string;
  otherContactId: string;
  modelId: string;
  pilotId: string;
  bannedId: string;
};

const model = ({ clientId, engagementId }: ClientsFixture, contactId: string) => ({
  clientId,
  engagementId,
  name: 'Claims triage classifier',
  businessOwnerId: contactId,
  riskTier: 'high' as const,
  aiActCategory: 'limited' as const,
  kind: 'deep_learning' as const,
  serving: 'online' as const,
  inServiceSince: '2026-01-05',
  stage: 'prototype' as const,
});

async function setUp(b: TestBackend, fx: ClientsFixture): Promise<PortfolioFixture> {
  const contactId = (await b.ok('contacts.create', { clientId: fx.clientId, name: 'Maria Alvarez', title: 'Director of Claims' })).id;
  const otherClientId = (await b.ok('engagements.get', { id: fx.otherEngagementId })).clientId;
  const otherContactId = (await b.ok('contacts.create', { clientId: otherClientId, name: 'Jana Vogt' })).id;
  const modelId = (await b.ok('models.create', model(fx, contactId))).id;
  const pilotId = (
    await b.ok('models.create', { ...model(fx, contactId), name: 'Fraud pilot', stage: 'pilot', inServiceSince: '2026-06-01' })
  ).id;
  const bannedId = (
    await b.ok('models.create', {
      ...model(fx, contactId),
      name: 'Emotion monitor',
      aiActCategory: 'prohibited',
      inServiceSince: '2026-02-02',
    })
  ).id;
  const versionId = (
    await b.ok('versions.create', {
      modelId: pilotId,
      label: 'v1',
      builtBy: { kind: 'specialist', id: fx.specialistId },
      registeredOn: '2026-06-02',
    })
  ).id;
  const productionId = (await b.ok('environments.create', { engagementId: fx.engagementId, name: 'Production', production: true })).id;
  const environmentId = (await b.ok('environments.create', { engagementId: fx.engagementId, name: 'Staging', production: false })).id;
  const deploymentId = (
    await b.ok('deployments.create', { modelId: pilotId, versionId, environmentId, alias: 'champion', from: '2026-06-03T00:00:00.000Z' })
  ).id;
  return { contactId, otherContactId, modelId, pilotId, bannedId, versionId, productionId, environmentId, deploymentId };
}

function cases(fx: ClientsFixture & PortfolioFixture): CaseTable {
  const { clientId, contactId, otherContactId, modelId, pilotId, bannedId, otherEngagementId, versionId, specialistId } = fx;
  const version = (over: Record<string, unknown>) => ({
    modelId: pilotId,
    label: 'v2',
    builtBy: { kind: 'specialist', id: specialistId },
    registeredOn: '2026-07-01',
    ...over,
  });
  const approval = (over: Record<string, unknown>) => ({
    versionId,
    approver: { kind: 'contact', id: contactId },
    decision: 'approved',
    decidedOn: '2026-06-03',
    ...over,
  });
  const fields = () => model(fx, contactId);
  const update = () => {
    const { stage: _stage, ...rest } = fields();
    return { ...rest, id: modelId };
  };
  return {
    'contacts.list': [
      { why: 'unknown client', input: { clientId: MISSING_ID }, code: 'not_found' },
      { why: 'missing client', input: {}, code: 'invalid_input', field: 'clientId' },
    ],
    'contacts.create': [
      { why: 'missing name', input: { clientId }, code: 'invalid_input', field: 'name', message: 'Name is required.' },
      { why: 'blank name', input: { clientId, name: '\u200b ' }, code: 'invalid_input', field: 'name' },
      { why: 'bad email', input: { clientId, name: 'Bo', email: 'bo@' }, code: 'invalid_input', field: 'email' },
      { why: 'letters in the phone', input: { clientId, name: 'Bo', phone: 'call me' }, code: 'invalid_input', field: 'phone' },
      { why: 'unknown client', input: { clientId: MISSING_ID, name: 'Bo' }, code: 'not_found', field: 'clientId' },
      {
        why: 'duplicate name at the client',
        input: { clientId, name: 'MARIA ALVAREZ' },
        code: 'conflict',
        field: 'name',
        message: 'Helvetic Insurance AG already has a contact named “Maria Alvarez”.',
      },
      { why: 'unknown field', input: { clientId, name: 'Bo', role: 'owner' }, code: 'invalid_input' },
    ],
    'contacts.update': [
      { why: 'unknown id', input: { id: MISSING_ID, name: 'Bo' }, code: 'not_found' },
      { why: 'client cannot be passed', input: { id: contactId, clientId, name: 'Maria' }, code: 'invalid_input' },
      { why: 'stale edit', input: { id: contactId, name: 'Maria', expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
      { why: 'over-long title', input: { id: contactId, name: 'Maria', title: 't'.repeat(121) }, code: 'invalid_input', field: 'title' },
    ],
    'contacts.archive': [
      { why: 'unknown id', input: { id: MISSING_ID, archived: true }, code: 'not_found' },
      { why: 'archived not a yes/no', input: { id: contactId, archived: 'yes' }, code: 'invalid_input', field: 'archived' },
    ],
    'models.list': [
      { why: 'unknown sort', input: { sort: 'revenue' }, code: 'invalid_input', field: 'sort' },
      { why: 'unknown stage', input: { stage: 'lab' }, code: 'invalid_input', field: 'stage' },
      { why: 'unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
      { why: 'over-long search', input: { search: 'x'.repeat(201) }, code: 'invalid_input', field: 'search' },
    ],
    'models.get': [
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found', message: `Model ${MISSING_ID} does not exist.` },
      { why: 'not an id', input: { id: 'model-1' }, code: 'invalid_input', field: 'id' },
    ],
    'models.create': [
      { why: 'missing risk tier', input: { ...fields(), name: 'New', riskTier: undefined }, code: 'invalid_input', field: 'riskTier' },
      {
        why: 'unknown EU AI Act category',
        input: { ...fields(), name: 'New', aiActCategory: 'unacceptable' },
        code: 'invalid_input',
        field: 'aiActCategory',
        message: 'EU AI Act category must be one of: minimal, limited, high or prohibited.',
      },
      {
        why: 'a link that is not https',
        input: { ...fields(), name: 'New', repositoryLink: 'http://git.example.com/x' },
        code: 'invalid_input',
        field: 'repositoryLink',
        message: 'Repository link must be an https:// link.',
      },
      {
        why: 'a javascript link',
        input: { ...fields(), name: 'New', dashboardLink: 'javascript:alert(1)' },
        code: 'invalid_input',
        field: 'dashboardLink',
      },
      {
        why: 'baseline not a number',
        input: { ...fields(), name: 'New', outcomeBaseline: '4.2' },
        code: 'invalid_input',
        field: 'outcomeBaseline',
      },
      {
        why: 'too many tags',
        input: { ...fields(), name: 'New', tags: Array.from({ length: 31 }, (_, i) => `t${i}`) },
        code: 'invalid_input',
        field: 'tags',
      },
      {
        why: 'implausible in-service date',
        input: { ...fields(), name: 'New', inServiceSince: '1890-01-01' },
        code: 'invalid_input',
        field: 'inServiceSince',
      },
      {
        why: 'in service in the future',
        input: { ...fields(), name: 'New', inServiceSince: '2026-12-01' },
        code: 'invalid_input',
        message: 'In service since cannot be after today (24 Nov 2026).',
      },
      {
        why: 'duplicate name in the client',
        input: { ...fields(), name: 'claims TRIAGE classifier' },
        code: 'conflict',
        field: 'name',
        message: 'Helvetic Insurance AG already has a model named “Claims triage classifier”.',
      },
      {
        why: 'engagement of another client',
        input: { ...fields(), name: 'New', engagementId: otherEngagementId },
        code: 'invalid_input',
        field: 'engagementId',
      },
      {
        why: 'business owner at another client',
        input: { ...fields(), name: 'New', businessOwnerId: otherContactId },
        code: 'invalid_input',
        field: 'businessOwnerId',
        message: 'Jana Vogt is not a contact at Helvetic Insurance AG; the business owner is one of the client’s own people.',
      },
      { why: 'unknown client', input: { ...fields(), clientId: MISSING_ID, name: 'New' }, code: 'not_found', field: 'clientId' },
      {
        why: 'registered in production',
        input: { ...fields(), name: 'New', stage: 'production' },
        code: 'conflict',
        message: 'A model is registered as an idea, a prototype or a pilot; New reaches Production by moving it there.',
      },
      {
        why: 'a prohibited system registered as a pilot',
        input: { ...fields(), name: 'New', aiActCategory: 'prohibited', stage: 'pilot' },
        code: 'conflict',
        message: 'New is a prohibited system under the EU AI Act and can never reach Pilot.',
      },
    ],
    'models.update': [
      { why: 'unknown id', input: { ...update(), id: MISSING_ID }, code: 'not_found' },
      { why: 'stage is moved, not edited', input: { ...update(), stage: 'pilot' }, code: 'invalid_input' },
      { why: 'stale edit', input: { ...update(), expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
      {
        why: 'another client',
        input: { ...update(), clientId: MISSING_ID },
        code: 'invalid_input',
        field: 'clientId',
        message: 'Claims triage classifier stays with its client; register the model again under the other client.',
      },
      {
        why: 'a pilot made prohibited',
        input: { ...update(), id: pilotId, name: 'Fraud pilot', inServiceSince: '2026-06-01', aiActCategory: 'prohibited' },
        code: 'conflict',
        field: 'aiActCategory',
        message: 'Fraud pilot is in Pilot, where a prohibited system can never be; move it back or retire it first.',
      },
      {
        why: 'in service after its first stage change',
        input: { ...update(), inServiceSince: '2026-02-01' },
        code: 'conflict',
        field: 'inServiceSince',
        message: 'Claims triage classifier’s history starts on 5 Jan 2026; In service since cannot be later than that.',
      },
    ],
    'models.moveStage': [
      { why: 'unknown id', input: { id: MISSING_ID, to: 'pilot', on: '2026-11-02' }, code: 'not_found' },
      { why: 'unknown stage', input: { id: modelId, to: 'lab', on: '2026-11-02' }, code: 'invalid_input', field: 'to' },
      { why: 'not a date', input: { id: modelId, to: 'pilot', on: '2 Nov' }, code: 'invalid_input', field: 'on' },
      {
        why: 'skipping a stage',
        input: { id: modelId, to: 'production', on: '2026-11-02' },
        code: 'conflict',
        message: 'Claims triage classifier moves forward one stage at a time: from Prototype the next stage is Pilot.',
      },
      {
        why: 'production without its evidence',
        input: { id: pilotId, to: 'production', on: '2026-11-02' },
        code: 'conflict',
        message: 'Fraud pilot cannot enter Production: it needs an approved version deployed as champion to the production environment.',
      },
      {
        why: 'a prohibited system moving forward',
        input: { id: bannedId, to: 'pilot', on: '2026-11-02' },
        code: 'conflict',
        message: 'Emotion monitor is a prohibited system under the EU AI Act and can never reach Pilot.',
      },
      {
        why: 'back without a reason',
        input: { id: modelId, to: 'idea', on: '2026-11-02' },
        code: 'conflict',
        message: 'Moving Claims triage classifier back from Prototype to Idea needs a reason.',
      },
      {
        why: 'retiring without a reason',
        input: { id: modelId, to: 'retired', on: '2026-11-02', reason: '  ' },
        code: 'conflict',
        message: 'Retiring Claims triage classifier needs a reason.',
      },
      {
        why: 'dated before the model entered service',
        input: { id: modelId, to: 'pilot', on: '2025-12-31' },
        code: 'conflict',
        message: 'Claims triage classifier entered service on 5 Jan 2026; a stage change cannot be dated before that (31 Dec 2025).',
      },
      {
        why: 'stale edit',
        input: { id: modelId, to: 'pilot', on: '2026-11-02', expectedUpdatedAt: '2020-01-01T00:00:00.000Z' },
        code: 'conflict',
      },
    ],
    'versions.list': [
      { why: 'unknown model', input: { modelId: MISSING_ID }, code: 'not_found', field: 'modelId' },
      { why: 'missing model', input: {}, code: 'invalid_input', field: 'modelId' },
    ],
    'versions.create': [
      {
        why: 'duplicate label',
        input: version({ label: 'V1' }),
        code: 'conflict',
        field: 'label',
        message: 'Fraud pilot already has a version labelled “v1”.',
      },
      { why: 'missing label', input: version({ label: '' }), code: 'invalid_input', field: 'label' },
      {
        why: 'builder of no kind',
        input: version({ builtBy: { kind: 'robot', id: specialistId } }),
        code: 'invalid_input',
        field: 'builtBy.kind',
      },
      {
        why: 'unknown builder',
        input: version({ builtBy: { kind: 'specialist', id: MISSING_ID } }),
        code: 'not_found',
        field: 'builtBy.id',
      },
      {
        why: 'builder at another client',
        input: version({ builtBy: { kind: 'contact', id: otherContactId } }),
        code: 'invalid_input',
        field: 'builtBy.id',
        message: 'Jana Vogt is not a contact at the model’s client.',
      },
      {
        why: 'before the model entered service',
        input: version({ registeredOn: '2026-05-31' }),
        code: 'invalid_input',
        field: 'registeredOn',
        message: 'Registered on cannot be before Fraud pilot entered service (1 Jun 2026).',
      },
      { why: 'a result without its dataset', input: version({ evaluations: [{ metric: 'AUC', value: 0.8 }] }), code: 'invalid_input' },
      {
        why: 'a result that is not a number',
        input: version({ evaluations: [{ metric: 'AUC', value: '0.8', dataset: 'holdout' }] }),
        code: 'invalid_input',
      },
      {
        why: 'evidence linked over http',
        input: version({ evidence: [{ kind: 'fairness_test', text: 'Report', link: 'http://x.example.com' }] }),
        code: 'invalid_input',
      },
      { why: 'unknown model', input: version({ modelId: MISSING_ID }), code: 'not_found', field: 'modelId' },
    ],
    'approvals.create': [
      { why: 'unknown version', input: approval({ versionId: MISSING_ID }), code: 'not_found' },
      { why: 'unknown decision', input: approval({ decision: 'maybe' }), code: 'invalid_input', field: 'decision' },
      {
        why: 'self-approval where the policy asks for an independent approver',
        input: approval({ approver: { kind: 'specialist', id: specialistId } }),
        code: 'conflict',
        message:
          'Ana Ionescu built version v1 of Fraud pilot; the promotion policy asks for an independent approver for this model (High risk, Limited risk).',
      },
      {
        why: 'decided before the version was registered',
        input: approval({ decidedOn: '2026-06-01' }),
        code: 'invalid_input',
        field: 'decidedOn',
        message: 'The decision date cannot be before version v1 was registered (2 Jun 2026).',
      },
      { why: 'decided in the future', input: approval({ decidedOn: '2026-12-01' }), code: 'invalid_input', field: 'decidedOn' },
      {
        why: 'conditions left out',
        input: approval({ decision: 'approved_with_conditions' }),
        code: 'invalid_input',
        field: 'conditions',
        message: 'An approval with conditions needs its conditions written down.',
      },
      {
        why: 'evidence over http',
        input: approval({ evidenceLink: 'http://x.example.com' }),
        code: 'invalid_input',
        field: 'evidenceLink',
      },
    ],
    'policy.get': [{ why: 'unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'policy.update': [
      { why: 'unknown client', input: { clientId: MISSING_ID, policy: POLICY }, code: 'not_found', field: 'clientId' },
      {
        why: 'a tier left out',
        input: { clientId, policy: { ...POLICY, evidence: { ...POLICY.evidence, riskTier: { low: [], medium: [], high: [] } } } },
        code: 'invalid_input',
      },
      {
        why: 'an unknown kind of evidence',
        input: {
          clientId,
          policy: { ...POLICY, evidence: { ...POLICY.evidence, aiActCategory: { ...POLICY.evidence.aiActCategory, minimal: ['vibes'] } } },
        },
        code: 'invalid_input',
      },
      { why: 'no name', input: { clientId, policy: { ...POLICY, name: '' } }, code: 'invalid_input' },
    ],
    'environments.list': [{ why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' }],
    'environments.create': [
      {
        why: 'a second production environment',
        input: { engagementId: fx.engagementId, name: 'Prod 2', production: true },
        code: 'conflict',
        field: 'production',
        message: 'Claims model operations already has its production environment, Production; an engagement has exactly one.',
      },
      {
        why: 'a name already used',
        input: { engagementId: fx.engagementId, name: 'production', production: false },
        code: 'conflict',
        field: 'name',
      },
      {
        why: 'no production environment yet',
        input: { engagementId: otherEngagementId, name: 'Staging', production: false },
        code: 'conflict',
        field: 'production',
      },
      {
        why: 'production not a yes or no',
        input: { engagementId: fx.engagementId, name: 'QA', production: 'yes' },
        code: 'invalid_input',
        field: 'production',
      },
    ],
    'deployments.list': [{ why: 'unknown model', input: { modelId: MISSING_ID }, code: 'not_found', field: 'modelId' }],
    'deployments.create': [
      {
        why: 'overlapping champion',
        input: { modelId: pilotId, versionId, environmentId: fx.environmentId, alias: 'champion', from: '2026-07-01T00:00:00.000Z' },
        code: 'conflict',
        message:
          'Fraud pilot already has a champion in Staging then: version v1 from 2026-06-03 00:00 UTC. Promote or roll back to replace it.',
      },
      {
        why: 'another model’s version',
        input: { modelId, versionId, environmentId: fx.environmentId, alias: 'shadow', from: '2026-07-01T00:00:00.000Z' },
        code: 'invalid_input',
        field: 'versionId',
        message: 'Version v1 belongs to Fraud pilot, not to Claims triage classifier.',
      },
      {
        why: 'a canary without its traffic',
        input: { modelId: pilotId, versionId, environmentId: fx.environmentId, alias: 'canary', from: '2026-07-01T00:00:00.000Z' },
        code: 'invalid_input',
        field: 'trafficPercent',
      },
      {
        why: 'unapproved champion in production',
        input: { modelId: pilotId, versionId, environmentId: fx.productionId, alias: 'champion', from: '2026-07-01T00:00:00.000Z' },
        code: 'conflict',
      },
      {
        why: 'in the future',
        input: { modelId: pilotId, versionId, environmentId: fx.environmentId, alias: 'shadow', from: '2026-12-01T00:00:00.000Z' },
        code: 'invalid_input',
        field: 'from',
      },
      {
        why: 'not an instant',
        input: { modelId: pilotId, versionId, environmentId: fx.environmentId, alias: 'shadow', from: '2026-07-01' },
        code: 'invalid_input',
        field: 'from',
      },
    ],
    'deployments.promote': [
      { why: 'unknown deployment', input: { id: MISSING_ID, at: '2026-07-01T00:00:00.000Z' }, code: 'not_found' },
      {
        why: 'already the champion',
        input: { id: fx.deploymentId, at: '2026-07-01T00:00:00.000Z' },
        code: 'conflict',
        message: 'Version v1 is already the champion in Staging.',
      },
    ],
    'deployments.rollback': [
      {
        why: 'never served before',
        input: { modelId: pilotId, versionId, environmentId: fx.productionId, at: '2026-07-01T00:00:00.000Z', reason: 'Drift' },
        code: 'conflict',
        field: 'versionId',
      },
      {
        why: 'no reason',
        input: { modelId: pilotId, versionId, environmentId: fx.productionId, at: '2026-07-01T00:00:00.000Z', reason: '' },
        code: 'invalid_input',
        field: 'reason',
      },
    ],
    'deployments.end': [
      { why: 'unknown deployment', input: { id: MISSING_ID, at: '2026-07-01T00:00:00.000Z' }, code: 'not_found' },
      {
        why: 'ending before it started',
        input: { id: fx.deploymentId, at: '2026-06-01T00:00:00.000Z' },
        code: 'conflict',
        message: 'This champion deployment of v1 started at 2026-06-03 00:00 UTC; it can only end after that.',
      },
    ],
    // The model card (its narrative is the only thing typed on it).
    'models.card': [
      { why: 'unknown model', input: { id: MISSING_ID }, code: 'not_found', message: `Model ${MISSING_ID} does not exist.` },
      { why: 'not an id', input: { id: 'claims' }, code: 'invalid_input', field: 'id' },
    ],
    'models.updateCard': [
      {
        why: 'a narrative too long',
        input: { id: modelId, users: 'x'.repeat(4001) },
        code: 'invalid_input',
        field: 'users',
        message: 'Users must be at most 4000 characters.',
      },
      { why: 'not text', input: { id: modelId, limitations: 12 }, code: 'invalid_input', field: 'limitations' },
      { why: 'a field the card does not have', input: { id: modelId, trainingData: 'typed twice' }, code: 'invalid_input' },
      { why: 'unknown model', input: { id: MISSING_ID, users: 'Claims handlers' }, code: 'not_found' },
      {
        why: 'someone else wrote the card since',
        input: { id: modelId, users: 'Claims handlers', expectedUpdatedAt: '2026-11-01T00:00:00.000Z' },
        code: 'conflict',
        message:
          'Claims triage classifier’s card was changed by someone else since you opened it. Reload it, then apply your change again.',
      },
    ],
    'models.cardMarkdown': [{ why: 'unknown model', input: { id: MISSING_ID }, code: 'not_found' }],
    'models.cardPdf': [
      { why: 'unknown model', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'no id', input: {}, code: 'invalid_input', field: 'id' },
    ],
    'models.auditPackPdf': [
      { why: 'unknown model', input: { id: MISSING_ID }, code: 'not_found', message: `Model ${MISSING_ID} does not exist.` },
      { why: 'not an id', input: { id: 42 }, code: 'invalid_input', field: 'id' },
    ],
    'portfolio.asOf': [
      { why: 'not an instant', input: { at: 'yesterday' }, code: 'invalid_input', field: 'at' },
      { why: 'unknown model', input: { at: '2026-07-01T00:00:00.000Z', modelId: MISSING_ID }, code: 'not_found', field: 'modelId' },
    ],
    'models.importInventory': [
      {
        why: 'unknown client',
        input: { clientId: MISSING_ID, fileName: 'models.csv', base64: Buffer.from('Name\nA').toString('base64') },
        code: 'not_found',
        field: 'clientId',
      },
      {
        why: 'not base64',
        input: { clientId: fx.clientId, fileName: 'models.csv', base64: 'not base64!' },
        code: 'invalid_input',
        field: 'base64',
      },
      { why: 'missing file name', input: { clientId: fx.clientId, base64: '' }, code: 'invalid_input', field: 'fileName' },
      {
        why: 'an empty file',
        input: { clientId: fx.clientId, fileName: 'models.csv', base64: '' },
        code: 'invalid_input',
        message: 'This file is not an Excel workbook or CSV file Keel can read. It is empty.',
      },
      {
        why: 'a header without the required columns',
        input: { clientId: fx.clientId, fileName: 'models.csv', base64: Buffer.from('Name,Kind\nA,LLM\n').toString('base64') },
        code: 'invalid_input',
        message: 'The file “models.csv” has one problem; nothing was imported. Fix it and import the file again.',
      },
    ],
    'portfolio.client': [
      { why: 'unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
      { why: 'not an id', input: { clientId: 'acme' }, code: 'invalid_input', field: 'clientId' },
    ],
    'portfolio.export': [
      {
        why: 'unknown client',
        input: { clientId: MISSING_ID },
        code: 'not_found',
        field: 'clientId',
        message: `Client ${MISSING_ID} does not exist.`,
      },
      { why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
      { why: 'unknown stage', input: { stage: 'lab' }, code: 'invalid_input', field: 'stage' },
      { why: 'unknown sort', input: { sort: 'revenue' }, code: 'invalid_input', field: 'sort' },
      { why: 'unknown field', input: { format: 'csv' }, code: 'invalid_input' },
    ],
    'models.exportAuditPack': [
      { why: 'unknown model', input: { id: MISSING_ID }, code: 'not_found', message: `Model ${MISSING_ID} does not exist.` },
      { why: 'not an id', input: { id: 'model-1' }, code: 'invalid_input', field: 'id' },
      { why: 'missing id', input: {}, code: 'invalid_input', field: 'id' },
    ],
    'portfolio.settings': [{ why: 'unknown field', input: { graveyardDays: 30 }, code: 'invalid_input' }],
    'portfolio.updateSettings': [
      {
        why: 'too few days',
        input: { graveyardDays: 3 },
        code: 'invalid_input',
        field: 'graveyardDays',
        message: 'Graveyard days must be at least 7 days.',
      },
      { why: 'fractional days', input: { graveyardDays: 30.5 }, code: 'invalid_input', field: 'graveyardDays' },
      { why: 'missing days', input: {}, code: 'invalid_input', field: 'graveyardDays' },
    ],
  };
}

const POLICY = {
  name: 'Policy',
  evidence: {
    riskTier: { low: [], medium: [], high: ['independent_approval'], critical: ['independent_approval'] },
    aiActCategory: { minimal: [], limited: [], high: ['fairness_test'], prohibited: [] },
  },
};

export const portfolioBadInput: BadInputArea<ClientsFixture, PortfolioFixture> = {
  area: 'portfolio',
  prefixes: ['contacts', 'models', 'portfolio', 'versions', 'approvals', 'policy', 'environments', 'deployments'],
  setUp,
  cases,
};
