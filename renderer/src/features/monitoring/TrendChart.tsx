import { day, instant } from '@renderer/components/dates';
import { SLO_STATUS_LABELS, type SloStatus } from '@shared/monitoring/rules/vocabulary';
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { valueText } from './labels';

type Point = { day: string; at: string; value: number | null; status: SloStatus };

/**
 * An SLO's last 30 days (its value at the end of each day) as a small line chart with the target and warning
 * lines, or the same points as a table. The chart is focusable and described; the table is what a screen reader reads.
 */
export function TrendChart({
  points,
  target,
  warning,
  unit,
  label,
}: {
  points: Point[];
  target: number;
  warning: number;
  unit: string;
  label: string;
}) {
  const [asTable, setAsTable] = useState(false);
  const measured = points.filter((p) => p.value !== null);
  const description = `${label}, at the end of each day and now: ${
    measured.length === 0
      ? 'no readings'
      : `from ${valueText(measured[0]?.value ?? null, unit)} to ${valueText(measured[measured.length - 1]?.value ?? null, unit)}`
  }; target ${valueText(target, unit)}, warning ${valueText(warning, unit)}.`;
  const data = points;
  // The target and warning lines stay in view: the axis spans them and every value.
  const span = [target, warning, ...measured.map((p) => p.value as number)];
  const low = Math.min(...span);
  const high = Math.max(...span);
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.05 || 1;
  const domain: [number, number] = [low - pad, high + pad];
  return (
    <div className="mon-trend">
      <button type="button" className="link mon-trend__toggle" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
        {asTable ? 'Show chart' : 'Show table'}
      </button>
      {asTable ? (
        <table className="data-table mon-trend__table">
          <caption className="ui-visually-hidden">{description}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((p, i) => (
              <tr key={p.at}>
                <td>{i === 0 ? `now (${instant(p.at)})` : day(p.day)}</td>
                <td className="num">{valueText(p.value, unit)}</td>
                <td>{SLO_STATUS_LABELS[p.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is focusable so a keyboard user can reach its description
        <div className="mon-trend__figure" role="img" aria-label={description} tabIndex={0}>
          <LineChart width={420} height={140} data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis
              dataKey="day"
              tickFormatter={(d: string) => day(d).replace(/ \d{4}$/, '')}
              tick={{ fill: 'var(--text-muted)', fontSize: 10 }}
              minTickGap={24}
            />
            <YAxis
              domain={domain}
              width={52}
              tickFormatter={(v: number) => String(Math.round(v * 1000) / 1000)}
              tick={{ fill: 'var(--text-muted)', fontSize: 10 }}
            />
            <Tooltip formatter={(v) => valueText(typeof v === 'number' ? v : null, unit)} labelFormatter={(d) => day(String(d))} />
            <ReferenceLine y={target} stroke="var(--ok-fg)" strokeDasharray="4 3" />
            <ReferenceLine y={warning} stroke="var(--attention-fg)" strokeDasharray="2 3" />
            <Line type="monotone" dataKey="value" stroke="var(--accent)" dot={false} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </div>
      )}
    </div>
  );
}
