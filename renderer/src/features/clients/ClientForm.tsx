import { FormFooter, SelectField, TextArea, TextField } from '@renderer/components/fields';
import { useSchemaForm } from '@renderer/components/useSchemaForm';
import { type Client, clientFields } from '@shared/clients/contract/clients';
import { calendarCountry } from '@shared/kernel/country';
import type { Option } from '@shared/kernel/define';
import type { ReferenceData } from '@shared/kernel/reference';
import { useMemo } from 'react';

export type ClientFormValues = {
  name: string;
  country: string;
  currency: string;
  holidayCalendar: string;
  /** IANA time zone replacement requests are dated in; '' = the holiday calendar's own zone. */
  timeZone: string;
  /** VAT in basis points (810 = 8.1%); the field shows and takes a percentage. */
  vatBasisPoints: number;
  notes: string;
};

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

/**
 * "8.1" → 810. A percentage with more than two decimals stays fractional so the
 * schema refuses it ("must have at most two decimals") instead of it being rounded away.
 */
function basisPointsOf(text: string): number {
  if (text.trim() === '') return Number.NaN;
  const exact = Number(text) * 100;
  const whole = Math.round(exact);
  return Math.abs(exact - whole) < 1e-6 ? whole : exact;
}

type Props = {
  initial: ClientFormValues;
  reference: ReferenceData;
  submitLabel: string;
  onSave(values: ClientFormValues): Promise<unknown>;
  onCancel(): void;
};

export function ClientForm({ initial, reference, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(clientFields, initial);
  const { values } = form;
  // Calendars of the chosen country only: the country itself and its regions.
  const calendars = useMemo(
    () => reference.holidayCalendars.filter((c) => values.country !== '' && calendarCountry(c.value) === values.country),
    [reference.holidayCalendars, values.country],
  );
  const noCalendar = values.country !== '' && calendars.length === 0;
  const zones = useMemo(() => zonesWith(initial.timeZone), [initial.timeZone]);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit((data) => onSave(data as ClientFormValues));
      }}
    >
      <TextField
        id="client-name"
        label="Name"
        value={values.name ?? ''}
        autoFocus
        onChange={(v) => form.set('name', v)}
        onBlur={() => form.blur('name')}
        error={form.errorFor('name')}
        wide
      />
      <SelectField
        id="client-country"
        label="Country"
        value={values.country ?? ''}
        placeholder="Choose a country"
        options={reference.countries}
        onChange={(v) => {
          form.set('country', v);
          // The holiday calendar follows the country unless the user picks a region.
          form.set('holidayCalendar', reference.holidayCalendars.some((c) => c.value === v) ? v : '');
        }}
        onBlur={() => form.blur('country')}
        error={form.errorFor('country')}
      />
      <SelectField
        id="client-currency"
        label="Default currency"
        value={values.currency ?? ''}
        placeholder="Choose a currency"
        options={reference.currencies}
        onChange={(v) => form.set('currency', v)}
        onBlur={() => form.blur('currency')}
        error={form.errorFor('currency')}
      />
      <SelectField
        id="client-calendar"
        label="Holiday calendar"
        value={values.holidayCalendar ?? ''}
        placeholder={values.country ? 'Choose a calendar' : 'Choose a country first'}
        options={noCalendar ? reference.holidayCalendars : calendars}
        onChange={(v) => form.set('holidayCalendar', v)}
        onBlur={() => form.blur('holidayCalendar')}
        error={form.errorFor('holidayCalendar')}
        hint={
          noCalendar
            ? 'No public-holiday calendar for this country; pick the one the contract agrees.'
            : 'Business days for SLAs exclude these public holidays.'
        }
        wide
      />
      <SelectField
        id="client-time-zone"
        label="Time zone"
        value={values.timeZone ?? ''}
        placeholder="Same as the holiday calendar"
        options={zones}
        onChange={(v) => form.set('timeZone', v)}
        onBlur={() => form.blur('timeZone')}
        error={form.errorFor('timeZone')}
        hint="Replacement requests are dated in this zone."
        wide
      />
      <TextField
        id="client-vat"
        label="VAT rate (%)"
        type="number"
        value={Number.isNaN(values.vatBasisPoints) ? '' : String((values.vatBasisPoints ?? 0) / 100)}
        hint="Charged on this client’s invoices, e.g. 8.1 for Swiss VAT; 0 for none."
        onChange={(v) => form.set('vatBasisPoints', basisPointsOf(v))}
        onBlur={() => form.blur('vatBasisPoints')}
        error={form.errorFor('vatBasisPoints')}
      />
      <TextArea
        id="client-notes"
        label="Notes"
        value={values.notes ?? ''}
        onChange={(v) => form.set('notes', v)}
        onBlur={() => form.blur('notes')}
        error={form.errorFor('notes')}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
