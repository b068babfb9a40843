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

export const DATE_FORMAT = 'yyyy-mm-dd';
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
