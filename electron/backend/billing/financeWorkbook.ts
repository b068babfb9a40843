import type { Writable } from 'node:stream';
import type { Context } from '@backend/core/context';
import { DATE_FORMAT, excel, excelDate, NUMBER_FORMAT, safeCellValue } from '@backend/core/excel';
import type { EngagementMonth, FinanceExportRequest } from '@shared/billing/contract/billing';
import { ACTIVITY_LABELS } from '@shared/billing/rules/activities';
import { hoursOf } from '@shared/billing/rules/duration';
import type { InvoiceLine } from '@shared/billing/rules/invoice';
import { modelHours } from '@shared/billing/rules/modelHours';
import { MONTH_STATUS_LABELS } from '@shared/billing/rules/monthClose';
import { firstDayOf, lastDayOf } from '@shared/billing/rules/months';
import { RATE_SOURCE_LABELS } from '@shared/billing/rules/rates';
import type { MonthReview } from '@shared/billing/rules/review';
import { ROLE_LABELS, type SpecialistRole } from '@shared/clients/rules/reference';
import { minorToMajor } from '@shared/kernel/money';
import type ExcelJS from 'exceljs';
import {
  FINANCE_LAYOUT_VERSION,
  FINANCE_SHEETS,
  FINANCE_WORKBOOK_MARKER,
  type FinanceColumn,
  type FinanceColumnType,
  type FinanceSheetName,
  INVOICE_LINE_COLUMNS,
  MINUTES_FORMAT,
  MODEL_HOURS_COLUMNS,
  moneyFormat,
  PER_SPECIALIST_COLUMNS,
  PERCENT_2_FORMAT,
  SUMMARY_COLUMNS,
} from './financeLayout';
import { monthOverview } from './monthCloseService';

/**
 * The finance workbook: the layout finance builds its own formulas on, so it
 * is versioned (docs/finance-workbook.md lists every sheet and column; change
 * a name, order, type or unit and FINANCE_LAYOUT_VERSION goes up).
 *
 * Written with exceljs's streaming writer, one sheet after the other, each
 * row committed as soon as it is written: a 250,000-row timesheet detail
 * keeps memory flat. Amounts are computed by Keel in integer minor units and
 * converted to major units once per cell; totals are per currency (never
 * summed across currencies) and are formulas whose cached result is Keel's
 * own integer total, converted once.
 */

export type FinanceExportInput = FinanceExportRequest;
export type ProgressCallback = (rowsWritten: number, rowsTotal: number) => void;

type Formula = { formula: string; result: number };
type Value = string | number | Date | Formula | null;
type Style = Partial<ExcelJS.Style>;
type SheetWriter = ExcelJS.Worksheet;

// One shared object per style: exceljs keys its style table on the object, so
// millions of cells cost one lookup each instead of one serialisation.
const BOLD = { bold: true };
const STYLES = {
  header: { font: BOLD },
  plain: {},
  bold: { font: BOLD },
  date: { numFmt: DATE_FORMAT },
  minutes: { numFmt: MINUTES_FORMAT },
  hours: { numFmt: NUMBER_FORMAT },
  percent: { numFmt: PERCENT_2_FORMAT },
  boldMinutes: { numFmt: MINUTES_FORMAT, font: BOLD },
  boldHours: { numFmt: NUMBER_FORMAT, font: BOLD },
} satisfies Record<string, Style>;
const moneyStyles = new Map<string, Style>();
function moneyStyle(currency: string, bold: boolean): Style {
  const key = `${currency}|${bold}`;
  let style = moneyStyles.get(key);
  if (!style) {
    style = bold ? { numFmt: moneyFormat(currency), font: BOLD } : { numFmt: moneyFormat(currency) };
    moneyStyles.set(key, style);
  }
  return style;
}

