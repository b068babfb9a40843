import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { type BoundField, DateField, FormFooter, TextArea, useSchemaForm } from '@renderer/ui/fields';
import { continuityProcedures, pauseFields, type ReplacementItem, type ReplacementPause } from '@shared/continuity/contract';
import { useState } from 'react';

/**
 * Documented client-side waits that hold the clock (the client postpones the
 * interviews…): business days inside a pause do not count. Overlaps and
 * pauses outside the request's dates are refused by the backend, in words.
 * Pauses change only while the request is open.
 */
export function PausesSection({ request: r }: { request: ReplacementItem }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const remove = useCommand('replacements.deletePause');
  const toast = useToasts((s) => s.show);
  // Pauses are final once the request is closed: removing one could turn a met request into an unexplained breach.
  const changeable = r.status === 'open';
  if (!changeable && r.pauses.length === 0) return null;
  return (
    <section className="drawer__section" aria-label="Pauses">
      <div className="section-head">
        <h3>Pauses</h3>
        {changeable && editing === null && (
          <button type="button" className="button button--small" onClick={() => setEditing('new')}>
            Add pause…
          </button>
        )}
      </div>
      {r.pauses.length === 0 && editing !== 'new' && (
        <p className="muted section-empty">
          No pause. Pause the clock when the client makes the search wait — e.g. it postpones the interviews.
        </p>
      )}
      <ul className="item-list">
        {r.pauses.map((p) =>
          editing === p.id ? (
            <li key={p.id} className="item-list__form">
              <PauseForm requestId={r.id} pause={p} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={p.id} className="item-list__item">
              <div>
                <div className="item-list__title">
                  {p.startDate === p.endDate ? day(p.startDate) : `${day(p.startDate)} – ${day(p.endDate)}`}
                </div>
                <div className="item-list__sub">{p.reason}</div>
              </div>
              {changeable && editing === null && (
                <div className="item-list__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Edit the pause from ${day(p.startDate)}`}
                    onClick={() => setEditing(p.id)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger-outline"
                    aria-label={`Delete the pause from ${day(p.startDate)}`}
                    disabled={remove.isPending}
                    onClick={async () => {
                      const yes = await askConfirm({
                        title: `Delete the pause from ${day(p.startDate)} to ${day(p.endDate)}?`,
                        message: 'The clock will count those days again.',
                        confirmLabel: 'Delete pause',
                        tone: 'danger',
                      });
                      if (!yes) return;
                      remove.mutate(
                        { id: p.id },
                        {
                          onSuccess: (saved) => toast({ tone: 'info', message: `Pause deleted. Due ${day(saved.clock.dueDate)}.` }),
                          onError: (e) => toast({ tone: 'error', message: e.message }),
                        },
                      );
                    }}
                  >
                    Delete
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {editing === 'new' && <PauseForm requestId={r.id} pause={null} onDone={() => setEditing(null)} />}
    </section>
  );
}

/** The pause's fields, bound to the add or the change schema, and the form's state. */
type PauseFormState = {
  startDate: BoundField<string>;
  endDate: BoundField<string>;
  reason: BoundField<string>;
  formError: string | null;
  saving: boolean;
};

const pauseState = (form: {
  field(key: 'startDate' | 'endDate' | 'reason'): BoundField<string>;
  formError: string | null;
  saving: boolean;
}): PauseFormState => ({
  startDate: form.field('startDate'),
  endDate: form.field('endDate'),
  reason: form.field('reason'),
  formError: form.formError,
  saving: form.saving,
});

function PauseForm({ requestId, pause, onDone }: { requestId: string; pause: ReplacementPause | null; onDone(): void }) {
  return pause ? <EditPause pause={pause} onDone={onDone} /> : <AddPause requestId={requestId} onDone={onDone} />;
}

function useSaved(verb: string, onDone: () => void) {
  const toast = useToasts((s) => s.show);
  return (saved: ReplacementItem) => {
    toast({ tone: 'info', message: `${verb}. Due ${day(saved.clock.dueDate)}.` });
    onDone();
  };
}

function AddPause({ requestId, onDone }: { requestId: string; onDone(): void }) {
  const add = useCommand('replacements.addPause');
  const form = useSchemaForm(pauseFields, { requestId, startDate: '', endDate: '', reason: '' });
  const saved = useSaved('Clock paused', onDone);
  return (
    <PauseFormView
      form={pauseState(form)}
      prefix="pause-new"
      title="Pause the clock"
      submitLabel="Add pause"
      onSubmit={() => void form.submit(async (data) => saved(await add.mutateAsync(data)))}
      onCancel={onDone}
    />
  );
}

function EditPause({ pause, onDone }: { pause: ReplacementPause; onDone(): void }) {
  const update = useCommand('replacements.updatePause');
  const { id, startDate, endDate, reason } = pause;
  const form = useSchemaForm(continuityProcedures['replacements.updatePause'].input, { id, startDate, endDate, reason });
  const saved = useSaved('Pause changed', onDone);
  return (
    <PauseFormView
      form={pauseState(form)}
      prefix={`pause-${id}`}
      title="Change the pause"
      submitLabel="Save pause"
      onSubmit={() => void form.submit(async (data) => saved(await update.mutateAsync(data)))}
      onCancel={onDone}
    />
  );
}

function PauseFormView({
  form,
  prefix,
  title,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  form: PauseFormState;
  prefix: string;
  title: string;
  submitLabel: string;
  onSubmit(): void;
  onCancel(): void;
}) {
  return (
    <form
      className="form form--boxed"
      noValidate
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 className="form__title">{title}</h3>
      <DateField {...form.startDate} id={`${prefix}-start`} label="From" autoFocus />
      <DateField {...form.endDate} id={`${prefix}-end`} label="To (inclusive)" />
      <TextArea
        {...form.reason}
        id={`${prefix}-reason`}
        label="Reason (the client-side wait)"
        hint="e.g. Client postponed the interviews until after its release week."
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
