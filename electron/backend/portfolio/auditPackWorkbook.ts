import type { StoredAuditEntry } from '@backend/core/auditRepository';
import { type Column, DATE_FORMAT, DATE_TIME_FORMAT, excel, workbookBuffer } from '@backend/core/excel';
import type { AuditAction } from '@shared/kernel/audit';
import { labelOf } from '@shared/kernel/validate';
import { portfolioEntities } from '@shared/portfolio/entities';
import type { EvidenceKind, PromotionPolicy } from '@shared/portfolio/rules/policy';
import { STAGE_LABELS, STAGES, type Stage } from '@shared/portfolio/rules/vocabulary';
import type ExcelJS from 'exceljs';
import type { ExportApproval, ExportDeployment, ExportModel, ExportTransition, ExportVersion } from './exportRepository';
import {
  APPROVAL_COLUMNS,
  APPROVAL_POLICY_COLUMN,
  approvalRows,
  DEPLOYMENT_COLUMNS,
  DEPLOYMENT_POLICY_COLUMN,
  date,
  dateTime,
  deploymentRows,
  markRollbacks,
  needsText,
  policyLabel,
  sheetOf,
  TRANSITION_COLUMNS,
  transitionRows,
  VERSION_COLUMNS,
  versionRows,
} from './portfolioSheets';
import { MODEL_COLUMNS, modelRow, PORTFOLIO_LAYOUT } from './portfolioWorkbook';

/**
 * A model's audit pack as a workbook, for an auditor: Model (its record, the
 * champion in production, the promotion policy in force and what it asks),
 * Versions, Approvals (with the policy version in force at each decision),
 * Deployments (the timeline, rollbacks marked, the policy version the
 * production gate applied to each champion), Stage history and Audit trail
 * (every audit row filed under the model: its record, versions, approvals,
 * deployments and stage changes, oldest first). The PDF of the pack, with the
 * model card, is written elsewhere; this is its data.
 */

export type AuditPackData = {
  generatedAt: string;
  today: string;
  model: ExportModel;
  versions: ExportVersion[];
  approvals: ExportApproval[];
  deployments: ExportDeployment[];
  transitions: ExportTransition[];
  trail: StoredAuditEntry[];
  champion: ExportDeployment | undefined;
  policy: { version: number; policy: PromotionPolicy; required: EvidenceKind[] };
  daysPerStage: Record<Stage, number>;
  missing(version: ExportVersion): EvidenceKind[];
};

const ACTION_WORDS: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  cancel: 'Cancelled',
  delete: 'Deleted',
  import: 'Loaded',
  approve: 'Approved',
  reopen: 'Reopened',
  issue: 'Issued',
  fulfil: 'Fulfilled',
};

/** The Value column's width in characters: long text wraps inside it. */
const VALUE_WIDTH = 90;

/** Excel holds at most 32,767 characters in a cell; a longer snapshot is cut with a note. */
const CELL_LIMIT = 32_000;
const snapshot = (value: object | null) => {
  if (value === null) return null;
  const json = JSON.stringify(value);
  return json.length > CELL_LIMIT ? `${json.slice(0, CELL_LIMIT)}… (cut: ${json.length.toLocaleString('en')} characters in all)` : json;
};

/** The fields an update changed, by the names the forms use ("Risk tier, Notes"). */
function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string | null {
  if (!before || !after) return null;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return keys.length === 0 ? null : keys.map(labelOf).join(', ');
}

