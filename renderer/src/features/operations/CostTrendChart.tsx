import { month } from '@renderer/components/dates';
import { ChartOrTable } from '@renderer/ui/ChartOrTable';
import { formatMoney, minorToMajor } from '@shared/kernel/money';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';

type Point = { month: string; totalMinor: number; budgetMinor: number };

/** Run cost per month against the budget over twelve months; the same figures as a table on request. */
export function CostTrendChart({ points, currency, label }: { points: Point[]; currency: string; label: string }) {
  const last = points[points.length - 1];
  const description = `${label}: ${points.length} months${last ? `, the last ${formatMoney(last.totalMinor, currency)} against a budget of ${formatMoney(last.budgetMinor, currency)}` : ''}.`;
  const data = points.map((p) => ({
    month: p.month,
    cost: minorToMajor(p.totalMinor, currency),
    budget: minorToMajor(p.budgetMinor, currency),
  }));
  return (
    <ChartOrTable
      description={description}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">
                Run cost
              </th>
              <th scope="col" className="num">
                Budget
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <td>{month(p.month)}</td>
                <td className="num">{formatMoney(p.totalMinor, currency)}</td>
                <td className="num">{formatMoney(p.budgetMinor, currency)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
      chart={
        <ComposedChart width={460} height={160} data={data} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="month"
            tickFormatter={(m: string) => month(m).replace(/ \d{4}$/, '')}
            tick={{ fill: 'var(--text-muted)', fontSize: 10 }}
          />
          <YAxis width={56} tick={{ fill: 'var(--text-muted)', fontSize: 10 }} />
          <Tooltip labelFormatter={(m) => month(String(m))} formatter={(v) => (typeof v === 'number' ? v.toFixed(2) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar dataKey="cost" name={`Run cost (${currency})`} fill="var(--accent)" isAnimationActive={false} />
          <Line dataKey="budget" name="Budget" stroke="var(--attention-fg)" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
        </ComposedChart>
      }
    />
  );
}
