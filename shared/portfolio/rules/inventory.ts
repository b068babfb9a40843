/**
 * Importing an existing model inventory: which column is which, and what a
 * cell means. Pure: the backend reads the file into cells, these rules turn
 * each row into the fields a model (or a version) is registered with, naming
 * every problem by row and column; the services then check the rest (names of
 * engagements, owners and builders, uniqueness, dates) as for a typed record.
 */
import {
  AI_ACT_CATEGORIES,
  AI_ACT_CATEGORY_LABELS,
  MODEL_KIND_LABELS,
  MODEL_KINDS,
  REGULATED_DOMAIN_LABELS,
  REGULATED_DOMAINS,
  RISK_TIER_LABELS,
  RISK_TIERS,
  SERVING_MODE_LABELS,
  SERVING_MODES,
  STAGE_LABELS,
  STAGES,
} from './vocabulary';

export type InventoryCell = string | number | boolean | Date | null;

/** A problem with a cell (or a whole row or sheet), in the words the person who made the file reads. */
export type InventoryProblem = { sheet: string; row: number | null; column: string | null; message: string };

type Kind = 'text' | 'number' | 'date' | 'list' | 'choice';
type ColumnSpec = { field: string; header: string; kind: Kind; required?: boolean; also?: readonly string[]; choices?: Choices };
type Choices = { values: readonly string[]; labels: Record<string, string> };

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>): Choices => ({ values, labels });

/** The Models sheet (or a CSV file): one model per row. */
export const MODEL_COLUMNS: readonly ColumnSpec[] = [
  { field: 'name', header: 'Name', kind: 'text', required: true, also: ['Model', 'Model name'] },
  { field: 'engagement', header: 'Engagement', kind: 'text' },
  { field: 'useCase', header: 'Use case', kind: 'text' },
  { field: 'businessOwner', header: 'Business owner', kind: 'text', also: ['Owner'] },
  { field: 'outcomeMetric', header: 'Outcome metric', kind: 'text' },
  { field: 'outcomeUnit', header: 'Outcome unit', kind: 'text' },
  { field: 'outcomeBaseline', header: 'Outcome baseline', kind: 'number', also: ['Baseline'] },
  { field: 'outcomeTarget', header: 'Outcome target', kind: 'number', also: ['Target'] },
  {
    field: 'riskTier',
    header: 'Risk tier',
    kind: 'choice',
    required: true,
    also: ['Risk'],
    choices: choices(RISK_TIERS, RISK_TIER_LABELS),
  },
  {
    field: 'aiActCategory',
    header: 'EU AI Act category',
    kind: 'choice',
    required: true,
    also: ['AI Act category', 'EU AI Act'],
    choices: choices(AI_ACT_CATEGORIES, AI_ACT_CATEGORY_LABELS),
  },
  {
    field: 'regulatedDomain',
    header: 'Regulated domain',
    kind: 'choice',
    also: ['Domain'],
    choices: choices(REGULATED_DOMAINS, REGULATED_DOMAIN_LABELS),
  },
  { field: 'kind', header: 'Kind', kind: 'choice', required: true, choices: choices(MODEL_KINDS, MODEL_KIND_LABELS) },
  { field: 'serving', header: 'Serving', kind: 'choice', required: true, choices: choices(SERVING_MODES, SERVING_MODE_LABELS) },
  { field: 'stage', header: 'Stage', kind: 'choice', choices: choices(STAGES, STAGE_LABELS) },
  { field: 'inServiceSince', header: 'In service since', kind: 'date' },
  { field: 'dataSources', header: 'Data sources', kind: 'list' },
  { field: 'repositoryLink', header: 'Repository', kind: 'text', also: ['Repository link'] },
  { field: 'registryLink', header: 'Registry', kind: 'text', also: ['Registry link'] },
  { field: 'dashboardLink', header: 'Dashboard', kind: 'text', also: ['Dashboard link'] },
  { field: 'runbookLink', header: 'Runbook', kind: 'text', also: ['Runbook link'] },
  { field: 'tags', header: 'Tags', kind: 'list' },
  { field: 'notes', header: 'Notes', kind: 'text' },
];

/** A workbook's optional Versions sheet: one version per row, of a model of the file or already in the portfolio. */
export const VERSION_COLUMNS: readonly ColumnSpec[] = [
  { field: 'model', header: 'Model', kind: 'text', required: true, also: ['Model name', 'Name'] },
  { field: 'label', header: 'Version', kind: 'text', required: true, also: ['Label'] },
  { field: 'builtBy', header: 'Built by', kind: 'text', required: true, also: ['Builder'] },
  { field: 'registeredOn', header: 'Registered on', kind: 'date', required: true, also: ['Registered'] },
  { field: 'trainingData', header: 'Training data', kind: 'text' },
  { field: 'evaluations', header: 'Evaluations', kind: 'text', also: ['Evaluation results'] },
  { field: 'notes', header: 'Notes', kind: 'text' },
];

export const MODELS_SHEET = 'Models';
export const VERSIONS_SHEET = 'Versions';

const squash = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_/+-]+/g, ' ');

export type ColumnMap = { columns: Map<string, number>; problems: InventoryProblem[] };

