import type { Writable } from 'node:stream';
import type { Db } from '@backend/core/db/connection';
import { excel } from '@backend/core/excel';
import type ExcelJS from 'exceljs';
import { RATED_ENTRIES } from './billingBare';

/**
 * The finance workbook's floor: the same sheets with the same rows written by
 * exceljs's streaming writer straight from hand-written SQL, with no Keel
 * code between the statement and the cell: codes instead of labels, no
 * fitted widths, no progress, no formulas (totals are plain numbers). Every
 * cell gets one of a few shared style objects, the fast way with exceljs:
 * its style table recognises an object it has seen (a WeakMap), while the
 * fresh style object exceljs gives each new cell is serialised every time.
 *
 * `pacing` says how the long detail sheet hands the event loop back:
 * 'immediate' as Keel does (a setImmediate every 2,000 rows), or 'drain',
 * which waits until the zip stream has taken the sheet's backlog. exceljs
 * pipes each sheet into archiver's PassThrough without heeding its
 * backpressure, so whatever deflate has not consumed yet stays in memory.
 *
 * - month: Summary, Invoice lines, Timesheet detail, Per specialist, About.
 *   The invoice lines come from one statement (billingBare's rated entries
 *   grouped by engagement, specialist and rate); Summary and Per specialist
 *   are sums of those lines, and the detail rows stream from one statement.
 * - detail: Timesheet detail and About.
 *
 * exceljs is loaded through Keel's loader, so a process that has not
 * exported yet pays for loading it in either writer.
 */

export type Pacing = 'immediate' | 'drain';

type LineRow = {
  engagement_id: string;
  client: string;
  engagement: string;
  currency: string;
  specialist_id: string;
  specialist: string;
  email: string;
  role: string;
  first_date: string;
  last_date: string;
  override: number;
  hourly_rate_minor: number | null;
  minutes: number;
  billed: number;
  non_billable: number;
  amount: number;
};

type EngagementRow = {
  id: string;
  client: string;
  engagement: string;
  currency: string;
  status: string | null;
  invoice: string | null;
  vat_basis_points: number;
};

type DetailRow = {
  id: string;
  date: string;
  client: string;
  engagement_id: string;
  engagement: string;
  specialist: string;
  email: string;
  role: string;
  activity: string;
  minutes: number;
  billable: number;
  non_billable_reason: string;
  note: string;
};

const DETAIL_SQL = `SELECT t.id, t.date, c.name AS client, e.id AS engagement_id, e.name AS engagement, s.full_name AS specialist,
    s.email, s.role, t.activity, t.minutes, t.billable, t.non_billable_reason, t.note
  FROM time_entry t JOIN specialist s ON s.id = t.specialist_id JOIN engagement e ON e.id = t.engagement_id JOIN client c ON c.id = e.client_id
  WHERE t.date BETWEEN ? AND ? ORDER BY t.date, c.name, e.name, s.full_name, t.id`;

/** All the dataset's currencies have two minor digits. */
const major = (minor: number) => minor / 100;
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Style = Partial<ExcelJS.Style>;
const PLAIN: Style = {};
const BOLD: Style = { font: { bold: true } };
type Column = { width: number; style: Style };
const text = (width: number): Column => ({ width, style: PLAIN });
const money: Column = { width: 14, style: { numFmt: '#,##0.00' } };
const minutes: Column = { width: 10, style: { numFmt: '#,##0' } };
const hours: Column = { width: 9, style: { numFmt: '0.00' } };
const day: Column = { width: 11, style: { numFmt: 'yyyy-mm-dd' } };
const percent: Column = { width: 8, style: { numFmt: '0.00%' } };

/** A sheet written row after row, each cell with its column's shared style. */
class Sheet {
  private next = 1;
  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly styles: readonly Style[],
  ) {}
  add(values: readonly unknown[], bold = false) {
    const row = this.ws.getRow(this.next++);
    values.forEach((value, i) => {
      if (value === null || value === undefined) return;
      const cell = row.getCell(i + 1);
      cell.value = value as ExcelJS.CellValue;
      cell.style = bold ? BOLD : (this.styles[i] ?? PLAIN);
    });
    row.commit();
  }
  /** How many bytes of the sheet the zip stream has not taken yet (exceljs 4.4 internals: StreamBuf → PassThrough). */
  backlog(): number {
    const pipe = (
      this.ws as unknown as { stream?: { pipes?: { _writableState?: { length: number }; _readableState?: { length: number } }[] } }
    ).stream?.pipes?.[0];
    return (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
  }
  commit() {
    this.ws.commit();
  }
}

