import { createInflateRaw } from 'node:zlib';
import { excel, fromFormulaSafe } from '@backend/core/excel';
import { DomainError } from '@shared/kernel/errors';
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

/**
 * Reads an import file into a table of cells: an Excel workbook (the sheet
 * the import names — Keel's own "Timesheet detail" for hours — or the first
 * sheet) or a CSV file. Anything else, or a file too large to open safely, is
 * refused with a sentence saying why. Every import of the areas reads its
 * files here (hours, a model inventory).
 */

export type Cell = string | number | boolean | Date | null;
export type Table = {
  format: 'xlsx' | 'csv';
  where: string;
  headerRow: number;
  header: Cell[];
  rows: { row: number; cells: Cell[] }[];
};

const NOT_READABLE = 'This file is not an Excel workbook or CSV file Keel can read.';
const unreadable = (why: string) => new DomainError('invalid_input', `${NOT_READABLE} ${why}`, [{ path: 'base64', message: why }]);

// ---------------------------------------------------------------- reading

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

function plain(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return fromFormulaSafe(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return fromFormulaSafe(value.richText.map((t) => t.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return plain(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return plain(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return String(value);
}

const blank = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** What an import reads: the sheet it prefers in a workbook, and the words its messages use. */
export type TableOptions = {
  /** The sheet read when the workbook has it; else the first sheet. */
  sheet: string;
  /** What the rows are, in a sentence: "hours", "models". */
  rows: string;
  /** What a real file of this kind is, in a sentence: "timesheet", "inventory". */
  file: string;
  /** Only this sheet, or nothing (a workbook's optional second sheet): null when the workbook lacks it. */
  only?: boolean;
};

/** The hours import's reading: Keel's own detail sheet when the workbook has one, else the first sheet. */
export const DETAIL_SHEET = 'Timesheet detail';
export const HOURS_TABLE: TableOptions = { sheet: DETAIL_SHEET, rows: 'hours', file: 'timesheet' };

/**
 * The largest workbook Keel opens. exceljs loads a workbook whole: a
 * 150,000-row, 10 MB export took ~11 s and ~770 MB, a 250,000-row one nearly
 * 1.9 GB. Its streaming reader would stay small, but it drops the last zip
 * entries of files that store the workbook part after the sheets (exceljs's
 * own output does), so it loses the sheet names and cannot pick the right
 * sheet. Larger imports go through CSV (250,000 rows: ~13 s, ~0.5 GB).
 */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;

/**
 * The sheets' uncompressed size, summed from the zip's central directory
 * without inflating anything: a few MB of zip can hold GBs of sheet XML, and
 * exceljs would build all of it in memory (Keel's backend runs in the app's
 * main process). Null when the directory cannot be read.
 */
export function unzippedBytes(bytes: Buffer): number | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: larger than 4 GB
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

/** exceljs builds the whole workbook in memory: about 150,000 rows fit in this much sheet XML. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

const LOCAL = 0x04034b50;

/** What comes out of one deflated zip entry, counted as it streams and never kept; stops as soon as it passes `budget`. */
function inflatedSize(data: Buffer, budget: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let out = 0;
    inflate.on('data', (chunk: Buffer) => {
      out += chunk.length;
      if (out > budget) {
        inflate.destroy();
        resolve(out);
      }
    });
    inflate.on('end', () => resolve(out));
    inflate.on('error', () => resolve(null));
    inflate.end(data);
  });
}

/**
 * The bytes the workbook really unpacks to, up to `cap`: every entry is
 * inflated exactly as exceljs's zip reader will (the central directory's
 * offsets and compressed sizes), counting the output as it streams and
 * throwing it away. The sizes a zip declares are never trusted — a zip bomb
 * under-states them — so this stops at the cap however much the file claims
 * or hides. Returns a number above `cap` when the cap was reached, `'lies'`
 * as soon as a part unpacks to another size than it declares (exceljs's zip
 * reader would refuse it too, but only after inflating all of it in
 * memory), null when the zip cannot be read.
 */
export async function inflatedBytes(bytes: Buffer, cap: number): Promise<number | 'lies' | null> {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || local === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: larger than 4 GB
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) return null;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) return null;
    const data = bytes.subarray(start, start + compressed);
    const size = method === 0 ? compressed : method === 8 ? await inflatedSize(data, cap - total) : null;
    if (size === null) return null;
    total += size;
    if (total > cap) return total;
    if (size !== bytes.readUInt32LE(at + 24)) return 'lies';
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

const tooLarge = (what: string) =>
  new DomainError(
    'invalid_input',
    `This workbook unpacks to ${what}, more than Keel opens (${MAX_UNZIPPED_BYTES / 1024 / 1024} MB). Save the sheet as “CSV UTF-8” and import that, or split it by year.`,
    [{ path: 'base64', message: 'is too large for a workbook import' }],
  );

/** Rows Keel checks in one import (checking is synchronous; 300,000 rows take about 15 s). */
export const MAX_ROWS = 300_000;

async function readXlsx(bytes: Buffer, options: TableOptions): Promise<Table | null> {
  if (bytes.length > MAX_XLSX_BYTES) {
    throw new DomainError(
      'invalid_input',
      `This workbook is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; Keel imports workbooks up to ${MAX_XLSX_BYTES / 1024 / 1024} MB (about 150,000 rows). Save the sheet as “CSV UTF-8” and import that, or split it by year.`,
      [{ path: 'base64', message: 'is too large for a workbook import' }],
    );
  }
  const damaged = () => unreadable('It looks like a zip file but its table of contents cannot be read; it may be damaged or cut short.');
  // What the zip declares first (cheap, and refuses an honest large file at once), then what it really unpacks to.
  const declared = unzippedBytes(bytes);
  if (declared === null) throw damaged();
  if (declared > MAX_UNZIPPED_BYTES) {
    throw tooLarge(declared === Number.POSITIVE_INFINITY ? 'more than 4 GB' : `${Math.round(declared / 1024 / 1024)} MB`);
  }
  const actual = await inflatedBytes(bytes, MAX_UNZIPPED_BYTES);
  if (actual === null) throw unreadable('It looks like a zip file but its parts cannot be unpacked; it may be damaged or cut short.');
  if (actual === 'lies') {
    throw unreadable('Its parts unpack to other sizes than its table of contents says; it may be damaged or built to hide its size.');
  }
  if (actual > MAX_UNZIPPED_BYTES) {
    const says = declared < 1024 * 1024 ? 'less than 1 MB' : `${Math.round(declared / 1024 / 1024)} MB`;
    throw new DomainError(
      'invalid_input',
      `This workbook’s table of contents says it unpacks to ${says}, but it really unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB, more than Keel opens, so Keel stopped reading it. It may be damaged or built to hide its size; if it is a real ${options.file}, save the sheet as “CSV UTF-8” and import that, or split it by year.`,
      [{ path: 'base64', message: 'unpacks to more than its table of contents says' }],
    );
  }
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable('It looks like a zip file but Excel’s workbook parts could not be read; it may be damaged or cut short.');
  }
  const named = workbook.getWorksheet(options.sheet);
  if (!named && options.only) return null;
  const sheet = named ?? workbook.worksheets[0];
  if (!sheet) throw unreadable('It has no worksheets.');
  const rows: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(plain(values[i]));
    if (!blank(cells)) rows.push({ row: number, cells });
  });
  return split('xlsx', `The sheet “${sheet.name}”`, rows, options);
}

