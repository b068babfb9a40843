import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';

/** Today is Tuesday 24 November 2026. */
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));

let b: TestBackend;
let clientId: string;
let modelId: string;
let ownerId: string;
let builderId: string;

beforeEach(async () => {
  b = openTestBackend({ clock });
  clientId = (await b.ok('clients.create', validClient)).id;
  const engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id;
  ownerId = (await b.ok('contacts.create', { clientId, name: 'Lukas Brunner', title: 'Model Risk Manager' })).id;
  builderId = (await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] })).id;
  modelId = (
    await b.ok('models.create', {
      clientId,
      engagementId,
      name: 'Retail credit PD scorecard',
      riskTier: 'high',
      aiActCategory: 'limited',
      kind: 'classical_ml',
      serving: 'batch',
      inServiceSince: '2026-02-02',
      stage: 'prototype',
    })
  ).id;
});
afterEach(() => b.dispose());

const version = (over: Record<string, unknown> = {}) => ({
  modelId,
  label: 'v1.0',
  builtBy: { kind: 'specialist' as const, id: builderId },
  registeredOn: '2026-06-01',
  trainingData: 'loans_2019_2025 · Jan 2019–Dec 2025 · sha256:9f2c',
  evaluations: [{ metric: 'AUC', value: 0.81, dataset: 'holdout 2025' }],
  ...over,
});

describe('versions and the promotion policy', () => {
  it('are gated by the default policy, each missing piece named, until the evidence and an independent approval are there', async () => {
    const view = await b.ok('versions.list', { modelId });
    // High risk: independent approval, evaluation results, training data, lineage; limited: an explainability report.
    expect(view).toMatchObject({
      policyVersion: 0,
      required: ['independent_approval', 'evaluation_results', 'training_data', 'explainability_report', 'data_lineage'],
      versions: [],
    });
    const audits = b.auditCount();
    const v1 = await b.ok('versions.create', version());
    expect(b.auditCount()).toBe(audits + 1);
    expect(v1).toMatchObject({ builtByName: 'Ana Ionescu', missing: ['independent_approval', 'explainability_report', 'data_lineage'] });

    const self = await b.call('approvals.create', {
      versionId: v1.id,
      approver: { kind: 'specialist', id: builderId },
      decision: 'approved',
      decidedOn: '2026-06-02',
    });
    expect(self).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Ana Ionescu built version v1.0 of Retail credit PD scorecard; the promotion policy asks for an independent approver for this model (High risk, Limited risk).',
      },
    });
    expect(b.auditCount()).toBe(audits + 1);

    const approved = await b.ok('approvals.create', {
      versionId: v1.id,
      approver: { kind: 'contact', id: ownerId },
      decision: 'approved',
      decidedOn: '2026-06-03',
      evidenceText: 'Validation report VR-2026-14',
      evidenceLink: 'https://wiki.example.com/vr-2026-14',
    });
    expect(approved.missing).toEqual(['explainability_report', 'data_lineage']);
    expect(approved.approvals).toMatchObject([{ approverName: 'Lukas Brunner', decision: 'approved' }]);
    const entry = b.db.prepare("SELECT action, label, after_json FROM audit_log WHERE entity = 'model_approval'").get() as {
      action: string;
      label: string;
      after_json: string;
    };
    expect(entry).toMatchObject({ action: 'approve', label: 'Retail credit PD scorecard v1.0: approved' });
    expect(JSON.parse(entry.after_json)).toMatchObject({ policyVersion: 0 });

    // A later rejection withdraws it.
    const rejected = await b.ok('approvals.create', {
      versionId: v1.id,
      approver: { kind: 'contact', id: ownerId },
      decision: 'rejected',
      decidedOn: '2026-06-10',
    });
    expect(rejected.missing).toEqual(['independent_approval', 'explainability_report', 'data_lineage']);

    const v2 = await b.ok('versions.create', {
      ...version({ label: 'v1.1', registeredOn: '2026-07-01' }),
      evidence: [
        { kind: 'explainability_report', text: 'SHAP summary', link: 'https://wiki.example.com/shap' },
        { kind: 'data_lineage', text: 'OpenLineage graph' },
      ],
    });
    expect(v2.missing).toEqual(['independent_approval']);
  });

  it('refuse a duplicate label, a builder from another client, dates outside the model’s history, and write nothing', async () => {
    await b.ok('versions.create', version());
    const before = b.auditCount();
    expect(await b.call('versions.create', version({ label: 'V1.0' }))).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Retail credit PD scorecard already has a version labelled “v1.0”.',
        issues: [{ path: 'label' }],
      },
    });
    expect(await b.call('versions.create', version({ label: 'v0', registeredOn: '2026-01-30' }))).toMatchObject({
      ok: false,
      error: { message: 'Registered on cannot be before Retail credit PD scorecard entered service (2 Feb 2026).' },
    });
    expect(await b.call('versions.create', version({ label: 'v9', registeredOn: '2026-11-25' }))).toMatchObject({
      ok: false,
      error: { message: 'Registered on cannot be after today (24 Nov 2026).' },
    });
    const v = (await b.ok('versions.list', { modelId })).versions[0];
    expect(
      await b.call('approvals.create', {
        versionId: v?.id,
        approver: { kind: 'contact', id: ownerId },
        decision: 'approved',
        decidedOn: '2026-05-31',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'The decision date cannot be before version v1.0 was registered (1 Jun 2026).' },
    });
    expect(
      await b.call('approvals.create', {
        versionId: v?.id,
        approver: { kind: 'contact', id: ownerId },
        decision: 'approved_with_conditions',
        decidedOn: '2026-06-02',
      }),
    ).toMatchObject({ ok: false, error: { message: 'An approval with conditions needs its conditions written down.' } });
    expect(b.auditCount()).toBe(before);
    expect((b.db.prepare('SELECT count(*) AS n FROM model_approval').get() as { n: number }).n).toBe(0);
  });

  it('take a client’s own policy, versioned; the gate follows the latest', async () => {
    const v1 = await b.ok('versions.create', version());
    const own = structuredClone((await b.ok('policy.get', { clientId })).policy);
    own.name = 'Helvetic model risk policy';
    own.evidence.riskTier.high = ['approval', 'evaluation_results'];
    own.evidence.aiActCategory.limited = [];
    const updated = await b.ok('policy.update', { clientId, policy: own });
    expect(updated).toMatchObject({ version: 1, createdBy: 'tester', history: [{ version: 1 }] });
    const view = await b.ok('versions.list', { modelId });
    expect(view.policyVersion).toBe(1);
    expect(view.versions.find((v) => v.id === v1.id)?.missing).toEqual(['approval']);
    // A self-approval is fine where the policy does not ask for an independent one.
    const self = await b.ok('approvals.create', {
      versionId: v1.id,
      approver: { kind: 'specialist', id: builderId },
      decision: 'approved',
      decidedOn: '2026-06-02',
    });
    expect(self.missing).toEqual([]);
    expect((await b.ok('policy.update', { clientId, policy: own })).version).toBe(2);
  });
});
