import { fork } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from '@backend/core/db/connection';
import { newId } from '@backend/core/ids';
import { type Backend, createBackend } from '@backend/index';
import { healthCounts } from '@backend/monitoring/boardService';
import { inboxFolder } from '@backend/monitoring/inbox';
import type { Aggregation } from '@shared/monitoring/rules/vocabulary';
import { compare, type MeasureOptions, megabytes, once, type Report, type Stats } from './harness';

/**
 * Model monitoring (BENCH_ONLY=monitoring), in databases of its own:
 *
 * - health of every model: 500 production models × 10 SLOs (24-hour windows; mean, min, max or last) with
 *   hourly readings over 90 days (10.8 M readings). Keel's path (the repository's window aggregates, the rules'
 *   status, silence and health) beside hand-written SQL computing the same numbers and statuses (aim < 200 ms
 *   and ≤ 2× the SQL).
 * - importing through the inbox: 200,000 and 1,000,000 readings, each in a forked process on a copy of a database
 *   with the SLOs and no readings; the time, the peak RSS and how long the event loop was held at a time (aim < 10 s for 1 M, peak RSS at 1 M ≤ 1.5× at 200 k).
 */
type Runs = Pick<MeasureOptions<undefined, unknown>, 'runs' | 'warmup'>;

export const MONITORING_CHILD_FLAG = '--bench-monitoring-import';
const MODELS = 500;
const METRICS = 10;
const HOURS = 90 * 24;
const NOW = Date.UTC(2026, 10, 24, 10, 0, 0);
const HOUR = 3_600_000;
const AGGREGATIONS: readonly Aggregation[] = ['mean', 'mean', 'mean', 'mean', 'mean', 'mean', 'min', 'max', 'last', 'mean'];

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const p50p95 = (s: Stats) => `p50 ${ms(s.median)} ms, p95 ${ms(s.p95 ?? s.max)} ms`;

/** A client, 500 production models, 10 SLOs each; readings when `hours` > 0. */
function writeDataset(file: string, hours: number): { readings: number } {
  const { db } = openDatabase(file);
  try {
    const at = new Date(NOW).toISOString();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('bench-client', 'Bench AG', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
      ).run(at, at);
      const model = db.prepare(
        `INSERT INTO model (id, client_id, name, risk_tier, ai_act_category, kind, serving, in_service_since, stage, stage_since, created_at, updated_at)
         VALUES (?, 'bench-client', ?, 'medium', 'minimal', 'classical_ml', 'online', '2026-01-05', 'production', '2026-02-02', ?, ?)`,
      );
      const slo = db.prepare(
        `INSERT INTO monitoring_slo (id, model_id, kind, metric, unit, direction, target, warning, window_minutes, aggregation, playbook, duty_key, created_at, updated_at)
         VALUES (?, ?, 'custom', ?, '', 'higher', 0.8, 0.7, 1440, ?, '["Check the metric."]', 'monitoring', ?, ?)`,
      );
      const series = db.prepare('INSERT INTO reading_series (id, model_id, metric, segment) VALUES (?, ?, ?, ?)');
      for (let m = 0; m < MODELS; m++) {
        const id = newId();
        model.run(id, `Model ${String(m).padStart(3, '0')}`, at, at);
        for (let k = 0; k < METRICS; k++) {
          slo.run(newId(), id, `metric_${k}`, AGGREGATIONS[k], at, at);
          series.run(m * METRICS + k + 1, id, `metric_${k}`, '');
        }
      }
    })();
    let readings = 0;
    if (hours > 0) {
      const reading = db.prepare("INSERT INTO reading (series_id, at, value, import_id) VALUES (?, ?, ?, 'bench')");
      db.transaction(() => {
        for (let s = 1; s <= MODELS * METRICS; s++) {
          // Most series sit around 0.9; one in 40 drifts below the warning in its last day.
          const falling = s % 40 === 0;
          for (let h = hours; h >= 1; h--) {
            const value = falling && h <= 24 ? 0.6 : 0.85 + ((s * 7 + h * 13) % 100) / 1000;
            reading.run(s, NOW - h * HOUR, value);
            readings += 1;
          }
        }
      })();
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('optimize');
    return { readings };
  } finally {
    db.close();
  }
}

