import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
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

/**
 * Gives cells with the same style (and the same kind of value) one shared style object, just before an
 * in-memory workbook is written. exceljs gives every cell its own copy of its row's and column's style and,
 * writing, renders each copy to XML to find its index; it remembers indexes by object, so shared objects
 * are looked up once. A sheet of a few thousand rows writes in about half the time. Call it last: a later
 * change to one cell's style would change every cell sharing it.
 */
export function shareStyles(workbook: ExcelJS.Workbook): void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // The kind of value is part of the key: a style without a number format is written per kind (General, a date…).
        const key = `${cell.type}|${JSON.stringify(cell.style)}`;
        const style = shared.get(key);
        if (style) cell.style = style;
        else shared.set(key, cell.style);
      });
    });
  }
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

type BookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
export type BookProperties = { title: string; subject: string; keywords: string; created: Date };

/**
 * Writes a workbook with exceljs's streaming writer into memory and returns
 * the .xlsx: rows are serialised and zipped as they are committed, so a
 * workbook of a hundred thousand rows never holds its cell objects all at
 * once (the in-memory Workbook keeps every cell until it is written), and
 * `streamTable` hands the event loop back every few hundred rows so Keel
 * keeps answering while it writes.
 */
export async function streamedWorkbook(properties: BookProperties, write: (book: BookWriter) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const book = new (excel().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
  const props = book as unknown as Record<string, unknown>;
  Object.assign(props, {
    creator: 'Keel',
    lastModifiedBy: 'Keel',
    created: properties.created,
    modified: properties.created,
    title: properties.title,
    subject: properties.subject,
    keywords: properties.keywords,
  });
  await write(book);
  await book.commit();
  await ended;
  return Buffer.concat(chunks);
}

export type StreamTableOptions = {
  frozenColumns?: number;
  pageSetup?: Partial<ExcelJS.PageSetup>;
  headerFooter?: Partial<ExcelJS.HeaderFooter>;
  /** A fill for the whole row (a rollback, say), or null. */
  fillOf?: (row: Record<string, unknown>) => ExcelJS.Fill | null;
  /** Keys of cells written bold on a filled row. */
  boldOnFill?: readonly string[];
  /** A number format for one cell, where a column holds values of several kinds (a Field / Value sheet). */
  formatOf?: (row: Record<string, unknown>, key: string) => string | undefined;
};

const ROWS_PER_PAUSE = 500;
const pause = () => new Promise((resolve) => setImmediate(resolve));

/** The A1 letter of a 1-based column number. */
function columnLetter(n: number): string {
  let letters = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
}

/**
 * The streaming twin of `addTable`: a bold frozen header row, an auto-filter
 * over the header and the data, the given widths, every text cell made
 * formula-safe. Styles are shared objects per column (exceljs serialises a
 * fresh style object for every cell).
 */
export async function streamTable(
  book: BookWriter,
  name: string,
  columns: Column[],
  rows: readonly Record<string, unknown>[],
  options: StreamTableOptions = {},
): Promise<void> {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: options.frozenColumns ?? 0, ySplit: 1 }],
    ...(options.pageSetup ? { pageSetup: options.pageSetup } : {}),
    ...(options.headerFooter ? { headerFooter: options.headerFooter } : {}),
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.getRow(1);
  const bold: Partial<ExcelJS.Style> = { font: { bold: true } };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = formulaSafe(c.header);
    cell.style = bold;
  });
  header.commit();
  const formats = new Map<string, Partial<ExcelJS.Style>>();
  const formatStyle = (numFmt: string) => {
    let style = formats.get(numFmt);
    if (!style) {
      style = { numFmt, alignment: { horizontal: 'left' } };
      formats.set(numFmt, style);
    }
    return style;
  };
  const plain = columns.map((c): Partial<ExcelJS.Style> => (c.numFmt ? { numFmt: c.numFmt } : {}));
  const filled = new Map<ExcelJS.Fill, Partial<ExcelJS.Style>[]>();
  const filledStyles = (fill: ExcelJS.Fill) => {
    let styles = filled.get(fill);
    if (!styles) {
      styles = columns.map((c) => ({
        ...(c.numFmt ? { numFmt: c.numFmt } : {}),
        fill,
        ...(options.boldOnFill?.includes(c.key) ? { font: { bold: true } } : {}),
      }));
      filled.set(fill, styles);
    }
    return styles;
  };
  for (let r = 0; r < rows.length; r++) {
    const data = rows[r] as Record<string, unknown>;
    const fill = options.fillOf?.(data) ?? null;
    const styles = fill ? filledStyles(fill) : plain;
    const row = sheet.getRow(r + 2);
    columns.forEach((c, i) => {
      const value = data[c.key];
      const own = options.formatOf?.(data, c.key);
      const style = own ? formatStyle(own) : (styles[i] as Partial<ExcelJS.Style>);
      if ((value === null || value === undefined) && !fill) return;
      const cell = row.getCell(i + 1);
      if (value !== null && value !== undefined) cell.value = safeCellValue(value) as ExcelJS.CellValue;
      // Always the shared object, even when empty: a cell's own fresh style is looked up afresh for every cell.
      cell.style = style;
    });
    row.commit();
    if ((r + 1) % ROWS_PER_PAUSE === 0) await pause();
  }
  sheet.autoFilter = `A1:${columnLetter(columns.length)}${rows.length + 1}`;
  sheet.commit();
}
