import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

/**
 * exceljs pins uuid 8.3.2 (GHSA-w5hq-g745-h8pq); package.json overrides it with the uuid Keel uses.
 * exceljs calls uuid's v4() only when it writes a data-bar conditional format: write and read one.
 */
describe('exceljs with its dependencies overridden', () => {
  it('resolves the uuid Keel uses, not the one exceljs pins', () => {
    const exceljsRequire = createRequire(require.resolve('exceljs'));
    const version = exceljsRequire('uuid/package.json').version as string;
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(11);
  });

  it('writes and reads back a workbook whose data bar needs a uuid', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Load');
    for (const [i, load] of [40, 80, 120].entries()) sheet.getCell(`A${i + 1}`).value = load;
    sheet.addConditionalFormatting({
      ref: 'A1:A3',
      rules: [
        {
          type: 'dataBar',
          priority: 1,
          cfvo: [{ type: 'min' }, { type: 'max' }],
          color: { argb: 'FF638EC6' },
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
    const buffer = await workbook.xlsx.writeBuffer();
    // The data bar's extension carries the id uuid made: {XXXXXXXX-XXXX-4XXX-…}.
    const JSZip = createRequire(require.resolve('exceljs'))('jszip');
    const zip = await JSZip.loadAsync(buffer);
    const xml: string = await zip.file('xl/worksheets/sheet1.xml').async('string');
    expect(xml).toMatch(/<x14:id>\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}<\/x14:id>/i);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer);
    expect(back.getWorksheet('Load')?.getCell('A3').value).toBe(120);
  });
});
