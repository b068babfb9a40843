import { createRequire } from 'node:module';
import { fromFormulaSafe } from '@backend/core/excel';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestBackend,
  otherClient,
  otherEngagement,
  type TestBackend,
  validClient,
  validEngagement,
  validSpecialist,
} from '../../support/backend';

/**
 * The portfolio workbook and a model's audit pack, exported through the
 * contract on a real SQLite file and reopened with exceljs: every sheet's
 * rows, real dates, formula-safe text, and row counts equal to the database.
 * Now is Tuesday 24 November 2026, 09:00 UTC.
 */

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));
const DANGEROUS = /^[=+\-@\t\r\n]/;

let b: TestBackend;
let clientId: string;
let otherClientId: string;
let hostileId: string;
let churnId: string;
let v1: string;
let v2: string;

async function open(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet as objects keyed by its header row. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): Record<string, ExcelJS.CellValue>[] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return rows;
}

const count = (sql: string, ...params: unknown[]) => (b.db.prepare(sql).get(...params) as { n: number }).n;
const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

beforeAll(async () => {
  b = openTestBackend({ clock });
  clientId = (await b.ok('clients.create', validClient)).id;
  const engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id;
  otherClientId = (await b.ok('clients.create', otherClient)).id;
  const otherEngagementId = (await b.ok('engagements.create', otherEngagement(otherClientId))).id;
  const approver = (await b.ok('contacts.create', { clientId, name: 'Lukas Brunner', title: 'Head of Risk' })).id;
  const builder = (await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] })).id;
  const base = { riskTier: 'low', aiActCategory: 'minimal', kind: 'classical_ml', serving: 'batch' } as const;
  hostileId = (
    await b.ok('models.create', {
      ...base,
      clientId,
      engagementId,
      name: '=1+1',
      notes: '@SUM(A1)',
      useCase: '+cmd|calc',
      tags: ['-risky'],
      businessOwnerId: approver,
      inServiceSince: '2026-02-02',
      stage: 'pilot',
      outcomeMetric: 'Claims handled',
      outcomeUnit: 'per day',
      outcomeBaseline: 120,
      outcomeTarget: 150,
      repositoryLink: 'https://git.example.com/claims',
    })
  ).id;
  churnId = (await b.ok('models.create', { ...base, clientId, engagementId, name: 'Churn model', inServiceSince: '2026-03-02' })).id;
  await b.ok('models.create', {
    ...base,
    clientId: otherClientId,
    engagementId: otherEngagementId,
    name: 'Demand forecast',
    riskTier: 'medium',
    inServiceSince: '2026-04-01',
    stage: 'prototype',
  });
  const prod = (await b.ok('environments.create', { engagementId, name: 'Production', production: true })).id;
  await b.ok('environments.create', { engagementId, name: 'Staging', production: false });
  const version = async (label: string, on: string) => {
    const v = await b.ok('versions.create', {
      modelId: hostileId,
      label,
      builtBy: { kind: 'specialist', id: builder },
      registeredOn: on,
      trainingData: 'claims 2025, sha256:ab12',
      evaluations: [{ metric: 'AUC', value: 0.81, dataset: 'holdout 2025-Q4' }],
      evidence: [{ kind: 'fairness_test', text: '=report in the wiki', link: 'https://wiki.example.com/fairness' }],
    });
    await b.ok('approvals.create', {
      versionId: v.id,
      approver: { kind: 'contact', id: approver },
      decision: 'approved',
      decidedOn: on,
      evidenceText: '-signed off in the risk committee',
    });
    return v.id;
  };
  v1 = await version('v1', '2026-03-02');
  v2 = await version('v2', '2026-06-01');
  await b.ok('deployments.create', {
    modelId: hostileId,
    versionId: v1,
    environmentId: prod,
    alias: 'champion',
    from: '2026-03-03T08:00:00.000Z',
  });
  await b.ok('models.moveStage', { id: hostileId, to: 'production', on: '2026-03-04', reason: 'Champion serving' });
  const challenger = await b.ok('deployments.create', {
    modelId: hostileId,
    versionId: v2,
    environmentId: prod,
    alias: 'canary',
    trafficPercent: 10,
    from: '2026-06-02T08:00:00.000Z',
  });
  await b.ok('deployments.promote', { id: challenger.id, at: '2026-07-01T08:00:00.000Z' });
  // A new policy version: the rollback's gate runs under it.
  await b.ok('policy.update', {
    clientId,
    policy: {
      name: 'Helvetic policy',
      evidence: {
        riskTier: { low: ['approval'], medium: ['approval'], high: ['independent_approval'], critical: ['independent_approval'] },
        aiActCategory: { minimal: [], limited: [], high: ['fairness_test'], prohibited: [] },
      },
    },
  });
  await b.ok('deployments.rollback', {
    modelId: hostileId,
    versionId: v1,
    environmentId: prod,
    at: '2026-08-01T08:00:00.000Z',
    reason: '=latency regression on v2',
  });
});
afterAll(() => b.dispose());

