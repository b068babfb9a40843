import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { day, instant } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { EmptyState } from '@renderer/ui/EmptyState';
import { CEREMONY_TYPE_LABELS } from '@shared/ceremonies/rules/vocabulary';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { ActionRow } from './ActionRow';
import { openKey } from './ceremoniesStore';

/** The model page's Ceremonies tab: the series about the model, the ones it missed, its decisions and action items. */
export function ModelCeremoniesTab({ model }: { model: ModelDetail }) {
  const data = useProcedure('ceremonies.forModel', { modelId: model.id });
  const go = useNav((s) => s.go);
  const open = (seriesId: string, key: string, date: string) =>
    go({ area: 'ceremonies', recordId: null, params: { view: 'week', day: date, open: openKey(seriesId, key) } });
  if (data.error) return <p className="form__error">{data.error.message}</p>;
  const d = data.data;
  if (!d) return <p className="list-status">Loading…</p>;
  if (d.series.length === 0 && d.decisions.length === 0 && d.actions.length === 0)
    return <EmptyState title="No ceremony is about this model">Link it to a review or a window on the Ceremonies screen.</EmptyState>;
  return (
    <div className="cer-model">
      <section>
        <h3>Series</h3>
        <ul className="cer-findings">
          {d.series.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong>{' '}
              <span className="muted">
                {CEREMONY_TYPE_LABELS[s.type]} · {s.ruleText} · {s.engagementName}
              </span>
              {s.nextStartsAt && <span className="muted"> · next {instant(s.nextStartsAt)}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>Missed</h3>
        {d.missed.length === 0 ? (
          <p className="muted">Nothing missed in the last year.</p>
        ) : (
          <ul className="cer-findings">
            {d.missed.map((m) => (
              <li key={`${m.seriesId}|${m.key}`}>
                <Badge tone="critical">Missed</Badge>{' '}
                <button type="button" className="link" onClick={() => open(m.seriesId, m.key, m.key.slice(0, 10))}>
                  {m.title}, {day(m.key.slice(0, 10))} {m.key.slice(11)}
                </button>{' '}
                <span className="muted">{m.reason === 'not_held' ? 'recorded as not held' : 'not recorded'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>Decisions</h3>
        {d.decisions.length === 0 ? (
          <p className="muted">No decision recorded yet.</p>
        ) : (
          <ul className="cer-findings">
            {d.decisions.map((x) => (
              <li key={x.id}>
                {x.text}{' '}
                <button type="button" className="link muted" onClick={() => open(x.seriesId, x.key, x.key.slice(0, 10))}>
                  {x.seriesTitle}, {day(x.key.slice(0, 10))}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>Action items</h3>
        {d.actions.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="cer-actions">
            {d.actions.map((a) => (
              <ActionRow key={a.id} item={a} showSeries />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
