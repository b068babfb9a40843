import { useCommand, useProcedure } from '@renderer/api/queries';
import { Slot } from '@renderer/app/slots';
import { createListStore, useNav, useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { FilterSelect, ListStatus, ListToolbar, storeSort } from '@renderer/components/list';
import { RecordHistory } from '@renderer/components/RecordHistory';
import { ArchiveButton, ArchivedNotice, RecordDrawer } from '@renderer/components/records';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { useArchive } from '@renderer/components/useArchive';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import { engagementListInput } from '@shared/clients/contract/engagements';
import { ENGAGEMENT_STATUS_LABELS, type EngagementStatus } from '@shared/clients/rules/reference';
import type { ReferenceData } from '@shared/kernel/reference';
import { EngagementForm, emptyEngagement, engagementValues } from './EngagementForm';
import { ENGAGEMENT_STATUS_TONE } from './status';

export const useEngagementList = createListStore('engagements', engagementListInput, { clientId: '', status: '' });

export function EngagementsScreen({ reference }: { reference: ReferenceData }) {
  const store = useEngagementList();
  const { route, go } = useNav();
  const clients = useProcedure('clients.list', { archived: 'all', sort: 'name', direction: 'asc' });
  const list = useProcedure('engagements.list', {
    search: store.search || undefined,
    archived: store.archived,
    clientId: store.filters.clientId || undefined,
    status: (store.filters.status || undefined) as EngagementStatus | undefined,
    sort: store.sort as 'name',
    direction: store.direction,
  });
  const info = useProcedure('app.info', {});
  const archive = useArchive(['engagements.archive', 'engagements.restore']);
  const open = (recordId: string | null) => go({ area: 'engagements', recordId });
  const clientOptions = (clients.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }));

  const columns: DataColumn<EngagementListItem>[] = [
    {
      id: 'name',
      header: 'Engagement',
      sortable: true,
      title: (e) => e.name,
      cell: (e) => (
        <>
          <button type="button" className="link" onClick={() => open(e.id)}>
            {e.name}
          </button>
          {e.archivedAt && <Badge tone="neutral">Archived</Badge>}
        </>
      ),
    },
    { id: 'clientName', header: 'Client', sortable: true, cell: (e) => e.clientName },
    {
      id: 'status',
      header: 'Status',
      sortable: true,
      width: 120,
      cell: (e) => <Badge tone={ENGAGEMENT_STATUS_TONE[e.status]}>{ENGAGEMENT_STATUS_LABELS[e.status]}</Badge>,
      title: (e) => ENGAGEMENT_STATUS_LABELS[e.status],
    },
    { id: 'currency', header: 'Currency', width: 100, cell: (e) => e.currency },
    { id: 'startDate', header: 'Start', sortable: true, width: 125, cell: (e) => day(e.startDate) },
    {
      id: 'endDate',
      header: 'End',
      sortable: true,
      width: 125,
      cell: (e) => (e.endDate ? day(e.endDate) : <span className="muted">open-ended</span>),
      title: (e) => (e.endDate ? day(e.endDate) : 'open-ended'),
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      width: 110,
      className: 'row-actions',
      cell: (e) => (
        <ArchiveButton
          archived={Boolean(e.archivedAt)}
          busy={archive.busy}
          onArchive={() => archive.archive(e.id, e.name)}
          onRestore={() => archive.restore(e.id, e.name)}
        />
      ),
    },
  ];

  return (
    <div className="screen">
      <header className="screen__header">
        <div>
          <h1>Engagements</h1>
          <p className="screen__lede">Dedicated-team contracts: one client, one currency, a start and an optional end.</p>
        </div>
        <button type="button" className="button button--primary" title="Shortcut: N" onClick={() => open('new')}>
          New engagement
        </button>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer what="engagements" createLabel="Create the first engagement" onCreate={() => open('new')} />
      ) : (
        <>
          <ListToolbar store={store} placeholder="Search engagement, client or contract notes">
            <FilterSelect
              label="Clients"
              value={store.filters.clientId}
              options={clientOptions}
              onChange={(v) => store.setFilter('clientId', v)}
            />
            <FilterSelect
              label="Statuses"
              value={store.filters.status}
              options={reference.engagementStatuses}
              onChange={(v) => store.setFilter('status', v)}
            />
          </ListToolbar>
          <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="engagement" />
          <DataTable
            label="Engagements"
            columns={columns}
            rows={list.data?.rows ?? []}
            rowKey={(e) => e.id}
            onOpen={(e) => open(e.id)}
            selectedKey={route.recordId}
            {...storeSort(store)}
            empty={
              list.data && <EmptyState title="No engagement matches">Clear the search or filters, or show archived engagements.</EmptyState>
            }
          />
        </>
      )}
      {route.recordId && clients.data && (
        <EngagementDrawer id={route.recordId} reference={reference} clients={clients.data.rows} onClose={() => open(null)} />
      )}
    </div>
  );
}

type DrawerProps = {
  id: string;
  reference: ReferenceData;
  clients: NonNullable<ReturnType<typeof useProcedure<'clients.list'>>['data']>['rows'];
  onClose(): void;
};

function EngagementDrawer({ id, reference, clients, onClose }: DrawerProps) {
  const isNew = id === 'new';
  const engagement = useProcedure('engagements.get', { id }, !isNew);
  const create = useCommand('engagements.create');
  const update = useCommand('engagements.update');
  const archive = useArchive(['engagements.archive', 'engagements.restore']);
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);

  if (isNew) {
    return (
      <Drawer title="New engagement" onClose={onClose}>
        <EngagementForm
          key="new"
          initial={emptyEngagement}
          reference={reference}
          clients={clients}
          submitLabel="Create engagement"
          onCancel={onClose}
          onSave={async (values) => {
            const created = await create.mutateAsync(values);
            toast({ tone: 'info', message: `Created ${created.name}.` });
            go({ area: 'engagements', recordId: created.id });
          }}
        />
      </Drawer>
    );
  }
  return (
    <RecordDrawer noun="Engagement" query={engagement} onClose={onClose}>
      {(e) => ({
        title: e.name,
        body: (
          <>
            <p className="drawer__sub">{e.clientName}</p>
            {e.archivedAt && (
              <ArchivedNotice archivedAt={e.archivedAt} busy={archive.busy} onRestore={() => archive.restore(e.id, e.name)} />
            )}
            <fieldset className="form-lock" disabled={Boolean(e.archivedAt)}>
              <EngagementForm
                key={`${e.id}:${e.updatedAt}`}
                initial={engagementValues(e)}
                reference={reference}
                clients={clients}
                submitLabel="Save changes"
                onCancel={onClose}
                onSave={async (values) => {
                  await update.mutateAsync({ ...values, id: e.id, expectedUpdatedAt: e.updatedAt });
                  toast({ tone: 'info', message: `Saved ${values.name}.` });
                }}
              />
            </fieldset>
            <Slot name="engagement.sections" props={{ engagement: e }} />
            <RecordHistory entityId={e.id} />
          </>
        ),
      })}
    </RecordDrawer>
  );
}
