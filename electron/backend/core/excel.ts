import { createRequire } from 'node:module';
import { toDay } from '@shared/kernel/days';
import type ExcelJS from 'exceljs';

/**
 * exceljs costs ~250 ms to require, so it is loaded on the first export,
 * never at start-up.
 */
let loaded: typeof ExcelJS | null = null;
export function excel(): typeof ExcelJS {
  loaded ??= createRequire(__filename)('exceljs') as typeof ExcelJS;
  return loaded;
}

/** A calendar date as the Date exceljs writes as that exact Excel day (exceljs converts in UTC). */
export function excelDate(iso: string): Date {
  return new Date(toDay(iso) * 86_400_000);
}

/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet takes text that
 * starts with = + - @, a tab or a carriage return for a formula once someone
 * edits the cell or saves the sheet as CSV, so a client named
 * `=HYPERLINK("http://…")` would become a live link. Every text cell Keel
 * writes goes through `formulaSafe`: such text gets a leading apostrophe and
 * stays text everywhere. Keel's own totals are formula objects, not text, and
 * stay formulas.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value as Keel writes it: text made formula-safe, everything else (numbers, dates, Keel's formulas) as it is. */
export function safeCellValue<T>(value: T): T | string {
  return typeof value === 'string' ? formulaSafe(value) : value;
}

/** Undoes `formulaSafe` when a file Keel wrote comes back in an import, so names and notes match Keel's again. */
export function fromFormulaSafe(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/**
 * Writes an in-memory workbook as .xlsx with every text cell made
 * formula-safe, whichever way the sheet was filled. The streaming finance
 * workbook writes cell by cell and calls `safeCellValue` itself.
 */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === 'string') cell.value = formulaSafe(cell.value);
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An instant (ISO-8601 UTC) as an Excel date-time showing the UTC wall clock (exceljs converts in UTC). */
export function excelInstant(iso: string): Date {
  return new Date(iso);
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const PERCENT_FORMAT = '0%';
export const NUMBER_FORMAT = '0.00';

export type Column = { header: string; key: string; width: number; numFmt?: string };

/** A sheet with a bold frozen header row, an auto-filter over the header, and fixed column widths. */
export function addTable(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[], frozenColumns = 0) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/**
 * Columns widened to their longest value (up to `max` characters), never
 * narrower than declared: a sheet reads without dragging column edges.
 */
export function fitColumns(columns: Column[], rows: Record<string, unknown>[], max = 60): Column[] {
  return columns.map((c) => {
    let longest = c.header.length;
    for (const row of rows) {
      const value = row[c.key];
      if (typeof value === 'string') longest = Math.max(longest, value.length);
      else if (typeof value === 'number') longest = Math.max(longest, String(value).length);
      if (longest + 2 >= max) break;
    }
    return { ...c, width: Math.min(max, Math.max(c.width, longest + 2)) };
  });
}
