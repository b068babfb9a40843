import { month } from '@renderer/components/dates';
import { ChartOrTable } from '@renderer/ui/ChartOrTable';
import type { SeverityMonth } from '@shared/operations/contract/overview';
import { SEVERITIES, SEVERITY_SHORT } from '@shared/operations/rules/vocabulary';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

const FILL = { sev1: 'var(--critical-fg)', sev2: 'var(--attention-fg)', sev3: 'var(--accent)', sev4: 'var(--neutral-border)' } as const;

/** Incidents per month by severity over twelve months, stacked; the same figures as a table on request. */
export function SeverityChart({ rows, label }: { rows: SeverityMonth[]; label: string }) {
  const total = rows.reduce((n, r) => n + r.sev1 + r.sev2 + r.sev3 + r.sev4, 0);
  const description = `${label}: ${total} ${total === 1 ? 'incident' : 'incidents'} over twelve months, ${SEVERITIES.map(
    (s) => `${rows.reduce((n, r) => n + r[s], 0)} ${SEVERITY_SHORT[s]}`,
  ).join(', ')}.`;
  return (
    <ChartOrTable
      description={description}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {SEVERITIES.map((s) => (
                <th key={s} scope="col" className="num">
                  {SEVERITY_SHORT[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <td>{month(r.month)}</td>
                {SEVERITIES.map((s) => (
                  <td key={s} className="num">
                    {r[s]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      }
      chart={
        <BarChart width={460} height={150} data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="month"
            tickFormatter={(m: string) => month(m).replace(/ \d{4}$/, '')}
            tick={{ fill: 'var(--text-muted)', fontSize: 10 }}
          />
          <YAxis allowDecimals={false} width={28} tick={{ fill: 'var(--text-muted)', fontSize: 10 }} />
          <Tooltip labelFormatter={(m) => month(String(m))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {SEVERITIES.map((s) => (
            <Bar key={s} dataKey={s} name={SEVERITY_SHORT[s]} stackId="sev" fill={FILL[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      }
    />
  );
}
