import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { type Backend, createBackend } from '../../electron/backend';
import { openDatabase } from '../../electron/backend/db/connection';
import { contract, type Result } from '../../shared/contract';
import { bareQueries } from './bare';
import { BENCH_SIZE, type DatasetSummary, generateDataset } from './dataset';
import { compare, measure, megabytes, once, peakRssBytes, Report } from './harness';

/**
 * `npm run bench`: builds a large dataset in a temporary database and prints
 * median/min/max timings of opening the database and of the list screens'
 * queries, each beside the same query written as a bare prepared statement.
 * Figures and ratios only — nothing here asserts on time.
 *
 * To add rows: measure() a function and report.add() the stats, under an
 * existing section or a new one.
 */

const RUNS = { open: { runs: 15, warmup: 2 }, list: { runs: Number(process.env.RUNS ?? 30), warmup: 5 } } as const;

const rowCount = (rows: readonly unknown[]) => `${rows.length} rows`;

/** The rows of a list procedure's result; a failed call stops the benchmark. */
function rowsOf(name: string, result: Result<unknown>): unknown[] {
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return (result.value as { rows: unknown[] }).rows;
}

type ListPaths = {
  /** The procedure and input exactly as the list screen sends them. */
  procedure: 'clients.list' | 'engagements.list' | 'specialists.list';
  input: Record<string, unknown>;
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
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'keel-bench-'));
  const report = new Report();
  let dataset: DatasetSummary | null = null;
  let generationMs = 0;
  let sqliteVersion = '?';

  try {
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
    let clock = Date.parse('2024-01-08T08:00:00Z');
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
      // The filters the handlers receive: the contract's defaults, parsed exactly as dispatch parses them.
      const clientDefaults = contract['clients.list'].input.parse({});
      const engagementDefaults = contract['engagements.list'].input.parse({});
      const specialistDefaults = contract['specialists.list'].input.parse({});

      report.section('List screens (default list: active rows, default sort)');
      await listCase(report, backend, 'clients by name', {
        procedure: 'clients.list',
        input: {},
        repository: () => clients.list(clientDefaults),
        bare: bare.clients,
      });
      await listCase(report, backend, 'engagements by start', {
        procedure: 'engagements.list',
        input: {},
        repository: () => engagements.list(engagementDefaults),
        bare: bare.engagements,
      });
      await listCase(report, backend, 'specialists by name', {
        procedure: 'specialists.list',
        input: {},
        repository: () => specialists.list(specialistDefaults),
        bare: bare.specialists,
      });

      report.section('List screens with a search');
      await listCase(report, backend, "clients 'a'", {
        procedure: 'clients.list',
        input: { search: 'a' },
        repository: () => clients.list({ ...clientDefaults, search: 'a' }),
        bare: () => bare.clientsSearch('a'),
      });
      await listCase(report, backend, "engagements 'platform'", {
        procedure: 'engagements.list',
        input: { search: 'platform' },
        repository: () => engagements.list({ ...engagementDefaults, search: 'platform' }),
        bare: () => bare.engagementsSearch('platform'),
      });
      await listCase(report, backend, "specialists 'kube'", {
        procedure: 'specialists.list',
        input: { search: 'kube' },
        repository: () => specialists.list({ ...specialistDefaults, search: 'kube' }),
        bare: () => bare.specialistsSearch('kube'),
      });
    } finally {
      backend.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('Keel benchmark — times in milliseconds; "vs bare" = median ÷ the bare statement’s median');
  console.log('');
  report.print();
  console.log('');
  if (dataset) {
    const sized = (k: keyof typeof BENCH_SIZE) => `${dataset?.[k].total} ${k} (${dataset?.[k].archived} archived)`;
    console.log(`Dataset      ${sized('specialists')}, ${sized('clients')}, ${sized('engagements')}, ${dataset.auditRows} audit rows`);
    console.log(`             generated through the services in one transaction in ${generationMs.toFixed(0)} ms`);
  }
  console.log(
    `Environment  Node ${process.version}, SQLite ${sqliteVersion}, ${process.platform}/${process.arch}, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(
    `Memory       peak RSS ${megabytes(peakRssBytes())} (sampled between runs); max RSS ${megabytes(process.resourceUsage().maxRSS * 1024)} (OS)`,
  );
  console.log(`Total        ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
