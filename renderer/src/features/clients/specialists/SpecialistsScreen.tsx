import { useCommand, useProcedure } from '@renderer/api/queries';
import { Slot } from '@renderer/app/slots';
import { createListStore, useNav, useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { FilterSelect, ListStatus, ListToolbar, storeSort } from '@renderer/components/list';
import { RecordHistory } from '@renderer/components/RecordHistory';
import { ArchiveButton, ArchivedNotice, RecordDrawer } from '@renderer/components/records';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { useArchive } from '@renderer/components/useArchive';
import { Badge, type StatusTone } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { Specialist } from '@shared/clients/contract/specialists';
import { specialistListInput } from '@shared/clients/contract/specialists';
import {
  ROLE_LABELS,
  SENIORITY_LABELS,
  SPECIALIST_STATUS_LABELS,
  type SpecialistRole,
  type SpecialistStatus,
} from '@shared/clients/rules/reference';
import { SOURCING_REGION_LABELS, type SourcingRegion } from '@shared/clients/rules/sourcingRegion';
import { countryName } from '@shared/kernel/country';
import type { ReferenceData } from '@shared/kernel/reference';
import { emptySpecialist, SpecialistForm, specialistValues } from './SpecialistForm';

export const useSpecialistList = createListStore('specialists', specialistListInput, { role: '', status: '', sourcingRegion: '' });

const STATUS_TONE: Record<SpecialistStatus, StatusTone> = { active: 'ok', bench: 'info', leaving: 'attention', left: 'neutral' };

export function SpecialistsScreen({ reference }: { reference: ReferenceData }) {
  const store = useSpecialistList();
  const { route, go } = useNav();
  const list = useProcedure('specialists.list', {
    search: store.search || undefined,
    archived: store.archived,
    role: (store.filters.role || undefined) as SpecialistRole | undefined,
    status: (store.filters.status || undefined) as SpecialistStatus | undefined,
    sourcingRegion: (store.filters.sourcingRegion || undefined) as SourcingRegion | undefined,
    sort: store.sort as 'fullName',
    direction: store.direction,
  });
  const info = useProcedure('app.info', {});
  const archive = useArchive(['specialists.archive', 'specialists.restore']);
  const open = (recordId: string | null) => go({ area: 'specialists', recordId });

  const columns: DataColumn<Specialist>[] = [
    {
      id: 'fullName',
      header: 'Name',
      sortable: true,
      title: (s) => `${s.fullName}\n${s.email}`,
      cell: (s) => (
        <>
          <button type="button" className="link" onClick={() => open(s.id)}>
            {s.fullName}
          </button>
          {s.archivedAt && <Badge tone="neutral">Archived</Badge>}
          <div className="cell-sub">{s.email}</div>
        </>
      ),
    },
    { id: 'role', header: 'Role', sortable: true, width: 170, cell: (s) => ROLE_LABELS[s.role] },
    { id: 'seniority', header: 'Seniority', sortable: true, width: 110, cell: (s) => SENIORITY_LABELS[s.seniority] },
    {
      id: 'sourcingRegion',
      header: 'Region',
      sortable: true,
      width: 150,
      title: (s) => `${SOURCING_REGION_LABELS[s.sourcingRegion]}, ${countryName(s.homeCountry)}`,
      cell: (s) => (
        <>
          {SOURCING_REGION_LABELS[s.sourcingRegion]}
          <div className="cell-sub">{countryName(s.homeCountry)}</div>
        </>
      ),
    },
    {
      id: 'skills',
      header: 'Skills',
      title: (s) => s.skills.join(', '),
      cell: (s) => (
        <div className="tags">
          {s.skills.slice(0, 4).map((k) => (
            <span key={k} className="tag">
              {k}
            </span>
          ))}
          {s.skills.length > 4 && <span className="tag tag--more">+{s.skills.length - 4}</span>}
        </div>
      ),
    },
    {
      id: 'startDate',
      header: 'Joins',
      sortable: true,
      width: 110,
      title: (s) => `${s.fullName} joins on ${day(s.startDate)}: nothing can be planned, taken off or billed before it`,
      cell: (s) => day(s.startDate),
    },
    {
      id: 'status',
      header: 'Status',
      sortable: true,
      width: 110,
      title: (s) => SPECIALIST_STATUS_LABELS[s.status],
      cell: (s) => <Badge tone={STATUS_TONE[s.status]}>{SPECIALIST_STATUS_LABELS[s.status]}</Badge>,
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      width: 110,
      className: 'row-actions',
      cell: (s) => (
        <ArchiveButton
          archived={Boolean(s.archivedAt)}
          busy={archive.busy}
          onArchive={() => archive.archive(s.id, s.fullName)}
          onRestore={() => archive.restore(s.id, s.fullName)}
        />
      ),
    },
  ];

  return (
    <div className="screen">
      <header className="screen__header">
        <div>
          <h1>Specialists</h1>
          <p className="screen__lede">The people Keel places: role, seniority, home region and skills.</p>
        </div>
        <button type="button" className="button button--primary" title="Shortcut: N" onClick={() => open('new')}>
          New specialist
        </button>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer what="specialists" createLabel="Create the first specialist" onCreate={() => open('new')} />
      ) : (
        <>
          <ListToolbar store={store} placeholder="Search name, email or skill">
            <FilterSelect label="Roles" value={store.filters.role} options={reference.roles} onChange={(v) => store.setFilter('role', v)} />
            <FilterSelect
              label="Regions"
              value={store.filters.sourcingRegion}
              options={reference.sourcingRegions}
              onChange={(v) => store.setFilter('sourcingRegion', v)}
            />
            <FilterSelect
              label="Statuses"
              value={store.filters.status}
              options={reference.specialistStatuses}
              onChange={(v) => store.setFilter('status', v)}
            />
          </ListToolbar>
          <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="specialist" />
          <DataTable
            label="Specialists"
            columns={columns}
            rows={list.data?.rows ?? []}
            rowKey={(s) => s.id}
            onOpen={(s) => open(s.id)}
            selectedKey={route.recordId}
            rowHeight={58}
            {...storeSort(store)}
            empty={
              list.data && <EmptyState title="No specialist matches">Clear the search or filters, or show archived specialists.</EmptyState>
            }
          />
        </>
      )}
      {route.recordId && <SpecialistDrawer id={route.recordId} reference={reference} onClose={() => open(null)} />}
    </div>
  );
}

