import {
  addTable,
  type Column,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  excel,
  excelDate,
  excelInstant,
  fitColumns,
  shareStyles,
  workbookBuffer,
} from '@backend/core/excel';
import type { Severity } from '@shared/kernel/severity';
import { slug } from '@shared/kernel/text';
import type { Duty } from '@shared/ownership/contract/duties';
import type { FindingsView, MatrixCell, MatrixPerson, MatrixRow, OwnershipMatrix, PersonLoad } from '@shared/ownership/contract/matrix';
import {
  ASSET_TYPE_LABELS,
  FINDING_LABELS,
  ROLE_LABELS,
  ROLE_LETTERS,
  ROLES,
  type Role,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
} from '@shared/ownership/rules/vocabulary';
import type ExcelJS from 'exceljs';

/**
 * The ownership matrix of one engagement as a workbook (`ownership.export`), for the engagement
 * manager to send to the client or print:
 *
 * - **Matrix**: a title line (client, engagement, as of), then one row per model followed by its
 *   assets (indented, with their type) and one column per duty in force; each cell holds the RACI
 *   letters with initials (`A: AC · R: MK, JL · B: TS`), filled by the cell's worst finding; a cell
 *   an asset inherits from its model is grey italic, a duty that does not apply reads `n/a`.
 * - **Legend**: the letters, the colours, inheritance, and whose initials are whose.
 * - **Findings**: what the checks found, worst first, filterable.
 * - **People**: one row per thing a person holds, with their Accountable count against the single
 *   point of failure threshold.
 * - **About**: as of, generated at, counts.
 *
 * One engagement is at most a few thousand cells, so the workbook is built in memory and every text
 * cell is made formula-safe as it is written (`workbookBuffer`).
 */
export const OWNERSHIP_LAYOUT = 1;

export type OwnershipWorkbookInput = {
  matrix: OwnershipMatrix;
  findings: FindingsView;
  loads: PersonLoad[];
  /** The instant the workbook is written (ISO-8601 UTC), from the backend's clock. */
  generatedAt: string;
};

/** `keel-ownership-<client>-<engagement>-<as of>.xlsx` */
export function ownershipFileName(matrix: Pick<OwnershipMatrix, 'clientName' | 'engagementName' | 'asOf'>): string {
  return `keel-ownership-${slug(matrix.clientName, 'client')}-${slug(matrix.engagementName, 'engagement')}-${matrix.asOf}.xlsx`;
}

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** A cell's fill by its worst finding: error red-ish, warning amber, notice blue-ish. */
export const SEVERITY_FILLS: Record<Severity, ExcelJS.Fill> = {
  error: solid('FFF4C7C3'),
  warning: solid('FFFFE8A6'),
  info: solid('FFD6E6F5'),
};
const GREY = 'FF808080';
const NOT_APPLICABLE_FILL = solid('FFF2F2F2');
/** A cell's own font replaces the default one whole: without the name, LibreOffice shows a serif. */
const FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11 };
const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
const INHERITED_FONT: Partial<ExcelJS.Font> = { ...FONT, italic: true, color: { argb: GREY } };
const NOT_APPLICABLE_FONT: Partial<ExcelJS.Font> = { ...FONT, color: { argb: 'FFA6A6A6' } };
const PRINT_ONE_PAGE_WIDE = (orientation: 'landscape' | 'portrait'): Partial<ExcelJS.PageSetup> => ({
  orientation,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
});

/** What an applicable cell with nobody in it reads. */
const NOBODY = '—';
const NOT_APPLICABLE = 'n/a';
const SEPARATOR = ' · ';

const PERSON_KIND_LABELS = { specialist: 'Specialist', contact: 'Client contact' } as const;
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const date = (iso: string | null) => (iso ? excelDate(iso) : null);

/** The duties a column is shown for: not retired on the as-of day, in their order. */
export function dutiesInForce(duties: readonly Duty[], asOf: string): Duty[] {
  return duties.filter((d) => d.retiredOn === null || d.retiredOn > asOf).sort((a, b) => a.position - b.position);
}

