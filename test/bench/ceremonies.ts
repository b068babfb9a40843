import { join } from 'node:path';
import type { Db } from '@backend/core/db/connection';
import { openDatabase } from '@backend/core/db/connection';
import { newId } from '@backend/core/ids';
import { createBackend } from '@backend/index';
import type { CalendarOccurrence } from '@shared/ceremonies/contract/occurrences';
import type { EngagementRhythm } from '@shared/ceremonies/contract/rhythm';
import { expand, type Schedule, type ScheduleException } from '@shared/ceremonies/rules/recurrence';
import { compare, type MeasureOptions, once, type Report, resultValue, type Stats } from './harness';

/**
 * Ceremonies (issue's bench), in a database of their own: 60 engagements of 20 clients in three zones, 300 series
 * started five years ago (weekly, bi-weekly, monthly, the last working day, quarterly), each with ten cancelled and
 * ten moved occurrences, every past occurrence recorded (one in ten not held, one in twenty left unrecorded), and
 * an action item at every tenth:
 *
 * - a month of the calendar for every engagement through the contract (aim < 30 ms), beside the bare expansion
 *   of the same month (the rrule-temporal library and Keel's exceptions, no SQL, no flags);
 * - rhythm health for every engagement (aim < 50 ms): 180 days of occurrences judged against their records,
 *   missed findings, freeze conflicts, action counts.
 *
 * Figures and ratios only.
 */
type Runs = Pick<MeasureOptions<undefined, unknown>, 'runs' | 'warmup'>;

export const CEREMONIES_SIZE = {
  clients: 20,
  engagements: 60,
  series: 300,
  years: 5,
  now: '2026-12-06T10:00:00.000Z',
  today: '2026-12-06',
};
const AIMS = { monthMs: 30, healthMs: 50 };
const ZONES = ['Europe/Zurich', 'America/New_York', 'Europe/London'] as const;
const CALENDARS = ['CH-ZH', 'US-NY', 'GB-ENG'] as const;
const RULES = [
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
  'FREQ=WEEKLY;BYDAY=TU,TH',
  'FREQ=MONTHLY;BYDAY=1WE',
  'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15',
] as const;
const TYPES = ['model_review', 'deployment_window', 'billing_review', 'retraining_window', 'steering', 'governance_review'] as const;

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const p50p95 = (s: Stats) => `p50 ${ms(s.median)} ms, p95 ${ms(s.p95 ?? s.max)} ms`;

function insertCeremonies(db: Db): {
  occurrences: number;
  recorded: number;
  schedules: { id: string; schedule: Schedule; exceptions: Parameters<typeof expand>[2] }[];
} {
  const at = CEREMONIES_SIZE.now;
  const start = '2021-12-06';
  let occurrences = 0;
  let recorded = 0;
  const schedules: { id: string; schedule: Schedule; exceptions: Parameters<typeof expand>[2] }[] = [];
  db.transaction(() => {
    const client = db.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, time_zone, created_at, updated_at) VALUES (?, ?, ?, 'CHF', ?, ?, ?, ?)`,
    );
    const engagement = db.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES (?, ?, ?, 'CHF', ?, 'active', ?, ?)`,
    );
    const series = db.prepare(
      `INSERT INTO ceremony_series (id, engagement_id, type, title, time_zone, start_date, start_time, duration_minutes, rrule, uid, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 60, ?, ?, ?, ?)`,
    );
    const exception = db.prepare(
      `INSERT INTO ceremony_exception (series_id, occurrence_key, cancelled, moved_date, moved_time, duration_minutes, reason, updated_at) VALUES (?, ?, ?, ?, ?, NULL, '', ?)`,
    );
    const outcome = db.prepare(
      `INSERT INTO ceremony_occurrence (id, series_id, occurrence_key, starts_at, status, recorded_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const action = db.prepare(
      `INSERT INTO ceremony_action (id, series_id, occurrence_key, raised_at, title, owner_kind, owner_id, due_date, status, closed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'Follow up', 'specialist', 'nobody', ?, ?, ?, ?, ?)`,
    );
    const freeze = db.prepare(
      `INSERT INTO ceremony_freeze (id, engagement_id, starts_on, ends_on, reason, created_at, updated_at) VALUES (?, ?, '2026-12-14', '2027-01-08', 'Year end', ?, ?)`,
    );
    const engagements: { id: string; zone: string }[] = [];
    for (let c = 0; c < CEREMONIES_SIZE.clients; c++) {
      const clientId = newId();
      const z = c % ZONES.length;
      client.run(clientId, `Client ${c}`, (CALENDARS[z] ?? 'CH').slice(0, 2), CALENDARS[z] ?? 'CH', ZONES[z] ?? 'UTC', at, at);
      for (let e = 0; e < CEREMONIES_SIZE.engagements / CEREMONIES_SIZE.clients; e++) {
        const id = newId();
        engagement.run(id, clientId, `Engagement ${c}.${e}`, start, at, at);
        engagements.push({ id, zone: ZONES[z] ?? 'UTC' });
        freeze.run(newId(), id, at, at);
      }
    }
    for (let s = 0; s < CEREMONIES_SIZE.series; s++) {
      const eng = engagements[s % engagements.length] as { id: string; zone: string };
      const id = newId();
      const rrule = RULES[s % RULES.length] as string;
      const schedule: Schedule = {
        timeZone: eng.zone,
        startDate: start,
        startTime: `${String(8 + (s % 9)).padStart(2, '0')}:30`,
        durationMinutes: 60,
        rrule,
      };
      series.run(
        id,
        eng.id,
        TYPES[s % TYPES.length],
        `Series ${s}`,
        schedule.timeZone,
        schedule.startDate,
        schedule.startTime,
        rrule,
        `${id}@bench`,
        at,
        at,
      );
      const all = expand(id, schedule, [], `${start}T00:00:00Z`, '2027-12-31T00:00:00Z');
      const exceptions: ScheduleException[] = [];
      // Ten cancelled and ten moved, spread over the five years.
      for (let k = 0; k < 20; k++) {
        const o = all[Math.floor(((k + 0.5) * all.length) / 21)];
        if (!o) continue;
        const moved = k % 2 === 1;
        const date = moved ? new Date(Date.parse(`${o.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : null;
        exception.run(id, o.key, moved ? 0 : 1, date, moved ? '16:00' : null, at);
        exceptions.push({ key: o.key, cancelled: !moved, date, time: moved ? '16:00' : null, durationMinutes: null });
      }
      schedules.push({ id, schedule, exceptions });
      const past = expand(id, schedule, exceptions, `${start}T00:00:00Z`, at).filter((o) => !o.cancelled);
      occurrences += all.length;
      past.forEach((o, i) => {
        if (i % 20 === 7) return;
        outcome.run(newId(), id, o.key, o.startsAt, i % 10 === 3 ? 'not_held' : 'held', at, at);
        recorded += 1;
        if (i % 10 === 0) {
          const open = i > past.length - 30;
          action.run(newId(), id, o.key, o.startsAt, o.date, open ? 'open' : 'done', open ? null : at, at, at);
        }
      });
    }
  })();
  return { occurrences, recorded, schedules };
}