/** Which cell holds which field, by the header row; a required column missing, or a column named twice, is a problem. */
export function mapColumns(sheet: string, headerRow: number, header: readonly InventoryCell[], spec: readonly ColumnSpec[]): ColumnMap {
  const columns = new Map<string, number>();
  const problems: InventoryProblem[] = [];
  header.forEach((cell, index) => {
    if (typeof cell !== 'string' || cell.trim() === '') return;
    const name = squash(cell);
    const column = spec.find((c) => squash(c.header) === name || (c.also ?? []).some((a) => squash(a) === name));
    if (!column) return;
    if (columns.has(column.field)) {
      problems.push({ sheet, row: headerRow, column: column.header, message: `The column “${column.header}” appears twice.` });
      return;
    }
    columns.set(column.field, index);
  });
  const missing = spec.filter((c) => c.required && !columns.has(c.field)).map((c) => `“${c.header}”`);
  if (missing.length > 0) {
    problems.push({
      sheet,
      row: headerRow,
      column: null,
      message: `The header row lacks ${missing.length === 1 ? 'the column' : 'the columns'} ${missing.join(', ')}.`,
    });
  }
  return { columns, problems };
}

export type ParsedRow = { row: number; values: Record<string, unknown>; problems: InventoryProblem[] };

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as a calendar date: a real date cell (its calendar day as written), or text written YYYY-MM-DD. */
function dateOf(cell: InventoryCell): string | null | undefined {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return null;
  // exceljs gives a date cell as the UTC midnight of the day shown.
  if (cell instanceof Date) return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  if (typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell.trim())) return cell.trim();
  return undefined;
}

/** A choice by its value ("classical_ml") or its label ("Classical ML"), in any case. */
function choiceOf(text: string, c: Choices): string | undefined {
  const wanted = squash(text);
  return c.values.find((v) => squash(v) === wanted || squash(c.labels[v] ?? '') === wanted);
}

const textOf = (cell: InventoryCell) =>
  cell === null ? '' : cell instanceof Date ? (dateOf(cell) ?? '') : typeof cell === 'string' ? cell.trim() : String(cell);

/** One row's cells as field values, with a problem per cell that cannot be one. Blank cells are absent values. */
export function parseRow(
  sheet: string,
  row: number,
  cells: readonly InventoryCell[],
  spec: readonly ColumnSpec[],
  columns: Map<string, number>,
): ParsedRow {
  const values: Record<string, unknown> = {};
  const problems: InventoryProblem[] = [];
  const problem = (c: ColumnSpec, message: string) => problems.push({ sheet, row, column: c.header, message });
  for (const c of spec) {
    const index = columns.get(c.field);
    const cell = index === undefined ? null : (cells[index] ?? null);
    const text = textOf(cell);
    if (text === '') {
      if (c.required) problem(c, 'is required');
      continue;
    }
    switch (c.kind) {
      case 'text':
        values[c.field] = text;
        break;
      case 'list':
        values[c.field] = text
          .split(/[;,\n]/)
          .map((t) => t.trim())
          .filter(Boolean);
        break;
      case 'number': {
        const n = typeof cell === 'number' ? cell : Number(text.replace(/[’'\s]/g, ''));
        if (Number.isFinite(n)) values[c.field] = n;
        else problem(c, `“${text}” is not a number`);
        break;
      }
      case 'date': {
        const day = dateOf(cell);
        if (day) values[c.field] = day;
        else problem(c, `“${text}” is not a date: write it YYYY-MM-DD or use a date cell`);
        break;
      }
      case 'choice': {
        const options = c.choices as Choices;
        const value = choiceOf(text, options);
        if (value) values[c.field] = value;
        else problem(c, `“${text}” is not one of: ${options.values.map((v) => options.labels[v]).join(', ')}`);
        break;
      }
    }
  }
  return { row, values, problems };
}

export type Evaluation = { metric: string; value: number; dataset: string };

/**
 * Evaluation results written in one cell: "AUC=0.81 on holdout; F1=0.7 on
 * holdout-2026". Each result needs a metric, a number and the dataset it was
 * measured on.
 */
export function parseEvaluations(text: string): { evaluations: Evaluation[]; problem: string | null } {
  const evaluations: Evaluation[] = [];
  for (const part of text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.+?)\s*=\s*(-?[\d.]+)\s+on\s+(.+)$/i.exec(part);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(value)) {
      return { evaluations: [], problem: `“${part}” is not a result written as metric = value on dataset (e.g. AUC = 0.81 on holdout)` };
    }
    evaluations.push({ metric: (match[1] as string).trim(), value, dataset: (match[3] as string).trim() });
  }
  return { evaluations, problem: null };
}

/** Names that appear on more than one row (case-insensitive), each with the rows after the first. */
export function repeatedNames(rows: readonly { row: number; name: string }[]): { row: number; name: string; first: number }[] {
  const first = new Map<string, number>();
  const repeats: { row: number; name: string; first: number }[] = [];
  for (const r of rows) {
    const key = r.name.trim().toLowerCase();
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.row);
    else repeats.push({ row: r.row, name: r.name, first: seen });
  }
  return repeats;
}

/** "Models row 4, Risk tier: …" (in a CSV file "Row 4, Risk tier: …") — how a problem reads in a list. */
export function problemText(p: InventoryProblem): string {
  // A CSV file has no sheets: its problems are by row ("Row 4, Risk tier").
  const row = p.row === null ? p.sheet || 'The file' : p.sheet ? `${p.sheet} row ${p.row}` : `Row ${p.row}`;
  const where = [row, p.column].filter(Boolean).join(', ');
  return `${where}: ${p.message}`;
}
