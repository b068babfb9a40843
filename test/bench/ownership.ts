import { join } from 'node:path';
import { openDatabase } from '@backend/core/db/connection';
import { createBackend } from '@backend/index';
import { loadFacts } from '@backend/ownership/facts';
import { check } from '@backend/ownership/matrixService';
import { addDays } from '@shared/kernel/days';
import type { FindingsView, OwnershipMatrix } from '@shared/ownership/contract/matrix';
import { ASSET_TYPES, DEFAULT_DUTIES, NOT_APPLICABLE_BY_DEFAULT } from '@shared/ownership/rules/vocabulary';
import { compare, type MeasureOptions, measure, once, type Report, resultValue, type Stats } from './harness';
import { insertOwnershipData, OWNERSHIP_SIZE } from './ownershipDataset';

/**
 * The ownership matrix (issue's bench): 2,000 rows (800 models, 1,200 assets) × 8 duties × 5 roles with
 * three years of effective-dated history over 400 engagements and 500 specialists (ownershipDataset.ts),
 * through the contract as the screens call it:
 *
 * - `ownership.findings` over every engagement as of today (the findings screen, the navigation badge);
 *   aim < 50 ms, and ≤ 2× one hand-written statement counting the cells with no current Accountable (the
 *   gap counts: model cells, and asset cells with assignments of their own or no model to inherit from).
 *   Both must count the same gaps before anything is timed. Beside them, the two halves of the service:
 *   loading the facts (repository reads) and running the checks on facts already loaded (rules).
 * - `ownership.matrix` of the largest engagement as of several days over the three years; aim < 20 ms,
 *   beside one statement reading that engagement's assignments in force on the day with the people's
 *   names (which must be as many as the matrix's own holders).
 * - the matrix workbook of that engagement (`ownership.export`), for scale.
 *
 * Figures and ratios only; medians and 95th percentiles.
 */

type Runs = Pick<MeasureOptions<undefined, unknown>, 'runs' | 'warmup'>;

const AIMS = { findingsMs: 50, findingsRatio: 2, matrixMs: 20 };

/** Asset type | duty pairs that do not apply unless an engagement switches them on. */
const NOT_APPLICABLE = JSON.stringify(ASSET_TYPES.flatMap((type) => NOT_APPLICABLE_BY_DEFAULT[type].map((duty) => `${type}|${duty}`)));

/**
 * The gap counts in SQL alone, as the checks define a gap: every engagement with a model or an asset; its
 * duties in force on the day (the defaults it has not retired by then, its own); the model rows (pilot or
 * production, or with an assignment in force) and live assets; a duty applies to every model and to an
 * asset unless the default table or the engagement's exception says otherwise; a model's cell, or an
 * asset's cell with assignments of its own in force (or with no model row to inherit from), that has no
 * Accountable in force. An asset cell inheriting its model's gap is the model's finding, not its own.
 */
const GAP_COUNTS = `
  WITH eng AS (
    SELECT e.id FROM engagement e
    WHERE EXISTS (SELECT 1 FROM model m WHERE m.engagement_id = e.id) OR EXISTS (SELECT 1 FROM asset a WHERE a.engagement_id = e.id)
  ),
  duties AS (
    SELECT eng.id AS engagement_id, d.value AS key FROM eng, json_each(@defaults) d
    WHERE NOT EXISTS (SELECT 1 FROM duty x WHERE x.engagement_id = eng.id AND x.key = d.value AND x.retired_on <= @day)
    UNION ALL
    SELECT x.engagement_id, x.key FROM duty x JOIN eng ON eng.id = x.engagement_id
    WHERE x.custom = 1 AND (x.retired_on IS NULL OR x.retired_on > @day)
  ),
  model_rows AS (
    SELECT m.id, m.engagement_id FROM model m JOIN eng ON eng.id = m.engagement_id
    WHERE m.stage IN ('pilot', 'production') OR EXISTS (SELECT 1 FROM assignment x
      WHERE x.target_id = m.id AND x.from_date <= @day AND (x.to_date IS NULL OR x.to_date >= @day))
  ),
  asset_cells AS (
    SELECT a.id, d.key, (SELECT am.model_id FROM asset_model am WHERE am.asset_id = a.id AND am.position = 0) AS primary_id
    FROM asset a JOIN eng ON eng.id = a.engagement_id JOIN duties d ON d.engagement_id = a.engagement_id
    WHERE a.archived_at IS NULL AND coalesce(
      (SELECT o.applicable FROM duty_applicability o WHERE o.engagement_id = a.engagement_id AND o.asset_type = a.type AND o.duty_key = d.key),
      NOT EXISTS (SELECT 1 FROM json_each(@notApplicable) n WHERE n.value = a.type || '|' || d.key))
  )
  SELECT
    (SELECT count(*) FROM model_rows m JOIN duties d ON d.engagement_id = m.engagement_id
     WHERE NOT EXISTS (SELECT 1 FROM assignment x WHERE x.target_id = m.id AND x.duty_key = d.key AND x.role = 'accountable'
       AND x.from_date <= @day AND (x.to_date IS NULL OR x.to_date >= @day))) AS models,
    (SELECT count(*) FROM asset_cells c
     WHERE CASE
       WHEN EXISTS (SELECT 1 FROM assignment x WHERE x.target_id = c.id AND x.duty_key = c.key AND x.from_date <= @day
         AND (x.to_date IS NULL OR x.to_date >= @day))
       THEN NOT EXISTS (SELECT 1 FROM assignment x WHERE x.target_id = c.id AND x.duty_key = c.key AND x.role = 'accountable'
         AND x.from_date <= @day AND (x.to_date IS NULL OR x.to_date >= @day))
       ELSE c.primary_id IS NULL OR c.primary_id NOT IN (SELECT id FROM model_rows) END) AS assets`;