function styleOf(type: FinanceColumnType, currency: string | null, bold: boolean): Style {
  switch (type) {
    case 'money':
      return currency ? moneyStyle(currency, bold) : bold ? STYLES.bold : STYLES.plain;
    case 'minutes':
      return bold ? STYLES.boldMinutes : STYLES.minutes;
    case 'hours':
      return bold ? STYLES.boldHours : STYLES.hours;
    case 'date':
      return STYLES.date;
    case 'percent':
      return STYLES.percent;
    default:
      return bold ? STYLES.bold : STYLES.plain;
  }
}

/** `1` → `A`, `27` → `AA`. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Counts rows, reports progress every 1,000 and hands the event loop back
 * every 2,000 rows — or sooner when a batch has taken 40 ms (a cold start or a
 * slow disk), so other requests wait a few dozen milliseconds at most.
 */
class Pace {
  written = 0;
  private since = performance.now();
  constructor(
    public total: number,
    private readonly onProgress: ProgressCallback | undefined,
  ) {}
  /** True when the writer should `await pause()`. */
  row(): boolean {
    this.written++;
    if (this.written % 1000 === 0) this.report();
    return this.written % 2000 === 0 || (this.written % 200 === 0 && performance.now() - this.since > 40);
  }
  report() {
    this.onProgress?.(this.written, Math.max(this.total, this.written));
  }
  /**
   * Hands the event loop back; with a sheet, also waits until the zip stream
   * has taken most of what the sheet wrote. exceljs pipes each sheet into the
   * zip without heeding backpressure, so without this wait the uncompressed
   * XML of a 250k-row export piles up in memory.
   */
  async pause(sheet?: Sheet): Promise<void> {
    do await new Promise((resolve) => setImmediate(resolve));
    while (sheet && sheet.backlog() > MAX_BACKLOG_BYTES);
    this.since = performance.now();
  }
}

/** How much written-but-not-zipped sheet XML the writer lets pile up before it waits. */
const MAX_BACKLOG_BYTES = 1 << 20;

type PipeState = { _writableState?: { length: number }; _readableState?: { length: number } };

class Sheet {
  private next = 1;
  readonly firstData = 2;
  /** Last data row once total rows follow (they stay out of the filter). */
  dataEnd: number | null = null;
  constructor(
    readonly ws: SheetWriter,
    readonly columns: readonly FinanceColumn[],
  ) {}
  get lastData() {
    return this.next - 1;
  }
  add(values: readonly Value[], currency: string | null = null, bold = false) {
    const row = this.ws.getRow(this.next++);
    values.forEach((value, i) => {
      const column = this.columns[i];
      if (value === null || value === undefined || !column) return;
      const cell = row.getCell(i + 1);
      cell.value = safeCellValue(value);
      // Always a shared style object: exceljs re-serialises a cell's own fresh style for every cell.
      cell.style = styleOf(column.type, currency, bold);
    });
    row.commit();
  }
  /**
   * Bytes of this sheet the zip stream has not taken yet. Reads exceljs 4.4
   * internals (the sheet's StreamBuf piped into archiver's PassThrough); 0 if
   * they are not there, which falls back to plain pacing.
   */
  backlog(): number {
    const pipe = (this.ws as unknown as { stream?: { pipes?: PipeState[] } }).stream?.pipes?.[0];
    return (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
  }
  skip() {
    this.next++;
  }
}

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

/** A sheet with a bold, frozen header row; widths from the layout, or widened to fit when the content is known. */
function openSheet(book: Book, name: FinanceSheetName, widths?: readonly number[]): Sheet {
  const columns = FINANCE_SHEETS[name];
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = columns.map((c, i) => ({ width: widths?.[i] ?? c.width }));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = safeCellValue(c.header);
    cell.style = STYLES.header;
  });
  const sheet = new Sheet(ws, columns);
  header.commit();
  sheet.skip();
  return sheet;
}

/** Filter over the header and the data rows (not the totals below them), then write the sheet out. */
function closeSheet(sheet: Sheet) {
  sheet.ws.autoFilter = `A1:${columnLetter(sheet.columns.length)}${Math.max(1, sheet.dataEnd ?? sheet.lastData)}`;
  sheet.ws.commit();
}

