import { createRequire } from 'node:module';
import type { ExportJob, InputOf } from '@shared/contract';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
 * Hours on a model, on a real SQLite file: a timesheet row is (engagement,
 * activity, model or none); the model must be one the engagement runs and in
 * service on the day; copy-week, the import's key and its duplicate and
 * conflict rules follow the row; the finance workbook adds hours per model;
 * invoices ignore the model. Today is 2026-11-24.
 */

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;

let b: TestBackend;
let now = Date.UTC(2026, 10, 24, 10, 0, 0);
const clock = () => {
  now += 1000;
  return new Date(now);
};

let clientId: string;
let engagementId: string;
let otherEngagementId: string;
let specialistId: string;
/** Run by the engagement, in service from 1 Jun 2026. */
let churnId: string;
/** Run by the engagement, in service from 5 Jan 2026. */
let fraudId: string;
/** In the client's inventory, run by no engagement. */
let inventoryId: string;
/** Another client's model, run by the other engagement. */
let foreignId: string;

const modelFields = {
  riskTier: 'medium',
  aiActCategory: 'minimal',
  kind: 'classical_ml',
  serving: 'batch',
  stage: 'prototype',
} as const;

beforeEach(async () => {
  now = Date.UTC(2026, 10, 24, 10, 0, 0);
  b = openTestBackend({ clock });
  clientId = (await b.ok('clients.create', validClient)).id;
  engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id; // CHF, 2026-02-01 … 2026-12-31
  const otherClientId = (await b.ok('clients.create', otherClient)).id;
  otherEngagementId = (await b.ok('engagements.create', otherEngagement(otherClientId))).id;
  specialistId = (await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] })).id;
  await b.ok('rates.create', { engagementId, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 15_000 });
  const model = (name: string, engagement: string | null, inServiceSince: string, client = clientId) =>
    b.ok('models.create', { ...modelFields, clientId: client, engagementId: engagement, name, inServiceSince }).then((m) => m.id);
  churnId = await model('Churn propensity', engagementId, '2026-06-01');
  fraudId = await model('Fraud scorer', engagementId, '2026-01-05');
  inventoryId = await model('Legacy pricing', null, '2026-01-05');
  foreignId = await model('Route ETA', otherEngagementId, '2026-01-05', otherClientId);
});
afterEach(() => b.dispose());

type CellInput = InputOf<'time.setCell'>;
const cell = (date: string, minutes: number | null, over: Partial<CellInput> = {}) =>
  ({ specialistId, engagementId, activity: 'retraining', date, minutes, ...over }) satisfies CellInput;
const entries = () => (b.db.prepare('SELECT count(*) AS n FROM time_entry').get() as { n: number }).n;
const state = () => ({ entries: entries(), audit: b.auditCount() });
const auditOf = (entityId: string) =>
  b.db.prepare('SELECT action, label, after_json AS after FROM audit_log WHERE entity_id = ? ORDER BY id').all(entityId) as {
    action: string;
    label: string;
    after: string | null;
  }[];

