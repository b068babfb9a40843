import { useCommand, useProcedure } from '@renderer/api/queries';
import { Slot } from '@renderer/app/slots';
import { useNav, useToasts } from '@renderer/app/stores';
import { ReasonForm } from '@renderer/components/ReasonForm';
import { RecordHistory } from '@renderer/components/RecordHistory';
import { RecordDrawer } from '@renderer/components/records';
import { Badge, type StatusTone } from '@renderer/ui/Badge';
import { Drawer } from '@renderer/ui/Drawer';
import type { AllocationDetail } from '@shared/plan/contract/allocations';
import { ALLOCATION_STATUS_LABELS, type PlanFlag } from '@shared/plan/rules/allocations';
import { useState } from 'react';
import { AllocationForm, type AllocationFormValues, emptyAllocation } from './AllocationForm';

declare module '@renderer/app/slots' {
  interface Slots {
    /** Sections of an allocation's drawer, below its form (the ownership area lists the duties at stake). */
    'allocation.sections': { allocation: AllocationDetail };
  }
}

export const ALLOCATION_TONE = { tentative: 'attention', confirmed: 'ok', cancelled: 'neutral' } as const satisfies Record<
  string,
  StatusTone
>;

function values(a: AllocationDetail): AllocationFormValues {
  const { specialistId, engagementId, startDate, endDate, loadPercent, note } = a;
  return {
    specialistId,
    engagementId,
    startDate,
    endDate,
    loadPercent,
    note,
    status: a.status === 'confirmed' ? 'confirmed' : 'tentative',
  };
}

/** Overloads and hand-overs of the specialist around this allocation, as the backend computed them. */
export function FlagList({ flags }: { flags: PlanFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="flags" aria-label="Plan flags">
      {flags.map((f) => (
        <li key={`${f.kind}:${f.startDate}:${f.allocationIds.join(',')}`} className={`flag flag--${f.severity}`}>
          {f.severity !== 'info' && <strong>{f.severity === 'error' ? 'Over-booked: ' : 'Possible over-booking: '}</strong>}
          {f.message}
        </li>
      ))}
    </ul>
  );
}

export function AllocationDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const isNew = id === 'new';
  const allocation = useProcedure('allocations.get', { id }, !isNew);
  const specialists = useProcedure('specialists.list', { archived: 'all', sort: 'fullName', direction: 'asc' });
  const engagements = useProcedure('engagements.list', { archived: 'all', sort: 'clientName', direction: 'asc' });
  const create = useCommand('allocations.create');
  const update = useCommand('allocations.update');
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);
  const [cancelling, setCancelling] = useState(false);

  if (!specialists.data || !engagements.data) {
    return (
      <Drawer title={isNew ? 'New allocation' : 'Allocation'} onClose={onClose}>
        <p>Loading…</p>
      </Drawer>
    );
  }
  const lists = { specialists: specialists.data.rows, engagements: engagements.data.rows };
  const announce = (saved: AllocationDetail, verb: string) => {
    const worst = saved.flags.find((f) => f.severity !== 'info');
    toast(
      worst
        ? { tone: 'error', message: `${verb} ${saved.specialistName} on ${saved.engagementName}, but: ${worst.message}` }
        : { tone: 'info', message: `${verb} ${saved.specialistName} on ${saved.engagementName}.` },
    );
  };

  if (isNew) {
    return (
      <Drawer title="New allocation" onClose={onClose}>
        <AllocationForm
          key="new"
          initial={emptyAllocation}
          {...lists}
          submitLabel="Allocate"
          onCancel={onClose}
          onSave={async (v) => {
            const created = await create.mutateAsync(v);
            announce(created, 'Allocated');
            go({ area: 'allocations', recordId: created.id });
          }}
        />
      </Drawer>
    );
  }
  return (
    <RecordDrawer noun="Allocation" query={allocation} onClose={onClose}>
      {(a) => ({
        title: `${a.specialistName} → ${a.engagementName}`,
        body: (
          <>
            <p className="drawer__sub">
              {a.clientName} · <Badge tone={ALLOCATION_TONE[a.status]}>{ALLOCATION_STATUS_LABELS[a.status]}</Badge>
            </p>
            <FlagList flags={a.flags} />
            {a.status === 'cancelled' ? (
              <div className="notice">Cancelled: {a.cancelReason}. Cancelled allocations stay on record and cannot be changed.</div>
            ) : cancelling ? (
              <CancelForm id={a.id} onDone={() => setCancelling(false)} />
            ) : (
              <>
                <AllocationForm
                  key={`${a.id}:${a.updatedAt}`}
                  initial={values(a)}
                  {...lists}
                  submitLabel="Save changes"
                  onCancel={onClose}
                  onSave={async (v) => {
                    const saved = await update.mutateAsync({ ...v, id: a.id, expectedUpdatedAt: a.updatedAt });
                    announce(saved, 'Saved');
                  }}
                />
                <button type="button" className="button button--small button--danger-ghost" onClick={() => setCancelling(true)}>
                  Cancel this allocation…
                </button>
              </>
            )}
            <Slot name="allocation.sections" props={{ allocation: a }} />
            <RecordHistory entityId={a.id} />
          </>
        ),
      })}
    </RecordDrawer>
  );
}

function CancelForm({ id, onDone }: { id: string; onDone(): void }) {
  const cancel = useCommand('allocations.cancel');
  const toast = useToasts((s) => s.show);
  return (
    <ReasonForm
      id="allocation-cancel-reason"
      label="Reason for cancelling"
      missing="Say why it is cancelled; the reason stays on record."
      submitLabel="Cancel allocation"
      cancelLabel="Keep it"
      saving={cancel.isPending}
      onSubmit={async (reason) => {
        const a = await cancel.mutateAsync({ id, reason });
        toast({ tone: 'info', message: `Cancelled ${a.specialistName} on ${a.engagementName}.` });
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
