import type { SpecialistRole } from '@shared/clients/rules/reference';
import type { SourcingRegion } from '@shared/clients/rules/sourcingRegion';
import { groupBy } from '@shared/kernel/collections';
import { type Day, type DayRange, fromDay, intersect, mondayOf, monthStart, toDay } from '@shared/kernel/days';
import { type AllocationSpan, type PlanFlag, planFlags, spanRange } from './allocations';
import { type CapacityBreakdown, capacityOf, DAY_AVAILABLE, dayStates, weekdaysIn } from './capacity';

/**
 * The plan views, computed from plain records: the timeline (people ×
 * periods), the roll-off radar and the capacity forecast. The backend loads
 * the records and the holiday calendars; everything here is pure.
 */

export type PlanScale = 'week' | 'month';
export type Period = { start: string; end: string };

/** `count` consecutive weeks (from the Monday on or before `from`) or months (from the 1st). */
export function planPeriods(from: string, scale: PlanScale, count: number): Period[] {
  const out: Period[] = [];
  if (scale === 'week') {
    const monday = mondayOf(toDay(from));
    for (let i = 0; i < count; i++) out.push({ start: fromDay(monday + i * 7), end: fromDay(monday + i * 7 + 6) });
  } else {
    for (let i = 0; i < count; i++) out.push({ start: monthStart(from, i), end: fromDay(toDay(monthStart(from, i + 1)) - 1) });
  }
  return out;
}

export type PlanSpecialist = {
  id: string;
  fullName: string;
  role: SpecialistRole;
  sourcingRegion: SourcingRegion;
  startDate: string;
  dailyMinutes: number;
};

export type PlanAllocation = AllocationSpan & { engagementId: string };
export type PlanAbsence = { id: string; specialistId: string; kind: string; startDate: string; endDate: string };

export type PlanInputs = {
  specialists: readonly PlanSpecialist[];
  /** Live and cancelled allocations may both be passed; cancelled ones never count. */
  allocations: readonly PlanAllocation[];
  absences: readonly PlanAbsence[];
  /** Public holidays of a specialist's home calendar within the years asked. */
  holidaysOf(specialist: PlanSpecialist): ReadonlySet<Day>;
};

export type TimelineRow = {
  specialistId: string;
  fullName: string;
  role: SpecialistRole;
  sourcingRegion: SourcingRegion;
  /** Per period: capacity in minutes after holidays and absences. */
  capacityMinutes: number[];
  /** Per period: average booked load over the available days, in percent; null when no day is available. */
  utilisation: (number | null)[];
  allocations: PlanAllocation[];
  absences: PlanAbsence[];
  /** Overloads and hand-overs touching the window. */
  flags: PlanFlag[];
};

/** One timeline row per specialist, for the periods given (which must be consecutive). */
export function timelineRows(periods: readonly Period[], inputs: PlanInputs): TimelineRow[] {
  if (periods.length === 0) return [];
  const window: DayRange = { from: toDay((periods[0] as Period).start), to: toDay((periods[periods.length - 1] as Period).end) };
  const allocationsBy = groupBy(inputs.allocations, (a) => a.specialistId);
  const absencesBy = groupBy(inputs.absences, (a) => a.specialistId);
  const ranges = periods.map((p) => ({ from: toDay(p.start), to: toDay(p.end) }));
  return inputs.specialists.map((s) => {
    const own = allocationsBy.get(s.id) ?? [];
    const absences = absencesBy.get(s.id) ?? [];
    const states = dayStates({
      range: window,
      holidays: inputs.holidaysOf(s),
      absences: absences.map(spanRange),
      employedFrom: toDay(s.startDate),
    });
    // Booked load per day through a difference array: O(allocations + days).
    const load = new Int32Array(window.to - window.from + 2);
    const visible: PlanAllocation[] = [];
    for (const a of own) {
      if (a.status === 'cancelled') continue;
      const part = intersect(spanRange(a), window);
      if (!part) continue;
      visible.push(a);
      const first = part.from - window.from;
      const after = part.to - window.from + 1;
      load[first] = (load[first] ?? 0) + a.loadPercent;
      load[after] = (load[after] ?? 0) - a.loadPercent;
    }
    for (let i = 1; i < load.length; i++) load[i] = (load[i] ?? 0) + (load[i - 1] ?? 0);
    const capacityMinutes: number[] = [];
    const utilisation: (number | null)[] = [];
    for (const range of ranges) {
      let available = 0;
      let booked = 0;
      for (let day = range.from; day <= range.to; day++) {
        const i = day - window.from;
        if (states[i] !== DAY_AVAILABLE) continue;
        available++;
        booked += load[i] as number;
      }
      capacityMinutes.push(available * s.dailyMinutes);
      utilisation.push(available === 0 ? null : Math.round(booked / available));
    }
    const windowStart = fromDay(window.from);
    const windowEnd = fromDay(window.to);
    return {
      specialistId: s.id,
      fullName: s.fullName,
      role: s.role,
      sourcingRegion: s.sourcingRegion,
      capacityMinutes,
      utilisation,
      allocations: visible,
      absences: absences.filter((a) => a.endDate >= windowStart && a.startDate <= windowEnd),
      flags: planFlags(own).filter((f) => f.endDate >= windowStart && f.startDate <= windowEnd),
    };
  });
}

