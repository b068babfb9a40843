import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { day } from '@renderer/components/dates';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { Drawer } from '@renderer/ui/Drawer';
import { CheckboxGroup, DateField, FormFooter, optionsOf, SelectField, useSchemaForm } from '@renderer/ui/fields';
import { type AssignResult, matrixProcedures } from '@shared/ownership/contract/matrix';
import { ASSET_TYPE_LABELS, ASSET_TYPES, ROLE_LABELS, ROLES, type RowType } from '@shared/ownership/rules/vocabulary';
import { useState } from 'react';
import { AssignOutcome } from './AssignForm';
import { useAsOf } from './controls';
import { personOf, personValue } from './labels';
import { useEngagements, usePeopleOptions } from './people';

const ROW_TYPES: RowType[] = ['model', ...ASSET_TYPES];
const ROW_TYPE_LABELS: Record<RowType, string> = { model: 'Models', ...ASSET_TYPE_LABELS };

const optionLabel = (groups: { options: readonly { value: string; label: string }[] }[], value: string) =>
  groups.flatMap((g) => g.options).find((o) => o.value === value)?.label ?? 'this person';

/** "Give a duty across the engagement…": one person, one role, one duty, every model and asset (or some row types). */
export function BulkAssignDrawer({
  engagementId,
  clientId,
  person = '',
  onClose,
}: {
  engagementId: string;
  clientId: string;
  person?: string;
  onClose(): void;
}) {
  const bulk = useCommand('ownership.bulkAssign');
  const asOf = useAsOf();
  const engagements = useEngagements();
  const form = useSchemaForm(
    matrixProcedures['ownership.bulkAssign'].input,
    {
      engagementId,
      dutyKey: '',
      role: '',
      person: personOf(person) ?? { kind: 'specialist', id: '' },
      fromDate: asOf,
      toDate: null,
      types: [],
    },
    { idPrefix: 'bulk' },
  );
  const { values } = form;
  const chosenEngagement = engagements.rows.find((e) => e.id === values.engagementId);
  const duties = useProcedure('duties.list', { engagementId: values.engagementId }, values.engagementId !== '');
  const people = usePeopleOptions(values.engagementId, chosenEngagement?.clientId ?? clientId);
  const [result, setResult] = useState<AssignResult | null>(null);
  const personField = form.field('person');
  const dutyOptions = (duties.data?.duties ?? [])
    .filter((d) => d.retiredOn === null || d.retiredOn > values.fromDate)
    .map((d) => ({ value: d.key, label: d.name }));

  return (
    <Drawer title="Give a duty across the engagement" onClose={onClose}>
      <p className="drawer__sub">One person in one role on one duty of every model and asset of the engagement, from a day.</p>
      {result && <AssignOutcome result={result} what="Done" />}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async (data) => {
            const who = optionLabel(people.groups, personValue(data.person));
            const duty = dutyOptions.find((d) => d.value === data.dutyKey)?.label ?? data.dutyKey;
            const rows =
              data.types.length === 0 ? 'every model and asset' : data.types.map((t) => ROW_TYPE_LABELS[t].toLowerCase()).join(', ');
            const yes = await askConfirm({
              title: `Make ${who} ${ROLE_LABELS[data.role]} for ${duty} across ${chosenEngagement?.name ?? 'the engagement'}?`,
              message: `From ${day(data.fromDate)}${data.toDate ? ` to ${day(data.toDate)}` : ''}, on ${rows}. Existing assignments stay; the checks will say what clashes.`,
              confirmLabel: 'Give the duty',
            });
            if (yes) setResult(await bulk.mutateAsync(data));
          });
        }}
      >
        <SelectField
          {...form.field('engagementId')}
          label="Engagement"
          options={engagements.rows.map((e) => ({ value: e.id, label: `${e.name} — ${e.clientName}` }))}
          onChange={(v) => {
            form.set('engagementId', v);
            form.set('dutyKey', '');
          }}
          wide
        />
        <SelectField {...form.field('dutyKey')} label="Duty" placeholder="Choose a duty" options={dutyOptions} />
        <SelectField {...form.field('role')} placeholder="Choose a role" options={optionsOf(ROLES, ROLE_LABELS)} />
        <SelectField
          id={personField.id}
          label="Person"
          error={personField.error}
          onBlur={personField.onBlur}
          value={personValue(personField.value.id ? personField.value : null)}
          onChange={(v) => {
            const chosen = personOf(v);
            if (chosen) form.set('person', chosen);
          }}
          placeholder="Choose a person"
          groups={people.groups}
          wide
        />
        <DateField {...form.field('fromDate')} label="From" />
        <DateField {...form.field('toDate')} nullable label="To" hint="Empty: open-ended." />
        <CheckboxGroup
          {...form.field('types')}
          label="Only these rows"
          hint="None ticked: every model and asset."
          options={optionsOf(ROW_TYPES, ROW_TYPE_LABELS)}
          wide
        />
        <FormFooter error={form.formError} saving={form.saving} submitLabel="Give the duty…" onCancel={onClose} cancelLabel="Close" />
      </form>
    </Drawer>
  );
}

