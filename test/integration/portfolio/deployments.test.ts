import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';

/** Now is Tuesday 24 November 2026, 09:00 UTC. */
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));

let b: TestBackend;
let modelId: string;
let prod: string;
let staging: string;
let v1: string;
let v2: string;
let engagementId: string;

beforeEach(async () => {
  b = openTestBackend({ clock });
  const clientId = (await b.ok('clients.create', validClient)).id;
  engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id;
  const approver = (await b.ok('contacts.create', { clientId, name: 'Lukas Brunner' })).id;
  const builder = (await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] })).id;
  modelId = (
    await b.ok('models.create', {
      clientId,
      engagementId,
      name: 'Churn model',
      riskTier: 'low',
      aiActCategory: 'minimal',
      kind: 'classical_ml',
      serving: 'batch',
      inServiceSince: '2026-02-02',
      stage: 'pilot',
    })
  ).id;
  prod = (await b.ok('environments.create', { engagementId, name: 'Production', production: true })).id;
  staging = (await b.ok('environments.create', { engagementId, name: 'Staging', production: false })).id;
  const version = async (label: string, on: string) => {
    const v = await b.ok('versions.create', {
      modelId,
      label,
      builtBy: { kind: 'specialist', id: builder },
      registeredOn: on,
      evaluations: [{ metric: 'AUC', value: 0.8, dataset: 'holdout' }],
    });
    await b.ok('approvals.create', { versionId: v.id, approver: { kind: 'contact', id: approver }, decision: 'approved', decidedOn: on });
    return v.id;
  };
  v1 = await version('v1', '2026-03-02');
  v2 = await version('v2', '2026-06-01');
});
afterEach(() => b.dispose());

describe('environments', () => {
  it('hold exactly one production environment per engagement, marked first', async () => {
    expect(await b.call('environments.create', { engagementId, name: 'Prod EU', production: true })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Claims model operations already has its production environment, Production; an engagement has exactly one.',
      },
    });
    expect(await b.call('environments.create', { engagementId, name: 'staging', production: false })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: 'name' }] },
    });
    expect((await b.ok('environments.list', { engagementId })).rows.map((e) => [e.name, e.production])).toEqual([
      ['Production', true],
      ['Staging', false],
    ]);
  });
});

