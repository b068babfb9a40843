import { useNav } from '@renderer/app/stores';
import { day as dayLabel, month as monthLabel } from '@renderer/components/dates';
import { ROLE_LABELS } from '@shared/clients/rules/reference';
import { type Day, toDay } from '@shared/kernel/days';
import { errorsIn, ofSeverity } from '@shared/kernel/severity';
import type { PlanPlaceholder, Timeline, TimelineBar, TimelineRowItem } from '@shared/plan/contract/plan';
import { useVirtualizer } from '@tanstack/react-virtual';
import { format, parseISO } from 'date-fns';
import { type CSSProperties, useMemo, useRef } from 'react';

const NAME_WIDTH = 230;
const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 40;

/** Client colours: stable per client within the window (the legend shows them). */
/** The clients' colours are design tokens (--client-1…10), taken in order and round again. */
const CLIENT_COLOURS = 10;
export const clientColour = (index: number): string => `var(--client-${(index % CLIENT_COLOURS) + 1})`;

type Item =
  | { kind: 'request'; request: PlanPlaceholder }
  | { kind: 'person'; row: TimelineRowItem; lanes: Map<string, number>; laneCount: number };

/** Overlapping bars of one person (a hand-over, a split) go on separate lanes so none hides another. */
function assignLanes(allocations: readonly TimelineBar[]): { lanes: Map<string, number>; laneCount: number } {
  const ends: string[] = [];
  const lanes = new Map<string, number>();
  for (const a of [...allocations].sort((x, y) => (x.startDate < y.startDate ? -1 : x.startDate > y.startDate ? 1 : 0))) {
    let lane = ends.findIndex((end) => end < a.startDate);
    if (lane === -1) lane = ends.length;
    ends[lane] = a.endDate;
    lanes.set(a.id, lane);
  }
  return { lanes, laneCount: Math.max(1, ends.length) };
}

const LANE_HEIGHT = 18;
const rowHeight = (item: Item) => (item.kind === 'person' ? Math.max(ROW_HEIGHT, 12 + item.laneCount * LANE_HEIGHT) : ROW_HEIGHT);

/** Maps a day to an x offset: columns have equal width, months do not have equal days. */
function scaleFor(timeline: Timeline, column: number) {
  const starts = timeline.periods.map((p) => toDay(p.start));
  const ends = timeline.periods.map((p) => toDay(p.end));
  const first = starts[0] ?? 0;
  const last = ends[ends.length - 1] ?? 0;
  const x = (day: Day): number => {
    if (day <= first) return 0;
    if (day > last) return starts.length * column;
    let i = starts.length - 1;
    while (i > 0 && (starts[i] as number) > day) i--;
    const start = starts[i] as number;
    const length = (ends[i] as number) - start + 1;
    return i * column + ((day - start) / length) * column;
  };
  return { x, first, last };
}

