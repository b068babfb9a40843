import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { writeFinanceWorkbook } from '@backend/billing/financeWorkbook';
import { monthOverview } from '@backend/billing/monthCloseService';
import { excel } from '@backend/core/excel';
import type { Backend } from '@backend/index';
import { firstDayOf, lastDayOf } from '@shared/billing/rules/months';
import type ExcelJS from 'exceljs';
import { queryPlan, type Runs, sqlOf } from './billing';
import { type ChildResult, type ChildTask, type DetailWriter, runInChild } from './billingChild';
import { bareWorkbooks } from './billingExportBare';
import { compare, megabytes, type Report, type Stats } from './harness';

/**
 * The finance exports (financeWorkbook.ts) against exceljs writing the same
 * sheets and rows from bare SQL (billingExportBare.ts):
 *
 * 1. the month workbook of every engagement, both in this process, warm,
 *    interleaved; the two files are read back first and must hold the same
 *    sheets, row counts and figures;
 * 2. the first export after start, in fresh processes: exceljs is not loaded
 *    yet, as after Keel starts; once as is, once with exceljs loaded first so
 *    the report shows what loading it costs;
 * 3. the five-year timesheet detail: ~50,000 and ~250,000 rows, each in a
 *    process of its own so the peaks do not mix; time, peak RSS, file size.
 * Aims (the issue's): the month export within 2× of the bare write; the
 * detail export's peak RSS at 250k rows within 1.5× of that at 50k.
 */

const FIRST_EXPORT_PROCESSES = 5;

const statsOf = (name: string, values: readonly number[], detail?: string): Stats => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { name, runs: sorted.length, median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, ...(detail ? { detail } : {}) };
};

async function toFile<T>(path: string, write: (stream: Writable) => Promise<T>): Promise<T> {
  const stream = createWriteStream(path);
  const closed = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  const result = await write(stream);
  await closed;
  return result;
}

type SheetFigures = { name: string; rows: number; data: (string | number | null)[][] };

const plain = (v: ExcelJS.CellValue): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return plain((v as { result: ExcelJS.CellValue }).result);
  // exceljs 4.4's reader drops a formula's cached result when it is 0, though the file holds <v>0</v>.
  if (typeof v === 'object' && 'formula' in v) return 0;
  return String(v);
};

/** Sheet names, row counts and the cells of the given columns of each data row, read back with exceljs. */
async function figures(path: string, columns: Record<string, number[]>): Promise<SheetFigures[]> {
  const book = new (excel().Workbook)();
  await book.xlsx.readFile(path);
  return book.worksheets.map((ws) => {
    const data: (string | number | null)[][] = [];
    const wanted = columns[ws.name] ?? [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      data.push(wanted.map((c) => plain(row.getCell(c).value)));
    });
    return { name: ws.name, rows: ws.rowCount, data };
  });
}

/** Throws unless Keel's month workbook and the bare one hold the same sheets, row counts and figures. */
async function checkSameWorkbooks(keelFile: string, bareFile: string): Promise<string> {
  // Per sheet, the columns compared: names, minutes and amounts (labels and formats differ by design).
  const columns = {
    Summary: [1, 2, 3, 6, 8, 10, 12, 13],
    // From/To: Keel writes the rate period, the bare statement the first and last entry date of the line.
    'Invoice lines': [1, 2, 4, 9, 10, 11, 13, 15],
    'Timesheet detail': [1, 2, 3, 4, 6, 10, 12],
    'Per specialist': [1, 2, 4, 5, 7, 9, 11, 12],
  };
  const keel = await figures(keelFile, columns);
  const bare = await figures(bareFile, columns);
  const shape = (f: SheetFigures[]) => f.map((s) => `${s.name}: ${s.rows} rows`).join(', ');
  if (shape(keel) !== shape(bare)) {
    throw new Error(
      `The month workbooks differ in shape; the comparison would be meaningless.\n  Keel ${shape(keel)}\n  bare ${shape(bare)}`,
    );
  }
  for (const [i, sheet] of keel.entries()) {
    const other = bare[i] as SheetFigures;
    const at = sheet.data.findIndex((row, r) => JSON.stringify(row) !== JSON.stringify(other.data[r]));
    if (at !== -1) {
      throw new Error(
        `${sheet.name}, row ${at + 2}: Keel's and the bare workbook differ; the comparison would be meaningless.\n` +
          `  Keel ${JSON.stringify(sheet.data[at])}\n  bare ${JSON.stringify(other.data[at])}`,
      );
    }
  }
  return shape(keel);
}

