import { addTable, type Column, DATE_FORMAT, excel, excelDate, PERCENT_FORMAT, workbookBuffer } from '@backend/core/excel';
import type { ReplacementPause, SlaReport, SlaReportRow } from '@shared/continuity/contract';
import { REPLACEMENT_REASON_LABELS } from '@shared/continuity/rules/replacement';
import { CLOCK_STATE_LABELS } from '@shared/kernel/businessClock';
import type ExcelJS from 'exceljs';

/**
 * The quarter's SLA report for finance and client leads: Summary (per client
 * and a total), Requests (every request submitted in the quarter) and
 * Breaches (with the reasons on record), then About (the quarter, the date the
 * figures are as of, and how they are counted). docs/sla-report-workbook.md
 * describes the layout.
 *
 * Row 1 of every sheet is the header (bold, frozen, filtered), so the sheets
 * sort, filter and load into Power Query without skipping rows; the title of
 * the report lives in the document properties, the printed page header and
 * the About sheet instead of above the tables. Counts are numbers, dates real
 * Excel dates, met % a fraction formatted 0%; a missing value is an empty cell.
 */

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-31` → `31 Dec 2026`. */
function spoken(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** "SLA report Q4 2026, 1 Oct – 31 Dec 2026": the year once when both ends share it. */
export function slaReportTitle(report: Pick<SlaReport, 'year' | 'quarter' | 'from' | 'to'>): string {
  const from = report.from.slice(0, 4) === report.to.slice(0, 4) ? spoken(report.from).slice(0, -5) : spoken(report.from);
  return `SLA report Q${report.quarter} ${report.year}, ${from} – ${spoken(report.to)}`;
}

/** Writes the report as an .xlsx; `generatedAt` is stamped in About and the document properties. */
export async function slaReportWorkbook(report: SlaReport, generatedAt: Date): Promise<Buffer> {
  const title = slaReportTitle(report);
  const workbook = new (excel().Workbook)();
  workbook.creator = 'Keel';
  workbook.lastModifiedBy = 'Keel';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = title;
  workbook.subject = `${title}, as of ${spoken(report.today)}`;
  workbook.keywords = `keel-sla-report ${report.year}-Q${report.quarter}`;

  const pageHeader = `&L${title}&Ras of ${spoken(report.today)}`;
  for (const sheet of [summarySheet(workbook, report), requestsSheet(workbook, report), breachesSheet(workbook, report)]) {
    sheet.headerFooter = { oddHeader: pageHeader, oddFooter: '&L&A&RPage &P of &N' };
    sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  aboutSheet(workbook, report, title, generatedAt);

  return workbookBuffer(workbook);
}

const SUMMARY_COLUMNS: Column[] = [
  { header: 'Client', key: 'client', width: 14 },
  { header: 'Requests', key: 'requests', width: 10 },
  { header: 'Met', key: 'met', width: 6 },
  { header: 'Breached', key: 'breached', width: 10 },
  { header: 'Open', key: 'open', width: 7 },
  { header: 'Cancelled', key: 'cancelled', width: 11 },
  { header: 'Met %', key: 'metPercent', width: 8, numFmt: PERCENT_FORMAT },
  { header: 'Median business days to fulfil', key: 'median', width: 30 },
  { header: 'Worst business days to fulfil', key: 'worst', width: 29 },
];

function summaryRow(row: SlaReportRow, client: string): Record<string, unknown> {
  return {
    client,
    requests: row.requests,
    met: row.met,
    breached: row.breached,
    open: row.open,
    cancelled: row.cancelled,
    metPercent: row.metPercent === null ? null : row.metPercent / 100,
    median: row.medianDaysToFulfil,
    worst: row.worstDaysToFulfil,
  };
}

/** One row per client, then a blank row and the bold total, kept out of the filter so sorting never moves it. */
function summarySheet(workbook: ExcelJS.Workbook, report: SlaReport): ExcelJS.Worksheet {
  const rows = report.clients.map((c) => summaryRow(c, c.clientName));
  const sheet = table(workbook, 'Summary', SUMMARY_COLUMNS, rows);
  sheet.addRow([]);
  const total = sheet.addRow(summaryRow(report.total, 'Total'));
  total.font = { bold: true };
  return sheet;
}

const REQUEST_COLUMNS: Column[] = [
  { header: 'Client', key: 'client', width: 14 },
  { header: 'Engagement', key: 'engagement', width: 14 },
  { header: 'Outgoing specialist', key: 'outgoing', width: 20 },
  { header: 'Reason', key: 'reason', width: 10 },
  { header: 'Submitted (client time)', key: 'submitted', width: 22, numFmt: DATE_TIME_FORMAT },
  { header: 'Time zone', key: 'timeZone', width: 11 },
  { header: 'Submitted by', key: 'submittedBy', width: 14 },
  { header: 'SLA (business days)', key: 'sla', width: 20 },
  { header: 'Paused business days', key: 'paused', width: 21 },
  { header: 'Due date', key: 'due', width: 12, numFmt: DATE_FORMAT },
  { header: 'Replacement', key: 'replacement', width: 14 },
  { header: 'Replacement start', key: 'start', width: 18, numFmt: DATE_FORMAT },
  { header: 'Business days to fulfil', key: 'toFulfil', width: 24 },
  { header: 'State', key: 'state', width: 10 },
  { header: 'Business days late', key: 'late', width: 19 },
  { header: 'Late or cancel reason', key: 'why', width: 22 },
  { header: 'Notes', key: 'notes', width: 10 },
];

function requestsSheet(workbook: ExcelJS.Workbook, report: SlaReport): ExcelJS.Worksheet {
  const rows = report.requests.map((r) => ({
    client: r.clientName,
    engagement: r.engagementName,
    outgoing: r.outgoingSpecialistName,
    reason: REPLACEMENT_REASON_LABELS[r.reason],
    submitted: localDateTime(r.submittedOn, r.submittedTime),
    timeZone: r.timeZone,
    submittedBy: text(r.submittedBy),
    sla: r.clock.allowance,
    paused: r.clock.pausedDays,
    due: excelDate(r.clock.dueDate),
    replacement: r.replacementSpecialistName,
    start: r.replacementStartDate ? excelDate(r.replacementStartDate) : null,
    toFulfil: r.status === 'fulfilled' ? r.clock.elapsed : null,
    state: CLOCK_STATE_LABELS[r.clock.state],
    late: r.clock.late,
    why: text(r.status === 'cancelled' ? r.cancelReason : r.lateReason),
    notes: text(r.notes),
  }));
  return table(workbook, 'Requests', REQUEST_COLUMNS, rows, 3);
}

const BREACH_COLUMNS: Column[] = [
  { header: 'Client', key: 'client', width: 14 },
  { header: 'Engagement', key: 'engagement', width: 14 },
  { header: 'Outgoing specialist', key: 'outgoing', width: 20 },
  { header: 'Submitted', key: 'submitted', width: 12, numFmt: DATE_FORMAT },
  { header: 'Due date', key: 'due', width: 12, numFmt: DATE_FORMAT },
  { header: 'Replacement start', key: 'start', width: 18, numFmt: DATE_FORMAT },
  { header: 'Business days late', key: 'late', width: 19 },
  { header: 'Reason for the request', key: 'reason', width: 23 },
  { header: 'Late reason', key: 'lateReason', width: 14 },
  { header: 'Pauses', key: 'pauses', width: 10 },
];

export const NOT_RECORDED = 'not recorded';
export const STILL_OPEN = 'still open';
/** A request withdrawn after its due date: the breach stands, with the reason it was withdrawn. */
export const WITHDRAWN = 'withdrawn';

function breachesSheet(workbook: ExcelJS.Workbook, report: SlaReport): ExcelJS.Worksheet {
  const rows = report.breaches.map((r) => ({
    client: r.clientName,
    engagement: r.engagementName,
    outgoing: r.outgoingSpecialistName,
    submitted: excelDate(r.submittedOn),
    due: excelDate(r.clock.dueDate),
    start: r.replacementStartDate ? excelDate(r.replacementStartDate) : r.status === 'cancelled' ? WITHDRAWN : STILL_OPEN,
    late: r.clock.late,
    reason: REPLACEMENT_REASON_LABELS[r.reason],
    lateReason: r.status === 'cancelled' ? `Withdrawn: ${r.cancelReason}` : r.lateReason.trim() === '' ? NOT_RECORDED : r.lateReason,
    pauses: text(pausesText(r.pauses)),
  }));
  return table(workbook, 'Breaches', BREACH_COLUMNS, rows, 3);
}

/** "2026-12-01–2026-12-03: client postponed interviews; 2026-12-10: …", in date order. */
export function pausesText(pauses: readonly ReplacementPause[]): string {
  return [...pauses]
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
    .map((p) => `${p.startDate === p.endDate ? p.startDate : `${p.startDate}–${p.endDate}`}: ${p.reason}`)
    .join('; ');
}

function aboutSheet(workbook: ExcelJS.Workbook, report: SlaReport, title: string, generatedAt: Date) {
  const facts: [string, string | number | Date][] = [
    ['Report', title],
    ['Quarter', `Q${report.quarter} ${report.year}`],
    ['From', excelDate(report.from)],
    ['To', excelDate(report.to)],
    ['As of', excelDate(report.today)],
    ['Requests', report.requests.length],
    ['Generated at (UTC)', generatedAt.toISOString()],
    ['Requests counted', 'Every replacement request submitted in the quarter, by its submission date in the client’s time zone.'],
    [
      'Business days',
      'Monday to Friday minus the public holidays of the client’s holiday calendar; a business day inside a pause does not count.',
    ],
    ['Due date', 'The Nth business day after the submission date (N is the SLA); the submission date itself does not count.'],
    ['Met %', 'Met ÷ (met + breached); open requests still inside their SLA and cancelled requests are left out.'],
    [
      'Open',
      'Requests neither fulfilled nor cancelled, including those already breached, so Met + Breached + Open + Cancelled can exceed Requests.',
    ],
    ['Days to fulfil', 'Business days from the submission date to the replacement’s start, over fulfilled requests.'],
    ['Business days late', 'Business days past the due date: to the replacement’s start, or to the as-of date while still open.'],
  ];
  const sheet = workbook.addWorksheet('About');
  sheet.columns = [
    { header: 'Field', key: 'field', width: Math.max(...facts.map(([f]) => f.length)) + 2 },
    { header: 'Value', key: 'value', width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const [field, value] of facts) {
    const row = sheet.addRow({ field, value });
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT;
    // Left-aligned like the text around them (numbers and dates align right by default).
    row.getCell(2).alignment = { horizontal: 'left' };
  }
}

/**
 * addTable with widths fitted to the content (up to 60 characters) and the
 * filter over the header and the data rows, so rows added after it (totals)
 * stay out of the filtered range.
 */
function table(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[], frozenColumns = 0) {
  const fitted = columns.map((c) => {
    let longest = c.header.length;
    for (const row of rows) {
      const value = row[c.key];
      if (typeof value === 'string') longest = Math.max(longest, value.length);
      else if (typeof value === 'number') longest = Math.max(longest, String(value).length);
    }
    return { ...c, width: Math.min(60, Math.max(c.width, longest + 2)) };
  });
  const sheet = addTable(workbook, name, fitted, rows, frozenColumns);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  return sheet;
}

/** The submission's wall-clock date and time in the client's zone, as an Excel date-time (its zone is in the next column). */
function localDateTime(date: string, time: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return new Date(excelDate(date).getTime() + (hours * 60 + minutes) * 60_000);
}

/** Empty text is an empty cell, not an empty string. */
function text(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}
