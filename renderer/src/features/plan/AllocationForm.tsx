import { FormFooter, SelectField, TextArea, TextField } from '@renderer/components/fields';
import { useSchemaForm } from '@renderer/components/useSchemaForm';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import type { SpecialistListItem } from '@shared/clients/contract/specialists';
import { allocationFields } from '@shared/plan/contract/allocations';

export type AllocationFormValues = {
  specialistId: string;
  engagementId: string;
  startDate: string;
  endDate: string;
  loadPercent: number;
  status: 'tentative' | 'confirmed';
  note: string;
};

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
  onSave(values: AllocationFormValues): Promise<unknown>;
  onCancel(): void;
};

const STATUS_OPTIONS = [
  { value: 'tentative', label: 'Tentative' },
  { value: 'confirmed', label: 'Confirmed' },
];

export function AllocationForm({ initial, specialists, engagements, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(allocationFields, initial);
  const { values } = form;
  const engagement = engagements.find((e) => e.id === values.engagementId);
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
        void form.submit((data) => onSave(data as AllocationFormValues));
      }}
    >
      <SelectField
        id="allocation-specialist"
        label="Specialist"
        value={values.specialistId ?? ''}
        placeholder="Choose a specialist"
        options={specialistOptions}
        onChange={(v) => form.set('specialistId', v)}
        onBlur={() => form.blur('specialistId')}
        error={form.errorFor('specialistId')}
        wide
      />
      <SelectField
        id="allocation-engagement"
        label="Engagement"
        value={values.engagementId ?? ''}
        placeholder="Choose an engagement"
        options={engagementOptions}
        hint={engagement ? `Runs ${engagement.startDate} to ${engagement.endDate ?? 'open-ended'}.` : undefined}
        onChange={(v) => {
          form.set('engagementId', v);
          const chosen = engagements.find((e) => e.id === v);
          if (chosen && !values.startDate) form.set('startDate', chosen.startDate);
          if (chosen?.endDate && !values.endDate) form.set('endDate', chosen.endDate);
        }}
        onBlur={() => form.blur('engagementId')}
        error={form.errorFor('engagementId')}
        wide
      />
      <TextField
        id="allocation-start"
        label="Start date"
        type="date"
        value={values.startDate ?? ''}
        onChange={(v) => form.set('startDate', v)}
        onBlur={() => form.blur('startDate')}
        error={form.errorFor('startDate')}
      />
      <TextField
        id="allocation-end"
        label="End date"
        type="date"
        value={values.endDate ?? ''}
        hint="Extend or end early by changing it."
        onChange={(v) => form.set('endDate', v)}
        onBlur={() => form.blur('endDate')}
        error={form.errorFor('endDate')}
      />
      <TextField
        id="allocation-load"
        label="Load (%)"
        type="number"
        value={String(values.loadPercent ?? '')}
        hint="100% is full-time; less for a ramp-up or a hand-over."
        onChange={(v) => form.set('loadPercent', v === '' ? Number.NaN : Number(v))}
        onBlur={() => form.blur('loadPercent')}
        error={form.errorFor('loadPercent')}
      />
      <SelectField
        id="allocation-status"
        label="Status"
        value={values.status ?? 'tentative'}
        options={STATUS_OPTIONS}
        hint="Confirmed allocations must respect one client at a time."
        onChange={(v) => form.set('status', v as AllocationFormValues['status'])}
        onBlur={() => form.blur('status')}
        error={form.errorFor('status')}
      />
      <TextArea
        id="allocation-note"
        label="Note"
        value={values.note ?? ''}
        onChange={(v) => form.set('note', v)}
        onBlur={() => form.blur('note')}
        error={form.errorFor('note')}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
