import { excel } from '@backend/core/excel';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, refusedMessage, sampleIds, type TestBackend } from '../../support/backend';

/** Sunday 6 December 2026, 10:00 UTC; the clock moves a second per call unless set. */
const START = Date.UTC(2026, 11, 6, 10, 0, 0);
let now = START;
const clock = () => {
  now += 1000;
  return new Date(now);
};
const HOUR = 3_600_000;
const DAY = 86_400_000;
const instant = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');

let b: TestBackend;
let id: (name: string) => string;

beforeEach(async () => {
  now = START;
  b = openTestBackend({ clock });
  await b.ok('sample.load');
  id = await sampleIds(b);
});
afterEach(() => b.dispose());

const refused = (name: string, input: unknown) => refusedMessage(b, name, input);

describe('the sample', () => {
  it('shows the recommender due on its drift trigger, the PD scorecard overdue on its cadence, an open incident and an overdue review', async () => {
    const overview = await b.ok('operations.overview', {});
    const thameside = overview.clients.find((c) => c.clientName === 'Thameside Retail plc');
    const rec = thameside?.retraining.find((r) => r.modelName === 'Homepage product recommender');
    expect(rec?.due.map((d) => d.headline)).toContain('Retraining due (trigger: concept drift)');
    expect(rec?.due.find((d) => d.trigger === 'drift')?.sloId).toBeTruthy();
    const alpen = overview.clients.find((c) => c.clientName === 'Alpenbank Privatbank AG');
    const pd = alpen?.retraining.find((r) => r.modelName === 'Retail credit PD scorecard');
    expect(pd?.overdue).toBe(true);
    expect(pd?.lastRunOn).toBeTruthy();
    expect(thameside?.openIncidents.map((i) => i.title)).toEqual(['Embedding drift alert on the homepage carousel']);
    expect(thameside?.openIncidents[0]?.responder?.name).toBeTruthy();
    expect(alpen?.reviewsOverdue.map((i) => i.title)).toEqual(['Scores missing for loan applications from the mobile channel']);
    // Thameside's run cost: the assistant's API spend outran its budget last month.
    expect(thameside?.cost.overBudget.map((m) => m.modelName)).toContain('Customer service assistant');
    expect(thameside?.cost.trend.some((t) => t.totalMinor > 0)).toBe(true);
    const summary = (await b.ok('app.summaries')).find((s) => s.area === 'operations');
    expect(summary?.tone).toBe('critical');
  });
});