/** The letters and initials of a cell, roles in RACI-then-Backup order: `A: AC · R: MK, JL · B: TS`. */
export function cellText(cell: MatrixCell | undefined, people: ReadonlyMap<string, MatrixPerson>): string {
  if (!cell) return '';
  if (!cell.applicable) return NOT_APPLICABLE;
  const parts = ROLES.flatMap((role) => {
    const initials = cell.holders.filter((h) => h.role === role).map((h) => people.get(h.personKey)?.initials ?? '?');
    return initials.length === 0 ? [] : [`${ROLE_LETTERS[role]}: ${initials.join(', ')}`];
  });
  return parts.length === 0 ? NOBODY : parts.join(SEPARATOR);
}

/**
 * The matrix's rows in the workbook's order: each model followed by the assets that sit under it,
 * then the assets serving no model (or a model not in the matrix). Otherwise the matrix's own order.
 */
export function rowsInOrder(rows: readonly MatrixRow[]): { row: MatrixRow; underModel: boolean }[] {
  const models = rows.filter((r) => r.kind === 'model');
  const modelIds = new Set(models.map((m) => m.id));
  const assets = rows.filter((r) => r.kind === 'asset');
  const out: { row: MatrixRow; underModel: boolean }[] = [];
  for (const model of models) {
    out.push({ row: model, underModel: false });
    for (const asset of assets) if (asset.modelId === model.id) out.push({ row: asset, underModel: true });
  }
  for (const asset of assets) if (asset.modelId === null || !modelIds.has(asset.modelId)) out.push({ row: asset, underModel: false });
  return out;
}

const typeLabel = (row: MatrixRow) => (row.type === 'model' ? 'Model' : ASSET_TYPE_LABELS[row.type]);
const cellKey = (kind: string, id: string, duty: string) => `${kind}:${id}:${duty}`;

export async function ownershipWorkbook(input: OwnershipWorkbookInput): Promise<Uint8Array> {
  const { matrix } = input;
  const workbook = new (excel().Workbook)();
  const generated = new Date(input.generatedAt);
  workbook.creator = 'Keel';
  workbook.lastModifiedBy = 'Keel';
  workbook.created = generated;
  workbook.modified = generated;
  workbook.title = `Ownership matrix: ${matrix.engagementName}`;
  workbook.subject = `${matrix.engagementName} (${matrix.clientName}), as of ${matrix.asOf}`;
  workbook.keywords = `keel-ownership layout-${OWNERSHIP_LAYOUT}`;

  const duties = dutiesInForce(matrix.duties, matrix.asOf);
  const shown = rowsInOrder(matrix.rows);
  matrixSheet(workbook, matrix, duties, shown);
  legendSheet(workbook, matrix);
  const findings = findingsSheet(workbook, input.findings, matrix);
  const holdings = peopleSheet(workbook, input.loads);
  aboutSheet(workbook, input, { duties: duties.length, shown, findings, holdings });

  const pageHeader = `&LOwnership matrix: ${matrix.engagementName.replaceAll('&', '&&')}&Ras of ${matrix.asOf}`;
  for (const sheet of workbook.worksheets) sheet.headerFooter = { oddHeader: pageHeader, oddFooter: '&L&A&RPage &P of &N' };
  shareStyles(workbook);
  return workbookBuffer(workbook);
}

/** The grid's header is on this row: a title line, a counts line and a blank line above it. */
const MATRIX_HEADER_ROW = 4;

