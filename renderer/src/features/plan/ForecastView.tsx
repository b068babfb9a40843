import { useProcedure } from '@renderer/api/queries';
import { month } from '@renderer/components/dates';
import { ROLE_LABELS, type SpecialistRole } from '@shared/clients/rules/reference';
import type { ForecastRow } from '@shared/plan/contract/plan';

const fte = (n: number) => n.toFixed(1);
/** A gap always carries its sign, with a real minus: "+0.2", "−0.2", and "0.0" when it rounds to nothing. */
export const signed = (n: number): string => {
  const tenths = Math.round(n * 10);
  if (tenths === 0) return '0.0';
  return `${tenths > 0 ? '+' : '\u2212'}${(Math.abs(tenths) / 10).toFixed(1)}`;
};

/** Roles × the next 12 months: demand against supply, the gap coloured. */
export function ForecastView() {
  const forecast = useProcedure('plan.forecast', { months: 12 });
  if (forecast.error) return <p className="list-status list-status--error">{forecast.error.message}</p>;
  if (!forecast.data) return <p className="list-status">Loading…</p>;
  const { months, rows } = forecast.data;
  const roles = [...new Set(rows.map((r) => r.role))] as SpecialistRole[];
  const cell = new Map(rows.map((r) => [`${r.role}:${r.month}`, r]));
  const totals = months.map((m) => {
    const inMonth = rows.filter((r) => r.month === m.start);
    return {
      supply: inMonth.reduce((s, r) => s + r.supply, 0),
      demand: inMonth.reduce((s, r) => s + r.demand, 0),
    };
  });
  return (
    <>
      <p className="section-lede">
        FTE per role and month: demand is confirmed + tentative allocations + open requests; supply is the people of that role, less
        absences. A negative gap means people must be found. Hover a cell for the breakdown.
      </p>
      {/* Wider than the screen at small sizes: a focusable region, so the keyboard can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard */}
      <section className="forecast-scroll" tabIndex={0} aria-label="Capacity forecast, scrollable">
        <table className="table forecast" aria-label="Capacity forecast">
          <thead>
            <tr>
              <th>Role</th>
              {months.map((m) => (
                <th key={m.start} className="num">
                  {month(m.start)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <tr key={role}>
                <th scope="row">{ROLE_LABELS[role]}</th>
                {months.map((m) => {
                  const r = cell.get(`${role}:${m.start}`);
                  return r ? (
                    <ForecastCell key={m.start} row={r} />
                  ) : (
                    <td key={m.start} className="num muted">
                      —
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="forecast__total">
              <th scope="row">All roles</th>
              {totals.map((t, i) => (
                <td key={months[i]?.start} className="num">
                  <span className="forecast__gap">{signed(t.supply - t.demand)}</span>
                  <span className="forecast__detail">
                    {fte(t.demand)} / {fte(t.supply)}
                  </span>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
      <p className="muted">Each cell: the gap (supply − demand) above, demand / supply below.</p>
    </>
  );
}

function ForecastCell({ row }: { row: ForecastRow }) {
  const tone = row.gap < -0.05 ? 'short' : row.gap > 0.95 ? 'spare' : 'even';
  return (
    <td
      className={`num forecast__cell forecast__cell--${tone}`}
      title={`Supply ${fte(row.supply)} FTE\nConfirmed ${fte(row.confirmed)} · Tentative ${fte(row.tentative)} · Open requests ${fte(row.openRequests)}\nDemand ${fte(row.demand)} FTE · Gap ${signed(row.gap)}`}
    >
      <span className="forecast__gap">{signed(row.gap)}</span>
      <span className="forecast__detail">
        {fte(row.demand)} / {fte(row.supply)}
      </span>
    </td>
  );
}
