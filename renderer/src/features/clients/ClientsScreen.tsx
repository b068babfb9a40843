import { useCommand, useProcedure } from '@renderer/api/queries';
import { createListStore, useNav, useToasts } from '@renderer/app/stores';
import { Drawer } from '@renderer/components/Drawer';
import { FilterSelect, ListStatus, ListToolbar, SortHeader } from '@renderer/components/list';
import { RecordHistory } from '@renderer/components/RecordHistory';
import { ArchiveCell, ArchivedNotice, RecordDrawer } from '@renderer/components/records';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { useArchive } from '@renderer/components/useArchive';
import { Badge } from '@renderer/ui/Badge';
import { countryName } from '@shared/kernel/country';
import type { ReferenceData } from '@shared/kernel/reference';
import { format, parseISO } from 'date-fns';
import { ClientEngagements } from './ClientEngagements';
import { ClientForm, clientValues, emptyClient } from './ClientForm';

export const useClientList = createListStore('name', { currency: '' });

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
          <table className="table">
            <thead>
              <tr>
                <SortHeader store={store} field="name">
                  Name
                </SortHeader>
                <SortHeader store={store} field="country">
                  Country
                </SortHeader>
                <SortHeader store={store} field="currency">
                  Currency
                </SortHeader>
                <th>Holiday calendar</th>
                <th className="num">Engagements</th>
                <SortHeader store={store} field="updatedAt">
                  Updated
                </SortHeader>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {list.data?.rows.map((c) => (
                <tr key={c.id} className={`is-clickable${route.recordId === c.id ? ' is-selected' : ''}`} onClick={() => open(c.id)}>
                  <td>
                    <button type="button" className="link" onClick={() => open(c.id)}>
                      {c.name}
                    </button>
                    {c.archivedAt && <Badge tone="neutral">Archived</Badge>}
                  </td>
                  <td>{countryName(c.country)}</td>
                  <td>{c.currency}</td>
                  <td>{reference.holidayCalendars.find((h) => h.value === c.holidayCalendar)?.label ?? c.holidayCalendar}</td>
                  <td className="num">
                    {c.activeEngagementCount} active / {c.engagementCount}
                  </td>
                  <td>{format(parseISO(c.updatedAt), 'd MMM yyyy')}</td>
                  <ArchiveCell
                    archived={Boolean(c.archivedAt)}
                    busy={archive.busy}
                    onArchive={() => archive.archive(c.id, c.name)}
                    onRestore={() => archive.restore(c.id, c.name)}
                  />
                </tr>
              ))}
            </tbody>
          </table>
          {list.data?.total === 0 && (
            <p className="list-empty">No client matches. Clear the search or filters, or show archived clients.</p>
          )}
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
            <RecordHistory entityId={c.id} />
          </>
        ),
      })}
    </RecordDrawer>
  );
}