function sheet(book: ExcelJS.stream.xlsx.WorkbookWriter, name: string, headers: string[], columns: Column[]) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const out = new Sheet(
    ws,
    columns.map((c) => c.style),
  );
  out.add(headers, true);
  return out;
}

function addRows(ws: Sheet, rows: readonly unknown[][]) {
  for (const r of rows) ws.add(r);
}

/** Totals are summed in integers (minutes, minor units) and converted once: summing converted floats drifts. */
type Unit = 'minutes' | 'hours' | 'money';
type Totals = Map<string, Map<number, { unit: Unit; sum: number }>>;
const inUnit = (unit: Unit, sum: number) => (unit === 'money' ? major(sum) : unit === 'hours' ? sum / 60 : sum);

function sumInto(totals: Totals, currency: string, column: number, unit: Unit, value: number) {
  let sums = totals.get(currency);
  if (!sums) {
    sums = new Map();
    totals.set(currency, sums);
  }
  const entry = sums.get(column) ?? { unit, sum: 0 };
  entry.sum += value;
  sums.set(column, entry);
}

/** A blank row, then one row of plain totals per currency. */
function addTotals(ws: Sheet, width: number, currencyColumn: number, totals: Totals) {
  if (!totals.size) return;
  ws.add([]);
  for (const [currency, sums] of [...totals].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const row: unknown[] = Array.from({ length: width }, () => null);
    row[0] = 'Total';
    row[currencyColumn] = currency;
    for (const [column, { unit, sum }] of sums) row[column] = inUnit(unit, sum);
    ws.add(row);
  }
}