/** Widths that fit rows held in memory: the layout width at least, 60 at most. */
function fitWidths(columns: readonly FinanceColumn[], rows: readonly (readonly Value[])[]): number[] {
  return columns.map((c, i) => {
    let longest = c.header.length;
    for (const r of rows) {
      const v = r[i];
      if (typeof v === 'string') longest = Math.max(longest, v.length);
    }
    return Math.min(60, Math.max(c.width, longest + 2));
  });
}

/** Keel's totals of one currency: column index (1-based) → cached result in the cell's unit. */
type CurrencyTotals = Map<number, number>;

/**
 * A blank row, then one bold total row per currency: `SUMIFS` over the data
 * rows of that currency, its cached result Keel's own integer total.
 */
function addTotals(sheet: Sheet, currencyColumn: number, totals: Map<string, CurrencyTotals>) {
  if (sheet.lastData < sheet.firstData || totals.size === 0) return;
  const first = sheet.firstData;
  const last = sheet.lastData;
  const cur = columnLetter(currencyColumn);
  sheet.dataEnd = last;
  sheet.skip();
  for (const currency of [...totals.keys()].sort()) {
    const values: Value[] = sheet.columns.map(() => null);
    values[0] = 'Total';
    values[currencyColumn - 1] = currency;
    for (const [index, result] of totals.get(currency) ?? []) {
      const c = columnLetter(index);
      values[index - 1] = { formula: `SUMIFS(${c}${first}:${c}${last},${cur}${first}:${cur}${last},"${currency}")`, result };
    }
    sheet.add(values, currency, true);
  }
}

/** Integer sums per currency and column, converted once at the end. */
class Totals {
  private readonly sums = new Map<string, Map<number, { unit: 'minutes' | 'hours' | 'money'; sum: number }>>();
  add(currency: string, index: number, unit: 'minutes' | 'hours' | 'money', amount: number) {
    let byColumn = this.sums.get(currency);
    if (!byColumn) {
      byColumn = new Map();
      this.sums.set(currency, byColumn);
    }
    const entry = byColumn.get(index) ?? { unit, sum: 0 };
    entry.sum += amount;
    byColumn.set(index, entry);
  }
  results(): Map<string, CurrencyTotals> {
    const out = new Map<string, CurrencyTotals>();
    for (const [currency, byColumn] of this.sums) {
      const results: CurrencyTotals = new Map();
      for (const [index, { unit, sum }] of byColumn) {
        results.set(index, unit === 'money' ? minorToMajor(sum, currency) : unit === 'hours' ? hoursOf(sum) : sum);
      }
      out.set(currency, results);
    }
    return out;
  }
}

const roleLabel = (role: string) => ROLE_LABELS[role as SpecialistRole] ?? role;

type EngagementData = {
  month: EngagementMonth;
  /** Of the month's minutes, those not billable. */
  nonBillableMinutes: number;
  vatBasisPoints: number;
  lines: InvoiceLine[];
  specialists: SpecialistRow[];
};
type SpecialistRow = {
  specialistId: string;
  name: string;
  minutes: number;
  nonBillableMinutes: number;
  billedMinutes: number | null;
  amountMinor: number | null;
};

/** The small, in-memory part of a month export: Summary, invoice lines and per-specialist figures, each review computed once. */
function monthData(ctx: Context, month: string, engagementId: string | undefined): EngagementData[] {
  const overview = monthOverview(ctx, month, engagementId);
  return overview.rows.map((m) => {
    const review = overview.reviews.get(m.engagementId) as MonthReview;
    const invoice = overview.issued.get(m.engagementId);
    const lines = invoice ? ctx.repos.invoices.lines(invoice.id) : review.invoice.lines;
    const specialists: SpecialistRow[] = review.specialists
      .filter((s) => s.minutes > 0)
      .map((s) => {
        const own = lines.filter((l) => l.specialistId === s.specialistId);
        return {
          specialistId: s.specialistId,
          name: s.specialistName,
          minutes: s.minutes,
          nonBillableMinutes: s.nonBillableMinutes,
          billedMinutes: own.length ? own.reduce((n, l) => n + l.billedMinutes, 0) : null,
          amountMinor: own.length ? own.reduce((n, l) => n + l.amountMinor, 0) : null,
        };
      });
    return {
      month: m,
      nonBillableMinutes: invoice ? invoice.nonBillableMinutes : review.nonBillableMinutes,
      vatBasisPoints: invoice?.vatBasisPoints ?? review.invoice.vatBasisPoints,
      lines,
      specialists,
    };
  });
}

