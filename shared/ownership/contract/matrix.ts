import { command, query } from '@shared/kernel/define';
import { id, isoDate, optionalText } from '@shared/kernel/fields';
import type { Severity } from '@shared/kernel/severity';
import type { RiskTier, Stage } from '@shared/portfolio/rules/vocabulary';
import { z } from 'zod';
import {
  ASSET_TYPES,
  type AssetType,
  type FindingCode,
  PERSON_KINDS,
  type PersonKind,
  type PersonRef,
  ROLES,
  type Role,
  TARGET_KINDS,
  type TargetKind,
} from '../rules/vocabulary';
import type { Duty } from './duties';
import { dutyKey } from './duties';

/** One stored assignment: a person in a role on a duty of a model (every asset of it inherits) or of one asset (an override). */
export type Assignment = {
  id: string;
  engagementId: string;
  targetKind: TargetKind;
  targetId: string;
  dutyKey: string;
  role: Role;
  personKind: PersonKind;
  personId: string;
  /** Effective from this day to `toDate` (inclusive; null: open-ended). */
  fromDate: string;
  toDate: string | null;
  note: string;
  createdAt: string;
};

/** A person as the matrix shows them. */
export type MatrixPerson = {
  key: string;
  kind: PersonKind;
  id: string;
  name: string;
  initials: string;
  email: string;
  phone: string;
  /** A specialist's role, a contact's title. */
  title: string;
  /** A contact who was archived, a specialist who left or was archived. */
  inactive: boolean;
};

/** A row of the matrix: a model, or an asset under its primary model. */
export type MatrixRow = {
  kind: TargetKind;
  id: string;
  name: string;
  /** `model` for a model row, the asset type otherwise. */
  type: 'model' | AssetType;
  /** The model the row sits under: the model itself, or the asset's primary model (null: an asset serving none). */
  modelId: string | null;
  /** For an asset: every model it serves. */
  modelIds: string[];
  riskTier: RiskTier | null;
  stage: Stage | null;
};

/** Who holds a role in a cell, and where it comes from. */
export type CellHolder = { assignmentId: string; role: Role; personKey: string; fromDate: string; toDate: string | null };

/** One asset-duty of the matrix on the as-of day. */
export type MatrixCell = {
  targetKind: TargetKind;
  targetId: string;
  dutyKey: string;
  applicable: boolean;
  /** True when an asset's cell shows its model's assignments (it has none of its own for this duty). */
  inherited: boolean;
  holders: CellHolder[];
  /** The worst finding on this cell, or null. */
  severity: Severity | null;
};

export type FindingCounts = Record<Severity, number>;

/** The matrix of one engagement on one day. */
export type OwnershipMatrix = {
  engagementId: string;
  engagementName: string;
  clientId: string;
  clientName: string;
  asOf: string;
  duties: Duty[];
  rows: MatrixRow[];
  cells: MatrixCell[];
  people: MatrixPerson[];
  counts: FindingCounts;
};

/** What a check found, with the sentence that says why. */
export type OwnershipFinding = {
  /** Stable across reads: code, engagement, target, duty, person. */
  key: string;
  code: FindingCode;
  severity: Severity;
  reason: string;
  engagementId: string;
  /** The model the finding is about (directly or through an asset), or null. */
  modelId: string | null;
  targetKind: TargetKind | null;
  targetId: string | null;
  dutyKey: string | null;
  person: PersonRef | null;
  /** A day the finding turns on (a roll-off, the first day of an absence gap), or null. */
  date: string | null;
};

/** A finding with the names a list shows. */
export type OwnershipFindingItem = OwnershipFinding & {
  engagementName: string;
  clientId: string;
  clientName: string;
  targetName: string | null;
  dutyName: string | null;
  personName: string | null;
};

export type FindingsView = { asOf: string; findings: OwnershipFindingItem[]; counts: FindingCounts };

/** One thing a person holds on the as-of day. */
export type Holding = {
  engagementId: string;
  engagementName: string;
  clientName: string;
  targetKind: TargetKind;
  targetId: string;
  targetName: string;
  modelId: string | null;
  dutyKey: string;
  dutyName: string;
  role: Role;
  /** Held through a model's assignment on one of its assets. */
  inherited: boolean;
  assignmentId: string;
  fromDate: string;
  toDate: string | null;
};

/** Everything a person holds, with their single-point-of-failure marks and upcoming roll-offs. */
export type PersonLoad = {
  person: MatrixPerson;
  asOf: string;
  holdings: Holding[];
  /** Asset-duties they are Accountable for (inherited ones count per asset). */
  accountableCount: number;
  spofThreshold: number;
  findings: OwnershipFindingItem[];
  /** Confirmed allocations ending within the horizon on engagements where they hold duties. */
  rollOffs: { engagementId: string; engagementName: string; endDate: string }[];
};

/** One part of a model's continuity score. */
export type RiskContribution = { label: string; points: number };

export type ModelRisk = {
  modelId: string;
  modelName: string;
  riskTier: RiskTier;
  engagementId: string;
  engagementName: string;
  clientId: string;
  clientName: string;
  busFactor: number;
  score: number;
  contributions: RiskContribution[];
};

export type RiskRanking = { asOf: string; models: ModelRisk[] };

/** "Who responds now?": the incident-response Accountable at this instant, else the Backup. */
export type WhoResponds = {
  modelId: string;
  modelName: string;
  at: string;
  /** The client's day at that instant. */
  date: string;
  responder: (MatrixPerson & { role: Role }) | null;
  accountable: MatrixPerson | null;
  backup: MatrixPerson | null;
  /** Why the responder is who it is ("the Accountable is on vacation today"), or why there is nobody. */
  reason: string;
};

