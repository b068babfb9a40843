// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { pinClock } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { AuditPackButton, PortfolioExportButton } from '@renderer/features/portfolio/ExportButtons';
import { PortfolioScreen } from '@renderer/features/portfolio/PortfolioScreen';
import { usePortfolioList } from '@renderer/features/portfolio/portfolioStore';
import type { Result } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const CLIENT_ID = '01a20bb9-cb5c-7026-b14e-000000000001';
const MODEL_ID = '01a20bb9-cb5c-7026-b14e-000000000009';
const FILE = { fileName: 'keel-portfolio-2026-11-24.xlsx', base64: btoa('PK fake'), bytes: 4096 };

let click: ReturnType<typeof vi.spyOn>;
afterEach(cleanup);
beforeEach(() => {
  pinClock('2026-11-24T09:00:00Z');
  useToasts.setState({ toasts: [] });
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:keel'), revokeObjectURL: vi.fn() });
  click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});

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

describe('the portfolio’s workbook buttons', () => {
  it('exports the list as it is filtered, sorted and searched, saves the file and says so', async () => {
    usePortfolioList.getState().setFilter('clientId', CLIENT_ID);
    usePortfolioList.getState().setFilter('stage', 'pilot');
    usePortfolioList.getState().setSearch('claims');
    const calls = renderWith(<PortfolioScreen />, { 'portfolio.export': () => ({ ok: true, value: FILE }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Export workbook' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const input = calls.find((c) => c.name === 'portfolio.export')?.input;
    expect(input).toMatchObject({ clientId: CLIENT_ID, stage: 'pilot', search: 'claims', sort: 'name', direction: 'asc' });
    expect(input).toEqual(calls.find((c) => c.name === 'models.list')?.input);
    expect(useToasts.getState().toasts.map((t) => t.message)).toEqual(['Exported keel-portfolio-2026-11-24.xlsx (4 KiB).']);
  });

  it('shows the backend’s refusal in words and saves nothing', async () => {
    const refusal = `Client ${CLIENT_ID} does not exist.`;
    renderWith(<PortfolioExportButton input={{ clientId: CLIENT_ID, sort: 'name', direction: 'asc' }} />, {
      'portfolio.export': () => ({ ok: false, error: { code: 'not_found', message: refusal } }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Export workbook' }));
    await waitFor(() => expect(useToasts.getState().toasts).toHaveLength(1));
    expect(useToasts.getState().toasts[0]).toMatchObject({ tone: 'error', message: refusal });
    expect(click).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Export workbook' })).toHaveProperty('disabled', false);
  });

  it('downloads one model’s audit pack', async () => {
    const calls = renderWith(<AuditPackButton modelId={MODEL_ID} />, {
      'models.exportAuditPack': () => ({ ok: true, value: { ...FILE, fileName: 'keel-audit-pack-claims-2026-11-24.xlsx' } }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Audit pack (workbook)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([{ name: 'models.exportAuditPack', input: { id: MODEL_ID } }]);
    expect(useToasts.getState().toasts[0]?.message).toBe('Exported keel-audit-pack-claims-2026-11-24.xlsx (4 KiB).');
  });
});