describe('deployments', () => {
  it('answer which version served production at any past instant, and who approved it', async () => {
    await b.ok('deployments.create', { modelId, versionId: v1, environmentId: prod, alias: 'champion', from: '2026-03-10T08:00:00.000Z' });
    const challenger = await b.ok('deployments.create', {
      modelId,
      versionId: v2,
      environmentId: prod,
      alias: 'challenger',
      from: '2026-06-02T08:00:00.000Z',
    });
    // A second champion overlapping the first is refused, and nothing is written.
    const audits = b.auditCount();
    expect(
      await b.call('deployments.create', {
        modelId,
        versionId: v2,
        environmentId: prod,
        alias: 'champion',
        from: '2026-06-02T08:00:00.000Z',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Churn model already has a champion in Production then: version v1 from 2026-03-10 08:00 UTC. Promote or roll back to replace it.',
      },
    });
    expect(b.auditCount()).toBe(audits);
    await b.ok('deployments.promote', { id: challenger.id, at: '2026-07-01T06:00:00.000Z' });
    const back = await b.ok('deployments.rollback', {
      modelId,
      versionId: v1,
      environmentId: prod,
      at: '2026-07-03T14:30:00.000Z',
      reason: 'Latency regression in v2',
    });
    expect(back).toMatchObject({ alias: 'champion', versionLabel: 'v1', rollbackReason: 'Latency regression in v2', to: null });

    const at = async (instant: string) => (await b.ok('portfolio.asOf', { at: instant, modelId }))[0];
    expect(await at('2026-03-10T07:59:59.000Z')).toMatchObject({ versionLabel: null, approvedBy: [] });
    expect(await at('2026-05-01T00:00:00.000Z')).toMatchObject({
      versionLabel: 'v1',
      environmentName: 'Production',
      since: '2026-03-10T08:00:00.000Z',
      approvedBy: [{ name: 'Lukas Brunner', decision: 'approved', decidedOn: '2026-03-02' }],
    });
    expect(await at('2026-07-02T12:00:00.000Z')).toMatchObject({ versionLabel: 'v2', since: '2026-07-01T06:00:00.000Z' });
    expect(await at('2026-07-03T14:30:00.000Z')).toMatchObject({ versionLabel: 'v1', since: '2026-07-03T14:30:00.000Z' });
    // For every model at once: the one model here.
    expect((await b.ok('portfolio.asOf', { at: '2026-07-02T12:00:00.000Z' })).map((r) => r.versionLabel)).toEqual(['v2']);

    const timeline = (await b.ok('deployments.list', { modelId })).rows;
    expect(timeline.map((d) => [d.versionLabel, d.alias, d.from.slice(0, 10), d.to?.slice(0, 10) ?? null])).toEqual([
      ['v1', 'champion', '2026-07-03', null],
      ['v2', 'champion', '2026-07-01', '2026-07-03'],
      ['v2', 'challenger', '2026-06-02', '2026-07-01'],
      ['v1', 'champion', '2026-03-10', '2026-07-01'],
    ]);

    // In production now with an approved champion: the stage may move; retiring ends every deployment.
    const moved = await b.ok('models.moveStage', { id: modelId, to: 'production', on: '2026-07-06' });
    expect(moved.stage).toBe('production');
    await b.ok('models.moveStage', { id: modelId, to: 'retired', on: '2026-11-24', reason: 'Replaced by the new churn platform' });
    expect((await b.ok('deployments.list', { modelId })).rows.every((d) => d.to !== null)).toBe(true);
  });

  it('refuse an unapproved champion in production, another model’s version, and a rollback to a version that never served', async () => {
    const other = await b.ok('models.create', {
      clientId: (await b.ok('models.get', { id: modelId })).clientId,
      engagementId,
      name: 'Other model',
      riskTier: 'low',
      aiActCategory: 'minimal',
      kind: 'classical_ml',
      serving: 'batch',
      inServiceSince: '2026-02-02',
    });
    const unapproved = await b.ok('versions.create', {
      modelId: other.id,
      label: 'v1',
      builtBy: { kind: 'contact', id: (await b.ok('contacts.list', { clientId: other.clientId })).rows[0]?.id ?? '' },
      registeredOn: '2026-03-02',
    });
    const before = b.auditCount();
    expect(
      await b.call('deployments.create', {
        modelId,
        versionId: unapproved.id,
        environmentId: prod,
        alias: 'champion',
        from: '2026-04-01T00:00:00.000Z',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Version v1 belongs to Other model, not to Churn model.' } });
    expect(
      await b.call('deployments.create', {
        modelId: other.id,
        versionId: unapproved.id,
        environmentId: prod,
        alias: 'champion',
        from: '2026-04-01T00:00:00.000Z',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Version v1 cannot serve Other model in production: the promotion policy (Keel’s default) asks for an approval and evaluation results.',
      },
    });
    // In staging anything goes.
    await b.ok('deployments.create', {
      modelId: other.id,
      versionId: unapproved.id,
      environmentId: staging,
      alias: 'champion',
      from: '2026-04-01T00:00:00.000Z',
    });
    expect(
      await b.call('deployments.rollback', { modelId, versionId: v1, environmentId: prod, at: '2026-04-01T00:00:00.000Z', reason: 'Oops' }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Version v1 has not served as champion in Production before; a rollback returns to an earlier champion.' },
    });
    expect(await b.call('models.moveStage', { id: modelId, to: 'production', on: '2026-07-06' })).toMatchObject({
      ok: false,
      error: {
        message: 'Churn model cannot enter Production: it needs an approved version deployed as champion to the production environment.',
      },
    });
    expect(b.auditCount()).toBe(before + 1);
  });
});

describe('the champion column and the evidence fact', () => {
  it('show the champion serving production now, and a high-risk model whose champion lacks what the policy asks', async () => {
    await b.ok('deployments.create', { modelId, versionId: v1, environmentId: prod, alias: 'champion', from: '2026-03-10T08:00:00.000Z' });
    // A champion in staging is not the one serving production.
    await b.ok('deployments.create', {
      modelId,
      versionId: v2,
      environmentId: staging,
      alias: 'champion',
      from: '2026-06-02T08:00:00.000Z',
    });
    const moved = await b.ok('models.moveStage', { id: modelId, to: 'production', on: '2026-03-11' });
    expect((await b.ok('models.list', {})).rows).toMatchObject([
      { name: 'Churn model', championLabel: 'v1', championSince: '2026-03-10T08:00:00.000Z' },
    ]);
    const clientId = moved.clientId;
    // Low risk: the fact only asks about high and critical models.
    expect((await b.ok('portfolio.client', { clientId })).productionLackingEvidence).toEqual([]);

    const policy = structuredClone((await b.ok('policy.get', { clientId })).policy);
    policy.evidence.riskTier.high = ['independent_approval', 'explainability_report'];
    await b.ok('policy.update', { clientId, policy });
    const {
      transitions,
      daysInStage,
      daysPerStage,
      clientName,
      engagementName,
      businessOwnerName,
      stage,
      stageSince,
      createdAt,
      updatedAt,
      ...fields
    } = moved;
    await b.ok('models.update', { ...fields, riskTier: 'high', expectedUpdatedAt: updatedAt });
    expect((await b.ok('portfolio.client', { clientId })).productionLackingEvidence).toEqual([
      { modelId, name: 'Churn model', riskTier: 'high', championLabel: 'v1', missing: ['an explainability report'] },
    ]);

    // Once the champion leaves production, nothing serves it: the list says none, the fact says so.
    const open = (await b.ok('deployments.list', { modelId })).rows.find((d) => d.environmentId === prod && d.to === null);
    await b.ok('deployments.end', { id: open?.id ?? '', at: '2026-11-20T10:00:00.000Z' });
    expect((await b.ok('models.list', {})).rows[0]).toMatchObject({ championLabel: null, championSince: null });
    expect((await b.ok('portfolio.client', { clientId })).productionLackingEvidence).toMatchObject([{ championLabel: null, missing: [] }]);
  });
});
