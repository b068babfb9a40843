import { holidayName, publicHolidays } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import type { CalendarOccurrence, OccurrenceFlag } from '@shared/ceremonies/contract/occurrences';
import type { Participant } from '@shared/ceremonies/contract/series';
import { expand, type Occurrence, type Schedule } from '@shared/ceremonies/rules/recurrence';
import { availabilityFlags, type FreezeSpan, freezeOn, isCarriedTo, stateOf } from '@shared/ceremonies/rules/rhythm';
import type { OutcomeStatus } from '@shared/ceremonies/rules/vocabulary';
import { groupBy } from '@shared/kernel/collections';
import { toDay } from '@shared/kernel/days';
import type { StoredException, StoredSeries } from './ceremonyRepository';
import { ceremonySettings } from './settings';

export const scheduleOf = (s: Pick<StoredSeries, 'timeZone' | 'startDate' | 'startTime' | 'durationMinutes' | 'rrule'>): Schedule => ({
  timeZone: s.timeZone,
  startDate: s.startDate,
  startTime: s.startTime,
  durationMinutes: s.durationMinutes,
  rrule: s.rrule,
});

/** What expanding a set of series needs, read once. */
export type SeriesFacts = {
  series: StoredSeries[];
  exceptions: Map<string, StoredException[]>;
  statuses: Map<string, Map<string, 'held' | 'not_held'>>;
};

/** The series with their exceptions and the records of their occurrences that start in [from, to) (two days either side, for moves). */
export function factsOf(ctx: Context, series: StoredSeries[], fromIso: string, toIso: string): SeriesFacts {
  const ids = series.map((s) => s.id);
  const margin = 2 * 86_400_000;
  const span = { from: new Date(Date.parse(fromIso) - margin).toISOString(), to: new Date(Date.parse(toIso) + margin).toISOString() };
  // Exceptions by local date: a day either side covers every zone's offset from UTC, plus the margin.
  const dates = { from: span.from.slice(0, 10), to: new Date(Date.parse(span.to) + 86_400_000).toISOString().slice(0, 10) };
  return { series, exceptions: ctx.repos.ceremonies.exceptionsOf(ids, dates), statuses: ctx.repos.ceremonies.statusesOf(ids, span) };
}

export type JudgedOccurrence = Occurrence & { series: StoredSeries; state: CalendarOccurrence['state']; outcome: OutcomeStatus | null };

/** Every occurrence of the series in [from, to) with its state at now. */
export function judged(ctx: Context, facts: SeriesFacts, fromIso: string, toIso: string): JudgedOccurrence[] {
  const now = Date.parse(ctx.now());
  const { missedAfterDays } = ceremonySettings(ctx);
  const out: JudgedOccurrence[] = [];
  for (const s of facts.series) {
    const statuses = facts.statuses.get(s.id);
    for (const o of expand(s.id, scheduleOf(s), facts.exceptions.get(s.id) ?? [], fromIso, toIso)) {
      const outcome = statuses?.get(o.key) ?? null;
      out.push({ ...o, series: s, outcome, state: stateOf(o, outcome, now, missedAfterDays) });
    }
  }
  return out.sort((a, b) => a.at - b.at || a.series.title.localeCompare(b.series.title));
}

/**
 * The calendar's occurrences: judged, with what stands in their way before they happen (a public holiday of the
 * client's calendar, every Accountable participant away, a deployment window inside a freeze) and how many open
 * action items their agenda carries.
 */
export function calendarOf(ctx: Context, facts: SeriesFacts, fromIso: string, toIso: string): CalendarOccurrence[] {
  const occurrences = judged(ctx, facts, fromIso, toIso);
  if (occurrences.length === 0) return [];
  const ids = facts.series.map((s) => s.id);
  const participants = ctx.repos.ceremonies.participantsOf(ids);
  const fromDate = occurrences[0]?.date ?? fromIso.slice(0, 10);
  const toDate = occurrences.at(-1)?.date ?? toIso.slice(0, 10);
  const away = awayCheck(ctx, [...participants.values()].flat(), fromDate, toDate);
  const freezes = freezesByEngagement(ctx);
  const openActions = groupBy(ctx.repos.ceremonies.actionFacts(ids, fromIso), (a) => a.seriesId);
  const clients = new Map<string, { country: string; subdivision: string }>();
  const calendarOfClient = (clientId: string) => {
    const known = clients.get(clientId);
    if (known) return known;
    const [country = '', subdivision = ''] = (ctx.repos.clients.get(clientId)?.holidayCalendar ?? '').split('-');
    const c = { country, subdivision };
    clients.set(clientId, c);
    return c;
  };
  return occurrences.map((o) => {
    const flags: OccurrenceFlag[] = [];
    if (o.state === 'planned' || o.state === 'due') {
      const cal = calendarOfClient(o.series.clientId);
      const accountables = (participants.get(o.seriesId) ?? []).filter((p) => p.role === 'accountable');
      flags.push(
        ...availabilityFlags(
          cal.country ? holidayName(cal.country, cal.subdivision, o.date) : null,
          accountables.map((p) => ({ name: p.name, away: away(p, o.date) })),
        ),
      );
    }
    if (o.series.type === 'deployment_window' && !o.cancelled) {
      const freeze = freezeOn(o.date, freezes.get(o.series.engagementId) ?? []);
      if (freeze) flags.push({ kind: 'freeze', reason: freeze.reason, startsOn: freeze.startsOn, endsOn: freeze.endsOn });
    }
    return {
      seriesId: o.seriesId,
      key: o.key,
      title: o.series.title,
      type: o.series.type,
      engagementId: o.series.engagementId,
      engagementName: o.series.engagementName,
      clientName: o.series.clientName,
      timeZone: o.series.timeZone,
      date: o.date,
      time: o.time,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      durationMinutes: o.durationMinutes,
      moved: o.moved,
      cancelled: o.cancelled,
      state: o.state,
      flags,
      carried: (openActions.get(o.seriesId) ?? []).filter((a) => isCarriedTo(a, o.startsAt)).length,
    };
  });
}

export function freezesByEngagement(ctx: Context): Map<string, FreezeSpan[]> {
  return groupBy(ctx.repos.ceremonies.freezes(null), (f) => f.engagementId);
}

/** Whether a participant is away on a date: a specialist on time off or on their own public holiday (contacts: unknown, so never). */
function awayCheck(ctx: Context, people: readonly Participant[], fromDate: string, toDate: string) {
  const specialists = [...new Set(people.filter((p) => p.kind === 'specialist' && p.role === 'accountable').map((p) => p.id))];
  const absences = specialists.length ? ctx.repos.absences.inWindowOf(specialists, fromDate, toDate) : [];
  const homes = new Map<string, { country: string; subdivision: string }>();
  return (p: Participant, date: string): boolean => {
    if (p.kind !== 'specialist') return false;
    if (absences.some((a) => a.specialistId === p.id && a.startDate <= date && date <= a.endDate)) return true;
    let home = homes.get(p.id);
    if (!home) {
      const person = ctx.repos.ceremonies.person('specialist', p.id);
      home = { country: person?.homeCountry ?? '', subdivision: person?.homeSubdivision ?? '' };
      homes.set(p.id, home);
    }
    return home.country !== '' && publicHolidays(home.country, home.subdivision, Number(date.slice(0, 4))).has(toDay(date));
  };
}
