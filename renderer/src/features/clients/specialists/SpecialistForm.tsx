import {
  DateField,
  FormFooter,
  type FormOutput,
  type FormValues,
  NumberField,
  optionsOf,
  SelectField,
  TextField,
  useSchemaForm,
} from '@renderer/ui/fields';
import { type Specialist, specialistFields } from '@shared/clients/contract/specialists';
import {
  ROLE_LABELS,
  SENIORITIES,
  SENIORITY_LABELS,
  SPECIALIST_ROLES,
  SPECIALIST_STATUS_LABELS,
  SPECIALIST_STATUSES,
} from '@shared/clients/rules/reference';
import { parseSkillsText } from '@shared/clients/rules/skills';
import { calendarCountry, calendarSubdivision } from '@shared/kernel/country';
import type { ReferenceData } from '@shared/kernel/reference';
import { useMemo, useState } from 'react';

export type SpecialistFormValues = FormValues<typeof specialistFields>;

export const emptySpecialist: SpecialistFormValues = {
  fullName: '',
  role: '',
  seniority: '',
  homeCountry: '',
  homeSubdivision: '',
  skills: [],
  startDate: '',
  status: 'active',
  email: '',
  dailyMinutes: 480,
};

export function specialistValues(s: Specialist): SpecialistFormValues {
  const { fullName, role, seniority, homeCountry, homeSubdivision, skills, startDate, status, email, dailyMinutes } = s;
  return { fullName, role, seniority, homeCountry, homeSubdivision, skills, startDate, status, email, dailyMinutes };
}

type Props = {
  initial: SpecialistFormValues;
  reference: ReferenceData;
  submitLabel: string;
  onSave(values: FormOutput<typeof specialistFields>): Promise<unknown>;
  onCancel(): void;
};

export function SpecialistForm({ initial, reference, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(specialistFields, initial, { idPrefix: 'specialist' });
  const { values } = form;
  const [skillsText, setSkillsText] = useState(initial.skills.join(', '));
  const subdivisions = useMemo(
    () => [
      { value: '', label: values.homeCountry ? 'Whole country' : 'Choose a country first' },
      ...reference.holidayCalendars
        .filter((c) => calendarCountry(c.value) === values.homeCountry && calendarSubdivision(c.value) !== '')
        .map((c) => ({ value: calendarSubdivision(c.value), label: c.label.split(' — ')[1] ?? c.label })),
    ],
    [reference.holidayCalendars, values.homeCountry],
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(onSave);
      }}
    >
      <TextField {...form.field('fullName')} autoFocus wide />
      <TextField {...form.field('email')} type="email" wide />
      <NumberField
        {...form.field('dailyMinutes')}
        label="Hours per day"
        scale={60}
        hint="Contracted working time per working day; capacity is counted from it."
      />
      <SelectField {...form.field('role')} placeholder="Choose a role" options={optionsOf(SPECIALIST_ROLES, ROLE_LABELS)} />
      <SelectField {...form.field('seniority')} placeholder="Choose a level" options={optionsOf(SENIORITIES, SENIORITY_LABELS)} />
      <SelectField
        {...form.field('homeCountry')}
        placeholder="Choose a country"
        options={reference.countries}
        onChange={(v) => {
          form.set('homeCountry', v);
          form.set('homeSubdivision', '');
        }}
        hint="Sets the sourcing region and the public holidays that reduce capacity."
      />
      <SelectField {...form.field('homeSubdivision')} label="Home region" options={subdivisions} disabled={!values.homeCountry} />
      <DateField {...form.field('startDate')} label="Start date" />
      <SelectField {...form.field('status')} options={optionsOf(SPECIALIST_STATUSES, SPECIALIST_STATUS_LABELS)} />
      <TextField
        {...form.field('skills')}
        value={skillsText}
        placeholder="Kubeflow, MLflow, Terraform"
        hint="Separate skills with commas."
        onChange={(v) => {
          setSkillsText(v);
          form.set('skills', parseSkillsText(v));
        }}
        wide
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
