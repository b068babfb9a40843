import { createRequire } from 'node:module';
import { fromFormulaSafe } from '@backend/core/excel';
import { ownershipFileName, ownershipWorkbook, SEVERITY_FILLS } from '@backend/ownership/ownershipWorkbook';
import type { Duty } from '@shared/ownership/contract/duties';
import type {
  CellHolder,
  FindingsView,
  MatrixCell,
  MatrixPerson,
  MatrixRow,
  OwnershipFindingItem,
  OwnershipMatrix,
  PersonLoad,
} from '@shared/ownership/contract/matrix';
import type { Role } from '@shared/ownership/rules/vocabulary';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The ownership workbook built from a hand-made matrix, findings and person loads (no database: the
 * workbook is a pure function of what the services computed), then reopened with exceljs: the sheets,
 * the letters and initials of a cell, the colour of an error cell, inherited and n/a cells, the
 * legend, findings worst first, the people's holdings, and text made formula-safe.
 */

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
const AS_OF = '2026-11-24';
const GENERATED_AT = '2026-11-24T09:30:00.000Z';
const DANGEROUS = /^[=+\-@\t\r]/;

const duty = (key: string, name: string, position: number, retiredOn: string | null = null): Duty => ({
  key,
  name,
  custom: false,
  coverRequired: key === 'incident_response',
  retiredOn,
  position,
});
const person = (kind: MatrixPerson['kind'], id: string, name: string, initials: string, title: string, inactive = false): MatrixPerson => ({
  key: `${kind}:${id}`,
  kind,
  id,
  name,
  initials,
  email: '',
  phone: '',
  title,
  inactive,
});
const row = (kind: MatrixRow['kind'], id: string, name: string, type: MatrixRow['type'], modelId: string | null): MatrixRow => ({
  kind,
  id,
  name,
  type,
  modelId,
  modelIds: modelId ? [modelId] : [],
  riskTier: kind === 'model' ? 'high' : null,
  stage: kind === 'model' ? 'production' : null,
});

const ana = person('specialist', 's1', 'Ana Ionescu', 'AI', 'MLOps engineer');
const marco = person('specialist', 's2', 'Marco Keller', 'MK', 'ML engineer');
const tom = person('specialist', 's3', 'Tom Suter', 'TS', 'SRE');
const jana = person('contact', 'c1', 'Jana Lutz', 'JL', 'Head of data');
const hostile = person('contact', 'c2', '=SUM(A1)', 'SU', '@risk office', true);

let seq = 0;
const holders = (...pairs: [Role, MatrixPerson][]): CellHolder[] =>
  pairs.map(([role, p]) => ({ assignmentId: `a${++seq}`, role, personKey: p.key, fromDate: '2026-01-05', toDate: null }));
const cell = (
  target: MatrixRow,
  dutyKey: string,
  who: CellHolder[],
  more: Partial<Pick<MatrixCell, 'applicable' | 'inherited' | 'severity'>> = {},
): MatrixCell => ({
  targetKind: target.kind,
  targetId: target.id,
  dutyKey,
  applicable: true,
  inherited: false,
  holders: who,
  severity: null,
  ...more,
});

const claims = row('model', 'm1', 'Claims triage', 'model', null);
const pipeline = row('asset', 'p1', 'Claims features', 'feature_pipeline', 'm1');
const dashboard = row('asset', 'd1', 'Claims dashboard', 'dashboard', 'm1');
const formula = row('model', 'm2', '=1+1', 'model', null);
const orphan = row('asset', 'o1', 'Scoring endpoint', 'serving_endpoint', null);
const modelRow = { ...claims, modelId: 'm1' };
const formulaRow = { ...formula, modelId: 'm2' };

const claimsIngestion = holders(['accountable', ana], ['responsible', marco], ['responsible', jana], ['backup', tom]);
const claimsIncident = holders(['responsible', marco]);

