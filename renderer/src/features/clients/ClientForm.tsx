import {
  FormFooter,
  type FormOutput,
  type FormValues,
  NumberField,
  SelectField,
  TextArea,
  TextField,
  useSchemaForm,
} from '@renderer/ui/fields';
import { type Client, clientFields } from '@shared/clients/contract/clients';
import { calendarCountry } from '@shared/kernel/country';
import type { Option } from '@shared/kernel/define';
import type { ReferenceData } from '@shared/kernel/reference';
import { useMemo } from 'react';

/** vatBasisPoints: VAT in basis points (810 = 8.1%); the field shows and takes a percentage. timeZone: '' = the holiday calendar's own zone. */
export type ClientFormValues = FormValues<typeof clientFields>;

export const emptyClient: ClientFormValues = {
  name: '',
  country: '',
  currency: '',
  holidayCalendar: '',
  timeZone: '',
  vatBasisPoints: 0,
  notes: '',
};

export function clientValues(c: Client): ClientFormValues {
  const { name, country, currency, holidayCalendar, timeZone, vatBasisPoints, notes } = c;
  return { name, country, currency, holidayCalendar, timeZone, vatBasisPoints, notes };
}

let zoneOptions: Option[] | null = null;

/**
 * The IANA zones this runtime knows, "America/New_York" shown as "America/New York".
 * Built once: the list has some 400 entries and never changes while the app runs.
 */
function timeZoneOptions(): Option[] {
  if (!zoneOptions) {
    // The runtime's list leaves out UTC, which some contracts agree on.
    const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
    zoneOptions = zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
  }
  return zoneOptions;
}

/** The zones, with a saved one this runtime does not list (a zone renamed since, such as Europe/Kiev → Europe/Kyiv) kept selectable. */
function zonesWith(current: string): Option[] {
  const zones = timeZoneOptions();
  if (current === '' || zones.some((z) => z.value === current)) return zones;
  return [{ value: current, label: current.replaceAll('_', ' ') }, ...zones];
}

type Props = {
  initial: ClientFormValues;
  reference: ReferenceData;
  submitLabel: string;
  onSave(values: FormOutput<typeof clientFields>): Promise<unknown>;
  onCancel(): void;
};

export function ClientForm({ initial, reference, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(clientFields, initial, { idPrefix: 'client' });
  const { values } = form;
  // Calendars of the chosen country only: the country itself and its regions.
  const calendars = useMemo(
    () => reference.holidayCalendars.filter((c) => values.country !== '' && calendarCountry(c.value) === values.country),
    [reference.holidayCalendars, values.country],
  );
  const noCalendar = values.country !== '' && calendars.length === 0;
  const zones = useMemo(() => [{ value: '', label: 'Same as the holiday calendar' }, ...zonesWith(initial.timeZone)], [initial.timeZone]);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(onSave);
      }}
    >
      <TextField {...form.field('name')} autoFocus wide />
      <SelectField
        {...form.field('country')}
        placeholder="Choose a country"
        options={reference.countries}
        onChange={(v) => {
          form.set('country', v);
          // The holiday calendar follows the country unless the user picks a region.
          form.set('holidayCalendar', reference.holidayCalendars.some((c) => c.value === v) ? v : '');
        }}
      />
      <SelectField {...form.field('currency')} label="Default currency" placeholder="Choose a currency" options={reference.currencies} />
      <SelectField
        {...form.field('holidayCalendar')}
        placeholder={values.country ? 'Choose a calendar' : 'Choose a country first'}
        options={noCalendar ? reference.holidayCalendars : calendars}
        hint={
          noCalendar
            ? 'No public-holiday calendar for this country; pick the one the contract agrees.'
            : 'Business days for SLAs exclude these public holidays.'
        }
        wide
      />
      <SelectField {...form.field('timeZone')} options={zones} hint="Replacement requests are dated in this zone." wide />
      <NumberField
        {...form.field('vatBasisPoints')}
        label="VAT rate (%)"
        scale={100}
        exact
        hint="Charged on this client’s invoices, e.g. 8.1 for Swiss VAT; 0 for none."
      />
      <TextArea {...form.field('notes')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