export type TimelineFilter = {
  clientId?: string | undefined;
  engagementId?: string | undefined;
  role?: SpecialistRole | undefined;
  status?: 'tentative' | 'confirmed' | undefined;
};

/**
 * Client, engagement and status narrow the bars and keep only the people who
 * have one; utilisation and flags stay the person's whole picture.
 */
export function narrowTimelineRows(rows: TimelineRow[], filter: TimelineFilter): TimelineRow[] {
  if (!filter.clientId && !filter.engagementId && !filter.status) return rows;
  const matches = (a: PlanAllocation) =>
    (!filter.clientId || a.clientId === filter.clientId) &&
    (!filter.engagementId || a.engagementId === filter.engagementId) &&
    (!filter.status || a.status === filter.status);
  return rows.map((r) => ({ ...r, allocations: r.allocations.filter(matches) })).filter((r) => r.allocations.length > 0);
}

/** An open request is a placeholder for demand not yet confirmed: hidden when only confirmed work is asked for. */
export function showsOpenRequest(
  request: { clientId: string; engagementId: string; role: SpecialistRole },
  filter: TimelineFilter,
): boolean {
  return (
    (!filter.clientId || request.clientId === filter.clientId) &&
    (!filter.engagementId || request.engagementId === filter.engagementId) &&
    (!filter.role || request.role === filter.role) &&
    filter.status !== 'confirmed'
  );
}

