import { holidaysOfCalendar } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { clockThresholds } from '@backend/core/continuitySettings';
import type { ContinuityBoard, ContinuityPromise, SlaReport, SlaReportRow } from '@shared/continuity/contract';
import { REPLACEMENT_REASON_LABELS } from '@shared/continuity/rules/replacement';
import { quarterRange, slaFigures } from '@shared/continuity/rules/report';
import { byTimeLeft } from '@shared/kernel/businessClock';
import { addDays } from '@shared/kernel/days';
import { fillClock, STAFFING_STAGE_LABELS } from '@shared/plan/rules/staffing';
import { replacementItems } from './replacementService';

/**
 * One place for every continuity promise: open replacement requests against
 * their SLA and open roles against their fill target, on the same clock,
 * least time left first.
 */
export function continuityBoard(ctx: Context, input: { clientId?: string | undefined }): ContinuityBoard {
  const thresholds = clockThresholds(ctx);
  const replacements: ContinuityPromise[] = replacementItems(
    ctx,
    ctx.repos.replacements.list({ state: 'open', clientId: input.clientId }),
  ).map((r) => ({
    kind: 'replacement',
    id: r.id,
    title: `Replace ${r.outgoingSpecialistName}`,
    engagementId: r.engagementId,
    engagementName: r.engagementName,
    clientId: r.clientId,
    clientName: r.clientName,
    outgoingSpecialistName: r.outgoingSpecialistName,
    detail: REPLACEMENT_REASON_LABELS[r.reason],
    clock: r.clock,
  }));
  const today = ctx.today();
  const roles: ContinuityPromise[] = ctx.repos.staffing
    .open()
    .filter((r) => input.clientId === undefined || r.clientId === input.clientId)
    .map((r) => ({
      kind: 'staffing',
      id: r.id,
      title: r.title,
      engagementId: r.engagementId,
      engagementName: r.engagementName,
      clientId: r.clientId,
      clientName: r.clientName,
      outgoingSpecialistName: null,
      detail: STAFFING_STAGE_LABELS[r.stage],
      clock: fillClock(r, today, holidaysOfCalendar(r.holidayCalendar), thresholds),
    }));
  const promises = [...replacements, ...roles].sort((a, b) => byTimeLeft(a.clock, b.clock) || a.title.localeCompare(b.title));
  return { today, promises, thresholds };
}

/**
 * The SLA report of a quarter: requests submitted in it (by the submission
 * date in the client's time zone), per client and in total, with every
 * request for the detail and the breaches with their reasons.
 */
export function slaReport(ctx: Context, input: { year: number; quarter: number; clientId?: string | undefined }): SlaReport {
  const { from, to } = quarterRange(input.year, input.quarter);
  // Instants a day either side cover every time zone; the exact cut is by local date below.
  const rows = ctx.repos.replacements.list({
    state: 'all',
    clientId: input.clientId,
    submittedFrom: `${addDays(from, -1)}T00:00:00.000Z`,
    submittedBefore: `${addDays(to, 2)}T00:00:00.000Z`,
  });
  const requests = replacementItems(ctx, rows)
    .filter((r) => r.submittedOn >= from && r.submittedOn <= to)
    .sort((a, b) => a.clientName.localeCompare(b.clientName) || (a.submittedAt < b.submittedAt ? -1 : 1));
  const clients = new Map<string, { name: string; items: typeof requests }>();
  for (const r of requests) {
    const entry = clients.get(r.clientId);
    if (entry) entry.items.push(r);
    else clients.set(r.clientId, { name: r.clientName, items: [r] });
  }
  const clientRows: SlaReportRow[] = [...clients].map(([clientId, { name, items }]) => ({
    clientId,
    clientName: name,
    ...slaFigures(items),
  }));
  return {
    year: input.year,
    quarter: input.quarter,
    from,
    to,
    today: ctx.today(),
    total: { clientId: '', clientName: 'All clients', ...slaFigures(requests) },
    clients: clientRows,
    requests,
    breaches: requests.filter((r) => r.clock.state === 'breached'),
  };
}
