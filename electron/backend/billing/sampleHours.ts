import type { Activity } from '@shared/billing/rules/activities';
import type { RoundingIncrement } from '@shared/billing/rules/invoice';
import type { SpecialistRole } from '@shared/clients/rules/reference';

/**
 * The sample billing: hourly rates per engagement and role (in the
 * engagement's currency, minor units), a mid-October rate rise, a specialist
 * override, rounding and a cap, and hours from September to mid-November
 * 2026 generated from the sample allocations. September is invoiced,
 * October approved for the bank and open elsewhere, November in progress.
 * Authored against SAMPLE_ANCHOR (core/sample.ts): days move by whole weeks
 * with the load day, months (the hours' first month, the closes) stay the
 * same number of months before today's month.
 */

/** Base hourly rates per role in major units; each engagement scales them. */
const BASE: Record<SpecialistRole, number> = {
  mlops_engineer: 120,
  ml_platform_engineer: 130,
  ml_engineer: 125,
  data_engineer: 110,
  data_scientist: 115,
  sre: 120,
  devops_engineer: 105,
  engagement_lead: 140,
};

export type SampleTerms = {
  engagement: string;
  /** Minor units per major unit for the rates below (100 for CHF, EUR, USD, GBP). */
  scale: number;
  factor: number;
  roundingMinutes: RoundingIncrement;
  monthlyCapHours: number | null;
  /** A rise of all role rates from this date, by this factor. */
  rise?: { from: string; factor: number };
  overrides?: { specialist: string; from: string; hourlyRate: number }[];
};

export const SAMPLE_TERMS: SampleTerms[] = [
  {
    engagement: 'Credit risk model operations',
    scale: 100,
    factor: 1.1,
    roundingMinutes: 15,
    monthlyCapHours: null,
    rise: { from: '2026-10-15', factor: 1.05 },
    overrides: [{ specialist: 'Piotr Kowalski', from: '2026-01-01', hourlyRate: 165 }],
  },
  { engagement: 'Demand forecasting platform', scale: 100, factor: 0.95, roundingMinutes: 0, monthlyCapHours: 640 },
  { engagement: 'Claims triage model run', scale: 100, factor: 1.2, roundingMinutes: 6, monthlyCapHours: null },
  { engagement: 'Fraud scoring pilot', scale: 100, factor: 1.2, roundingMinutes: 6, monthlyCapHours: null },
  { engagement: 'Recommendation engine operations', scale: 100, factor: 0.9, roundingMinutes: 30, monthlyCapHours: null },
];

export const SAMPLE_RATE_START = '2025-01-01';

/** Role rates of one engagement in minor units, before and (if any) after the rise. */
export function sampleRates(t: SampleTerms): { role: SpecialistRole; effectiveFrom: string; hourlyRateMinor: number }[] {
  const out = [];
  for (const [role, base] of Object.entries(BASE) as [SpecialistRole, number][]) {
    const rate = Math.round(base * t.factor) * t.scale;
    out.push({ role, effectiveFrom: SAMPLE_RATE_START, hourlyRateMinor: rate });
    if (t.rise) out.push({ role, effectiveFrom: t.rise.from, hourlyRateMinor: Math.round((rate * t.rise.factor) / t.scale) * t.scale });
  }
  return out;
}

/** Hours from the first of this month (two months before the anchor's: the invoiced month)… */
export const SAMPLE_HOURS_FROM_MONTH = '2026-09';
/** …to the Friday before the anchor's week, and at least to the end of the month before today's (the approved month). */
export const SAMPLE_HOURS_TO = '2026-11-20';
export const SAMPLE_HOURS_THROUGH_MONTH = '2026-10';

/** Days a specialist forgot to book (the month review shows them as missing). */
export const SAMPLE_GAPS: { specialist: string; date: string }[] = [
  { specialist: 'Ioana Constantinescu', date: '2026-10-22' },
  { specialist: 'Ioana Constantinescu', date: '2026-10-23' },
  { specialist: 'Rafael Oliveira', date: '2026-11-12' },
];

/** An incident night: a long day that the review flags. */
export const SAMPLE_LONG_DAY = { specialist: 'Lucía Fernández', date: '2026-10-14', extraMinutes: 240 };

const ROTATION: Activity[] = ['retraining', 'deployment', 'data_pipelines', 'improvement', 'governance_audit', 'incident_response'];

/**
 * One working day's entries for a specialist at a load: most of the day on
 * operate & monitoring, an hour of ceremonies on Mondays, and a rotating
 * second activity, summing to the day's share of their hours.
 */
export function sampleDay(
  dayIndex: number,
  weekday: number,
  minutes: number,
  /** The model the rotating activity is spent on that day, if any. */
  modelId: string | null = null,
): { activity: Activity; minutes: number; modelId: string | null }[] {
  const ceremonies = weekday === 1 ? Math.min(60, minutes) : 0;
  const second = Math.round((minutes - ceremonies) * 0.35);
  const operate = minutes - ceremonies - second;
  const parts: { activity: Activity; minutes: number; modelId: string | null }[] = [
    { activity: 'operate_monitoring', minutes: operate, modelId: null },
    { activity: ROTATION[dayIndex % ROTATION.length] as Activity, minutes: second, modelId },
  ];
  if (ceremonies) parts.push({ activity: 'ceremonies_meetings', minutes: ceremonies, modelId: null });
  return parts.filter((p) => p.minutes > 0);
}

/**
 * Hours on a model: on these engagements the day's rotating activity
 * (retraining, deployment, data pipelines…) is spent on one of their models,
 * in turn, once the model is in service — so the sample shows hours per model
 * beside the engagement-wide operate & monitoring and ceremonies.
 */
export const SAMPLE_MODEL_WORK: { engagement: string; models: string[] }[] = [
  { engagement: 'Credit risk model operations', models: ['Retail credit PD scorecard', 'Mortgage affordability model'] },
  { engagement: 'Demand forecasting platform', models: ['Weekly SKU demand forecast', 'Route ETA predictor'] },
  { engagement: 'Claims triage model run', models: ['Claims triage classifier'] },
  { engagement: 'Fraud scoring pilot', models: ['Claims fraud anomaly detector'] },
  { engagement: 'Recommendation engine operations', models: ['Homepage product recommender', 'Customer service assistant'] },
];

/** Which months the sample closes: September invoiced everywhere, October approved for the bank. */
export const SAMPLE_CLOSES: { month: string; engagement: string; invoice: boolean }[] = [
  { month: '2026-09', engagement: 'Credit risk model operations', invoice: true },
  { month: '2026-09', engagement: 'Demand forecasting platform', invoice: true },
  { month: '2026-09', engagement: 'Claims triage model run', invoice: true },
  { month: '2026-09', engagement: 'Fraud scoring pilot', invoice: true },
  { month: '2026-09', engagement: 'Recommendation engine operations', invoice: true },
  { month: '2026-10', engagement: 'Credit risk model operations', invoice: false },
];
