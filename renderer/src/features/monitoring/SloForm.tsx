import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { FormFooter, NumberField, SelectField, TextArea, TextField, useSchemaForm } from '@renderer/ui/fields';
import { type Slo, sloInput } from '@shared/monitoring/contract/slos';
import {
  AGGREGATION_LABELS,
  AGGREGATIONS,
  DIRECTION_LABELS,
  DIRECTIONS,
  METRIC_DEFAULTS,
  METRIC_KIND_LABELS,
  METRIC_KINDS,
  type MetricKind,
} from '@shared/monitoring/rules/vocabulary';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { useState } from 'react';

/** Adds an SLO to a model or changes one: metric, thresholds, window and aggregation, and the playbook with its duty. */
export function SloForm({ model, slo, onDone }: { model: ModelDetail; slo: Slo | null; onDone(): void }) {
  const create = useCommand('slos.create');
  const update = useCommand('slos.update');
  const toast = useToasts((s) => s.show);
  const duties = useProcedure('duties.list', { engagementId: model.engagementId ?? '' }, model.engagementId !== null);
  const form = useSchemaForm(
    sloInput,
    slo
      ? {
          modelId: model.id,
          versionId: slo.versionId,
          segment: slo.segment,
          kind: slo.kind,
          metric: slo.metric,
          unit: slo.unit,
          direction: slo.direction,
          target: slo.target,
          warning: slo.warning,
          windowMinutes: slo.windowMinutes,
          aggregation: slo.aggregation,
          playbook: slo.playbook,
          dutyKey: slo.dutyKey,
        }
      : {
          modelId: model.id,
          versionId: null,
          segment: '',
          kind: 'availability',
          metric: 'availability',
          unit: '%',
          direction: 'higher',
          target: Number.NaN,
          warning: Number.NaN,
          windowMinutes: 1440,
          aggregation: 'mean',
          playbook: [],
          dutyKey: 'monitoring',
        },
    { idPrefix: 'slo' },
  );
  const [steps, setSteps] = useState((slo?.playbook ?? []).join('\n'));
  const dutyOptions = (duties.data?.duties ?? []).filter((d) => d.retiredOn === null).map((d) => ({ value: d.key, label: d.name }));
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          const saved = slo
            ? await update.mutateAsync({ ...values, id: slo.id, expectedUpdatedAt: slo.updatedAt })
            : await create.mutateAsync(values);
          toast({ tone: 'info', message: `Saved the SLO on ${saved.metric}.` });
          onDone();
        });
      }}
    >
      <SelectField
        {...form.field('kind')}
        label="Metric kind"
        options={METRIC_KINDS.map((k) => ({ value: k, label: METRIC_KIND_LABELS[k] }))}
        onChange={(kind: string) => {
          const k = kind as MetricKind;
          form.set('kind', k);
          if (!slo) {
            form.set('unit', METRIC_DEFAULTS[k].unit);
            form.set('direction', METRIC_DEFAULTS[k].direction);
            form.set(
              'metric',
              k === 'drift_psi' ? 'psi.features' : k === 'drift_ks' ? 'ks.features' : k === 'custom' || k === 'business_kpi' ? '' : k,
            );
          }
        }}
      />
      <TextField {...form.field('metric')} label="Metric name (as readings carry it)" hint="e.g. availability, psi.income_band" />
      <TextField {...form.field('segment')} label="Segment" hint="Leave empty for the model as a whole." />
      <TextField {...form.field('unit')} label="Unit" />
      <SelectField
        {...form.field('direction')}
        label="Direction"
        options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
      />
      <NumberField {...form.field('target')} label="Target" allowNegative exact />
      <NumberField {...form.field('warning')} label="Warning threshold" allowNegative exact hint="Warns before the target is missed." />
      <NumberField
        {...form.field('windowMinutes')}
        label="Evaluation window (minutes)"
        hint="1440 = 24 hours; the window at T is [T − w, T) in UTC."
      />
      <SelectField
        {...form.field('aggregation')}
        label="Aggregation"
        options={AGGREGATIONS.map((a) => ({ value: a, label: AGGREGATION_LABELS[a] }))}
      />
      {dutyOptions.length > 0 ? (
        <SelectField {...form.field('dutyKey')} label="Duty that responds" options={dutyOptions} />
      ) : (
        <TextField {...form.field('dutyKey')} label="Duty that responds" />
      )}
      <TextArea
        {...form.field('playbook')}
        label="Playbook (one step per line)"
        value={steps}
        onChange={(text: string) => {
          setSteps(text);
          form.set(
            'playbook',
            text
              .split('\n')
              .map((l) => l.trim())
              .filter((l) => l !== ''),
          );
        }}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={slo ? 'Save SLO' : 'Add SLO'} onCancel={onDone} />
    </form>
  );
}
