/**
 * Readings as files bring them: a long table (CSV or a sheet: timestamp, model, metric, value, and
 * optionally version and segment; Keel's own export adds the model's id), or a Prometheus
 * `query_range` answer mapped to models and metrics by a client's saved label mapping. Every reading is
 * checked before any is kept: the whole file is accepted or refused with the list of what is wrong.
 */
import { z } from 'zod';
import { SIGNAL_METRICS } from './vocabulary';

/** A reading as a file states it, before it is checked. `where` says where it is ("row 12"). */
export type RawReading = {
  where: string;
  model: string;
  metric: string;
  segment: string;
  version: string;
  at: unknown;
  value: unknown;
};

/** What a reading may name: the models, their versions and the metrics their SLOs watch. */
export type KnownModel = {
  id: string;
  name: string;
  clientId: string;
  clientName: string;
  /** Metric names the model's SLOs watch. */
  metrics: ReadonlySet<string>;
  /** Version label (lower case) or id → version id. */
  versions: ReadonlyMap<string, string>;
};

/** A checked reading, ready to keep. `at` in ms since the epoch. */
export type CheckedReading = { modelId: string; metric: string; segment: string; versionId: string | null; at: number; value: number };

/** Clocks of the client's machines may run a little ahead of Keel's: up to this much is not "the future". */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** At most this many problems are listed; the count says how many more. */
export const MAX_LISTED_PROBLEMS = 20;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant as a file writes it: ISO-8601 with its offset or Z (a time without one is ambiguous and
 * refused), a spreadsheet's date-time (taken as UTC), or Unix seconds (as Prometheus writes them).
 */
export function instantOf(value: unknown): number | string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'is not a date and time' : value.getTime();
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return 'is not a date and time';
    return Math.round(value * 1000);
  }
  if (typeof value !== 'string' || value.trim() === '') return 'has no timestamp';
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!ISO_INSTANT.test(text)) {
    return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)
      ? `has a timestamp without a time zone (“${text}”); add Z for UTC or an offset such as +01:00`
      : `has a timestamp Keel cannot read (“${text}”); write it as 2026-12-01T10:00:00Z`;
  }
  const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  if (m < 1 || m > 12 || d < 1 || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d)
    return `has a timestamp that is not a real date (“${text}”)`;
  const t = Date.parse(text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(t) ? `has a timestamp that is not a real date (“${text}”)` : t;
}

/** A value as a file writes it: a finite number, or text that is one. */
export function readingValueOf(value: unknown): number | string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return 'has no value';
  if (typeof value === 'string' && /^[+-]?inf(inity)?$/i.test(value.trim())) return `has a value that is not finite (“${value}”)`;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (Number.isNaN(n)) return `has a value that is not a number (“${String(value)}”)`;
  if (!Number.isFinite(n)) return `has a value that is not finite (“${String(value)}”)`;
  return n;
}

