import { fork } from 'node:child_process';
import { closeSync, copyFileSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@backend/core/db/connection';
import { openDatabase } from '@backend/core/db/connection';
import { newId } from '@backend/core/ids';
import { createBackend } from '@backend/index';
import { importCostFile } from '@backend/operations/costService';
import type { OperationsOverview } from '@shared/operations/contract/overview';
import { compare, type MeasureOptions, megabytes, once, type Report, resultValue, type Stats } from './harness';

/**
 * Operations (issue's bench), in a database of their own: 50 clients, 500 models in production with a retraining
 * policy each, five years of monthly retraining runs, ten incidents a year per model (each with its timeline and
 * most resolved, nine reviews in ten held as ceremonies), a drift and a quality SLO per model with a day of hourly readings (one model in five breaching):
 *
 * - the operations overview of every client through the contract (aim < 50 ms): retraining due per model from its
 *   policy, log, breaches and new-data signals; open incidents with their clock; reviews overdue; incidents by
 *   severity over twelve months.
 *
 * - importing an AWS Cost and Usage Report of 100,000 and of 500,000 rows (aim < 10 s, flat memory), each in a forked
 *   process on a copy of the database, read from disk a chunk at a time: time and peak RSS.
 *
 * Figures and ratios only.
 */
type Runs = Pick<MeasureOptions<undefined, unknown>, 'runs' | 'warmup'>;

export const OPERATIONS_SIZE = { clients: 50, models: 500, years: 5, incidentsPerYear: 10, now: '2026-12-06T10:00:00.000Z' };
const AIM_MS = 50;
const IMPORT_AIM_S = 10;
export const OPERATIONS_CHILD_FLAG = '--bench-cost-import';
const IMPORT_SIZES = [100_000, 500_000] as const;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const p50p95 = (s: Stats) => `p50 ${ms(s.median)} ms, p95 ${ms(s.p95 ?? s.max)} ms`;
const iso = (t: number) => new Date(t).toISOString();

function insertOperations(db: Db): { runs: number; incidents: number; entries: number; readings: number } {
  const at = OPERATIONS_SIZE.now;
  const now = Date.parse(at);
  let runs = 0;
  let incidents = 0;
  let entries = 0;
  let readings = 0;
  db.transaction(() => {
    const client = db.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, time_zone, created_at, updated_at) VALUES (?, ?, 'CH', 'CHF', 'CH-ZH', 'Europe/Zurich', ?, ?)`,
    );
    const engagement = db.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES (?, ?, ?, 'CHF', '2021-01-04', 'active', ?, ?)`,
    );
    const model = db.prepare(
      `INSERT INTO model (id, client_id, engagement_id, name, risk_tier, ai_act_category, kind, serving, in_service_since, stage, stage_since, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'medium', 'limited', 'classical_ml', 'batch', '2021-01-04', 'production', '2021-06-07', ?, ?)`,
    );
    const policy = db.prepare(
      `INSERT INTO retraining_policy (model_id, cadence_every, cadence_unit, on_demand, on_schedule, on_new_data, on_degradation, on_drift, created_at, updated_at)
       VALUES (?, 1, 'month', 1, 1, ?, 1, 1, ?, ?)`,
    );
    const run = db.prepare(
      `INSERT INTO retraining_run (id, model_id, run_on, trigger, outcome, version_id, notes, created_at) VALUES (?, ?, ?, 'schedule', ?, NULL, '', ?)`,
    );
    const incident = db.prepare(
      `INSERT INTO incident (id, model_id, severity, title, detected_at, detected_by, detail, responder_reason, acknowledged_at, mitigated_at, resolved_at,
         review_series_id, review_due_on, created_at, updated_at) VALUES (?, ?, ?, 'Incident', ?, 'alert', '', '', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const review = db.prepare(
      `INSERT INTO ceremony_series (id, engagement_id, type, title, time_zone, start_date, start_time, duration_minutes, rrule, uid, created_at, updated_at)
       VALUES (?, ?, 'incident_review', 'Post-incident review', 'Europe/Zurich', ?, '10:00', 60, NULL, ?, ?, ?)`,
    );
    const held = db.prepare(
      `INSERT INTO ceremony_occurrence (id, series_id, occurrence_key, starts_at, status, recorded_at, updated_at) VALUES (?, ?, ?, ?, 'held', ?, ?)`,
    );
    const entry = db.prepare(
      `INSERT INTO incident_entry (id, incident_id, at, kind, text, actor, created_at) VALUES (?, ?, ?, ?, 'x', 'bench', ?)`,
    );
    const slo = db.prepare(
      `INSERT INTO monitoring_slo (id, model_id, kind, metric, unit, direction, target, warning, window_minutes, aggregation, playbook, duty_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, '', ?, ?, ?, 1440, 'mean', '["Look"]', 'monitoring', ?, ?)`,
    );
    const series = db.prepare('INSERT INTO reading_series (model_id, metric) VALUES (?, ?)');
    const reading = db.prepare(`INSERT INTO reading (series_id, at, value, import_id) VALUES (?, ?, ?, 'bench')`);
    const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev3', 'sev4'] as const;
    let m = 0;
    for (let c = 0; c < OPERATIONS_SIZE.clients; c++) {
      const clientId = newId();
      client.run(clientId, `Client ${String(c).padStart(2, '0')}`, at, at);
      const engagementId = newId();
      engagement.run(engagementId, clientId, `Engagement ${c}`, at, at);
      for (let k = 0; k < OPERATIONS_SIZE.models / OPERATIONS_SIZE.clients; k++, m++) {
        const modelId = newId();
        model.run(modelId, clientId, engagementId, `Model ${m}`, at, at);
        policy.run(modelId, m % 3 === 0 ? 1 : 0, at, at);
        // Monthly runs over five years; one model in four stopped three months ago (overdue).
        const months = OPERATIONS_SIZE.years * 12 - (m % 4 === 0 ? 3 : 0);
        for (let i = 0; i < months; i++) {
          // The last run in November 2026 (August for the stopped ones), one a month before it.
          const lastMonth = m % 4 === 0 ? 7 : 10;
          const day = iso(Date.UTC(2026, lastMonth - (months - 1 - i), 1 + (m % 28))).slice(0, 10);
          run.run(newId(), modelId, day, i % 12 === 5 ? 'failed' : i % 3 === 0 ? 'no_change' : 'no_change', at);
          runs += 1;
        }
        for (let i = 0; i < OPERATIONS_SIZE.years * OPERATIONS_SIZE.incidentsPerYear; i++) {
          const detected =
            now -
            Math.floor(((i + 0.5) * OPERATIONS_SIZE.years * 365 * DAY) / (OPERATIONS_SIZE.years * OPERATIONS_SIZE.incidentsPerYear)) -
            (m % 7) * HOUR;
          const open = i === 0 && m % 5 === 0;
          const id = newId();
          const resolved = open ? null : iso(detected + 6 * HOUR);
          const dueOn = resolved ? iso(detected + 8 * DAY).slice(0, 10) : null;
          // Nine reviews in ten were held (a one-off ceremony recorded as held); the tenth is overdue.
          let seriesId: string | null = null;
          if (dueOn) {
            seriesId = newId();
            review.run(seriesId, engagementId, dueOn, `${seriesId}@bench`, at, at);
            if (i % 10 !== 3) held.run(newId(), seriesId, `${dueOn}T10:00`, `${dueOn}T09:00:00.000Z`, at, at);
          }
          incident.run(
            id,
            modelId,
            SEVERITIES[(i + m) % SEVERITIES.length],
            iso(detected),
            iso(detected + 15 * 60_000),
            open ? null : iso(detected + 2 * HOUR),
            resolved,
            seriesId,
            dueOn,
            at,
            at,
          );
          incidents += 1;
          for (const [kind, dt] of [
            ['opened', 0],
            ['acknowledged', 15 * 60_000],
            ['mitigated', 2 * HOUR],
            ['resolved', 6 * HOUR],
          ] as const) {
            if (open && kind !== 'opened' && kind !== 'acknowledged') continue;
            entry.run(newId(), id, iso(detected + dt), kind, at);
            entries += 1;
          }
        }
        const breaching = m % 5 === 1;
        for (const [kind, metric, direction, target, warning, value] of [
          ['drift_psi', 'psi.features', 'lower', 0.1, 0.2, breaching ? 0.3 : 0.05],
          ['f1', 'f1', 'higher', 0.8, 0.75, 0.85],
        ] as const) {
          slo.run(newId(), modelId, kind, metric, direction, target, warning, at, at);
          const seriesId = Number(series.run(modelId, metric).lastInsertRowid);
          for (let h = 24; h >= 1; h--) {
            reading.run(seriesId, now - h * HOUR, value);
            readings += 1;
          }
        }
      }
    }
  })();
  return { runs, incidents, entries, readings };
}

export async function operationsBench(report: Report, dir: string, runs: Runs): Promise<string[]> {
  const file = join(dir, 'operations.db');
  const opened = openDatabase(file);
  let written: Awaited<ReturnType<typeof once<ReturnType<typeof insertOperations>>>>;
  try {
    written = await once(() => insertOperations(opened.db));
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.pragma('optimize');
  } finally {
    opened.db.close();
  }
  const data = written.result;
  const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser', clock: () => new Date(OPERATIONS_SIZE.now) });
  const lines: string[] = [];
  try {
    const call = async <T>(name: Parameters<typeof backend.dispatch>[0], input: unknown) =>
      resultValue<T>(name, await backend.dispatch(name, input as never));
    const first = await once(() => call<OperationsOverview>('operations.overview', {}));
    const overview = first.result;
    const due = overview.clients.reduce((n, c) => n + c.retraining.length, 0);
    if (overview.clients.length !== OPERATIONS_SIZE.clients || due === 0)
      throw new Error(`The overview shows ${overview.clients.length} clients and ${due} models due; the data did not load as meant.`);
    report.section(
      `Operations: ${OPERATIONS_SIZE.models} models of ${OPERATIONS_SIZE.clients} clients, ${data.runs.toLocaleString('en')} retraining runs, ` +
        `${data.incidents.toLocaleString('en')} incidents (${data.entries.toLocaleString('en')} timeline entries), ${data.readings.toLocaleString('en')} readings (database of its own)`,
    );
    const [overviewStats] = await compare<unknown>(
      [{ name: 'the operations overview of every client — contract (operations.overview)', fn: () => call('operations.overview', {}) }],
      {
        ...runs,
        describe: (r) => {
          const o = r as OperationsOverview;
          return `${o.clients.length} clients, ${o.clients.reduce((n, c) => n + c.retraining.length, 0)} models due, ${o.clients.reduce((n, c) => n + c.openIncidents.length, 0)} open incidents`;
        },
      },
    );
    if (!overviewStats) throw new Error('compare() returned no stats.');
    report.add(overviewStats, 'self');
    lines.push(
      `Operations   ${OPERATIONS_SIZE.models} models × ${OPERATIONS_SIZE.years} years (${data.runs.toLocaleString('en')} runs, ${data.incidents.toLocaleString('en')} incidents); written in ${written.ms.toFixed(0)} ms`,
      `             aim: the overview of every client ${p50p95(overviewStats)} (aim < ${AIM_MS} ms; first call ${ms(first.ms)} ms; ${due} models due)`,
    );
  } finally {
    backend.close();
  }
  lines.push(...(await costImports(report, dir, file)));
  return lines;
}

/** A cost export of `rows` rows as AWS writes it (legacy CUR columns), over the first client's ten models and twelve months. */
function writeCur(file: string, rows: number, tags: readonly string[]): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(
      fd,
      'identity/LineItemId,identity/TimeInterval,bill/PayerAccountId,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,lineItem/CurrencyCode,lineItem/UnblendedRate,lineItem/UnblendedCost,product/ProductName,resourceTags/user:model,resourceTags/user:env\n',
    );
    const services = [
      ['AmazonSageMaker', 'EUW2-ml.g5.xlarge-hosting', 'Amazon SageMaker'],
      ['AmazonS3', 'EUW2-TimedStorage-ByteHrs', 'Amazon Simple Storage Service'],
      ['AmazonBedrock', 'EUW2-input-tokens', 'Amazon Bedrock'],
      ['AmazonEC2', 'EUW2-BoxUsage:m6i.large', 'Amazon Elastic Compute Cloud'],
    ] as const;
    let chunk: string[] = [];
    for (let i = 0; i < rows; i++) {
      const [code, usage, name] = services[i % services.length] as readonly [string, string, string];
      const month = String(1 + (i % 11)).padStart(2, '0');
      const day = String(1 + (i % 28)).padStart(2, '0');
      chunk.push(
        `li${i},2026-${month}-${day}T00:00:00Z/2026-${month}-${day}T01:00:00Z,123456789012,Usage,2026-${month}-${day}T00:00:00Z,2026-${month}-${day}T01:00:00Z,${code},${usage},1,CHF,0.0123,0.${String(i % 100_000).padStart(5, '0')},${name},${tags[i % tags.length]},prod`,
      );
      if (chunk.length === 10_000) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

export type CostImportTask = { database: string; file: string; clientId: string; rows: number };
type CostImportResult = { ms: number; rows: number; lines: number; rssBefore: number; maxRss: number };

/** In the forked process: one cost export imported from disk. */
export async function runCostImportChild(task: CostImportTask): Promise<void> {
  const backend = createBackend({
    databasePath: task.database,
    actor: 'bench',
    mode: 'browser',
    background: false,
    clock: () => new Date(OPERATIONS_SIZE.now),
  });
  try {
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage.rss();
    const started = performance.now();
    const imported = await importCostFile(backend.ctx, {
      clientId: task.clientId,
      provider: 'aws',
      fileName: 'cur.csv',
      file: { path: task.file },
    });
    const ms = performance.now() - started;
    const result: CostImportResult = {
      ms,
      rows: imported.lines,
      lines: imported.months.length,
      rssBefore,
      maxRss: process.resourceUsage().maxRSS * 1024,
    };
    process.send?.(result);
  } finally {
    backend.close();
  }
}

export function costImportTask(argv: readonly string[]): CostImportTask | null {
  const at = argv.indexOf(OPERATIONS_CHILD_FLAG);
  return at === -1 ? null : (JSON.parse(argv[at + 1] ?? 'null') as CostImportTask);
}

function runInChild(task: CostImportTask): Promise<CostImportResult> {
  const script = process.argv[1];
  if (!script) throw new Error('Cannot tell which script to fork.');
  return new Promise((resolve, reject) => {
    // A capped heap: an import that held the file (or its rows) would run out of it; one that streams does not notice.
    const child = fork(script, [OPERATIONS_CHILD_FLAG, JSON.stringify(task)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--max-old-space-size=128'],
    });
    let result: CostImportResult | null = null;
    child.on('message', (message) => {
      result = message as CostImportResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`The cost import child (${task.rows} rows) ended with ${signal ?? `code ${code}`} and no result.`));
    });
  });
}

/** The first client's ten models named by tags, the export written, each size imported in a fresh process on a copy. */
async function costImports(report: Report, dir: string, file: string): Promise<string[]> {
  const opened = openDatabase(file);
  let clientId = '';
  const tags: string[] = [];
  try {
    const client = opened.db.prepare("SELECT id FROM client WHERE name = 'Client 00'").get() as { id: string };
    clientId = client.id;
    const models = opened.db.prepare('SELECT id, name FROM model WHERE client_id = ? ORDER BY name').all(clientId) as {
      id: string;
      name: string;
    }[];
    const insert = opened.db.prepare(
      'INSERT INTO cost_mapping (client_id, tag_key, tag_value, model_id, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    opened.db.transaction(() => {
      for (const m of models) {
        const tag = m.name.toLowerCase().replace(/\s+/g, '-');
        insert.run(clientId, 'model', tag, m.id, OPERATIONS_SIZE.now);
        tags.push(tag);
      }
    })();
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    opened.db.close();
  }
  const lines: string[] = [];
  const results: (CostImportResult & { megabytes: number })[] = [];
  for (const rows of IMPORT_SIZES) {
    const csv = join(dir, `cur-${rows}.csv`);
    writeCur(csv, rows, tags);
    const copy = join(dir, `operations-${rows}.db`);
    copyFileSync(file, copy);
    const result = await runInChild({ database: copy, file: csv, clientId, rows });
    if (result.rows !== rows) throw new Error(`The import read ${result.rows} rows of ${rows}.`);
    const { statSync } = await import('node:fs');
    results.push({ ...result, megabytes: statSync(csv).size / 1024 / 1024 });
  }
  report.section('Operations: importing an AWS Cost and Usage Report from disk (a forked process on a copy of the database each)');
  for (const r of results) {
    lines.push(
      `             cost import of ${r.rows.toLocaleString('en')} rows (${r.megabytes.toFixed(0)} MB): ${(r.ms / 1000).toFixed(2)} s (aim < ${IMPORT_AIM_S} s), ` +
        `peak RSS ${megabytes(r.maxRss)} (${megabytes(r.rssBefore)} before)`,
    );
  }
  const [small, large] = results;
  if (small && large)
    lines.push(
      `             memory: ${(large.rows / small.rows).toFixed(0)}× the rows, peak RSS ${megabytes(small.maxRss)} → ${megabytes(large.maxRss)} (flat: the file is read a chunk at a time, summed per model, month and category)`,
    );
  return lines;
}