describe('retraining', () => {
  it('a drift breach raises "retraining due" until a retraining registers a new version', async () => {
    const modelId = id('Homepage product recommender');
    const before = await b.ok('retraining.forModel', { modelId });
    const drift = before.state.due.find((d) => d.trigger === 'drift');
    expect(drift?.headline).toBe('Retraining due (trigger: concept drift)');
    const breach = before.breaches.find((x) => x.sloId === drift?.sloId);
    expect(breach?.trigger).toBe('drift');
    const after = await b.ok('retraining.log', {
      modelId,
      runOn: '2026-12-06',
      trigger: 'drift',
      outcome: 'new_version',
      newVersion: {
        label: 'v3.4',
        builtBy: { kind: 'specialist', id: id('Marko Jovanović') },
        trainingData: 'clickstream_90d · Sep–Nov 2026',
      },
      sloId: drift?.sloId ?? null,
    });
    expect(after.state.due.find((d) => d.trigger === 'drift')).toBeUndefined();
    expect(after.runs[0]).toMatchObject({ trigger: 'drift', outcome: 'new_version', versionLabel: 'v3.4' });
    expect(after.runs[0]?.breach).toContain('in breach since');
    const versions = await b.ok('versions.list', { modelId });
    expect(versions.versions.map((v) => v.label)).toContain('v3.4');
  });

  it('with the trigger off, the same breach raises nothing; the cadence counts from the last completed run', async () => {
    const modelId = id('Homepage product recommender');
    const off = await b.ok('retraining.setPolicy', {
      modelId,
      cadence: { every: 2, unit: 'month' },
      triggers: { on_demand: true, schedule: true, new_data: false, degradation: false, drift: false },
    });
    expect(off.state.due.map((d) => d.trigger)).not.toContain('drift');
    // The sample's last run completed (the failed one a week before it does not count); due two calendar months later.
    const last = off.runs.find((r) => r.outcome !== 'failed')?.runOn as string;
    expect((off.runs.find((r) => r.outcome === 'failed')?.runOn as string) < last).toBe(true);
    expect(off.state.lastRunOn).toBe(last);
    const due = new Date(`${last}T00:00:00Z`);
    due.setUTCMonth(due.getUTCMonth() + 2);
    expect(off.state.nextDueOn).toBe(due.toISOString().slice(0, 10));
    expect(off.state.overdue).toBe(false);
  });

  it('refuses a schedule without a cadence, a run in the future and a version of another model, writing nothing', async () => {
    const modelId = id('Homepage product recommender');
    expect(
      await refused('retraining.setPolicy', {
        modelId,
        cadence: null,
        triggers: { on_demand: true, schedule: true, new_data: false, degradation: false, drift: false },
      }),
    ).toMatch(/cadence/);
    expect(await refused('retraining.log', { modelId, runOn: '2026-12-20', trigger: 'on_demand', outcome: 'no_change' })).toMatch(
      /not come yet/,
    );
    const pdVersions = await b.ok('versions.list', { modelId: id('Retail credit PD scorecard') });
    expect(
      await refused('retraining.log', {
        modelId,
        runOn: '2026-12-05',
        trigger: 'on_demand',
        outcome: 'new_version',
        versionId: pdVersions.versions[0]?.id,
      }),
    ).toMatch(/does not exist|Version/);
    expect(await refused('retraining.log', { modelId, runOn: '2026-12-05', trigger: 'on_demand', outcome: 'new_version' })).toMatch(
      /version/,
    );
  });

  it('new data available (a reading) raises the new-data trigger', async () => {
    const modelId = id('Claims triage classifier');
    expect((await b.ok('retraining.forModel', { modelId })).state.due.map((d) => d.trigger)).not.toContain('new_data');
    await b.ok('readings.record', { modelId, metric: 'new_data_available', at: instant(now - HOUR), value: 1 });
    const due = (await b.ok('retraining.forModel', { modelId })).state.due;
    expect(due.map((d) => d.trigger)).toContain('new_data');
  });
});