/** The same figures by hand: each SLO's window aggregate and its status, in one statement. */
function handWritten(backend: Backend) {
  const sql = backend.db.prepare(
    `SELECT o.id,
       CASE
         WHEN count(r.at) = 0 THEN 'no_data'
         WHEN (CASE o.aggregation WHEN 'mean' THEN avg(r.value) WHEN 'min' THEN min(r.value) WHEN 'max' THEN max(r.value)
               ELSE (SELECT l.value FROM reading l WHERE l.series_id = s.id AND l.at >= @at - o.window_minutes * 60000 AND l.at < @at ORDER BY l.at DESC LIMIT 1) END) >= o.target THEN 'ok'
         WHEN (CASE o.aggregation WHEN 'mean' THEN avg(r.value) WHEN 'min' THEN min(r.value) WHEN 'max' THEN max(r.value)
               ELSE (SELECT l.value FROM reading l WHERE l.series_id = s.id AND l.at >= @at - o.window_minutes * 60000 AND l.at < @at ORDER BY l.at DESC LIMIT 1) END) >= o.warning THEN 'warning'
         ELSE 'breach' END AS status
     FROM monitoring_slo o
     JOIN reading_series s ON s.model_id = o.model_id AND s.metric = o.metric AND s.segment = o.segment
     JOIN reading r ON r.series_id = s.id AND r.at >= @at - o.window_minutes * 60000 AND r.at < @at
     GROUP BY o.id`,
  );
  return () => {
    const rows = sql.all({ at: NOW }) as { id: string; status: string }[];
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  };
}

export type MonitoringImportTask = { database: string; readings: number; file: string };
type ImportResult = { ms: number; readings: number; rssBefore: number; maxRss: number; held: { p50: number; p99: number; max: number } };

/** In the forked process: the inbox takes one file while monitoring.settings is asked every 10 ms. */
export async function runMonitoringImportChild(task: MonitoringImportTask): Promise<void> {
  const backend = createBackend({
    databasePath: task.database,
    actor: 'bench',
    mode: 'browser',
    background: false,
    clock: () => new Date(NOW),
  });
  try {
    const folder = inboxFolder(dirname(task.database));
    renameSync(task.file, join(folder, 'readings.csv'));
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage.rss();
    // How long the event loop is held at a time while the inbox takes the file: every other call waits that long.
    const gaps: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const taken = await backend.dispatch('monitoring.scanInbox', {});
    const took = performance.now() - started;
    clearInterval(ticker);
    gaps.push(performance.now() - last);
    gaps.sort((a, b) => a - b);
    const gapAt = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor((p / 100) * gaps.length))] ?? 0;
    if (!taken.ok) throw new Error(taken.error.message);
    const [first] = taken.value as { readings: number; status: string }[];
    if (first?.status !== 'imported') throw new Error(`The inbox refused the file: ${JSON.stringify(first)}`);
    const result: ImportResult = {
      ms: took,
      readings: first.readings,
      rssBefore,
      maxRss: process.resourceUsage().maxRSS * 1024,
      held: { p50: gapAt(50), p99: gapAt(99), max: gaps.at(-1) ?? 0 },
    };
    process.send?.(result);
  } finally {
    backend.close();
  }
}

export function monitoringImportTask(argv: readonly string[]): MonitoringImportTask | null {
  const at = argv.indexOf(MONITORING_CHILD_FLAG);
  return at === -1 ? null : (JSON.parse(argv[at + 1] ?? 'null') as MonitoringImportTask);
}

/** A long CSV of `count` readings spread over every model's SLO metrics, written in chunks (never held whole). */
function writeReadingsFile(database: string, file: string, count: number): void {
  const { db } = openDatabase(database);
  const models = db.prepare('SELECT id FROM model ORDER BY name').pluck().all() as string[];
  db.close();
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, 'timestamp,model,metric,value\n');
    const perSeries = Math.ceil(count / (models.length * METRICS));
    let n = 0;
    let chunk: string[] = [];
    outer: for (const model of models) {
      for (let k = 0; k < METRICS; k++) {
        for (let h = perSeries; h >= 1; h--) {
          if (n++ >= count) break outer;
          chunk.push(`${new Date(NOW - h * 300_000).toISOString()},${model},metric_${k},0.9`);
          if (chunk.length === 10_000) {
            writeSync(fd, `${chunk.join('\n')}\n`);
            chunk = [];
          }
        }
      }
    }
    if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

function runInChild(task: MonitoringImportTask): Promise<ImportResult> {
  const script = process.argv[1];
  if (!script) throw new Error('Cannot tell which script to fork.');
  return new Promise((resolve, reject) => {
    const child = fork(script, [MONITORING_CHILD_FLAG, JSON.stringify(task)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    let result: ImportResult | null = null;
    child.on('message', (message) => {
      result = message as ImportResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`The monitoring import child (${task.readings}) ended with ${signal ?? `code ${code}`} and no result.`));
    });
  });
}

