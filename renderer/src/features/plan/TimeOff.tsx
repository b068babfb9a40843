import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNow } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { day, monthLong } from '@renderer/components/dates';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import { DateField, FormFooter, optionsOf, SelectField, TextField, useSchemaForm } from '@renderer/ui/fields';
import type { Joiner } from '@shared/clients/rules/joined';
import { ABSENCE_KIND_LABELS, ABSENCE_KINDS, type Absence, absenceFields } from '@shared/plan/contract/allocations';
import type { SpecialistCapacity } from '@shared/plan/contract/plan';
import { format, startOfMonth } from 'date-fns';
import { useState } from 'react';
import { joinedDateField } from '../clients/joined';

const hours = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`;

type Period = SpecialistCapacity['periods'][number];

const CAPACITY_COLUMNS: DataColumn<Period>[] = [
  { id: 'month', header: 'Month', cell: (p) => monthLong(p.start) },
  { id: 'working', header: 'Working days', width: 114, numeric: true, cell: (p) => String(p.workingDays) },
  { id: 'holidays', header: 'Holidays', width: 80, numeric: true, cell: (p) => String(p.holidayDays) },
  { id: 'absent', header: 'Absent', width: 66, numeric: true, cell: (p) => String(p.absenceDays) },
  {
    id: 'capacity',
    header: 'Capacity',
    width: 80,
    numeric: true,
    title: (p) => hours(p.capacityMinutes),
    cell: (p) => <span data-testid="capacity-hours">{hours(p.capacityMinutes)}</span>,
  },
];

const absenceColumns = (readOnly: boolean, busy: boolean, onDelete: (a: Absence) => void): DataColumn<Absence>[] => [
  {
    id: 'kind',
    header: 'Absence',
    title: (a) => (a.note ? `${ABSENCE_KIND_LABELS[a.kind]} · ${a.note}` : ABSENCE_KIND_LABELS[a.kind]),
    cell: (a) => (
      <>
        <strong>{ABSENCE_KIND_LABELS[a.kind]}</strong>
        {a.note && <div className="cell-sub">{a.note}</div>}
      </>
    ),
  },
  { id: 'dates', header: 'Dates', width: 215, cell: (a) => `${day(a.startDate)} – ${day(a.endDate)}` },
  ...(readOnly
    ? []
    : [
        {
          id: 'actions',
          header: 'Actions',
          hideHeader: true,
          width: 85,
          className: 'row-actions',
          cell: (a: Absence) => (
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={`Delete ${ABSENCE_KIND_LABELS[a.kind].toLowerCase()} ${day(a.startDate)} – ${day(a.endDate)}`}
              disabled={busy}
              onClick={() => onDelete(a)}
            >
              Delete
            </button>
          ),
        },
      ]),
];

/**
 * A specialist's capacity for the next three months (working days × daily
 * hours − public holidays of their home calendar − absences) and their
 * recorded absences, with add and delete.
 */
type Person = Joiner & { id: string };

export function TimeOff({ specialist, readOnly }: { specialist: Person; readOnly: boolean }) {
  const specialistId = specialist.id;
  const from = format(startOfMonth(useNow()), 'yyyy-MM-dd');
  const capacity = useProcedure('plan.capacity', { specialistId, from, scale: 'month', periods: 3 });
  const absences = useProcedure('absences.list', { specialistId });
  const remove = useCommand('absences.delete');
  const toast = useToasts((s) => s.show);
  const [adding, setAdding] = useState(false);
  const onDelete = async (a: Absence) => {
    const kind = ABSENCE_KIND_LABELS[a.kind].toLowerCase();
    const yes = await askConfirm({
      title: `Delete this ${kind} (${day(a.startDate)} – ${day(a.endDate)})?`,
      message: 'The audit log keeps a copy.',
      confirmLabel: `Delete ${kind}`,
      tone: 'danger',
    });
    if (!yes) return;
    remove.mutate(
      { id: a.id },
      {
        onSuccess: () => toast({ tone: 'info', message: 'Absence deleted.' }),
        onError: (e) => toast({ tone: 'error', message: e.message }),
      },
    );
  };
  return (
    <section className="drawer__section" aria-label="Capacity and time off">
      <h3>Capacity</h3>
      {capacity.data && (
        <DataTable label="Capacity by month" columns={CAPACITY_COLUMNS} rows={capacity.data.periods} rowKey={(p) => p.start} />
      )}
      <h3>Time off</h3>
      {absences.data && (
        <DataTable
          label="Time off"
          className="absences"
          columns={absenceColumns(readOnly, remove.isPending, (a) => void onDelete(a))}
          rows={absences.data.rows}
          rowKey={(a) => a.id}
          empty={<EmptyState title="No absences recorded." />}
        />
      )}
      {!readOnly &&
        (adding ? (
          <AbsenceForm specialist={specialist} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Add absence…
          </button>
        ))}
    </section>
  );
}

function AbsenceForm({ specialist, onDone }: { specialist: Person; onDone(): void }) {
  const form = useSchemaForm(
    absenceFields,
    { specialistId: specialist.id, kind: 'vacation', startDate: '', endDate: '', note: '' },
    { idPrefix: 'absence' },
  );
  const startField = form.field('startDate');
  const joined = joinedDateField(specialist, form.values.startDate, { error: startField.error });
  const create = useCommand('absences.create');
  const toast = useToasts((s) => s.show);
  return (
    <form
      className="form form--boxed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit(async (data) => {
            await create.mutateAsync(data);
            toast({ tone: 'info', message: 'Absence recorded.' });
          })
          .then((ok) => ok && onDone());
      }}
    >
      <SelectField {...form.field('kind')} options={optionsOf(ABSENCE_KINDS, ABSENCE_KIND_LABELS)} />
      <DateField {...startField} label="From" error={joined.error} hint={joined.hint} />
      <DateField {...form.field('endDate')} label="To" />
      <TextField {...form.field('note')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Record absence" onCancel={onDone} cancelLabel="Back" />
    </form>
  );
}