/** One engagement's assignments in force on a day with the names the matrix shows. */
const MATRIX_BARE = `
  SELECT x.target_id, x.duty_key, x.role, x.person_kind, x.person_id, x.from_date, x.to_date, coalesce(s.full_name, c.name) AS name
  FROM assignment x
  LEFT JOIN specialist s ON x.person_kind = 'specialist' AND s.id = x.person_id
  LEFT JOIN client_contact c ON x.person_kind = 'contact' AND c.id = x.person_id
  WHERE x.engagement_id = @engagementId AND x.from_date <= @day AND (x.to_date IS NULL OR x.to_date >= @day)`;

type GapCounts = { models: number; assets: number };

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const p50p95 = (s: Stats) => `p50 ${ms(s.median)} ms, p95 ${ms(s.p95 ?? s.max)} ms`;
const ratio = (a: Stats, b: Stats) => `${(a.median / b.median).toFixed(2)}×`;

export async function ownershipBench(report: Report, dir: string, runs: Runs): Promise<string[]> {
  const file = join(dir, 'ownership.db');
  const opened = openDatabase(file);
  let written: Awaited<ReturnType<typeof once<ReturnType<typeof insertOwnershipData>>>>;
  try {
    written = await once(() => insertOwnershipData(opened.db));
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.pragma('optimize');
  } finally {
    opened.db.close();
  }
  const summary = written.result;
  const { today, now } = OWNERSHIP_SIZE;
  const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser', clock: () => new Date(now) });
  const lines: string[] = [];
  try {
    const { db, ctx } = backend;
    const call = async <T>(name: Parameters<typeof backend.dispatch>[0], input: unknown) =>
      resultValue<T>(name, await backend.dispatch(name, input as never));

    // ---------------------------------------------------------- the findings of every engagement, today
    const gapSql = db.prepare(GAP_COUNTS);
    const bareGaps = () => gapSql.get({ day: today, defaults: JSON.stringify(DEFAULT_DUTIES), notApplicable: NOT_APPLICABLE }) as GapCounts;
    const findings = await call<FindingsView>('ownership.findings', {});
    if (findings.asOf !== today) throw new Error(`The backend's today is ${findings.asOf}, not ${today}.`);
    const keelGaps = (view: FindingsView): GapCounts => {
      const gaps = view.findings.filter((f) => f.code === 'no_accountable');
      return { models: gaps.filter((f) => f.targetKind === 'model').length, assets: gaps.filter((f) => f.targetKind === 'asset').length };
    };
    const keel = keelGaps(findings);
    const bare = bareGaps();
    if (keel.models !== bare.models || keel.assets !== bare.assets) {
      throw new Error(
        `ownership.findings and the gap count differ: ${JSON.stringify(keel)} vs ${JSON.stringify(bare)}; the comparison would be meaningless.`,
      );
    }
    const byCode = new Map<string, number>();
    for (const f of findings.findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);

    report.section(
      `Ownership matrix: ${summary.models} models + ${summary.assets} assets × 8 duties, ${summary.assignments.toLocaleString('en')} ` +
        `assignments over three years, ${summary.engagementIds.length} engagements (database of its own)`,
    );
    const describeFindings = (r: unknown) => {
      const value = r as FindingsView | GapCounts;
      if ('findings' in value) {
        const gaps = keelGaps(value);
        return `${value.findings.length.toLocaleString('en')} findings, ${gaps.models + gaps.assets} without an Accountable`;
      }
      if ('models' in value) return `${value.models + value.assets} without an Accountable (${value.models} model cells)`;
      return '';
    };
    const [findingsContract, factsOnly, gapsBare] = await compare<unknown>(
      [
        { name: 'findings, every engagement — contract (ownership.findings)', fn: () => call<FindingsView>('ownership.findings', {}) },
        { name: 'findings — loading the facts alone (repositories)', fn: () => loadFacts(ctx, null, today) },
        { name: 'gap counts — hand-written SQL', fn: bareGaps },
      ],
      {
        ...runs,
        describe: (r) => (Array.isArray(r) ? `${r.length} engagements' facts` : describeFindings(r)),
      },
    );
    if (!findingsContract || !factsOnly || !gapsBare) throw new Error('compare() returned fewer stats than variants.');
    const loaded = loadFacts(ctx, null, today);
    const checks = await measure('findings — the checks on facts already loaded (rules)', () => loaded.map(check), {
      ...runs,
      describe: (checked) => `${checked.reduce((n, c) => n + c.cells.length, 0).toLocaleString('en')} cells`,
    });
    report.add(findingsContract, gapsBare);
    report.add(factsOnly, gapsBare);
    report.add(checks, gapsBare);
    report.add(gapsBare, 'self');

    // ---------------------------------------------------------- one engagement's matrix over three years
    const engagementId = summary.largestEngagementId;
    const matrixSql = db.prepare(MATRIX_BARE);
    const days = [today, addDays(today, -91), addDays(today, -365), addDays(today, -730), addDays(today, -1_090)];
    const matrixStats: { day: string; keel: Stats; bare: Stats }[] = [];
    for (const day of days) {
      const matrix = await call<OwnershipMatrix>('ownership.matrix', { engagementId, asOf: day });
      const own = matrix.cells.filter((c) => !c.inherited).reduce((n, c) => n + c.holders.length, 0);
      const rows = matrixSql.all({ engagementId, day }).length;
      if (own !== rows) throw new Error(`ownership.matrix as of ${day} holds ${own} assignments, the bare statement ${rows}.`);
      const [keelStats, bareStats] = await compare<unknown>(
        [
          {
            name: `matrix of the largest engagement as of ${day} — contract (ownership.matrix)`,
            fn: () => call('ownership.matrix', { engagementId, asOf: day }),
          },
          { name: `  assignments in force on ${day} with names — hand-written SQL`, fn: () => matrixSql.all({ engagementId, day }) },
        ],
        {
          ...runs,
          describe: (r) => {
            if (Array.isArray(r)) return `${r.length} assignments`;
            const m = r as OwnershipMatrix;
            return `${m.rows.length} rows × ${m.duties.length} duties, ${m.counts.error} errors`;
          },
        },
      );
      if (!keelStats || !bareStats) throw new Error('compare() returned fewer stats than variants.');
      report.add(keelStats, bareStats);
      report.add(bareStats, 'self');
      matrixStats.push({ day, keel: keelStats, bare: bareStats });
    }

    // ---------------------------------------------------------- its workbook
    const exported = await measure(
      'matrix workbook of the largest engagement (ownership.export)',
      () => call<{ bytes: number }>('ownership.export', { engagementId }),
      {
        runs: Math.min(runs.runs ?? 5, 5),
        warmup: 1,
        describe: (r) => `${(r.bytes / 1024).toFixed(0)} KB`,
      },
    );
    report.add(exported, null);

    const worstMatrix = matrixStats.reduce((worst, m) => (m.keel.median > worst.keel.median ? m : worst));
    lines.push(
      `Ownership    ${summary.clientIds.length} clients, ${summary.engagementIds.length} engagements, ${summary.specialists} specialists, ` +
        `${summary.contacts} client contacts (${summary.archivedContacts} archived), ${summary.models} models, ${summary.assets} assets ` +
        `(${summary.overrides} asset-duties of their own), ${summary.assignments.toLocaleString('en')} assignments, ${summary.allocations} allocations ` +
        `(${summary.allocationsEndingSoon} current ones ending within 6 weeks), ${summary.absences} absences; written in ${written.ms.toFixed(0)} ms`,
      `             made without an Accountable ${summary.madeWithoutAccountable} model-duties of ${summary.modelDuties}, without a Backup ` +
        `${summary.madeWithoutBackup}; found today: ${[...byCode].map(([code, n]) => `${code} ${n}`).join(', ')}`,
      `             aims: findings ${p50p95(findingsContract)} (aim < ${AIMS.findingsMs} ms), ${ratio(findingsContract, gapsBare)} the gap counts ` +
        `(${p50p95(gapsBare)}; aim ≤ ${AIMS.findingsRatio}×); of which facts ${ms(factsOnly.median)} ms, checks ${ms(checks.median)} ms`,
      `             matrix of the largest engagement (${summary.largestEngagementRows} rows): ` +
        matrixStats.map((m) => `${m.day} ${p50p95(m.keel)} (${ratio(m.keel, m.bare)} SQL)`).join('; ') +
        `; slowest ${worstMatrix.day} (aim < ${AIMS.matrixMs} ms)`,
    );
  } finally {
    backend.close();
  }
  return lines;
}
