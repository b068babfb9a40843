import {
  CheckboxGroup,
  DateField,
  FormFooter,
  type FormOutput,
  type FormValues,
  NumberField,
  optionsOf,
  SelectField,
  TextArea,
  TextField,
  useSchemaForm,
} from '@renderer/ui/fields';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import { ROLE_LABELS, SENIORITIES, SENIORITY_LABELS, SPECIALIST_ROLES } from '@shared/clients/rules/reference';
import { parseSkillsText } from '@shared/clients/rules/skills';
import { SOURCING_REGION_LABELS, SOURCING_REGIONS } from '@shared/clients/rules/sourcingRegion';
import type { ReferenceData } from '@shared/kernel/reference';
import { type StaffingRequestItem, staffingFields } from '@shared/plan/contract/staffing';
import { DEFAULT_TARGET_WEEKS } from '@shared/plan/rules/staffing';
import { useState } from 'react';

export type StaffingFormValues = FormValues<typeof staffingFields>;

export const emptyStaffing: StaffingFormValues = {
  engagementId: '',
  title: '',
  role: 'mlops_engineer',
  seniority: 'senior',
  requiredSkills: [],
  regionPreferences: [],
  startDate: '',
  loadPercent: 100,
  targetWeeks: DEFAULT_TARGET_WEEKS,
  openedOn: undefined,
  notes: '',
};

export function staffingValues(r: StaffingRequestItem): StaffingFormValues {
  const { engagementId, title, role, seniority, requiredSkills, regionPreferences, startDate, loadPercent, targetWeeks, openedOn, notes } =
    r;
  return { engagementId, title, role, seniority, requiredSkills, regionPreferences, startDate, loadPercent, targetWeeks, openedOn, notes };
}

type Props = {
  initial: StaffingFormValues;
  /** The vocabularies (the form labels roles and regions from the shared label maps). */
  reference: ReferenceData;
  engagements: EngagementListItem[];
  submitLabel: string;
  onSave(values: FormOutput<typeof staffingFields>): Promise<unknown>;
  onCancel(): void;
};

export function StaffingForm({ initial, engagements, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(staffingFields, initial, { idPrefix: 'staffing' });
  const [skillsText, setSkillsText] = useState(initial.requiredSkills.join(', '));
  const options = engagements
    .filter((e) => (!e.archivedAt && e.status !== 'ended') || e.id === initial.engagementId)
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
      <SelectField {...form.field('engagementId')} label="Engagement" placeholder="Choose an engagement" options={options} wide />
      <TextField {...form.field('title')} label="Role title" placeholder="e.g. Senior MLOps engineer — fraud models" wide />
      <SelectField {...form.field('role')} options={optionsOf(SPECIALIST_ROLES, ROLE_LABELS)} />
      <SelectField {...form.field('seniority')} options={optionsOf(SENIORITIES, SENIORITY_LABELS)} />
      <TextField
        {...form.field('requiredSkills')}
        value={skillsText}
        hint="Separate skills with commas. Define the role in technical detail before the search starts."
        onChange={(v) => {
          setSkillsText(v);
          form.set('requiredSkills', parseSkillsText(v));
        }}
        wide
      />
      <CheckboxGroup
        {...form.field('regionPreferences')}
        label="Preferred regions"
        options={optionsOf(SOURCING_REGIONS, SOURCING_REGION_LABELS)}
        hint="None ticked means any region."
        wide
      />
      <DateField {...form.field('startDate')} label="Start date" />
      <NumberField {...form.field('loadPercent')} label="Load (%)" />
      <NumberField
        {...form.field('targetWeeks')}
        label="Fill target (weeks)"
        hint="New roles usually take 3–4 weeks to staff; a week is 5 business days."
      />
      <DateField
        {...form.field('openedOn')}
        optional
        hint="Leave empty for today. The fill clock starts here; it counts business days in the client’s calendar."
      />
      <TextArea {...form.field('notes')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
