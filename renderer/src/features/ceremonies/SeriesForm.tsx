import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { DateField, FormFooter, NumberField, SelectField, TextArea, TextField, TimeField, useSchemaForm } from '@renderer/ui/fields';
import { type CeremonySeries, seriesInput, seriesProcedures } from '@shared/ceremonies/contract/series';
import { CEREMONY_TYPE_LABELS, CEREMONY_TYPES } from '@shared/ceremonies/rules/vocabulary';
import { RecurrenceFields } from './RecurrenceFields';

const updateInput = seriesProcedures['ceremonies.update'].input;

/** Plans a ceremony (or changes one): what, when and how it repeats in the client's zone, who takes part, about which models. */
export function SeriesForm({ series, engagementId, onDone }: { series: CeremonySeries | null; engagementId: string; onDone(): void }) {
  return series ? <EditSeries series={series} onDone={onDone} /> : <NewSeries engagementId={engagementId} onDone={onDone} />;
}

function NewSeries({ engagementId, onDone }: { engagementId: string; onDone(): void }) {
  const create = useCommand('ceremonies.create');
  const toast = useToasts((s) => s.show);
  const today = useToday();
  const engagements = useProcedure('engagements.list', {});
  const form = useSchemaForm(
    seriesInput,
    {
      engagementId,
      timeZone: '',
      type: 'model_review',
      title: '',
      participants: [],
      modelIds: [],
      location: '',
      meetingUrl: '',
      agenda: '',
      startDate: today,
      startTime: '10:00',
      durationMinutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    },
    { idPrefix: 'series' },
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          const saved = await create.mutateAsync(values);
          toast({ tone: 'info', message: `Planned ${saved.title}: ${saved.ruleText}.` });
          onDone();
        });
      }}
    >
      <SelectField
        {...form.field('engagementId')}
        label="Engagement"
        placeholder="Choose the engagement"
        options={(engagements.data?.rows ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.clientName})` }))}
      />
      <Fields form={form} engagementId={form.values.engagementId} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Plan it" onCancel={onDone} />
    </form>
  );
}

function EditSeries({ series: s, onDone }: { series: CeremonySeries; onDone(): void }) {
  const update = useCommand('ceremonies.update');
  const toast = useToasts((t) => t.show);
  const form = useSchemaForm(
    updateInput,
    {
      id: s.id,
      expectedUpdatedAt: s.updatedAt,
      type: s.type,
      title: s.title,
      participants: s.participants.map((p) => ({ kind: p.kind, id: p.id, role: p.role })),
      modelIds: s.models.map((m) => m.id),
      location: s.location,
      meetingUrl: s.meetingUrl,
      agenda: s.agenda,
      startDate: s.startDate,
      startTime: s.startTime,
      durationMinutes: s.durationMinutes,
      rrule: s.rrule,
    },
    { idPrefix: 'series' },
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          await update.mutateAsync(values);
          toast({ tone: 'info', message: `Saved ${values.title}.` });
          onDone();
        });
      }}
    >
      {(s.recorded > 0 || s.exceptions.length > 0) && (
        <p className="muted form__wide">
          Occurrences of it are recorded or changed, so its schedule stays; to change when it meets from some day on, open that occurrence
          in the calendar and choose “Change this and following”.
        </p>
      )}
      <Fields form={form} engagementId={s.engagementId} timeZone={s.timeZone} locked={s.recorded > 0 || s.exceptions.length > 0} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Save" onCancel={onDone} />
    </form>
  );
}

type AnyForm = ReturnType<typeof useSchemaForm<typeof seriesInput>> | ReturnType<typeof useSchemaForm<typeof updateInput>>;

/** The fields a new series and an edited one share. */
function Fields({
  form: f,
  engagementId,
  timeZone,
  locked = false,
}: {
  form: AnyForm;
  engagementId: string;
  timeZone?: string;
  locked?: boolean;
}) {
  const form = f as ReturnType<typeof useSchemaForm<typeof seriesInput>>;
  const options = useProcedure('ceremonies.options', { engagementId }, engagementId !== '');
  const zone = timeZone ?? options.data?.timeZone ?? 'the client’s zone';
  const participants = form.values.participants ?? [];
  const roleOf = (kind: string, id: string) => participants.find((p) => p.kind === kind && p.id === id)?.role ?? '';
  return (
    <>
      <SelectField
        {...form.field('type')}
        label="Type"
        options={CEREMONY_TYPES.map((t) => ({ value: t, label: CEREMONY_TYPE_LABELS[t] }))}
      />
      <TextField {...form.field('title')} label="Title" wide />
      {!locked && (
        <>
          <DateField {...form.field('startDate')} label="First date" />
          <TimeField {...form.field('startTime')} label={`Time (${zone})`} />
          <NumberField {...form.field('durationMinutes')} label="Duration (minutes)" />
          <RecurrenceFields
            id="series-rule"
            startDate={form.values.startDate}
            value={form.values.rrule ?? null}
            error={form.errorFor('rrule')}
            onChange={(rrule) => form.set('rrule', rrule)}
          />
        </>
      )}
      <fieldset className="field field--wide ui-checks cer-people">
        <legend>Who takes part</legend>
        {!options.data ? (
          <p className="muted">{engagementId ? 'Loading…' : 'Choose the engagement first.'}</p>
        ) : options.data.people.length === 0 ? (
          <p className="muted">Nobody is allocated to the engagement and the client has no contacts yet.</p>
        ) : (
          <table className="table cer-people__table">
            <tbody>
              {options.data.people.map((p) => (
                <tr key={`${p.kind}:${p.id}`}>
                  <th scope="row">
                    {p.name} <span className="muted">{p.kind === 'contact' ? 'client' : 'team'}</span>
                  </th>
                  <td>
                    <select
                      aria-label={`Role of ${p.name}`}
                      value={roleOf(p.kind, p.id)}
                      onChange={(e) => {
                        const others = participants.filter((x) => !(x.kind === p.kind && x.id === p.id));
                        const role = e.target.value as '' | 'accountable' | 'attendee';
                        form.set('participants', role ? [...others, { kind: p.kind, id: p.id, role }] : others);
                      }}
                    >
                      <option value="">Not taking part</option>
                      <option value="accountable">Accountable</option>
                      <option value="attendee">Attending</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {form.errorFor('participants') && <p className="field__error">{form.errorFor('participants')}</p>}
      </fieldset>
      {(options.data?.models.length ?? 0) > 0 && (
        <fieldset className="field field--wide ui-checks">
          <legend>About the models</legend>
          <div className="ui-checks__options">
            {options.data?.models.map((m) => (
              <label key={m.id} className="check">
                <input
                  type="checkbox"
                  checked={(form.values.modelIds ?? []).includes(m.id)}
                  onChange={(e) =>
                    form.set(
                      'modelIds',
                      e.target.checked ? [...(form.values.modelIds ?? []), m.id] : (form.values.modelIds ?? []).filter((x) => x !== m.id),
                    )
                  }
                />
                {m.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <TextField {...form.field('location')} value={form.values.location ?? ''} label="Where" />
      <TextField {...form.field('meetingUrl')} value={form.values.meetingUrl ?? ''} label="Meeting link (https)" />
      <TextArea {...form.field('agenda')} value={form.values.agenda ?? ''} label="Agenda template (one item per line)" />
    </>
  );
}

/** Ends a series after a last day. */
export function EndForm({ series: s, onDone }: { series: CeremonySeries; onDone(): void }) {
  const end = useCommand('ceremonies.end');
  const today = useToday();
  const form = useSchemaForm(
    seriesProcedures['ceremonies.end'].input,
    { id: s.id, lastDate: today, expectedUpdatedAt: s.updatedAt },
    { idPrefix: 'end' },
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          await end.mutateAsync(values);
          onDone();
        });
      }}
    >
      <p className="muted form__wide">Occurrences up to and including the last day stay; none follows it.</p>
      <DateField {...form.field('lastDate')} label="Last day" />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="End the series" onCancel={onDone} />
    </form>
  );
}
