import { useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import type { Slots } from '@renderer/app/slots';
import { day } from '@renderer/components/dates';

import type { AllocationDetail } from '@shared/plan/contract/allocations';
import { DutiesTable } from './DutiesTable';
import { countDuties, dutiesOn, dutiesSummary, type HeldDuty } from './holdings';
import './slots.css';

/** The day an allocation's duties are read on: today while it runs, else its first or last day. */
export function dayWithin(today: string, startDate: string, endDate: string): string {
  if (today < startDate) return startDate;
  if (today > endDate) return endDate;
  return today;
}

/** The duties the allocated specialist holds on the engagement, and what is at stake when the allocation ends. */
export function AllocationDuties({ allocation: a }: Slots['allocation.sections']) {
  const today = useToday();
  const asOf = dayWithin(today, a.startDate, a.endDate);
  const live = a.status !== 'cancelled';
  const load = useProcedure('ownership.personLoad', { person: { kind: 'specialist', id: a.specialistId }, asOf }, live);
  if (!live) return null;
  const held = load.data ? dutiesOn(load.data, a.engagementId) : null;
  return (
    <section className="drawer__section own-slot" aria-label="Duties at stake">
      <h3 className="own-slot__heading">
        Duties at stake
        {held && <span className="own-slot__count">{held.length === 0 ? 'none' : dutiesSummary(countDuties(held))}</span>}
      </h3>
      {load.error ? (
        <p className="own-slot__error">Could not read the ownership matrix: {load.error.message}</p>
      ) : held === null ? (
        <p className="muted">Reading the ownership matrix…</p>
      ) : (
        <Held allocation={a} held={held} asOf={asOf} today={today} />
      )}
    </section>
  );
}

function Held({ allocation: a, held, asOf, today }: { allocation: AllocationDetail; held: HeldDuty[]; asOf: string; today: string }) {
  const { total, accountable } = countDuties(held);
  if (total === 0) {
    return (
      <p className="muted">
        The ownership matrix names {a.specialistName} for nothing on {a.engagementName} on {day(asOf)}.
      </p>
    );
  }
  const next =
    a.endDate < today
      ? ''
      : accountable > 0
        ? ` When the allocation ends on ${day(a.endDate)}, ${accountable === 1 ? 'one duty needs' : `${accountable} duties need`} a new Accountable.`
        : ` When the allocation ends on ${day(a.endDate)}, they need someone else.`;
  return (
    <>
      <p className="muted own-slot__lede">
        What {a.specialistName} holds on {a.engagementName} on {day(asOf)}.{next}
      </p>
      <DutiesTable duties={held} label={`Duties ${a.specialistName} holds on ${a.engagementName}`} />
    </>
  );
}