function delimiterOf(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

function readCsv(bytes: Buffer, options: TableOptions): Table {
  if (bytes.includes(0)) throw unreadable('It contains binary data (it may be an image, a PDF or an old .xls file).');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('It is not UTF-8 text. Save CSV files as “CSV UTF-8” (Excel: File → Save As).');
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: delimiterOf(firstLine), relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('invalid_input', `This CSV file could not be read: ${reason}.`, [{ path: 'base64', message: reason }]);
  }
  // Text Keel (or a careful user) wrote formula-safe reads back as it was: `'=x` is `=x`.
  const rows = records.map((cells, i) => ({ row: i + 1, cells: cells.map(fromFormulaSafe) as Cell[] })).filter((r) => !blank(r.cells));
  return split('csv', 'The file', rows, options);
}

function split(format: Table['format'], where: string, rows: { row: number; cells: Cell[] }[], options: TableOptions): Table {
  if (rows.length > MAX_ROWS + 1) {
    throw new DomainError(
      'invalid_input',
      `${where} has ${(rows.length - 1).toLocaleString('en')} rows; Keel imports ${MAX_ROWS.toLocaleString('en')} at most in one go. Split the file, for example by year.`,
      [{ path: 'base64', message: 'has too many rows' }],
    );
  }
  const [header, ...data] = rows;
  if (!header) throw new DomainError('invalid_input', `${where} is empty: there is no header row and no ${options.rows} to import.`);
  if (!data.length) throw new DomainError('invalid_input', `${where} has a header row (row ${header.row}) but no rows of ${options.rows}.`);
  return { format, where, headerRow: header.row, header: header.cells, rows: data };
}

export async function readTable(bytes: Buffer, options: TableOptions = HOURS_TABLE): Promise<Table> {
  const table = await readOptionalTable(bytes, { ...options, only: false });
  if (!table) throw unreadable('It has no worksheets.');
  return table;
}

/** Whether the file is a workbook (a zip), so an import may look for a second sheet in it. */
export const isWorkbook = (bytes: Buffer) => startsWith(bytes, ZIP);

/** Like readTable; with `only`, a workbook without the named sheet gives null (a CSV file never has it). */
export async function readOptionalTable(bytes: Buffer, options: TableOptions): Promise<Table | null> {
  if (bytes.length === 0) throw unreadable('It is empty.');
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, options);
  if (startsWith(bytes, OLE)) throw unreadable('It is an old Excel 97–2003 (.xls) file: save it as .xlsx or CSV UTF-8 and import that.');
  if (options.only) return null;
  return readCsv(bytes, options);
}
