import type { Duty } from '@shared/ownership/contract/duties';
import type { Assignment, MatrixPerson } from '@shared/ownership/contract/matrix';
import type { AllocationSpan, EngagementFacts, FactRow } from '@shared/ownership/rules/facts';
import { mergeApplicability } from '@shared/ownership/rules/resolve';
import {
  ALWAYS_COVERED,
  type AssetType,
  DEFAULT_DUTIES,
  DEFAULT_DUTY_LABELS,
  DEFAULT_SPOF_THRESHOLD,
  type Role,
} from '@shared/ownership/rules/vocabulary';

/**
 * A small engagement to check the ownership rules on, every date a literal (Tuesday 1 Dec 2026):
 * Churn model (medium risk, in production) with three assets under it, Ana Costa Accountable,
 * Ben Ode Responsible and Dev Rao Backup on every duty of the model, all three allocated all year.
 * It is clean: the checks find nothing until a test breaks something.
 */
export const AS_OF = '2026-12-01';
export const ENGAGEMENT = 'eng-1';

export const ANA = 'specialist:ana';
export const BEN = 'specialist:ben';
export const DEV = 'specialist:dev';
export const CLEO = 'contact:cleo';

export const duties = (): Duty[] =>
  DEFAULT_DUTIES.map((key, i) => ({
    key,
    name: DEFAULT_DUTY_LABELS[key],
    custom: false,
    coverRequired: ALWAYS_COVERED.includes(key),
    retiredOn: null,
    position: i,
  }));

export const customDuty = (over: Partial<Duty> = {}): Duty => ({
  key: 'custom-1',
  name: 'Model card upkeep',
  custom: true,
  coverRequired: false,
  retiredOn: null,
  position: 8,
  ...over,
});

export const model = (id: string, name: string, over: Partial<FactRow> = {}): FactRow => ({
  kind: 'model',
  id,
  name,
  type: 'model',
  modelId: id,
  modelIds: [],
  riskTier: 'medium',
  stage: 'production',
  inServiceFrom: '2025-01-01',
  inServiceTo: null,
  ...over,
});

export const asset = (id: string, name: string, type: AssetType, modelIds: string[], over: Partial<FactRow> = {}): FactRow => ({
  kind: 'asset',
  id,
  name,
  type,
  modelId: modelIds[0] ?? null,
  modelIds,
  riskTier: 'medium',
  stage: null,
  inServiceFrom: '2025-01-01',
  inServiceTo: null,
  ...over,
});

export const CHURN = model('m1', 'Churn model');
export const FEATURES = asset('a1', 'Feature store', 'feature_pipeline', ['m1']);
export const DASHBOARD = asset('a2', 'Churn dashboard', 'dashboard', ['m1']);
export const ENDPOINT = asset('a3', 'Scoring endpoint', 'serving_endpoint', ['m1']);

export const person = (key: string, name: string, over: Partial<MatrixPerson> = {}): MatrixPerson => {
  const [kind, id] = key.split(':') as ['specialist' | 'contact', string];
  return { key, kind, id, name, initials: name.slice(0, 2).toUpperCase(), email: '', phone: '', title: '', inactive: false, ...over };
};

export const PEOPLE = (): Map<string, MatrixPerson> =>
  new Map([
    [ANA, person(ANA, 'Ana Costa')],
    [BEN, person(BEN, 'Ben Ode')],
    [DEV, person(DEV, 'Dev Rao')],
    [CLEO, person(CLEO, 'Cleo Diaz')],
  ]);

export const span = (startDate: string, endDate: string, status: AllocationSpan['status'] = 'confirmed'): AllocationSpan => ({
  startDate,
  endDate,
  status,
});

let seq = 0;
/** An assignment on a row; ids count up so a test can tell them apart. */
export const assign = (
  target: Pick<FactRow, 'kind' | 'id'>,
  dutyKey: string,
  role: Role,
  key: string,
  fromDate = '2026-01-01',
  toDate: string | null = null,
): Assignment => {
  const [personKind, personId] = key.split(':') as ['specialist' | 'contact', string];
  seq += 1;
  return {
    id: `as-${String(seq).padStart(4, '0')}`,
    engagementId: ENGAGEMENT,
    targetKind: target.kind,
    targetId: target.id,
    dutyKey,
    role,
    personKind,
    personId,
    fromDate,
    toDate,
    note: '',
    createdAt: '2026-01-01T09:00:00Z',
  };
};

/** Ana Accountable, Ben Responsible, Dev Backup on every default duty of a row. */
export const staffed = (target: Pick<FactRow, 'kind' | 'id'>, a = ANA, r = BEN, b = DEV): Assignment[] =>
  DEFAULT_DUTIES.flatMap((key) => [
    assign(target, key, 'accountable', a),
    assign(target, key, 'responsible', r),
    assign(target, key, 'backup', b),
  ]);

/** The clean engagement, with whatever a test changes. */
export const facts = (over: Partial<EngagementFacts> = {}): EngagementFacts => ({
  engagementId: ENGAGEMENT,
  asOf: AS_OF,
  duties: duties(),
  notApplicable: mergeApplicability([]),
  rows: [CHURN, FEATURES, DASHBOARD, ENDPOINT],
  assignments: staffed(CHURN),
  people: PEOPLE(),
  allocations: new Map([
    [ANA, [span('2026-01-01', '2027-12-31')]],
    [BEN, [span('2026-01-01', '2027-12-31')]],
    [DEV, [span('2026-01-01', '2027-12-31')]],
  ]),
  awayDays: new Map(),
  settings: { spofThreshold: DEFAULT_SPOF_THRESHOLD, horizonWeeks: 6, coverAllDuties: false },
  ...over,
});

/** The assignments with those on one cell and role taken out. */
export const without = (list: readonly Assignment[], targetId: string, dutyKey: string, role: Role): Assignment[] =>
  list.filter((a) => !(a.targetId === targetId && a.dutyKey === dutyKey && a.role === role));