const matrix: OwnershipMatrix = {
  engagementId: 'e1',
  engagementName: 'Claims model operations',
  clientId: 'cl1',
  clientName: 'Helvetic Insurance AG',
  asOf: AS_OF,
  duties: [
    duty('incident_response', 'Incident response', 4),
    duty('data_ingestion', 'Data ingestion', 0),
    duty('training', 'Training & retraining', 1),
    duty('cost', 'Cost', 7, '2026-10-01'),
  ],
  // Out of order on purpose: the workbook puts each model's assets under it and the unattached assets last.
  rows: [orphan, modelRow, pipeline, formulaRow, dashboard],
  cells: [
    cell(modelRow, 'data_ingestion', claimsIngestion),
    cell(modelRow, 'training', holders(['accountable', marco], ['responsible', marco]), { severity: 'warning' }),
    cell(modelRow, 'incident_response', claimsIncident, { severity: 'error' }),
    cell(pipeline, 'data_ingestion', claimsIngestion, { inherited: true }),
    cell(pipeline, 'training', holders(['accountable', tom], ['informed', hostile])),
    cell(pipeline, 'incident_response', claimsIncident, { inherited: true, severity: 'error' }),
    cell(dashboard, 'data_ingestion', [], { applicable: false }),
    cell(dashboard, 'training', [], { applicable: false }),
    cell(dashboard, 'incident_response', claimsIncident, { inherited: true, severity: 'error' }),
    cell(formulaRow, 'data_ingestion', [], { severity: 'error' }),
    cell(formulaRow, 'training', holders(['accountable', ana], ['consulted', jana]), { severity: 'info' }),
    cell(formulaRow, 'incident_response', holders(['accountable', ana], ['backup', tom])),
    cell(orphan, 'data_ingestion', [], { applicable: false }),
    cell(orphan, 'training', [], { applicable: false }),
    cell(orphan, 'incident_response', holders(['accountable', tom])),
  ],
  people: [ana, marco, tom, jana, hostile],
  counts: { error: 4, warning: 1, info: 1 },
};

const finding = (
  code: OwnershipFindingItem['code'],
  severity: OwnershipFindingItem['severity'],
  reason: string,
  more: Partial<OwnershipFindingItem> = {},
): OwnershipFindingItem => ({
  key: `${code}:${reason}`,
  code,
  severity,
  reason,
  engagementId: 'e1',
  modelId: 'm1',
  targetKind: 'model',
  targetId: 'm1',
  dutyKey: null,
  person: null,
  date: null,
  engagementName: matrix.engagementName,
  clientId: 'cl1',
  clientName: matrix.clientName,
  targetName: 'Claims triage',
  dutyName: null,
  personName: null,
  ...more,
});

const findings: FindingsView = {
  asOf: AS_OF,
  // Not worst first: the workbook sorts them.
  findings: [
    finding('not_allocated', 'info', 'Jana Lutz is consulted while not allocated.', {
      targetName: '=1+1',
      modelId: 'm2',
      dutyName: 'Training & retraining',
    }),
    finding('no_backup', 'warning', 'Nobody covers training when Marco Keller is away.', {
      dutyKey: 'training',
      dutyName: 'Training & retraining',
    }),
    finding('no_accountable', 'error', 'Nobody is accountable for incident response.', {
      dutyKey: 'incident_response',
      dutyName: 'Incident response',
    }),
    finding('roll_off', 'warning', '-Ana Ionescu rolls off on 2026-12-18.', {
      person: { kind: 'specialist', id: 's1' },
      personName: 'Ana Ionescu',
      date: '2026-12-18',
    }),
  ],
  counts: { error: 1, warning: 2, info: 1 },
};

const holding = (p: string, target: MatrixRow, dutyKey: string, dutyName: string, role: Role, inherited = false) => ({
  engagementId: 'e1',
  engagementName: matrix.engagementName,
  clientName: matrix.clientName,
  targetKind: target.kind,
  targetId: target.id,
  targetName: target.name,
  modelId: target.modelId,
  dutyKey,
  dutyName,
  role,
  inherited,
  assignmentId: `h-${p}-${target.id}-${dutyKey}`,
  fromDate: '2026-01-05',
  toDate: role === 'backup' ? '2026-12-31' : null,
});
const load = (p: MatrixPerson, accountableCount: number, held: PersonLoad['holdings']): PersonLoad => ({
  person: p,
  asOf: AS_OF,
  holdings: held,
  accountableCount,
  spofThreshold: 12,
  findings: [],
  rollOffs: [],
});
const loads: PersonLoad[] = [
  load(ana, 13, [
    holding('s1', modelRow, 'data_ingestion', 'Data ingestion', 'accountable'),
    holding('s1', pipeline, 'data_ingestion', 'Data ingestion', 'accountable', true),
    holding('s1', formulaRow, 'training', 'Training & retraining', 'accountable'),
  ]),
  load(tom, 2, [holding('s3', modelRow, 'data_ingestion', 'Data ingestion', 'backup')]),
  load(hostile, 0, [holding('c2', pipeline, 'training', 'Training & retraining', 'informed')]),
  load(person('specialist', 's9', 'Zoe Idle', 'ZI', 'Data engineer'), 0, []),
];

let workbook: ExcelJS.Workbook;

function sheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** A table sheet (header on row 1) as objects keyed by its header. */
function rowsOf(name: string): Record<string, ExcelJS.CellValue>[] {
  const s = sheet(name);
  const headers = (s.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  s.eachRow((r, n) => {
    if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, r.getCell(i + 1).value])));
  });
  return rows;
}

