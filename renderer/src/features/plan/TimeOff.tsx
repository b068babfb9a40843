import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNow } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { day, monthLong } from '@renderer/components/dates';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { DateField, FormFooter, optionsOf, SelectField, TextField, useSchemaForm } from '@renderer/ui/fields';
import { ABSENCE_KIND_LABELS, ABSENCE_KINDS, absenceFields } from '@shared/plan/contract/allocations';
import { format, startOfMonth } from 'date-fns';
import { useState } from 'react';

const hours = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`;

/**
 * A specialist's capacity for the next three months (working days × daily
 * hours − public holidays of their home calendar − absences) and their
 * recorded absences, with add and delete.
 */
export function TimeOff({ specialistId, readOnly }: { specialistId: string; readOnly: boolean }) {
  const from = format(startOfMonth(useNow()), 'yyyy-MM-dd');
  const capacity = useProcedure('plan.capacity', { specialistId, from, scale: 'month', periods: 3 });
  const absences = useProcedure('absences.list', { specialistId });
  const remove = useCommand('absences.delete');
  const toast = useToasts((s) => s.show);
  const [adding, setAdding] = useState(false);
  return (
    <section className="drawer__section" aria-label="Capacity and time off">
      <h3>Capacity</h3>
      {capacity.data && (
        <table className="table table--compact" aria-label="Capacity by month">
          <thead>
            <tr>
              <th>Month</th>
              <th className="num">Working days</th>
              <th className="num">Holidays</th>
              <th className="num">Absent</th>
              <th className="num">Capacity</th>
            </tr>
          </thead>
          <tbody>
            {capacity.data.periods.map((p) => (
              <tr key={p.start}>
                <td>{monthLong(p.start)}</td>
                <td className="num">{p.workingDays}</td>
                <td className="num">{p.holidayDays}</td>
                <td className="num">{p.absenceDays}</td>
                <td className="num" data-testid="capacity-hours">
                  {hours(p.capacityMinutes)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Time off</h3>
      {absences.data?.rows.length === 0 && <p className="muted">No absences recorded.</p>}
      <ul className="absences">
        {absences.data?.rows.map((a) => (
          <li key={a.id}>
            <span>
              <strong>{ABSENCE_KIND_LABELS[a.kind]}</strong> {day(a.startDate)} – {day(a.endDate)}
              {a.note && <span className="muted"> · {a.note}</span>}
            </span>
            {!readOnly && (
              <button
                type="button"
                className="button button--small button--ghost"
                disabled={remove.isPending}
                onClick={async () => {
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
                }}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly &&
        (adding ? (
          <AbsenceForm specialistId={specialistId} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Add absence…
          </button>
        ))}
    </section>
  );
}

function AbsenceForm({ specialistId, onDone }: { specialistId: string; onDone(): void }) {
  const form = useSchemaForm(
    absenceFields,
    { specialistId, kind: 'vacation', startDate: '', endDate: '', note: '' },
    { idPrefix: 'absence' },
  );
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
      <DateField {...form.field('startDate')} label="From" />
      <DateField {...form.field('endDate')} label="To" />
      <TextField {...form.field('note')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Record absence" onCancel={onDone} cancelLabel="Back" />
    </form>
  );
}
