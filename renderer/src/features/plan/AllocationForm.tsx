import { day } from '@renderer/components/dates';
import {
  DateField,
  FormFooter,
  type FormOutput,
  type FormValues,
  NumberField,
  SelectField,
  TextArea,
  useSchemaForm,
} from '@renderer/ui/fields';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import type { SpecialistListItem } from '@shared/clients/contract/specialists';
import { allocationFields } from '@shared/plan/contract/allocations';
import { joinedDateField } from '../clients/joined';

export type AllocationFormValues = FormValues<typeof allocationFields>;

export const emptyAllocation: AllocationFormValues = {
  specialistId: '',
  engagementId: '',
  startDate: '',
  endDate: '',
  loadPercent: 100,
  status: 'tentative',
  note: '',
};

type Props = {
  initial: AllocationFormValues;
  specialists: SpecialistListItem[];
  engagements: EngagementListItem[];
  submitLabel: string;
  onSave(values: FormOutput<typeof allocationFields>): Promise<unknown>;
  onCancel(): void;
};

const STATUS_OPTIONS = [
  { value: 'tentative', label: 'Tentative' },
  { value: 'confirmed', label: 'Confirmed' },
] as const;

export function AllocationForm({ initial, specialists, engagements, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(allocationFields, initial, { idPrefix: 'allocation' });
  const { values } = form;
  const engagement = engagements.find((e) => e.id === values.engagementId);
  const startField = form.field('startDate');
  const joined = joinedDateField(
    specialists.find((s) => s.id === values.specialistId),
    values.startDate,
    { error: startField.error },
  );
  const specialistOptions = specialists
    .filter((s) => (!s.archivedAt && s.status !== 'left') || s.id === initial.specialistId)
    .map((s) => ({ value: s.id, label: s.fullName }));
  const engagementOptions = engagements
    .filter((e) => !e.archivedAt || e.id === initial.engagementId)
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
      <SelectField {...form.field('specialistId')} label="Specialist" placeholder="Choose a specialist" options={specialistOptions} wide />
      <SelectField
        {...form.field('engagementId')}
        label="Engagement"
        placeholder="Choose an engagement"
        options={engagementOptions}
        hint={
          engagement ? `Runs ${day(engagement.startDate)} to ${engagement.endDate ? day(engagement.endDate) : 'open-ended'}.` : undefined
        }
        onChange={(v) => {
          form.set('engagementId', v);
          const chosen = engagements.find((e) => e.id === v);
          if (chosen && !values.startDate) form.set('startDate', chosen.startDate);
          if (chosen?.endDate && !values.endDate) form.set('endDate', chosen.endDate);
        }}
        wide
      />
      <DateField {...startField} label="Start date" error={joined.error} hint={joined.hint} />
      <DateField {...form.field('endDate')} label="End date" hint="Extend or end early by changing it." />
      <NumberField {...form.field('loadPercent')} label="Load (%)" hint="100% is full-time; less for a ramp-up or a hand-over." />
      <SelectField {...form.field('status')} options={STATUS_OPTIONS} hint="Confirmed allocations must respect one client at a time." />
      <TextArea {...form.field('note')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