/** Every text cell of every sheet. */
function allText(): string[] {
  const texts: string[] = [];
  for (const s of workbook.worksheets) {
    s.eachRow((r) => {
      r.eachCell((c) => {
        if (typeof c.value === 'string') texts.push(c.value);
      });
    });
  }
  return texts;
}

const argbOf = (c: ExcelJS.Cell) => (c.fill?.type === 'pattern' ? c.fill.fgColor?.argb : undefined);

beforeAll(async () => {
  const bytes = await ownershipWorkbook({ matrix, findings, loads, generatedAt: GENERATED_AT });
  expect(bytes).toBeInstanceOf(Uint8Array);
  workbook = new Excel.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

describe('the ownership workbook', () => {
  it('has the Matrix, Legend, Findings, People and About sheets, in that order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Matrix', 'Legend', 'Findings', 'People', 'About']);
    expect(workbook.keywords).toBe('keel-ownership layout-1');
    expect(ownershipFileName(matrix)).toBe('keel-ownership-helvetic-insurance-ag-claims-model-operations-2026-11-24.xlsx');
  });

  it('titles the matrix with the client, the engagement and the day, and freezes the names and the duty header', () => {
    const m = sheet('Matrix');
    expect(m.getCell('A1').value).toBe('Ownership matrix — Helvetic Insurance AG · Claims model operations — as of 2026-11-24');
    expect(m.getCell('A2').value).toBe('4 errors, 1 warning, 1 notice. Letters, colours and initials: see the Legend sheet.');
    // Duties in force in their order; Cost was retired before the day.
    expect((m.getRow(4).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      'Model / asset',
      'Type',
      'Data ingestion',
      'Training & retraining',
      'Incident response',
    ]);
    expect(m.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(m.getColumn(1).width).toBeGreaterThanOrEqual(16);
  });

  it('lists each model followed by its assets (indented, with their type), then the assets serving no model', () => {
    const m = sheet('Matrix');
    const names = [5, 6, 7, 8, 9].map((r) => [m.getCell(r, 1).value, m.getCell(r, 2).value]);
    expect(names).toEqual([
      ['Claims triage', 'Model'],
      ['Claims features', 'Feature pipeline'],
      ['Claims dashboard', 'Dashboard'],
      ["'=1+1", 'Model'],
      ['Scoring endpoint', 'Serving endpoint'],
    ]);
    expect(m.getCell(6, 1).alignment?.indent).toBe(2);
    expect(m.getCell(5, 1).font?.bold).toBe(true);
  });

  it('writes the RACI letters with initials, coloured by the cell’s worst finding', () => {
    const m = sheet('Matrix');
    expect(m.getCell(5, 3).value).toBe('A: AI · R: MK, JL · B: TS');
    expect(argbOf(m.getCell(5, 3))).toBeUndefined();
    const error = m.getCell(5, 5);
    expect(error.value).toBe('R: MK');
    expect(argbOf(error)).toBe('FFF4C7C3');
    expect(argbOf(m.getCell(5, 4))).toBe(argbOf({ fill: SEVERITY_FILLS.warning } as ExcelJS.Cell));
    expect(argbOf(m.getCell(8, 4))).toBe(argbOf({ fill: SEVERITY_FILLS.info } as ExcelJS.Cell));
    // Nobody on an applicable duty: a dash on red.
    expect(m.getCell(8, 3).value).toBe('—');
    expect(argbOf(m.getCell(8, 3))).toBe('FFF4C7C3');
    // An override of the asset's own, in RACI order whatever order the holders came in.
    expect(m.getCell(6, 4).value).toBe('A: TS · I: SU');
  });

  it('shows inherited cells in grey italics and duties that do not apply as n/a', () => {
    const m = sheet('Matrix');
    const inherited = m.getCell(6, 3);
    expect(inherited.value).toBe('A: AI · R: MK, JL · B: TS');
    expect(inherited.font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    expect(m.getCell(6, 4).font?.italic).toBeFalsy();
    // Inherited and still an error: both.
    expect(m.getCell(7, 5).font?.italic).toBe(true);
    expect(argbOf(m.getCell(7, 5))).toBe('FFF4C7C3');
    expect(m.getCell(7, 3).value).toBe('n/a');
    expect(m.getCell(7, 4).value).toBe('n/a');
    expect(m.getCell(9, 3).value).toBe('n/a');
    expect(m.getCell(9, 5).value).toBe('A: TS');
  });

  it('explains the letters, the colours, inheritance and whose initials are whose in the Legend', () => {
    const legend = sheet('Legend');
    const lines: ExcelJS.CellValue[][] = [];
    legend.eachRow((r) => {
      lines.push((r.values as ExcelJS.CellValue[]).slice(1));
    });
    expect(lines).toContainEqual(['A', 'Accountable', 'Answers for the duty: exactly one per model or asset and duty.']);
    for (const [letter, label] of [
      ['R', 'Responsible'],
      ['C', 'Consulted'],
      ['I', 'Informed'],
      ['B', 'Backup'],
    ]) {
      expect(lines.some((l) => l[0] === letter && l[1] === label)).toBe(true);
    }
    let errorSample: ExcelJS.Cell | undefined;
    let inheritedSample: ExcelJS.Cell | undefined;
    legend.eachRow((r) => {
      const label = r.getCell(2).value;
      if (label === 'Error') errorSample = r.getCell(1);
      if (label === 'Grey italic') inheritedSample = r.getCell(1);
    });
    expect(errorSample && argbOf(errorSample)).toBe('FFF4C7C3');
    expect(inheritedSample?.font?.italic).toBe(true);
    expect(lines).toContainEqual(['n/a', 'Not applicable', 'The duty does not apply to this type of asset.']);
    expect(String(inheritedSample?.value)).toMatch(/^A: /);
    expect(lines).toContainEqual(['AI', 'Ana Ionescu', 'Specialist, MLOps engineer']);
    expect(lines).toContainEqual(['JL', 'Jana Lutz', 'Client contact, Head of data']);
    // An archived contact named "=SUM(A1)": formula-safe and marked inactive.
    expect(lines).toContainEqual(['SU', "'=SUM(A1)", 'Client contact, @risk office, inactive']);
  });

  it('lists the findings worst first with their reasons, filterable', () => {
    const rows = rowsOf('Findings');
    expect(rows.map((r) => [r.Severity, r.Finding])).toEqual([
      ['Error', 'No Accountable'],
      ['Warning', 'No Backup'],
      ['Warning', 'Accountable rolls off'],
      ['Notice', 'Assigned while not allocated'],
    ]);
    expect(rows[0]).toMatchObject({ 'Model / asset': 'Claims triage', Duty: 'Incident response', Person: null, Date: null });
    expect(rows[2]).toMatchObject({ Reason: "'-Ana Ionescu rolls off on 2026-12-18.", Person: 'Ana Ionescu' });
    expect(rows[2]?.Date).toEqual(new Date(Date.UTC(2026, 11, 18)));
    expect(rows[3]?.['Model / asset']).toBe("'=1+1");
    const f = sheet('Findings');
    expect(f.autoFilter).toBeTruthy();
    expect(argbOf(f.getCell(2, 1))).toBe('FFF4C7C3');
    expect(f.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('lists every holding per person with their Accountable count against the threshold', () => {
    const rows = rowsOf('People');
    expect(rows.map((r) => r.Person)).toEqual(["'=SUM(A1)", 'Ana Ionescu', 'Ana Ionescu', 'Ana Ionescu', 'Tom Suter', 'Zoe Idle']);
    expect(rows[1]).toMatchObject({
      Is: 'Specialist',
      'Accountable for': 13,
      Threshold: 12,
      'Single point of failure': 'Yes',
      Engagement: 'Claims model operations',
      'Model / asset': 'Claims triage',
      Duty: 'Data ingestion',
      Role: 'Accountable',
      Inherited: 'No',
      From: new Date(Date.UTC(2026, 0, 5)),
      To: null,
    });
    expect(rows[2]).toMatchObject({ 'Model / asset': 'Claims features', Inherited: 'Yes' });
    expect(rows[4]).toMatchObject({ 'Single point of failure': 'No', Role: 'Backup', To: new Date(Date.UTC(2026, 11, 31)) });
    expect(rows[0]).toMatchObject({ Is: 'Client contact', Active: 'No', Role: 'Informed' });
    // Someone holding nothing still has a row.
    expect(rows[5]).toMatchObject({ Person: 'Zoe Idle', 'Accountable for': 0, Engagement: null, Duty: null });
  });

  it('says what the workbook is in About', () => {
    const facts = Object.fromEntries(rowsOf('About').map((r) => [String(r['About this workbook']), r.Value]));
    expect(facts).toMatchObject({
      Workbook: 'Ownership matrix',
      Client: 'Helvetic Insurance AG',
      Engagement: 'Claims model operations',
      'As of': new Date(Date.UTC(2026, 10, 24)),
      'Generated at (UTC)': new Date(GENERATED_AT),
      'Models (rows)': 2,
      'Assets (rows)': 3,
      'Duties in force (columns)': 3,
      Errors: 1,
      Warnings: 2,
      Notices: 1,
      'Findings (rows)': 4,
      People: 4,
      'Holdings (rows of the People sheet)': 6,
      'Layout version': 1,
    });
  });

  it('leaves no text cell that a spreadsheet would take for a formula', () => {
    const texts = allText();
    expect(texts.filter((t) => DANGEROUS.test(t))).toEqual([]);
    expect(texts.map(fromFormulaSafe)).toContain('=SUM(A1)');
  });
});