const mb = (bytes: number) => megabytes(bytes);

/** Adds the export rows to the report; returns the lines printed under the table. */
export async function monthExportCases(report: Report, backend: Backend, dir: string, month: string, runs: Runs): Promise<string[]> {
  const from = firstDayOf(month);
  const to = lastDayOf(month);
  const bare = bareWorkbooks(backend.db);
  const keelFile = join(dir, 'keel-month.xlsx');
  const bareFile = join(dir, 'bare-month.xlsx');
  const keelExport = () => toFile(keelFile, (stream) => writeFinanceWorkbook(backend.ctx, { kind: 'month', month }, stream));
  const bareExport = () => toFile(bareFile, (stream) => bare.month(month, from, to, stream));

  const keelFirst = await keelExport();
  const bareFirst = await bareExport();
  if (keelFirst.detailRows !== bareFirst.detailRows)
    throw new Error(`Detail rows differ: Keel ${keelFirst.detailRows}, bare ${bareFirst.detailRows}.`);
  const shape = await checkSameWorkbooks(keelFile, bareFile);

  report.section(`Hours & billing: monthly finance export of ${month}, all engagements (${keelFirst.detailRows} detail rows)`);
  // What the writer computes before it writes a cell (financeWorkbook.ts monthData): the month overview with every review.
  const monthData = () => ({ detailRows: monthOverview(backend.ctx, month).rows.length });
  const [keel, computing, floor] = await compare<{ detailRows: number }>(
    [
      { name: 'Keel writer (writeFinanceWorkbook), warm', fn: keelExport },
      { name: '  its month data: monthOverview (every review once)', fn: monthData },
      { name: 'bare exceljs + SQL, same sheets and rows', fn: bareExport },
    ],
    { ...runs, describe: (r) => `${r.detailRows} ${r.detailRows > 100 ? 'detail rows' : 'engagements'}` },
  );
  if (!keel || !computing || !floor) throw new Error('compare() returned fewer stats than variants.');
  report.add(keel, floor);
  report.add(computing, floor);
  report.add(floor, 'self');

  // The first export after start: fresh processes, interleaved, exceljs loaded by the export or just before it.
  const cold: ChildResult[] = [];
  const preloaded: ChildResult[] = [];
  const task = (loadExcelFirst: boolean, n: number): ChildTask => ({
    kind: 'month',
    database: backend.db.name,
    out: join(dir, `first-${loadExcelFirst ? 'preloaded' : 'cold'}-${n}.xlsx`),
    month,
    writer: 'keel',
    loadExcelFirst,
  });
  for (let n = 0; n < FIRST_EXPORT_PROCESSES; n++) {
    cold.push(await runInChild(task(false, n)));
    preloaded.push(await runInChild(task(true, n)));
  }
  const firstStats = statsOf(
    'first export after start (fresh process, loads exceljs)',
    cold.map((r) => r.ms),
    'incl. require(exceljs)',
  );
  const requireStats = statsOf(
    '  of which: require(exceljs) alone (fresh process)',
    preloaded.map((r) => r.loadExcelMs ?? 0),
  );
  const afterRequire = statsOf(
    '  export right after it (fresh process)',
    preloaded.map((r) => r.ms),
    'exceljs loaded, code cold',
  );
  report.add(firstStats, floor);
  report.add(requireStats, null);
  report.add(afterRequire, floor);

  const ratio = keel.median / floor.median;
  return [
    `Export       month workbook: Keel ${keel.median.toFixed(0)} ms (~${computing.median.toFixed(0)} ms of it computing the month) vs bare exceljs ${floor.median.toFixed(0)} ms ` +
      `= ${ratio.toFixed(2)}× — aim ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'}`,
    `             first export after start ${firstStats.median.toFixed(0)} ms (median of ${FIRST_EXPORT_PROCESSES} fresh processes; require(exceljs) alone ${requireStats.median.toFixed(0)} ms) ` +
      `vs ${keel.median.toFixed(0)} ms warm`,
    `Checked      both workbooks read back before timing: ${shape}; names, minutes and amounts equal row by row`,
  ];
}

const WRITER_NAMES: Record<DetailWriter, string> = {
  keel: 'Keel writer',
  bare: 'bare exceljs + SQL',
  'bare-drain': 'bare, waiting for the zip to drain',
};

/**
 * The ~50k and ~250k row detail exports, each in a fresh process: Keel's
 * writer; the bare one paced like Keel (a setImmediate every 2,000 rows),
 * its floor; and the bare one waiting for the zip stream to take the backlog,
 * which shows what memory a writer that heeds backpressure needs.
 */
