import { auditPackHtml, changeText, valueText } from '@shared/portfolio/rules/auditPack';
import { deriveCard, EMPTY_NARRATIVE } from '@shared/portfolio/rules/card';
import { describe, expect, it } from 'vitest';

const card = deriveCard({
  model: {
    name: 'Churn <model>',
    clientName: 'Acme',
    engagementName: null,
    useCase: 'Churn',
    businessOwnerName: null,
    outcomeMetric: '',
    outcomeUnit: '',
    outcomeBaseline: null,
    outcomeTarget: null,
    riskTier: 'low',
    aiActCategory: 'minimal',
    regulatedDomain: 'none',
    kind: 'classical_ml',
    serving: 'batch',
    dataSources: [],
    inServiceSince: '2026-01-05',
    stage: 'production',
    stageSince: '2026-03-02',
  },
  narrative: EMPTY_NARRATIVE,
  versions: [],
  production: [],
  asOf: '2026-12-06',
});

const pack = (over: Partial<Parameters<typeof auditPackHtml>[0]> = {}) =>
  auditPackHtml(
    {
      card,
      policyVersion: 2,
      versions: [
        {
          label: 'v2',
          builtByName: 'Ana',
          registeredOn: '2026-05-01',
          trainingData: '',
          evaluations: [],
          evidence: [{ kind: 'access_review', text: 'IAM review <Q2>', link: 'https://wiki.example/iam' }],
          notes: '',
          missing: ['approval', 'evaluation_results'],
          approvals: [],
        },
        {
          label: 'v1',
          builtByName: 'Ana',
          registeredOn: '2026-02-01',
          trainingData: 'events 2025',
          evaluations: [{ metric: 'AUC', value: 0.7, dataset: 'holdout' }],
          evidence: [],
          notes: '',
          missing: [],
          approvals: [
            {
              approverName: 'Bo',
              decision: 'approved_with_conditions',
              decidedOn: '2026-02-10',
              evidenceText: 'Memo',
              evidenceLink: '',
              conditions: 'Monthly review',
            },
          ],
        },
      ],
      deployments: [
        {
          versionLabel: 'v1',
          alias: 'champion',
          trafficPercent: null,
          environmentName: 'Prod',
          production: true,
          from: '2026-06-01T08:00:00.000Z',
          to: null,
          rollbackReason: 'v2 drifted on new stores',
        },
        {
          versionLabel: 'v2',
          alias: 'canary',
          trafficPercent: 10,
          environmentName: 'Prod',
          production: true,
          from: '2026-05-10T08:00:00.000Z',
          to: '2026-06-01T08:00:00.000Z',
          rollbackReason: '',
        },
      ],
      transitions: [
        { on: '2026-01-05', fromStage: null, toStage: 'idea', reason: '', actor: 'ana', createdAt: '2026-01-05T09:00:00.000Z' },
        { on: '2026-03-02', fromStage: 'idea', toStage: 'production', reason: '', actor: 'ana', createdAt: '2026-03-02T09:00:00.000Z' },
      ],
      daysPerStage: { idea: 56, prototype: 0, pilot: 0, production: 279, retired: 0 },
      audit: [
        {
          at: '2026-06-01T08:00:00.000Z',
          actor: 'ana',
          entityLabel: 'Deployment',
          label: 'Churn v1: rollback',
          action: 'create',
          before: null,
          after: { id: '01890000-0000-7000-8000-000000000000', alias: 'champion', from: '2026-06-01T08:00:00.000Z' },
        },
      ],
      auditCut: null,
      ...over,
    },
    '2026-12-06T10:15:00.000Z',
  );

describe('the audit pack as a printed page', () => {
  it('holds the card, versions with approvals, the timeline with its rollback marked, the stages and the trail, each on pages of its own', () => {
    const html = pack();
    expect(html.match(/<div class="part">/g)).toHaveLength(5);
    expect(html).toContain('<h1>Model card: Churn &#60;model&#62;</h1>');
    expect(html).toContain('<h1>Version history and approvals</h1>');
    expect(html).toContain('Judged against the client’s promotion policy, version 2.');
    expect(html).toContain('Lacks an approval and evaluation results');
    expect(html).toContain('Access review: IAM review &#60;Q2&#62; (https://wiki.example/iam)');
    expect(html).toContain('<td>Approved with conditions</td><td>Bo</td>');
    expect(html).toContain('2 deployments, newest first; 1 rollback, marked.');
    expect(html).toContain('<td>Rollback: v2 drifted on new stores</td>');
    expect(html).toContain('<td>Canary (10%)</td><td>Prod (production)</td>');
    expect(html).toContain('<td>still serving</td>');
    expect(html).toContain('<td>Idea → Production</td>');
    expect(html).toContain('Deployment created\nChurn v1: rollback');
    expect(html).toContain('Alias: champion\nFrom: 1 Jun 2026 08:00 UTC');
    expect(html).toContain('<header class="run-head"><span>Audit pack: Churn &#60;model&#62;</span><span>Acme</span></header>');
    expect(html).not.toContain('The newest');
    expect(pack({ auditCut: 5000 })).toContain('The newest 5000 entries of a longer trail.');
  });

  it('words what an audit entry changed: ids never shown, dates as dates, long text cut', () => {
    expect(changeText({ stage: 'pilot', stageSince: '2026-03-02' }, { stage: 'production', stageSince: '2026-05-04' })).toBe(
      'Stage: pilot → production\nStage since: 2 Mar 2026 → 4 May 2026',
    );
    expect(changeText({ users: '', updatedAt: 'x' }, { users: 'SIU', updatedAt: 'y' })).toBe('Users: — → SIU');
    expect(changeText(null, { id: 'x', versionId: '01890000-0000-7000-8000-000000000000', alias: 'shadow' })).toBe('Alias: shadow');
    expect(changeText({ versionId: '01890000-0000-7000-8000-000000000000' }, { versionId: '01890000-0000-7000-8000-000000000001' })).toBe(
      'Version: changed',
    );
    expect(changeText({ a: 1 }, { a: 1 })).toBe('no field changed');
    expect(valueText('x'.repeat(500))).toHaveLength(160);
    expect(valueText(['a', 'b'])).toBe('a, b');
    expect(valueText(true)).toBe('yes');
  });
});