function matrixSheet(workbook: ExcelJS.Workbook, matrix: OwnershipMatrix, duties: readonly Duty[], shown: ReturnType<typeof rowsInOrder>) {
  const sheet = workbook.addWorksheet('Matrix', { views: [{ state: 'frozen', xSplit: 2, ySplit: MATRIX_HEADER_ROW }] });
  const people = new Map(matrix.people.map((p) => [p.key, p]));
  const cells = new Map(matrix.cells.map((c) => [cellKey(c.targetKind, c.targetId, c.dutyKey), c]));

  const title = sheet.getCell(1, 1);
  title.value = `Ownership matrix — ${matrix.clientName} · ${matrix.engagementName} — as of ${matrix.asOf}`;
  title.font = { ...BOLD, size: 14 };
  const { error, warning, info } = matrix.counts;
  sheet.getCell(2, 1).value =
    `${error} ${error === 1 ? 'error' : 'errors'}, ${warning} ${warning === 1 ? 'warning' : 'warnings'}, ` +
    `${info} ${info === 1 ? 'notice' : 'notices'}. Letters, colours and initials: see the Legend sheet.`;
  sheet.getCell(2, 1).font = { ...FONT, color: { argb: GREY } };

  const header = sheet.getRow(MATRIX_HEADER_ROW);
  header.values = ['Model / asset', 'Type', ...duties.map((d) => d.name)];
  header.font = BOLD;
  header.alignment = { vertical: 'bottom', wrapText: true };

  const widths = [Math.max(14, ...shown.map(({ row, underModel }) => row.name.length + (underModel ? 3 : 0))), 10];
  const dutyWidths = duties.map((d) => Math.max(10, Math.min(24, d.name.length)));
  shown.forEach(({ row, underModel }, i) => {
    const line = sheet.getRow(MATRIX_HEADER_ROW + 1 + i);
    const name = line.getCell(1);
    name.value = row.name;
    if (underModel) name.alignment = { horizontal: 'left', indent: 2 };
    else if (row.kind === 'model') name.font = BOLD;
    line.getCell(2).value = typeLabel(row);
    widths[1] = Math.max(widths[1] ?? 0, typeLabel(row).length);
    duties.forEach((duty, d) => {
      const cell = cells.get(cellKey(row.kind, row.id, duty.key));
      const text = cellText(cell, people);
      const target = line.getCell(3 + d);
      target.value = text;
      target.alignment = { vertical: 'top', wrapText: true };
      if (cell && !cell.applicable) {
        target.font = NOT_APPLICABLE_FONT;
        target.fill = NOT_APPLICABLE_FILL;
        target.alignment = { horizontal: 'center', vertical: 'top' };
      } else if (cell?.inherited) target.font = INHERITED_FONT;
      if (cell?.severity && cell.applicable) target.fill = SEVERITY_FILLS[cell.severity];
      dutyWidths[d] = Math.max(dutyWidths[d] ?? 0, Math.min(40, text.length + 2));
    });
  });
  sheet.columns = [...widths, ...dutyWidths].map((width) => ({ width: Math.min(60, width + 2) }));
  const lastColumn = 2 + duties.length;
  sheet.autoFilter = { from: { row: MATRIX_HEADER_ROW, column: 1 }, to: { row: MATRIX_HEADER_ROW + shown.length, column: lastColumn } };
  sheet.pageSetup = { ...PRINT_ONE_PAGE_WIDE('landscape'), printTitlesRow: `${MATRIX_HEADER_ROW}:${MATRIX_HEADER_ROW}` };
}

const LEGEND_LETTERS: [Role, string][] = [
  ['accountable', 'Answers for the duty: exactly one per model or asset and duty.'],
  ['responsible', 'Does the work: one or more.'],
  ['consulted', 'Asked before a change.'],
  ['informed', 'Told after a change.'],
  ['backup', 'Steps in when the Accountable is away; required for incident response, rollback and high-risk models.'],
];

const LEGEND_COLOURS: { sample: string; label: string; meaning: string; fill?: ExcelJS.Fill; font?: Partial<ExcelJS.Font> }[] = [
  { sample: 'A: AC · R: MK', label: SEVERITY_LABELS.error, meaning: 'A duty nobody can answer for today.', fill: SEVERITY_FILLS.error },
  {
    sample: 'A: AC · R: MK',
    label: SEVERITY_LABELS.warning,
    meaning: 'Cover that will fail when someone is away or leaves.',
    fill: SEVERITY_FILLS.warning,
  },
  { sample: 'A: AC · R: MK', label: SEVERITY_LABELS.info, meaning: 'Worth knowing.', fill: SEVERITY_FILLS.info },
  { sample: 'A: AC · R: MK · B: TS', label: 'No colour', meaning: 'No finding.' },
  {
    sample: 'A: AC · R: MK',
    label: 'Grey italic',
    meaning: 'Inherited from the model: the asset has no assignment of its own for this duty.',
    font: INHERITED_FONT,
  },
  {
    sample: NOT_APPLICABLE,
    label: 'Not applicable',
    meaning: 'The duty does not apply to this type of asset.',
    fill: NOT_APPLICABLE_FILL,
    font: NOT_APPLICABLE_FONT,
  },
  { sample: NOBODY, label: 'Nobody', meaning: 'Nobody holds a role on this duty.' },
];