export async function detailExportCases(report: Report, backend: Backend, dir: string, from: string, to: string): Promise<string[]> {
  const { db } = backend;
  const count = (a: string, b: string) =>
    db.prepare<[string, string], number>('SELECT count(*) FROM time_entry WHERE date BETWEEN ? AND ?').pluck().get(a, b) ?? 0;
  // The first ~50,000 rows: up to the day of the 50,000th entry in date order.
  const to50k =
    db.prepare<[string], string>('SELECT date FROM time_entry WHERE date >= ? ORDER BY date LIMIT 1 OFFSET 49999').pluck().get(from) ?? to;
  const ranges = [
    { label: '1 year', from, to: to50k, rows: count(from, to50k) },
    { label: '5 years', from, to, rows: count(from, to) },
  ] as const;

  report.section('Hours & billing: timesheet detail export, each in a fresh process (peak RSS = the process’s max RSS)');
  const results = new Map<string, ChildResult>();
  const writers = ['keel', 'bare', 'bare-drain'] as const;
  for (const writer of writers) {
    for (const range of ranges) {
      const r = await runInChild({
        kind: 'detail',
        database: db.name,
        out: join(dir, `detail-${writer}-${range.rows}.xlsx`),
        from: range.from,
        to: range.to,
        writer,
      });
      if (r.detailRows !== range.rows) throw new Error(`The ${writer} detail export wrote ${r.detailRows} rows of ${range.rows}.`);
      results.set(`${writer}|${range.rows}`, r);
    }
  }
  const result = (writer: DetailWriter, range: (typeof ranges)[number]) => results.get(`${writer}|${range.rows}`) as ChildResult;
  const stats = new Map<string, Stats>();
  for (const writer of writers) {
    for (const range of ranges) {
      const r = result(writer, range);
      stats.set(
        `${writer}|${range.rows}`,
        statsOf(
          `${WRITER_NAMES[writer]}, ${range.rows.toLocaleString('en')} rows (${range.label})`,
          [r.ms],
          `peak RSS ${mb(r.maxRss)} (${mb(r.rssBefore)} before; heap ≤ ${mb(r.peakHeapUsed)}, buffers ≤ ${mb(r.peakArrayBuffers)}), ${mb(r.bytes)} file`,
        ),
      );
    }
  }
  const statOf = (writer: DetailWriter, range: (typeof ranges)[number]) => stats.get(`${writer}|${range.rows}`) as Stats;
  for (const range of ranges) {
    report.add(statOf('keel', range), statOf('bare', range));
    report.add(statOf('bare', range), 'self');
    report.add(statOf('bare-drain', range), statOf('bare', range));
  }

  const [small, large] = ranges;
  const peakRatio = (writer: DetailWriter) => result(writer, large).maxRss / result(writer, small).maxRss;
  const growth = (writer: DetailWriter) =>
    `+${mb(result(writer, small).maxRss - result(writer, small).rssBefore)} / +${mb(result(writer, large).maxRss - result(writer, large).rssBefore)}`;
  const keelSmall = result('keel', small);
  const keelLarge = result('keel', large);
  const rate = (r: ChildResult, rows: number) => `${Math.round(rows / (r.ms / 1000)).toLocaleString('en')} rows/s`;
  const plan = queryPlan(
    db,
    sqlOf(db, (repo) => repo.detail(from, to)),
    [from, to],
  );
  return [
    `Detail       Keel peak RSS ${mb(keelSmall.maxRss)} at ${small.rows.toLocaleString('en')} rows, ${mb(keelLarge.maxRss)} at ${large.rows.toLocaleString('en')} rows: ` +
      `${peakRatio('keel').toFixed(2)}× — aim ≤ 1.5×: ${peakRatio('keel') <= 1.5 ? 'met' : 'NOT met'} ` +
      `(bare paced like Keel ${peakRatio('bare').toFixed(2)}×, bare waiting for the zip ${peakRatio('bare-drain').toFixed(2)}×)`,
    `             RSS growth during the export at ${small.rows.toLocaleString('en')} / ${large.rows.toLocaleString('en')} rows: Keel ${growth('keel')}, ` +
      `bare ${growth('bare')}, bare waiting for the zip ${growth('bare-drain')}`,
    `             Keel ${rate(keelLarge, large.rows)}; file ${mb(keelLarge.bytes)} for ${large.rows.toLocaleString('en')} rows (${mb(keelSmall.bytes)} for ${small.rows.toLocaleString('en')})`,
    `Query plan   timeEntries.detail: ${plan.join(' / ')}`,
  ];
}