/** The matrix as recorded when a month was approved. */
export type OwnershipSnapshot = {
  engagementId: string;
  month: string;
  takenAt: string;
  takenBy: string;
  matrix: OwnershipMatrix;
  findings: OwnershipFindingItem[];
};
export type SnapshotListItem = { engagementId: string; month: string; takenAt: string; takenBy: string; counts: FindingCounts };

export type OwnershipSettings = {
  /** More asset-duties than this with one Accountable is a single point of failure. */
  spofThreshold: number;
  /** Weeks ahead the roll-off and absence checks look (the roll-off radar's horizon). */
  horizonWeeks: number;
  /** Every duty needs a Backup, not only incident response, rollback and those of high or critical models. */
  coverAllDuties: boolean;
};

export type AssignResult = { assignments: Assignment[]; warnings: string[] };
export type OwnershipExport = { fileName: string; base64: string; bytes: number };

export const personRef = z.strictObject({ kind: z.enum(PERSON_KINDS, { error: 'must be a specialist or a contact' }), id });
const target = { targetKind: z.enum(TARGET_KINDS, { error: 'must be a model or an asset' }), targetId: id };
const role = z.enum(ROLES, { error: 'must be Accountable, Responsible, Consulted, Informed or Backup' });
const rowTypes = z.enum(['model', ...ASSET_TYPES]);
const asOf = isoDate.optional();

export const assignInput = z.strictObject({
  ...target,
  dutyKey,
  role,
  person: personRef,
  fromDate: isoDate,
  toDate: isoDate.nullable().default(null),
  note: optionalText(500).default(''),
});

export const matrixInput = z.strictObject({
  engagementId: id,
  /** The day to show (default today). */
  asOf,
  /** Only rows where this person holds a role (`specialist:<id>` or `contact:<id>`). */
  person: z.string().trim().max(60).optional(),
  type: rowTypes.optional(),
});

export const ownershipSettingsInput = z.strictObject({
  spofThreshold: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500'),
  horizonWeeks: z
    .number({ error: 'must be a number of weeks' })
    .int('must be whole weeks')
    .min(1, 'must be at least 1 week')
    .max(52, 'must be at most 52 weeks'),
  coverAllDuties: z.boolean({ error: 'must be true or false' }),
});

export const matrixProcedures = {
  'ownership.matrix': query<OwnershipMatrix>()(
    'The ownership matrix of an engagement as of a day: rows, duties, who holds what, gaps.',
    matrixInput,
  ),
  'ownership.assignments': query<Assignment[]>()(
    'The full effective-dated history of one asset-duty (a model’s own, or an asset’s overrides).',
    z.strictObject({ ...target, dutyKey }),
  ),
  'ownership.assign': command<AssignResult>()(
    'Name a person in a role on a duty of a model (its assets inherit) or of one asset (an override), from a day.',
    assignInput,
  ),
  'ownership.endAssignment': command<Assignment>()(
    'End an assignment on a day (it stays in the history).',
    z.strictObject({ id, toDate: isoDate }),
  ),
  'ownership.removeAssignment': command<{ id: string }>()(
    'Remove an assignment recorded by mistake (audited; to end one that was true, end it instead).',
    z.strictObject({ id }),
  ),
  'ownership.bulkAssign': command<AssignResult>()(
    'Give a person a role on one duty across every model and asset of an engagement (optionally only some row types).',
    z.strictObject({
      engagementId: id,
      dutyKey,
      role,
      person: personRef,
      fromDate: isoDate,
      toDate: isoDate.nullable().default(null),
      types: z.array(rowTypes).max(8).default([]),
    }),
  ),
  'ownership.handover': command<AssignResult>()(
    'Hand everything person A holds (on one engagement, or all) to person B from a day: A’s assignments end the day before, B’s start.',
    z.strictObject({ engagementId: id.optional(), from: personRef, to: personRef, fromDate: isoDate }),
  ),
  'ownership.findings': query<FindingsView>()(
    'What the checks find as of a day, worst first: gaps, single points of failure, roll-offs, absence gaps.',
    z.strictObject({ engagementId: id.optional(), clientId: id.optional(), asOf }),
  ),
  'ownership.personLoad': query<PersonLoad>()(
    'Everything one person holds, their single-point-of-failure marks and roll-offs.',
    z.strictObject({ person: personRef, asOf }),
  ),
  'ownership.risk': query<RiskRanking>()(
    'Continuity risk per model, ranked across clients, each score with its parts.',
    z.strictObject({ clientId: id.optional(), asOf }),
  ),
  'ownership.whoResponds': query<WhoResponds>()(
    'Who responds to an incident on a model at an instant (default now): the incident-response Accountable, else the Backup.',
    z.strictObject({ modelId: id, at: z.iso.datetime({ error: 'must be an ISO-8601 UTC instant' }).optional() }),
  ),
  'ownership.snapshots': query<SnapshotListItem[]>()(
    'The matrices recorded at month approvals of an engagement.',
    z.strictObject({ engagementId: id }),
  ),
  'ownership.snapshot': query<OwnershipSnapshot>()(
    'The matrix recorded when a month was approved (the latest approval); not found when none was recorded.',
    z.strictObject({ engagementId: id, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM') }),
  ),
  'ownership.settings': query<OwnershipSettings>()('The matrix’s thresholds: single point of failure, horizon, cover.', z.strictObject({})),
  'ownership.updateSettings': command<OwnershipSettings>()('Change the matrix’s thresholds.', ownershipSettingsInput),
  'ownership.export': command<OwnershipExport>()(
    'The matrix of an engagement as a workbook: RACI letters with colours and a legend, findings, person load, as of a day.',
    z.strictObject({ engagementId: id, asOf }),
  ),
};
