import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { withEffectiveTimeZone } from '@backend/core/calendars';
import { openDatabase } from '@backend/core/db/connection';
import { type Backend, createBackend } from '@backend/index';
import { contract, type Result } from '@shared/contract';
import { bareQueries } from './bare';
import { CHILD_FLAG, childTask, runChildTask } from './billingChild';
import { billingBench } from './billingRun';
import { ceremoniesBench } from './ceremonies';
import { continuityBench } from './continuity';
import { BENCH_SIZE, type DatasetSummary, generateDataset, type RecordKind } from './dataset';
import { compare, measure, megabytes, once, peakRssBytes, Report } from './harness';
import { importBench, importTask, runImportChild } from './importBench';
import { maturityBench } from './maturity';
import { monitoringBench, monitoringImportTask, runMonitoringImportChild } from './monitoring';
import { costImportTask, operationsBench, runCostImportChild } from './operations';
import { ownershipBench } from './ownership';
import { planCases } from './plan';
import { portfolioBench } from './portfolio';
import { portfolioExportBench } from './portfolioExport';

/**
 * `npm run bench`: builds a large dataset in a temporary database and prints
 * median/min/max timings of opening the database, of the list screens'
 * queries, each beside the same query written as a bare prepared statement,
 * and of the plan views (timeline, capacity forecast; plan.ts), each beside
 * one hand-written SQL statement computing the same numbers. Hours & billing
 * get a database of their own with five years of time entries (billingRun.ts):
 * the month close beside one SQL aggregate, the finance exports beside exceljs
 * writing the same rows from bare SQL, and the first export after start and
 * the long detail exports in fresh processes (this bundle, forked with
 * CHILD_FLAG), so their peak memory is theirs alone. The continuity clocks
 * (continuity.ts): 10,000 replacement requests' SLA clocks beside a plain
 * date-fns loop, then the board and the requests list through the contract on
 * a database of their own.
 * Figures and ratios only — nothing here asserts on time.
 *
 * To add rows: measure() a function (or compare() several ways of doing the
 * same thing, interleaved) and report.add() the stats, under an existing
 * section or a new one. BENCH_RUNS=200 npm run bench for tighter list figures;
 * BENCH_KEEP=1 keeps the temporary databases. BENCH_ONLY=core|billing|continuity|portfolio|portfolioExport|ownership|maturity|monitoring|ceremonies|operations|import|ui
 * runs one part (core = database, list screens, plan views) while working on it. The ownership matrix
 * (ownership.ts): the findings of every engagement beside a hand-written gap count, and one engagement's
 * matrix as of several days, on 2,000 rows with three years of assignments in a database of its own.
 * Maturity (maturity.ts): levels and trends for all of 200 clients' 2,400 assessments, and the cross-check of one client
 * over 2,000 production models, in a database of its own.
 * The UI part (firstList.ts) times opening each main screen to its first list row
 * in Chromium; it runs as its own process, last, so it shares nothing with the rest.
 */

const RUNS = {
  open: { runs: 15, warmup: 2 },
  list: { runs: Number(process.env.BENCH_RUNS) || 30, warmup: 5 },
  plan: { runs: Number(process.env.BENCH_RUNS) || 25, warmup: 5 },
  monthClose: { runs: Number(process.env.BENCH_RUNS) || 25, warmup: 5 },
  monthExport: { runs: Number(process.env.BENCH_RUNS) || 10, warmup: 2 },
  portfolioExport: { runs: Number(process.env.BENCH_RUNS) || 3, warmup: 1 },
  continuity: {
    domain: { runs: Number(process.env.BENCH_RUNS) || 25, warmup: 5 },
    contract: { runs: Number(process.env.BENCH_RUNS) || 25, warmup: 5 },
    list: { runs: Number(process.env.BENCH_RUNS) || 5, warmup: 1 },
  },
  portfolio: { runs: Number(process.env.BENCH_RUNS) || 25, warmup: 5 },
  ownership: { runs: Number(process.env.BENCH_RUNS) || 25, warmup: 5 },
  maturity: { runs: Number(process.env.BENCH_RUNS) || 25, warmup: 5 },
  monitoring: { runs: Number(process.env.BENCH_RUNS) || 15, warmup: 3 },
  ceremonies: { runs: Number(process.env.BENCH_RUNS) || 15, warmup: 3 },
  operations: { runs: Number(process.env.BENCH_RUNS) || 15, warmup: 3 },
} as const;

