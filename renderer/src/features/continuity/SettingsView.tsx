import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { FormFooter, NumberField, useSchemaForm } from '@renderer/ui/fields';
import { continuityProcedures } from '@shared/continuity/contract';
import { type ClockThresholds, DEFAULT_CLOCK_THRESHOLDS } from '@shared/kernel/businessClock';

/** When an open promise turns at risk and urgent: the same thresholds for every replacement and staffing clock. */
export function SettingsView() {
  const settings = useProcedure('continuity.settings', {});
  return (
    <section className="settings-card" aria-label="Clock thresholds">
      <h2 className="settings-card__title">Clock thresholds (all clients)</h2>
      <p className="section-lede">
        A promise on track turns <strong>at risk</strong> once this share of its allowance is used, and <strong>urgent</strong> at the
        second threshold. Breached means the due date has passed. The board and the report recompute at once.
      </p>
      {settings.error && <p className="notice notice--bad">{settings.error.message}</p>}
      {settings.data && <ThresholdsForm key={`${settings.data.atRiskPercent}:${settings.data.urgentPercent}`} thresholds={settings.data} />}
    </section>
  );
}

function ThresholdsForm({ thresholds }: { thresholds: ClockThresholds }) {
  const save = useCommand('continuity.updateSettings');
  const toast = useToasts((s) => s.show);
  const form = useSchemaForm(continuityProcedures['continuity.updateSettings'].input, thresholds, { idPrefix: 'threshold' });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (data) => {
          await save.mutateAsync(data);
          toast({ tone: 'info', message: `Saved: at risk from ${data.atRiskPercent}%, urgent from ${data.urgentPercent}%.` });
        });
      }}
    >
      <NumberField
        {...form.field('atRiskPercent')}
        label="At risk from (%)"
        hint={`Share of the allowance used. Keel’s default: ${DEFAULT_CLOCK_THRESHOLDS.atRiskPercent}%.`}
      />
      <NumberField
        {...form.field('urgentPercent')}
        label="Urgent from (%)"
        hint={`Above the at-risk threshold. Keel’s default: ${DEFAULT_CLOCK_THRESHOLDS.urgentPercent}%.`}
      />
      <FormFooter
        error={form.formError}
        saving={form.saving}
        submitLabel="Save thresholds"
        cancelLabel="Undo changes"
        onCancel={() => {
          form.set('atRiskPercent', thresholds.atRiskPercent);
          form.set('urgentPercent', thresholds.urgentPercent);
        }}
      />
    </form>
  );
}