describe('incidents', () => {
  it('an incident opened from a breach gets its responder from the matrix, is mitigated by a rollback, resolved, and its review is a ceremony', async () => {
    const modelId = id('Homepage product recommender');
    const retraining = await b.ok('retraining.forModel', { modelId });
    const breach = retraining.breaches.find((x) => x.trigger === 'drift');
    const detectedAt = instant(now - 2 * HOUR);
    const who = await b.ok('ownership.whoResponds', { modelId, at: detectedAt });
    const opened = await b.ok('incidents.open', {
      modelId,
      severity: 'sev2',
      title: 'Carousel recommendations stale',
      detectedAt,
      detectedBy: 'slo_breach',
      sloId: breach?.sloId,
    });
    expect(opened.responder?.name).toBe(who.responder?.name);
    expect(opened.responderReason).toBe(who.reason);
    expect(opened.readingValue).not.toBeNull();
    expect(opened.timeline[0]?.kind).toBe('opened');
    expect(opened.rollbackTargets.length).toBeGreaterThan(0);
    const target = opened.rollbackTargets[0] as NonNullable<(typeof opened.rollbackTargets)[number]>;
    const acked = await b.ok('incidents.acknowledge', { id: opened.id, at: instant(now - HOUR - 30 * 60_000) });
    expect(acked.times.toAcknowledge).toBe(30);
    const mitigated = await b.ok('incidents.mitigate', {
      id: opened.id,
      at: instant(now - HOUR),
      text: 'Rolled back to the last approved champion.',
      rollback: { versionId: target.versionId, environmentId: target.environmentId },
    });
    expect(mitigated.rollback?.versionLabel).toBe(target.versionLabel);
    const deployments = await b.ok('deployments.list', { modelId });
    expect(deployments.rows[0]).toMatchObject({ versionId: target.versionId, alias: 'champion', to: null });
    expect(deployments.rows[0]?.rollbackReason).toContain('Carousel recommendations stale');
    const resolved = await b.ok('incidents.resolve', {
      id: opened.id,
      at: instant(now - 10 * 60_000),
      text: 'Recommendations fresh again.',
    });
    expect(resolved.state).toBe('resolved');
    expect(resolved.times.toResolve).toBe(Math.round((Date.parse(resolved.resolvedAt as string) - Date.parse(detectedAt)) / 60_000));
    // Resolved on Sunday 6 December (London): five business days later is Friday 11 December.
    expect(resolved.review).toMatchObject({ dueOn: '2026-12-11', state: 'planned' });
    const series = await b.ok('ceremonies.get', { id: resolved.review?.seriesId as string });
    expect(series).toMatchObject({ type: 'incident_review', rrule: null, startDate: '2026-12-11', startTime: '10:00' });
    expect(series.models.map((m) => m.id)).toEqual([modelId]);
    expect(resolved.timeline.map((e) => e.kind)).toEqual(['opened', 'acknowledged', 'rollback', 'mitigated', 'resolved', 'review']);
    // A week and a half later, never held: overdue.
    now = START + 12 * DAY;
    const later = await b.ok('incidents.get', { id: opened.id });
    expect(later.review?.state).toBe('overdue');
  });

  it('a rollback the portfolio refuses (to the version serving) leaves the incident unmitigated, its timeline and the deployments as they were', async () => {
    const modelId = id('Homepage product recommender');
    const opened = await b.ok('incidents.open', {
      modelId,
      severity: 'sev2',
      title: 'Wrong rollback',
      detectedAt: instant(now - HOUR),
      detectedBy: 'user_report',
    });
    const before = await b.ok('deployments.list', { modelId });
    const serving = before.rows.find((d) => d.alias === 'champion' && d.to === null && d.production);
    expect(serving).toBeTruthy();
    const message = await refused('incidents.mitigate', {
      id: opened.id,
      at: instant(now - 30 * 60_000),
      text: 'Roll back to what serves',
      rollback: { versionId: serving?.versionId, environmentId: serving?.environmentId },
    });
    expect(message).toMatch(/champion/);
    const after = await b.ok('incidents.get', { id: opened.id });
    expect(after).toMatchObject({ state: 'open', mitigatedAt: null, rollback: null });
    expect(after.timeline.map((e) => e.kind)).toEqual(['opened']);
    expect((await b.ok('deployments.list', { modelId })).rows).toEqual(before.rows);
  });

  it('naming someone other than the matrix’s responder needs a reason; changing the responder too', async () => {
    const modelId = id('Homepage product recommender');
    const base = {
      modelId,
      severity: 'sev3' as const,
      title: 'Slow carousel',
      detectedAt: instant(now - HOUR),
      detectedBy: 'user_report' as const,
    };
    const someone = { kind: 'specialist' as const, id: id('Andrei Popescu') };
    expect(await refused('incidents.open', { ...base, responder: someone })).toMatch(/not on the engagement|give the reason/);
    const opened = await b.ok('incidents.open', { ...base, responder: someone, responderReason: 'Covers the on-call rota this week' });
    expect(opened.responder?.name).toBe('Andrei Popescu');
    expect(opened.responderReason).toBe('Covers the on-call rota this week');
    expect(
      await refused('incidents.setResponder', { id: opened.id, responder: { kind: 'specialist', id: id('Marko Jovanović') } }),
    ).toMatch(/reason/i);
    const handed = await b.ok('incidents.setResponder', {
      id: opened.id,
      responder: { kind: 'specialist', id: id('Marko Jovanović') },
      reason: 'Back from leave',
    });
    expect(handed.responder?.name).toBe('Marko Jovanović');
    expect(handed.timeline.at(-1)?.kind).toBe('responder');
  });

  it('refuses a resolution before detection, a step in the future, a rollback to a version never approved, a breach that was not one', async () => {
    const modelId = id('Homepage product recommender');
    const opened = await b.ok('incidents.open', {
      modelId,
      severity: 'sev4',
      title: 'Odd carousel',
      detectedAt: instant(now - HOUR),
      detectedBy: 'user_report',
    });
    expect(await refused('incidents.resolve', { id: opened.id, at: instant(now - 2 * HOUR), text: 'done' })).toMatch(
      /before it was detected/,
    );
    expect(await refused('incidents.acknowledge', { id: opened.id, at: instant(now + 2 * HOUR) })).toMatch(/future/);
    const fresh = await b.ok('versions.create', {
      modelId,
      label: 'v9-unapproved',
      builtBy: { kind: 'specialist', id: id('Marko Jovanović') },
      registeredOn: '2026-12-01',
    });
    const environments = await b.ok('environments.list', { engagementId: opened.engagementId as string });
    const production = environments.rows.find((e) => e.production);
    expect(
      await refused('incidents.mitigate', {
        id: opened.id,
        at: instant(now - 30 * 60_000),
        text: 'Roll back',
        rollback: { versionId: fresh.id, environmentId: production?.id },
      }),
    ).toMatch(/never approved/);
    const slos = await b.ok('slos.list', { modelId });
    const { breaches } = await b.ok('retraining.forModel', { modelId });
    const fine = slos.find((s) => !breaches.some((x) => x.sloId === s.id));
    expect(
      await refused('incidents.open', {
        modelId,
        severity: 'sev3',
        title: 'Not a breach',
        detectedAt: instant(now - HOUR),
        detectedBy: 'slo_breach',
        sloId: fine?.id,
      }),
    ).toMatch(/was not in breach/);
  });
});

