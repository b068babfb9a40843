import type { SampleStep } from '@backend/core/sample';
import type { RawReading } from '@shared/monitoring/rules/readings';
import { keepReadings } from './readingImport';
import { saveMapping } from './settings';
import { applyTemplate, createSlo } from './sloService';

/** Hours of readings the sample carries back from the load instant. */
const HOURS = 21 * 24;

/**
 * How a sample model's metrics behave: `base` and `noise` around it; `drift` added over the last `hours` hours
 * (a drift score climbing past its threshold); `daily` metrics arrive once a day, at the load's hour (labelled outcomes); `stopsHoursAgo`:
 * the stack stopped sending that many hours ago.
 */
type Course = { metric: string; base: number; noise: number; daily?: boolean; drift?: { hours: number; by: number } };
type SampleWatch = { model: string; courses: Course[]; stopsHoursAgo?: number; segmentOf?: string };

const WATCHED: readonly SampleWatch[] = [
  {
    // In production; its input embeddings have been drifting since yesterday: a breach with its playbook and responder.
    model: 'Homepage product recommender',
    courses: [
      { metric: 'latency_p95', base: 180, noise: 40 },
      { metric: 'f1', base: 0.87, noise: 0.01, daily: true },
      { metric: 'ks.embeddings', base: 0.06, noise: 0.015, drift: { hours: 30, by: 0.16 } },
    ],
  },
  {
    model: 'Retail credit PD scorecard',
    courses: [
      { metric: 'availability', base: 99.9, noise: 0.05 },
      { metric: 'auc', base: 0.83, noise: 0.004, daily: true },
      { metric: 'psi.features', base: 0.05, noise: 0.01 },
    ],
  },
  {
    // Precision slipping under its target: a warning before it becomes a breach.
    model: 'Weekly SKU demand forecast',
    courses: [
      { metric: 'latency_p95', base: 210, noise: 30 },
      { metric: 'f1', base: 0.835, noise: 0.004, daily: true },
      { metric: 'ks.embeddings', base: 0.07, noise: 0.01 },
    ],
  },
  {
    // The pilot's stack stopped sending six days ago: its windows are empty.
    model: 'Claims triage classifier',
    stopsHoursAgo: 6 * 24,
    courses: [
      { metric: 'latency_p95', base: 240, noise: 35 },
      { metric: 'f1', base: 0.86, noise: 0.01, daily: true },
    ],
  },
];

/** A small deterministic generator, so every load shows the same course. */
function noiseFrom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** The monitoring sample: the suggested SLOs of four models, three weeks of readings, Thameside's Prometheus labels. */
export const monitoringSample: SampleStep = {
  area: 'monitoring',
  load(ctx, run) {
    let slos = 0;
    const readings: RawReading[] = [];
    const hourNow = Math.floor(Date.parse(ctx.now()) / 3_600_000) * 3_600_000;
    for (const [w, watch] of WATCHED.entries()) {
      const modelId = run.id(watch.model);
      slos += applyTemplate(ctx, modelId).length;
      for (const [c, course] of watch.courses.entries()) {
        const noise = noiseFrom(1000 * (w + 1) + c);
        for (let h = HOURS; h >= 1; h--) {
          if (watch.stopsHoursAgo !== undefined && h < watch.stopsHoursAgo) break;
          const at = hourNow - h * 3_600_000;
          if (course.daily && h % 24 !== 0) continue;
          const drift = course.drift && h <= course.drift.hours ? (course.drift.by * (course.drift.hours - h + 1)) / course.drift.hours : 0;
          const value = Math.round((course.base + drift + noise() * 2 * course.noise) * 10_000) / 10_000;
          readings.push({
            where: `${watch.model} ${course.metric}`,
            model: modelId,
            metric: course.metric,
            segment: '',
            version: '',
            at: new Date(at).toISOString(),
            value,
          });
        }
      }
    }
    // A segment-level SLO: the recommender's latency for the mobile app alone.
    const recommender = run.id('Homepage product recommender');
    createSlo(ctx, {
      modelId: recommender,
      versionId: null,
      segment: 'mobile',
      kind: 'latency_p95',
      metric: 'latency_p95',
      unit: 'ms',
      direction: 'lower',
      target: 300,
      warning: 450,
      windowMinutes: 180,
      aggregation: 'p95',
      playbook: ['Check the mobile API gateway.', 'Scale the serving pool out.'],
      dutyKey: 'incident_response',
    });
    slos += 1;
    const noise = noiseFrom(77);
    for (let h = 48; h >= 1; h--) {
      readings.push({
        where: 'mobile latency',
        model: recommender,
        metric: 'latency_p95',
        segment: 'mobile',
        version: '',
        at: new Date(hourNow - h * 3_600_000).toISOString(),
        value: Math.round(240 + noise() * 60),
      });
    }
    const kept = keepReadings(ctx, 'Sample readings', readings);
    saveMapping(
      ctx,
      { id: run.id('Thameside Retail plc'), name: 'Thameside Retail plc' },
      { modelLabel: 'model', metricLabel: '__name__', segmentLabel: 'segment', versionLabel: '' },
    );
    return { slos, readings: kept.readings };
  },
};