function summaryRows(data: readonly EngagementData[], totals: Totals): Value[][] {
  return data.map(({ month: m, nonBillableMinutes, vatBasisPoints }) => {
    totals.add(m.currency, 6, 'minutes', m.minutes);
    totals.add(m.currency, 7, 'hours', m.minutes);
    totals.add(m.currency, 8, 'minutes', nonBillableMinutes);
    totals.add(m.currency, 9, 'hours', nonBillableMinutes);
    totals.add(m.currency, 10, 'money', m.netMinor);
    totals.add(m.currency, 12, 'money', m.vatMinor);
    totals.add(m.currency, 13, 'money', m.grossMinor);
    return [
      m.clientName,
      m.engagementName,
      m.currency,
      MONTH_STATUS_LABELS[m.status],
      m.invoiceNumber,
      m.minutes,
      hoursOf(m.minutes),
      nonBillableMinutes,
      hoursOf(nonBillableMinutes),
      minorToMajor(m.netMinor, m.currency),
      vatBasisPoints / 10_000,
      minorToMajor(m.vatMinor, m.currency),
      minorToMajor(m.grossMinor, m.currency),
    ];
  });
}

function lineRows(data: readonly EngagementData[], totals: Totals): Value[][] {
  return data.flatMap(({ month: m, lines }) =>
    lines.map((l) => {
      totals.add(m.currency, 10, 'minutes', l.minutes);
      totals.add(m.currency, 11, 'minutes', l.billedMinutes);
      totals.add(m.currency, 12, 'hours', l.billedMinutes);
      totals.add(m.currency, 13, 'minutes', l.nonBillableMinutes);
      totals.add(m.currency, 14, 'hours', l.nonBillableMinutes);
      totals.add(m.currency, 15, 'money', l.amountMinor);
      return [
        m.clientName,
        m.engagementName,
        m.currency,
        l.specialistName,
        roleLabel(l.role),
        excelDate(l.fromDate),
        excelDate(l.toDate),
        RATE_SOURCE_LABELS[l.rateSource],
        minorToMajor(l.hourlyRateMinor, m.currency),
        l.minutes,
        l.billedMinutes,
        hoursOf(l.billedMinutes),
        l.nonBillableMinutes,
        hoursOf(l.nonBillableMinutes),
        minorToMajor(l.amountMinor, m.currency),
      ];
    }),
  );
}

function perSpecialistRows(ctx: Context, data: readonly EngagementData[], totals: Totals): Value[][] {
  const people = new Map<string, { email: string; role: string } | null>();
  const person = (id: string) => {
    if (!people.has(id)) {
      const s = ctx.repos.specialists.get(id);
      people.set(id, s ? { email: s.email, role: s.role } : null);
    }
    return people.get(id) ?? null;
  };
  const rows = data.flatMap(({ month: m, specialists }) => specialists.map((s) => ({ m, s })));
  rows.sort(
    (a, b) =>
      a.s.name.localeCompare(b.s.name) ||
      a.s.specialistId.localeCompare(b.s.specialistId) ||
      a.m.clientName.localeCompare(b.m.clientName) ||
      a.m.engagementName.localeCompare(b.m.engagementName),
  );
  return rows.map(({ m, s }) => {
    const p = person(s.specialistId);
    totals.add(m.currency, 7, 'minutes', s.minutes);
    totals.add(m.currency, 8, 'hours', s.minutes);
    totals.add(m.currency, 9, 'minutes', s.nonBillableMinutes);
    totals.add(m.currency, 10, 'hours', s.nonBillableMinutes);
    totals.add(m.currency, 11, 'minutes', s.billedMinutes ?? 0);
    totals.add(m.currency, 12, 'money', s.amountMinor ?? 0);
    return [
      s.name,
      p?.email ?? null,
      p ? roleLabel(p.role) : null,
      m.clientName,
      m.engagementName,
      m.currency,
      s.minutes,
      hoursOf(s.minutes),
      s.nonBillableMinutes,
      hoursOf(s.nonBillableMinutes),
      s.billedMinutes,
      s.amountMinor === null ? null : minorToMajor(s.amountMinor, m.currency),
    ];
  });
}