describe('a timesheet row is (engagement, activity, model or none)', () => {
  it('keeps hours on a model apart from the same activity on no model, audits them with the model, and the week offers the models', async () => {
    const onModel = await b.ok('time.setCell', cell('2026-10-05', 120, { modelId: churnId }));
    const onNone = await b.ok('time.setCell', cell('2026-10-05', 360));
    expect(onModel.entry).toMatchObject({ modelId: churnId, minutes: 120, activity: 'retraining' });
    expect(onNone.entry).toMatchObject({ modelId: null, minutes: 360 });
    expect(onModel.entry?.id).not.toBe(onNone.entry?.id);

    const [created] = auditOf(onModel.entry?.id ?? '');
    expect(created).toMatchObject({
      action: 'create',
      label: 'Ana Ionescu · Claims model operations · Churn propensity · 5 Oct 2026 · Retraining',
    });
    expect(JSON.parse(created?.after ?? '{}')).toMatchObject({ modelId: churnId, minutes: 120 });

    // Setting the model's cell again changes that entry only.
    await b.ok('time.setCell', cell('2026-10-05', 150, { modelId: churnId }));
    expect(auditOf(onModel.entry?.id ?? '').map((a) => a.action)).toEqual(['create', 'update']);
    expect(auditOf(onNone.entry?.id ?? '').map((a) => a.action)).toEqual(['create']);

    const week = await b.ok('time.week', { specialistId, weekStart: '2026-10-05' });
    expect(week.rows.map((r) => [r.activity, r.modelId, r.totalMinutes])).toEqual([
      ['retraining', null, 360],
      ['retraining', churnId, 150],
    ]);
    expect(week.totalMinutes).toBe(510);
    const offered = week.engagements.find((e) => e.id === engagementId)?.models.map((m) => m.name);
    expect(offered).toEqual(['Churn propensity', 'Fraud scorer']);
    expect(week.engagements.find((e) => e.id === otherEngagementId)?.models.map((m) => m.name)).toEqual(['Route ETA']);

    // Clearing the model's cell deletes its entry, audited; the other row stays.
    await b.ok('time.setCell', cell('2026-10-05', null, { modelId: churnId }));
    expect(auditOf(onModel.entry?.id ?? '').map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(entries()).toBe(1);
  });

  it('refuses, writing nothing, a model the engagement does not run, another client’s model, an unknown one, and days before it was in service', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 60, { modelId: fraudId }));
    const before = state();
    const refusals = [
      [
        cell('2026-10-06', 60, { modelId: inventoryId }),
        'invalid_input',
        'the model Legacy pricing is in the client’s inventory but not run by Claims model operations',
      ],
      [
        cell('2026-10-06', 60, { modelId: foreignId }),
        'invalid_input',
        'the model Route ETA is run by another engagement, not Claims model operations',
      ],
      [cell('2026-05-29', 60, { modelId: churnId }), 'invalid_input', 'the date is before Churn propensity was in service (1 Jun 2026)'],
      [cell('2026-10-06', 60, { modelId: '0190a000-0000-7000-8000-000000000000' }), 'not_found', 'does not exist'],
    ] as const;
    for (const [input, code, words] of refusals) {
      const result = await b.call('time.setCell', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toContain(words);
      }
    }
    expect(state()).toEqual(before);
    // The same day on no model is fine: the model alone was the problem.
    await b.ok('time.setCell', cell('2026-05-29', 60));
  });

  it('copy-week keeps each entry’s model, fills only empty cells of the same row, and refuses all when one model is not in service', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 120, { modelId: churnId }));
    await b.ok('time.setCell', cell('2026-10-05', 240));
    await b.ok('time.setCell', cell('2026-10-06', 90, { activity: 'deployment', modelId: fraudId }));
    // This week already has the no-model retraining of Monday: only the other two cells are copied.
    await b.ok('time.setCell', cell('2026-10-12', 300));
    const copied = await b.ok('time.copyWeek', { specialistId, weekStart: '2026-10-12' });
    expect(copied.created).toBe(2);
    const week = await b.ok('time.week', { specialistId, weekStart: '2026-10-12' });
    expect(week.rows.map((r) => [r.activity, r.modelId, Object.entries(r.cells).map(([d, c]) => [d, c.minutes])])).toEqual([
      ['retraining', null, [['2026-10-12', 300]]],
      ['retraining', churnId, [['2026-10-12', 120]]],
      ['deployment', fraudId, [['2026-10-13', 90]]],
    ]);
    const creates = b.db
      .prepare("SELECT after_json AS after FROM audit_log WHERE entity = 'time_entry' AND action = 'create' ORDER BY id DESC LIMIT 2")
      .all() as { after: string }[];
    expect(creates.map((a) => JSON.parse(a.after).modelId).sort()).toEqual([churnId, fraudId].sort());

    // A model the engagement no longer runs refuses the whole copy.
    await b.ok('models.update', {
      ...(await modelForUpdate(fraudId)),
      engagementId: null,
    });
    const before = state();
    const refused = await b.call('time.copyWeek', { specialistId, weekStart: '2026-10-19' });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.message).toMatch(
        /^Nothing was copied\. .*Fraud scorer is in the client’s inventory but not run by Claims model operations/,
      );
    expect(state()).toEqual(before);
  });
});

async function modelForUpdate(id: string) {
  const m = await b.ok('models.get', { id });
  return {
    id: m.id,
    expectedUpdatedAt: m.updatedAt,
    clientId: m.clientId,
    engagementId: m.engagementId,
    name: m.name,
    riskTier: m.riskTier,
    aiActCategory: m.aiActCategory,
    kind: m.kind,
    serving: m.serving,
    inServiceSince: m.inServiceSince,
  };
}

