import { useProcedure } from '@renderer/api/queries';
import { instant } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { BoardModel } from '@shared/monitoring/contract/board';
import { AGGREGATION_LABELS, DRIFT_STATUS_LABELS, HEALTH_LABELS, HEALTHS, METRIC_KIND_LABELS } from '@shared/monitoring/rules/vocabulary';
import { STAGE_LABELS } from '@shared/portfolio/rules/vocabulary';
import { DRIFT_TONE, HEALTH_TONE, valueText, windowText } from './labels';
import { openModelMonitoring } from './openModel';

/** Every watched model by health: breaches first with the playbook and who responds, then silent models, warnings… */
export function BoardView({ clientId }: { clientId: string }) {
  const board = useProcedure('monitoring.board', clientId ? { clientId } : {});
  if (board.error) return <p className="form__error">{board.error.message}</p>;
  const data = board.data;
  if (!data) return <p className="list-status">Loading…</p>;
  if (data.models.length === 0) {
    return (
      <EmptyState title="No model is watched yet">
        Production models appear here, and any model with an SLO. Add SLOs on a model’s Monitoring tab.
      </EmptyState>
    );
  }
  return (
    <div className="mon-board">
      <p className="mon-counts">
        {HEALTHS.filter((h) => data.counts[h] > 0).map((h) => (
          <Badge key={h} tone={HEALTH_TONE[h]} strong={h === 'breach'}>
            {data.counts[h]} {HEALTH_LABELS[h].toLowerCase()}
          </Badge>
        ))}
        <span className="muted">
          {' '}
          Evaluated {instant(data.at)}. A production model with no reading for more than {data.unmonitoredDays}{' '}
          {data.unmonitoredDays === 1 ? 'day' : 'days'} is unmonitored.
        </span>
      </p>
      <ul className="mon-cards">
        {data.models.map((m) => (
          <BoardCard key={m.modelId} model={m} />
        ))}
      </ul>
    </div>
  );
}

function BoardCard({ model: m }: { model: BoardModel }) {
  const w = m.worst;
  return (
    <li className={`mon-card mon-card--${m.health}`}>
      <div className="mon-card__head">
        <Badge tone={HEALTH_TONE[m.health]} strong={m.health === 'breach'}>
          {HEALTH_LABELS[m.health]}
        </Badge>
        <button type="button" className="link mon-card__model" onClick={() => openModelMonitoring(m.modelId)}>
          {m.modelName}
        </button>
        <span className="muted">
          {m.clientName} · {STAGE_LABELS[m.stage]}
        </span>
        <span className="mon-card__drift">
          Drift <Badge tone={DRIFT_TONE[m.drift]}>{DRIFT_STATUS_LABELS[m.drift]}</Badge>
        </span>
      </div>
      <p className="mon-card__facts">
        {m.health === 'unmonitored' ? (
          <>
            <strong>No reading since {m.lastReadingAt ? instant(m.lastReadingAt) : 'it reached production'}.</strong> Its predictions may be
            degrading with no alert firing.
          </>
        ) : w ? (
          <>
            <strong>
              {METRIC_KIND_LABELS[w.kind]} · {w.metric}
              {w.segment ? ` (${w.segment})` : ''}
            </strong>{' '}
            {w.value === null
              ? `no reading in its ${windowText(w.windowMinutes)} window (${instant(w.window.from)} to ${instant(w.window.to)})`
              : `${AGGREGATION_LABELS[w.aggregation].toLowerCase()} ${valueText(w.value, w.unit)} against a target of ${valueText(w.target, w.unit)} over ${windowText(w.windowMinutes)} (${w.readings} ${w.readings === 1 ? 'reading' : 'readings'}, ${instant(w.window.from)} to ${instant(w.window.to)})`}
          </>
        ) : (
          <>No SLO yet.</>
        )}
        {m.lastReadingAt && m.health !== 'unmonitored' && <span className="muted"> · last reading {instant(m.lastReadingAt)}</span>}
      </p>
      {m.responder && (
        <div className="mon-card__act">
          <p>
            <strong>Responds:</strong> {m.responder.name ?? 'nobody named'} <span className="muted">({m.responder.dutyName})</span> —{' '}
            {m.responder.reason}
          </p>
          {m.health === 'breach' && w && (
            <div>
              <strong>Playbook</strong>
              <ol className="mon-playbook">
                {w.playbook.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
