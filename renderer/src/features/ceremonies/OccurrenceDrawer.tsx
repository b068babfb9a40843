import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { weekdayDay } from '@renderer/components/dates';
import { saveBase64File } from '@renderer/components/download';
import { Badge } from '@renderer/ui/Badge';
import { Drawer } from '@renderer/ui/Drawer';
import { DateField, FormFooter, NumberField, SelectField, TextArea, TextField, TimeField, useSchemaForm } from '@renderer/ui/fields';
import { actionInput, type OccurrenceDetail, occurrenceProcedures } from '@shared/ceremonies/contract/occurrences';
import { seriesProcedures } from '@shared/ceremonies/contract/series';
import { CEREMONY_TYPE_LABELS, OCCURRENCE_STATE_LABELS } from '@shared/ceremonies/rules/vocabulary';
import { useState } from 'react';
import { ActionRow } from './ActionRow';
import { useCeremonies } from './ceremoniesStore';
import { flagText, minutesText, STATE_TONE, timeWithViewer } from './labels';
import { RecurrenceFields } from './RecurrenceFields';

type Panel = 'none' | 'move' | 'cancel' | 'split' | 'action';

/** One occurrence: when and where, its agenda with the action items carried to it, its record, and what can change. */
export function OccurrenceDrawer({ seriesId, occurrenceKey }: { seriesId: string; occurrenceKey: string }) {
  const set = useCeremonies((s) => s.set);
  const detail = useProcedure('ceremonies.occurrence', { seriesId, key: occurrenceKey });
  const close = () => set({ open: '' });
  const o = detail.data;
  return (
    <Drawer title={o ? o.title : 'Ceremony'} onClose={close}>
      {detail.error && <p className="form__error">{detail.error.message}</p>}
      {!o ? <p className="list-status">Loading…</p> : <OccurrenceBody o={o} />}
    </Drawer>
  );
}

