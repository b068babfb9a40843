import { useProcedure } from '@renderer/api/queries';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import { Toolbar } from '@renderer/ui/Toolbar';
import type { Holding, OwnershipFindingItem } from '@shared/ownership/contract/matrix';
import { ROLE_LABELS } from '@shared/ownership/rules/vocabulary';
import { useState } from 'react';
import { BulkAssignDrawer, HandoverDrawer } from './BulkActions';
import { AsOfInput, useAsOf, useEngagementChoice } from './controls';
import { FindingsTable, FixDrawer } from './FindingsView';
import { personOf } from './labels';
import { useOwnership } from './ownershipStore';

const HOLDING_COLUMNS: DataColumn<Holding>[] = [
  {
    id: 'engagement',
    header: 'Engagement',
    width: 200,
    sortable: true,
    sortValue: (h) => h.engagementName,
    cell: (h) => h.engagementName,
    title: (h) => `${h.engagementName} — ${h.clientName}`,
  },
  { id: 'row', header: 'Model · asset', width: 230, sortable: true, sortValue: (h) => h.targetName, cell: (h) => h.targetName },
  { id: 'duty', header: 'Duty', width: 170, sortable: true, sortValue: (h) => h.dutyName, cell: (h) => h.dutyName },
  {
    id: 'role',
    header: 'Role',
    width: 120,
    sortable: true,
    sortValue: (h) => h.role,
    cell: (h) => <span className={`own-role own-role--${h.role}`}>{ROLE_LABELS[h.role]}</span>,
    title: (h) => ROLE_LABELS[h.role],
  },
  {
    id: 'inherited',
    header: 'Through',
    width: 120,
    cell: (h) => (h.inherited ? <span className="muted own-italic">its model</span> : 'own'),
    title: (h) => (h.inherited ? 'Held through the model’s assignment' : 'Assigned on this row'),
  },
  { id: 'from', header: 'From', width: 115, sortable: true, sortValue: (h) => h.fromDate, cell: (h) => day(h.fromDate) },
  {
    id: 'to',
    header: 'To',
    width: 115,
    sortable: true,
    sortValue: (h) => h.toDate ?? '9999',
    cell: (h) => (h.toDate ? day(h.toDate) : 'open-ended'),
  },
];

/** One person's load: everything they hold on the day, their single-point-of-failure mark, roll-offs, findings, and the bulk actions. */
export function PeopleView() {
  const store = useOwnership();
  const asOf = useAsOf();
  const { engagementId, engagement } = useEngagementChoice();
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const contacts = useProcedure('contacts.list', { clientId: engagement?.clientId ?? '' }, Boolean(engagement));
  const person = personOf(store.who);
  const load = useProcedure('ownership.personLoad', { person: person ?? { kind: 'specialist', id: '' }, asOf }, person !== null);
  const [action, setAction] = useState<'assign' | 'handover' | null>(null);
  const [fixing, setFixing] = useState<OwnershipFindingItem | null>(null);
  const data = load.data;
  const over = data ? data.accountableCount > data.spofThreshold : false;

  return (
    <section aria-label="People">
      <Toolbar
        actions={
          <>
            <button type="button" className="button" disabled={!engagement} onClick={() => setAction('assign')}>
              Give a duty across the engagement…
            </button>
            <button type="button" className="button" onClick={() => setAction('handover')}>
              Hand everything over…
            </button>
          </>
        }
      >
        <select
          className="toolbar__filter ui-toolbar__filter own-person"
          aria-label="Person"
          value={store.who}
          onChange={(e) => store.set({ who: e.target.value })}
        >
          <option value="">Choose a person…</option>
          <optgroup label="Specialists">
            {(specialists.data?.rows ?? []).map((s) => (
              <option key={s.id} value={`specialist:${s.id}`}>
                {s.fullName}
              </option>
            ))}
          </optgroup>
          {engagement && (contacts.data?.rows.length ?? 0) > 0 && (
            <optgroup label={`Contacts at ${engagement.clientName}`}>
              {(contacts.data?.rows ?? []).map((c) => (
                <option key={c.id} value={`contact:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <AsOfInput />
      </Toolbar>
      {!person && (
        <EmptyState title="Choose a person">
          See everything a specialist or a client contact holds, whether they are a single point of failure, and when they roll off.
        </EmptyState>
      )}
      {load.error && <p className="notice">{load.error.message}</p>}
      {load.isLoading && <p className="list-status">Loading…</p>}
      {data && (
        <>
          <header className="own-person__head">
            <h2>
              <span>
                {data.person.name}
                {data.person.title && <span className="muted">, {data.person.title}</span>}
              </span>
              {data.person.inactive && <Badge tone="neutral">Inactive</Badge>}
            </h2>
            <p>
              {over ? (
                <Badge tone="critical" strong title={`More than ${data.spofThreshold} asset-duties with one Accountable`}>
                  Single point of failure
                </Badge>
              ) : (
                <Badge tone="ok">Within the threshold</Badge>
              )}{' '}
              Accountable for <strong>{data.accountableCount}</strong> asset-{data.accountableCount === 1 ? 'duty' : 'duties'} on{' '}
              {day(data.asOf)} (threshold {data.spofThreshold}) · holds {data.holdings.length}{' '}
              {data.holdings.length === 1 ? 'role' : 'roles'} in all
            </p>
            {data.rollOffs.length > 0 && (
              <ul className="own-rolloffs" aria-label="Upcoming roll-offs">
                {data.rollOffs.map((r) => (
                  <li key={`${r.engagementId}:${r.endDate}`}>
                    <Badge tone="attention">Rolls off</Badge> {r.engagementName} on {day(r.endDate)}
                  </li>
                ))}
              </ul>
            )}
          </header>
          <h3 className="own-subhead">Holds</h3>
          {data.holdings.length === 0 ? (
            <EmptyState title="Holds nothing on this day">Nothing is assigned to this person as of {day(data.asOf)}.</EmptyState>
          ) : (
            <DataTable
              label={`What ${data.person.name} holds`}
              columns={HOLDING_COLUMNS}
              rows={data.holdings}
              rowKey={(h) => `${h.assignmentId}:${h.targetKind}:${h.targetId}:${h.dutyKey}`}
              initialSort={{ id: 'engagement', direction: 'asc' }}
              frame="half"
            />
          )}
          <h3 className="own-subhead">Their findings</h3>
          <FindingsTable findings={data.findings} label={`Findings about ${data.person.name}`} onFix={setFixing} />
        </>
      )}
      {action === 'assign' && engagement && (
        <BulkAssignDrawer engagementId={engagementId} clientId={engagement.clientId} person={store.who} onClose={() => setAction(null)} />
      )}
      {action === 'handover' && (
        <HandoverDrawer engagementId="" clientId={engagement?.clientId} from={store.who} onClose={() => setAction(null)} />
      )}
      {fixing && <FixDrawer finding={fixing} asOf={asOf} onClose={() => setFixing(null)} />}
    </section>
  );
}