/** "Hand everything over…": what A holds (on one engagement, or all) ends the day before; B holds it from the day. */
export function HandoverDrawer({
  engagementId,
  clientId,
  from = '',
  onClose,
}: {
  engagementId: string;
  /** Whose contacts can be picked while no engagement is chosen. */
  clientId?: string | undefined;
  from?: string;
  onClose(): void;
}) {
  const handover = useCommand('ownership.handover');
  const today = useToday();
  const engagements = useEngagements();
  const form = useSchemaForm(
    matrixProcedures['ownership.handover'].input,
    {
      engagementId: engagementId || undefined,
      from: personOf(from) ?? { kind: 'specialist', id: '' },
      to: { kind: 'specialist', id: '' },
      fromDate: today,
    },
    { idPrefix: 'handover' },
  );
  const { values } = form;
  const scope = engagements.rows.find((e) => e.id === values.engagementId);
  const people = usePeopleOptions(values.engagementId ?? '', scope?.clientId ?? clientId);
  const [result, setResult] = useState<AssignResult | null>(null);
  const fromField = form.field('from');
  const toField = form.field('to');
  const engagementField = form.field('engagementId');

  return (
    <Drawer title="Hand everything over" onClose={onClose}>
      <p className="drawer__sub">
        Everything one person holds moves to another from a day: their assignments end the day before, the new person’s start on it.
      </p>
      {result && <AssignOutcome result={result} what="Handed over" />}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async (data) => {
            const a = optionLabel(people.groups, personValue(data.from));
            const b = optionLabel(people.groups, personValue(data.to));
            const yes = await askConfirm({
              title: `Hand everything ${a} holds to ${b}?`,
              message: `${scope ? `On ${scope.name}` : 'On every engagement'}: ${a}’s assignments end on the day before ${day(data.fromDate)}, and ${b} holds the same roles from ${day(data.fromDate)}.`,
              confirmLabel: 'Hand over',
            });
            if (yes) setResult(await handover.mutateAsync(data));
          });
        }}
      >
        <SelectField
          id={fromField.id}
          label="From"
          error={fromField.error}
          onBlur={fromField.onBlur}
          value={personValue(fromField.value.id ? fromField.value : null)}
          onChange={(v) => {
            const chosen = personOf(v);
            if (chosen) form.set('from', chosen);
          }}
          placeholder="Who hands over"
          groups={people.groups}
        />
        <SelectField
          id={toField.id}
          label="To"
          error={toField.error}
          onBlur={toField.onBlur}
          value={personValue(toField.value.id ? toField.value : null)}
          onChange={(v) => {
            const chosen = personOf(v);
            if (chosen) form.set('to', chosen);
          }}
          placeholder="Who takes over"
          groups={people.groups}
        />
        <DateField {...form.field('fromDate')} label="From day" hint="The new person’s first day." />
        <SelectField
          id={engagementField.id}
          label="Engagement"
          error={engagementField.error}
          onBlur={engagementField.onBlur}
          value={engagementField.value ?? ''}
          onChange={(v) => form.set('engagementId', v === '' ? undefined : v)}
          options={[
            { value: '', label: 'Every engagement' },
            ...engagements.rows.map((e) => ({ value: e.id, label: `${e.name} — ${e.clientName}` })),
          ]}
        />
        <FormFooter error={form.formError} saving={form.saving} submitLabel="Hand over…" onCancel={onClose} cancelLabel="Close" />
      </form>
    </Drawer>
  );
}