function OccurrenceBody({ o }: { o: OccurrenceDetail }) {
  const [panel, setPanel] = useState<Panel>('none');
  const restore = useCommand('ceremonies.restoreOccurrence');
  const exportIcs = useCommand('ceremonies.exportIcs');
  const toast = useToasts((s) => s.show);
  const s = o.series;
  const started = o.state !== 'planned';
  const accountable = s.participants.filter((p) => p.role === 'accountable');
  const attending = s.participants.filter((p) => p.role === 'attendee');
  return (
    <div className="cer-occ">
      <p className="cer-occ__when">
        <strong>{weekdayDay(o.date)}</strong>, {timeWithViewer(o.startsAt, o.time, o.timeZone)} · {minutesText(o.durationMinutes)}{' '}
        <Badge tone={STATE_TONE[o.state]} strong={o.state === 'missed'}>
          {OCCURRENCE_STATE_LABELS[o.state]}
        </Badge>
      </p>
      <p className="muted">
        {CEREMONY_TYPE_LABELS[s.type]} · {s.engagementName} ({s.clientName}) · {s.ruleText}
        {o.moved && ` · moved from ${o.key.replace('T', ' ')}`}
        {o.reason && ` · ${o.reason}`}
      </p>
      {o.flags.length > 0 && (
        <ul className="cer-flags">
          {o.flags.map((f) => (
            <li key={flagText(f)}>
              <Badge tone={f.kind === 'freeze' ? 'critical' : 'attention'}>{flagText(f)}</Badge>
            </li>
          ))}
        </ul>
      )}
      <dl className="cer-occ__facts">
        {s.location && (
          <>
            <dt>Where</dt>
            <dd>{s.location}</dd>
          </>
        )}
        {s.meetingUrl && (
          <>
            <dt>Meeting link</dt>
            <dd>
              <a href={s.meetingUrl} target="_blank" rel="noreferrer noopener">
                {s.meetingUrl}
              </a>
            </dd>
          </>
        )}
        <dt>Accountable</dt>
        <dd>{accountable.map((p) => p.name).join(', ') || 'Nobody named'}</dd>
        {attending.length > 0 && (
          <>
            <dt>Attending</dt>
            <dd>{attending.map((p) => p.name).join(', ')}</dd>
          </>
        )}
        {s.models.length > 0 && (
          <>
            <dt>Models</dt>
            <dd>{s.models.map((m) => m.name).join(', ')}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="cer-agenda-h">
        <h3 id="cer-agenda-h">Agenda</h3>
        {s.agenda ? (
          <ol className="cer-agenda-lines">
            {s.agenda
              .split('\n')
              .filter((l) => l.trim() !== '')
              .map((line) => (
                <li key={line}>{line}</li>
              ))}
          </ol>
        ) : (
          <p className="muted">No agenda template.</p>
        )}
        <h4>Action items carried forward</h4>
        {o.carriedItems.length === 0 ? (
          <p className="muted">None open from earlier occurrences.</p>
        ) : (
          <ul className="cer-actions">
            {o.carriedItems.map((a) => (
              <ActionRow key={a.id} item={a} />
            ))}
          </ul>
        )}
      </section>

      {!o.cancelled && (
        <section aria-labelledby="cer-record-h">
          <h3 id="cer-record-h">Record</h3>
          {started ? (
            <RecordForm o={o} key={o.outcome?.updatedAt ?? 'new'} />
          ) : (
            <p className="muted">It can be recorded once it has begun.</p>
          )}
        </section>
      )}

      <section aria-labelledby="cer-raised-h">
        <h3 id="cer-raised-h">Action items raised here</h3>
        {o.raisedItems.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="cer-actions">
            {o.raisedItems.map((a) => (
              <ActionRow key={a.id} item={a} />
            ))}
          </ul>
        )}
        {panel === 'action' ? (
          <ActionForm o={o} onDone={() => setPanel('none')} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setPanel('action')}>
            Add an action item
          </button>
        )}
      </section>

      <section aria-labelledby="cer-change-h">
        <h3 id="cer-change-h">Change</h3>
        <div className="cer-occ__buttons">
          {!o.outcome && !o.cancelled && (
            <>
              <button type="button" className="button button--secondary" onClick={() => setPanel('move')}>
                Move this occurrence
              </button>
              <button type="button" className="button button--secondary" onClick={() => setPanel('cancel')}>
                Cancel this occurrence
              </button>
            </>
          )}
          {(o.moved || o.cancelled) && !o.outcome && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                void restore
                  .mutateAsync({ seriesId: s.id, key: o.key })
                  .then(() => toast({ tone: 'info', message: 'The occurrence is back where the series puts it.' }))
                  .catch((e: Error) => toast({ tone: 'error', message: e.message }))
              }
            >
              Undo the {o.cancelled ? 'cancellation' : 'move'}
            </button>
          )}
          {s.rrule !== null && !o.outcome && (
            <button type="button" className="button button--secondary" onClick={() => setPanel('split')}>
              Change this and following…
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void exportIcs
                .mutateAsync({ seriesId: s.id })
                .then((file) => saveBase64File(file.fileName, file.base64))
                .catch((e: Error) => toast({ tone: 'error', message: e.message }))
            }
          >
            Download the series (.ics)
          </button>
        </div>
        {panel === 'move' && <MoveForm o={o} onDone={() => setPanel('none')} />}
        {panel === 'cancel' && <CancelForm o={o} onDone={() => setPanel('none')} />}
        {panel === 'split' && <SplitForm o={o} onDone={() => setPanel('none')} />}
      </section>
    </div>
  );
}

const recordSchema = occurrenceProcedures['ceremonies.record'].input;

