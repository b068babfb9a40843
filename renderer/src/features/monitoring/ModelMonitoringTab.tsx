import { CallError, useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { instant } from '@renderer/components/dates';
import { saveBase64File } from '@renderer/components/download';
import { Badge } from '@renderer/ui/Badge';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { Drawer } from '@renderer/ui/Drawer';
import type { ModelMonitoring } from '@shared/monitoring/contract/board';
import type { Slo } from '@shared/monitoring/contract/slos';
import {
  AGGREGATION_LABELS,
  DRIFT_STATUS_LABELS,
  HEALTH_LABELS,
  METRIC_KIND_LABELS,
  SLO_STATUS_LABELS,
} from '@shared/monitoring/rules/vocabulary';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { useState } from 'react';
import { DRIFT_TONE, HEALTH_TONE, SLO_TONE, valueText, windowText } from './labels';
import { SloForm } from './SloForm';
import { TrendChart } from './TrendChart';
import './monitoring.css';

type SloView = ModelMonitoring['slos'][number];

/** A model's Monitoring tab: health and drift, each SLO with its course, playbook and responder, the newest readings. */
export function ModelMonitoringTab({ model }: { model: ModelDetail }) {
  const monitoring = useProcedure('monitoring.model', { modelId: model.id });
  const slos = useProcedure('slos.list', { modelId: model.id });
  const templates = useProcedure('slos.templates', { modelId: model.id });
  const apply = useCommand('slos.applyTemplate');
  const exporter = useCommand('readings.export');
  const toast = useToasts((s) => s.show);
  const today = useToday();
  const [editing, setEditing] = useState<Slo | 'new' | null>(null);
  const remove = useCommand('slos.remove');
  const m = monitoring.data;
  if (monitoring.error) return <p className="form__error">{monitoring.error.message}</p>;
  if (!m) return <p className="list-status">Loading…</p>;
  const missing = (templates.data ?? []).filter((t) => !(slos.data ?? []).some((s) => s.metric === t.metric));
  return (
    <div className="mon-model">
      <div className="mon-model__head">
        <p>
          <Badge tone={HEALTH_TONE[m.health]} strong={m.health === 'breach'}>
            {HEALTH_LABELS[m.health]}
          </Badge>{' '}
          Drift <Badge tone={DRIFT_TONE[m.drift]}>{DRIFT_STATUS_LABELS[m.drift]}</Badge>{' '}
          <span className="muted">
            {m.lastReadingAt ? `Last reading ${instant(m.lastReadingAt)}` : 'No reading yet'} · {m.totalReadings.toLocaleString()} readings
            kept
          </span>
        </p>
        {m.silent && (
          <p className="mon-warning" role="status">
            Unmonitored: no reading for more than {m.unmonitoredDays} days. Predictions may be degrading with no alert firing — check the
            monitoring job that sends its readings.
          </p>
        )}
        <div className="toolbar">
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            Add SLO
          </button>
          {missing.length > 0 && (
            <button
              type="button"
              className="button"
              disabled={apply.isPending}
              onClick={() =>
                apply.mutate(
                  { modelId: model.id },
                  {
                    onSuccess: (added) =>
                      toast({ tone: 'info', message: `Added ${added.length} suggested ${added.length === 1 ? 'SLO' : 'SLOs'}.` }),
                    onError: (e) => toast({ tone: 'error', message: e.message }),
                  },
                )
              }
            >
              Add suggested SLOs ({missing.map((t) => t.metric).join(', ')})
            </button>
          )}
          <button
            type="button"
            className="button"
            disabled={exporter.isPending}
            onClick={() =>
              exporter.mutate(
                { modelId: model.id, month: today.slice(0, 7) },
                {
                  onSuccess: (file) => saveBase64File(file.fileName, file.base64),
                  onError: (e) => toast({ tone: 'error', message: e instanceof CallError ? e.message : String(e) }),
                },
              )
            }
          >
            Export this month’s readings (CSV)
          </button>
        </div>
      </div>
      {m.slos.length === 0 ? (
        <p className="muted">
          No SLO yet: nothing tells Keel what this model must achieve. Add one, or the ones Keel suggests for its kind.
        </p>
      ) : (
        <ul className="mon-slos">
          {m.slos.map((s) => (
            <SloCard
              key={s.sloId}
              slo={s}
              onEdit={() => setEditing(slos.data?.find((x) => x.id === s.sloId) ?? null)}
              onRemove={async () => {
                const yes = await askConfirm({
                  title: `Remove the SLO on ${s.metric}?`,
                  message: 'Its readings stay; the board stops judging the model on this metric.',
                  confirmLabel: 'Remove SLO',
                  tone: 'danger',
                });
                if (yes) remove.mutate({ id: s.sloId }, { onError: (e) => toast({ tone: 'error', message: e.message }) });
              }}
            />
          ))}
        </ul>
      )}
      <section aria-labelledby="mon-readings" className="mon-section">
        <h3 id="mon-readings">Newest readings</h3>
        {m.readings.length === 0 ? (
          <p className="muted">No reading has arrived. Readings come from the client’s monitoring stack through the inbox or an import.</p>
        ) : (
          <table className="data-table mon-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Metric</th>
                <th scope="col">Segment</th>
                <th scope="col">Version</th>
                <th scope="col" className="num">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {m.readings.slice(0, 50).map((r) => (
                <tr key={`${r.at}-${r.metric}-${r.segment}`}>
                  <td>{instant(r.at)}</td>
                  <td>{r.metric}</td>
                  <td>{r.segment || '—'}</td>
                  <td>{r.versionLabel ?? '—'}</td>
                  <td className="num">{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {editing && (
        <Drawer
          title={editing === 'new' ? `New SLO for ${model.name}` : `Edit the SLO on ${editing.metric}`}
          onClose={() => setEditing(null)}
        >
          <SloForm model={model} slo={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        </Drawer>
      )}
    </div>
  );
}

function SloCard({ slo: s, onEdit, onRemove }: { slo: SloView; onEdit(): void; onRemove(): void }) {
  return (
    <li className={`mon-slo mon-slo--${s.status}`}>
      <div className="mon-slo__text">
        <h3 className="mon-slo__title">
          <Badge tone={SLO_TONE[s.status]} strong={s.status === 'breach'}>
            {SLO_STATUS_LABELS[s.status]}
          </Badge>{' '}
          {METRIC_KIND_LABELS[s.kind]} · {s.metric}
          {s.segment ? ` (${s.segment})` : ''}
          {s.versionLabel ? ` · version ${s.versionLabel}` : ''}
        </h3>
        <p>
          {AGGREGATION_LABELS[s.aggregation]} over {windowText(s.windowMinutes)}: <strong>{valueText(s.value, s.unit)}</strong> — target{' '}
          {s.direction === 'higher' ? '≥' : '≤'} {valueText(s.target, s.unit)}, warning at {valueText(s.warning, s.unit)}{' '}
          <span className="muted">
            ({s.readings} {s.readings === 1 ? 'reading' : 'readings'} from {instant(s.window.from)} to {instant(s.window.to)})
          </span>
        </p>
        {s.deciding.length > 0 && (
          <p className="muted">Decided by: {s.deciding.map((r) => `${valueText(r.value, s.unit)} at ${instant(r.at)}`).join('; ')}</p>
        )}
        <p>
          <strong>Responds:</strong> {s.responder.name ?? 'nobody named'} <span className="muted">({s.responder.dutyName})</span> —{' '}
          {s.responder.reason}
        </p>
        <details open={s.status === 'breach'}>
          <summary>
            Playbook ({s.playbook.length} {s.playbook.length === 1 ? 'step' : 'steps'})
          </summary>
          <ol className="mon-playbook">
            {s.playbook.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
        <p className="mon-slo__actions">
          <button type="button" className="link" onClick={onEdit}>
            Edit
          </button>{' '}
          ·{' '}
          <button type="button" className="link" onClick={onRemove}>
            Remove
          </button>
        </p>
      </div>
      <TrendChart points={s.trend} target={s.target} warning={s.warning} unit={s.unit} label={`${s.metric} of the last 30 days`} />
    </li>
  );
}
