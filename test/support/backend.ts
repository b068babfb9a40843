import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderPdf } from '@backend/core/area';
import { type Backend, createBackend } from '@backend/index';
import type { InputOf, OutputOf, ProcedureName, Result } from '@shared/contract';

export type TestBackend = Backend & {
  dir: string;
  file: string;
  /** Calls a procedure and returns the value, failing the test on an error result. */
  ok<N extends ProcedureName>(name: N, input?: InputOf<N>): Promise<OutputOf<N>>;
  /** Calls a procedure with any input and returns the raw Result. */
  call(name: string, input?: unknown): Promise<Result<unknown>>;
  auditCount(): number;
  dispose(): void;
};

export function tempDir(prefix = 'keel-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real backend on a real SQLite file in a fresh temporary folder, with a controllable clock. */
export function openTestBackend(
  options: { dir?: string; clock?: () => Date; renderPdf?: RenderPdf; background?: boolean } = {},
): TestBackend {
  const dir = options.dir ?? tempDir();
  const file = join(dir, 'keel.db');
  const silent = { error: () => {} };
  const backend = createBackend({
    databasePath: file,
    actor: 'tester',
    mode: 'browser',
    logger: silent,
    background: options.background ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.renderPdf ? { renderPdf: options.renderPdf } : {}),
  });
  return Object.assign(backend, {
    dir,
    file,
    async ok<N extends ProcedureName>(name: N, input?: InputOf<N>): Promise<OutputOf<N>> {
      const result = await backend.dispatch(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as OutputOf<N>;
    },
    call: (name: string, input?: unknown) => backend.dispatch(name, input),
    auditCount: () => (backend.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
    dispose() {
      if (backend.db.open) backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export const validClient = {
  name: 'Helvetic Insurance AG',
  country: 'CH',
  currency: 'CHF',
  holidayCalendar: 'CH-ZH',
  timeZone: '',
  vatBasisPoints: 810,
  notes: 'Tier-1 client',
};

export const validSpecialist = {
  fullName: 'Ana Ionescu',
  role: 'mlops_engineer',
  seniority: 'senior',
  homeCountry: 'RO',
  homeSubdivision: '',
  skills: ['Kubeflow', ' kubeflow ', 'MLflow'],
  startDate: '2026-01-05',
  status: 'active',
  email: 'ana.ionescu@example.com',
} as const;

export function validEngagement(clientId: string) {
  return {
    clientId,
    name: 'Claims model operations',
    currency: 'CHF',
    startDate: '2026-02-01',
    endDate: '2026-12-31',
    status: 'active',
    contractNotes: '',
    slaBusinessDays: 7,
  } as const;
}

/** A second client and an open-ended engagement there: the "other client" of the dedication rule. */
export const otherClient = {
  ...validClient,
  name: 'Nordhafen Logistik GmbH',
  country: 'DE',
  currency: 'EUR',
  holidayCalendar: 'DE-HH',
  vatBasisPoints: 0,
};

export function otherEngagement(clientId: string) {
  return { ...validEngagement(clientId), name: 'Demand forecasting platform', currency: 'EUR', startDate: '2026-01-01', endDate: null };
}

export function validAllocation(specialistId: string, engagementId: string) {
  return {
    specialistId,
    engagementId,
    startDate: '2026-03-02',
    endDate: '2026-06-30',
    loadPercent: 100,
    status: 'confirmed',
    note: '',
  } satisfies InputOf<'allocations.create'>;
}

export function validAbsence(specialistId: string) {
  return {
    specialistId,
    kind: 'vacation',
    startDate: '2026-08-03',
    endDate: '2026-08-07',
    note: 'Summer',
  } satisfies InputOf<'absences.create'>;
}

export function validStaffingRequest(engagementId: string) {
  return {
    engagementId,
    title: 'Senior MLOps engineer — claims models',
    role: 'mlops_engineer',
    seniority: 'senior',
    requiredSkills: ['Kubeflow', ' kubeflow ', 'MLflow'],
    regionPreferences: ['romania', 'poland', 'romania'],
    startDate: '2026-12-01',
    loadPercent: 80,
    notes: '',
  } satisfies InputOf<'staffing.create'>;
}

/** The ids of a loaded sample's records by name (clients, engagements, specialists, models); an unknown name fails the test. */
export async function sampleIds(b: TestBackend): Promise<(name: string) => string> {
  const ids = new Map<string, string>();
  for (const c of (await b.ok('clients.list', {})).rows) ids.set(c.name, c.id);
  for (const e of (await b.ok('engagements.list', {})).rows) ids.set(e.name, e.id);
  for (const s of (await b.ok('specialists.list', {})).rows) ids.set(s.fullName, s.id);
  for (const m of (await b.ok('models.list', {})).rows) ids.set(m.name, m.id);
  return (name) => {
    const found = ids.get(name);
    if (!found) throw new Error(`The sample has no record named ${name}.`);
    return found;
  };
}

/** Calls a procedure that must be refused: returns its message, and checks the audit log (every write) did not grow. */
export async function refusedMessage(b: TestBackend, name: string, input: unknown): Promise<string> {
  const before = b.auditCount();
  const result = await b.call(name, input);
  if (result.ok) throw new Error(`${name} was expected to be refused, and it was not.`);
  if (b.auditCount() !== before) throw new Error(`${name} was refused but wrote to the audit log.`);
  return result.error.message;
}