describe('the portfolio workbook', () => {
  it('holds every model, version, approval, deployment and stage change, as many rows as the database', async () => {
    const before = b.auditCount();
    const file = await b.ok('portfolio.export', {});
    expect(file.fileName).toBe('keel-portfolio-2026-11-24.xlsx');
    expect(b.auditCount()).toBe(before);
    const workbook = await open(file.base64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Models', 'Versions', 'Approvals', 'Deployments', 'Stage history', 'About']);
    expect(rowsOf(workbook, 'Models')).toHaveLength(count('SELECT count(*) AS n FROM model'));
    expect(rowsOf(workbook, 'Versions')).toHaveLength(count('SELECT count(*) AS n FROM model_version'));
    expect(rowsOf(workbook, 'Approvals')).toHaveLength(count('SELECT count(*) AS n FROM model_approval'));
    expect(rowsOf(workbook, 'Deployments')).toHaveLength(count('SELECT count(*) AS n FROM deployment'));
    expect(rowsOf(workbook, 'Stage history')).toHaveLength(count('SELECT count(*) AS n FROM model_stage_transition'));
    for (const sheet of workbook.worksheets.slice(0, 5)) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    }
  });

  it('writes the models in the list’s order with their fields in words, real dates and the champion in production', async () => {
    const workbook = await open((await b.ok('portfolio.export', { sort: 'name', direction: 'asc' })).base64);
    const models = rowsOf(workbook, 'Models');
    expect(models.map((m) => fromFormulaSafe(String(m.Model)))).toEqual(['=1+1', 'Churn model', 'Demand forecast']);
    const hostile = models[0];
    expect(hostile).toMatchObject({
      Client: 'Helvetic Insurance AG',
      Engagement: 'Claims model operations',
      Stage: 'Production',
      'Risk tier': 'Low',
      'EU AI Act category': 'Minimal risk',
      'Regulated domain': 'None',
      Kind: 'Classical ML',
      Serving: 'Batch',
      'Champion in production': 'v1 in Production',
      Versions: 2,
      'Business owner': 'Lukas Brunner',
      Baseline: 120,
      Target: 150,
      Repository: 'https://git.example.com/claims',
      'Model id': hostileId,
    });
    expect(hostile?.['Stage since']).toEqual(utc(2026, 3, 4));
    expect(hostile?.['In service since']).toEqual(utc(2026, 2, 2));
    expect(hostile?.['Champion since (UTC)']).toEqual(utc(2026, 8, 1, 8));
    expect(hostile?.['Days in stage']).toBe(265);
    const churn = models[1];
    expect(churn).toMatchObject({ Stage: 'Idea', 'Champion in production': null, Versions: 0, Engagement: 'Claims model operations' });
  });

  it('keeps hostile text as text: a leading apostrophe, never a formula', async () => {
    const workbook = await open((await b.ok('portfolio.export', {})).base64);
    const hostile = rowsOf(workbook, 'Models').find((m) => m['Model id'] === hostileId);
    expect(hostile).toMatchObject({ Model: "'=1+1", Notes: "'@SUM(A1)", 'Use case': "'+cmd|calc", Tags: "'-risky" });
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(DANGEROUS);
        }),
      );
    }
    const deployments = rowsOf(workbook, 'Deployments');
    expect(deployments.find((d) => d.Rollback === 'Yes')?.['Rollback reason']).toBe("'=latency regression on v2");
  });

  it('writes the deployment timeline with real date-times, the canary’s traffic, and the rollback marked', async () => {
    const workbook = await open((await b.ok('portfolio.export', {})).base64);
    const rows = rowsOf(workbook, 'Deployments');
    expect(rows.map((d) => [d.Version, d.Alias, d.Status, d.Rollback])).toEqual([
      ['v1', 'Champion', 'Ended', null],
      ['v2', 'Canary', 'Ended', null],
      ['v2', 'Champion', 'Ended', null],
      ['v1', 'Champion', 'Serving', 'Yes'],
    ]);
    expect(rows[1]).toMatchObject({ Traffic: 0.1, Environment: 'Production', Production: 'Yes' });
    expect(rows[0]?.['From (UTC)']).toEqual(utc(2026, 3, 3, 8));
    expect(rows[0]?.['To (UTC)']).toEqual(utc(2026, 7, 1, 8));
    expect(rows[3]?.['To (UTC)']).toBeNull();
    const sheet = workbook.getWorksheet('Deployments');
    const fill = sheet?.getRow(5).getCell(1).fill as ExcelJS.FillPattern | undefined;
    expect(fill?.fgColor?.argb).toBe('FFFFF2CC');
    expect(sheet?.getRow(5).getCell(1).value).toBe('Helvetic Insurance AG');
    const approvals = rowsOf(workbook, 'Approvals');
    expect(approvals[0]).toMatchObject({ Version: 'v1', Approver: 'Lukas Brunner', Independent: 'Yes', Decision: 'Approved' });
    expect(approvals[0]?.['Decided on']).toEqual(utc(2026, 3, 2));
    const stages = rowsOf(workbook, 'Stage history').filter((t) => t.Model === "'=1+1");
    expect(stages.map((t) => [t['From stage'], t['To stage'], t.Reason])).toEqual([
      ['Registered', 'Pilot', null],
      ['Pilot', 'Production', 'Champion serving'],
    ]);
  });

  it('applies the list’s filters and names them in About and the file name', async () => {
    const file = await b.ok('portfolio.export', { clientId: otherClientId, stage: 'prototype' });
    expect(file.fileName).toBe('keel-portfolio-nordhafen-logistik-gmbh-2026-11-24.xlsx');
    const workbook = await open(file.base64);
    expect(rowsOf(workbook, 'Models').map((m) => m.Model)).toEqual(['Demand forecast']);
    expect(rowsOf(workbook, 'Versions')).toEqual([]);
    const about = Object.fromEntries(rowsOf(workbook, 'About').map((r) => [r['About this workbook'], r.Value]));
    expect(about.Models).toBe('Client: Nordhafen Logistik GmbH; Stage: Prototype');
    expect(about['Models (rows)']).toBe(1);
    expect(about['As of']).toEqual(utc(2026, 11, 24));
    expect(about['Generated at (UTC)']).toEqual(utc(2026, 11, 24, 9));
    const cell = workbook.getWorksheet('About')?.getRow(4).getCell(2);
    expect(cell?.numFmt).toBe('yyyy-mm-dd');
  });
});