function RecordForm({ o }: { o: OccurrenceDetail }) {
  const record = useCommand('ceremonies.record');
  const toast = useToasts((s) => s.show);
  const people = o.series.participants;
  const present = new Set((o.outcome?.attendance ?? []).filter((a) => a.present).map((a) => `${a.kind}:${a.id}`));
  const form = useSchemaForm(
    recordSchema,
    {
      seriesId: o.seriesId,
      key: o.key,
      status: o.outcome?.status ?? 'held',
      notes: o.outcome?.notes ?? '',
      attendance: people.map((p) => ({ kind: p.kind, id: p.id, present: o.outcome ? present.has(`${p.kind}:${p.id}`) : true })),
      decisions: (o.outcome?.decisions ?? []).map((d) => ({ text: d.text, modelId: d.modelId })),
      expectedUpdatedAt: o.outcome?.updatedAt,
    },
    { idPrefix: 'rec' },
  );
  const attendance = form.values.attendance ?? [];
  const decisions = form.values.decisions ?? [];
  const modelOptions = o.series.models.map((m) => ({ value: m.id, label: m.name }));
  return (
    <form
      className="form cer-record"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          await record.mutateAsync(values);
          toast({ tone: 'info', message: `Recorded ${o.title} of ${weekdayDay(o.date)}.` });
        });
      }}
    >
      <fieldset className="field ui-checks">
        <legend>Held?</legend>
        <div className="ui-checks__options">
          {(['held', 'not_held'] as const).map((status) => (
            <label key={status} className="check">
              <input type="radio" name="rec-status" checked={form.values.status === status} onChange={() => form.set('status', status)} />
              {status === 'held' ? 'Held' : 'Not held'}
            </label>
          ))}
        </div>
      </fieldset>
      {people.length > 0 && (
        <fieldset className="field ui-checks">
          <legend>Attended</legend>
          <div className="ui-checks__options">
            {people.map((p, i) => (
              <label key={`${p.kind}:${p.id}`} className="check">
                <input
                  type="checkbox"
                  checked={attendance[i]?.present ?? false}
                  onChange={(e) =>
                    form.set(
                      'attendance',
                      attendance.map((a, j) => (j === i ? { ...a, present: e.target.checked } : a)),
                    )
                  }
                />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <TextArea {...form.field('notes')} label="Notes" value={form.values.notes ?? ''} />
      <fieldset className="field field--wide ui-checks cer-decisions">
        <legend>Decisions</legend>
        {decisions.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: decisions are edited in place by position; they have no id until saved.
          <div key={i} className="cer-decision">
            <label className="ui-visually-hidden" htmlFor={`rec-decision-${i}`}>
              Decision {i + 1}
            </label>
            <input
              id={`rec-decision-${i}`}
              value={d.text}
              onChange={(e) =>
                form.set(
                  'decisions',
                  decisions.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)),
                )
              }
            />
            {modelOptions.length > 0 && (
              <select
                className="cer-decision__model"
                aria-label={`Model of decision ${i + 1}`}
                value={d.modelId ?? ''}
                onChange={(e) =>
                  form.set(
                    'decisions',
                    decisions.map((x, j) => (j === i ? { ...x, modelId: e.target.value || null } : x)),
                  )
                }
              >
                <option value="">No particular model</option>
                {modelOptions.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                form.set(
                  'decisions',
                  decisions.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => form.set('decisions', [...decisions, { text: '', modelId: null }])}
        >
          Add a decision
        </button>
        {form.errorFor('decisions') && <p className="field__error">{form.errorFor('decisions')}</p>}
      </fieldset>
      {form.formError && (
        <p className="form__error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={form.saving}>
          {o.outcome ? 'Save the record' : 'Record'}
        </button>
      </div>
    </form>
  );
}

function ActionForm({ o, onDone }: { o: OccurrenceDetail; onDone(): void }) {
  const create = useCommand('actions.create');
  const options = useProcedure('ceremonies.options', { engagementId: o.engagementId });
  const form = useSchemaForm(
    actionInput,
    { seriesId: o.seriesId, occurrenceKey: o.key, title: '', owner: null, dueDate: '', modelId: null },
    { idPrefix: 'act' },
  );
  const people = options.data?.people ?? o.series.participants;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          await create.mutateAsync(values);
          onDone();
        });
      }}
    >
      <TextField {...form.field('title')} label="What" wide />
      <SelectField
        {...form.field('owner')}
        label="Owner"
        value={form.values.owner ? `${form.values.owner.kind}:${form.values.owner.id}` : ''}
        placeholder="Choose who will do it"
        options={people.map((p) => ({ value: `${p.kind}:${p.id}`, label: `${p.name}${p.kind === 'contact' ? ' (client)' : ''}` }))}
        onChange={(v: string) => {
          const [kind, id] = v.split(':') as ['specialist' | 'contact', string];
          form.set('owner', { kind, id });
        }}
      />
      <DateField {...form.field('dueDate')} label="Due" />
      <SelectField
        {...form.field('modelId')}
        label="Model"
        value={form.values.modelId ?? ''}
        placeholder="No particular model"
        options={(options.data?.models ?? o.series.models).map((m) => ({ value: m.id, label: m.name }))}
        onChange={(v: string) => form.set('modelId', v || null)}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Add the action item" onCancel={onDone} />
    </form>
  );
}

function MoveForm({ o, onDone }: { o: OccurrenceDetail; onDone(): void }) {
  const move = useCommand('ceremonies.moveOccurrence');
  const form = useSchemaForm(
    occurrenceProcedures['ceremonies.moveOccurrence'].input,
    { seriesId: o.seriesId, key: o.key, date: o.date, time: o.time, durationMinutes: o.durationMinutes, reason: '' },
    { idPrefix: 'move' },
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          await move.mutateAsync(values);
          onDone();
        });
      }}
    >
      <DateField {...form.field('date')} label="New date" />
      <TimeField {...form.field('time')} label={`New time (${o.timeZone})`} />
      <NumberField {...form.field('durationMinutes')} value={form.values.durationMinutes ?? Number.NaN} label="Duration (minutes)" />
      <TextField {...form.field('reason')} label="Why (optional)" wide />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Move it" onCancel={onDone} />
    </form>
  );
}

