import { useState } from 'react';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const WEEKDAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};
const ORDINALS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };

type Mode = 'once' | 'weekly' | 'monthly_day' | 'monthly_nth' | 'last_working_day' | 'quarterly' | 'custom';

/** The start date's weekday (MO…SU) and its place in the month (1–4, or −1 for the last). */
function placeOf(startDate: string) {
  const d = new Date(`${startDate}T12:00:00Z`);
  const weekday = WEEKDAYS[(d.getUTCDay() + 6) % 7] ?? 'MO';
  const day = d.getUTCDate();
  const lastWeek = day + 7 > new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const nth = lastWeek && day > 28 ? -1 : Math.ceil(day / 7);
  return { weekday, day, nth: nth > 4 ? -1 : nth };
}

type State = { mode: Mode; interval: number; days: string[]; text: string };

function read(rrule: string | null, startDate: string): State {
  const base = { interval: 1, days: [placeOf(startDate).weekday], text: rrule ?? '' };
  if (rrule === null) return { ...base, mode: 'once' };
  const parts = new Map(rrule.split(';').map((p) => p.split('=') as [string, string]));
  const keys = [...parts.keys()].sort().join(',');
  const interval = Number(parts.get('INTERVAL') ?? 1);
  if (parts.get('FREQ') === 'WEEKLY' && /^(BYDAY,FREQ|BYDAY,FREQ,INTERVAL)$/.test(keys))
    return { ...base, mode: 'weekly', interval, days: (parts.get('BYDAY') ?? '').split(',') };
  if (rrule === 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1') return { ...base, mode: 'last_working_day' };
  if (parts.get('FREQ') === 'MONTHLY' && keys === 'BYMONTHDAY,FREQ,INTERVAL' && interval === 3) return { ...base, mode: 'quarterly' };
  if (parts.get('FREQ') === 'MONTHLY' && /^(BYMONTHDAY,FREQ|BYMONTHDAY,FREQ,INTERVAL)$/.test(keys))
    return { ...base, mode: 'monthly_day', interval };
  if (parts.get('FREQ') === 'MONTHLY' && /^(BYDAY,FREQ|BYDAY,FREQ,INTERVAL)$/.test(keys) && /^-?\d[A-Z]{2}$/.test(parts.get('BYDAY') ?? ''))
    return { ...base, mode: 'monthly_nth', interval };
  return { ...base, mode: 'custom' };
}

function write(s: State, startDate: string): string | null {
  const { weekday, day, nth } = placeOf(startDate);
  const every = s.interval > 1 ? `;INTERVAL=${s.interval}` : '';
  switch (s.mode) {
    case 'once':
      return null;
    case 'weekly':
      return `FREQ=WEEKLY${every};BYDAY=${(s.days.length ? WEEKDAYS.filter((d) => s.days.includes(d)) : [weekday]).join(',')}`;
    case 'monthly_day':
      return `FREQ=MONTHLY${every};BYMONTHDAY=${day}`;
    case 'monthly_nth':
      return `FREQ=MONTHLY${every};BYDAY=${nth}${weekday}`;
    case 'last_working_day':
      return 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1';
    case 'quarterly':
      return `FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=${day}`;
    case 'custom':
      return s.text.trim();
  }
}

/**
 * How a ceremony repeats, built from choices people use (weekly on days, every N weeks, a day of the month, the
 * n-th weekday, the last working day, quarterly) or typed as an RFC 5545 RRULE; the backend checks it with the
 * recurrence library and answers in a sentence.
 */
export function RecurrenceFields({
  id,
  startDate,
  value,
  error,
  repeatOnly = false,
  onChange,
}: {
  id: string;
  startDate: string;
  value: string | null;
  error: string | undefined;
  repeatOnly?: boolean;
  onChange(rrule: string | null): void;
}) {
  const [state, setState] = useState<State>(() => read(value, startDate || '2026-01-05'));
  const [intervalText, setIntervalText] = useState<string | null>(null);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? startDate : '2026-01-05';
  const { weekday, day, nth } = placeOf(date);
  const update = (patch: Partial<State>) => {
    const next = { ...state, ...patch };
    setState(next);
    onChange(write(next, date));
  };
  const modes: { value: Mode; label: string }[] = [
    ...(repeatOnly ? [] : [{ value: 'once' as const, label: 'Once (a one-off)' }]),
    { value: 'weekly', label: 'Weekly, or every few weeks' },
    { value: 'monthly_day', label: `Monthly on day ${day}` },
    { value: 'monthly_nth', label: `Monthly on the ${ORDINALS[String(nth)]} ${WEEKDAY_LABELS[weekday]}` },
    { value: 'last_working_day', label: 'Last working day of the month' },
    { value: 'quarterly', label: `Quarterly on day ${day}` },
    { value: 'custom', label: 'Custom rule (RRULE)' },
  ];
  return (
    <fieldset
      className={`field field--wide ui-checks cer-recurrence${error ? ' field--error' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>Repeats</legend>
      <label htmlFor={`${id}-mode`} className="ui-visually-hidden">
        Repeats
      </label>
      <select
        className="cer-recurrence__control"
        id={`${id}-mode`}
        value={state.mode}
        onChange={(e) => update({ mode: e.target.value as Mode, interval: 1 })}
      >
        {modes.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
      {(state.mode === 'weekly' || state.mode === 'monthly_day' || state.mode === 'monthly_nth') && (
        <label className="cer-recurrence__every">
          every{' '}
          <input
            type="number"
            min={1}
            max={52}
            value={intervalText ?? String(state.interval)}
            onChange={(e) => {
              // An emptied field waits for the next digit instead of snapping back to 1.
              setIntervalText(e.target.value);
              const n = Number(e.target.value);
              if (e.target.value !== '' && Number.isInteger(n)) update({ interval: Math.max(1, Math.min(52, n)) });
            }}
            onBlur={() => setIntervalText(null)}
            aria-label={state.mode === 'weekly' ? 'Every how many weeks' : 'Every how many months'}
          />{' '}
          {state.mode === 'weekly' ? (state.interval === 1 ? 'week' : 'weeks') : state.interval === 1 ? 'month' : 'months'}
        </label>
      )}
      {state.mode === 'weekly' && (
        <fieldset className="ui-checks__options cer-recurrence__days">
          <legend className="ui-visually-hidden">On</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} className="check">
              <input
                type="checkbox"
                checked={state.days.includes(d)}
                onChange={(e) => update({ days: e.target.checked ? [...state.days, d] : state.days.filter((x) => x !== d) })}
              />
              {WEEKDAY_LABELS[d]}
            </label>
          ))}
        </fieldset>
      )}
      {state.mode === 'custom' && (
        <input
          id={`${id}-text`}
          className="cer-recurrence__control"
          aria-label="Recurrence rule (RFC 5545 RRULE)"
          placeholder="FREQ=MONTHLY;BYDAY=2TU"
          value={state.text}
          onChange={(e) => update({ text: e.target.value })}
        />
      )}
      {value && state.mode !== 'custom' && <p className="muted cer-recurrence__rule">Rule: {value}</p>}
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
