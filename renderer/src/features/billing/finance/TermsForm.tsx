import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { FormFooter, SelectField, TextField } from '@renderer/components/fields';
import { useSchemaForm } from '@renderer/components/useSchemaForm';
import type { BillingTerms } from '@shared/billing/contract/billing';
import { billingProcedures } from '@shared/billing/contract/billing';
import { ROUNDING_INCREMENTS } from '@shared/billing/rules/invoice';

export const ROUNDING_OPTIONS = [
  { value: '0', label: 'None: minutes as entered' },
  { value: '6', label: 'Up to 6 minutes (0.1 h)' },
  { value: '15', label: 'Up to 15 minutes' },
  { value: '30', label: 'Up to 30 minutes' },
];

/** Hours typed → minutes; empty is "no cap" (null); anything else is left for the schema to refuse. */
export const capMinutesOf = (text: string): number | null => (text.trim() === '' ? null : Math.round(Number(text) * 60));
export const capText = (minutes: number | null): string => (minutes === null || Number.isNaN(minutes) ? '' : String(minutes / 60));

type TermsValues = { engagementId: string; roundingMinutes: 0 | 6 | 15 | 30; monthlyCapMinutes: number | null; expectedUpdatedAt: string };

export function TermsForm({ terms }: { terms: BillingTerms }) {
  const save = useCommand('billing.setTerms');
  const toast = useToasts((s) => s.show);
  const initial: TermsValues = {
    engagementId: terms.engagementId,
    roundingMinutes: terms.roundingMinutes,
    monthlyCapMinutes: terms.monthlyCapMinutes,
    expectedUpdatedAt: terms.updatedAt,
  };
  const form = useSchemaForm(billingProcedures['billing.setTerms'].input, initial);
  const values = form.values as TermsValues;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (data) => {
          await save.mutateAsync(data);
          toast({ tone: 'info', message: `Saved the terms of ${terms.engagementName}.` });
        });
      }}
    >
      <SelectField
        id="terms-rounding"
        label="Rounding of each entry"
        value={String(values.roundingMinutes)}
        options={ROUNDING_OPTIONS}
        onChange={(v) => form.set('roundingMinutes', ROUNDING_INCREMENTS.find((r) => String(r) === v) ?? 0)}
        error={form.errorFor('roundingMinutes')}
        hint="Billed minutes round up; the hours as entered are kept."
      />
      <TextField
        id="terms-cap"
        label="Monthly hours cap"
        type="number"
        value={capText(values.monthlyCapMinutes)}
        placeholder="No cap"
        onChange={(v) => form.set('monthlyCapMinutes', capMinutesOf(v))}
        onBlur={() => form.blur('monthlyCapMinutes')}
        error={form.errorFor('monthlyCapMinutes')}
        hint="For the whole engagement. Leave empty for none; going over is flagged, never cut."
      />
      <FormFooter
        error={form.formError}
        saving={form.saving}
        submitLabel="Save terms"
        cancelLabel="Undo changes"
        onCancel={() => {
          form.set('roundingMinutes', initial.roundingMinutes);
          form.set('monthlyCapMinutes', initial.monthlyCapMinutes);
        }}
      />
    </form>
  );
}