const PARTS = [
  'core',
  'billing',
  'continuity',
  'portfolio',
  'portfolioExport',
  'ownership',
  'maturity',
  'monitoring',
  'ceremonies',
  'operations',
  'import',
  'ui',
] as const;
const only = process.env.BENCH_ONLY;
const runsPart = (part: (typeof PARTS)[number]) => !only || only === part;

/** The ways the import part measures (importBench.ts). */
const IMPORT_WAYS = ['one call', 'job'] as const;

const rowCount = (rows: readonly unknown[]) => `${rows.length} rows`;

/** The rows of a list procedure's result; a failed call stops the benchmark. */
function rowsOf(name: string, result: Result<unknown>): unknown[] {
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return (result.value as { rows: unknown[] }).rows;
}

type ListPaths = {
  /** The procedure and input exactly as the list screen sends them. */
  procedure: 'clients.list' | 'engagements.list' | 'specialists.list';
  input: Readonly<Record<string, unknown>>;
  repository: () => unknown[];
  bare: () => unknown[];
};

/**
 * One list query three ways: through the contract (validation, handler,
 * repository), through the repository alone, and as a bare statement.
 * All three must return the same rows before anything is timed.
 */
async function listCase(report: Report, backend: Backend, label: string, paths: ListPaths): Promise<void> {
  const viaContract = rowsOf(paths.procedure, await backend.dispatch(paths.procedure, paths.input));
  const viaRepository = paths.repository();
  const viaBare = paths.bare();
  if (!isDeepStrictEqual(viaContract, viaRepository) || !isDeepStrictEqual(viaRepository, viaBare)) {
    throw new Error(`${label}: the contract, repository and bare statement return different rows; the comparison would be meaningless.`);
  }

  const [contractStats, repositoryStats, bareStats] = await compare<unknown[]>(
    [
      {
        name: `${label} — contract (dispatch)`,
        fn: async () => rowsOf(paths.procedure, await backend.dispatch(paths.procedure, paths.input)),
      },
      { name: `${label} — repository`, fn: paths.repository },
      { name: `${label} — bare statement`, fn: paths.bare },
    ],
    { ...RUNS.list, describe: rowCount },
  );
  if (!contractStats || !repositoryStats || !bareStats) throw new Error('compare() returned fewer stats than variants.');
  report.add(contractStats, bareStats);
  report.add(repositoryStats, bareStats);
  report.add(bareStats, 'self');
}

