import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNow } from '@renderer/app/clock';
import { Slot } from '@renderer/app/slots';
import { useToasts } from '@renderer/app/stores';
import { day, weekdayDay } from '@renderer/components/dates';
import { type BoundField, DateField, FormFooter, NumberField, SelectField, TextArea, useSchemaForm } from '@renderer/ui/fields';
import { fulfilInput, type ReplacementItem } from '@shared/continuity/contract';
import { defaultOutgoingEnd, handoverDays } from '@shared/continuity/rules/replacement';
import { isPastDue } from '@shared/kernel/businessClock';
import { isIsoDate } from '@shared/kernel/dates';
import { localDateOf } from '@shared/kernel/timeZone';
import { joinedDateField } from '../clients/joined';

/**
 * Fulfilling creates the replacement's allocation and ends the outgoing one
 * on its last day, in one transaction. A start after the due date needs the
 * reason on record; the backend refuses it without one.
 */
export function FulfilForm({ request: r, onDone }: { request: ReplacementItem; onDone(): void }) {
  const fulfil = useCommand('replacements.fulfil');
  const toast = useToasts((s) => s.show);
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const engagement = useProcedure('engagements.get', { id: r.engagementId });
  const accepted = r.candidates.find((c) => c.status === 'accepted' && c.specialistId !== null);
  const outgoing = r.outgoingAllocation && r.outgoingAllocation.status !== 'cancelled' ? r.outgoingAllocation : null;
  // Today where the client is: the clock runs on the client's calendar.
  const start = localDateOf(useNow().toISOString(), r.timeZone);
  const form = useSchemaForm(
    fulfilInput,
    {
      id: r.id,
      specialistId: accepted?.specialistId ?? '',
      startDate: start,
      endDate: null,
      loadPercent: outgoing?.loadPercent ?? 100,
      outgoingEndDate: outgoing ? defaultOutgoingEnd(start, outgoing) : null,
      lateReason: '',
      // A hand-over of duties is a decision: the slot below says what the outgoing specialist holds.
      handOverDuties: false,
    },
    { idPrefix: 'fulfil' },
  );
  const { values } = form;
  const late = isIsoDate(values.startDate) && isPastDue(r.clock.dueDate, values.startDate);
  const candidateIds = new Set(r.candidates.filter((c) => c.status !== 'rejected').map((c) => c.specialistId));
  const people = (specialists.data?.rows ?? [])
    .filter((s) => s.id !== r.outgoingSpecialistId && s.status !== 'left')
    .sort((a, b) => Number(candidateIds.has(b.id)) - Number(candidateIds.has(a.id)));
  const candidates = people.filter((s) => candidateIds.has(s.id));
  const others = people.filter((s) => !candidateIds.has(s.id));
  const engagementEnd = engagement.data ? engagement.data.endDate : undefined;
  const startField = form.field('startDate');
  const joined = joinedDateField(
    people.find((s) => s.id === values.specialistId),
    values.startDate,
    { error: startField.error, hint: late ? 'After the due date: the SLA is breached.' : undefined },
  );

  return (
    <form
      className="form form--boxed"
      noValidate
      aria-label="Fulfil the request"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (data) => {
          const saved = await fulfil.mutateAsync(data);
          const handover = saved.handoverDays === 0 ? 'no hand-over overlap' : `${saved.handoverDays} days of hand-over`;
          toast({
            tone: 'info',
            message: `Fulfilled: ${saved.replacementSpecialistName} starts ${day(saved.replacementStartDate ?? data.startDate)}, ${handover} — SLA ${saved.clock.state === 'met' ? 'met' : 'breached'}.`,
          });
          onDone();
        });
      }}
    >
      <h3 className="form__title">Fulfil the request</h3>
      <p className="form__note">
        Due <strong>{weekdayDay(r.clock.dueDate)}</strong>: a replacement starting on or before it meets the SLA.
      </p>
      <SelectField
        {...form.field('specialistId')}
        id="fulfil-specialist"
        label="Replacement specialist"
        placeholder="Choose who starts"
        groups={[
          {
            label: 'Candidates',
            options: candidates.map((s) => ({
              value: s.id,
              label: `${s.fullName}${s.id === accepted?.specialistId ? ' — accepted by the client' : ''}`,
            })),
          },
          {
            label: candidates.length > 0 ? 'Everyone else' : 'Specialists',
            options: others.map((s) => ({ value: s.id, label: s.fullName })),
          },
        ]}
        wide
      />
      <DateField
        {...startField}
        id="fulfil-start"
        label="Start date"
        autoFocus
        onChange={(v) => {
          form.set('startDate', v);
          // Keep the hand-over as offered (the outgoing leaves the day before) until the last day is chosen by hand.
          if (outgoing && isIsoDate(v) && values.outgoingEndDate === defaultOutgoingEnd(values.startDate, outgoing)) {
            form.set('outgoingEndDate', defaultOutgoingEnd(v, outgoing));
          }
        }}
        error={joined.error}
        hint={joined.hint || undefined}
      />
      <NumberField {...form.field('loadPercent')} optional id="fulfil-load" label="Load (%)" />
      <DateField {...form.field('endDate')} nullable id="fulfil-end" label="Allocation ends" hint={endHint(engagementEnd)} />
      {outgoing ? (
        <OutgoingEnd outgoing={outgoing} startDate={values.startDate} field={form.field('outgoingEndDate')} />
      ) : (
        <p className="form__note">{r.outgoingSpecialistName} has no allocation on this engagement to end.</p>
      )}
      <HandOverDuties
        field={form.field('handOverDuties')}
        outgoingName={r.outgoingSpecialistName}
        engagementId={r.engagementId}
        specialistId={r.outgoingSpecialistId}
        startDate={isIsoDate(values.startDate) ? values.startDate : start}
      />
      {late && (
        <TextArea
          {...form.field('lateReason')}
          id="fulfil-late-reason"
          label="Reason for the late start"
          hint={`The start is after the due date (${weekdayDay(r.clock.dueDate)}); the SLA report lists the reason with the breach.`}
        />
      )}
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Fulfil request" onCancel={onDone} cancelLabel="Back" />
    </form>
  );
}

