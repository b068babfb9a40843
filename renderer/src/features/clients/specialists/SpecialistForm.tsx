import { FormFooter, SelectField, TextField } from '@renderer/components/fields';
import { useSchemaForm } from '@renderer/components/useSchemaForm';
import { type Specialist, specialistFields } from '@shared/clients/contract/specialists';
import type { Seniority, SpecialistRole, SpecialistStatus } from '@shared/clients/rules/reference';
import { parseSkillsText } from '@shared/clients/rules/skills';
import { calendarCountry, calendarSubdivision } from '@shared/kernel/country';
import type { ReferenceData } from '@shared/kernel/reference';
import { useMemo, useState } from 'react';

export type SpecialistFormValues = {
  fullName: string;
  role: SpecialistRole | '';
  seniority: Seniority | '';
  homeCountry: string;
  homeSubdivision: string;
  skills: string[];
  startDate: string;
  status: SpecialistStatus;
  email: string;
  dailyMinutes: number;
};

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
  onSave(values: SpecialistFormValues): Promise<unknown>;
  onCancel(): void;
};

export function SpecialistForm({ initial, reference, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(specialistFields, initial as never);
  const values = form.values as SpecialistFormValues;
  const [skillsText, setSkillsText] = useState(initial.skills.join(', '));
  const subdivisions = useMemo(
    () =>
      reference.holidayCalendars
        .filter((c) => calendarCountry(c.value) === values.homeCountry && calendarSubdivision(c.value) !== '')
        .map((c) => ({ value: calendarSubdivision(c.value), label: c.label.split(' — ')[1] ?? c.label })),
    [reference.holidayCalendars, values.homeCountry],
  );
  const set = form.set as (field: keyof SpecialistFormValues, value: unknown) => void;

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit((data) => onSave(data as SpecialistFormValues));
      }}
    >
      <TextField
        id="specialist-name"
        label="Full name"
        value={values.fullName}
        autoFocus
        onChange={(v) => set('fullName', v)}
        onBlur={() => form.blur('fullName')}
        error={form.errorFor('fullName')}
        wide
      />
      <TextField
        id="specialist-email"
        label="Email"
        type="email"
        value={values.email}
        onChange={(v) => set('email', v)}
        onBlur={() => form.blur('email')}
        error={form.errorFor('email')}
        wide
      />
      <TextField
        id="specialist-hours"
        label="Hours per day"
        type="number"
        value={Number.isNaN(values.dailyMinutes) ? '' : String(values.dailyMinutes / 60)}
        hint="Contracted working time per working day; capacity is counted from it."
        onChange={(v) => set('dailyMinutes', v === '' ? Number.NaN : Math.round(Number(v) * 60))}
        onBlur={() => form.blur('dailyMinutes')}
        error={form.errorFor('dailyMinutes')}
      />
      <SelectField
        id="specialist-role"
        label="Role"
        value={values.role}
        placeholder="Choose a role"
        options={reference.roles}
        onChange={(v) => set('role', v)}
        onBlur={() => form.blur('role')}
        error={form.errorFor('role')}
      />
      <SelectField
        id="specialist-seniority"
        label="Seniority"
        value={values.seniority}
        placeholder="Choose a level"
        options={reference.seniorities}
        onChange={(v) => set('seniority', v)}
        onBlur={() => form.blur('seniority')}
        error={form.errorFor('seniority')}
      />
      <SelectField
        id="specialist-country"
        label="Home country"
        value={values.homeCountry}
        placeholder="Choose a country"
        options={reference.countries}
        onChange={(v) => {
          set('homeCountry', v);
          set('homeSubdivision', '');
        }}
        onBlur={() => form.blur('homeCountry')}
        error={form.errorFor('homeCountry')}
        hint="Sets the sourcing region and the public holidays that reduce capacity."
      />
      <SelectField
        id="specialist-subdivision"
        label="Home region"
        value={values.homeSubdivision}
        placeholder={!values.homeCountry ? 'Choose a country first' : subdivisions.length ? 'Whole country' : 'Whole country'}
        options={subdivisions}
        onChange={(v) => set('homeSubdivision', v)}
        onBlur={() => form.blur('homeSubdivision')}
        error={form.errorFor('homeSubdivision')}
      />
      <TextField
        id="specialist-start"
        label="Start date"
        type="date"
        value={values.startDate}
        onChange={(v) => set('startDate', v)}
        onBlur={() => form.blur('startDate')}
        error={form.errorFor('startDate')}
      />
      <SelectField
        id="specialist-status"
        label="Status"
        value={values.status}
        options={reference.specialistStatuses}
        onChange={(v) => set('status', v)}
        onBlur={() => form.blur('status')}
        error={form.errorFor('status')}
      />
      <TextField
        id="specialist-skills"
        label="Skills"
        value={skillsText}
        placeholder="Kubeflow, MLflow, Terraform"
        hint="Separate skills with commas."
        onChange={(v) => {
          setSkillsText(v);
          set('skills', parseSkillsText(v));
        }}
        onBlur={() => form.blur('skills')}
        error={form.errorFor('skills')}
        wide
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
