import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNow } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { FormFooter, SelectField, TextField } from '@renderer/components/fields';
import { useSchemaForm } from '@renderer/components/useSchemaForm';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { ABSENCE_KIND_LABELS, ABSENCE_KINDS, type AbsenceKind, absenceFields } from '@shared/plan/contract/allocations';
import { format, parseISO, startOfMonth } from 'date-fns';
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
                <td>{format(parseISO(p.start), 'MMMM yyyy')}</td>
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
  const form = useSchemaForm(absenceFields, { specialistId, kind: 'vacation' as AbsenceKind, startDate: '', endDate: '', note: '' });
  const create = useCommand('absences.create');
  const toast = useToasts((s) => s.show);
  const { values } = form;
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
      <SelectField
        id="absence-kind"
        label="Kind"
        value={values.kind ?? 'vacation'}
        options={ABSENCE_KINDS.map((k) => ({ value: k, label: ABSENCE_KIND_LABELS[k] }))}
        onChange={(v) => form.set('kind', v as AbsenceKind)}
      />
      <TextField
        id="absence-start"
        label="From"
        type="date"
        value={values.startDate ?? ''}
        onChange={(v) => form.set('startDate', v)}
        onBlur={() => form.blur('startDate')}
        error={form.errorFor('startDate')}
      />
      <TextField
        id="absence-end"
        label="To"
        type="date"
        value={values.endDate ?? ''}
        onChange={(v) => form.set('endDate', v)}
        onBlur={() => form.blur('endDate')}
        error={form.errorFor('endDate')}
      />
      <TextField
        id="absence-note"
        label="Note"
        value={values.note ?? ''}
        onChange={(v) => form.set('note', v)}
        error={form.errorFor('note')}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Record absence" onCancel={onDone} cancelLabel="Back" />
    </form>
  );
}