describe('the maturity cross-check', () => {
  it('measures the retraining criteria: triggers from production metrics, retraining on cadence, rollbacks to approved versions only', async () => {
    const clientId = id('Thameside Retail plc');
    const created = await b.ok('assessments.create', {
      clientId,
      assessedOn: '2026-12-04',
      assessor: { kind: 'specialist', id: id('Marko Jovanović') },
      participants: [],
      frameworks: ['microsoft'],
    });
    expect(created.set.version).toBe('2026.3');
    const answered = await b.ok('assessments.answer', {
      id: created.assessment.id,
      answers: ['mon.retraining_triggers', 'data.continuous_training', 'trace.rollback'].map((criterionId) => ({
        criterionId,
        answer: 'yes',
      })),
    });
    const check = (measure: string) => answered.crossChecks.find((c) => c.measure === measure);
    const triggers = check('retraining_triggers');
    // The recommender's policy enables the drift and degradation triggers; Thameside's other production model has no policy.
    expect(triggers?.measurement.met).toBeGreaterThanOrEqual(1);
    expect(triggers?.measurement.failing.map((m) => m.name)).not.toContain('Homepage product recommender');
    // The recommender is overdue on its four-week cadence: not retrained on cadence.
    expect(check('retrained_on_cadence')?.measurement.failing.map((m) => m.name)).toContain('Homepage product recommender');
    expect(check('retrained_on_cadence')?.verdict).toBe('contradicts');
    expect(check('rollbacks_approved')?.measurement.of).toBe(triggers?.measurement.of);
  });
});

describe('the export', () => {
  it('writes the month’s retraining log and incidents with their times', async () => {
    const file = await b.ok('operations.export', { clientId: id('Alpenbank Privatbank AG'), month: '2026-11' });
    const book: ExcelJS.Workbook = new (excel().Workbook)();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const incidents = book.getWorksheet('Incidents');
    expect(incidents?.getRow(2).getCell(4).value).toBe('Scores missing for loan applications from the mobile channel');
    expect(incidents?.getRow(2).getCell(13).value).toBe(6);
    const log = book.getWorksheet('Retraining log');
    expect(log?.rowCount).toBeGreaterThanOrEqual(1);
    expect(await refused('operations.export', { clientId: id('Alpenbank Privatbank AG'), month: '2027-03' })).toMatch(/not begun/);
    const thameside = await b.ok('operations.export', { clientId: id('Thameside Retail plc'), month: '2026-11' });
    const costBook: ExcelJS.Workbook = new (excel().Workbook)();
    await costBook.xlsx.load(Buffer.from(thameside.base64, 'base64') as never);
    const cost = costBook.getWorksheet('Run cost');
    const row = cost?.getColumn(1).values.indexOf('Customer service assistant') ?? -1;
    expect(row).toBeGreaterThan(1);
    // The sample's assistant in November: API 2,900.00 and licences 400.00 against a budget of 2,500.00.
    expect([4, 5, 7, 8, 9].map((c) => cost?.getRow(row).getCell(c).value)).toEqual([2900, 400, 3300, 2500, 800]);
  });
});
