import { Field, FormFooter, SelectField, TextArea, TextField } from '@renderer/components/fields';
import { useSchemaForm } from '@renderer/components/useSchemaForm';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import { parseSkillsText } from '@shared/clients/rules/skills';
import type { SourcingRegion } from '@shared/clients/rules/sourcingRegion';
import type { ReferenceData } from '@shared/kernel/reference';
import { type StaffingFields, type StaffingRequestItem, staffingFields } from '@shared/plan/contract/staffing';
import { DEFAULT_TARGET_WEEKS } from '@shared/plan/rules/staffing';
import { useState } from 'react';

export type StaffingFormValues = Required<Omit<StaffingFields, 'openedOn'>> & { openedOn?: string | undefined };

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
  notes: '',
};

export function staffingValues(r: StaffingRequestItem): StaffingFormValues {
  const { engagementId, title, role, seniority, requiredSkills, regionPreferences, startDate, loadPercent, targetWeeks, openedOn, notes } =
    r;
  return { engagementId, title, role, seniority, requiredSkills, regionPreferences, startDate, loadPercent, targetWeeks, openedOn, notes };
}

type Props = {
  initial: StaffingFormValues;
  reference: ReferenceData;
  engagements: EngagementListItem[];
  submitLabel: string;
  onSave(values: StaffingFormValues): Promise<unknown>;
  onCancel(): void;
};

export function StaffingForm({ initial, reference, engagements, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(staffingFields, initial);
  const values = form.values as StaffingFormValues;
  const [skillsText, setSkillsText] = useState(initial.requiredSkills.join(', '));
  const options = engagements
    .filter((e) => (!e.archivedAt && e.status !== 'ended') || e.id === initial.engagementId)
    .map((e) => ({ value: e.id, label: `${e.clientName} — ${e.name}` }));
  const toggleRegion = (region: SourcingRegion) => {
    const current = values.regionPreferences ?? [];
    form.set('regionPreferences', current.includes(region) ? current.filter((r) => r !== region) : [...current, region]);
  };
  const { set } = form;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit((data) => onSave(data as StaffingFormValues));
      }}
    >
      <SelectField
        id="staffing-engagement"
        label="Engagement"
        value={values.engagementId}
        placeholder="Choose an engagement"
        options={options}
        onChange={(v) => set('engagementId', v)}
        onBlur={() => form.blur('engagementId')}
        error={form.errorFor('engagementId')}
        wide
      />
      <TextField
        id="staffing-title"
        label="Role title"
        value={values.title}
        placeholder="e.g. Senior MLOps engineer — fraud models"
        onChange={(v) => set('title', v)}
        onBlur={() => form.blur('title')}
        error={form.errorFor('title')}
        wide
      />
      <SelectField
        id="staffing-role"
        label="Role"
        value={values.role}
        options={reference.roles}
        onChange={(v) => set('role', v as StaffingFormValues['role'])}
        onBlur={() => form.blur('role')}
        error={form.errorFor('role')}
      />
      <SelectField
        id="staffing-seniority"
        label="Seniority"
        value={values.seniority}
        options={reference.seniorities}
        onChange={(v) => set('seniority', v as StaffingFormValues['seniority'])}
        onBlur={() => form.blur('seniority')}
        error={form.errorFor('seniority')}
      />
      <TextField
        id="staffing-skills"
        label="Required skills"
        value={skillsText}
        hint="Separate skills with commas. Define the role in technical detail before the search starts."
        onChange={(v) => {
          setSkillsText(v);
          set('requiredSkills', parseSkillsText(v));
        }}
        onBlur={() => form.blur('requiredSkills')}
        error={form.errorFor('requiredSkills')}
        wide
      />
      <Field id="staffing-regions" label="Preferred regions" hint="None ticked means any region." wide>
        <div className="checks" id="staffing-regions">
          {reference.sourcingRegions.map((r) => (
            <label key={r.value} className="check">
              <input
                type="checkbox"
                checked={values.regionPreferences.includes(r.value as SourcingRegion)}
                onChange={() => toggleRegion(r.value as SourcingRegion)}
              />
              {r.label}
            </label>
          ))}
        </div>
      </Field>
      <TextField
        id="staffing-start"
        label="Start date"
        type="date"
        value={values.startDate}
        onChange={(v) => set('startDate', v)}
        onBlur={() => form.blur('startDate')}
        error={form.errorFor('startDate')}
      />
      <TextField
        id="staffing-load"
        label="Load (%)"
        type="number"
        value={Number.isNaN(values.loadPercent) ? '' : String(values.loadPercent)}
        onChange={(v) => set('loadPercent', v === '' ? Number.NaN : Number(v))}
        onBlur={() => form.blur('loadPercent')}
        error={form.errorFor('loadPercent')}
      />
      <TextField
        id="staffing-target"
        label="Fill target (weeks)"
        type="number"
        value={Number.isNaN(values.targetWeeks) ? '' : String(values.targetWeeks)}
        hint="New roles usually take 3–4 weeks to staff; a week is 5 business days."
        onChange={(v) => set('targetWeeks', v === '' ? Number.NaN : Number(v))}
        onBlur={() => form.blur('targetWeeks')}
        error={form.errorFor('targetWeeks')}
      />
      <TextField
        id="staffing-opened"
        label="Opened on"
        type="date"
        value={values.openedOn ?? ''}
        hint="Leave empty for today. The fill clock starts here; it counts business days in the client’s calendar."
        onChange={(v) => set('openedOn', v === '' ? undefined : v)}
        onBlur={() => form.blur('openedOn')}
        error={form.errorFor('openedOn')}
      />
      <TextArea
        id="staffing-notes"
        label="Notes"
        value={values.notes}
        onChange={(v) => set('notes', v)}
        onBlur={() => form.blur('notes')}
        error={form.errorFor('notes')}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
