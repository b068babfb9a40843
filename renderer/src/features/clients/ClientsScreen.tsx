import { useCommand, useProcedure } from '@renderer/api/queries';
import { Slot } from '@renderer/app/slots';
import { createListStore, useNav, useToasts } from '@renderer/app/stores';
import { instantDay } from '@renderer/components/dates';
import { FilterSelect, ListStatus, ListToolbar, storeSort } from '@renderer/components/list';
import { RecordHistory } from '@renderer/components/RecordHistory';
import { ArchiveButton, ArchivedNotice, RecordDrawer } from '@renderer/components/records';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { useArchive } from '@renderer/components/useArchive';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { ClientListItem } from '@shared/clients/contract/clients';
import { clientListInput } from '@shared/clients/contract/clients';
import { countryName } from '@shared/kernel/country';
import type { ReferenceData } from '@shared/kernel/reference';
import { ClientEngagements } from './ClientEngagements';
import { ClientForm, clientValues, emptyClient } from './ClientForm';

export const useClientList = createListStore('clients', clientListInput, { currency: '' });

export function ClientsScreen({ reference }: { reference: ReferenceData }) {
  const store = useClientList();
  const { route, go } = useNav();
  const list = useProcedure('clients.list', {
    search: store.search || undefined,
    archived: store.archived,
    currency: store.filters.currency || undefined,
    sort: store.sort as 'name',
    direction: store.direction,
  });
  const info = useProcedure('app.info', {});
  const archive = useArchive(['clients.archive', 'clients.restore']);
  const open = (recordId: string | null) => go({ area: 'clients', recordId });
  // Offer the currencies clients actually use — all of them, not just those left after the current filter.
  const allClients = useProcedure('clients.list', { archived: 'all', sort: 'name', direction: 'asc' });
  const usedCurrencies = reference.currencies.filter((c) => allClients.data?.rows.some((r) => r.currency === c.value));
  const emptyDatabase = info.data?.canLoadSample;
  const columns: DataColumn<ClientListItem>[] = [
    {
      id: 'name',
      header: 'Name',
      sortable: true,
      title: (c) => c.name,
      cell: (c) => (
        <>
          <button type="button" className="link" onClick={() => open(c.id)}>
            {c.name}
          </button>
          {c.archivedAt && <Badge tone="neutral">Archived</Badge>}
        </>
      ),
    },
    { id: 'country', header: 'Country', sortable: true, width: 150, cell: (c) => countryName(c.country) },
    { id: 'currency', header: 'Currency', sortable: true, width: 110, cell: (c) => c.currency },
    {
      id: 'holidayCalendar',
      header: 'Holiday calendar',
      width: 190,
      cell: (c) => reference.holidayCalendars.find((h) => h.value === c.holidayCalendar)?.label ?? c.holidayCalendar,
    },
    {
      id: 'engagements',
      header: 'Engagements',
      numeric: true,
      width: 130,
      cell: (c) => `${c.activeEngagementCount} active / ${c.engagementCount}`,
    },
    { id: 'updatedAt', header: 'Updated', sortable: true, width: 130, cell: (c) => instantDay(c.updatedAt) },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      width: 110,
      className: 'row-actions',
      cell: (c) => (
        <ArchiveButton
          archived={Boolean(c.archivedAt)}
          busy={archive.busy}
          onArchive={() => archive.archive(c.id, c.name)}
          onRestore={() => archive.restore(c.id, c.name)}
        />
      ),
    },
  ];

  return (
    <div className="screen">
      <header className="screen__header">
        <div>
          <h1>Clients</h1>
          <p className="screen__lede">The client companies, their currency and the holiday calendar their SLAs count in.</p>
        </div>
        <button type="button" className="button button--primary" title="Shortcut: N" onClick={() => open('new')}>
          New client
        </button>
      </header>
      {emptyDatabase ? (
        <SampleDataOffer what="clients" createLabel="Create the first client" onCreate={() => open('new')} />
      ) : (
        <>
          <ListToolbar store={store} placeholder="Search name, notes, country or currency">
            <FilterSelect
              label="Currencies"
              value={store.filters.currency}
              options={usedCurrencies}
              onChange={(v) => store.setFilter('currency', v)}
            />
          </ListToolbar>
          <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="client" />
          <DataTable
            label="Clients"
            columns={columns}
            rows={list.data?.rows ?? []}
            rowKey={(c) => c.id}
            onOpen={(c) => open(c.id)}
            selectedKey={route.recordId}
            {...storeSort(store)}
            empty={list.data && <EmptyState title="No client matches">Clear the search or filters, or show archived clients.</EmptyState>}
          />
        </>
      )}
      {route.recordId && <ClientDrawer id={route.recordId} reference={reference} onClose={() => open(null)} />}
    </div>
  );
}

function ClientDrawer({ id, reference, onClose }: { id: string; reference: ReferenceData; onClose(): void }) {
  const isNew = id === 'new';
  const client = useProcedure('clients.get', { id }, !isNew);
  const create = useCommand('clients.create');
  const update = useCommand('clients.update');
  const archive = useArchive(['clients.archive', 'clients.restore']);
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);

  if (isNew) {
    return (
      <Drawer title="New client" onClose={onClose}>
        <ClientForm
          key="new"
          initial={emptyClient}
          reference={reference}
          submitLabel="Create client"
          onCancel={onClose}
          onSave={async (values) => {
            const created = await create.mutateAsync(values);
            toast({ tone: 'info', message: `Created ${created.name}.` });
            go({ area: 'clients', recordId: created.id });
          }}
        />
      </Drawer>
    );
  }
  return (
    <RecordDrawer noun="Client" query={client} onClose={onClose}>
      {(c) => ({
        title: c.name,
        body: (
          <>
            {c.archivedAt && (
              <ArchivedNotice archivedAt={c.archivedAt} busy={archive.busy} onRestore={() => archive.restore(c.id, c.name)} />
            )}
            <fieldset className="form-lock" disabled={Boolean(c.archivedAt)}>
              <ClientForm
                key={`${c.id}:${c.updatedAt}`}
                initial={clientValues(c)}
                reference={reference}
                submitLabel="Save changes"
                onCancel={onClose}
                onSave={async (values) => {
                  await update.mutateAsync({ ...values, id: c.id, expectedUpdatedAt: c.updatedAt });
                  toast({ tone: 'info', message: `Saved ${values.name}.` });
                }}
              />
            </fieldset>
            <ClientEngagements clientId={c.id} />
            <Slot name="client.sections" props={{ client: c }} />
            <RecordHistory entityId={c.id} />
          </>
        ),
      })}
    </RecordDrawer>
  );
}
