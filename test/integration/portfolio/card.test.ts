import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';
import { chromiumPdfRenderer, pdfPagePng, pdfPages, pdfText, pdfToolsMissing } from '../../support/pdf';

/** Today is Tuesday 24 November 2026. */
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));
/** Where the rendered card's first page is left to look at. */
const SHOTS = process.env.KEEL_SHOTS ?? '/tmp/shots-area-card';

let b: TestBackend;
let modelId: string;
let ownerId: string;
let builderId: string;
let engagementId: string;

const NARRATIVE = {
  intendedUse: 'Probability of default for retail loan applications, feeding the credit decision.',
  outOfScopeUses: 'Corporate lending, collections, pricing.',
  users: 'Credit officers in the branch network; model risk for monitoring.',
  limitations: 'Thin-file applicants (under 12 months of history) score with wide uncertainty.',
  ethicalConsiderations: 'Disparate impact by age band and nationality tested each quarter; no protected attribute is an input.',
  caveats: '',
};

async function setUp(backend: TestBackend) {
  const clientId = (await backend.ok('clients.create', validClient)).id;
  engagementId = (await backend.ok('engagements.create', validEngagement(clientId))).id;
  ownerId = (await backend.ok('contacts.create', { clientId, name: 'Dr. Katrin Meier', title: 'Head of Credit Risk' })).id;
  builderId = (await backend.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] })).id;
  modelId = (
    await backend.ok('models.create', {
      clientId,
      engagementId,
      name: 'Retail credit PD scorecard',
      useCase: 'Probability of default for retail loans.',
      businessOwnerId: ownerId,
      riskTier: 'critical',
      aiActCategory: 'high',
      regulatedDomain: 'credit',
      kind: 'classical_ml',
      serving: 'batch',
      inServiceSince: '2026-02-02',
      stage: 'pilot',
    })
  ).id;
}

describe('the model card on real SQLite', () => {
  beforeEach(async () => {
    b = openTestBackend({ clock });
    await setUp(b);
  });
  afterEach(() => b.dispose());

  it('is derived from the record; the narrative edit is audited and decides the policy’s “complete model card”', async () => {
    const v1 = await b.ok('versions.create', {
      modelId,
      label: 'v1.0',
      builtBy: { kind: 'specialist', id: builderId },
      registeredOn: '2026-06-01',
      trainingData: 'loans_2019_2025 · sha256:9f2c',
      evaluations: [{ metric: 'AUC', value: 0.81, dataset: 'holdout 2025' }],
    });
    expect(v1.missing).toContain('model_card');
    const empty = await b.ok('models.card', { id: modelId });
    expect(empty).toMatchObject({ modelId, updatedAt: null, narrative: { intendedUse: '', users: '' } });
    expect(empty.card.incomplete).toEqual(['intendedUse', 'users', 'limitations', 'ethics']);
    expect(empty.card.sections.find((s) => s.id === 'owners')?.blocks[0]).toMatchObject({
      rows: [{ label: 'Business owner', value: 'Dr. Katrin Meier' }, { label: 'Client' }, { label: 'Engagement' }],
    });

    const audits = b.auditCount();
    const saved = await b.ok('models.updateCard', { id: modelId, ...NARRATIVE, expectedUpdatedAt: null });
    expect(saved.updatedAt).toBe('2026-11-24T09:00:00.000Z');
    expect(saved.card.complete).toBe(true);
    expect(b.auditCount()).toBe(audits + 1);
    const row = b.db
      .prepare("SELECT entity, entity_id, label, action, before_json, after_json FROM audit_log WHERE entity = 'model_card'")
      .get() as Record<string, string>;
    expect(row).toMatchObject({
      entity: 'model_card',
      entity_id: modelId,
      label: 'Retail credit PD scorecard: model card',
      action: 'update',
    });
    // Only what changed, before and after (the caveats stayed empty).
    expect(JSON.parse(row.before_json ?? '')).toEqual({
      intendedUse: '',
      outOfScopeUses: '',
      users: '',
      limitations: '',
      ethicalConsiderations: '',
    });
    expect(Object.keys(JSON.parse(row.after_json ?? ''))).not.toContain('caveats');
    // The gate now finds the card complete.
    const versions = await b.ok('versions.list', { modelId });
    expect(versions.versions[0]?.missing).not.toContain('model_card');

    // Saving the same narrative again changes and audits nothing.
    await b.ok('models.updateCard', { id: modelId, ...NARRATIVE, expectedUpdatedAt: saved.updatedAt });
    expect(b.auditCount()).toBe(audits + 1);
    // Clearing a field makes the card, and the gate, incomplete again.
    const cleared = await b.ok('models.updateCard', { id: modelId, ...NARRATIVE, users: '', expectedUpdatedAt: saved.updatedAt });
    expect(cleared.card.incomplete).toEqual(['users']);
    expect((await b.ok('versions.list', { modelId })).versions[0]?.missing).toContain('model_card');
  });

  it('refuses a stale edit and an unknown model in a sentence, and writes nothing', async () => {
    const first = await b.ok('models.updateCard', { id: modelId, ...NARRATIVE, expectedUpdatedAt: null });
    const audits = b.auditCount();
    // Someone saved since this editor opened the empty card.
    const stale = await b.call('models.updateCard', { id: modelId, ...NARRATIVE, users: 'Everyone', expectedUpdatedAt: null });
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Retail credit PD scorecard’s card was changed by someone else since you opened it. Reload it, then apply your change again.',
      },
    });
    const older = await b.call('models.updateCard', {
      id: modelId,
      ...NARRATIVE,
      users: 'Everyone',
      expectedUpdatedAt: '2026-11-01T00:00:00.000Z',
    });
    expect(older).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const unknown = await b.call('models.updateCard', { id: '01890000-0000-7000-8000-000000000000', ...NARRATIVE });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(b.auditCount()).toBe(audits);
    expect((await b.ok('models.card', { id: modelId })).narrative.users).toBe(first.narrative.users);
  });

  it('exports the card as Markdown, and in browser mode hands the printable page over instead of a PDF', async () => {
    await b.ok('models.updateCard', { id: modelId, ...NARRATIVE, users: 'Credit officers *only*' });
    const md = await b.ok('models.cardMarkdown', { id: modelId });
    expect(md.fileName).toBe('model-card-retail-credit-pd-scorecard-2026-11-24.md');
    const text = Buffer.from(md.base64, 'base64').toString('utf8');
    expect(md.bytes).toBe(Buffer.byteLength(text));
    expect(text).toContain('# Model card: Retail credit PD scorecard');
    expect(text).toContain('Credit officers \\*only\\*');
    const page = await b.ok('models.cardPdf', { id: modelId });
    expect(page.kind).toBe('html');
    if (page.kind !== 'html') return;
    expect(page.fileName).toBe('model-card-retail-credit-pd-scorecard-2026-11-24.pdf');
    expect(page.html).toContain('<h1>Model card: Retail credit PD scorecard</h1>');
    expect(page.html).toContain('Generated by Keel on 24 Nov 2026 at 09:00 UTC');
  });
});