async function writeRows(sheet: Sheet, rows: readonly (readonly Value[])[], pace: Pace, currencyColumn: number | null) {
  for (const r of rows) {
    sheet.add(r, currencyColumn ? (r[currencyColumn - 1] as string) : null);
    if (pace.row()) await pace.pause();
  }
}

async function writeDetail(book: Book, ctx: Context, from: string, to: string, engagementId: string | undefined, pace: Pace) {
  const sheet = openSheet(book, 'Timesheet detail');
  let rows = 0;
  for (const r of ctx.repos.timeEntries.detail(from, to, engagementId)) {
    sheet.add([
      r.id,
      excelDate(r.date),
      r.client_name,
      r.engagement_id,
      r.engagement_name,
      r.specialist_name,
      r.specialist_email,
      roleLabel(r.role),
      ACTIVITY_LABELS[r.activity] ?? r.activity,
      r.minutes,
      hoursOf(r.minutes),
      r.billable ? 'Yes' : 'No',
      r.non_billable_reason || null,
      r.note || null,
      r.model_name,
    ]);
    rows++;
    if (pace.row()) await pace.pause(sheet);
  }
  closeSheet(sheet);
  return rows;
}

/**
 * Hours per model per activity over the export's days (entries on no model are not in it), with a
 * total row whose cells are SUM formulas cached with Keel's own sums.
 */
async function writeModelHours(book: Book, ctx: Context, from: string, to: string, engagementId: string | undefined, pace: Pace) {
  const models = modelHours(ctx.repos.timeEntries.modelHours({ from, to, engagementId }));
  const rows: Value[][] = models.flatMap((m) =>
    m.activities.map((a) => [m.clientName, m.engagementName, m.modelName, ACTIVITY_LABELS[a.activity], a.minutes, hoursOf(a.minutes)]),
  );
  const sheet = openSheet(book, 'Hours by model', fitWidths(MODEL_HOURS_COLUMNS, rows));
  await writeRows(sheet, rows, pace, null);
  if (rows.length) {
    const first = sheet.firstData;
    const last = sheet.lastData;
    const minutes = models.reduce((n, m) => n + m.totalMinutes, 0);
    sheet.dataEnd = last;
    sheet.skip();
    sheet.add(
      [
        'Total',
        null,
        null,
        null,
        { formula: `SUM(E${first}:E${last})`, result: minutes },
        { formula: `SUM(F${first}:F${last})`, result: hoursOf(minutes) },
      ],
      null,
      true,
    );
  }
  closeSheet(sheet);
  return rows.length;
}

function writeAbout(book: Book, facts: [string, string | number | Date][]) {
  const sheet = openSheet(book, 'About');
  for (const [field, value] of facts) {
    const row = sheet.ws.getRow(sheet.lastData + 1);
    row.getCell(1).value = safeCellValue(field);
    const cell = row.getCell(2);
    cell.value = safeCellValue(value);
    if (value instanceof Date) cell.style = STYLES.date;
    row.commit();
    sheet.skip();
  }
  closeSheet(sheet);
}

/**
 * Writes a finance workbook to `stream` and resolves once the file is
 * complete. Reads through `ctx`: while it runs, the detail rows are read by
 * an open SQLite statement, so give it a context on its own (read-only)
 * connection when other requests must keep writing meanwhile
 * (financeExport.ts does).
 */