function shade(utilisation: number | null): string {
  if (utilisation === null) return 'var(--timeline-none)';
  if (utilisation > 100) return 'color-mix(in srgb, var(--util-over) 28%, transparent)';
  if (utilisation === 0) return 'color-mix(in srgb, var(--util-idle) 16%, transparent)';
  return `color-mix(in srgb, var(--util) ${(5 + (utilisation / 100) * 20).toFixed(1)}%, transparent)`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const hours = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`;

export function TimelineGrid({ timeline, height }: { timeline: Timeline; height: string }) {
  const go = useNav((s) => s.go);
  const column = timeline.periods.length > 30 ? 48 : 56;
  const width = timeline.periods.length * column;
  const { x, first, last } = useMemo(() => scaleFor(timeline, column), [timeline, column]);
  const colourOf = useMemo(() => new Map(timeline.clients.map((c, i) => [c.id, clientColour(i)])), [timeline.clients]);
  const clientName = useMemo(() => new Map(timeline.clients.map((c) => [c.id, c.name])), [timeline.clients]);
  const engagementOf = useMemo(() => new Map(timeline.engagements.map((e) => [e.id, e])), [timeline.engagements]);
  const items: Item[] = useMemo(
    () => [
      ...timeline.placeholders.map((request) => ({ kind: 'request' as const, request })),
      ...timeline.rows.map((row) => ({ kind: 'person' as const, row, ...assignLanes(row.allocations) })),
    ],
    [timeline],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => rowHeight(items[index] as Item),
    overscan: 6,
  });
  const today = toDay(timeline.today);
  const weekly = timeline.periods.length > 0 && timeline.periods[0]?.start.slice(8) !== '01';

  const bar = (from: string, to: string) => {
    const left = x(Math.max(toDay(from), first));
    const right = x(Math.min(toDay(to), last) + 1);
    return { left, width: Math.max(4, right - left) };
  };

  return (
    <div className="timeline" ref={scroller} style={{ height }} data-testid="timeline">
      <div className="timeline__canvas" style={{ width: NAME_WIDTH + width, height: HEADER_HEIGHT + virtualizer.getTotalSize() }}>
        <div className="timeline__header" style={{ height: HEADER_HEIGHT }}>
          <div className="timeline__corner" style={{ width: NAME_WIDTH }}>
            {plural(timeline.rows.length, 'person', 'people')} · {plural(timeline.placeholders.length, 'open role', 'open roles')}
          </div>
          {timeline.periods.map((p, i) => {
            /** How many periods from i on start in the month of period i. */
            const monthSpan = (from: number) => {
              const month = timeline.periods[from]?.start.slice(0, 7);
              let n = 0;
              while (timeline.periods[from + n]?.start.slice(0, 7) === month) n++;
              return n;
            };
            const date = parseISO(p.start);
            const newMonth = i === 0 || p.start.slice(5, 7) !== timeline.periods[i - 1]?.start.slice(5, 7);
            return (
              <div
                key={p.start}
                className="timeline__period"
                style={{ width: column }}
                title={`${dayLabel(p.start)} to ${dayLabel(p.end)}`}
              >
                {weekly ? (
                  <>
                    {/* "Jan 2027" over its first week; "W4" is the ISO week, never a day of the month. */}
                    {/* Never wider than its month's weeks: a month shown for one week only would run over the next month's label. */}
                    <span className="timeline__period-top" style={newMonth ? { width: monthSpan(i) * column - 10 } : undefined}>
                      {newMonth ? monthLabel(p.start) : '\u00a0'}
                    </span>
                    <span>W{format(date, 'I')}</span>
                  </>
                ) : (
                  <>
                    <span className="timeline__period-top">
                      {p.start.slice(5, 7) === '01' || i === 0 ? format(date, 'yyyy') : '\u00a0'}
                    </span>
                    <span>{format(date, 'MMM')}</span>
                  </>
                )}
              </div>
            );
          })}
        </div>
        {today >= first && today <= last && (
          <div className="timeline__today" style={{ left: NAME_WIDTH + x(today), top: HEADER_HEIGHT }} title={`Today, ${timeline.today}`} />
        )}
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index] as Item;
          const style = { top: HEADER_HEIGHT + v.start, height: rowHeight(item), width: NAME_WIDTH + width };
          if (item.kind === 'request') {
            const r = item.request;
            const span = bar(r.startDate, r.endDate ?? timeline.periods[timeline.periods.length - 1]?.end ?? r.startDate);
            return (
              <div key={`r:${r.id}`} className="timeline__row timeline__row--request" style={style}>
                <div className="timeline__name" style={{ width: NAME_WIDTH }}>
                  <button type="button" className="link" title={r.title} onClick={() => go({ area: 'staffing', recordId: r.id })}>
                    {r.title}
                  </button>
                  <span className="timeline__meta">
                    Open role · {ROLE_LABELS[r.role]}
                    {r.clock.overdue ? ' · overdue' : r.clock.state === 'at_risk' ? ' · at risk' : ''}
                  </span>
                </div>
                <div className="timeline__track" style={{ width }}>
                  <button
                    type="button"
                    className={`timeline__bar timeline__bar--request${r.clock.overdue ? ' is-overdue' : ''}`}
                    style={{ ...span, borderColor: colourOf.get(r.clientId) }}
                    title={`Open role: ${r.title} at ${r.clientName} (${r.engagementName}) from ${r.startDate}, ${r.loadPercent}%. ${r.clock.daysOpen} of ${r.clock.allowance} business days used, target ${r.clock.targetDate}.`}
                    onClick={() => go({ area: 'staffing', recordId: r.id })}
                  >
                    {r.engagementName} · {r.loadPercent}%
                  </button>
                </div>
              </div>
            );
          }
          const { row, lanes, laneCount } = item;
          const laneStyle = (id: string): CSSProperties =>
            laneCount > 1
              ? { top: 5 + (lanes.get(id) ?? 0) * LANE_HEIGHT, height: LANE_HEIGHT - 2, lineHeight: `${LANE_HEIGHT - 4}px` }
              : {};
          const errors = errorsIn(row.flags);
          const warnings = ofSeverity(row.flags, 'warning');
          return (
            <div key={row.specialistId} className="timeline__row" style={style} data-testid="timeline-row">
              <div className="timeline__name" style={{ width: NAME_WIDTH }}>
                <button
                  type="button"
                  className="link"
                  title={row.fullName}
                  onClick={() => go({ area: 'specialists', recordId: row.specialistId })}
                >
                  {row.fullName}
                </button>
                <span className="timeline__meta">
                  {ROLE_LABELS[row.role]}
                  {errors.length > 0 && (
                    <span className="timeline__flag timeline__flag--error" title={errors.map((f) => f.message).join('\n')}>
                      over-booked
                    </span>
                  )}
                  {errors.length === 0 && warnings.length > 0 && (
                    <span className="timeline__flag timeline__flag--warning" title={warnings.map((f) => f.message).join('\n')}>
                      over 100% if tentative confirmed
                    </span>
                  )}
                </span>
              </div>
              <div className="timeline__track" style={{ width }}>
                {row.utilisation.map((u, i) => (
                  <div
                    key={timeline.periods[i]?.start}
                    className="timeline__cell"
                    style={{ left: i * column, width: column, background: shade(u) }}
                    title={`${timeline.periods[i]?.start}: ${u === null ? 'no working days' : `${u}% booked`} · capacity ${hours(row.capacityMinutes[i] ?? 0)}`}
                  />
                ))}
                {row.allocations.map((a) => {
                  const engagement = engagementOf.get(a.engagementId);
                  return (
                    <button
                      key={a.id}
                      type="button"
                      className={`timeline__bar timeline__bar--${a.status}`}
                      style={{
                        ...bar(a.startDate, a.endDate),
                        ...laneStyle(a.id),
                        ['--bar' as string]: colourOf.get(engagement?.clientId ?? ''),
                      }}
                      title={`${clientName.get(engagement?.clientId ?? '')} — ${engagement?.name}\n${a.startDate} to ${a.endDate} · ${a.loadPercent}% · ${a.status}`}
                      onClick={() => go({ area: 'allocations', recordId: a.id })}
                    >
                      {engagement?.name} · {a.loadPercent}%
                    </button>
                  );
                })}
                {row.absences.map((a) => (
                  <div
                    key={a.id}
                    className="timeline__absence"
                    style={bar(a.startDate, a.endDate)}
                    title={`${a.kind} ${a.startDate} to ${a.endDate}`}
                  />
                ))}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