/** Finds the models a file names, by id or by name (names are unique within a client, so a name shared by two clients is ambiguous). */
export function modelFinder(models: readonly KnownModel[]) {
  const byId = new Map(models.map((m) => [m.id, m]));
  const byName = new Map<string, KnownModel[]>();
  for (const m of models) {
    const key = m.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  return (name: string): KnownModel | string => {
    const found = byId.get(name.trim()) ?? byName.get(name.trim().toLowerCase());
    if (!found || (Array.isArray(found) && found.length === 0)) return `names a model Keel does not have (“${name}”)`;
    if (!Array.isArray(found)) return found;
    if (found.length > 1) {
      return `names “${name}”, a model of ${found.map((m) => m.clientName).join(' and ')}; use the model’s id to say which`;
    }
    return found[0] as KnownModel;
  };
}

/** A reading checked: kept as a CheckedReading, or the sentence saying what is wrong with it. */
export type ReadingCheck = (r: RawReading) => CheckedReading | string;

/**
 * Checks one reading at a time (a file of a million readings is checked as it streams, never held whole).
 * A reading the same file states twice is found when it is kept: the second one meets the first.
 */
export function readingChecker(models: readonly KnownModel[], now: number): ReadingCheck {
  const find = modelFinder(models);
  return (r) => {
    if (r.model.trim() === '') return `${r.where} names no model.`;
    const model = find(r.model);
    if (typeof model === 'string') return `${r.where} ${model}.`;
    const metric = r.metric.trim();
    if (metric === '') return `${r.where} names no metric.`;
    if (!model.metrics.has(metric) && !SIGNAL_METRICS.includes(metric))
      return `${r.where}: ${model.name} has no SLO on the metric “${metric}”; add one before sending its readings.`;
    const at = instantOf(r.at);
    if (typeof at === 'string') return `${r.where} ${at}.`;
    if (at > now + FUTURE_TOLERANCE_MS) return `${r.where} is dated in the future (${new Date(at).toISOString()}).`;
    const value = readingValueOf(r.value);
    if (typeof value === 'string') return `${r.where} ${value}.`;
    let versionId: string | null = null;
    const version = r.version.trim();
    if (version !== '') {
      versionId = model.versions.get(version.toLowerCase()) ?? model.versions.get(version) ?? null;
      if (versionId === null) return `${r.where} names a version ${model.name} does not have (“${r.version}”).`;
    }
    return { modelId: model.id, metric, segment: r.segment.trim(), versionId, at, value };
  };
}

// ---------------------------------------------------------------- long tables (CSV, sheets, Keel's export)

/** The columns a long table names, in any order and case; `model_id` (Keel's export) wins over `model`. */
export const COLUMN_NAMES = {
  at: ['timestamp', 'time', 'at'],
  model: ['model_id', 'model'],
  metric: ['metric'],
  value: ['value'],
  version: ['version'],
  segment: ['segment'],
} as const;

/** Where each field sits in a table's rows. */
export type Columns = { at: number; model: number; metric: number; value: number; version: number; segment: number };

/** The columns a table's first row names; a missing required column is one sentence. */
export function columnsOf(header: readonly unknown[]): Columns | string {
  const names = header.map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  const column = (options: readonly string[]) => {
    for (const o of options) {
      const i = names.indexOf(o);
      if (i >= 0) return i;
    }
    return -1;
  };
  const c = {
    at: column(COLUMN_NAMES.at),
    model: column(COLUMN_NAMES.model),
    metric: column(COLUMN_NAMES.metric),
    value: column(COLUMN_NAMES.value),
    version: column(COLUMN_NAMES.version),
    segment: column(COLUMN_NAMES.segment),
  };
  const missing = [c.at < 0 && 'timestamp', c.model < 0 && 'model', c.metric < 0 && 'metric', c.value < 0 && 'value'].filter(Boolean);
  if (missing.length > 0) {
    return `The first row must name the columns timestamp, model, metric and value (optionally version and segment); this file has no ${missing.join(', ')} column.`;
  }
  return c;
}

const cellText = (cells: readonly unknown[], i: number) => (i < 0 || cells[i] === null || cells[i] === undefined ? '' : String(cells[i]));

/** One table row as a reading. */
export function readingOfRow(c: Columns, row: number, cells: readonly unknown[]): RawReading {
  return {
    where: `Row ${row}`,
    at: cells[c.at],
    model: cellText(cells, c.model),
    metric: cellText(cells, c.metric),
    value: cells[c.value],
    version: cellText(cells, c.version),
    segment: cellText(cells, c.segment),
  };
}

// ---------------------------------------------------------------- Prometheus

/** How a client's Prometheus labels name Keel's models and metrics (saved per client). */
export const prometheusMapping = z.strictObject({
  modelLabel: z.string().trim().min(1, 'must name the label that carries the model').max(100, 'must be at most 100 characters'),
  metricLabel: z.string().trim().min(1, 'must name the label that carries the metric').max(100, 'must be at most 100 characters'),
  segmentLabel: z.string().trim().max(100, 'must be at most 100 characters'),
  versionLabel: z.string().trim().max(100, 'must be at most 100 characters'),
});
export type PrometheusMapping = z.infer<typeof prometheusMapping>;
export const DEFAULT_MAPPING: PrometheusMapping = { modelLabel: 'model', metricLabel: '__name__', segmentLabel: '', versionLabel: '' };

/** The part of a `query_range` answer Keel reads: a matrix of series, each with labels and [seconds, "value"] pairs. */
const prometheusAnswer = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(
      z.object({
        metric: z.record(z.string(), z.string()),
        values: z.array(z.tuple([z.number(), z.string()])),
      }),
    ),
  }),
});
export type PrometheusAnswer = z.infer<typeof prometheusAnswer>;

/** Whether parsed JSON looks like a Prometheus answer at all (so other JSON gets its own sentence). */
export const looksLikePrometheus = (json: unknown) => typeof json === 'object' && json !== null && 'data' in json && 'status' in json;

/** The answer's shape checked; a sentence when it is not a successful matrix answer. */
export function parsePrometheus(json: unknown): PrometheusAnswer | string {
  const parsed = prometheusAnswer.safeParse(json);
  if (parsed.success) return parsed.data;
  const status = typeof json === 'object' && json !== null ? (json as { status?: unknown }).status : undefined;
  if (status === 'error') return 'This Prometheus answer is an error, not readings; run the query again and send its successful answer.';
  const type = (json as { data?: { resultType?: unknown } })?.data?.resultType;
  if (typeof type === 'string' && type !== 'matrix') {
    return `This Prometheus answer is a ${type}; Keel reads the matrix a query_range call answers.`;
  }
  return 'This file is not a Prometheus query_range answer Keel can read (a successful matrix of series with [seconds, "value"] pairs).';
}

/** Series whose model label is missing or names no model, listed once each. */
export function unmappedSeries(answer: PrometheusAnswer, mapping: PrometheusMapping, isModel: (name: string) => boolean): string[] {
  const out = new Set<string>();
  for (const [i, s] of answer.data.result.entries()) {
    const model = s.metric[mapping.modelLabel];
    if (model === undefined) out.add(`series ${i + 1} has no “${mapping.modelLabel}” label`);
    else if (!isModel(model)) out.add(`${mapping.modelLabel}="${model}"`);
  }
  return [...out];
}

/** The answer's points as readings, labels mapped to model, metric, segment and version. */
export function readingsOfPrometheus(answer: PrometheusAnswer, mapping: PrometheusMapping): RawReading[] {
  return answer.data.result.flatMap((s, i) =>
    s.values.map(([seconds, value], j) => ({
      where: `Series ${i + 1} (${describeLabels(s.metric)}), point ${j + 1}`,
      model: s.metric[mapping.modelLabel] ?? '',
      metric: s.metric[mapping.metricLabel] ?? '',
      segment: mapping.segmentLabel ? (s.metric[mapping.segmentLabel] ?? '') : '',
      version: mapping.versionLabel ? (s.metric[mapping.versionLabel] ?? '') : '',
      at: seconds,
      value,
    })),
  );
}

const describeLabels = (labels: Record<string, string>) =>
  Object.entries(labels)
    .slice(0, 4)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
