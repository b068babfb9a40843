import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { day, instant, weekdayDay } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { EngagementRhythm } from '@shared/ceremonies/contract/rhythm';
import type { HealthFigure } from '@shared/ceremonies/rules/rhythm';
import { CEREMONY_TYPE_LABELS } from '@shared/ceremonies/rules/vocabulary';
import { useState } from 'react';
import { openKey, useCeremonies } from './ceremoniesStore';

const pct = (f: HealthFigure) => (f.ratio === null ? '—' : `${Math.round(f.ratio * 100)} %`);
const toneOf = (ratio: number | null) => (ratio === null ? 'neutral' : ratio >= 0.9 ? 'ok' : ratio >= 0.75 ? 'attention' : 'critical');

/** Rhythm health per engagement: held ÷ planned over 90 days with its trend, missed occurrences, freeze conflicts, overdue items. */
export function HealthView() {
  const { clientId, engagementId } = useCeremonies();
  const health = useProcedure('ceremonies.health', clientId ? { clientId } : {});
  const rows = (health.data ?? []).filter((r) => !engagementId || r.engagementId === engagementId);
  return (
    <div className="cer-health">
      <MissedSetting />
      {health.error && <p className="form__error">{health.error.message}</p>}
      {!health.data ? (
        <p className="list-status">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState title="No rhythm to measure yet">
          Plan the engagement’s ceremonies on the Series tab; their health shows here once they meet.
        </EmptyState>
      ) : (
        rows.map((r) => <EngagementCard key={r.engagementId} rhythm={r} />)
      )}
    </div>
  );
}

function EngagementCard({ rhythm: r }: { rhythm: EngagementRhythm }) {
  const set = useCeremonies((s) => s.set);
  const h = r.health;
  const delta = h.ratio !== null && h.previous.ratio !== null ? Math.round((h.ratio - h.previous.ratio) * 100) : null;
  return (
    <section className="cer-health__card" aria-labelledby={`cer-h-${r.engagementId}`}>
      <header className="cer-health__head">
        <h3 id={`cer-h-${r.engagementId}`}>
          {r.engagementName} <span className="muted">{r.clientName}</span>
        </h3>
        <p className="cer-health__ratio">
          <Badge tone={toneOf(h.ratio)} strong={toneOf(h.ratio) === 'critical'}>
            {pct(h)} held
          </Badge>{' '}
          <span className="muted">
            {h.held} of {h.planned} over the last 90 days
            {delta !== null && ` · ${delta >= 0 ? '▲' : '▼'} ${Math.abs(delta)} points against the 90 days before (${pct(h.previous)})`}
          </span>
        </p>
      </header>
      <div className="cer-health__body">
        <div>
          <h4>Trend (30-day slices)</h4>
          <ol className="cer-trend" aria-label="Held share per 30 days, oldest first">
            {h.trend.map((p) => (
              <li key={p.to} title={`${day(p.from.slice(0, 10))} – ${day(p.to.slice(0, 10))}: ${p.held} of ${p.planned} held`}>
                <span
                  className="cer-trend__bar"
                  style={{ height: `${p.ratio === null ? 2 : Math.max(4, p.ratio * 60)}px` }}
                  data-tone={toneOf(p.ratio)}
                />
                <span className="cer-trend__label">{pct(p)}</span>
                <span className="cer-trend__label">{day(p.to.slice(0, 10)).replace(/,? \d{4}$/, '')}</span>
              </li>
            ))}
          </ol>
          <h4>By type</h4>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Held
                </th>
                <th scope="col" className="num">
                  Planned
                </th>
                <th scope="col" className="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {h.byType.map((t) => (
                <tr key={t.type}>
                  <td>{CEREMONY_TYPE_LABELS[t.type]}</td>
                  <td className="num">{t.held}</td>
                  <td className="num">{t.planned}</td>
                  <td className="num">{pct(t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {r.overdueActions > 0 ? (
              <Badge tone="attention">
                {r.overdueActions} overdue action {r.overdueActions === 1 ? 'item' : 'items'}
              </Badge>
            ) : null}{' '}
            <span className="muted">{r.openActions} open</span>
          </p>
        </div>
        <div>
          <h4>Missed</h4>
          {r.missed.length === 0 ? (
            <p className="muted">Nothing missed in the last 90 days.</p>
          ) : (
            <ul className="cer-findings">
              {r.missed.map((m) => (
                <li key={`${m.seriesId}|${m.key}`}>
                  <Badge tone="critical">Missed</Badge>{' '}
                  <button type="button" className="link" onClick={() => set({ open: openKey(m.seriesId, m.key) })}>
                    {m.title}, {weekdayDay(m.key.slice(0, 10))} {m.key.slice(11)}
                  </button>{' '}
                  <span className="muted">
                    {m.reason === 'not_held' ? 'recorded as not held' : `not recorded (missed since ${instant(m.since)})`}
                    {m.models.length > 0 ? ` · ${m.models.map((x) => x.name).join(', ')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h4>Freeze conflicts</h4>
          {r.conflicts.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="cer-findings">
              {r.conflicts.map((c) => (
                <li key={`${c.kind}|${c.date}|${c.what}`}>
                  <Badge tone="critical">{c.kind === 'window' ? 'Window in a freeze' : 'Deployed in a freeze'}</Badge> {day(c.date)}:{' '}
                  {c.what} <span className="muted">({c.freezeReason})</span>
                  {c.seriesId && c.key && (
                    <>
                      {' '}
                      <button type="button" className="link" onClick={() => set({ open: openKey(c.seriesId ?? '', c.key ?? '') })}>
                        Open
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

function MissedSetting() {
  const settings = useProcedure('ceremonies.settings', {});
  const update = useCommand('ceremonies.updateSettings');
  const toast = useToasts((s) => s.show);
  const [text, setText] = useState<string | null>(null);
  const value = text ?? String(settings.data?.missedAfterDays ?? '');
  return (
    <form
      className="cer-setting"
      onSubmit={(e) => {
        e.preventDefault();
        update
          .mutateAsync({ missedAfterDays: Number(value) })
          .then((s) => {
            setText(null);
            toast({ tone: 'info', message: `An unrecorded ceremony now counts as missed ${s.missedAfterDays} days after it.` });
          })
          .catch((error: Error) => toast({ tone: 'error', message: error.message }));
      }}
    >
      <label htmlFor="cer-missed-days">An occurrence not marked held counts as missed after</label>{' '}
      <input id="cer-missed-days" inputMode="numeric" size={3} value={value} onChange={(e) => setText(e.target.value)} /> days{' '}
      <button type="submit" className="button button--secondary button--small" disabled={text === null}>
        Save
      </button>
    </form>
  );
}