const missingTools = pdfToolsMissing();
if (missingTools) console.warn(`The model card's PDF tests are skipped: ${missingTools}`);

describe.skipIf(missingTools !== null)('the model card as a PDF (Chromium via playwright-core, poppler-utils)', () => {
  let renderer: Awaited<ReturnType<typeof chromiumPdfRenderer>>;
  beforeAll(async () => {
    renderer = await chromiumPdfRenderer();
  });
  afterAll(async () => {
    await renderer?.close();
  });

  it('renders the card with the function the backend was given: a PDF with the model’s name, the client and the sections', async () => {
    b = openTestBackend({ clock, renderPdf: renderer.renderPdf });
    try {
      await setUp(b);
      await b.ok('models.updateCard', { id: modelId, ...NARRATIVE });
      await b.ok('versions.create', {
        modelId,
        label: 'v1.0',
        builtBy: { kind: 'specialist', id: builderId },
        registeredOn: '2026-06-01',
        trainingData: 'loans_2019_2025 · sha256:9f2c',
        evaluations: [
          { metric: 'AUC', value: 0.81, dataset: 'holdout 2025' },
          { metric: 'KS', value: 0.47, dataset: 'holdout 2025' },
        ],
      });
      const file = await b.ok('models.cardPdf', { id: modelId });
      expect(file.kind).toBe('pdf');
      if (file.kind !== 'pdf') return;
      const pdf = Buffer.from(file.base64, 'base64');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(file.bytes).toBe(pdf.length);
      const text = pdfText(pdf, b.dir);
      expect(text).toContain('Model card: Retail credit PD scorecard');
      expect(text).toContain('Helvetic Insurance AG');
      expect(text).toContain('Fairness and ethical considerations');
      expect(text).toContain('Generated by Keel on 24 Nov 2026');
      // The running header is on every page.
      const pages = pdfPages(pdf, b.dir);
      expect(pages).toBeGreaterThan(1);
      expect(
        text
          .split('\f')
          .filter((p) => p.trim() !== '')
          .every((p) => p.includes('Model card: Retail credit PD scorecard')),
      ).toBe(true);
      pdfPagePng(pdf, SHOTS, 'model-card-page-1');
      pdfPagePng(pdf, SHOTS, 'model-card-page-2', 2);
    } finally {
      b.dispose();
    }
  });
  it('renders the audit pack: card, versions and approvals, the timeline with the rollback marked, stages and the audit trail', async () => {
    b = openTestBackend({ clock, renderPdf: renderer.renderPdf });
    try {
      await setUp(b);
      const model = await b.ok('models.create', {
        clientId: (await b.ok('models.get', { id: modelId })).clientId,
        engagementId,
        name: 'Churn model',
        useCase: 'Which subscribers are about to cancel.',
        businessOwnerId: ownerId,
        riskTier: 'low',
        aiActCategory: 'minimal',
        kind: 'classical_ml',
        serving: 'batch',
        inServiceSince: '2026-02-02',
        stage: 'pilot',
      });
      const prod = (await b.ok('environments.create', { engagementId, name: 'Production', production: true })).id;
      const version = async (label: string, on: string) => {
        const v = await b.ok('versions.create', {
          modelId: model.id,
          label,
          builtBy: { kind: 'specialist', id: builderId },
          registeredOn: on,
          trainingData: `subscribers until ${on}`,
          evaluations: [{ metric: 'AUC', value: 0.8, dataset: 'holdout' }],
        });
        await b.ok('approvals.create', {
          versionId: v.id,
          approver: { kind: 'contact', id: ownerId },
          decision: 'approved_with_conditions',
          decidedOn: on,
          conditions: 'Weekly drift report',
        });
        return v.id;
      };
      const v1 = await version('v1', '2026-03-02');
      const v2 = await version('v2', '2026-06-01');
      await b.ok('deployments.create', {
        modelId: model.id,
        versionId: v1,
        environmentId: prod,
        alias: 'champion',
        from: '2026-03-10T08:00:00.000Z',
      });
      const challenger = await b.ok('deployments.create', {
        modelId: model.id,
        versionId: v2,
        environmentId: prod,
        alias: 'challenger',
        from: '2026-06-02T08:00:00.000Z',
      });
      await b.ok('deployments.promote', { id: challenger.id, at: '2026-07-01T06:00:00.000Z' });
      await b.ok('deployments.rollback', {
        modelId: model.id,
        versionId: v1,
        environmentId: prod,
        at: '2026-07-03T14:30:00.000Z',
        reason: 'Latency regression in v2',
      });
      await b.ok('models.moveStage', { id: model.id, to: 'production', on: '2026-07-06', reason: '' });
      await b.ok('models.updateCard', { id: model.id, ...NARRATIVE, intendedUse: 'Retention campaigns.' });

      const file = await b.ok('models.auditPackPdf', { id: model.id });
      expect(file).toMatchObject({ kind: 'pdf', fileName: 'audit-pack-churn-model-2026-11-24.pdf' });
      if (file.kind !== 'pdf') return;
      const pdf = Buffer.from(file.base64, 'base64');
      const text = pdfText(pdf, b.dir);
      for (const heading of [
        'Model card: Churn model',
        'Version history and approvals',
        'Deployment timeline',
        'Stage history',
        'Audit trail',
      ])
        expect(text).toContain(heading);
      // The rollback is marked with its reason (the cell wraps in the printed table).
      expect(text).toContain('Rollback: Latency');
      expect(text).toContain('regression in v2');
      expect(text).toContain('Pilot → Production');
      expect(text).toContain('Weekly drift report');
      // The card serves what production runs now: v1 again, after the rollback.
      expect(text).toMatch(/v1\s+Champion\s+Production\s+3 Jul 2026/);
      // The trail names the card's edit and the rollback's deployment, under the model.
      expect(text).toContain('Model card changed');
      expect(text).toContain('Deployment created');
      expect(pdfPages(pdf, b.dir)).toBeGreaterThanOrEqual(5);
      const pages = text.split('\f');
      const timeline = pages.findIndex((p) => p.includes('Deployment timeline'));
      pdfPagePng(pdf, SHOTS, 'audit-pack-page-1');
      pdfPagePng(pdf, SHOTS, 'audit-pack-timeline', timeline + 1);
      pdfPagePng(pdf, SHOTS, 'audit-pack-trail', pages.findIndex((p) => p.includes('Audit trail')) + 1);
    } finally {
      b.dispose();
    }
  });
});