async function main(): Promise<void> {
  if (only && !PARTS.some((part) => part === only)) throw new Error(`BENCH_ONLY must be one of ${PARTS.join(', ')}, not "${only}".`);
  if (only === 'ui') return uiBench();
  const started = performance.now();
  const startRss = process.memoryUsage.rss();
  const dir = mkdtempSync(join(tmpdir(), 'keel-bench-'));
  const report = new Report();
  let dataset: DatasetSummary | null = null;
  let generationMs = 0;
  let sqliteVersion = '?';
  let planLines: string[] = [];
  let billingLines: string[] = [];
  let continuityLines: string[] = [];
  let importLines: string[] = [];
  let portfolioLines: string[] = [];
  let portfolioExportLines: string[] = [];
  let ownershipLines: string[] = [];
  let maturityLines: string[] = [];
  let monitoringLines: string[] = [];
  let ceremoniesLines: string[] = [];
  let operationsLines: string[] = [];

  try {
    if (runsPart('core')) {
      // ---------------------------------------------------------- database open
      report.section('Database');
      let fresh = 0;
      report.add(
        await measure('open + migrate (new file)', (file: string) => openDatabase(file), {
          ...RUNS.open,
          setup: () => join(dir, `fresh-${fresh++}.db`),
          teardown: (opened, file) => {
            opened.db.close();
            for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
          },
          describe: (opened) => `schema v${opened.from} → v${opened.to}`,
        }),
      );

      const file = join(dir, 'bench.db');
      // The generation's ~9,000 writes move this clock ~7 weeks, ending near the dataset's "today"
      // (2026-11-16), so staffing requests are opened in the weeks before it, as they would be.
      let clock = Date.parse('2026-09-28T08:00:00Z');
      const generating = createBackend({
        databasePath: file,
        actor: 'bench',
        mode: 'browser',
        clock: () => {
          clock += 433_000;
          return new Date(clock);
        },
      });
      try {
        const generated = await once(() => generateDataset(generating.ctx, BENCH_SIZE));
        dataset = generated.result;
        generationMs = generated.ms;
      } finally {
        generating.close();
      }

      report.add(
        await measure('open (existing, no pending migration)', () => openDatabase(file), {
          ...RUNS.open,
          teardown: (opened) => {
            if (opened.from !== opened.to) throw new Error('The benchmark database unexpectedly needed a migration.');
            opened.db.close();
          },
          describe: (opened) => `schema v${opened.to}, populated`,
        }),
      );
      report.add(
        await measure(
          'backend start (open + repositories + handlers)',
          () => createBackend({ databasePath: file, actor: 'bench', mode: 'browser' }),
          {
            ...RUNS.open,
            teardown: (backend) => backend.close(),
          },
        ),
      );

      // ---------------------------------------------------------- list screens
      const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser' });
      try {
        sqliteVersion = backend.db.prepare<[], string>('SELECT sqlite_version()').pluck().get() ?? '?';
        const { clients, engagements, specialists } = backend.ctx.repos;
        const bare = bareQueries(backend.db);
        // What each list screen sends (renderer/src/features/*/…Screen.tsx) with its default
        // store state, as it arrives after transport; and the filter the handler receives,
        // parsed by the contract's schema exactly as dispatch parses it.
        const screens = {
          clients: { archived: 'active', sort: 'name', direction: 'asc' },
          engagements: { archived: 'active', sort: 'startDate', direction: 'asc' },
          specialists: { archived: 'active', sort: 'fullName', direction: 'asc' },
        } as const;
        const filters = {
          clients: contract['clients.list'].input.parse(screens.clients),
          engagements: contract['engagements.list'].input.parse(screens.engagements),
          specialists: contract['specialists.list'].input.parse(screens.specialists),
        };

        report.section('List screens (default list: active rows, default sort)');
        await listCase(report, backend, 'clients by name', {
          procedure: 'clients.list',
          input: screens.clients,
          repository: () => clients.list(filters.clients).map(withEffectiveTimeZone),
          bare: bare.clients,
        });
        await listCase(report, backend, 'engagements by start', {
          procedure: 'engagements.list',
          input: screens.engagements,
          repository: () => engagements.list(filters.engagements),
          bare: bare.engagements,
        });
        await listCase(report, backend, 'specialists by name', {
          procedure: 'specialists.list',
          input: screens.specialists,
          repository: () => specialists.list(filters.specialists),
          bare: bare.specialists,
        });

        report.section('List screens with a search');
        await listCase(report, backend, "clients 'a'", {
          procedure: 'clients.list',
          input: { ...screens.clients, search: 'a' },
          repository: () => clients.list({ ...filters.clients, search: 'a' }).map(withEffectiveTimeZone),
          bare: () => bare.clientsSearch('a'),
        });
        await listCase(report, backend, "engagements 'platform'", {
          procedure: 'engagements.list',
          input: { ...screens.engagements, search: 'platform' },
          repository: () => engagements.list({ ...filters.engagements, search: 'platform' }),
          bare: () => bare.engagementsSearch('platform'),
        });
        await listCase(report, backend, "specialists 'kube'", {
          procedure: 'specialists.list',
          input: { ...screens.specialists, search: 'kube' },
          repository: () => specialists.list({ ...filters.specialists, search: 'kube' }),
          bare: () => bare.specialistsSearch('kube'),
        });

        // The navigation badges ask for every area's summary after each command, so it must stay cheap.
        report.section('Navigation badges: app.summaries (every area’s counts; refetched after each command)');
        report.add(
          await measure(
            'app.summaries (dispatch)',
            async () => {
              const result = await backend.dispatch('app.summaries', {});
              if (!result.ok) throw new Error(`app.summaries failed: ${result.error.message}`);
              return result.value as { area: string }[];
            },
            { ...RUNS.list, describe: (summaries) => `${summaries.length} areas` },
          ),
        );

        // ---------------------------------------------------------- plan views
        planLines = await planCases(report, backend, BENCH_SIZE.plan, RUNS.plan);
      } finally {
        backend.close();
      }
    }

    // ---------------------------------------------------------- hours & billing (a database of its own)
    if (runsPart('billing')) billingLines = await billingBench(report, dir, RUNS);

    // ---------------------------------------------------------- continuity clocks (a database of its own)
    if (runsPart('continuity')) continuityLines = await continuityBench(report, dir, RUNS.continuity);

    // ---------------------------------------------------------- the model portfolio (a database of its own)
    if (runsPart('portfolio')) portfolioLines = await portfolioBench(report, dir, RUNS.portfolio);

    // ---------------------------------------------------------- a 300,000-row import beside a list (each way in a process of its own)
    if (runsPart('import')) importLines = await importBench(dir, IMPORT_WAYS);

    // ---------------------------------------------------------- the portfolio workbooks on 2,000 models (portfolioExport.ts)
    if (runsPart('portfolioExport')) portfolioExportLines = await portfolioExportBench(report, dir, RUNS.portfolioExport);

    // ---------------------------------------------------------- the ownership matrix on 2,000 rows (a database of its own)
    if (runsPart('ownership')) ownershipLines = await ownershipBench(report, dir, RUNS.ownership);
    // ---------------------------------------------------------- maturity: levels and trends for all, the cross-check (a database of its own)
    if (runsPart('maturity')) maturityLines = await maturityBench(report, dir, RUNS.maturity);
    // ---------------------------------------------------------- monitoring: health of every model, inbox imports (databases of its own)
    if (runsPart('monitoring')) monitoringLines = await monitoringBench(report, dir, RUNS.monitoring);
    // ---------------------------------------------------------- ceremonies: a month of every series, rhythm health (a database of its own)
    if (runsPart('ceremonies')) ceremoniesLines = await ceremoniesBench(report, dir, RUNS.ceremonies);
    // ---------------------------------------------------------- operations: the overview of every client (a database of its own)
    if (runsPart('operations')) operationsLines = await operationsBench(report, dir, RUNS.operations);
  } finally {
    // BENCH_KEEP=1 keeps the databases for a look with sqlite3 or EXPLAIN QUERY PLAN.
    if (process.env.BENCH_KEEP) console.error(`Kept the benchmark databases in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  console.log('Keel benchmark — times in milliseconds; "vs bare" = median ÷ the bare statement’s median');
  console.log('');
  report.print();
  console.log('');
  if (dataset) {
    const d = dataset;
    const sized = (k: RecordKind) => `${d[k].total} ${k} (${d[k].archived} archived)`;
    console.log(`Dataset      ${sized('specialists')}, ${sized('clients')}, ${sized('engagements')}, ${dataset.auditRows} audit rows`);
    if (d.plan) {
      const p = d.plan;
      console.log(
        `             ${p.allocations} allocations (${p.tentative} tentative, ${p.rampUps} ramp-ups, ${p.handovers} hand-overs), ${p.absences} absences, ${p.openRequests} open staffing requests`,
      );
    }
    console.log(`             generated through the services in one transaction in ${generationMs.toFixed(0)} ms`);
  }
  for (const line of planLines) console.log(line);
  for (const line of billingLines) console.log(line);
  for (const line of continuityLines) console.log(line);
  for (const line of portfolioLines) console.log(line);
  for (const line of importLines) console.log(line);
  for (const line of portfolioExportLines) console.log(line);
  for (const line of ownershipLines) console.log(line);
  for (const line of maturityLines) console.log(line);
  for (const line of monitoringLines) console.log(line);
  for (const line of ceremoniesLines) console.log(line);
  for (const line of operationsLines) console.log(line);
  console.log(
    `Environment  Node ${process.version}, SQLite ${sqliteVersion}, ${process.platform}/${process.arch}, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(
    `Memory       RSS ${megabytes(startRss)} at start (code loaded), peak ${megabytes(peakRssBytes())} (sampled between runs); OS max RSS ${megabytes(process.resourceUsage().maxRSS * 1024)}`,
  );
  console.log(`Total        ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (runsPart('ui')) uiBench();
}

/** The UI part: out/main/firstList.js in a process of its own (it starts servers and Chromium). */
function uiBench(): void {
  const run = spawnSync(process.execPath, [join(__dirname, 'firstList.js')], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`The UI benchmark failed (exit ${run.status ?? run.signal}).`);
}

// Forked with CHILD_FLAG (billingChild.ts), the bundle runs one export in a fresh process instead;
// forked with IMPORT_CHILD_FLAG (importBench.ts), one import.
const task = childTask(process.argv);
const imports = importTask(process.argv);
const monitoringImport = monitoringImportTask(process.argv);
const costImport = costImportTask(process.argv);
(task
  ? runChildTask(task)
  : imports
    ? runImportChild(imports)
    : monitoringImport
      ? runMonitoringImportChild(monitoringImport)
      : costImport
        ? runCostImportChild(costImport)
        : main()
).catch((error: unknown) => {
  if (task) console.error(`The benchmark child (${CHILD_FLAG} ${task.kind}) failed:`);
  console.error(error);
  process.exitCode = 1;
});
