import type { Clock } from '@shared/kernel/businessClock';
import { monthEnd, monthStart } from '@shared/kernel/days';

/**
 * The SLA report's figures over a set of requests (one client or all of a
 * quarter). Met % is met over decided (met + breached), so open requests
 * still inside their allowance neither help nor hurt; an open request past
 * its due date already counts as breached, and so does one cancelled after its
 * due date (Open and Cancelled count statuses, so the columns may overlap). Days to fulfil are business days
 * from submission to the replacement's start, over fulfilled requests.
 */
export type SlaFigures = {
  requests: number;
  met: number;
  breached: number;
  open: number;
  cancelled: number;
  metPercent: number | null;
  medianDaysToFulfil: number | null;
  worstDaysToFulfil: number | null;
};

export type ReportedRequest = { status: 'open' | 'fulfilled' | 'cancelled'; clock: Clock };

export function slaFigures(requests: readonly ReportedRequest[]): SlaFigures {
  let met = 0;
  let breached = 0;
  let open = 0;
  let cancelled = 0;
  const days: number[] = [];
  for (const r of requests) {
    if (r.clock.state === 'met') met += 1;
    else if (r.clock.state === 'breached') breached += 1;
    if (r.status === 'open') open += 1;
    if (r.status === 'cancelled') cancelled += 1;
    if (r.status === 'fulfilled') days.push(r.clock.elapsed);
  }
  const decided = met + breached;
  return {
    requests: requests.length,
    met,
    breached,
    open,
    cancelled,
    metPercent: decided === 0 ? null : Math.round((met * 100) / decided),
    medianDaysToFulfil: median(days),
    worstDaysToFulfil: days.length === 0 ? null : Math.max(...days),
  };
}

/** The median of whole numbers; halfway between the middle two for an even count (so it may end in .5). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** First and last day of a calendar quarter (1–4). */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const from = `${String(year).padStart(4, '0')}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { from, to: monthEnd(monthStart(from, 2)) };
}

/** The quarter a date falls in. */
export function quarterOf(date: string): { year: number; quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}
