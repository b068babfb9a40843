import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNow } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { FormFooter, NumberField, TextField, useSchemaForm } from '@renderer/ui/fields';
import type { BillingSettings } from '@shared/billing/contract/billing';
import { billingProcedures } from '@shared/billing/contract/billing';
import { formatHours } from '@shared/billing/rules/duration';

/** Settings every invoice and review uses: the invoice number prefix and the long-day threshold. */
export function BillingSettingsForm() {
  const settings = useProcedure('billing.settings', {});
  return (
    <section className="billing-card billing-card--settings" aria-label="Billing settings">
      <h2 className="billing-card__title">Billing settings (all engagements)</h2>
      {settings.error && <p className="notice notice--bad">{settings.error.message}</p>}
      {settings.data && (
        <SettingsForm key={`${settings.data.invoicePrefix}:${settings.data.dailyThresholdMinutes}`} settings={settings.data} />
      )}
    </section>
  );
}

function SettingsForm({ settings }: { settings: BillingSettings }) {
  const save = useCommand('billing.updateSettings');
  const toast = useToasts((s) => s.show);
  const form = useSchemaForm(billingProcedures['billing.updateSettings'].input, settings, { idPrefix: 'settings' });
  const { values } = form;
  const year = useNow().getFullYear();
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (data) => {
          await save.mutateAsync(data);
          toast({ tone: 'info', message: 'Saved the billing settings.' });
        });
      }}
    >
      <TextField
        {...form.field('invoicePrefix')}
        label="Invoice number prefix"
        hint={`Numbers read ${(values.invoicePrefix || 'KEEL').trim().toUpperCase()}-${year}-0001, counting up per year; issued numbers never change.`}
      />
      <NumberField
        {...form.field('dailyThresholdMinutes')}
        label="Long day above (hours)"
        scale={60}
        hint={`Days with more than ${Number.isNaN(values.dailyThresholdMinutes) ? '…' : formatHours(values.dailyThresholdMinutes)} on one engagement are flagged in the review.`}
      />
      <FormFooter
        error={form.formError}
        saving={form.saving}
        submitLabel="Save settings"
        cancelLabel="Undo changes"
        onCancel={() => {
          form.set('invoicePrefix', settings.invoicePrefix);
          form.set('dailyThresholdMinutes', settings.dailyThresholdMinutes);
        }}
      />
    </form>
  );
}