/** Three columns: what a cell shows, its name, what it means (for the initials: initials, name, who they are). */
function legendSheet(workbook: ExcelJS.Workbook, matrix: OwnershipMatrix) {
  const sheet = workbook.addWorksheet('Legend');
  sheet.columns = [{ width: 24 }, { width: 22 }, { width: 70 }];
  sheet.pageSetup = PRINT_ONE_PAGE_WIDE('portrait');
  const heading = (text: string) => {
    sheet.addRow([text]).font = { ...BOLD, size: 12 };
  };
  heading('Letters');
  for (const [role, meaning] of LEGEND_LETTERS) sheet.addRow([ROLE_LETTERS[role], ROLE_LABELS[role], meaning]);
  sheet.addRow([]);
  heading('Colours');
  for (const entry of LEGEND_COLOURS) {
    const sample = sheet.addRow([entry.sample, entry.label, entry.meaning]).getCell(1);
    if (entry.fill) sample.fill = entry.fill;
    if (entry.font) sample.font = entry.font;
  }
  sheet.addRow([null, null, 'A cell takes the colour of its worst finding; the Findings sheet says why.']);
  sheet.addRow([]);
  heading('Initials');
  sheet.addRow(['Initials', 'Name', 'Who']).font = { ...FONT, italic: true };
  const people = [...matrix.people].sort((a, b) => a.initials.localeCompare(b.initials) || a.name.localeCompare(b.name));
  for (const p of people) {
    const who = [PERSON_KIND_LABELS[p.kind], p.title, p.inactive ? 'inactive' : ''].filter((part) => part !== '').join(', ');
    sheet.addRow([p.initials, p.name, who]);
  }
}

const FINDING_COLUMNS: Column[] = [
  { header: 'Severity', key: 'severity', width: 10 },
  { header: 'Finding', key: 'finding', width: 24 },
  { header: 'Reason', key: 'reason', width: 40 },
  { header: 'Model / asset', key: 'target', width: 20 },
  { header: 'Duty', key: 'duty', width: 16 },
  { header: 'Person', key: 'person', width: 18 },
  { header: 'Date', key: 'date', width: 12, numFmt: DATE_FORMAT },
];

/** Findings worst first; within a severity, the order the checks gave. */
function findingsSheet(workbook: ExcelJS.Workbook, view: FindingsView, matrix: OwnershipMatrix): number {
  const names = new Map(matrix.rows.map((r) => [r.id, r.name]));
  const sorted = view.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  const rows = sorted.map((f) => ({
    severity: SEVERITY_LABELS[f.severity],
    finding: FINDING_LABELS[f.code],
    reason: f.reason,
    target: f.targetName ?? (f.modelId ? (names.get(f.modelId) ?? null) : null),
    duty: f.dutyName,
    person: f.personName,
    date: date(f.date),
  }));
  const sheet = addTable(workbook, 'Findings', fitColumns(FINDING_COLUMNS, rows), rows, 1);
  sorted.forEach((f, i) => {
    sheet.getCell(i + 2, 1).fill = SEVERITY_FILLS[f.severity];
  });
  sheet.getColumn('reason').alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(1).font = BOLD;
  sheet.pageSetup = { ...PRINT_ONE_PAGE_WIDE('landscape'), printTitlesRow: '1:1' };
  return rows.length;
}

