import { joinedFieldMessage } from '@shared/clients/rules/joined';
import { dateLabel } from '@shared/kernel/dates';
import { type Day, type DayRange, fromDay, intersect, toDay } from '@shared/kernel/days';

export const ALLOCATION_STATUSES = ['tentative', 'confirmed', 'cancelled'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];
export const ALLOCATION_STATUS_LABELS: Record<AllocationStatus, string> = {
  tentative: 'Tentative',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
};

/** What the rules need to know about an allocation. */
export type AllocationSpan = {
  id: string;
  specialistId: string;
  clientId: string;
  clientName: string;
  engagementName: string;
  startDate: string;
  endDate: string;
  loadPercent: number;
  status: AllocationStatus;
};

export const spanRange = (a: { startDate: string; endDate: string }): DayRange => ({ from: toDay(a.startDate), to: toDay(a.endDate) });

const live = (a: AllocationSpan) => a.status !== 'cancelled';

/**
 * The dedication rule: a specialist works for one client at a time. A
 * confirmed allocation may not overlap a confirmed allocation of the same
 * specialist at another client. Returns the refusal sentence, naming the
 * conflicting allocation and its dates, or null.
 */
export function dedicationRefusal(candidate: AllocationSpan, others: readonly AllocationSpan[], specialistName: string): string | null {
  if (candidate.status !== 'confirmed') return null;
  const range = spanRange(candidate);
  const conflict = others
    .filter(
      (o) =>
        o.id !== candidate.id &&
        o.specialistId === candidate.specialistId &&
        o.status === 'confirmed' &&
        o.clientId !== candidate.clientId &&
        intersect(spanRange(o), range),
    )
    .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0];
  if (!conflict) return null;
  return (
    `${specialistName} is already confirmed at ${conflict.clientName} (${conflict.engagementName}) ` +
    `from ${dateLabel(conflict.startDate)} to ${dateLabel(conflict.endDate)}. A specialist is dedicated to one client at a time: ` +
    'end or move that allocation first, or keep this one tentative.'
  );
}

export type PlanFlag = {
  severity: 'error' | 'warning' | 'info';
  kind: 'overload' | 'handover';
  startDate: string;
  endDate: string;
  /** Highest total load in the period, in percent. */
  loadPercent: number;
  allocationIds: string[];
  message: string;
};

/**
 * Days above 100% total load, as periods. Confirmed allocations alone above
 * 100% are an error; above 100% only once tentative ones count is a warning.
 * Works on boundaries (a sweep), not day by day, so long ranges cost nothing.
 */
export function overloadFlags(spans: readonly AllocationSpan[]): PlanFlag[] {
  const active = spans.filter(live);
  const points = [...new Set(active.flatMap((a) => [toDay(a.startDate), toDay(a.endDate) + 1]))].sort((a, b) => a - b);
  const flags: PlanFlag[] = [];
  let open: { severity: 'error' | 'warning'; from: Day; to: Day; load: number; ids: Set<string> } | null = null;
  const close = () => {
    if (!open) return;
    const what = open.severity === 'error' ? 'confirmed allocations' : 'allocations (counting tentative ones)';
    flags.push({
      severity: open.severity,
      kind: 'overload',
      startDate: fromDay(open.from),
      endDate: fromDay(open.to),
      loadPercent: open.load,
      allocationIds: [...open.ids],
      message: `Booked at ${open.load}% from ${dateLabel(fromDay(open.from))} to ${dateLabel(fromDay(open.to))}: ${what} add up to more than 100%.`,
    });
    open = null;
  };
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] as Day;
    const to = (points[i + 1] as Day) - 1;
    const covering = active.filter((a) => toDay(a.startDate) <= from && toDay(a.endDate) >= to);
    const total = covering.reduce((sum, a) => sum + a.loadPercent, 0);
    const confirmed = covering.filter((a) => a.status === 'confirmed').reduce((sum, a) => sum + a.loadPercent, 0);
    const severity = confirmed > 100 ? 'error' : total > 100 ? 'warning' : null;
    if (open && (severity !== open.severity || open.to !== from - 1)) close();
    if (!severity) continue;
    if (open) {
      open.to = to;
      open.load = Math.max(open.load, total);
      for (const a of covering) open.ids.add(a.id);
    } else {
      open = { severity, from, to, load: total, ids: new Set(covering.map((a) => a.id)) };
    }
  }
  close();
  return flags;
}

/** Overlapping allocations of one specialist at the same client: allowed (a hand-over), but shown. */
export function handoverFlags(spans: readonly AllocationSpan[]): PlanFlag[] {
  const active = spans.filter(live).sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const flags: PlanFlag[] = [];
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const a = active[i] as AllocationSpan;
      const b = active[j] as AllocationSpan;
      if (a.clientId !== b.clientId || a.specialistId !== b.specialistId) continue;
      const overlap = intersect(spanRange(a), spanRange(b));
      if (!overlap) continue;
      const days = overlap.to - overlap.from + 1;
      flags.push({
        severity: 'info',
        kind: 'handover',
        startDate: fromDay(overlap.from),
        endDate: fromDay(overlap.to),
        loadPercent: a.loadPercent + b.loadPercent,
        allocationIds: [a.id, b.id],
        message: `Overlap at ${a.clientName}: ${a.engagementName} and ${b.engagementName} run together for ${days} day${days === 1 ? '' : 's'} (${dateLabel(fromDay(overlap.from))} to ${dateLabel(fromDay(overlap.to))}); allowed within one client, as a hand-over or a split.`,
      });
    }
  }
  return flags;
}

/** Every flag of one specialist's allocations, most serious first. */
export function planFlags(spans: readonly AllocationSpan[]): PlanFlag[] {
  const order = { error: 0, warning: 1, info: 2 };
  return [...overloadFlags(spans), ...handoverFlags(spans)].sort(
    (a, b) => order[a.severity] - order[b.severity] || (a.startDate < b.startDate ? -1 : 1),
  );
}

/**
 * Checks an allocation's own dates against its engagement and specialist.
 * Returns field issues in the contract's shape; empty when it fits.
 */
export function allocationRangeIssues(
  allocation: { startDate: string; endDate: string },
  engagement: { name: string; startDate: string; endDate: string | null },
  specialist: { fullName: string; startDate: string },
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (allocation.startDate < engagement.startDate) {
    issues.push({ path: 'startDate', message: `must be on or after the engagement’s start (${dateLabel(engagement.startDate)})` });
  }
  if (engagement.endDate !== null && allocation.endDate > engagement.endDate) {
    issues.push({ path: 'endDate', message: `must be on or before the engagement’s end (${dateLabel(engagement.endDate)})` });
  }
  if (allocation.startDate < specialist.startDate) {
    issues.push({ path: 'startDate', message: joinedFieldMessage(specialist) });
  }
  return issues;
}
