import { holidaysOfCalendar, publicHolidaysBetween } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { clockThresholds } from '@backend/core/continuitySettings';
import type { Specialist } from '@shared/clients/contract/specialists';
import type { ParsedInputOf } from '@shared/contract';
import { type Day, monthStart } from '@shared/kernel/days';
import { notFound } from '@shared/kernel/errors';
import type {
  CapacityForecast,
  PlanPlaceholder,
  RollOffRadar,
  SpecialistCapacity,
  Timeline,
  TimelineEngagement,
  TimelineView,
} from '@shared/plan/contract/plan';
import {
  bench,
  capacityByPeriod,
  capacityForecast,
  clientsShown,
  narrowTimelineRows,
  type PlanSpecialist,
  planPeriods,
  rollOffs,
  showsOpenRequest,
  timelineRows,
} from '@shared/plan/rules/plan';
import { fillClock } from '@shared/plan/rules/staffing';

/**
 * The plan views: load the records for the window, hand them to the pure
 * functions in shared/domain/planning, return what they computed.
 */

const toPlanSpecialist = (s: Specialist): PlanSpecialist => ({
  id: s.id,
  fullName: s.fullName,
  role: s.role,
  sourcingRegion: s.sourcingRegion,
  startDate: s.startDate,
  dailyMinutes: s.dailyMinutes,
});

/** Holidays by the specialist's home calendar over the years of the window. */
function holidayLookup(specialists: readonly Specialist[], from: string, to: string) {
  const home = new Map(specialists.map((s) => [s.id, s]));
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  return (p: PlanSpecialist): ReadonlySet<Day> => {
    const s = home.get(p.id);
    return s ? publicHolidaysBetween(s.homeCountry, s.homeSubdivision, fromYear, toYear) : new Set();
  };
}

type TimelineInput = ParsedInputOf<'plan.timeline'>;

/** The plan over the window with every name spelled out (the workbook export's view). */
export function timelineView(ctx: Context, input: TimelineInput): TimelineView {
  const periods = planPeriods(input.from, input.scale, input.periods);
  const from = periods[0]?.start ?? input.from;
  const to = periods[periods.length - 1]?.end ?? input.from;
  const specialists = ctx.repos.specialists.forPlan(input);
  const allocations = ctx.repos.allocations.liveInWindow(from, to);
  const rows = timelineRows(periods, {
    specialists: specialists.map(toPlanSpecialist),
    allocations,
    absences: ctx.repos.absences.inWindow(from, to),
    holidaysOf: holidayLookup(specialists, from, to),
  });
  const shown = narrowTimelineRows(rows, input);
  const thresholds = clockThresholds(ctx);
  const placeholders: PlanPlaceholder[] = ctx.repos.staffing
    .open()
    .filter((r) => r.startDate <= to && (r.engagementEndDate === null || r.engagementEndDate >= from) && showsOpenRequest(r, input))
    .map((r) => ({
      id: r.id,
      title: r.title,
      role: r.role,
      engagementId: r.engagementId,
      engagementName: r.engagementName,
      clientId: r.clientId,
      clientName: r.clientName,
      startDate: r.startDate,
      endDate: r.engagementEndDate,
      loadPercent: r.loadPercent,
      clock: fillClock(r, ctx.today(), holidaysOfCalendar(r.holidayCalendar), thresholds),
    }));
  return { today: ctx.today(), periods, rows: shown, placeholders, clients: clientsShown(shown, placeholders) };
}

/**
 * The timeline screen's answer: each bar names its engagement by id and each engagement
 * comes once with its name and client, so five years of plan do not repeat a client's
 * and an engagement's name (and four ids) on every bar.
 */
export function timeline(ctx: Context, input: TimelineInput): Timeline {
  return compactTimeline(timelineView(ctx, input));
}

export function compactTimeline(view: TimelineView): Timeline {
  const engagements = new Map<string, TimelineEngagement>();
  const rows = view.rows.map((r) => ({
    specialistId: r.specialistId,
    fullName: r.fullName,
    role: r.role,
    capacityMinutes: r.capacityMinutes,
    utilisation: r.utilisation,
    allocations: r.allocations.map((a) => {
      if (!engagements.has(a.engagementId))
        engagements.set(a.engagementId, { id: a.engagementId, name: a.engagementName, clientId: a.clientId });
      return {
        id: a.id,
        engagementId: a.engagementId,
        startDate: a.startDate,
        endDate: a.endDate,
        loadPercent: a.loadPercent,
        status: a.status,
      };
    }),
    absences: r.absences.map((a) => ({ id: a.id, kind: a.kind, startDate: a.startDate, endDate: a.endDate })),
    flags: r.flags.map((f) => ({ severity: f.severity, message: f.message })),
  }));
  return { ...view, rows, engagements: [...engagements.values()] };
}

export function rollOffRadar(ctx: Context, weeks: number): RollOffRadar {
  const today = ctx.today();
  const specialists = ctx.repos.specialists.forPlan().map(toPlanSpecialist);
  const allocations = ctx.repos.allocations.live();
  return { today, weeks, rollOffs: rollOffs(specialists, allocations, today, weeks), bench: bench(specialists, allocations, today) };
}

/**
 * How many confirmed allocations roll off within `weeks` (the navigation badge). Only
 * allocations running today or later can roll off or follow one on, so unlike the radar
 * (whose bench needs each person's last end) it loads no history.
 */
export function rollOffCount(ctx: Context, weeks: number): number {
  const today = ctx.today();
  const specialists = ctx.repos.specialists.forPlan().map(toPlanSpecialist);
  return rollOffs(specialists, ctx.repos.allocations.liveInWindow(today, '9999-12-31'), today, weeks).length;
}

export function forecast(ctx: Context, input: { from?: string | undefined; months: number }): CapacityForecast {
  const today = ctx.today();
  const months = planPeriods(monthStart(input.from ?? today), 'month', input.months);
  const from = months[0]?.start ?? today;
  const to = months[months.length - 1]?.end ?? today;
  const specialists = ctx.repos.specialists.forPlan().map(toPlanSpecialist);
  const rows = capacityForecast(months, {
    specialists,
    allocations: ctx.repos.allocations.liveInWindow(from, to),
    absences: ctx.repos.absences.inWindow(from, to),
    openRequests: ctx.repos.staffing
      .open()
      .map((r) => ({ role: r.role, loadPercent: r.loadPercent, startDate: r.startDate, endDate: r.engagementEndDate })),
  });
  return { today, months, rows };
}

export function specialistCapacity(ctx: Context, input: ParsedInputOf<'plan.capacity'>): SpecialistCapacity {
  const specialist = ctx.repos.specialists.get(input.specialistId);
  if (!specialist) throw notFound('Specialist', input.specialistId);
  const periods = planPeriods(input.from, input.scale, input.periods);
  const from = periods[0]?.start ?? input.from;
  const to = periods[periods.length - 1]?.end ?? input.from;
  const holidays = holidayLookup([specialist], from, to)(toPlanSpecialist(specialist));
  return {
    specialistId: specialist.id,
    dailyMinutes: specialist.dailyMinutes,
    periods: capacityByPeriod(toPlanSpecialist(specialist), periods, ctx.repos.absences.inWindow(from, to, specialist.id), holidays),
  };
}