/** The clients on screen, by name: the order gives each its colour in the legend. */
export function clientsShown(
  rows: readonly TimelineRow[],
  placeholders: readonly { clientId: string; clientName: string }[],
): { id: string; name: string }[] {
  const clients = new Map<string, string>();
  for (const r of rows) for (const a of r.allocations) clients.set(a.clientId, a.clientName);
  for (const p of placeholders) clients.set(p.clientId, p.clientName);
  return [...clients].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Capacity of one specialist per period, with the reasons it is lower than a full month. */
export function capacityByPeriod(
  specialist: PlanSpecialist,
  periods: readonly Period[],
  absences: readonly PlanAbsence[],
  holidays: ReadonlySet<Day>,
): (Period & CapacityBreakdown)[] {
  if (periods.length === 0) return [];
  const window: DayRange = { from: toDay((periods[0] as Period).start), to: toDay((periods[periods.length - 1] as Period).end) };
  const states = dayStates({ range: window, holidays, absences: absences.map(spanRange), employedFrom: toDay(specialist.startDate) });
  return periods.map((p) => ({
    ...p,
    ...capacityOf(states, window.from, { from: toDay(p.start), to: toDay(p.end) }, specialist.dailyMinutes),
  }));
}

/** A follow-on must start within this many days after the end, or the specialist rolls off. */
export const FOLLOW_ON_GAP_DAYS = 7;

const sumOf = (values: readonly number[]): number => values.reduce((n, v) => n + v, 0);

export type RollOff = {
  specialist: PlanSpecialist;
  allocation: PlanAllocation;
  /** Calendar days from today to the last allocated day. */
  daysLeft: number;
  /**
   * The earliest tentative allocation running past this one, however long the gap (a confirmed
   * one starting within FOLLOW_ON_GAP_DAYS removes the roll-off).
   */
  tentativeFollowOn: PlanAllocation | null;
  /**
   * The confirmed load (%) the specialist keeps after this allocation ends: other confirmed
   * allocations that run past its end or start within FOLLOW_ON_GAP_DAYS of it. 0 is a full
   * roll-off; above 0 is a partial one (a 50 % allocation ending while another continues).
   */
  continuingLoad: number;
};

/**
 * Confirmed allocations ending within `weeks` weeks of today whose load is not taken up by a
 * confirmed follow-on: the confirmed allocations of the same specialist that start no later
 * than a week after the end and run past it. When they keep less than the load the specialist
 * carried on the last day, the difference rolls off: all of it (nothing continues) or part of
 * it (a partial roll-off, with the load that continues).
 */
export function rollOffs(
  specialists: readonly PlanSpecialist[],
  allocations: readonly PlanAllocation[],
  today: string,
  weeks: number,
): RollOff[] {
  const people = new Map(specialists.map((s) => [s.id, s]));
  const horizon = fromDay(toDay(today) + weeks * 7);
  const bySpecialist = groupBy(
    allocations.filter((a) => a.status !== 'cancelled'),
    (a) => a.specialistId,
  );
  const out: RollOff[] = [];
  for (const [specialistId, own] of bySpecialist) {
    const specialist = people.get(specialistId);
    if (!specialist) continue;
    for (const a of own) {
      if (a.status !== 'confirmed' || a.endDate < today || a.endDate > horizon) continue;
      const latestStart = fromDay(toDay(a.endDate) + FOLLOW_ON_GAP_DAYS);
      const later = own
        .filter((b) => b.id !== a.id && b.endDate > a.endDate)
        .sort((x, y) => (x.startDate < y.startDate ? -1 : x.startDate > y.startDate ? 1 : 0));
      const confirmed = own.filter((b) => b.status === 'confirmed');
      const loadOnLastDay = sumOf(confirmed.filter((b) => b.startDate <= a.endDate && b.endDate >= a.endDate).map((b) => b.loadPercent));
      const continuingLoad = sumOf(later.filter((b) => b.status === 'confirmed' && b.startDate <= latestStart).map((b) => b.loadPercent));
      if (continuingLoad >= loadOnLastDay) continue;
      const tentativeFollowOn = later.find((b) => b.status === 'tentative') ?? null;
      out.push({ specialist, allocation: a, daysLeft: toDay(a.endDate) - toDay(today), tentativeFollowOn, continuingLoad });
    }
  }
  return out.sort((x, y) => x.daysLeft - y.daysLeft || x.specialist.fullName.localeCompare(y.specialist.fullName));
}

export type BenchEntry = {
  specialist: PlanSpecialist;
  /** Calendar days without an allocation up to today (since the last one ended, or since joining). */
  daysOnBench: number;
  lastEndDate: string | null;
  /** The next allocation that starts after today, if one is planned. */
  next: PlanAllocation | null;
};

/** Specialists with no live allocation covering today. Those who have not joined yet are not on the bench. */
export function bench(specialists: readonly PlanSpecialist[], allocations: readonly PlanAllocation[], today: string): BenchEntry[] {
  const bySpecialist = groupBy(
    allocations.filter((a) => a.status !== 'cancelled'),
    (a) => a.specialistId,
  );
  const out: BenchEntry[] = [];
  for (const s of specialists) {
    if (s.startDate > today) continue;
    const own = bySpecialist.get(s.id) ?? [];
    if (own.some((a) => a.startDate <= today && a.endDate >= today)) continue;
    const past = own.filter((a) => a.endDate < today).map((a) => a.endDate);
    const lastEndDate = past.length ? past.reduce((m, d) => (d > m ? d : m)) : null;
    const since = lastEndDate && lastEndDate >= s.startDate ? toDay(lastEndDate) + 1 : toDay(s.startDate);
    const next = own.filter((a) => a.startDate > today).sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0] ?? null;
    out.push({ specialist: s, daysOnBench: toDay(today) - since, lastEndDate, next });
  }
  return out.sort((a, b) => b.daysOnBench - a.daysOnBench || a.specialist.fullName.localeCompare(b.specialist.fullName));
}

