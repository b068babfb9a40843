import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { MonthModelHours } from '@renderer/features/billing/models/ModelHours';
import type { ModelHoursReport, Result } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

const ENGAGEMENT = '01a20c17-b218-73eb-a076-3693e8bd481b';

const REPORT: ModelHoursReport = {
  from: '2026-10-01',
  to: '2026-10-31',
  activities: ['incident_response', 'retraining'],
  models: [
    {
      modelId: 'm1',
      modelName: 'Retail credit PD scorecard',
      clientName: 'Alpenbank Privatbank AG',
      engagementName: 'Credit risk model operations',
      activities: [
        { activity: 'incident_response', minutes: 45 },
        { activity: 'retraining', minutes: 600 },
      ],
      months: [],
      totalMinutes: 645,
    },
    {
      modelId: 'm2',
      modelName: 'Mortgage affordability model',
      clientName: 'Alpenbank Privatbank AG',
      engagementName: 'Credit risk model operations',
      activities: [{ activity: 'retraining', minutes: 90 }],
      months: [],
      totalMinutes: 90,
    },
  ],
};

function renderMonth(report: ModelHoursReport) {
  const calls: unknown[] = [];
  const client = createClient(async (name: string, input: unknown): Promise<Result<unknown>> => {
    calls.push({ name, input });
    if (name === 'time.byModel') return { ok: true, value: report };
    return { ok: false, error: { code: 'unknown_procedure', message: name } };
  });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MonthModelHours engagementId={ENGAGEMENT} engagementName="Credit risk model operations" month="2026-10" />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
  return calls;
}

describe('MonthModelHours', () => {
  it('asks for the engagement’s month and shows hours per model and activity, with totals', async () => {
    const calls = renderMonth(REPORT);
    const table = await screen.findByRole('table', { name: 'Hours by model on Credit risk model operations in October 2026' });
    expect(calls).toEqual([{ name: 'time.byModel', input: { engagementId: ENGAGEMENT, from: '2026-10-01', to: '2026-10-31' } }]);
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Model', 'Incident response', 'Retraining', 'Total'],
      ['Retail credit PD scorecard', '0:45', '10:00', '10:45'],
      ['Mortgage affordability model', '—', '1:30', '1:30'],
      ['Total', '0:45', '11:30', '12:15'],
    ]);
  });

  it('says so when no hours of the month name a model', async () => {
    renderMonth({ ...REPORT, activities: [], models: [] });
    expect(await screen.findByText('No hours on Credit risk model operations name a model in October 2026.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
