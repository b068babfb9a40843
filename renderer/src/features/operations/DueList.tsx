import { useNav } from '@renderer/app/stores';
import { datesInText, day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import type { RetrainingDue } from '@shared/operations/contract/retraining';

/** Models due for retraining, each reason with its trigger; the model opens on its Retraining tab. */
export function DueList({ rows, showClient = false }: { rows: RetrainingDue[]; showClient?: boolean }) {
  const go = useNav((s) => s.go);
  return (
    <ul className="ops-due">
      {rows.map((r) => (
        <li key={r.modelId}>
          <button
            type="button"
            className="link"
            onClick={() => go({ area: 'portfolio', recordId: r.modelId, params: { tab: 'retraining' } })}
          >
            {r.modelName}
          </button>
          {showClient && <span className="muted"> · {r.clientName}</span>}
          {r.overdue && (
            <>
              {' '}
              <Badge tone="critical">Overdue since {day(r.nextDueOn ?? '')}</Badge>
            </>
          )}
          <ul>
            {r.due.map((d) => (
              <li key={`${d.trigger}|${d.sloId ?? ''}`}>
                <Badge tone={d.trigger === 'schedule' && !r.overdue ? 'info' : 'attention'}>{d.headline}</Badge>{' '}
                <span className="muted">{datesInText(d.text)}</span>
                {d.sloId && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link"
                      onClick={() => go({ area: 'portfolio', recordId: r.modelId, params: { tab: 'monitoring' } })}
                    >
                      See the breach
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
