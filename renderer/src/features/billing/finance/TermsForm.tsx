import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { FormFooter, NumberField, SelectField, useSchemaForm } from '@renderer/ui/fields';
import type { BillingTerms } from '@shared/billing/contract/billing';
import { billingProcedures } from '@shared/billing/contract/billing';
import { ROUNDING_INCREMENTS } from '@shared/billing/rules/invoice';

export const ROUNDING_OPTIONS = [
  { value: '0', label: 'None: minutes as entered' },
  { value: '6', label: 'Up to 6 minutes (0.1 h)' },
  { value: '15', label: 'Up to 15 minutes' },
  { value: '30', label: 'Up to 30 minutes' },
] as const;

export function TermsForm({ terms }: { terms: BillingTerms }) {
  const save = useCommand('billing.setTerms');
  const toast = useToasts((s) => s.show);
  const initial = {
    engagementId: terms.engagementId,
    roundingMinutes: terms.roundingMinutes,
    monthlyCapMinutes: terms.monthlyCapMinutes,
    expectedUpdatedAt: terms.updatedAt,
  };
  const form = useSchemaForm(billingProcedures['billing.setTerms'].input, initial, { idPrefix: 'terms' });
  const { values } = form;
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
        {...form.field('roundingMinutes')}
        label="Rounding of each entry"
        value={ROUNDING_OPTIONS.find((o) => o.value === String(values.roundingMinutes))?.value ?? ''}
        options={ROUNDING_OPTIONS}
        onChange={(v) => form.set('roundingMinutes', ROUNDING_INCREMENTS.find((r) => String(r) === v) ?? 0)}
        hint="Billed minutes round up; the hours as entered are kept."
      />
      <NumberField
        {...form.field('monthlyCapMinutes')}
        nullable
        label="Monthly hours cap"
        scale={60}
        placeholder="No cap"
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
