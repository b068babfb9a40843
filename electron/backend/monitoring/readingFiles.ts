import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { fromFormulaSafe } from '@backend/core/excel';
import { isWorkbook, readTable } from '@backend/core/readTable';
import { DomainError } from '@shared/kernel/errors';
import {
  columnsOf,
  looksLikePrometheus,
  type PrometheusAnswer,
  parsePrometheus,
  type RawReading,
  readingOfRow,
} from '@shared/monitoring/rules/readings';
import type { ReadingSource } from '@shared/monitoring/rules/vocabulary';
import { parse as parseCsv } from 'csv-parse/sync';

/** Where a file's bytes are: on disk (the inbox: read in chunks, never whole) or in memory (an upload). */
export type FileBytes = { path: string } | { bytes: Buffer };

/** A file of readings, opened: its kind and a way to walk its readings (twice: once to check, once to keep). */
export type ReadingFile =
  | { source: 'csv' | 'keel' | 'xlsx'; readings(): Iterable<RawReading> }
  | { source: 'prometheus'; answer: PrometheusAnswer };

const CHUNK = 1 << 20;

function* chunksOf(file: FileBytes): Generator<Buffer> {
  if ('bytes' in file) {
    for (let at = 0; at < file.bytes.length; at += CHUNK) yield file.bytes.subarray(at, at + CHUNK);
    return;
  }
  const fd = openSync(file.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return;
      yield Buffer.from(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a file (to tell a workbook or JSON from CSV). */
function headOf(file: FileBytes): Buffer {
  for (const chunk of chunksOf(file)) return chunk.subarray(0, 64);
  return Buffer.alloc(0);
}

function wholeOf(file: FileBytes): Buffer {
  return 'bytes' in file ? file.bytes : Buffer.concat([...chunksOf(file)]);
}

/**
 * A CSV file's records, a chunk at a time: a chunk is cut after its last line break that sits outside quotes
 * (an even number of quote marks before it, RFC 4180), so a quoted field's line break never splits a record.
 */
export function* csvRecords(file: FileBytes): Generator<string[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let first = true;
  // Keel's own exports neutralise text a spreadsheet could run as a formula; reading them back undoes it, as readTable does.
  const parse = (text: string) =>
    (parseCsv(text, { bom: first, relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][]).map((record) =>
      record.map(fromFormulaSafe),
    );
  for (const chunk of chunksOf(file)) {
    carry += decoder.write(chunk);
    let quotes = 0;
    let cut = -1;
    for (let i = 0; i < carry.length; i++) {
      const c = carry.charCodeAt(i);
      if (c === 34) quotes += 1;
      else if (c === 10 && quotes % 2 === 0) cut = i;
    }
    if (cut < 0) continue;
    yield* parse(carry.slice(0, cut + 1));
    first = false;
    carry = carry.slice(cut + 1);
  }
  carry += decoder.end();
  if (carry.trim() !== '') yield* parse(carry);
}

const refuse = (message: string) => new DomainError('invalid_input', message, [{ path: 'file', message }]);

/** Opens a readings file: a workbook, a Prometheus answer (JSON), or CSV (Keel's own export when it names model_id). */
export async function openReadingFile(file: FileBytes): Promise<ReadingFile> {
  const head = headOf(file);
  if (head.length === 0) throw refuse('The file is empty.');
  if (isWorkbook(head)) {
    const table = await readTable(wholeOf(file), { sheet: 'Readings', rows: 'readings', file: 'readings file' });
    const columns = columnsOf(table.header);
    if (typeof columns === 'string') throw refuse(columns);
    return { source: 'xlsx', readings: () => table.rows.map((r) => readingOfRow(columns, r.row, r.cells)) };
  }
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(
        wholeOf(file)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      );
    } catch {
      throw refuse('The file starts like JSON but is not valid JSON; Keel reads JSON only as a Prometheus query_range answer.');
    }
    if (!looksLikePrometheus(json)) throw refuse('This JSON is not a Prometheus query_range answer (it has no status and data).');
    const answer = parsePrometheus(json);
    if (typeof answer === 'string') throw refuse(answer);
    return { source: 'prometheus', answer };
  }
  let header: string[] | undefined;
  try {
    for (const record of csvRecords(file)) {
      header = record;
      break;
    }
  } catch (error) {
    throw refuse(`This file is not a CSV file Keel can read (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!header) throw refuse('The file is empty.');
  const columns = columnsOf(header);
  if (typeof columns === 'string') throw refuse(columns);
  const source: ReadingSource = header.some((h) => h.trim().toLowerCase() === 'model_id') ? 'keel' : 'csv';
  return {
    source: source as 'csv' | 'keel',
    *readings() {
      let row = 0;
      try {
        for (const record of csvRecords(file)) {
          row += 1;
          if (row === 1) continue;
          yield readingOfRow(columns, row, record);
        }
      } catch (error) {
        throw refuse(`The CSV breaks off near row ${row + 1} (${error instanceof Error ? error.message : String(error)}).`);
      }
    },
  };
}
