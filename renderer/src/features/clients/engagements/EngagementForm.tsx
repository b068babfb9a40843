import {
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
import type { ClientListItem } from '@shared/clients/contract/clients';
import { type Engagement, engagementFields } from '@shared/clients/contract/engagements';
import { ENGAGEMENT_STATUS_LABELS, ENGAGEMENT_STATUSES } from '@shared/clients/rules/reference';
import { DEFAULT_SLA_BUSINESS_DAYS } from '@shared/kernel/businessClock';
import type { ReferenceData } from '@shared/kernel/reference';

export type EngagementFormValues = FormValues<typeof engagementFields>;

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
  onSave(values: FormOutput<typeof engagementFields>): Promise<unknown>;
  onCancel(): void;
};

export function EngagementForm({ initial, reference, clients, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(engagementFields, initial, { idPrefix: 'engagement' });
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
        void form.submit(onSave);
      }}
    >
      <SelectField
        {...form.field('clientId')}
        label="Client"
        placeholder="Choose a client"
        options={clientOptions}
        onChange={(v) => {
          form.set('clientId', v);
          // One currency per engagement; start from the client's default.
          const client = clients.find((c) => c.id === v);
          if (client && !values.currency) form.set('currency', client.currency);
        }}
        wide
      />
      <TextField {...form.field('name')} wide />
      <SelectField {...form.field('currency')} placeholder="Choose a currency" options={reference.currencies} />
      <SelectField {...form.field('status')} options={optionsOf(ENGAGEMENT_STATUSES, ENGAGEMENT_STATUS_LABELS)} />
      <DateField {...form.field('startDate')} label="Start date" />
      <DateField {...form.field('endDate')} nullable label="End date" hint="Leave empty for an open-ended engagement." />
      <NumberField
        {...form.field('slaBusinessDays')}
        label="Replacement SLA (business days)"
        hint="Business days from the client’s request to the replacement’s start, in the client’s holiday calendar."
      />
      <TextArea {...form.field('contractNotes')} label="Contract notes" />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