export async function monitoringBench(report: Report, dir: string, runs: Runs): Promise<string[]> {
  const file = join(dir, 'monitoring.db');
  const written = await once(() => writeDataset(file, HOURS));
  const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser', background: false, clock: () => new Date(NOW) });
  const lines: string[] = [];
  try {
    const keel = () => healthCounts(backend.ctx);
    const hand = handWritten(backend);
    // The two must agree before anything is timed: Keel's per-SLO statuses, counted, against the SQL's.
    const slos = backend.ctx.repos.monitoring.slosOf(null);
    const { evaluateSlos } = await import('@backend/monitoring/evaluation');
    const statuses: Record<string, number> = {};
    for (const e of evaluateSlos(backend.ctx, slos, NOW, null).values()) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
    const byHand = hand();
    if (JSON.stringify(Object.entries(statuses).sort()) !== JSON.stringify(Object.entries(byHand).sort())) {
      throw new Error(`Keel's SLO statuses ${JSON.stringify(statuses)} and the hand-written SQL's ${JSON.stringify(byHand)} differ.`);
    }
    report.section(
      `Monitoring: ${MODELS} production models × ${METRICS} SLOs, hourly readings over 90 days (${written.result.readings.toLocaleString('en')} readings)`,
    );
    const [keelStats, handStats, boardStats] = await compare<unknown>(
      [
        { name: 'health of every model — SLO windows, silence, health (repository + rules)', fn: keel },
        { name: '  the same SLO statuses by hand-written SQL', fn: hand },
        {
          name: '  the board through the contract (monitoring.board, with responders)',
          fn: () => backend.dispatch('monitoring.board', {}),
        },
      ],
      { ...runs, describe: (r) => (r && typeof r === 'object' && 'breach' in r ? JSON.stringify(r) : 'board') },
    );
    if (!keelStats || !handStats || !boardStats) throw new Error('compare() returned fewer stats than variants.');
    report.add(keelStats, handStats);
    report.add(boardStats, handStats);
    report.add(handStats, 'self');
    lines.push(
      `Monitoring   ${MODELS} models × ${METRICS} SLOs, ${written.result.readings.toLocaleString('en')} readings written in ${(written.ms / 1000).toFixed(1)} s; SLO statuses ${JSON.stringify(statuses)}`,
      `             health of every model ${p50p95(keelStats)} (aim < 200 ms); hand-written SQL ${p50p95(handStats)}; ratio ${(keelStats.median / handStats.median).toFixed(2)}× (aim ≤ 2×); the board with responders ${p50p95(boardStats)}`,
    );
  } finally {
    backend.close();
  }

  const empty = join(dir, 'monitoring-empty', 'keel.db');
  mkdirSync(dirname(empty), { recursive: true });
  writeDataset(empty, 0);
  const results: ImportResult[] = [];
  for (const readings of [200_000, 1_000_000]) {
    const copyDir = join(dir, `monitoring-import-${readings}`);
    mkdirSync(copyDir, { recursive: true });
    for (const f of readdirSync(dirname(empty))) if (f.startsWith('keel.db')) copyFileSync(join(dirname(empty), f), join(copyDir, f));
    const file = join(copyDir, 'readings.csv');
    writeReadingsFile(join(copyDir, 'keel.db'), file, readings);
    mkdirSync(inboxFolder(copyDir), { recursive: true });
    const r = await runInChild({ database: join(copyDir, 'keel.db'), readings, file });
    results.push(r);
    lines.push(
      `             inbox import of ${r.readings.toLocaleString('en')} readings: ${(r.ms / 1000).toFixed(2)} s, peak RSS ${megabytes(r.maxRss)} (${megabytes(r.rssBefore)} before); ` +
        `event loop held p50 ${r.held.p50.toFixed(0)} ms, p99 ${r.held.p99.toFixed(0)} ms, max ${r.held.max.toFixed(0)} ms (another call waits that long)`,
    );
  }
  const [small, large] = results as [ImportResult, ImportResult];
  lines.push(
    `             peak RSS at 1 M ÷ at 200 k: ${(large.maxRss / small.maxRss).toFixed(2)}× (aim ≤ 1.5×); 1 M in ${(large.ms / 1000).toFixed(1)} s (aim < 10 s)`,
  );
  return lines;
}