export async function ceremoniesBench(report: Report, dir: string, runs: Runs): Promise<string[]> {
  const file = join(dir, 'ceremonies.db');
  const opened = openDatabase(file);
  let written: Awaited<ReturnType<typeof once<ReturnType<typeof insertCeremonies>>>>;
  try {
    written = await once(() => insertCeremonies(opened.db));
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.pragma('optimize');
  } finally {
    opened.db.close();
  }
  const data = written.result;
  const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser', clock: () => new Date(CEREMONIES_SIZE.now) });
  const lines: string[] = [];
  try {
    const call = async <T>(name: Parameters<typeof backend.dispatch>[0], input: unknown) =>
      resultValue<T>(name, await backend.dispatch(name, input as never));
    const month = { from: '2026-12-01', to: '2026-12-31' };
    const bare = () =>
      data.schedules.flatMap((s) => expand(s.id, s.schedule, s.exceptions, '2026-11-30T10:00:00Z', '2027-01-01T14:00:00Z'));
    // The first call expands every schedule once (kept afterwards): what opening the calendar costs after a start.
    const cold = await once(() => call<CalendarOccurrence[]>('ceremonies.calendar', month));
    const viaContract = cold.result;
    const expanded = bare().filter((o) => o.date >= month.from && o.date <= month.to);
    if (viaContract.length !== expanded.length)
      throw new Error(
        `The calendar holds ${viaContract.length} occurrences and the bare expansion ${expanded.length}; the comparison would be meaningless.`,
      );

    report.section(
      `Ceremonies: ${CEREMONIES_SIZE.series} series over ${CEREMONIES_SIZE.years} years on ${CEREMONIES_SIZE.engagements} engagements, ` +
        `${data.occurrences.toLocaleString('en')} occurrences, ${data.recorded.toLocaleString('en')} recorded (database of its own)`,
    );
    const [monthStats, bareStats] = await compare<unknown>(
      [
        {
          name: 'a month of the calendar, every engagement — contract (ceremonies.calendar)',
          fn: () => call('ceremonies.calendar', month),
        },
        { name: 'the same month expanded bare (rrule-temporal + exceptions, no SQL)', fn: bare },
      ],
      { ...runs, describe: (r) => `${(r as unknown[]).length} occurrences` },
    );
    const [healthStats] = await compare<unknown>(
      [{ name: 'rhythm health of every engagement — contract (ceremonies.health)', fn: () => call('ceremonies.health', {}) }],
      {
        ...runs,
        describe: (r) => {
          const rows = r as EngagementRhythm[];
          return `${rows.length} engagements, ${rows.reduce((n, x) => n + x.missed.length, 0)} missed, ${rows.reduce((n, x) => n + x.conflicts.length, 0)} conflicts`;
        },
      },
    );
    if (!monthStats || !bareStats || !healthStats) throw new Error('compare() returned fewer stats than variants.');
    report.add(monthStats, bareStats);
    report.add(bareStats, 'self');
    report.add(healthStats, 'self');
    lines.push(
      `Ceremonies   ${CEREMONIES_SIZE.series} series × ${CEREMONIES_SIZE.years} years (${data.occurrences.toLocaleString('en')} occurrences, ${data.recorded.toLocaleString('en')} recorded, 20 exceptions each); written in ${written.ms.toFixed(0)} ms`,
      `             aims: a month for every engagement ${p50p95(monthStats)} (aim < ${AIMS.monthMs} ms; bare expansion ${p50p95(bareStats)}); ` +
        `rhythm health for all ${p50p95(healthStats)} (aim < ${AIMS.healthMs} ms); the first month after start (every schedule expanded once) ${ms(cold.ms)} ms`,
    );
  } finally {
    backend.close();
  }
  return lines;
}