function SpecialistDrawer({ id, reference, onClose }: { id: string; reference: ReferenceData; onClose(): void }) {
  const isNew = id === 'new';
  const specialist = useProcedure('specialists.get', { id }, !isNew);
  const create = useCommand('specialists.create');
  const update = useCommand('specialists.update');
  const archive = useArchive(['specialists.archive', 'specialists.restore']);
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);

  if (isNew) {
    return (
      <Drawer title="New specialist" onClose={onClose}>
        <SpecialistForm
          key="new"
          initial={emptySpecialist}
          reference={reference}
          submitLabel="Add specialist"
          onCancel={onClose}
          onSave={async (values) => {
            const created = await create.mutateAsync(values);
            toast({ tone: 'info', message: `Added ${created.fullName}.` });
            go({ area: 'specialists', recordId: created.id });
          }}
        />
      </Drawer>
    );
  }
  return (
    <RecordDrawer noun="Specialist" query={specialist} onClose={onClose}>
      {(s) => ({
        title: s.fullName,
        body: (
          <>
            <p className="drawer__sub">
              {ROLE_LABELS[s.role]} · {SOURCING_REGION_LABELS[s.sourcingRegion]}
            </p>
            {s.archivedAt && (
              <ArchivedNotice archivedAt={s.archivedAt} busy={archive.busy} onRestore={() => archive.restore(s.id, s.fullName)} />
            )}
            <fieldset className="form-lock" disabled={Boolean(s.archivedAt)}>
              <SpecialistForm
                key={`${s.id}:${s.updatedAt}`}
                initial={specialistValues(s)}
                reference={reference}
                submitLabel="Save changes"
                onCancel={onClose}
                onSave={async (values) => {
                  await update.mutateAsync({
                    ...values,
                    id: s.id,
                    expectedUpdatedAt: s.updatedAt,
                  });
                  toast({ tone: 'info', message: `Saved ${values.fullName}.` });
                }}
              />
            </fieldset>
            <Slot name="specialist.sections" props={{ specialist: s }} />
            <RecordHistory entityId={s.id} />
          </>
        ),
      })}
    </RecordDrawer>
  );
}
