/**
 * The ownership matrix's vocabularies. String unions, never enums: the values are what SQLite
 * stores and the contract carries; the labels are what people read.
 */
import type { Severity } from '@shared/kernel/severity';

/**
 * The things around a model that someone must own. A model itself is a row of the matrix too
 * (it comes from the portfolio), so `model` is a row kind, not an asset type.
 */
export const ASSET_TYPES = [
  'data_ingestion',
  'feature_pipeline',
  'training_pipeline',
  'serving_endpoint',
  'monitoring',
  'registry_entry',
  'dashboard',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];
export const ASSET_TYPE_LABELS: Record<AssetType, string> = {
  data_ingestion: 'Data ingestion job',
  feature_pipeline: 'Feature pipeline',
  training_pipeline: 'Training pipeline',
  serving_endpoint: 'Serving endpoint',
  monitoring: 'Monitoring & alerting',
  registry_entry: 'Registry entry',
  dashboard: 'Dashboard',
};

/** A row of the matrix is a model (assigned per model and duty) or an asset (inherits from its model, may override). */
export const TARGET_KINDS = ['model', 'asset'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
/** The kinds a matrix row or a filter can be: a model, or one of the asset types. */
export type RowType = 'model' | AssetType;

/** The eight lifecycle duties every engagement starts with, "from data ingestion to rollback logic". */
export const DEFAULT_DUTIES = [
  'data_ingestion',
  'training',
  'deployment',
  'monitoring',
  'incident_response',
  'rollback',
  'governance',
  'cost',
] as const;
export type DefaultDuty = (typeof DEFAULT_DUTIES)[number];
export const DEFAULT_DUTY_LABELS: Record<DefaultDuty, string> = {
  data_ingestion: 'Data ingestion',
  training: 'Training & retraining',
  deployment: 'Deployment',
  monitoring: 'Monitoring & drift',
  incident_response: 'Incident response',
  rollback: 'Rollback',
  governance: 'Governance & audit',
  cost: 'Cost',
};
/** Duties that always need a named Backup, whatever the model's risk tier. */
export const ALWAYS_COVERED: readonly string[] = ['incident_response', 'rollback'];

/**
 * Which default duties do not apply to an asset type unless an engagement says otherwise
 * (a dashboard has no retraining). An engagement can switch any pair either way.
 */
export const NOT_APPLICABLE_BY_DEFAULT: Record<AssetType, readonly DefaultDuty[]> = {
  data_ingestion: ['training', 'deployment', 'rollback'],
  feature_pipeline: ['training'],
  training_pipeline: ['data_ingestion'],
  serving_endpoint: ['data_ingestion', 'training'],
  monitoring: ['data_ingestion', 'training', 'deployment', 'rollback'],
  registry_entry: ['data_ingestion', 'training', 'monitoring', 'incident_response', 'cost'],
  dashboard: ['data_ingestion', 'training', 'deployment', 'rollback'],
};

/** RACI plus cover. Exactly one Accountable per asset-duty; one or more Responsible; a named Backup where cover is required. */
export const ROLES = ['accountable', 'responsible', 'consulted', 'informed', 'backup'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  accountable: 'Accountable',
  responsible: 'Responsible',
  consulted: 'Consulted',
  informed: 'Informed',
  backup: 'Backup',
};
/** The letter a cell of the grid and the workbook shows. */
export const ROLE_LETTERS: Record<Role, string> = { accountable: 'A', responsible: 'R', consulted: 'C', informed: 'I', backup: 'B' };

/** People are the team's specialists or the client's contacts. */
export const PERSON_KINDS = ['specialist', 'contact'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export type PersonRef = { kind: PersonKind; id: string };
/** A person as one string, for maps and filters: `specialist:<id>` or `contact:<id>`. */
export const personKey = (p: PersonRef): string => `${p.kind}:${p.id}`;

/** What the checks find. Each has one severity (the table below) and a sentence saying why. */
export const FINDING_CODES = [
  'no_accountable',
  'several_accountable',
  'no_responsible',
  'no_backup',
  'backup_is_accountable',
  'accountable_off_engagement',
  'backup_off_engagement',
  'contact_archived',
  'overloaded_accountable',
  'only_person',
  'bus_factor_one',
  'roll_off',
  'absence_gap',
  'not_allocated',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * The severity table (documented in the README's ownership section): an error is a duty nobody can answer
 * for today, a warning is cover that will fail when someone is away or leaves, a notice is
 * worth knowing. Keel's kernel calls the third level `info`; people read "Notice".
 */
export const FINDING_SEVERITY: Record<FindingCode, Severity> = {
  no_accountable: 'error',
  several_accountable: 'error',
  accountable_off_engagement: 'error',
  only_person: 'error',
  no_backup: 'warning',
  no_responsible: 'warning',
  backup_is_accountable: 'warning',
  backup_off_engagement: 'warning',
  contact_archived: 'warning',
  overloaded_accountable: 'warning',
  bus_factor_one: 'warning',
  roll_off: 'warning',
  absence_gap: 'warning',
  not_allocated: 'info',
};
export const FINDING_LABELS: Record<FindingCode, string> = {
  no_accountable: 'No Accountable',
  several_accountable: 'More than one Accountable',
  no_responsible: 'No Responsible',
  no_backup: 'No Backup',
  backup_is_accountable: 'Backup is the Accountable',
  accountable_off_engagement: 'Accountable not on the engagement',
  backup_off_engagement: 'Backup not on the engagement',
  contact_archived: 'Archived contact',
  overloaded_accountable: 'Single point of failure: too many duties',
  only_person: 'Single point of failure: only person',
  bus_factor_one: 'Bus factor of 1',
  roll_off: 'Accountable rolls off',
  absence_gap: 'Accountable and Backup both away',
  not_allocated: 'Assigned while not allocated',
};
export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Notice' };
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The settings' defaults. */
export const DEFAULT_SPOF_THRESHOLD = 12;
