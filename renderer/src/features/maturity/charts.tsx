import { day } from '@renderer/components/dates';
import type { FrameworkKey } from '@shared/maturity/rules/vocabulary';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** One framework's axes: its dimensions and its levels (0 … top). */
export type FrameworkAxes = {
  key: FrameworkKey;
  name: string;
  levels: { level: number; name: string }[];
  dimensions: { key: string; name: string }[];
};

export type RadarRow = { dimension: string; current: number | null; previous: number | null; target: number | null };

const SERIES = [
  { key: 'current', name: 'Current', stroke: 'var(--accent)', fill: 'var(--accent)', dash: undefined },
  { key: 'previous', name: 'Previous', stroke: 'var(--text-muted)', fill: 'none', dash: undefined },
  { key: 'target', name: 'Target', stroke: 'var(--attention-fg)', fill: 'none', dash: '5 4' },
] as const;

const shown = (v: number | null) => (v === null ? '—' : String(v));

/**
 * Current vs previous vs target per dimension, as a radar (recharts) with the same numbers in a table beside
 * it: the table is what a screen reader or a keyboard reads, the chart a summary (focusable, described).
 */
export function RadarWithTable({ axes, rows, caption }: { axes: FrameworkAxes; rows: RadarRow[]; caption: string }) {
  const top = axes.levels.length - 1;
  const present = SERIES.filter((s) => rows.some((r) => r[s.key] !== null));
  const description = `${caption}: ${rows
    .map((r) => `${r.dimension} current ${shown(r.current)}, previous ${shown(r.previous)}, target ${shown(r.target)}`)
    .join('; ')}`;
  return (
    <div className="mat-chart">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is focusable so a keyboard user can reach its description */}
      <div className="mat-chart__figure" role="img" aria-label={description} tabIndex={0}>
        {rows.length >= 3 ? (
          <RadarChart width={540} height={300} data={rows} outerRadius={100}>
            <PolarGrid stroke="var(--border)" />
            <PolarAngleAxis dataKey="dimension" tick={{ fill: 'var(--text)', fontSize: 12 }} />
            <PolarRadiusAxis domain={[0, top]} tickCount={top + 1} angle={90} tick={{ fill: 'var(--text-muted)', fontSize: 10 }} />
            {present.map((s) => (
              <Radar
                key={s.key}
                name={s.name}
                dataKey={(r: RadarRow) => r[s.key] ?? 0}
                stroke={s.stroke}
                fill={s.fill}
                fillOpacity={s.fill === 'none' ? 0 : 0.2}
                strokeWidth={2}
                strokeDasharray={s.dash}
                isAnimationActive={false}
              />
            ))}
            <Legend wrapperStyle={{ fontSize: 12 }} />
          </RadarChart>
        ) : (
          <p className="muted mat-chart__note">A radar needs three dimensions or more; the table holds the levels.</p>
        )}
      </div>
      <table className="table mat-table" aria-label={`${caption} (table)`}>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col">Current</th>
            <th scope="col">Previous</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.dimension}>
              <th scope="row">{r.dimension}</th>
              <td>{shown(r.current)}</td>
              <td>{shown(r.previous)}</td>
              <td>{shown(r.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type TrendLine = { dimension: string; dimensionName: string; points: { assessmentId: string; assessedOn: string; level: number }[] };

const LINE_COLOURS = ['var(--client-1)', 'var(--client-3)', 'var(--client-5)', 'var(--client-7)', 'var(--client-9)'];

/** Each dimension's level across the final assessments (step lines), with the same numbers in a table. */
export function TrendWithTable({ axes, lines, caption }: { axes: FrameworkAxes; lines: TrendLine[]; caption: string }) {
  const dates = [...new Set(lines.flatMap((l) => l.points.map((p) => p.assessedOn)))].sort();
  const data: ({ on: string } & Record<string, number | string | null>)[] = dates.map((d) => ({
    ...Object.fromEntries(lines.map((l) => [l.dimension, l.points.find((p) => p.assessedOn === d)?.level ?? null])),
    on: d,
  }));
  const top = axes.levels.length - 1;
  const description = `${caption}: ${lines
    .map((l) => `${l.dimensionName} ${l.points.map((p) => `${p.level} on ${day(p.assessedOn)}`).join(', ') || 'no assessment'}`)
    .join('; ')}`;
  return (
    <div className="mat-chart">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is focusable so a keyboard user can reach its description */}
      <div className="mat-chart__figure" role="img" aria-label={description} tabIndex={0}>
        {dates.length >= 2 ? (
          <LineChart width={420} height={240} data={data} margin={{ top: 10, right: 20, bottom: 5, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis
              dataKey="on"
              interval={0}
              padding={{ left: 24, right: 24 }}
              tickFormatter={(d: string) => day(d)}
              tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
            />
            <YAxis
              domain={[0, top]}
              allowDecimals={false}
              tickCount={top + 1}
              width={30}
              tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
            />
            <Tooltip labelFormatter={(d) => day(String(d))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {lines.map((l, i) => (
              <Line
                key={l.dimension}
                type="stepAfter"
                dataKey={l.dimension}
                name={l.dimensionName}
                stroke={LINE_COLOURS[i % LINE_COLOURS.length]}
                strokeWidth={2}
                dot
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <p className="muted mat-chart__note">A trend needs two final assessments; the table holds what there is.</p>
        )}
      </div>
      <table className="table mat-table" aria-label={`${caption} (table)`}>
        <thead>
          <tr>
            <th scope="col">Assessed on</th>
            {lines.map((l) => (
              <th scope="col" key={l.dimension}>
                {l.dimensionName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={row.on}>
              <th scope="row">{day(row.on)}</th>
              {lines.map((l) => (
                <td key={l.dimension}>{shown((row[l.dimension] as number | null | undefined) ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
