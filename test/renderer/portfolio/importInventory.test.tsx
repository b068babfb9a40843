// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { ImportInventoryDrawer } from '@renderer/features/portfolio/ImportInventory';
import type { InventoryImportResult, Result } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

const CLIENT_ID = '01a20bb9-cb5c-7026-b14e-0000000000c1';
const counts: InventoryImportResult = {
  clientId: CLIENT_ID,
  fileName: 'inventory.csv',
  checkedOnly: true,
  modelsCreated: 3,
  modelsUpdated: 1,
  modelsUnchanged: 0,
  versionsCreated: 2,
  versionsUnchanged: 0,
};

function renderDrawer(answer: (input: { checkOnly: boolean; base64: string }) => Result<unknown>) {
  const calls: { checkOnly: boolean; base64: string }[] = [];
  const client = createClient(async (name, input): Promise<Result<unknown>> => {
    if (name === 'clients.list') return { ok: true, value: { rows: [{ id: CLIENT_ID, name: 'Helvetic Insurance AG' }], total: 1 } };
    if (name === 'models.importInventory') {
      const i = input as { checkOnly: boolean; base64: string };
      calls.push(i);
      return answer(i);
    }
    return { ok: true, value: { rows: [], total: 0 } };
  });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ImportInventoryDrawer initialClientId={CLIENT_ID} onClose={() => {}} />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
  return calls;
}

const file = () => new File(['Name,Risk tier\nChurn,Low\n'], 'inventory.csv', { type: 'text/csv' });

describe('importing an inventory', () => {
  it('checks the chosen file first, says what an import would do, and imports it only when asked', async () => {
    const calls = renderDrawer((i) => ({ ok: true, value: { ...counts, checkedOnly: i.checkOnly } }));
    await screen.findByRole('option', { name: 'Helvetic Insurance AG' });
    await userEvent.upload(screen.getByLabelText('Inventory file'), file());
    expect(await screen.findByText('The file is ready for Helvetic Insurance AG:')).toBeTruthy();
    expect(screen.getByText('3 models to register, 1 model to update, 0 models already as in the file.')).toBeTruthy();
    expect(screen.getByText('2 versions to add, 0 versions already there.')).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.checkOnly).toBe(true);
    expect(atob(calls[0]?.base64 ?? '')).toBe('Name,Risk tier\nChurn,Low\n');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported into Helvetic Insurance AG’s portfolio:')).toBeTruthy();
    expect(calls.map((c) => c.checkOnly)).toEqual([true, false]);
  });

  it('lists every problem of a refused file and offers no import', async () => {
    renderDrawer(() => ({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The file “inventory.csv” has 2 problems; nothing was imported. Fix them and import the file again.',
        issues: [
          { path: 'Models row 3', message: 'Models row 3, Risk tier: “Severe” is not one of: Low, Medium, High, Critical' },
          { path: 'Models row 4', message: 'Models row 4, Runbook: must be an https:// link' },
        ],
      },
    }));
    await screen.findByRole('option', { name: 'Helvetic Insurance AG' });
    await userEvent.upload(screen.getByLabelText('Inventory file'), file());
    const problems = await screen.findByRole('list', { name: 'Problems in the file' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Models row 3, Risk tier: “Severe” is not one of: Low, Medium, High, Critical',
      'Models row 4, Runbook: must be an https:// link',
    ]);
    expect(
      screen.getByText('The file “inventory.csv” has 2 problems; nothing was imported. Fix them and import the file again.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });
});