/**
 * Continuity's own choice: hand what the outgoing specialist holds on the engagement (the ownership
 * matrix's duties) to the replacement from the start date. What they hold is shown by whoever fills
 * the `replacement.duties` slot (the ownership area), as of the start date.
 */
function HandOverDuties({
  field,
  outgoingName,
  engagementId,
  specialistId,
  startDate,
}: {
  field: BoundField<boolean>;
  outgoingName: string;
  engagementId: string;
  specialistId: string;
  startDate: string;
}) {
  return (
    <div className="field--wide handover-duties">
      <label className="check">
        <input id={field.id} type="checkbox" checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />
        Hand {outgoingName}’s duties (ownership matrix) to the replacement from the start date
      </label>
      <Slot name="replacement.duties" props={{ engagementId, specialistId, asOf: startDate, context: 'fulfil' }} />
    </div>
  );
}

type Outgoing = NonNullable<ReplacementItem['outgoingAllocation']>;

/** What an empty end means, as the backend decides it: the engagement's end; an open-ended engagement needs a date. */
function endHint(engagementEnd: string | null | undefined): string {
  if (engagementEnd === undefined) return 'Empty: when the engagement ends.';
  if (engagementEnd !== null) return `Empty: when the engagement ends (${day(engagementEnd)}).`;
  return 'The engagement is open-ended: give the replacement’s allocation an end date.';
}

/** The outgoing specialist's last day: chosen here so the hand-over overlap is a decision, not an accident. */
function OutgoingEnd({ outgoing, startDate, field }: { outgoing: Outgoing; startDate: string; field: BoundField<string | null> }) {
  const { value, onChange } = field;
  const ending = value !== null;
  const overlap = ending && isIsoDate(value) && isIsoDate(startDate) ? handoverDays(value, startDate) : null;
  return (
    <div className="field--wide outgoing-end">
      <label className="check">
        <input
          type="checkbox"
          checked={ending}
          onChange={(e) => onChange(e.target.checked ? defaultOutgoingEnd(startDate, outgoing) : null)}
        />
        End {outgoing.specialistName}’s allocation (now {day(outgoing.startDate)} to {day(outgoing.endDate)})
      </label>
      {ending && (
        <DateField
          {...field}
          nullable
          id="fulfil-outgoing-end"
          label={`${outgoing.specialistName}’s last day`}
          hint={
            overlap === null
              ? undefined
              : overlap === 0
                ? 'No hand-over: they leave before the replacement starts.'
                : `Hand-over: ${overlap} day${overlap === 1 ? '' : 's'} with both on the engagement.`
          }
        />
      )}
    </div>
  );
}