const TRAIL_COLUMNS: Column[] = [
  { header: 'When (UTC)', key: 'at', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Who', key: 'actor', width: 14 },
  { header: 'Record', key: 'entity', width: 14 },
  { header: 'Action', key: 'action', width: 10 },
  { header: 'What', key: 'label', width: 40 },
  { header: 'Changed fields', key: 'changed', width: 24 },
  { header: 'Before', key: 'before', width: 40 },
  { header: 'After', key: 'after', width: 40 },
  { header: 'Audit entry id', key: 'id', width: 38 },
];

/** The policy version Keel recorded with an audit row (approvals and deployments keep it), by the record's id. */
function recordedPolicies(trail: readonly StoredAuditEntry[]): Map<string, number> {
  const policies = new Map<string, number>();
  for (const entry of trail) {
    const after = entry.after as { id?: unknown; policyVersion?: unknown } | null;
    if (entry.entity !== 'model_approval' && entry.entity !== 'deployment') continue;
    if (typeof after?.id === 'string' && typeof after.policyVersion === 'number') policies.set(after.id, after.policyVersion);
  }
  return policies;
}

/** Writes the audit pack as an .xlsx. */
export async function auditPackWorkbook(data: AuditPackData): Promise<Buffer> {
  const { model } = data;
  const workbook = new (excel().Workbook)();
  const generated = new Date(data.generatedAt);
  workbook.creator = 'Keel';
  workbook.lastModifiedBy = 'Keel';
  workbook.created = generated;
  workbook.modified = generated;
  workbook.title = `Audit pack: ${model.name}`;
  workbook.subject = `${model.name} (${model.clientName}), as of ${data.today}`;
  workbook.keywords = `keel-audit-pack layout-${PORTFOLIO_LAYOUT}`;

  modelSheet(workbook, data);
  const policies = recordedPolicies(data.trail);
  const policyOf = (id: string) => policies.get(id) ?? null;
  const sheets = [
    sheetOf(workbook, 'Versions', VERSION_COLUMNS, versionRows(data.versions, data.approvals, data.missing, null), false),
    sheetOf(
      workbook,
      'Approvals',
      [...APPROVAL_COLUMNS.slice(0, -1), APPROVAL_POLICY_COLUMN, ...APPROVAL_COLUMNS.slice(-1)],
      approvalRows(data.approvals, data.versions, null, policyOf),
      false,
    ),
  ];
  const deployments = deploymentRows(data.deployments, null, policyOf);
  const deploymentSheet = sheetOf(
    workbook,
    'Deployments',
    [...DEPLOYMENT_COLUMNS.slice(0, -1), DEPLOYMENT_POLICY_COLUMN, ...DEPLOYMENT_COLUMNS.slice(-1)],
    deployments,
    false,
  );
  markRollbacks(deploymentSheet, deployments);
  const trail = data.trail.map((e) => ({
    at: dateTime(e.at),
    actor: e.actor,
    entity: portfolioEntities[e.entity as keyof typeof portfolioEntities] ?? e.entity,
    action: ACTION_WORDS[e.action],
    label: e.label,
    changed: changedFields(e.before, e.after),
    before: snapshot(e.before),
    after: snapshot(e.after),
    id: e.id,
  }));
  sheets.push(
    deploymentSheet,
    sheetOf(workbook, 'Stage history', TRANSITION_COLUMNS, transitionRows(data.transitions, null), false),
    sheetOf(workbook, 'Audit trail', TRAIL_COLUMNS, trail, false),
  );
  const pageHeader = `&LAudit pack: ${model.name.replaceAll('&', '&&')}&Ras of ${data.today}`;
  for (const sheet of [workbook.getWorksheet('Model'), ...sheets]) {
    if (sheet) sheet.headerFooter = { oddHeader: pageHeader, oddFooter: '&L&A&RPage &P of &N' };
  }
  return workbookBuffer(workbook);
}

/** The model's record as Field / Value rows, then the policy in force, the days per stage and the pack's own facts. */
function modelSheet(workbook: ExcelJS.Workbook, data: AuditPackData) {
  const sheet = workbook.addWorksheet('Model', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Field', key: 'field', width: 40 },
    { header: 'Value', key: 'value', width: VALUE_WIDTH },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.pageSetup = { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const row = modelRow(data.model, { today: data.today, champion: data.champion, versions: data.versions.length }) as Record<
    string,
    unknown
  >;
  const formats = new Map(MODEL_COLUMNS.map((c) => [c.key, c.numFmt]));
  const facts: [string, unknown, string | undefined][] = MODEL_COLUMNS.map((c) => [c.header, row[c.key], formats.get(c.key)]);
  const { policy } = data;
  facts.push(
    ['Promotion policy in force', `${policyLabel(policy.version)}: ${policy.policy.name}`, undefined],
    ['What the policy asks before production', needsText(policy.required) ?? 'Nothing', undefined],
    ...STAGES.map((s): [string, unknown, string | undefined] => [
      `Days in ${STAGE_LABELS[s].toLowerCase()}`,
      data.daysPerStage[s],
      undefined,
    ]),
    ['Generated at (UTC)', new Date(data.generatedAt), DATE_TIME_FORMAT],
    ['As of', date(data.today), DATE_FORMAT],
    ['Layout version', PORTFOLIO_LAYOUT, undefined],
  );
  for (const [field, value, numFmt] of facts) {
    const shown = field === 'Champion in production' && value === null ? 'None in production' : (value ?? null);
    const line = sheet.addRow({ field, value: shown });
    line.getCell(1).font = { bold: true };
    line.getCell(1).alignment = { vertical: 'top' };
    if (numFmt) line.getCell(2).numFmt = numFmt;
    line.getCell(2).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    // Not every spreadsheet grows a row to its wrapped text on opening (LibreOffice does not): give long text its lines.
    if (typeof shown === 'string' && shown.length > VALUE_WIDTH) line.height = 15 * Math.ceil(shown.length / (VALUE_WIDTH - 4));
  }
}
