import { createSampleRun, SAMPLE_ANCHOR, sampleShiftDays } from '@backend/core/sample';
import type { SampleLoadResult } from '@shared/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../../support/backend';

/**
 * The sample dataset is authored against one day and loaded relative to the
 * load day (core/sample.ts): on the anchor day it is exactly the authored
 * data; on any other day every date moves by whole weeks and the month
 * closes follow today's month, so the demo always shows a live board and
 * open and closed months.
 */

let b: TestBackend | undefined;
afterEach(() => b?.dispose());

/** A backend whose clock stands at 10:00 UTC on `day` (1 s more per call, so writes differ). */
function openOn(day: string): TestBackend {
  let tick = 0;
  const at = Date.parse(`${day}T10:00:00.000Z`);
  b = openTestBackend({ clock: () => new Date(at + tick++ * 1000) });
  return b;
}

const monthBefore = (month: string, by: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** What a newcomer sees on the load day: board states, month statuses, allocations running today. */
async function look(backend: TestBackend, today: string) {
  const board = await backend.ok('continuity.board', {});
  const states: Record<string, number> = {};
  for (const p of board.promises) states[p.clock.state] = (states[p.clock.state] ?? 0) + 1;
  const months: Record<string, Record<string, number>> = {};
  for (const back of [0, 1, 2]) {
    const month = monthBefore(today.slice(0, 7), back);
    const statuses: Record<string, number> = {};
    for (const row of (await backend.ok('months.list', { month })).rows) statuses[row.status] = (statuses[row.status] ?? 0) + 1;
    months[month] = statuses;
  }
  const timeline = await backend.ok('plan.timeline', { from: today, periods: 1 });
  const runningToday = timeline.rows
    .flatMap((r) => r.allocations)
    .filter((a) => a.status === 'confirmed' && a.startDate <= today && a.endDate >= today).length;
  return { board, states, months, runningToday };
}

describe('the sample data, relative to the load day', { timeout: 60_000 }, () => {
  it('moves dates by whole weeks, counted from the Monday of the day before', () => {
    expect(sampleShiftDays(SAMPLE_ANCHOR)).toBe(0);
    // The anchor week runs Tuesday to Monday: a Monday still reads as the week before.
    expect(sampleShiftDays('2026-11-30')).toBe(0);
    expect(sampleShiftDays('2026-12-01')).toBe(7);
    expect(sampleShiftDays('2026-11-23')).toBe(-7);
    expect(sampleShiftDays('2027-12-01')).toBe(53 * 7);
    for (const day of ['2027-12-01', '2027-12-27', '2031-06-16', '2025-03-03'])
      expect(Number.isInteger(sampleShiftDays(day) / 7)).toBe(true);

    const run = createSampleRun('2027-12-01');
    expect(run.date('2026-11-24')).toBe('2027-11-30'); // a Tuesday stays a Tuesday
    expect(run.month('2026-09')).toBe('2027-10'); // two months before today's month, as September was before November
    expect(run.text('Her last day is 2026-12-11.')).toBe('Her last day is 2027-12-17.');
    run.remember('Ana', 'id-1');
    expect(run.id('Ana')).toBe('id-1');
    expect(() => run.id('Bob')).toThrow(/does not define/);
    expect(() => run.remember('Ana', 'id-2')).toThrow(/twice/);
  });

  it('loads exactly the authored dataset on the anchor day', async () => {
    const backend = openOn(SAMPLE_ANCHOR);
    const loaded = await backend.ok('sample.load');
    expect(loaded).toEqual({
      clients: 5,
      engagements: 7,
      specialists: 16,
      allocations: 21,
      absences: 6,
      staffingRequests: 5,
      replacementRequests: 5,
      timeEntries: 1803,
      invoices: 5,
      contacts: 7,
      models: 11,
      versions: 3,
      approvals: 3,
      environments: 4,
      deployments: 5,
      assets: 8,
      assignments: 65,
      assessments: 8,
      targets: 8,
      slos: 13,
      readings: 3512,
      ceremonySeries: 4,
      ceremonyOccurrences: 37,
      actionItems: 3,
      freezes: 1,
      retrainingPolicies: 3,
      retrainingRuns: 5,
      incidents: 2,
      costLines: 24,
      costBudgets: 2,
    } satisfies SampleLoadResult);
    const { states, months, runningToday } = await look(backend, SAMPLE_ANCHOR);
    expect(states).toEqual({ breached: 1, at_risk: 2, on_track: 2 });
    expect(months).toEqual({ '2026-11': { open: 5 }, '2026-10': { approved: 1, open: 4 }, '2026-09': { invoiced: 5 } });
    expect(runningToday).toBeGreaterThan(10);
    // A fulfilled replacement's hand-over (the incoming specialist's days beside the outgoing one) is not billed,
    // by the same rule as hours typed in; every other sample hour is.
    const handovers = (await backend.ok('replacements.list', { state: 'all' })).rows.filter(
      (r) => r.status === 'fulfilled' && r.handoverDays > 0,
    );
    expect(handovers.length).toBeGreaterThan(0);
    const nonBillable = backend.db
      .prepare(
        'SELECT specialist_id AS specialistId, engagement_id AS engagementId, date, non_billable_reason AS reason FROM time_entry WHERE billable = 0',
      )
      .all() as { specialistId: string; engagementId: string; date: string; reason: string }[];
    expect(nonBillable.length).toBeGreaterThan(0);
    for (const e of nonBillable) {
      expect(e.reason).toBe('Replacement hand-over (no extra cost)');
      const covering = handovers.find(
        (r) =>
          r.replacementSpecialistId === e.specialistId &&
          r.engagementId === e.engagementId &&
          (r.replacementStartDate ?? '') <= e.date &&
          e.date <= (r.outgoingAllocation?.endDate ?? ''),
      );
      expect(covering, `${e.date} is a hand-over day`).toBeDefined();
    }
    // Some sample hours name a model (the engagement's own, in service on the day), so the sample shows hours per model.
    const onModels = backend.db
      .prepare(
        `SELECT count(*) AS n, count(DISTINCT t.model_id) AS models, sum(m.engagement_id IS NOT t.engagement_id OR t.date < m.in_service_since) AS wrong
         FROM time_entry t JOIN model m ON m.id = t.model_id`,
      )
      .get() as { n: number; models: number; wrong: number };
    expect(onModels.n).toBeGreaterThan(100);
    expect(onModels.models).toBeGreaterThanOrEqual(6);
    expect(onModels.wrong).toBe(0);
    const [scorecard] = (await backend.ok('models.list', { search: 'Retail credit PD scorecard' })).rows;
    const hours = await backend.ok('time.byModel', { modelId: scorecard?.id ?? '' });
    expect(hours.models[0]?.months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  // A year on, five years on, and a week of public holidays (Christmas to New Year).
  it.each(['2027-12-01', '2031-06-16', '2027-12-27'])('loads on %s with a live board and open and closed months', async (today) => {
    const backend = openOn(today);
    const loaded = await backend.ok('sample.load');
    expect(loaded).toMatchObject({
      clients: 5,
      engagements: 7,
      specialists: 16,
      allocations: 21,
      absences: 6,
      staffingRequests: 5,
      replacementRequests: 5,
    });
    expect(loaded.timeEntries).toBeGreaterThan(1000);
    expect(loaded.invoices).toBeGreaterThanOrEqual(4);

    const { board, states, months, runningToday } = await look(backend, today);
    expect(board.today).toBe(today);
    // A live mix: something breached, and something still on track or at risk.
    expect(states.breached ?? 0).toBeGreaterThanOrEqual(1);
    expect((states.on_track ?? 0) + (states.at_risk ?? 0)).toBeGreaterThanOrEqual(1);
    expect(board.promises.some((p) => p.kind === 'replacement' && p.clock.state !== 'breached')).toBe(true);

    // This month open; last month approved at the bank and open elsewhere; the month before invoiced.
    const month = (back: number) => months[monthBefore(today.slice(0, 7), back)];
    expect(month(0)).toEqual({ open: expect.any(Number) });
    expect(month(1)).toMatchObject({ approved: 1, open: expect.any(Number) });
    expect(month(2)?.invoiced).toBe(loaded.invoices);
    expect(runningToday).toBeGreaterThan(10);

    // Replacements keep their history: one met, one breached (started late, the reason on record), one cancelled.
    const closed = (await backend.ok('replacements.list', { state: 'all' })).rows.filter((r) => r.status !== 'open');
    expect(closed.map((r) => r.clock.state).sort()).toEqual(['breached', 'cancelled', 'met']);
  });
});

/** Records dated before their specialist joined, per table: the sample must have none (shared/clients/rules/joined.ts). */
function beforeJoining(backend: TestBackend): Record<string, number> {
  const n = (sql: string) => (backend.db.prepare(sql).get() as { n: number }).n;
  return {
    allocations: n(
      "SELECT count(*) AS n FROM allocation a JOIN specialist s ON s.id = a.specialist_id WHERE a.status <> 'cancelled' AND a.start_date < s.start_date",
    ),
    absences: n('SELECT count(*) AS n FROM absence a JOIN specialist s ON s.id = a.specialist_id WHERE a.start_date < s.start_date'),
    timeEntries: n('SELECT count(*) AS n FROM time_entry t JOIN specialist s ON s.id = t.specialist_id WHERE t.date < s.start_date'),
    replacements: n(
      "SELECT count(*) AS n FROM replacement_request r JOIN specialist s ON s.id = r.replacement_specialist_id WHERE r.status = 'fulfilled' AND r.replacement_start_date < s.start_date",
    ),
  };
}

describe('the sample data and the start dates', { timeout: 60_000 }, () => {
  it.each([SAMPLE_ANCHOR, '2027-03-10'])('has nobody allocated, off, replacing or billed before they joined, loaded on %s', async (day) => {
    const backend = openOn(day);
    await backend.ok('sample.load');
    expect(beforeJoining(backend)).toEqual({ allocations: 0, absences: 0, timeEntries: 0, replacements: 0 });
  });
});
