import { CallError, useCommand, useProcedure } from '@renderer/api/queries';
import { day, instant, monthLong } from '@renderer/components/dates';
import { saveBase64File } from '@renderer/components/download';
import { EmptyState } from '@renderer/ui/EmptyState';
import { MonthInput } from '@renderer/ui/fields';
import { STAGE_LABELS } from '@shared/portfolio/rules/vocabulary';
import { useState } from 'react';
import { valueText } from './labels';
import { useMonitoring } from './monitoringStore';
import { openModelMonitoring } from './openModel';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10} %`);

/** A client's month: SLO attainment per model, breaches with their windows, unmonitored days — and the workbook. */
export function AttainmentView({ clientId }: { clientId: string }) {
  const { month, set } = useMonitoring();
  const data = useProcedure('monitoring.attainment', { clientId, month }, clientId !== '');
  const exporter = useCommand('monitoring.export');
  const [error, setError] = useState<string | null>(null);
  if (!clientId) return <EmptyState title="Choose a client">Attainment is reported per client and month.</EmptyState>;
  const a = data.data;
  return (
    <div className="mon-attainment">
      <div className="toolbar">
        <MonthInput label="Month" value={month} onChange={(m) => m && set({ month: m })} />
        <button
          type="button"
          className="button"
          disabled={exporter.isPending}
          onClick={() => {
            setError(null);
            exporter.mutate(
              { clientId, month },
              {
                onSuccess: (file) => saveBase64File(file.fileName, file.base64),
                onError: (e) => setError(e instanceof CallError ? e.message : String(e)),
              },
            );
          }}
        >
          {exporter.isPending ? 'Exporting…' : 'Export workbook'}
        </button>
      </div>
      {error && <p className="form__error">{error}</p>}
      {data.error && <p className="form__error">{data.error.message}</p>}
      {!a ? (
        <p className="list-status">Loading…</p>
      ) : a.days.length === 0 ? (
        <p className="muted">No day of {monthLong(month)} has ended yet: attainment is measured at the end of each day.</p>
      ) : (
        <>
          <p className="muted">
            {a.clientName}, {monthLong(a.month)}: each SLO evaluated at the end of each day from {day(a.days[0] as string)} to{' '}
            {day(a.days[a.days.length - 1] as string)} ({a.days.length} {a.days.length === 1 ? 'day' : 'days'}) over its own window.
          </p>
          <table className="data-table mon-table">
            <caption className="ui-visually-hidden">SLO attainment per model</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Metric</th>
                <th scope="col">Target</th>
                <th scope="col" className="num">
                  Days met
                </th>
                <th scope="col" className="num">
                  In warning
                </th>
                <th scope="col" className="num">
                  Breached
                </th>
                <th scope="col" className="num">
                  No data
                </th>
                <th scope="col" className="num">
                  Attainment
                </th>
              </tr>
            </thead>
            <tbody>
              {a.slos.map((s) => (
                <tr key={s.sloId}>
                  <td>
                    <button type="button" className="link" onClick={() => openModelMonitoring(s.modelId)}>
                      {s.modelName}
                    </button>
                  </td>
                  <td>
                    {s.metric}
                    {s.segment ? ` (${s.segment})` : ''}
                  </td>
                  <td>
                    {s.direction === 'higher' ? '≥' : '≤'} {valueText(s.target, s.unit)}
                  </td>
                  <td className="num">{s.met}</td>
                  <td className="num">{s.warnings}</td>
                  <td className="num">{s.breaches}</td>
                  <td className="num">{s.noData}</td>
                  <td className="num">
                    <strong>{percent(s.attainment)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mon-columns">
            <section aria-labelledby="mon-breaches">
              <h3 id="mon-breaches">Breaches</h3>
              {a.slos.every((s) => s.breachDays.length === 0) ? (
                <p className="muted">No SLO was breached at the end of any day.</p>
              ) : (
                <ul className="mon-list">
                  {a.slos.flatMap((s) =>
                    s.breachDays.map((b) => (
                      <li key={`${s.sloId}-${b.day}`}>
                        <strong>{day(b.day)}</strong> {s.modelName} · {s.metric}: {valueText(b.value, s.unit)}{' '}
                        <span className="muted">
                          (window {instant(b.window.from)} to {instant(b.window.to)} UTC)
                        </span>
                      </li>
                    )),
                  )}
                </ul>
              )}
            </section>
            <section aria-labelledby="mon-silent">
              <h3 id="mon-silent">Models</h3>
              <ul className="mon-list">
                {a.models.map((m) => (
                  <li key={m.modelId}>
                    <strong>{m.modelName}</strong> <span className="muted">({STAGE_LABELS[m.stage]})</span> — attainment{' '}
                    {percent(m.attainment)}
                    {m.stage === 'production' &&
                      (m.unmonitoredDays.length === 0
                        ? ', readings every day'
                        : `, ${m.unmonitoredDays.length} ${m.unmonitoredDays.length === 1 ? 'day' : 'days'} without a reading (${m.unmonitoredDays.map(day).join(', ')})`)}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
