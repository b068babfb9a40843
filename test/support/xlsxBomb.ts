import { createRequire } from 'node:module';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';

/**
 * A zip bomb shaped like a real workbook: Keel's own header row in a
 * "Timesheet detail" sheet whose XML then repeats one row until it is
 * `sheetBytes` long, compressed about 1,000 to 1, while the local headers
 * and the central directory still declare the sheet's original few hundred
 * bytes — the lie the import's first guard used to believe.
 *
 * The sheet is deflated as independent pieces flushed to a byte boundary
 * (header, one 1 MiB block of rows repeated, tail), so a bomb of any size is
 * built in milliseconds without ever holding the sheet in memory.
 */

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
const SHEET = 'xl/worksheets/sheet1.xml';

type Entry = { name: Buffer; method: number; crc: number; compressed: Buffer; size: number; time: number; date: number };

function entriesOf(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const compressedSize = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({
      name: zip.subarray(at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16),
      compressed: zip.subarray(start, start + compressedSize),
      size: zip.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** A zip of the entries, every header declaring `size` (not the entry's real size). No data descriptors, no zip64. */
function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(e.time, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(e.time, 12);
    central.writeUInt16LE(e.date, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, e.name, e.compressed);
    centrals.push(central, e.name);
    offset += local.length + e.name.length + e.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const flushed = (text: string) => deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });

export async function xlsxBomb(sheetBytes: number): Promise<Buffer> {
  const workbook = new Excel.Workbook();
  workbook.addWorksheet('Timesheet detail').addRow(['Date', 'Engagement ID', 'Specialist email', 'Activity', 'Minutes']);
  const honest = Buffer.from(await workbook.xlsx.writeBuffer());
  const entries = entriesOf(honest);
  const sheet = entries.find((e) => e.name.toString() === SHEET);
  if (!sheet) throw new Error(`exceljs wrote no ${SHEET}`);

  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Engagement ID</t></is></c>' +
    '<c r="C1" t="inlineStr"><is><t>Specialist email</t></is></c><c r="D1" t="inlineStr"><is><t>Activity</t></is></c>' +
    '<c r="E1" t="inlineStr"><is><t>Minutes</t></is></c></row>';
  const row = '<row><c t="inlineStr"><is><t>2026-11-02</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>';
  const block = row.repeat(Math.floor((1024 * 1024) / row.length));
  const tail = '</sheetData></worksheet>';
  const blocks = Math.max(1, Math.ceil((sheetBytes - head.length - tail.length) / block.length));
  const packed = flushed(block);
  const compressed = Buffer.concat([
    flushed(head),
    ...Array.from({ length: blocks }, () => packed),
    deflateRawSync(Buffer.from(tail, 'utf8'), { level: 9 }),
  ]);
  // The sheet keeps its original CRC and size in every header: only its real content grew.
  return zipOf(entries.map((e) => (e === sheet ? { ...e, method: 8, compressed } : e)));
}

/** The sheet XML a bomb really holds, inflated in one go (for checking the builder on small sizes). */
export function sheetOf(zip: Buffer): Buffer {
  const sheet = entriesOf(zip).find((e) => e.name.toString() === SHEET);
  if (!sheet) throw new Error(`no ${SHEET}`);
  return sheet.method === 8 ? inflateRawSync(sheet.compressed) : sheet.compressed;
}