const PEOPLE_COLUMNS: Column[] = [
  { header: 'Person', key: 'person', width: 18 },
  { header: 'Is', key: 'kind', width: 14 },
  { header: 'Role or title', key: 'title', width: 16 },
  { header: 'Active', key: 'active', width: 8 },
  { header: 'Accountable for', key: 'accountable', width: 10 },
  { header: 'Threshold', key: 'threshold', width: 10 },
  { header: 'Single point of failure', key: 'spof', width: 12 },
  { header: 'Engagement', key: 'engagement', width: 18 },
  { header: 'Model / asset', key: 'target', width: 20 },
  { header: 'Duty', key: 'duty', width: 16 },
  { header: 'Role', key: 'role', width: 12 },
  { header: 'Inherited', key: 'inherited', width: 10 },
  { header: 'From', key: 'from', width: 12, numFmt: DATE_FORMAT },
  { header: 'To', key: 'to', width: 12, numFmt: DATE_FORMAT },
];

/**
 * One row per holding (a person with none gets one row), the person's facts repeated so the sheet
 * filters and pivots as it is. Single point of failure: Accountable for more asset-duties than the threshold.
 */
function peopleSheet(workbook: ExcelJS.Workbook, loads: readonly PersonLoad[]): number {
  const sorted = [...loads].sort((a, b) => a.person.name.localeCompare(b.person.name) || a.person.key.localeCompare(b.person.key));
  const rows = sorted.flatMap((load) => {
    const { person } = load;
    const who = {
      person: person.name,
      kind: PERSON_KIND_LABELS[person.kind],
      title: person.title || null,
      active: yesNo(!person.inactive),
      accountable: load.accountableCount,
      threshold: load.spofThreshold,
      spof: yesNo(load.accountableCount > load.spofThreshold),
    };
    if (load.holdings.length === 0) return [who];
    return load.holdings.map((h) => ({
      ...who,
      engagement: h.engagementName,
      target: h.targetName,
      duty: h.dutyName,
      role: ROLE_LABELS[h.role],
      inherited: yesNo(h.inherited),
      from: date(h.fromDate),
      to: date(h.toDate),
    }));
  });
  const sheet = addTable(workbook, 'People', fitColumns(PEOPLE_COLUMNS, rows), rows, 1);
  rows.forEach((row, i) => {
    if (row.spof === 'Yes') sheet.getCell(i + 2, PEOPLE_COLUMNS.findIndex((c) => c.key === 'spof') + 1).fill = SEVERITY_FILLS.warning;
  });
  sheet.getRow(1).font = BOLD;
  sheet.pageSetup = { ...PRINT_ONE_PAGE_WIDE('landscape'), printTitlesRow: '1:1' };
  return rows.length;
}

function aboutSheet(
  workbook: ExcelJS.Workbook,
  input: OwnershipWorkbookInput,
  counts: { duties: number; shown: ReturnType<typeof rowsInOrder>; findings: number; holdings: number },
) {
  const { matrix, findings } = input;
  const models = counts.shown.filter(({ row }) => row.kind === 'model').length;
  const facts: [string, string | number | Date, string?][] = [
    ['Workbook', 'Ownership matrix'],
    ['Client', matrix.clientName],
    ['Engagement', matrix.engagementName],
    ['As of', excelDate(matrix.asOf), DATE_FORMAT],
    ['Generated at (UTC)', excelInstant(input.generatedAt), DATE_TIME_FORMAT],
    ['Models (rows)', models],
    ['Assets (rows)', counts.shown.length - models],
    ['Duties in force (columns)', counts.duties],
    ['Errors', findings.counts.error],
    ['Warnings', findings.counts.warning],
    ['Notices', findings.counts.info],
    ['Findings (rows)', counts.findings],
    ['People', input.loads.length],
    ['Holdings (rows of the People sheet)', counts.holdings],
    ['Assignments', 'Those in effect on the as-of day; an asset with no assignment of its own for a duty inherits its model’s.'],
    ['Layout version', OWNERSHIP_LAYOUT],
  ];
  const sheet = workbook.addWorksheet('About', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'About this workbook', key: 'field', width: 34 },
    { header: 'Value', key: 'value', width: 90 },
  ];
  sheet.getRow(1).font = BOLD;
  sheet.pageSetup = PRINT_ONE_PAGE_WIDE('portrait');
  for (const [field, value, numFmt] of facts) {
    const row = sheet.addRow({ field, value });
    row.getCell(1).font = BOLD;
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
    if (numFmt) row.getCell(2).numFmt = numFmt;
  }
}
