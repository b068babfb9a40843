import { useProcedure } from '@renderer/api/queries';
import { today } from '@renderer/app/clock';
import { businessDays, day } from '@renderer/components/dates';
import {
  DateField,
  FormFooter,
  type FormOutput,
  type FormValues,
  optionsOf,
  SelectField,
  TextArea,
  TextField,
  TimeField,
  useSchemaForm,
} from '@renderer/ui/fields';
import type { ClientListItem } from '@shared/clients/contract/clients';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import { type ReplacementItem, replacementFields } from '@shared/continuity/contract';
import { REPLACEMENT_REASON_LABELS, REPLACEMENT_REASONS } from '@shared/continuity/rules/replacement';
import { useEffect, useMemo, useRef } from 'react';

export type ReplacementFormValues = FormValues<typeof replacementFields>;

/** A new request is usually recorded the day it arrives; the time is the one on the client's message. */
export const emptyReplacement = (engagementId = ''): ReplacementFormValues => ({
  engagementId,
  outgoingSpecialistId: '',
  reason: 'client_request',
  submittedDate: today(),
  submittedTime: '',
  submittedBy: '',
  notes: '',
});

export function replacementValues(r: ReplacementItem): ReplacementFormValues {
  const { engagementId, outgoingSpecialistId, reason, submittedOn, submittedTime, submittedBy, notes } = r;
  return { engagementId, outgoingSpecialistId, reason, submittedDate: submittedOn, submittedTime, submittedBy, notes };
}

/** The zone the submission is read in: the client's own, else its holiday calendar's, as the backend named it. */
export function clientZone(client: Pick<ClientListItem, 'effectiveTimeZone'>): string {
  return client.effectiveTimeZone;
}

type Props = {
  initial: ReplacementFormValues;
  /** The zone the backend reported for the request being edited. */
  knownZone?: string;
  submitLabel: string;
  onSave(values: FormOutput<typeof replacementFields>): Promise<unknown>;
  onCancel(): void;
};

export function ReplacementForm({ initial, knownZone, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(replacementFields, initial, { idPrefix: 'replacement' });
  const { values, set } = form;
  const engagements = useProcedure('engagements.list', { archived: 'active', sort: 'clientName', direction: 'asc' });
  const clients = useProcedure('clients.list', { archived: 'all', sort: 'name', direction: 'asc' });
  const engagement = engagements.data?.rows.find((e) => e.id === values.engagementId);
  const client = clients.data?.rows.find((c) => c.id === engagement?.clientId);
  const sameEngagement = values.engagementId === initial.engagementId;
  const zone = knownZone && sameEngagement ? knownZone : client ? clientZone(client) : null;
  const firstField = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Keyboard first: the form opens with its first field focused.
    firstField.current?.querySelector('select')?.focus();
  }, []);
  const engagementOptions = (engagements.data?.rows ?? [])
    .filter((e) => e.status !== 'ended' || e.id === initial.engagementId)
    .map((e) => ({ value: e.id, label: `${e.clientName} — ${e.name}` }));

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(onSave);
      }}
    >
      <div className="field--wide" ref={firstField}>
        <SelectField
          {...form.field('engagementId')}
          id="replacement-engagement"
          label="Engagement"
          placeholder="Choose an engagement"
          options={engagementOptions}
          onChange={(v) => {
            set('engagementId', v);
            set('outgoingSpecialistId', '');
          }}
          hint={engagement && client ? engagementHint(engagement, client, zone) : undefined}
          wide
        />
      </div>
      <OutgoingSelect engagement={engagement} {...form.field('outgoingSpecialistId')} />
      <SelectField {...form.field('reason')} options={optionsOf(REPLACEMENT_REASONS, REPLACEMENT_REASON_LABELS)} />
      <TextField {...form.field('submittedBy')} placeholder="Name and role at the client" />
      <div className="field--wide submitted-at">
        <DateField {...form.field('submittedDate')} label="Submitted on" />
        <TimeField {...form.field('submittedTime')} label="Time" />
        <p className="submitted-at__zone">
          {zone ? (
            <>
              In the client’s time zone: <strong>{zone}</strong>
              {client && !client.timeZone
                ? ` (its holiday calendar ${client.holidayCalendar}’s; set another on the client if it is elsewhere)`
                : ''}
              .
            </>
          ) : (
            'In the client’s time zone (choose the engagement).'
          )}
          <br />
          <span className="muted">The clock starts the next business day; the submission day itself does not count.</span>
        </p>
      </div>
      <TextArea
        id="replacement-notes"
        label="Notes"
        value={values.notes}
        onChange={(v) => set('notes', v)}
        onBlur={() => form.blur('notes')}
        error={form.errorFor('notes')}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}

function engagementHint(engagement: EngagementListItem, client: ClientListItem, zone: string | null): string {
  return `${client.name} · ${zone ?? client.effectiveTimeZone} · holiday calendar ${client.holidayCalendar} · SLA ${businessDays(engagement.slaBusinessDays)}`;
}

/**
 * The specialist leaving: the people allocated to the engagement first (the
 * backend refuses anyone else on an engagement planned with allocations),
 * then everyone else for engagements without allocations.
 */
function OutgoingSelect({
  engagement,
  value,
  ...field
}: {
  engagement: EngagementListItem | undefined;
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error: string | undefined;
}) {
  const allocations = useProcedure('allocations.list', { engagementId: engagement?.id ?? '' }, Boolean(engagement));
  const specialists = useProcedure('specialists.list', { archived: 'all', sort: 'fullName', direction: 'asc' });
  const { onEngagement, others } = useMemo(() => {
    const live = (allocations.data?.rows ?? []).filter((a) => a.status !== 'cancelled');
    const lastEnd = new Map<string, string>();
    for (const a of live) if ((lastEnd.get(a.specialistId) ?? '') < a.endDate) lastEnd.set(a.specialistId, a.endDate);
    const people = specialists.data?.rows ?? [];
    return {
      onEngagement: people
        .filter((s) => lastEnd.has(s.id))
        .map((s) => ({ value: s.id, label: `${s.fullName} — allocated until ${day(lastEnd.get(s.id) ?? '')}` })),
      others: people
        .filter((s) => !lastEnd.has(s.id) && (s.status !== 'left' || s.id === value))
        .map((s) => ({ value: s.id, label: s.fullName })),
    };
  }, [allocations.data, specialists.data, value]);
  const hint = !engagement
    ? 'Choose the engagement first.'
    : onEngagement.length === 0
      ? 'Nobody is allocated to this engagement; anyone can be named.'
      : undefined;
  // On an engagement planned with allocations only its people can be replaced (the backend refuses anyone else);
  // a request recorded before keeps its person selectable.
  const rest = others.filter((o) => onEngagement.length === 0 || o.value === value);
  return (
    <SelectField
      {...field}
      label="Specialist leaving"
      value={value}
      placeholder="Choose who is replaced"
      disabled={!engagement}
      hint={hint}
      groups={[{ label: `On ${engagement?.name ?? 'this engagement'}`, options: onEngagement }]}
      options={rest}
      wide
    />
  );
}