function CancelForm({ o, onDone }: { o: OccurrenceDetail; onDone(): void }) {
  const cancel = useCommand('ceremonies.cancelOccurrence');
  const form = useSchemaForm(
    occurrenceProcedures['ceremonies.cancelOccurrence'].input,
    { seriesId: o.seriesId, key: o.key, reason: '' },
    { idPrefix: 'cancel' },
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          await cancel.mutateAsync(values);
          onDone();
        });
      }}
    >
      <TextField {...form.field('reason')} label="Why (optional)" wide />
      <FormFooter
        error={form.formError}
        saving={form.saving}
        submitLabel="Cancel this occurrence"
        cancelLabel="Keep it"
        danger
        onCancel={onDone}
      />
    </form>
  );
}

function SplitForm({ o, onDone }: { o: OccurrenceDetail; onDone(): void }) {
  const split = useCommand('ceremonies.split');
  const set = useCeremonies((s) => s.set);
  const s = o.series;
  const form = useSchemaForm(
    seriesProcedures['ceremonies.split'].input,
    {
      id: s.id,
      occurrenceKey: o.key,
      expectedUpdatedAt: s.updatedAt,
      startDate: o.key.slice(0, 10),
      startTime: o.key.slice(11),
      durationMinutes: s.durationMinutes,
      rrule: s.rrule,
    },
    { idPrefix: 'split' },
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          const next = await split.mutateAsync(values);
          set({ open: '', day: next.startDate });
          onDone();
        });
      }}
    >
      <p className="muted form__wide">
        From {weekdayDay(o.key.slice(0, 10))} on, the series follows the schedule below; the occurrences before stay as they were.
      </p>
      <DateField {...form.field('startDate')} label="From" />
      <TimeField {...form.field('startTime')} label={`Time (${s.timeZone})`} />
      <NumberField {...form.field('durationMinutes')} label="Duration (minutes)" />
      <RecurrenceFields
        id="split-rule"
        startDate={form.values.startDate}
        value={form.values.rrule ?? null}
        error={form.errorFor('rrule')}
        repeatOnly
        onChange={(rrule) => form.set('rrule', rrule)}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Change from here on" onCancel={onDone} />
    </form>
  );
}
