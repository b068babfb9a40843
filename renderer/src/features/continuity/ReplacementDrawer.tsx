import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNow } from '@renderer/app/clock';
import { Slot } from '@renderer/app/slots';
import { useNav, useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { ReasonForm } from '@renderer/components/ReasonForm';
import { RecordHistory } from '@renderer/components/RecordHistory';
import { RecordDrawer } from '@renderer/components/records';
import { Drawer } from '@renderer/ui/Drawer';
import type { ReplacementItem } from '@shared/continuity/contract';
import { REPLACEMENT_REASON_LABELS } from '@shared/continuity/rules/replacement';
import { localDateOf } from '@shared/kernel/timeZone';
import { useEffect, useState } from 'react';
import { CandidatesSection } from './CandidatesSection';
import { ClockPanel } from './ClockPanel';
import { useContinuity } from './continuityStore';
import { FulfilForm } from './FulfilForm';
import { PausesSection } from './PausesSection';
import { emptyReplacement, ReplacementForm, replacementValues } from './ReplacementForm';

type Action = 'fulfil' | 'edit' | 'cancel' | null;

declare module '@renderer/app/slots' {
  interface Slots {
    /**
     * What the outgoing specialist of an open request holds on its engagement as of a day (the ownership
     * area fills it): in the request's drawer as of today where the client is (`context: 'request'`),
     * and beside the fulfil form's hand-over choice as of the replacement's start (`context: 'fulfil'`).
     */
    'replacement.duties': { engagementId: string; specialistId: string; asOf: string; context: 'request' | 'fulfil' };
  }
}

export function ReplacementDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const isNew = id === 'new';
  // A request recorded from an engagement's page starts on that engagement; the draft is used once.
  const [draftEngagementId] = useState(() => useContinuity.getState().draftEngagementId);
  useEffect(() => useContinuity.getState().setDraftEngagement(''), []);
  const request = useProcedure('replacements.get', { id }, !isNew);
  const create = useCommand('replacements.create');
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);
  if (isNew) {
    return (
      <Drawer title="New replacement request" onClose={onClose}>
        <div className="replacement">
          <p className="drawer__sub">The client asks to replace a specialist. The SLA clock starts on the submission date.</p>
          <ReplacementForm
            initial={emptyReplacement(draftEngagementId)}
            submitLabel="Record request"
            onCancel={onClose}
            onSave={async (values) => {
              const created = await create.mutateAsync(values);
              toast({
                tone: 'info',
                message: `Recorded the request to replace ${created.outgoingSpecialistName}: due ${day(created.clock.dueDate)}.`,
              });
              go({ area: 'replacements', recordId: created.id });
            }}
          />
        </div>
      </Drawer>
    );
  }
  return (
    <RecordDrawer noun="Replacement request" query={request} onClose={onClose}>
      {(r) => ({
        title: `Replace ${r.outgoingSpecialistName}`,
        body: <RequestBody key={r.id} request={r} />,
      })}
    </RecordDrawer>
  );
}

