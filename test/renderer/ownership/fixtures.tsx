import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import type { EngagementListItem, Result } from '@shared/contract';
import type { Duty } from '@shared/ownership/contract/duties';
import type { MatrixCell, MatrixPerson, MatrixRow, OwnershipMatrix } from '@shared/ownership/contract/matrix';
import { DEFAULT_DUTIES, DEFAULT_DUTY_LABELS } from '@shared/ownership/rules/vocabulary';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';

/** A Keel id (UUIDv7 shape) ending in n. */
export const idOf = (n: number) => `01a20bb9-cb5c-7026-b14e-${String(n).padStart(12, '0')}`;

export const CLIENT_ID = idOf(1);
export const ENGAGEMENT_ID = idOf(2);
export const MODEL_ID = idOf(3);
export const ANA = idOf(10);
export const MIKE = idOf(11);
export const JO = idOf(12);

export const ENGAGEMENT: EngagementListItem = {
  id: ENGAGEMENT_ID,
  clientId: CLIENT_ID,
  clientName: 'Cascade Mutual Insurance',
  name: 'Claims MLOps',
  currency: 'USD',
  startDate: '2026-01-05',
  endDate: null,
  status: 'active',
  slaBusinessDays: 7,
  archivedAt: null,
};

export const DUTIES: Duty[] = DEFAULT_DUTIES.map((key, position) => ({
  key,
  name: DEFAULT_DUTY_LABELS[key],
  custom: false,
  coverRequired: key === 'incident_response' || key === 'rollback',
  retiredOn: null,
  position,
}));

const person = (id: string, name: string, initials: string): MatrixPerson => ({
  key: `specialist:${id}`,
  kind: 'specialist',
  id,
  name,
  initials,
  email: '',
  phone: '',
  title: 'ML engineer',
  inactive: false,
});

export const PEOPLE = [person(ANA, 'Ana Costa', 'AC'), person(MIKE, 'Mike Kowalski', 'MK'), person(JO, 'Jo Lind', 'JL')];

/**
 * A matrix of one model and `assets` assets under it. The model's deployment has A:AC R:MK B:JL; its
 * monitoring nobody (an error); assets inherit, except the first, which overrides deployment with JL and
 * has no training (n/a).
 */
export function matrixOf(assets: number): OwnershipMatrix {
  const rows: MatrixRow[] = [
    {
      kind: 'model',
      id: MODEL_ID,
      name: 'Claims triage classifier',
      type: 'model',
      modelId: MODEL_ID,
      modelIds: [],
      riskTier: 'high',
      stage: 'production',
    },
    ...Array.from(
      { length: assets },
      (_, i): MatrixRow => ({
        kind: 'asset',
        id: idOf(1000 + i),
        name: `Pipeline ${i + 1}`,
        type: 'feature_pipeline',
        modelId: MODEL_ID,
        modelIds: [MODEL_ID],
        riskTier: 'high',
        stage: 'production',
      }),
    ),
  ];
  const cells: MatrixCell[] = rows.flatMap((row, r) =>
    DUTIES.map((duty): MatrixCell => {
      const base = {
        targetKind: row.kind,
        targetId: row.id,
        dutyKey: duty.key,
        applicable: true,
        inherited: row.kind === 'asset',
        severity: null,
      };
      if (r === 1 && duty.key === 'training') return { ...base, applicable: false, inherited: false, holders: [] };
      if (r === 1 && duty.key === 'deployment')
        return {
          ...base,
          inherited: false,
          severity: 'warning',
          holders: [{ assignmentId: 'a9', role: 'accountable', personKey: `specialist:${JO}`, fromDate: '2026-03-01', toDate: null }],
        };
      if (duty.key === 'deployment')
        return {
          ...base,
          holders: [
            { assignmentId: 'a1', role: 'accountable', personKey: `specialist:${ANA}`, fromDate: '2026-02-01', toDate: null },
            { assignmentId: 'a2', role: 'responsible', personKey: `specialist:${MIKE}`, fromDate: '2026-02-01', toDate: null },
            { assignmentId: 'a3', role: 'backup', personKey: `specialist:${JO}`, fromDate: '2026-02-01', toDate: '2026-12-31' },
          ],
        };
      if (duty.key === 'monitoring') return { ...base, severity: 'error', holders: [] };
      return { ...base, holders: [] };
    }),
  );
  return {
    engagementId: ENGAGEMENT_ID,
    engagementName: ENGAGEMENT.name,
    clientId: CLIENT_ID,
    clientName: ENGAGEMENT.clientName,
    asOf: '2026-11-24',
    duties: DUTIES,
    rows,
    cells,
    people: PEOPLE,
    counts: { error: assets + 1, warning: 1, info: 0 },
  };
}

export type Answers = Record<string, (input: unknown) => Result<unknown>>;

/** The lists every ownership screen asks for, answered by default. */
export const BASE_ANSWERS: Answers = {
  'engagements.list': () => ({ ok: true, value: { rows: [ENGAGEMENT], total: 1 } }),
  'app.info': () => ({ ok: true, value: { canLoadSample: false } }),
  'allocations.list': () => ({
    ok: true,
    value: {
      rows: [
        { specialistId: ANA, specialistName: 'Ana Costa', status: 'confirmed' },
        { specialistId: MIKE, specialistName: 'Mike Kowalski', status: 'confirmed' },
      ],
      total: 2,
    },
  }),
  'contacts.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
  'specialists.list': () => ({
    ok: true,
    value: {
      rows: [
        { id: ANA, fullName: 'Ana Costa' },
        { id: MIKE, fullName: 'Mike Kowalski' },
        { id: JO, fullName: 'Jo Lind' },
      ],
      total: 3,
    },
  }),
};

/** Renders with a client that answers from `answers` (then the base lists) and records every call. */
export function renderWith(node: ReactNode, answers: Answers) {
  const calls: { name: string; input: unknown }[] = [];
  const all = { ...BASE_ANSWERS, ...answers };
  const client = createClient(async (name, input): Promise<Result<unknown>> => {
    calls.push({ name, input });
    const answer = all[name];
    return answer ? answer(input) : { ok: false, error: { code: 'internal', message: `No ${name} in this test.` } };
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        {node}
        <ConfirmHost />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
  return calls;
}
