import { useCommand, useProcedure } from '@renderer/api/queries';
import { Slot } from '@renderer/app/slots';
import { createListStore, useNav, useToasts } from '@renderer/app/stores';
import { Drawer } from '@renderer/components/Drawer';
import { day } from '@renderer/components/dates';
import { FilterSelect, ListStatus, ListToolbar, SortHeader } from '@renderer/components/list';
import { RecordHistory } from '@renderer/components/RecordHistory';
import { ArchiveCell, ArchivedNotice, RecordDrawer } from '@renderer/components/records';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { useArchive } from '@renderer/components/useArchive';
import { Badge } from '@renderer/ui/Badge';
import { ENGAGEMENT_STATUS_LABELS, type EngagementStatus } from '@shared/clients/rules/reference';
import type { ReferenceData } from '@shared/kernel/reference';
import { EngagementForm, emptyEngagement, engagementValues } from './EngagementForm';
import { ENGAGEMENT_STATUS_TONE } from './status';

export const useEngagementList = createListStore('startDate', { clientId: '', status: '' });

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
          <table className="table">
            <thead>
              <tr>
                <SortHeader store={store} field="name">
                  Engagement
                </SortHeader>
                <SortHeader store={store} field="clientName">
                  Client
                </SortHeader>
                <SortHeader store={store} field="status">
                  Status
                </SortHeader>
                <th>Currency</th>
                <SortHeader store={store} field="startDate">
                  Start
                </SortHeader>
                <SortHeader store={store} field="endDate">
                  End
                </SortHeader>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {list.data?.rows.map((e) => (
                <tr key={e.id} className={`is-clickable${route.recordId === e.id ? ' is-selected' : ''}`} onClick={() => open(e.id)}>
                  <td>
                    <button type="button" className="link" onClick={() => open(e.id)}>
                      {e.name}
                    </button>
                    {e.archivedAt && <Badge tone="neutral">Archived</Badge>}
                  </td>
                  <td>{e.clientName}</td>
                  <td>
                    <Badge tone={ENGAGEMENT_STATUS_TONE[e.status]}>{ENGAGEMENT_STATUS_LABELS[e.status]}</Badge>
                  </td>
                  <td>{e.currency}</td>
                  <td>{day(e.startDate)}</td>
                  <td>{e.endDate ? day(e.endDate) : <span className="muted">open-ended</span>}</td>
                  <ArchiveCell
                    archived={Boolean(e.archivedAt)}
                    busy={archive.busy}
                    onArchive={() => archive.archive(e.id, e.name)}
                    onRestore={() => archive.restore(e.id, e.name)}
                  />
                </tr>
              ))}
            </tbody>
          </table>
          {list.data?.total === 0 && (
            <p className="list-empty">No engagement matches. Clear the search or filters, or show archived engagements.</p>
          )}
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
