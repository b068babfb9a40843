import { useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { day as dayText, monthLong, weekdayDay } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { EmptyState } from '@renderer/ui/EmptyState';
import { SegmentedControl } from '@renderer/ui/SegmentedControl';
import type { CalendarOccurrence } from '@shared/ceremonies/contract/occurrences';
import { CEREMONY_TYPE_LABELS, OCCURRENCE_STATE_LABELS } from '@shared/ceremonies/rules/vocabulary';
import { addDays, addMonths, endOfMonth, endOfWeek, format, parseISO, startOfMonth, startOfWeek } from 'date-fns';
import { type KeyboardEvent, useRef } from 'react';
import { openKey, useCeremonies, type CalendarView as View } from './ceremoniesStore';
import { flagText, STATE_TONE, timeWithViewer } from './labels';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const MONDAY = { weekStartsOn: 1 as const };

/** The days a view shows around a day: the month's weeks, the week, or 31 days from the day. */
export function spanOf(view: View, day: string): { from: string; to: string } {
  const d = parseISO(day);
  if (view === 'month') return { from: iso(startOfWeek(startOfMonth(d), MONDAY)), to: iso(endOfWeek(endOfMonth(d), MONDAY)) };
  if (view === 'week') return { from: iso(startOfWeek(d, MONDAY)), to: iso(endOfWeek(d, MONDAY)) };
  return { from: day, to: iso(addDays(d, 30)) };
}

function step(view: View, day: string, by: number): string {
  const d = parseISO(day);
  if (view === 'month') return iso(addMonths(d, by));
  return iso(addDays(d, view === 'week' ? 7 * by : 31 * by));
}

function titleOf(view: View, day: string): string {
  const { from, to } = spanOf(view, day);
  if (view === 'month') return monthLong(day);
  return `${dayText(from)} – ${dayText(to)}`;
}

const VIEW_OPTIONS = [
  { value: 'month' as const, label: 'Month' },
  { value: 'week' as const, label: 'Week' },
  { value: 'agenda' as const, label: 'Agenda' },
];

/**
 * The calendar: month, week and agenda views of the occurrences, in the series' zone with the viewer's beside.
 * Keyboard: PageUp/PageDown (or [ and ]) move a period, T goes to today, M/W/A switch the view, the arrow keys
 * move between days, Enter opens a day's first occurrence.
 */
export function CalendarView() {
  const { clientId, engagementId, view, day, set } = useCeremonies();
  const today = useToday();
  const span = spanOf(view, day);
  const cal = useProcedure('ceremonies.calendar', {
    ...span,
    ...(engagementId ? { engagementId } : clientId ? { clientId } : {}),
  });
  const grid = useRef<HTMLDivElement>(null);
  const byDay = new Map<string, CalendarOccurrence[]>();
  for (const o of cal.data ?? []) byDay.set(o.date, [...(byDay.get(o.date) ?? []), o]);
  const open = (o: CalendarOccurrence) => set({ open: openKey(o.seriesId, o.key) });

  const focusDay = (date: string) => {
    set({ day: date });
    requestAnimationFrame(() => grid.current?.querySelector<HTMLElement>(`[data-day="${date}"]`)?.focus());
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: view === 'agenda' ? -1 : -7,
      ArrowDown: view === 'agenda' ? 1 : 7,
    };
    if (e.key === 'PageUp' || e.key === '[') set({ day: step(view, day, -1) });
    else if (e.key === 'PageDown' || e.key === ']') set({ day: step(view, day, 1) });
    else if (e.key === 't' || e.key === 'T') focusDay(today);
    else if (e.key === 'm' || e.key === 'w' || e.key === 'a') set({ view: ({ m: 'month', w: 'week', a: 'agenda' } as const)[e.key] });
    else if (moves[e.key] !== undefined && target.dataset.day) focusDay(iso(addDays(parseISO(target.dataset.day), moves[e.key] ?? 0)));
    else if (e.key === 'Enter' && target.dataset.day) {
      const first = byDay.get(target.dataset.day)?.[0];
      if (first) open(first);
    } else return;
    e.preventDefault();
  };

  const days: string[] = [];
  for (let d = parseISO(span.from); iso(d) <= span.to; d = addDays(d, 1)) days.push(iso(d));
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the calendar's keys act on the focused day inside it (its cells are buttons).
    <div className="cer-calendar" onKeyDown={onKey} ref={grid}>
      <div className="cer-calendar__bar">
        <div className="cer-calendar__nav">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => set({ day: step(view, day, -1) })}
            aria-label="Previous period (Page Up)"
          >
            ‹
          </button>
          <button type="button" className="button button--secondary" onClick={() => focusDay(today)}>
            Today
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => set({ day: step(view, day, 1) })}
            aria-label="Next period (Page Down)"
          >
            ›
          </button>
          <h2 className="cer-calendar__title" aria-live="polite">
            {titleOf(view, day)}
          </h2>
        </div>
        <SegmentedControl label="Calendar view" options={VIEW_OPTIONS} value={view} onChange={(v) => set({ view: v })} />
      </div>
      <p className="muted cer-calendar__keys">
        Keys: PageUp/PageDown a period · T today · M, W, A the view · arrows between days · Enter opens the day’s first ceremony.
      </p>
      {cal.error && <p className="form__error">{cal.error.message}</p>}
      {view === 'agenda' ? (
        <AgendaList days={days} byDay={byDay} today={today} onOpen={open} loading={!cal.data} />
      ) : (
        <table className={`cer-grid cer-grid--${view}`} aria-label={titleOf(view, day)}>
          <thead>
            <tr>
              {['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((w) => (
                <th scope="col" key={w}>
                  {w}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: days.length / 7 }, (_, week) => (
              <tr key={days[week * 7]}>
                {days.slice(week * 7, week * 7 + 7).map((d) => (
                  <DayCell
                    key={d}
                    date={d}
                    occurrences={byDay.get(d) ?? []}
                    outside={view === 'month' && d.slice(0, 7) !== day.slice(0, 7)}
                    today={d === today}
                    focused={d === day}
                    detailed={view === 'week'}
                    onOpen={open}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function DayCell({
  date,
  occurrences,
  outside,
  today,
  focused,
  detailed,
  onOpen,
}: {
  date: string;
  occurrences: CalendarOccurrence[];
  outside: boolean;
  today: boolean;
  focused: boolean;
  detailed: boolean;
  onOpen(o: CalendarOccurrence): void;
}) {
  return (
    <td className={`cer-day${outside ? ' cer-day--outside' : ''}${today ? ' cer-day--today' : ''}${focused ? ' cer-day--focused' : ''}`}>
      <button
        type="button"
        className="cer-day__date"
        data-day={date}
        tabIndex={focused ? 0 : -1}
        aria-label={`${weekdayDay(date)}: ${occurrences.length} ${occurrences.length === 1 ? 'ceremony' : 'ceremonies'}`}
      >
        {Number(date.slice(8))}
      </button>
      <ul className="cer-day__list">
        {occurrences.map((o) => (
          <li key={`${o.seriesId}|${o.key}`}>
            <Chip occurrence={o} detailed={detailed} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </td>
  );
}

function Chip({
  occurrence: o,
  detailed,
  onOpen,
}: {
  occurrence: CalendarOccurrence;
  detailed: boolean;
  onOpen(o: CalendarOccurrence): void;
}) {
  const flags = o.flags.map(flagText);
  return (
    <button
      type="button"
      className={`cer-chip cer-chip--${o.state}${o.cancelled ? ' cer-chip--cancelled' : ''}${flags.length ? ' cer-chip--flagged' : ''}`}
      title={[
        `${o.title} (${CEREMONY_TYPE_LABELS[o.type]}, ${o.engagementName})`,
        timeWithViewer(o.startsAt, o.time, o.timeZone),
        OCCURRENCE_STATE_LABELS[o.state],
        ...flags,
      ].join('\n')}
      onClick={() => onOpen(o)}
    >
      {flags.length > 0 && (
        <span className="cer-chip__flag" role="img" aria-label={flags.join('; ')}>
          ⚠{' '}
        </span>
      )}
      <span className="cer-chip__time">{o.time}</span> {o.title}
      {detailed && (
        <span className="cer-chip__more">
          {timeWithViewer(o.startsAt, o.time, o.timeZone)} · {o.engagementName}
          {o.carried > 0 ? ` · ${o.carried} open ${o.carried === 1 ? 'item' : 'items'}` : ''}
        </span>
      )}
      {detailed &&
        flags.map((f) => (
          <span key={f} className="cer-chip__more cer-chip__warning">
            {f}
          </span>
        ))}
      <span className="ui-visually-hidden"> — {OCCURRENCE_STATE_LABELS[o.state]}</span>
    </button>
  );
}

function AgendaList({
  days,
  byDay,
  today,
  onOpen,
  loading,
}: {
  days: string[];
  byDay: Map<string, CalendarOccurrence[]>;
  today: string;
  onOpen(o: CalendarOccurrence): void;
  loading: boolean;
}) {
  const withOccurrences = days.filter((d) => (byDay.get(d) ?? []).length > 0);
  if (loading) return <p className="list-status">Loading…</p>;
  if (withOccurrences.length === 0)
    return <EmptyState title="Nothing planned in these 31 days">Plan a ceremony on the Series tab.</EmptyState>;
  return (
    <ol className="cer-agenda">
      {withOccurrences.map((d) => (
        <li key={d} className="cer-agenda__day">
          <h3>
            <button type="button" className="link" data-day={d} tabIndex={0}>
              {weekdayDay(d)}
            </button>
            {d === today && <Badge tone="info">Today</Badge>}
          </h3>
          <ul>
            {(byDay.get(d) ?? []).map((o) => (
              <li key={`${o.seriesId}|${o.key}`} className={`cer-agenda__item${o.cancelled ? ' cer-chip--cancelled' : ''}`}>
                <span className="cer-agenda__time">{timeWithViewer(o.startsAt, o.time, o.timeZone)}</span>
                <button type="button" className="link" onClick={() => onOpen(o)}>
                  {o.title}
                </button>
                <span className="muted">
                  {CEREMONY_TYPE_LABELS[o.type]} · {o.engagementName}
                  {o.moved ? ' · moved' : ''}
                  {o.carried > 0 ? ` · ${o.carried} open action ${o.carried === 1 ? 'item' : 'items'}` : ''}
                </span>
                <Badge tone={STATE_TONE[o.state]}>{OCCURRENCE_STATE_LABELS[o.state]}</Badge>
                {o.flags.map((f) => (
                  <Badge key={flagText(f)} tone={f.kind === 'freeze' ? 'critical' : 'attention'}>
                    {flagText(f)}
                  </Badge>
                ))}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
