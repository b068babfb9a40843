import { FormFooter, SelectField, TextArea, TextField } from '@renderer/components/fields';
import { useSchemaForm } from '@renderer/components/useSchemaForm';
import type { ClientListItem } from '@shared/clients/contract/clients';
import { type Engagement, engagementFields } from '@shared/clients/contract/engagements';
import type { EngagementStatus } from '@shared/clients/rules/reference';
import { DEFAULT_SLA_BUSINESS_DAYS } from '@shared/kernel/businessClock';
import type { ReferenceData } from '@shared/kernel/reference';

export type EngagementFormValues = {
  clientId: string;
  name: string;
  currency: string;
  startDate: string;
  endDate: string | null;
  status: EngagementStatus;
  contractNotes: string;
  /** Replacement SLA in business days (1–60). */
  slaBusinessDays: number;
};

export const emptyEngagement: EngagementFormValues = {
  clientId: '',
  name: '',
  currency: '',
  startDate: '',
  endDate: null,
  status: 'proposed',
  contractNotes: '',
  slaBusinessDays: DEFAULT_SLA_BUSINESS_DAYS,
};

export function engagementValues(e: Engagement): EngagementFormValues {
  const { clientId, name, currency, startDate, endDate, status, contractNotes, slaBusinessDays } = e;
  return { clientId, name, currency, startDate, endDate, status, contractNotes, slaBusinessDays };
}

type Props = {
  initial: EngagementFormValues;
  reference: ReferenceData;
  clients: ClientListItem[];
  submitLabel: string;
  onSave(values: EngagementFormValues): Promise<unknown>;
  onCancel(): void;
};

export function EngagementForm({ initial, reference, clients, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(engagementFields, initial);
  const { values } = form;
  const clientOptions = clients
    .filter((c) => !c.archivedAt || c.id === initial.clientId)
    .map((c) => ({ value: c.id, label: c.archivedAt ? `${c.name} (archived)` : c.name }));

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit((data) => onSave(data as EngagementFormValues));
      }}
    >
      <SelectField
        id="engagement-client"
        label="Client"
        value={values.clientId ?? ''}
        placeholder="Choose a client"
        options={clientOptions}
        onChange={(v) => {
          form.set('clientId', v);
          // One currency per engagement; start from the client's default.
          const client = clients.find((c) => c.id === v);
          if (client && !values.currency) form.set('currency', client.currency);
        }}
        onBlur={() => form.blur('clientId')}
        error={form.errorFor('clientId')}
        wide
      />
      <TextField
        id="engagement-name"
        label="Name"
        value={values.name ?? ''}
        onChange={(v) => form.set('name', v)}
        onBlur={() => form.blur('name')}
        error={form.errorFor('name')}
        wide
      />
      <SelectField
        id="engagement-currency"
        label="Currency"
        value={values.currency ?? ''}
        placeholder="Choose a currency"
        options={reference.currencies}
        onChange={(v) => form.set('currency', v)}
        onBlur={() => form.blur('currency')}
        error={form.errorFor('currency')}
      />
      <SelectField
        id="engagement-status"
        label="Status"
        value={values.status ?? ''}
        options={reference.engagementStatuses}
        onChange={(v) => form.set('status', v as EngagementStatus)}
        onBlur={() => form.blur('status')}
        error={form.errorFor('status')}
      />
      <TextField
        id="engagement-start"
        label="Start date"
        type="date"
        value={values.startDate ?? ''}
        onChange={(v) => form.set('startDate', v)}
        onBlur={() => form.blur('startDate')}
        error={form.errorFor('startDate')}
      />
      <TextField
        id="engagement-end"
        label="End date"
        type="date"
        value={values.endDate ?? ''}
        hint="Leave empty for an open-ended engagement."
        onChange={(v) => form.set('endDate', v === '' ? null : v)}
        onBlur={() => form.blur('endDate')}
        error={form.errorFor('endDate')}
      />
      <TextField
        id="engagement-sla"
        label="Replacement SLA (business days)"
        type="number"
        value={Number.isNaN(values.slaBusinessDays) ? '' : String(values.slaBusinessDays ?? '')}
        hint="Business days from the client’s request to the replacement’s start, in the client’s holiday calendar."
        onChange={(v) => form.set('slaBusinessDays', v === '' ? Number.NaN : Number(v))}
        onBlur={() => form.blur('slaBusinessDays')}
        error={form.errorFor('slaBusinessDays')}
      />
      <TextArea
        id="engagement-notes"
        label="Contract notes"
        value={values.contractNotes ?? ''}
        onChange={(v) => form.set('contractNotes', v)}
        onBlur={() => form.blur('contractNotes')}
        error={form.errorFor('contractNotes')}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
