import {
  addTable,
  type Column,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  excelDate,
  excelInstant,
  fitColumns,
  PERCENT_FORMAT,
} from '@backend/core/excel';
import { ALIAS_LABELS } from '@shared/portfolio/rules/deployments';
import { type ApprovalDecision, ATTACHED_EVIDENCE_LABELS, EVIDENCE_NEEDS, type EvidenceKind } from '@shared/portfolio/rules/policy';
import { STAGE_LABELS } from '@shared/portfolio/rules/vocabulary';
import type ExcelJS from 'exceljs';
import type { ExportApproval, ExportDeployment, ExportModel, ExportTransition, ExportVersion } from './exportRepository';

/**
 * The sheets the portfolio workbook and a model's audit pack share: versions,
 * approvals, deployments and stage history. In the portfolio workbook each row
 * starts with its client and model; the audit pack is about one model, so it
 * leaves those out. Dates are real Excel dates, instants Excel date-times in
 * UTC, vocabularies in words, empty text an empty cell. Every text cell is made
 * formula-safe when the workbook is written (`workbookBuffer`).
 */

export const DECISION_LABELS: Record<ApprovalDecision, string> = {
  approved: 'Approved',
  approved_with_conditions: 'Approved with conditions',
  rejected: 'Rejected',
};

const PERSON_KIND = { specialist: 'Specialist', contact: 'Client contact' } as const;

/** A rollback's row stands out (a pale amber fill) as well as saying so in its own column. */
const ROLLBACK_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/** Empty text is an empty cell, not an empty string. */
export const text = (value: string | null | undefined): string | null => (value == null || value.trim() === '' ? null : value);
export const date = (iso: string | null): Date | null => (iso ? excelDate(iso) : null);
export const dateTime = (iso: string | null): Date | null => (iso ? excelInstant(iso) : null);

/** "Keel’s default (version 0)" or "Version 3": the promotion policy version recorded with a decision or promotion. */
export function policyLabel(version: number | null | undefined): string | null {
  if (version === null || version === undefined) return null;
  return version === 0 ? 'Keel’s default (version 0)' : `Version ${version}`;
}

export const needsText = (missing: readonly EvidenceKind[]) => text(missing.map((k) => EVIDENCE_NEEDS[k]).join('; '));

/** The client and the model a row belongs to, in the portfolio workbook only. */
export type Owner = { client: string; model: string };
const OWNER_COLUMNS: Column[] = [
  { header: 'Client', key: 'client', width: 16 },
  { header: 'Model', key: 'model', width: 22 },
];

/** A sheet of rows, widths fitted, header frozen and filtered; the client and model columns lead when `owners` is given. */
export function sheetOf(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Record<string, unknown>[],
  withOwner: boolean,
): ExcelJS.Worksheet {
  const layout = layoutOf(columns, rows, withOwner);
  const sheet = addTable(workbook, name, layout.columns, rows, layout.frozenColumns);
  sheet.pageSetup = { ...layout.pageSetup, printTitlesRow: '1:1' };
  return sheet;
}

/** A sheet's columns fitted to its rows (client and model first in the portfolio workbook), frozen columns, and print setup. */
export function layoutOf(columns: Column[], rows: readonly Record<string, unknown>[], withOwner: boolean) {
  const fitted = fitColumns(withOwner ? [...OWNER_COLUMNS, ...columns] : columns, rows as Record<string, unknown>[]);
  // Printed about 140 characters to a landscape page, as many pages across as the columns need (one page wide would be
  // unreadably small for the Models sheet).
  const across = Math.max(1, Math.ceil(fitted.reduce((sum, c) => sum + c.width, 0) / 140));
  return {
    columns: fitted,
    frozenColumns: withOwner ? 2 : 1,
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: across, fitToHeight: 0 } satisfies Partial<ExcelJS.PageSetup>,
  };
}

/** The rollbacks' fill, for the streaming writer (which styles rows as it writes them). */
export const rollbackFill = (row: Record<string, unknown>): ExcelJS.Fill | null => (row.rollback === 'Yes' ? ROLLBACK_FILL : null);

const ownerOf = (owners: ReadonlyMap<string, Owner> | null, modelId: string) => {
  const owner = owners?.get(modelId);
  return owner ? { client: owner.client, model: owner.model } : {};
};

