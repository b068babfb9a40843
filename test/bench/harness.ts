import { performance } from 'node:perf_hooks';
import type { Result } from '@shared/contract';

/**
 * A tiny benchmark harness: time a function over several runs after a few
 * warm-ups, keep median/min/max, and print the results as an aligned table.
 * Benchmarks report figures and ratios; they never assert on time.
 */

export type Stats = {
  name: string;
  runs: number;
  median: number;
  min: number;
  max: number;
  /** The 95th percentile (nearest rank): the slow end a user meets now and then. */
  p95?: number;
  /** What the measured function returned on its last run, e.g. a row count. */
  detail?: string;
};

export type MeasureOptions<S, R> = {
  /** Timed runs (default 25). */
  runs?: number;
  /** Untimed runs first, to warm statement caches, the JIT and the page cache (default 3). */
  warmup?: number;
  /** Runs before each call, untimed; its value is passed to the measured function. */
  setup?: () => S;
  /** Runs after each call, untimed: close what the call opened. */
  teardown?: (result: R, state: S) => void;
  /** Describes the result of the last run for the table (e.g. "412 rows"). */
  describe?: (result: R) => string;
};

let peakRss = process.memoryUsage.rss();

/** Samples the resident set size; called between runs, never inside the timed region. */
export function sampleRss(): number {
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) peakRss = rss;
  return rss;
}

export function peakRssBytes(): number {
  sampleRss();
  return peakRss;
}

/**
 * Times `fn` (sync or async). Only the call itself is timed: setup, teardown
 * and RSS sampling happen outside the measured region. A promise is awaited
 * inside the timed region, so async paths pay their own microtask cost.
 */
export async function measure<R, S = undefined>(
  name: string,
  fn: (state: S) => R | Promise<R>,
  options: MeasureOptions<S, R> = {},
): Promise<Stats> {
  const runs = options.runs ?? 25;
  const warmup = options.warmup ?? 3;
  const times: number[] = [];
  let last: R | undefined;
  for (let i = 0; i < warmup + runs; i++) {
    const state = (options.setup ? options.setup() : undefined) as S;
    const start = performance.now();
    const value = fn(state);
    const result = value instanceof Promise ? await value : value;
    const elapsed = performance.now() - start;
    options.teardown?.(result, state);
    sampleRss();
    if (i >= warmup) times.push(elapsed);
    last = result;
  }
  times.sort((a, b) => a - b);
  const stats: Stats = { name, runs, median: median(times), min: times[0] ?? 0, max: times.at(-1) ?? 0, p95: percentile(times, 0.95) };
  if (options.describe && last !== undefined) stats.detail = options.describe(last);
  return stats;
}

export type Variant<R> = { name: string; fn: () => R | Promise<R> };

/**
 * Times several ways of doing the same thing, interleaved: each round runs
 * every variant once, starting from a different one each round. Measured one
 * after the other instead, a later variant pays for the garbage the earlier
 * ones left behind (heap growth, more GC), which skews ratios by 30% or more.
 * Returns the stats in the order the variants were given.
 */
export async function compare<R>(
  variants: readonly Variant<R>[],
  options: Omit<MeasureOptions<undefined, R>, 'setup' | 'teardown'> = {},
): Promise<Stats[]> {
  const runs = options.runs ?? 25;
  const warmup = options.warmup ?? 3;
  const times = variants.map((): number[] => []);
  const last = new Map<number, R>();
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < variants.length; k++) {
      const index = (round + k) % variants.length;
      const variant = variants[index];
      if (!variant) continue;
      const start = performance.now();
      const value = variant.fn();
      const result = value instanceof Promise ? await value : value;
      const elapsed = performance.now() - start;
      sampleRss();
      if (round >= warmup) times[index]?.push(elapsed);
      last.set(index, result);
    }
  }
  return variants.map((variant, index) => {
    const sorted = (times[index] ?? []).sort((a, b) => a - b);
    const stats: Stats = {
      name: variant.name,
      runs,
      median: median(sorted),
      min: sorted[0] ?? 0,
      max: sorted.at(-1) ?? 0,
      p95: percentile(sorted, 0.95),
    };
    const result = last.get(index);
    if (options.describe && result !== undefined) stats.detail = options.describe(result);
    return stats;
  });
}

/** Times one call (for one-off steps such as generating the dataset). */
export async function once<R>(fn: () => R | Promise<R>): Promise<{ result: R; ms: number }> {
  const start = performance.now();
  const value = fn();
  const result = value instanceof Promise ? await value : value;
  const ms = performance.now() - start;
  sampleRss();
  return { result, ms };
}

/** The nearest-rank percentile of sorted times (0 < p ≤ 1). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

type Entry = { kind: 'section'; title: string } | { kind: 'row'; stats: Stats; baseline: Stats | 'self' | null };

/**
 * The printed report. Sections group rows; a row may name a baseline row,
 * and then shows its median as a multiple of the baseline's median.
 */
export class Report {
  private readonly entries: Entry[] = [];

  section(title: string): this {
    this.entries.push({ kind: 'section', title });
    return this;
  }

  /** Adds a row; `baseline: 'self'` marks the row others are compared with. */
  add(stats: Stats, baseline: Stats | 'self' | null = null): Stats {
    this.entries.push({ kind: 'row', stats, baseline });
    return stats;
  }

  lines(): string[] {
    const header = ['case', 'runs', 'median ms', 'min ms', 'max ms', 'vs bare', 'result'];
    const right = [false, true, true, true, true, true, false];
    const body: (string[] | string)[] = this.entries.map((e) => {
      if (e.kind === 'section') return e.title;
      const { stats, baseline } = e;
      const ratio = baseline === 'self' ? 'baseline' : baseline ? `${(stats.median / baseline.median).toFixed(2)}×` : '';
      return [`  ${stats.name}`, String(stats.runs), ms(stats.median), ms(stats.min), ms(stats.max), ratio, stats.detail ?? ''];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...body.filter((r) => Array.isArray(r)).map((r) => (r[i] ?? '').length)));
    const format = (cells: readonly string[]) =>
      cells
        .map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    const rule = '-'.repeat(widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1));
    return [format(header), rule, ...body.map((r) => (Array.isArray(r) ? format(r) : r))];
  }

  print(): void {
    for (const line of this.lines()) console.log(line);
  }
}

function ms(value: number): string {
  if (value >= 100) return value.toFixed(1);
  if (value >= 10) return value.toFixed(2);
  return value.toFixed(3);
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The value of a procedure's answer; a refusal stops the benchmark, naming the procedure. */
export function resultValue<T>(name: string, result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