function RequestBody({ request: r }: { request: ReplacementItem }) {
  const [action, setAction] = useState<Action>(null);
  const update = useCommand('replacements.update');
  const toast = useToasts((s) => s.show);
  const open = r.status === 'open';
  // Today where the client is: what the outgoing specialist holds now.
  const clientToday = localDateOf(useNow().toISOString(), r.timeZone);
  return (
    <div className="replacement">
      <p className="drawer__sub">
        {r.clientName} — {r.engagementName}
      </p>
      <ClockPanel request={r} />
      <dl className="replacement__facts">
        <dt>Submitted</dt>
        <dd>
          {day(r.submittedOn)} at {r.submittedTime} <span className="muted">({r.timeZone})</span> by {r.submittedBy}
        </dd>
        <dt>Reason</dt>
        <dd>{REPLACEMENT_REASON_LABELS[r.reason]}</dd>
        <dt>Leaving</dt>
        <dd>
          {r.outgoingSpecialistName}
          {r.outgoingAllocation && (
            <span className="muted">
              {' '}
              · allocated {day(r.outgoingAllocation.startDate)} to {day(r.outgoingAllocation.endDate)} at {r.outgoingAllocation.loadPercent}
              %
            </span>
          )}
        </dd>
        {r.notes && (
          <>
            <dt>Notes</dt>
            <dd className="replacement__notes">{r.notes}</dd>
          </>
        )}
      </dl>
      {r.status === 'fulfilled' && <FulfilledNotice request={r} />}
      {r.status === 'cancelled' && (
        <div className="notice notice--muted">
          Cancelled on {day(r.cancelledOn ?? r.submittedOn)}: {r.cancelReason}
        </div>
      )}
      {open && action !== 'fulfil' && (
        <Slot
          name="replacement.duties"
          props={{ engagementId: r.engagementId, specialistId: r.outgoingSpecialistId, asOf: clientToday, context: 'request' }}
        />
      )}
      {open && action === null && (
        <div className="stage-actions">
          <button type="button" className="button button--small button--primary" onClick={() => setAction('fulfil')}>
            Fulfil…
          </button>
          <button type="button" className="button button--small" onClick={() => setAction('edit')}>
            Correct details…
          </button>
          <button type="button" className="button button--small button--danger-outline" onClick={() => setAction('cancel')}>
            Cancel request…
          </button>
        </div>
      )}
      {action === 'fulfil' && <FulfilForm request={r} onDone={() => setAction(null)} />}
      {action === 'cancel' && <CancelForm request={r} onDone={() => setAction(null)} />}
      {action === 'edit' && (
        <section className="form--boxed replacement__edit" aria-label="Correct the request">
          <h3 className="form__title">Correct the request</h3>
          <p className="muted replacement__edit-note">The clock is recomputed from the corrected facts.</p>
          <ReplacementForm
            key={r.updatedAt}
            initial={replacementValues(r)}
            knownZone={r.timeZone}
            submitLabel="Save corrections"
            onCancel={() => setAction(null)}
            onSave={async (values) => {
              const saved = await update.mutateAsync({ ...values, id: r.id, expectedUpdatedAt: r.updatedAt });
              toast({ tone: 'info', message: `Saved. Due ${day(saved.clock.dueDate)}.` });
              setAction(null);
            }}
          />
        </section>
      )}
      <PausesSection request={r} />
      <CandidatesSection request={r} />
      <RecordHistory entityId={r.id} entity="replacement_request" />
    </div>
  );
}

/** What fulfilling did: who started when, both allocations, the hand-over, and whether the SLA held. */
function FulfilledNotice({ request: r }: { request: ReplacementItem }) {
  const go = useNav((s) => s.go);
  const met = r.clock.state === 'met';
  return (
    <div className={`notice replacement__outcome ${met ? 'notice--good' : 'notice--bad'}`}>
      <strong>
        {r.replacementSpecialistName} started on {day(r.replacementStartDate ?? r.submittedOn)} —{' '}
        {met
          ? `SLA met, ${r.clock.remaining} business day${r.clock.remaining === 1 ? '' : 's'} to spare`
          : `SLA breached by ${r.clock.late} business day${r.clock.late === 1 ? '' : 's'}`}
        .
      </strong>
      <ul>
        {r.outgoingAllocation && (
          <li>
            {r.outgoingSpecialistName}:{' '}
            {r.outgoingAllocation.status === 'cancelled' ? 'allocation cancelled' : `allocation ends ${day(r.outgoingAllocation.endDate)}`}
          </li>
        )}
        {r.replacementAllocation && (
          <li>
            {r.replacementAllocation.specialistName}: allocated {day(r.replacementAllocation.startDate)} to{' '}
            {day(r.replacementAllocation.endDate)} at {r.replacementAllocation.loadPercent}%
          </li>
        )}
        <li>
          Hand-over: {r.handoverDays === 0 ? 'none (no overlap)' : `${r.handoverDays} day${r.handoverDays === 1 ? '' : 's'} of overlap`}
        </li>
        {r.lateReason && <li>Why late: {r.lateReason}</li>}
      </ul>
      {r.replacementAllocationId && (
        <button
          type="button"
          className="button button--small"
          onClick={() => go({ area: 'allocations', recordId: r.replacementAllocationId })}
        >
          Open the replacement’s allocation
        </button>
      )}
    </div>
  );
}

function CancelForm({ request, onDone }: { request: ReplacementItem; onDone(): void }) {
  const cancel = useCommand('replacements.cancel');
  const toast = useToasts((s) => s.show);
  return (
    <ReasonForm
      id="replacement-cancel-reason"
      title="Cancel the request"
      label="Why is it cancelled?"
      hint="e.g. the client withdrew it after the service review. Cancelled requests stay in the SLA report."
      missing="Say why the request is cancelled; the reason stays on record."
      submitLabel="Cancel request"
      cancelLabel="Keep it open"
      saving={cancel.isPending}
      onSubmit={async (reason) => {
        await cancel.mutateAsync({ id: request.id, reason });
        toast({ tone: 'info', message: `Cancelled the request to replace ${request.outgoingSpecialistName}.` });
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