describe('hours per model', () => {
  it('answers per model, activity and month, for one model or every model of an engagement, leaving out hours on no model', async () => {
    await b.ok('time.setCell', cell('2026-09-28', 60, { modelId: churnId }));
    await b.ok('time.setCell', cell('2026-10-05', 120, { modelId: churnId }));
    await b.ok('time.setCell', cell('2026-10-06', 45, { modelId: churnId, activity: 'incident_response' }));
    await b.ok('time.setCell', cell('2026-10-06', 30, { modelId: fraudId, activity: 'deployment' }));
    await b.ok('time.setCell', cell('2026-10-07', 480));

    const churn = await b.ok('time.byModel', { modelId: churnId });
    expect(churn.activities).toEqual(['incident_response', 'retraining']);
    expect(churn.models).toEqual([
      {
        modelId: churnId,
        modelName: 'Churn propensity',
        clientName: 'Helvetic Insurance AG',
        engagementName: 'Claims model operations',
        activities: [
          { activity: 'incident_response', minutes: 45 },
          { activity: 'retraining', minutes: 180 },
        ],
        months: [
          { month: '2026-09', activities: [{ activity: 'retraining', minutes: 60 }], totalMinutes: 60 },
          {
            month: '2026-10',
            activities: [
              { activity: 'incident_response', minutes: 45 },
              { activity: 'retraining', minutes: 120 },
            ],
            totalMinutes: 165,
          },
        ],
        totalMinutes: 225,
      },
    ]);
    const october = await b.ok('time.byModel', { engagementId, from: '2026-10-01', to: '2026-10-31' });
    expect(october.models.map((m) => [m.modelName, m.totalMinutes])).toEqual([
      ['Churn propensity', 165],
      ['Fraud scorer', 30],
    ]);
    expect(october.activities).toEqual(['incident_response', 'retraining', 'deployment']);
    expect((await b.ok('time.byModel', { engagementId: otherEngagementId })).models).toEqual([]);
  });

  it('invoices ignore the model: the month bills every hour once, with or without a model', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 120, { modelId: churnId }));
    await b.ok('time.setCell', cell('2026-10-05', 360));
    const review = await b.ok('months.review', { engagementId, month: '2026-10' });
    expect(review.invoice.minutes).toBe(480);
    expect(review.invoice.netMinor).toBe(120_000); // 8 h × CHF 150
  });
});

// ---------------------------------------------------------------- import and export

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const importCsv = (csv: string) => b.ok('hours.import', { fileName: 'hours.csv', base64: base64(csv), dryRun: false });
const HEADER = 'Date,Engagement ID,Specialist email,Activity,Minutes,Note,Model';

describe('importing hours with a Model column', () => {
  it('imports rows on a model by its name, treats a second import as duplicates, and a different figure in a model’s cell as a conflict', async () => {
    const csv = [
      HEADER,
      `2026-10-05,${engagementId},ana.ionescu@example.com,Retraining,120,,Churn propensity`,
      `2026-10-05,${engagementId},ana.ionescu@example.com,Retraining,360,,`,
      `2026-10-06,${engagementId},ana.ionescu@example.com,Deployment,30,,fraud SCORER`,
    ].join('\n');
    const first = await importCsv(csv);
    expect(first).toMatchObject({ imported: 3, problems: [], duplicates: [], conflicts: [] });
    const week = await b.ok('time.week', { specialistId, weekStart: '2026-10-05' });
    expect(week.rows.map((r) => [r.activity, r.modelId, r.totalMinutes])).toEqual([
      ['retraining', null, 360],
      ['retraining', churnId, 120],
      ['deployment', fraudId, 30],
    ]);
    const log = (await b.ok('audit.list', { action: 'import' })).rows;
    expect(log[0]).toMatchObject({ label: 'Import of hours.csv (3 entries)', after: { entries: 3 } });

    const before = state();
    const again = await importCsv(csv);
    expect(again).toMatchObject({ imported: 0, duplicateCount: 3, conflictCount: 0, problemCount: 0 });
    expect(state()).toEqual(before);

    // The model's cell holds 120 minutes: 90 there is a conflict, named with the model; nothing is applied.
    const conflict = await importCsv(`${HEADER}\n2026-10-05,${engagementId},ana.ionescu@example.com,Retraining,90,,Churn propensity`);
    expect(conflict.conflicts).toEqual([
      expect.objectContaining({
        row: 2,
        fileMinutes: 90,
        keelMinutes: 120,
        cell: 'Ana Ionescu on Claims model operations (Helvetic Insurance AG), Churn propensity, Retraining, Mon 5 Oct 2026',
      }),
    ]);
    expect(state()).toEqual(before);
  });

  it('names the row and the Model column of every problem and writes nothing: unknown name, a model not run by the engagement, a day before it was in service', async () => {
    const before = state();
    const result = await importCsv(
      [
        HEADER,
        `2026-10-05,${engagementId},ana.ionescu@example.com,Retraining,120,,Fraud scorer`,
        `2026-10-05,${engagementId},ana.ionescu@example.com,Deployment,60,,Nowcaster`,
        `2026-10-06,${engagementId},ana.ionescu@example.com,Retraining,60,,Legacy pricing`,
        `2026-10-06,${engagementId},ana.ionescu@example.com,Deployment,60,,Route ETA`,
        `2026-05-29,${engagementId},ana.ionescu@example.com,Retraining,60,,Churn propensity`,
      ].join('\n'),
    );
    expect(result.imported).toBe(0);
    expect(result.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'Model', 'Helvetic Insurance AG has no model named “Nowcaster” in Keel.'],
      [
        4,
        'Model',
        'Keel cannot record hours for Ana Ionescu on Claims model operations on 6 Oct 2026: the model Legacy pricing is in the client’s inventory but not run by Claims model operations.',
      ],
      // Route ETA is another client's: not found among Helvetic's models.
      [5, 'Model', 'Helvetic Insurance AG has no model named “Route ETA” in Keel.'],
      [
        6,
        'Date',
        'Keel cannot record hours for Ana Ionescu on Claims model operations on 29 May 2026: the date is before Churn propensity was in service (1 Jun 2026).',
      ],
    ]);
    expect(state()).toEqual(before);
  });
});