export type OpenRequestDemand = { role: SpecialistRole; loadPercent: number; startDate: string; endDate: string | null };

export type ForecastRow = {
  month: string;
  role: SpecialistRole;
  /** FTE available: employed weekdays minus absences, over the month's weekdays. */
  supply: number;
  confirmed: number;
  tentative: number;
  openRequests: number;
  /** confirmed + tentative + open requests. */
  demand: number;
  /** supply − demand; negative means people must be found. */
  gap: number;
};

const fte = (n: number) => Math.round(n * 100) / 100;

/**
 * FTE demand against supply per role and month. FTE is a share of the
 * month's weekdays; public holidays affect supply and demand alike, so they
 * are left out here (the timeline's capacity hours do subtract them).
 */
export function capacityForecast(
  months: readonly Period[],
  inputs: Omit<PlanInputs, 'holidaysOf'> & { openRequests: readonly OpenRequestDemand[] },
): ForecastRow[] {
  // Dates are converted once, not once per month; sums are kept in whole weekdays and
  // percent-weekdays and divided once, so the figures never depend on summation order.
  const roleOf = new Map(inputs.specialists.map((s) => [s.id, s.role]));
  const absencesBy = groupBy(
    inputs.absences.map((a) => ({ specialistId: a.specialistId, range: spanRange(a) })),
    (a) => a.specialistId,
  );
  const people = inputs.specialists.map((s) => ({ role: s.role, from: toDay(s.startDate), absences: absencesBy.get(s.id) ?? [] }));
  const booked = inputs.allocations
    .filter((a) => a.status !== 'cancelled' && roleOf.has(a.specialistId))
    .map((a) => ({ role: roleOf.get(a.specialistId) as SpecialistRole, status: a.status, load: a.loadPercent, range: spanRange(a) }));
  const requests = inputs.openRequests.map((r) => ({
    role: r.role,
    load: r.loadPercent,
    from: toDay(r.startDate),
    to: r.endDate ? toDay(r.endDate) : null,
  }));
  const rows: ForecastRow[] = [];
  for (const month of months) {
    const range = { from: toDay(month.start), to: toDay(month.end) };
    const weekdays = weekdaysIn(range);
    type Sums = { supplyDays: number; confirmed: number; tentative: number; openRequests: number };
    const sums = new Map<SpecialistRole, Sums>();
    const sumFor = (role: SpecialistRole): Sums => {
      let s = sums.get(role);
      if (!s) {
        s = { supplyDays: 0, confirmed: 0, tentative: 0, openRequests: 0 };
        sums.set(role, s);
      }
      return s;
    };
    for (const p of people) {
      const employed = intersect(range, { from: p.from, to: range.to });
      if (!employed) continue;
      let days = weekdaysIn(employed);
      for (const absence of p.absences) {
        const part = intersect(employed, absence.range);
        if (part) days -= weekdaysIn(part);
      }
      sumFor(p.role).supplyDays += Math.max(0, days);
    }
    for (const a of booked) {
      const part = intersect(range, a.range);
      if (part) sumFor(a.role)[a.status === 'confirmed' ? 'confirmed' : 'tentative'] += a.load * weekdaysIn(part);
    }
    for (const r of requests) {
      const part = intersect(range, { from: r.from, to: r.to ?? range.to });
      if (part) sumFor(r.role).openRequests += r.load * weekdaysIn(part);
    }
    const percentDays = 100 * weekdays;
    for (const [role, s] of [...sums].sort((a, b) => a[0].localeCompare(b[0]))) {
      const demand = s.confirmed + s.tentative + s.openRequests;
      rows.push({
        month: month.start,
        role,
        supply: fte((s.supplyDays * 100) / percentDays),
        confirmed: fte(s.confirmed / percentDays),
        tentative: fte(s.tentative / percentDays),
        openRequests: fte(s.openRequests / percentDays),
        demand: fte(demand / percentDays),
        gap: fte((s.supplyDays * 100 - demand) / percentDays),
      });
    }
  }
  return rows;
}
