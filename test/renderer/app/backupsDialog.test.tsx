import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { BackupsDialog } from '@renderer/app/BackupsDialog';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import type { BackupFacts, BackupFile } from '@shared/app/contract';
import type { Result } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

const FILES: BackupFile[] = [
  { name: 'keel-20261124T090000-000Z-abc123.db', bytes: 3_400_000, modifiedAt: '2026-11-24T09:00:00.000Z', kind: 'backup' },
  { name: 'pre-migration-v4-20261101T080000Z.db', bytes: 900_000, modifiedAt: '2026-11-01T08:00:00.000Z', kind: 'before an upgrade' },
];
const FACTS: BackupFacts = {
  name: FILES[0]?.name ?? '',
  bytes: 3_400_000,
  schemaVersion: 5,
  currentSchemaVersion: 5,
  holds: [
    { label: 'clients', count: 5 },
    { label: 'specialists', count: 16 },
  ],
  lastChangeAt: '2026-11-24T08:59:00.000Z',
};

afterEach(cleanup);

function renderDialog(answer: (name: string, input: unknown) => Result<unknown>) {
  const transport = vi.fn(async (name: string, input: unknown) => answer(name, input));
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ClientContext.Provider value={createClient(transport)}>
        <BackupsDialog onClose={onClose} />
        <ConfirmHost />
      </ClientContext.Provider>
    </QueryClientProvider>,
  );
  return { transport, onClose };
}

describe('restore from a backup', () => {
  it('checks the chosen backup, shows what it holds, and restores only after a confirmation', async () => {
    const { transport, onClose } = renderDialog((name) => {
      if (name === 'backups.list') return { ok: true, value: FILES };
      if (name === 'backups.inspect') return { ok: true, value: FACTS };
      if (name === 'backups.restore') return { ok: true, value: { restored: FACTS, previousCopy: '/data/backups/pre-restore-x.db' } };
      return { ok: false, error: { code: 'not_found', message: name } };
    });
    const user = userEvent.setup();
    const restore = screen.getByRole('button', { name: 'Restore this backup…' });
    expect((restore as HTMLButtonElement).disabled).toBe(true);
    await user.click(await screen.findByRole('radio', { name: /keel-20261124T090000/ }));
    expect(await screen.findByText(/passed Keel's checks/)).toBeTruthy();
    expect(screen.getByText('16', { exact: false }).closest('li')?.textContent).toBe('16 specialists');
    expect(screen.getByText(/before an upgrade/)).toBeTruthy();

    await user.click(restore);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(transport.mock.calls.some(([n]) => n === 'backups.restore')).toBe(false);

    await user.click(restore);
    await user.click(await screen.findByRole('button', { name: 'Restore this backup' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(transport).toHaveBeenCalledWith('backups.restore', { name: FILES[0]?.name });
  });

  it('says why a backup cannot be restored and keeps the button off', async () => {
    renderDialog((name) => {
      if (name === 'backups.list') return { ok: true, value: FILES };
      return { ok: false, error: { code: 'invalid_input', message: 'keel-20261124T090000-000Z-abc123.db is damaged.' } };
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: /keel-20261124T090000/ }));
    expect(await screen.findByText(/is damaged/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Restore this backup…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('closes on Escape', async () => {
    const { onClose } = renderDialog(() => ({ ok: true, value: FILES }));
    const user = userEvent.setup();
    await screen.findByRole('radio', { name: /keel-20261124T090000/ });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('says so when there is no backup yet', async () => {
    renderDialog(() => ({ ok: true, value: [] }));
    expect(await screen.findByText(/There are no backups yet/)).toBeTruthy();
  });
});