describe('the finance workbook', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function exported(input: InputOf<'finance.exportStart'>) {
    let job: ExportJob = await b.ok('finance.exportStart', input);
    for (let i = 0; i < 1000 && job.state === 'running'; i++) {
      await wait(10);
      job = await b.ok('finance.exportStatus', { jobId: job.id });
    }
    const file = await b.ok('finance.exportDownload', { jobId: job.id });
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    return { workbook, base64: file.base64 };
  }
  const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1);

  it('has a sheet of hours per model × activity with a total row of formulas, and the detail names each entry’s model', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 120, { modelId: churnId }));
    await b.ok('time.setCell', cell('2026-10-06', 45, { modelId: churnId, activity: 'incident_response' }));
    await b.ok('time.setCell', cell('2026-10-06', 30, { modelId: fraudId, activity: 'deployment' }));
    await b.ok('time.setCell', cell('2026-10-07', 480));
    const { workbook, base64: bytes } = await exported({ kind: 'month', month: '2026-10' });
    const ws = workbook.getWorksheet('Hours by model');
    if (!ws) throw new Error('no Hours by model sheet');
    expect(values(ws, 1)).toEqual(['Client', 'Engagement', 'Model', 'Activity', 'Minutes', 'Hours']);
    expect([2, 3, 4].map((n) => values(ws, n))).toEqual([
      ['Helvetic Insurance AG', 'Claims model operations', 'Churn propensity', 'Incident response', 45, 45 / 60],
      ['Helvetic Insurance AG', 'Claims model operations', 'Churn propensity', 'Retraining', 120, 2],
      ['Helvetic Insurance AG', 'Claims model operations', 'Fraud scorer', 'Deployment', 30, 0.5],
    ]);
    expect(ws.getRow(5).hasValues).toBe(false);
    const total = ws.getRow(6);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(5).value).toEqual({ formula: 'SUM(E2:E4)', result: 195 });
    expect(total.getCell(6).value).toEqual({ formula: 'SUM(F2:F4)', result: 195 / 60 });
    expect(ws.getCell('E2').numFmt).toBe('#,##0');
    expect(ws.getCell('F2').numFmt).toBe('0.00');

    const detail = workbook.getWorksheet('Timesheet detail');
    if (!detail) throw new Error('no detail sheet');
    expect(values(detail, 1).at(-1)).toBe('Model');
    const models = [2, 3, 4, 5].map((n) => detail.getRow(n).getCell(15).value ?? null);
    expect(models).toEqual(['Churn propensity', 'Churn propensity', 'Fraud scorer', null]);
    // Keel's own export reads back as already there, each row on its model.
    const before = state();
    const again = await b.ok('hours.import', { fileName: 'keel-hours-2026-10.xlsx', base64: bytes, dryRun: false });
    expect(again).toMatchObject({ rows: 4, imported: 0, duplicateCount: 4, conflictCount: 0, problemCount: 0 });
    expect(state()).toEqual(before);
  });
});
