// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { pinClock } from '@renderer/app/clock';
import { useNav } from '@renderer/app/stores';
import { ClientPortfolio } from '@renderer/features/portfolio/ClientPortfolio';
import { ModelPage } from '@renderer/features/portfolio/ModelPage';
import { useModelPage } from '@renderer/features/portfolio/portfolioStore';
import type { Client, ClientPortfolio as Facts, ModelDetail, ModelVersion, PolicyView, Result } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

afterEach(cleanup);
beforeEach(() => pinClock('2026-11-24T09:00:00Z'));

const CLIENT: Client = {
  id: '01a20bb9-cb5c-7026-b14e-000000000001',
  name: 'Cascade Mutual Insurance',
  country: 'US',
  currency: 'USD',
  holidayCalendar: 'US-WA',
  timeZone: '',
  vatBasisPoints: 0,
  notes: '',
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const MODEL: ModelDetail = {
  id: '01a20bb9-cb5c-7026-b14e-000000000009',
  clientId: CLIENT.id,
  clientName: CLIENT.name,
  engagementId: null,
  engagementName: null,
  name: 'Claims triage classifier',
  useCase: 'Route first notices of loss.',
  businessOwnerId: null,
  businessOwnerName: 'Maria Alvarez',
  outcomeMetric: 'Days to first contact',
  outcomeUnit: 'days',
  outcomeBaseline: 4.2,
  outcomeTarget: 1.5,
  riskTier: 'high',
  aiActCategory: 'limited',
  regulatedDomain: 'insurance',
  kind: 'deep_learning',
  serving: 'online',
  dataSources: ['FNOL forms'],
  repositoryLink: 'https://git.example.com/claims',
  registryLink: '',
  dashboardLink: '',
  runbookLink: 'https://wiki.example.com/runbook',
  tags: [],
  notes: '',
  inServiceSince: '2026-01-05',
  stage: 'prototype',
  stageSince: '2026-09-01',
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-09-01T10:00:00.000Z',
  daysInStage: 84,
  daysPerStage: { idea: 56, prototype: 175, pilot: 92, production: 0, retired: 0 },
  transitions: [
    {
      id: 't1',
      modelId: 'm',
      fromStage: null,
      toStage: 'idea',
      on: '2026-01-05',
      reason: '',
      actor: 'ana',
      createdAt: '2026-01-05T10:00:00.000Z',
    },
    {
      id: 't2',
      modelId: 'm',
      fromStage: 'idea',
      toStage: 'prototype',
      on: '2026-03-02',
      reason: '',
      actor: 'ana',
      createdAt: '2026-03-02T10:00:00.000Z',
    },
    {
      id: 't3',
      modelId: 'm',
      fromStage: 'prototype',
      toStage: 'pilot',
      on: '2026-06-01',
      reason: '',
      actor: 'ana',
      createdAt: '2026-06-01T10:00:00.000Z',
    },
    {
      id: 't4',
      modelId: 'm',
      fromStage: 'pilot',
      toStage: 'prototype',
      on: '2026-09-01',
      reason: 'Uplift below target',
      actor: 'bo',
      createdAt: '2026-09-01T10:00:00.000Z',
    },
  ],
};

const FACTS: Facts = {
  clientId: CLIENT.id,
  today: '2026-11-24',
  graveyardDays: 90,
  funnel: { idea: 2, prototype: 3, pilot: 1, production: 0, retired: 1 },
  graveyard: [
    {
      id: 'g1',
      clientId: CLIENT.id,
      clientName: CLIENT.name,
      engagementId: null,
      engagementName: null,
      name: 'Claims fraud anomaly detector',
      stage: 'prototype',
      stageSince: '2026-03-02',
      daysInStage: 267,
      riskTier: 'high',
      aiActCategory: 'limited',
      kind: 'classical_ml',
      updatedAt: '2026-03-02T10:00:00.000Z',
      championLabel: null,
      championSince: null,
      lastActivityAt: '2026-10-01T10:00:00.000Z',
    },
  ],
  graveyardOldestDays: 267,
  productionLast12Months: 0,
  productionLackingEvidence: [
    {
      modelId: 'c1',
      name: 'Credit limit scorer',
      riskTier: 'critical',
      championLabel: 'v7',
      missing: ['an explainability report', 'an access review'],
    },
  ],
};

const POLICY = {
  clientId: CLIENT.id,
  version: 0,
  createdAt: null,
  createdBy: null,
  history: [],
  policy: {
    name: 'Keel default promotion policy',
    evidence: {
      riskTier: { low: ['approval'], medium: ['approval'], high: ['independent_approval'], critical: ['independent_approval'] },
      aiActCategory: { minimal: [], limited: [], high: ['fairness_test'], prohibited: [] },
    },
  },
} satisfies PolicyView;

function renderWith(node: ReactNode, answers: Record<string, (input: unknown) => Result<unknown>>) {
  const calls: { name: string; input: unknown }[] = [];
  const client = createClient(async (name, input): Promise<Result<unknown>> => {
    calls.push({ name, input });
    const answer = answers[name];
    return answer ? answer(input) : { ok: true, value: { rows: [], total: 0 } };
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{node}</QueryClientProvider>
    </ClientContext.Provider>,
  );
  return calls;
}

describe('the model page', () => {
  it('shows what the model is, with its links, and its stage history with the days per stage', async () => {
    useModelPage.setState({ tab: 'overview' });
    renderWith(<ModelPage id={MODEL.id} onBack={() => {}} />, { 'models.get': () => ({ ok: true, value: MODEL }) });
    expect(await screen.findByRole('heading', { name: 'Claims triage classifier' })).toBeTruthy();
    expect(screen.getByText('Prototype')).toBeTruthy();
    expect(screen.getByText(/^since 1 Sept? 2026 \(84 days\)$/)).toBeTruthy();
    expect(screen.getByText('Days to first contact (days): from 4.2 to 1.5')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Repository' }).getAttribute('href')).toBe('https://git.example.com/claims');
    expect(screen.getByRole('link', { name: 'Runbook' })).toBeTruthy();

    await userEvent.click(screen.getByRole('tab', { name: 'Stage history' }));
    expect(useModelPage.getState().tab).toBe('stages');
    expect(screen.getByText('175 days')).toBeTruthy();
    expect(screen.getByText('Uplift below target')).toBeTruthy();
    expect(screen.getByText('Registered as Idea', { exact: false })).toBeTruthy();
  });

  it('moves the stage through the backend and shows its refusal word for word', async () => {
    useModelPage.setState({ tab: 'stages' });
    const refusal = 'Moving Claims triage classifier back from Prototype to Idea needs a reason.';
    const calls = renderWith(<ModelPage id={MODEL.id} onBack={() => {}} />, {
      'models.get': () => ({ ok: true, value: MODEL }),
      'models.moveStage': () => ({ ok: false, error: { code: 'conflict', message: refusal } }),
    });
    const form = (await screen.findByRole('heading', { name: 'Move to another stage' })).closest('form') as HTMLFormElement;
    await userEvent.selectOptions(within(form).getByLabelText('New stage'), 'idea');
    await userEvent.click(within(form).getByRole('button', { name: 'Move stage' }));
    expect(await within(form).findByRole('alert')).toHaveProperty('textContent', refusal);
    expect(calls.find((c) => c.name === 'models.moveStage')?.input).toMatchObject({
      id: MODEL.id,
      to: 'idea',
      on: '2026-11-24',
      reason: '',
    });
  });
});

describe('the versions tab', () => {
  it('shows each version with what the policy still asks, and a refused decision word for word', async () => {
    useModelPage.setState({ tab: 'versions' });
    const refusal =
      'Ana Ionescu built version v1.0 of Claims triage classifier; the promotion policy asks for an independent approver for this model (High risk, Limited risk).';
    const version: ModelVersion = {
      id: '01a20bb9-cb5c-7026-b14e-0000000000a1',
      modelId: MODEL.id,
      label: 'v1.0',
      builtBy: { kind: 'specialist', id: '01a20bb9-cb5c-7026-b14e-0000000000b1' },
      builtByName: 'Ana Ionescu',
      registeredOn: '2026-06-01',
      trainingData: 'claims_2024_2026 · sha256:9f2c',
      evaluations: [{ metric: 'F1', value: 0.77, dataset: 'holdout' }],
      evidence: [],
      notes: '',
      createdAt: '2026-06-01T10:00:00.000Z',
      approvals: [],
      missing: ['independent_approval', 'explainability_report'],
    };
    const calls = renderWith(<ModelPage id={MODEL.id} onBack={() => {}} />, {
      'models.get': () => ({ ok: true, value: MODEL }),
      'versions.list': () => ({
        ok: true,
        value: { modelId: MODEL.id, policyVersion: 0, required: ['independent_approval', 'explainability_report'], versions: [version] },
      }),
      'specialists.list': () => ({
        ok: true,
        value: { rows: [{ id: '01a20bb9-cb5c-7026-b14e-0000000000b1', fullName: 'Ana Ionescu' }], total: 1 },
      }),
      'approvals.create': () => ({ ok: false, error: { code: 'conflict', message: refusal } }),
    });
    const card = await screen.findByRole('listitem', { name: 'Version v1.0' });
    expect(within(card).getByText('Lacks 2 pieces of evidence')).toBeTruthy();
    expect(
      within(card).getByText(
        'Still needs an independent approval (the approver is not the person who built the version); an explainability report.',
      ),
    ).toBeTruthy();
    expect(within(card).getByText('F1 = 0.77 on holdout')).toBeTruthy();
    await userEvent.click(within(card).getByRole('button', { name: 'Record a decision' }));
    const form = within(card).getByRole('heading', { name: 'Decision on v1.0' }).closest('form') as HTMLFormElement;
    await userEvent.selectOptions(within(form).getByLabelText('Approver'), `specialist:${'01a20bb9-cb5c-7026-b14e-0000000000b1'}`);
    await userEvent.selectOptions(within(form).getByLabelText('Decision'), 'approved');
    await userEvent.click(within(form).getByRole('button', { name: 'Record decision' }));
    await within(form).findByText(refusal);
    expect(calls.find((c) => c.name === 'approvals.create')?.input).toMatchObject({
      versionId: version.id,
      approver: { kind: 'specialist', id: '01a20bb9-cb5c-7026-b14e-0000000000b1' },
      decision: 'approved',
      decidedOn: '2026-11-24',
    });
  });
});

describe('the client page’s portfolio', () => {
  it('lists the contacts, the stage funnel and the graveyard, each graveyard model opening its page', async () => {
    renderWith(<ClientPortfolio client={CLIENT} />, {
      'contacts.list': () => ({
        ok: true,
        value: {
          rows: [
            {
              id: 'p1',
              clientId: CLIENT.id,
              name: 'Maria Alvarez',
              title: 'Director of Claims',
              email: 'maria@example.com',
              phone: '',
              notes: '',
              createdAt: '',
              updatedAt: '',
            },
          ],
          total: 1,
        },
      }),
      'portfolio.client': () => ({ ok: true, value: FACTS }),
      'policy.get': () => ({ ok: true, value: POLICY }),
    });
    expect(await screen.findByText('Maria Alvarez')).toBeTruthy();
    const funnel = await screen.findByRole('list', { name: 'Stage funnel' });
    expect(
      within(funnel)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Idea2', 'Prototype3', 'Pilot1', 'Production0', 'Retired1']);
    expect(screen.getByText('7 models · 0 in production during the last 12 months ·', { exact: false })).toBeTruthy();
    expect(screen.getByText('Models in prototype or pilot for more than 90 days: 1, the oldest waiting 267 days.')).toBeTruthy();
    expect(screen.getByText('champion v7 lacks an explainability report and an access review', { exact: false })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Credit limit scorer' }));
    expect(useNav.getState().route).toMatchObject({ area: 'portfolio', recordId: 'c1' });
    await userEvent.click(screen.getByRole('button', { name: 'Claims fraud anomaly detector' }));
    expect(useNav.getState().route).toMatchObject({ area: 'portfolio', recordId: 'g1' });
  });

  it('shows the promotion policy and saves a change as a new version of the whole policy', async () => {
    const calls = renderWith(<ClientPortfolio client={CLIENT} />, {
      'portfolio.client': () => ({ ok: true, value: FACTS }),
      'policy.get': () => ({ ok: true, value: POLICY }),
      'policy.update': () => ({ ok: true, value: { ...POLICY, version: 1 } }),
    });
    await screen.findByText('Keel’s default: the client has no policy of its own.', { exact: false });
    const row = screen.getByRole('rowheader', { name: 'EU AI Act: High risk' }).closest('tr') as HTMLElement;
    expect(row.textContent).toBe('EU AI Act: High riskfairness / bias test');
    await userEvent.click(screen.getByRole('button', { name: 'Change the policy' }));
    const limited = screen.getByRole('group', { name: 'EU AI Act: Limited risk' });
    await userEvent.click(within(limited).getByLabelText('Explainability report'));
    await userEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    await screen.findByRole('button', { name: 'Change the policy' });
    expect(calls.find((c) => c.name === 'policy.update')?.input).toEqual({
      clientId: CLIENT.id,
      policy: {
        name: 'Client promotion policy',
        evidence: {
          ...POLICY.policy.evidence,
          aiActCategory: { ...POLICY.policy.evidence.aiActCategory, limited: ['explainability_report'] },
        },
      },
    });
  });

  it('adds a contact through the backend, the refusal shown on the form', async () => {
    const calls = renderWith(<ClientPortfolio client={CLIENT} />, {
      'contacts.create': () => ({
        ok: false,
        error: {
          code: 'conflict',
          message: 'Cascade Mutual Insurance already has a contact named “Maria Alvarez”.',
          issues: [{ path: 'name', message: 'is already used by another contact at this client' }],
        },
      }),
      'portfolio.client': () => ({ ok: true, value: FACTS }),
      'policy.get': () => ({ ok: true, value: POLICY }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add a contact' }));
    const form = screen.getByRole('heading', { name: 'New contact' }).closest('form') as HTMLFormElement;
    await userEvent.type(within(form).getByLabelText('Name'), 'Maria Alvarez');
    await userEvent.click(within(form).getByRole('button', { name: 'Add contact' }));
    const alerts = await within(form).findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      'Name is already used by another contact at this client',
      'Cascade Mutual Insurance already has a contact named “Maria Alvarez”.',
    ]);
    expect(calls.find((c) => c.name === 'contacts.create')?.input).toEqual({
      clientId: CLIENT.id,
      name: 'Maria Alvarez',
      title: '',
      email: '',
      phone: '',
      notes: '',
    });
  });
});
