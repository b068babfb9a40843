// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { HistoryTab } from '@renderer/features/portfolio/HistoryTab';
import type { AuditEntry, ModelDetail, Result } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

const MODEL = { id: '01a20bb9-cb5c-7026-b14e-0000000000m1', name: 'Claims triage classifier' } as unknown as ModelDetail;

const entry = (n: number): AuditEntry =>
  ({
    id: `01a20bb9-cb5c-7026-b14e-${String(1000 - n).padStart(12, '0')}`,
    at: '2026-11-24T09:00:00.000Z',
    actor: 'ana',
    entity: 'deployment',
    entityId: MODEL.id,
    label: `Claims triage classifier v${n}: champion in Production`,
    action: 'create',
    before: null,
    after: {},
  }) as AuditEntry;

describe('the model’s History tab', () => {
  it('lists the whole trail newest first and loads older entries a page at a time', async () => {
    const asked: unknown[] = [];
    const client = createClient(async (name, input): Promise<Result<unknown>> => {
      if (name !== 'audit.list') return { ok: true, value: { rows: [], total: 0 } };
      asked.push(input);
      const beforeId = (input as { beforeId?: string }).beforeId;
      return beforeId
        ? { ok: true, value: { rows: [entry(100), entry(101)], hasMore: false } }
        : { ok: true, value: { rows: Array.from({ length: 100 }, (_, i) => entry(i)), hasMore: true } };
    });
    render(
      <ClientContext.Provider value={client}>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <HistoryTab model={MODEL} />
        </QueryClientProvider>
      </ClientContext.Provider>,
    );
    const list = await screen.findByRole('list');
    await within(list).findByText(/Claims triage classifier v0: champion in Production: created by ana/);
    expect(within(list).getAllByRole('listitem')).toHaveLength(101);
    await userEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    await within(list).findByText(/v101: champion in Production/);
    expect(within(list).getAllByRole('listitem')).toHaveLength(102);
    expect(screen.queryByRole('button', { name: 'Show older changes' })).toBeNull();
    expect(asked).toEqual([
      { entityId: MODEL.id, limit: 100 },
      { entityId: MODEL.id, limit: 100, beforeId: entry(99).id },
    ]);
  });
});
