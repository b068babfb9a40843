import type { Context } from '@backend/core/context';
import { type Billability, defaultBillability, HANDOVER_REASON, type HandoverWindow } from '@shared/billing/rules/billable';

/**
 * Which days are replacement hand-overs, asked of the areas that know
 * (continuity answers from its fulfilled requests) through the
 * `billing.handoverWindows` hook, inside the caller's write.
 */
export function handoverWindows(
  ctx: Context,
  question: { specialistIds: readonly string[]; engagementIds: readonly string[]; from: string; to: string },
): HandoverWindow[] {
  const asked = { ...question, windows: [] as HandoverWindow[] };
  ctx.emit('billing.handoverWindows', asked);
  return asked.windows;
}

/**
 * New entries with the billability the rule gives them (not billable on a
 * hand-over day), the windows asked for once for all of them.
 */
export function withDefaultBillability<E extends { specialistId: string; engagementId: string; date: string }>(
  ctx: Context,
  entries: readonly E[],
): (E & Billability)[] {
  if (!entries.length) return [];
  const dates = entries.map((e) => e.date).sort();
  const windows = handoverWindows(ctx, {
    specialistIds: [...new Set(entries.map((e) => e.specialistId))],
    engagementIds: [...new Set(entries.map((e) => e.engagementId))],
    from: dates[0] as string,
    to: dates[dates.length - 1] as string,
  });
  return entries.map((e) => ({ ...e, ...defaultBillability(e, windows) }));
}

/**
 * The hours an import just copied from its staging file, on hand-over days,
 * made not billable by the same rule (inside the import's write).
 */
export function stagedHandoverDefaults(ctx: Context): number {
  const span = ctx.repos.timeEntries.stagedSpan();
  if (!span) return 0;
  return handoverWindows(ctx, span).reduce((n, w) => n + ctx.repos.timeEntries.markStagedNotBillable(w, HANDOVER_REASON), 0);
}