/** The statements are prepared once; each call only binds, steps and writes. */
export function bareWorkbooks(db: Db) {
  const lines = db.prepare<{ from: string; to: string }, LineRow>(
    `WITH ${RATED_ENTRIES}
     SELECT l.engagement_id, c.name AS client, e.name AS engagement, e.currency, l.specialist_id, s.full_name AS specialist, s.email, s.role,
       l.first_date, l.last_date, l.override, l.hourly_rate_minor, l.minutes, l.billed, l.non_billable, l.amount
     FROM line l JOIN engagement e ON e.id = l.engagement_id JOIN client c ON c.id = e.client_id JOIN specialist s ON s.id = l.specialist_id
     ORDER BY c.name, e.name, s.full_name, s.id, l.first_date`,
  );
  const engagements = db.prepare<{ from: string; to: string; month: string }, EngagementRow>(
    `SELECT e.id, c.name AS client, e.name AS engagement, e.currency, mc.status, i.number AS invoice, c.vat_basis_points
     FROM engagement e JOIN client c ON c.id = e.client_id
     LEFT JOIN month_close mc ON mc.engagement_id = e.id AND mc.month = @month
     LEFT JOIN invoice i ON i.engagement_id = e.id AND i.month = @month AND i.status = 'issued'
     WHERE mc.engagement_id IS NOT NULL
       OR EXISTS (SELECT 1 FROM time_entry t WHERE t.engagement_id = e.id AND t.date BETWEEN @from AND @to)
       OR (e.archived_at IS NULL AND e.status <> 'proposed' AND e.start_date <= @to AND (e.end_date IS NULL OR e.end_date >= @from))
     ORDER BY c.name, e.name`,
  );
  const detail = db.prepare<[string, string], DetailRow>(DETAIL_SQL);

  async function writeDetail(book: ExcelJS.stream.xlsx.WorkbookWriter, from: string, to: string, pacing: Pacing): Promise<number> {
    const ws = sheet(
      book,
      'Timesheet detail',
      [
        'Entry ID',
        'Date',
        'Client',
        'Engagement ID',
        'Engagement',
        'Specialist',
        'Specialist email',
        'Role',
        'Activity',
        'Minutes',
        'Hours',
        'Billable',
        'Non-billable reason',
        'Note',
      ],
      [text(38), day, text(26), text(38), text(30), text(24), text(30), text(22), text(24), minutes, hours, text(10), text(34), text(40)],
    );
    let rows = 0;
    for (const r of detail.iterate(from, to)) {
      ws.add([
        r.id,
        date(r.date),
        r.client,
        r.engagement_id,
        r.engagement,
        r.specialist,
        r.email,
        r.role,
        r.activity,
        r.minutes,
        r.minutes / 60,
        r.billable ? 'Yes' : 'No',
        r.non_billable_reason || null,
        r.note || null,
      ]);
      if (++rows % 2000 === 0) {
        // Hand the event loop back, as any streaming writer must, so the zip stream can compress what was written.
        do await new Promise((resolve) => setImmediate(resolve));
        while (pacing === 'drain' && ws.backlog() > 1 << 20);
      }
    }
    ws.commit();
    return rows;
  }

  function writeAbout(book: ExcelJS.stream.xlsx.WorkbookWriter, facts: [string, unknown][]) {
    const ws = sheet(book, 'About', ['Field', 'Value'], [text(22), text(44)]);
    addRows(ws, facts);
    ws.commit();
  }

  function open(stream: Writable) {
    return new (excel().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
  }

  return {
    /** The month workbook of every engagement; resolves when the stream has been written. */
    async month(month: string, from: string, to: string, stream: Writable, pacing: Pacing = 'immediate'): Promise<{ detailRows: number }> {
      const book = open(stream);
      const all = lines.all({ from, to });
      const listed = engagements.all({ from, to, month });

      const perEngagement = new Map<string, { minutes: number; nonBillable: number; net: number }>();
      const perPerson = new Map<string, { line: LineRow; minutes: number; nonBillable: number; billed: number; amount: number }>();
      for (const l of all) {
        const e = perEngagement.get(l.engagement_id) ?? { minutes: 0, nonBillable: 0, net: 0 };
        e.minutes += l.minutes + l.non_billable;
        e.nonBillable += l.non_billable;
        e.net += l.amount;
        perEngagement.set(l.engagement_id, e);
        const key = `${l.engagement_id}|${l.specialist_id}`;
        const p = perPerson.get(key) ?? { line: l, minutes: 0, nonBillable: 0, billed: 0, amount: 0 };
        p.minutes += l.minutes + l.non_billable;
        p.nonBillable += l.non_billable;
        p.billed += l.billed;
        p.amount += l.amount;
        perPerson.set(key, p);
      }

      const summaryTotals = new Map() as Totals;
      const summary = listed.map((e) => {
        const { minutes: m, nonBillable: nb, net } = perEngagement.get(e.id) ?? { minutes: 0, nonBillable: 0, net: 0 };
        const vat = Math.floor((net * e.vat_basis_points + 5000) / 10_000);
        sumInto(summaryTotals, e.currency, 5, 'minutes', m);
        sumInto(summaryTotals, e.currency, 6, 'hours', m);
        sumInto(summaryTotals, e.currency, 7, 'minutes', nb);
        sumInto(summaryTotals, e.currency, 8, 'hours', nb);
        sumInto(summaryTotals, e.currency, 9, 'money', net);
        sumInto(summaryTotals, e.currency, 11, 'money', vat);
        sumInto(summaryTotals, e.currency, 12, 'money', net + vat);
        return [
          e.client,
          e.engagement,
          e.currency,
          e.status ?? 'open',
          e.invoice,
          m,
          m / 60,
          nb,
          nb / 60,
          major(net),
          e.vat_basis_points / 10_000,
          major(vat),
          major(net + vat),
        ];
      });
      const ws1 = sheet(
        book,
        'Summary',
        [
          'Client',
          'Engagement',
          'Currency',
          'Status',
          'Invoice number',
          'Minutes',
          'Hours',
          'Non-billable minutes',
          'Non-billable hours',
          'Net',
          'VAT %',
          'VAT',
          'Gross',
        ],
        [text(24), text(28), text(9), text(10), text(16), minutes, hours, minutes, hours, money, percent, money, money],
      );
      addRows(ws1, summary);
      addTotals(ws1, 13, 2, summaryTotals);
      ws1.commit();

      const lineTotals = new Map() as Totals;
      const ws2 = sheet(
        book,
        'Invoice lines',
        [
          'Client',
          'Engagement',
          'Currency',
          'Specialist',
          'Role',
          'From',
          'To',
          'Rate source',
          'Hourly rate',
          'Billable minutes',
          'Billed minutes',
          'Billed hours',
          'Non-billable minutes',
          'Non-billable hours',
          'Amount',
        ],
        [text(24), text(28), text(9), text(24), text(22), day, day, text(18), money, minutes, minutes, hours, minutes, hours, money],
      );
      for (const l of all) {
        sumInto(lineTotals, l.currency, 9, 'minutes', l.minutes);
        sumInto(lineTotals, l.currency, 10, 'minutes', l.billed);
        sumInto(lineTotals, l.currency, 11, 'hours', l.billed);
        sumInto(lineTotals, l.currency, 12, 'minutes', l.non_billable);
        sumInto(lineTotals, l.currency, 13, 'hours', l.non_billable);
        sumInto(lineTotals, l.currency, 14, 'money', l.amount);
        ws2.add([
          l.client,
          l.engagement,
          l.currency,
          l.specialist,
          l.role,
          date(l.first_date),
          date(l.last_date),
          l.override ? 'specialist' : 'role',
          l.hourly_rate_minor === null ? null : major(l.hourly_rate_minor),
          l.minutes,
          l.billed,
          l.billed / 60,
          l.non_billable,
          l.non_billable / 60,
          major(l.amount),
        ]);
      }
      addTotals(ws2, 15, 2, lineTotals);
      ws2.commit();

      const detailRows = await writeDetail(book, from, to, pacing);

      const people = [...perPerson.values()].sort(
        (a, b) =>
          (a.line.specialist < b.line.specialist ? -1 : a.line.specialist > b.line.specialist ? 1 : 0) ||
          (a.line.specialist_id < b.line.specialist_id ? -1 : a.line.specialist_id > b.line.specialist_id ? 1 : 0) ||
          (a.line.client < b.line.client ? -1 : a.line.client > b.line.client ? 1 : 0) ||
          (a.line.engagement < b.line.engagement ? -1 : 1),
      );
      const peopleTotals = new Map() as Totals;
      const ws4 = sheet(
        book,
        'Per specialist',
        [
          'Specialist',
          'Specialist email',
          'Role',
          'Client',
          'Engagement',
          'Currency',
          'Minutes',
          'Hours',
          'Non-billable minutes',
          'Non-billable hours',
          'Billed minutes',
          'Amount',
        ],
        [text(24), text(30), text(22), text(24), text(28), text(9), minutes, hours, minutes, hours, minutes, money],
      );
      for (const p of people) {
        sumInto(peopleTotals, p.line.currency, 6, 'minutes', p.minutes);
        sumInto(peopleTotals, p.line.currency, 7, 'hours', p.minutes);
        sumInto(peopleTotals, p.line.currency, 8, 'minutes', p.nonBillable);
        sumInto(peopleTotals, p.line.currency, 9, 'hours', p.nonBillable);
        sumInto(peopleTotals, p.line.currency, 10, 'minutes', p.billed);
        sumInto(peopleTotals, p.line.currency, 11, 'money', p.amount);
        ws4.add([
          p.line.specialist,
          p.line.email,
          p.line.role,
          p.line.client,
          p.line.engagement,
          p.line.currency,
          p.minutes,
          p.minutes / 60,
          p.nonBillable,
          p.nonBillable / 60,
          p.billed,
          major(p.amount),
        ]);
      }
      addTotals(ws4, 12, 5, peopleTotals);
      ws4.commit();

      writeAbout(
        book,
        aboutFacts(detailRows, [
          ['Kind', 'Month'],
          ['Month', month],
          ['Engagement', 'All engagements'],
          ['From', date(from)],
          ['To', date(to)],
        ]),
      );
      await book.commit();
      return { detailRows };
    },

    /** The timesheet detail of a date range. */
    async detail(from: string, to: string, stream: Writable, pacing: Pacing = 'immediate'): Promise<{ detailRows: number }> {
      const book = open(stream);
      const detailRows = await writeDetail(book, from, to, pacing);
      writeAbout(
        book,
        aboutFacts(detailRows, [
          ['Kind', 'Timesheet detail'],
          ['From', date(from)],
          ['To', date(to)],
        ]),
      );
      await book.commit();
      return { detailRows };
    },
  };
}

function aboutFacts(detailRows: number, kind: [string, unknown][]): [string, unknown][] {
  return [
    ['Workbook', 'Keel finance workbook'],
    ['Layout version', 2],
    ...kind,
    ['Timesheet detail rows', detailRows],
    // The bench's own fixed instant: the bare writer only needs a value of the same shape.
    ['Generated at (UTC)', '2026-11-24T09:00:00.000Z'],
    ['Amounts', 'Major units of the row’s currency; totals are per currency, never across currencies.'],
    ['Hours', 'Minutes ÷ 60 at full precision, shown with two decimals; Minutes is the exact figure.'],
    [
      'Non-billable',
      'Hours recorded but not invoiced (a replacement’s hand-over, or marked by finance with a reason); amounts bill only billable hours.',
    ],
  ];
}

export type BareWorkbooks = ReturnType<typeof bareWorkbooks>;
