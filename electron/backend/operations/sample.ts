import type { SampleStep } from '@backend/core/sample';
import { saveMapping, setBudget, setCost } from './costService';
import { acknowledge, addNote, mitigate, openIncident, resolve } from './incidentService';
import { logRun, setPolicy } from './retrainingService';

const HOUR = 3_600_000;

/** The authored month `back` months before the anchor's (November 2026). */
const monthAt = (back: number) => `${2026 + Math.floor((10 + back) / 12)}-${String(((10 + back + 120) % 12) + 1).padStart(2, '0')}`;

/**
 * The operations sample: retraining policies on three production models (the recommender's drifting embeddings
 * make it due on its drift trigger; the PD scorecard is overdue on its quarterly cadence), a retraining log, an
 * open incident on the recommender and a resolved one on the PD scorecard whose review was planned and never held.
 */
export const operationsSample: SampleStep = {
  area: 'operations',
  load(ctx, run) {
    const now = Date.parse(ctx.now());
    const at = (hoursAgo: number) => new Date(Math.floor((now - hoursAgo * HOUR) / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
    const recommender = run.id('Homepage product recommender');
    const pd = run.id('Retail credit PD scorecard');
    const claims = run.id('Claims triage classifier');
    setPolicy(ctx, {
      modelId: recommender,
      cadence: { every: 4, unit: 'week' },
      triggers: { on_demand: true, schedule: true, new_data: false, degradation: true, drift: true },
    });
    setPolicy(ctx, {
      modelId: pd,
      cadence: { every: 3, unit: 'month' },
      triggers: { on_demand: true, schedule: true, new_data: false, degradation: true, drift: false },
    });
    setPolicy(ctx, {
      modelId: claims,
      cadence: null,
      triggers: { on_demand: true, schedule: false, new_data: true, degradation: true, drift: true },
    });
    const runs: Parameters<typeof logRun>[1][] = [
      {
        modelId: pd,
        runOn: run.date('2026-05-11'),
        trigger: 'schedule',
        outcome: 'no_change',
        versionId: null,
        newVersion: null,
        sloId: null,
        notes: 'Q2 refit: coefficients within tolerance, champion kept.',
      },
      {
        modelId: pd,
        runOn: run.date('2026-08-03'),
        trigger: 'schedule',
        outcome: 'no_change',
        versionId: null,
        newVersion: null,
        sloId: null,
        notes: 'Q3 refit: no material change.',
      },
      {
        modelId: recommender,
        runOn: run.date('2026-10-19'),
        trigger: 'schedule',
        outcome: 'failed',
        versionId: null,
        newVersion: null,
        sloId: null,
        notes: 'Feature store backfill timed out; rerun the following week.',
      },
      {
        modelId: recommender,
        runOn: run.date('2026-10-26'),
        trigger: 'schedule',
        outcome: 'no_change',
        versionId: null,
        newVersion: null,
        sloId: null,
        notes: 'Offline recall within 1% of the champion.',
      },
      {
        modelId: claims,
        runOn: run.date('2026-11-02'),
        trigger: 'on_demand',
        outcome: 'no_change',
        versionId: null,
        newVersion: null,
        sloId: null,
        notes: 'Asked for after the October claims surge; no gain.',
      },
    ];
    for (const r of runs) logRun(ctx, r);

    // Resolved ten days ago; its review was planned and never recorded as held, so it shows as overdue.
    const pdIncident = openIncident(ctx, {
      modelId: pd,
      severity: 'sev2',
      title: 'Scores missing for loan applications from the mobile channel',
      detectedAt: at(10 * 24 + 6),
      detectedBy: 'user_report',
      sloId: null,
      detail: 'Credit officers reported empty PD fields on mobile applications since the morning batch.',
      responder: null,
      responderReason: '',
    });
    acknowledge(ctx, { id: pdIncident.id, at: at(10 * 24 + 5) });
    addNote(ctx, {
      id: pdIncident.id,
      at: at(10 * 24 + 4),
      text: 'The mobile channel sends the new product code MOB2; the feature mapping drops it.',
    });
    mitigate(ctx, {
      id: pdIncident.id,
      at: at(10 * 24 + 2),
      text: 'Mapped MOB2 to the retail product group and rescored the day’s applications.',
      rollback: null,
    });
    resolve(ctx, {
      id: pdIncident.id,
      at: at(10 * 24),
      text: 'All mobile applications scored; the mapping test now covers every product code.',
      review: { date: null, time: '10:00', durationMinutes: 60 },
    });

    // Open since this morning, acknowledged.
    const recIncident = openIncident(ctx, {
      modelId: recommender,
      severity: 'sev3',
      title: 'Embedding drift alert on the homepage carousel',
      detectedAt: at(5),
      detectedBy: 'alert',
      sloId: null,
      detail: 'The drift monitor fired on the item embeddings; click-through is holding so far.',
      responder: null,
      responderReason: '',
    });
    acknowledge(ctx, { id: recIncident.id, at: at(4) });

    // Run cost at Thameside: the tags its cloud accounts carry, budgets, six months typed in; the assistant's API
    // spend outruns its budget last month.
    const assistant = run.id('Customer service assistant');
    saveMapping(ctx, {
      clientId: run.id('Thameside Retail plc'),
      mappings: [
        { tagKey: 'model', tagValue: 'homepage-recs', modelId: recommender },
        { tagKey: 'model', tagValue: 'cs-assistant', modelId: assistant },
      ],
    });
    setBudget(ctx, { modelId: recommender, monthlyMinor: 140_000 });
    setBudget(ctx, { modelId: assistant, monthlyMinor: 250_000 });
    const months = [-6, -5, -4, -3, -2, -1].map((back) => run.month(monthAt(back)));
    let lines = 0;
    months.forEach((month, i) => {
      const costs: [string, 'compute' | 'storage' | 'api' | 'licences', number][] = [
        [recommender, 'compute', 98_000 + i * 1_500],
        [recommender, 'storage', 21_000 + i * 400],
        [assistant, 'api', 140_000 + i * i * 6_000],
        [assistant, 'licences', 40_000],
      ];
      for (const [modelId, category, amountMinor] of costs) {
        setCost(ctx, { modelId, month, category, amountMinor });
        lines += 1;
      }
    });
    return { retrainingPolicies: 3, retrainingRuns: runs.length, incidents: 2, costLines: lines, costBudgets: 2 };
  },
};