describe('an empty selection', () => {
  it('gives a workbook of headers only, with About saying so', async () => {
    const workbook = await open((await b.ok('portfolio.export', { stage: 'retired' })).base64);
    for (const name of ['Models', 'Versions', 'Approvals', 'Deployments', 'Stage history']) expect(rowsOf(workbook, name)).toEqual([]);
    const about = Object.fromEntries(rowsOf(workbook, 'About').map((r) => [r['About this workbook'], r.Value]));
    expect(about).toMatchObject({ Models: 'Stage: Retired', 'Models (rows)': 0 });
  });
});

describe('the audit pack workbook', () => {
  it('holds the model’s record, versions, approvals, deployments, stages and its whole audit trail', async () => {
    const before = b.auditCount();
    const file = await b.ok('models.exportAuditPack', { id: hostileId });
    expect(file.fileName).toBe('keel-audit-pack-1-1-2026-11-24.xlsx');
    expect(b.auditCount()).toBe(before);
    const workbook = await open(file.base64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Model',
      'Versions',
      'Approvals',
      'Deployments',
      'Stage history',
      'Audit trail',
    ]);
    const fields = Object.fromEntries(rowsOf(workbook, 'Model').map((r) => [r.Field, r.Value]));
    expect(fields).toMatchObject({
      Model: "'=1+1",
      Client: 'Helvetic Insurance AG',
      'Champion in production': 'v1 in Production',
      'Promotion policy in force': 'Version 1: Helvetic policy',
      'What the policy asks before production': 'an approval',
      'Days in pilot': 30,
      'Days in production': 265,
    });
    expect(fields['In service since']).toEqual(utc(2026, 2, 2));
    expect(rowsOf(workbook, 'Versions')).toHaveLength(count('SELECT count(*) AS n FROM model_version WHERE model_id = ?', hostileId));
    expect(rowsOf(workbook, 'Deployments')).toHaveLength(count('SELECT count(*) AS n FROM deployment WHERE model_id = ?', hostileId));
    const trail = rowsOf(workbook, 'Audit trail');
    expect(trail).toHaveLength(count('SELECT count(*) AS n FROM audit_log WHERE entity_id = ?', hostileId));
    expect(trail[0]).toMatchObject({ Record: 'Model', Action: 'Created', Who: 'tester' });
    expect(trail[0]?.['When (UTC)']).toBeInstanceOf(Date);
    expect(new Set(trail.map((t) => t.Record))).toEqual(new Set(['Model', 'Model version', 'Approval', 'Deployment', 'Stage change']));
  });

  it('names the promotion policy version in force at each decision and each promotion to production', async () => {
    const workbook = await open((await b.ok('models.exportAuditPack', { id: hostileId })).base64);
    const approvals = rowsOf(workbook, 'Approvals');
    expect(approvals.map((a) => a['Promotion policy in force'])).toEqual(['Keel’s default (version 0)', 'Keel’s default (version 0)']);
    expect(approvals.map((a) => a.Evidence)).toEqual(["'-signed off in the risk committee", "'-signed off in the risk committee"]);
    const deployments = rowsOf(workbook, 'Deployments');
    expect(deployments.map((d) => [d.Version, d.Alias, d['Promotion policy applied']])).toEqual([
      ['v1', 'Champion', 'Keel’s default (version 0)'],
      ['v2', 'Canary', null],
      ['v2', 'Champion', 'Keel’s default (version 0)'],
      ['v1', 'Champion', 'Version 1'],
    ]);
    const versions = rowsOf(workbook, 'Versions');
    expect(versions.map((v) => [v.Version, v['Built by'], v['Still missing for production'], v['Evaluation results']])).toEqual([
      ['v1', 'Ana Ionescu', null, 'AUC = 0.81 on holdout 2025-Q4'],
      ['v2', 'Ana Ionescu', null, 'AUC = 0.81 on holdout 2025-Q4'],
    ]);
    expect(versions[0]?.['Registered on']).toEqual(utc(2026, 3, 2));
  });

  it('of a model with nothing recorded yet has empty sheets, not a failure', async () => {
    const workbook = await open((await b.ok('models.exportAuditPack', { id: churnId })).base64);
    const fields = Object.fromEntries(rowsOf(workbook, 'Model').map((r) => [r.Field, r.Value]));
    expect(fields).toMatchObject({
      'Champion in production': 'None in production',
      Versions: 0,
      'Promotion policy in force': 'Version 1: Helvetic policy',
    });
    expect(rowsOf(workbook, 'Versions')).toEqual([]);
    expect(rowsOf(workbook, 'Deployments')).toEqual([]);
    expect(rowsOf(workbook, 'Audit trail').map((t) => t.Action)).toEqual(['Created']);
  });
});
