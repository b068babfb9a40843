// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { pinClock } from '@renderer/app/clock';
import { ModelCardTab } from '@renderer/features/portfolio/ModelCardTab';
import type { ModelCardView, ModelDetail, Result } from '@shared/contract';
import { deriveCard, EMPTY_NARRATIVE } from '@shared/portfolio/rules/card';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
beforeEach(() => pinClock('2026-11-24T09:00:00Z'));

const MODEL = {
  id: '01a20bb9-cb5c-7026-b14e-000000000009',
  clientId: '01a20bb9-cb5c-7026-b14e-000000000001',
  clientName: 'Cascade Mutual Insurance',
  engagementId: null,
  engagementName: null,
  name: 'Claims triage classifier',
  useCase: 'Route first notices of loss.',
  businessOwnerId: '01a20bb9-cb5c-7026-b14e-000000000002',
  businessOwnerName: 'Maria Alvarez',
  outcomeMetric: '',
  outcomeUnit: '',
  outcomeBaseline: null,
  outcomeTarget: null,
  riskTier: 'high',
  aiActCategory: 'high',
  regulatedDomain: 'insurance',
  kind: 'deep_learning',
  serving: 'online',
  dataSources: ['FNOL forms'],
  repositoryLink: '',
  registryLink: '',
  dashboardLink: '',
  runbookLink: '',
  tags: [],
  notes: '',
  inServiceSince: '2026-01-05',
  stage: 'prototype',
  stageSince: '2026-09-01',
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-09-01T10:00:00.000Z',
  daysInStage: 84,
  daysPerStage: { idea: 56, prototype: 84, pilot: 0, production: 0, retired: 0 },
  transitions: [],
} satisfies ModelDetail;

const view = (narrative = EMPTY_NARRATIVE, updatedAt: string | null = null): ModelCardView => ({
  modelId: MODEL.id,
  narrative,
  updatedAt,
  card: deriveCard({
    model: MODEL,
    narrative,
    versions: [
      {
        label: 'v1.0',
        builtByName: 'Ana',
        registeredOn: '2026-06-01',
        trainingData: 'fnol_2024_2025 · sha256:51ab',
        evaluations: [{ metric: 'F1', value: 0.71, dataset: 'holdout 2025' }],
        approvals: [],
      },
    ],
    production: [],
    asOf: '2026-11-24',
  }),
});

function renderWith(answers: Record<string, (input: unknown) => Result<unknown>>) {
  const calls: { name: string; input: unknown }[] = [];
  const client = createClient(async (name, input): Promise<Result<unknown>> => {
    calls.push({ name, input });
    const answer = answers[name];
    return answer ? answer(input) : { ok: false, error: { code: 'not_found', message: `No answer for ${name}.` } };
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        <ModelCardTab model={MODEL} />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
  return calls;
}

describe('the model card tab', () => {
  it('shows the derived card as a document, each incomplete section saying what it lacks', async () => {
    renderWith({ 'models.card': () => ({ ok: true, value: view() }) });
    const card = await screen.findByRole('article', { name: 'Model card of Claims triage classifier' });
    expect(screen.getByText('4 sections incomplete')).toBeTruthy();
    expect(within(card).getByRole('heading', { name: /^Users/ })).toBeTruthy();
    expect(within(card).getByText('Still needs the intended use, the out-of-scope uses.')).toBeTruthy();
    expect(within(card).getByRole('cell', { name: 'fnol_2024_2025 · sha256:51ab' })).toBeTruthy();
    expect(within(card).getByText('Maria Alvarez')).toBeTruthy();
    expect(screen.getByText(/no narrative written yet/)).toBeTruthy();
  });

  it('saves the narrative through the backend with the version it was edited from, and shows a refusal word for word', async () => {
    const refusal =
      'Claims triage classifier’s card was changed by someone else since you opened it. Reload it, then apply your change again.';
    let refuse = true;
    const calls = renderWith({
      'models.card': () => ({ ok: true, value: view() }),
      'models.updateCard': () =>
        refuse
          ? { ok: false, error: { code: 'conflict', message: refusal } }
          : { ok: true, value: view({ ...EMPTY_NARRATIVE, users: 'Claims handlers' }) },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit narrative' }));
    const drawer = screen.getByRole('complementary', { name: 'Model card of Claims triage classifier' });
    await userEvent.type(within(drawer).getByLabelText('Users'), 'Claims handlers');
    await userEvent.click(within(drawer).getByRole('button', { name: 'Save card' }));
    expect(await within(drawer).findByRole('alert')).toHaveProperty('textContent', refusal);
    expect(calls.find((c) => c.name === 'models.updateCard')?.input).toEqual({
      id: MODEL.id,
      ...EMPTY_NARRATIVE,
      users: 'Claims handlers',
      expectedUpdatedAt: null,
    });
    refuse = false;
    await userEvent.click(within(drawer).getByRole('button', { name: 'Save card' }));
    await vi.waitFor(() => expect(screen.queryByRole('complementary')).toBeNull());
  });

  it('in browser mode opens the printable page from a blob: URL for the browser to print', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:keel/printable';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const opened = vi.spyOn(window, 'open').mockImplementation(() => ({ opener: window }) as unknown as Window);
    const html = '<!doctype html><title>Model card – Claims triage classifier</title>';
    const calls = renderWith({
      'models.card': () => ({ ok: true, value: view() }),
      'models.cardPdf': () => ({ ok: true, value: { kind: 'html', fileName: 'model-card.pdf', html } }),
      'models.auditPackPdf': () => ({ ok: true, value: { kind: 'html', fileName: 'audit-pack.pdf', html } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'PDF' }));
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith('blob:keel/printable', '_blank'));
    expect(created[0]?.type).toBe('text/html;charset=utf-8');
    expect(await created[0]?.text()).toBe(html);
    await userEvent.click(screen.getByRole('button', { name: 'Audit pack (PDF)' }));
    await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(2));
    expect(calls.map((c) => c.name)).toEqual(expect.arrayContaining(['models.cardPdf', 'models.auditPackPdf']));
  });
});