export async function writeFinanceWorkbook(
  ctx: Context,
  input: FinanceExportInput,
  stream: Writable,
  onProgress?: ProgressCallback,
): Promise<{ rows: number; detailRows: number }> {
  const book = new (excel().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
  const generatedAt = ctx.now();
  book.creator = 'Keel';
  book.lastModifiedBy = 'Keel';
  book.created = new Date(generatedAt);
  book.modified = book.created;
  book.title = FINANCE_WORKBOOK_MARKER;
  book.subject = `${FINANCE_WORKBOOK_MARKER}, layout version ${FINANCE_LAYOUT_VERSION}`;
  book.keywords = `keel-finance-workbook layout-version-${FINANCE_LAYOUT_VERSION}`;

  const pace = new Pace(0, onProgress);
  const facts: [string, string | number | Date][] = [
    ['Workbook', FINANCE_WORKBOOK_MARKER],
    ['Layout version', FINANCE_LAYOUT_VERSION],
  ];
  let detailRows: number;
  if (input.kind === 'month') {
    const { month, engagementId } = input;
    const from = firstDayOf(month);
    const to = lastDayOf(month);
    const data = monthData(ctx, month, engagementId);
    const summaryTotals = new Totals();
    const summary = summaryRows(data, summaryTotals);
    const linesTotals = new Totals();
    const lines = lineRows(data, linesTotals);
    const peopleTotals = new Totals();
    const people = perSpecialistRows(ctx, data, peopleTotals);
    pace.total = summary.length + lines.length + people.length + ctx.repos.timeEntries.detailCount(from, to, engagementId);
    pace.report();

    const summarySheet = openSheet(book, 'Summary', fitWidths(SUMMARY_COLUMNS, summary));
    await writeRows(summarySheet, summary, pace, 3);
    addTotals(summarySheet, 3, summaryTotals.results());
    closeSheet(summarySheet);

    const linesSheet = openSheet(book, 'Invoice lines', fitWidths(INVOICE_LINE_COLUMNS, lines));
    await writeRows(linesSheet, lines, pace, 3);
    addTotals(linesSheet, 3, linesTotals.results());
    closeSheet(linesSheet);

    detailRows = await writeDetail(book, ctx, from, to, engagementId, pace);

    const peopleSheet = openSheet(book, 'Per specialist', fitWidths(PER_SPECIALIST_COLUMNS, people));
    await writeRows(peopleSheet, people, pace, 6);
    addTotals(peopleSheet, 6, peopleTotals.results());
    closeSheet(peopleSheet);

    await writeModelHours(book, ctx, from, to, engagementId, pace);

    const engagement = engagementId ? ctx.repos.engagements.get(engagementId) : null;
    facts.push(
      ['Kind', 'Month'],
      ['Month', month],
      ['Engagement', engagement ? `${engagement.clientName} · ${engagement.name}` : 'All engagements'],
      ['From', excelDate(from)],
      ['To', excelDate(to)],
    );
  } else {
    pace.total = ctx.repos.timeEntries.detailCount(input.from, input.to);
    pace.report();
    detailRows = await writeDetail(book, ctx, input.from, input.to, undefined, pace);
    await writeModelHours(book, ctx, input.from, input.to, undefined, pace);
    facts.push(['Kind', 'Timesheet detail'], ['From', excelDate(input.from)], ['To', excelDate(input.to)]);
  }
  facts.push(
    ['Timesheet detail rows', detailRows],
    ['Generated at (UTC)', generatedAt],
    ['Amounts', 'Major units of the row’s currency; totals are per currency, never across currencies.'],
    ['Hours', 'Minutes ÷ 60 at full precision, shown with two decimals; Minutes is the exact figure.'],
    [
      'Non-billable',
      'Hours recorded but not invoiced (a replacement’s hand-over, or marked by finance with a reason); amounts bill only billable hours.',
    ],
    ['Models', 'Hours by model counts only entries that name a model; billing ignores the model.'],
  );
  writeAbout(book, facts);
  await book.commit();
  pace.report();
  return { rows: pace.written, detailRows };
}