export const VERSION_COLUMNS: Column[] = [
  { header: 'Version', key: 'label', width: 10 },
  { header: 'Registered on', key: 'registeredOn', width: 14, numFmt: DATE_FORMAT },
  { header: 'Built by', key: 'builtBy', width: 18 },
  { header: 'Builder is', key: 'builtByKind', width: 14 },
  { header: 'Training data', key: 'trainingData', width: 30 },
  { header: 'Evaluation results', key: 'evaluations', width: 30 },
  { header: 'Evidence attached', key: 'evidence', width: 30 },
  { header: 'Approvals', key: 'approvals', width: 10 },
  { header: 'Latest decision', key: 'decision', width: 16 },
  { header: 'Latest decision on', key: 'decidedOn', width: 16, numFmt: DATE_FORMAT },
  { header: 'Still missing for production', key: 'missing', width: 30 },
  { header: 'Notes', key: 'notes', width: 30 },
  { header: 'Recorded at (UTC)', key: 'createdAt', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Version id', key: 'id', width: 38 },
];

export function versionRows(
  versions: readonly ExportVersion[],
  approvals: readonly ExportApproval[],
  missing: (v: ExportVersion) => EvidenceKind[],
  owners: ReadonlyMap<string, Owner> | null,
): Record<string, unknown>[] {
  const byVersion = groupBy(approvals, (a) => a.versionId);
  return versions.map((v) => {
    const mine = byVersion.get(v.id) ?? [];
    const latest = mine[mine.length - 1];
    return {
      ...ownerOf(owners, v.modelId),
      label: v.label,
      registeredOn: date(v.registeredOn),
      builtBy: v.builtByName,
      builtByKind: PERSON_KIND[v.builtBy.kind],
      trainingData: text(v.trainingData),
      evaluations: text(v.evaluations.map((e) => `${e.metric} = ${e.value} on ${e.dataset}`).join('; ')),
      evidence: text(v.evidence.map((e) => `${ATTACHED_EVIDENCE_LABELS[e.kind]}: ${e.text}${e.link ? ` (${e.link})` : ''}`).join('; ')),
      approvals: mine.length,
      decision: latest ? DECISION_LABELS[latest.decision] : null,
      decidedOn: date(latest?.decidedOn ?? null),
      missing: needsText(missing(v)),
      notes: text(v.notes),
      createdAt: dateTime(v.createdAt),
      id: v.id,
    };
  });
}

export const APPROVAL_COLUMNS: Column[] = [
  { header: 'Version', key: 'version', width: 10 },
  { header: 'Approver', key: 'approver', width: 18 },
  { header: 'Approver is', key: 'approverKind', width: 14 },
  { header: 'Independent', key: 'independent', width: 12 },
  { header: 'Decision', key: 'decision', width: 16 },
  { header: 'Decided on', key: 'decidedOn', width: 12, numFmt: DATE_FORMAT },
  { header: 'Evidence', key: 'evidenceText', width: 30 },
  { header: 'Evidence link', key: 'evidenceLink', width: 30 },
  { header: 'Conditions', key: 'conditions', width: 30 },
  { header: 'Recorded at (UTC)', key: 'createdAt', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Approval id', key: 'id', width: 38 },
];

/** The policy column, for the audit pack: the version in force when the decision was recorded. */
export const APPROVAL_POLICY_COLUMN: Column = { header: 'Promotion policy in force', key: 'policy', width: 22 };

export function approvalRows(
  approvals: readonly ExportApproval[],
  versions: readonly ExportVersion[],
  owners: ReadonlyMap<string, Owner> | null,
  policyOf?: (approvalId: string) => number | null,
): Record<string, unknown>[] {
  const builders = new Map(versions.map((v) => [v.id, v.builtBy]));
  return approvals.map((a) => {
    const builder = builders.get(a.versionId);
    return {
      ...ownerOf(owners, a.modelId),
      version: a.versionLabel,
      approver: a.approverName,
      approverKind: PERSON_KIND[a.approver.kind],
      independent: builder && builder.kind === a.approver.kind && builder.id === a.approver.id ? 'No (built it)' : 'Yes',
      decision: DECISION_LABELS[a.decision],
      decidedOn: date(a.decidedOn),
      evidenceText: text(a.evidenceText),
      evidenceLink: text(a.evidenceLink),
      conditions: text(a.conditions),
      createdAt: dateTime(a.createdAt),
      id: a.id,
      ...(policyOf ? { policy: policyLabel(policyOf(a.id)) } : {}),
    };
  });
}

export const DEPLOYMENT_COLUMNS: Column[] = [
  { header: 'Version', key: 'version', width: 10 },
  { header: 'Environment', key: 'environment', width: 14 },
  { header: 'Production', key: 'production', width: 11 },
  { header: 'Alias', key: 'alias', width: 11 },
  { header: 'Traffic', key: 'traffic', width: 9, numFmt: PERCENT_FORMAT },
  { header: 'From (UTC)', key: 'from', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'To (UTC)', key: 'to', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Status', key: 'status', width: 9 },
  { header: 'Rollback', key: 'rollback', width: 9 },
  { header: 'Rollback reason', key: 'rollbackReason', width: 30 },
  { header: 'Recorded at (UTC)', key: 'createdAt', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Deployment id', key: 'id', width: 38 },
];

/** The policy column, for the audit pack: the version the production gate applied to a champion in production. */
export const DEPLOYMENT_POLICY_COLUMN: Column = { header: 'Promotion policy applied', key: 'policy', width: 22 };

export function deploymentRows(
  deployments: readonly ExportDeployment[],
  owners: ReadonlyMap<string, Owner> | null,
  policyOf?: (deploymentId: string) => number | null,
): Record<string, unknown>[] {
  return deployments.map((d) => ({
    ...ownerOf(owners, d.modelId),
    version: d.versionLabel,
    environment: d.environmentName,
    production: d.production ? 'Yes' : 'No',
    alias: ALIAS_LABELS[d.alias],
    traffic: d.trafficPercent === null ? null : d.trafficPercent / 100,
    from: dateTime(d.from),
    to: dateTime(d.to),
    status: d.to === null ? 'Serving' : 'Ended',
    rollback: d.rollbackReason === '' ? null : 'Yes',
    rollbackReason: text(d.rollbackReason),
    createdAt: dateTime(d.createdAt),
    id: d.id,
    // The gate applies to a champion in production only; elsewhere no policy was checked.
    ...(policyOf ? { policy: d.alias === 'champion' && d.production ? policyLabel(policyOf(d.id)) : null } : {}),
  }));
}

/** Marks the rollbacks of a deployments sheet written from `rows` (header in row 1). */
export function markRollbacks(sheet: ExcelJS.Worksheet, rows: readonly Record<string, unknown>[]): void {
  rows.forEach((row, i) => {
    if (row.rollback !== 'Yes') return;
    const line = sheet.getRow(i + 2);
    line.eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = ROLLBACK_FILL;
    });
    line.getCell('rollback').font = { bold: true };
  });
}

export const TRANSITION_COLUMNS: Column[] = [
  { header: 'From stage', key: 'fromStage', width: 12 },
  { header: 'To stage', key: 'toStage', width: 12 },
  { header: 'On', key: 'on', width: 12, numFmt: DATE_FORMAT },
  { header: 'Reason', key: 'reason', width: 40 },
  { header: 'Recorded by', key: 'actor', width: 16 },
  { header: 'Recorded at (UTC)', key: 'createdAt', width: 17, numFmt: DATE_TIME_FORMAT },
];

export function transitionRows(transitions: readonly ExportTransition[], owners: ReadonlyMap<string, Owner> | null) {
  return transitions.map((t) => ({
    ...ownerOf(owners, t.modelId),
    fromStage: t.fromStage === null ? 'Registered' : STAGE_LABELS[t.fromStage],
    toStage: STAGE_LABELS[t.toStage],
    on: date(t.on),
    reason: text(t.reason),
    actor: text(t.actor),
    createdAt: dateTime(t.createdAt),
  }));
}

/** The model's links, in the order the model page shows them. */
export const modelLinks = (m: ExportModel) =>
  [
    ['Repository', m.repositoryLink],
    ['Registry', m.registryLink],
    ['Dashboard', m.dashboardLink],
    ['Runbook', m.runbookLink],
  ] as const;

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
