import { holidayName } from '@backend/core/calendars';
import type { Audit, Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type {
  BookableEngagement,
  BookableModel,
  CellResult,
  ModelHoursReport,
  TimeEntry,
  TimesheetWeek,
  WeekDay,
} from '@shared/billing/contract/hours';
import { ACTIVITY_LABELS } from '@shared/billing/rules/activities';
import { billabilityOf, nonBillableNotice } from '@shared/billing/rules/billable';
import {
  entryRefusals,
  entryRowKey,
  entryWarnings,
  isWeekendDate,
  monthsOf,
  refusalSentence,
  weekDates,
  weekGrid,
} from '@shared/billing/rules/entries';
import { activitiesWithHours, modelHours } from '@shared/billing/rules/modelHours';
import { lockedMonthRefusal } from '@shared/billing/rules/monthClose';
import { monthOf } from '@shared/billing/rules/months';
import type { ParsedInputOf } from '@shared/contract';
import { dateLabel } from '@shared/kernel/dates';
import { addDays } from '@shared/kernel/days';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import { ABSENCE_KIND_LABELS } from '@shared/plan/contract/allocations';
import { withDefaultBillability } from './billability';
import { billingSettings } from './billingSettings';

/**
 * The weekly timesheet: read a specialist's week as a grid, set one cell,
 * copy last week. A row is (engagement, activity, model or none). Every write
 * checks the entry rules (shared/billing/rules/entries.ts) and the month
 * lock, in the same transaction as the write.
 */

function liveSpecialist(ctx: Context, id: string) {
  const specialist = ctx.repos.specialists.get(id);
  if (!specialist) throw unknownReference('Specialist', id, 'specialistId');
  return specialist;
}

function bookable(ctx: Context, specialistId: string, dates: readonly string[]): BookableEngagement[] {
  const from = dates[0] ?? '';
  const to = dates[dates.length - 1] ?? '';
  const allocated = new Set(
    ctx.repos.allocations
      .liveForSpecialist(specialistId)
      .filter((a) => a.endDate >= from && a.startDate <= to)
      .map((a) => a.engagementId),
  );
  const months = monthsOf(dates);
  const entries = ctx.repos.timeEntries.forSpecialist(specialistId, from, to);
  const withEntries = new Set(entries.map((e) => e.engagementId));
  const modelsOf = (engagementId: string): BookableModel[] => {
    const own = ctx.repos.models.ofEngagement(engagementId);
    // A model the week's hours name that has since moved to another engagement still labels its row.
    const named = [...new Set(entries.filter((e) => e.engagementId === engagementId && e.modelId).map((e) => e.modelId as string))]
      .filter((id) => !own.some((m) => m.id === id))
      .flatMap((id) => ctx.repos.models.get(id) ?? []);
    return [...own, ...named].map((m) => ({ id: m.id, name: m.name, inServiceSince: m.inServiceSince }));
  };
  return ctx.repos.engagements
    .list({ archived: 'active', sort: 'name', direction: 'asc' })
    .filter((e) => withEntries.has(e.id) || (e.startDate <= to && (e.endDate === null || e.endDate >= from)))
    .map((e) => ({
      id: e.id,
      name: e.name,
      clientName: e.clientName,
      startDate: e.startDate,
      endDate: e.endDate,
      allocated: allocated.has(e.id),
      months: ctx.repos.invoices.statusOf(e.id, months),
      models: modelsOf(e.id),
    }))
    .sort((a, b) => Number(b.allocated) - Number(a.allocated) || a.clientName.localeCompare(b.clientName) || a.name.localeCompare(b.name));
}

export function timesheetWeek(ctx: Context, specialistId: string, weekStart: string): TimesheetWeek {
  const specialist = liveSpecialist(ctx, specialistId);
  const dates = weekDates(weekStart);
  const from = dates[0] as string;
  const to = dates[6] as string;
  const entries = ctx.repos.timeEntries.forSpecialist(specialistId, from, to);
  const engagements = bookable(ctx, specialistId, dates);
  const absences = ctx.repos.absences.list({ specialistId, from, to });
  const days: WeekDay[] = dates.map((date) => {
    const absence = absences.find((a) => a.startDate <= date && a.endDate >= date);
    return {
      date,
      weekend: isWeekendDate(date),
      holiday: holidayName(specialist.homeCountry, specialist.homeSubdivision, date),
      absence: absence ? ABSENCE_KIND_LABELS[absence.kind] : null,
    };
  });
  const previous = ctx.repos.timeEntries.forSpecialist(specialistId, addDays(from, -7), addDays(from, -1));
  return {
    ...weekGrid(
      dates,
      entries,
      engagements.map((e) => e.id),
      engagements.flatMap((e) => e.models.map((m) => m.id)),
    ),
    specialist: {
      id: specialist.id,
      fullName: specialist.fullName,
      dailyMinutes: specialist.dailyMinutes,
      startDate: specialist.startDate,
    },
    weekStart: from,
    days,
    engagements,
    dailyThresholdMinutes: billingSettings(ctx).dailyThresholdMinutes,
    previousWeekHasEntries: previous.length > 0,
  };
}

type CellInput = ParsedInputOf<'time.setCell'>;

/** Refuses a write into a locked month of this engagement. */
function assertOpen(ctx: Context, engagementId: string, engagementName: string, date: string): void {
  const month = monthOf(date);
  const status = ctx.repos.invoices.monthState(engagementId, month).status;
  const refusal = lockedMonthRefusal(status, engagementName, month);
  if (refusal) throw new DomainError('conflict', refusal, [{ path: 'date', message: `is in a month that is ${status}` }]);
}

function warningsFor(ctx: Context, specialistId: string, engagementId: string, engagementName: string, date: string): string[] {
  const allocations = ctx.repos.allocations.liveForSpecialist(specialistId).filter((a) => a.engagementId === engagementId);
  return entryWarnings({
    date,
    dayTotalMinutes: ctx.repos.timeEntries.dayMinutes(specialistId, date),
    dailyThresholdMinutes: billingSettings(ctx).dailyThresholdMinutes,
    usesAllocations: ctx.repos.allocations.engagementUsesAllocations(engagementId),
    coveredByAllocation: allocations.some((a) => a.startDate <= date && a.endDate >= date),
    engagementName,
  });
}

const entryLabel = (specialistName: string, engagementName: string, e: Pick<TimeEntry, 'date' | 'activity'>, modelName?: string) =>
  `${specialistName} · ${engagementName}${modelName ? ` · ${modelName}` : ''} · ${dateLabel(e.date)} · ${ACTIVITY_LABELS[e.activity]}`;

/** Checks and writes one cell inside the caller's transaction; returns the entry left in the cell. */
export function writeCell(ctx: Context, input: CellInput, audit: Audit, at: string): TimeEntry | null {
  const specialist = liveSpecialist(ctx, input.specialistId);
  const engagement = ctx.repos.engagements.get(input.engagementId);
  if (!engagement) throw unknownReference('Engagement', input.engagementId, 'engagementId');
  assertOpen(ctx, engagement.id, engagement.name, input.date);
  const model = input.modelId === null ? null : ctx.repos.models.get(input.modelId);
  if (input.modelId !== null && !model) throw unknownReference('Model', input.modelId, 'modelId');
  const existing = ctx.repos.timeEntries.cell(specialist.id, engagement.id, input.activity, input.modelId, input.date);
  const label = entryLabel(specialist.fullName, engagement.name, input, model?.name);
  if (input.minutes === null) {
    for (const e of existing) {
      ctx.repos.timeEntries.delete(e.id);
      audit({ entity: 'time_entry', entityId: e.id, label, action: 'delete', before: e, after: null });
    }
    return null;
  }
  if (specialist.archivedAt)
    throw new DomainError('conflict', `${specialist.fullName} is archived. Restore the specialist before recording hours.`);
  if (engagement.archivedAt) throw new DomainError('conflict', `${engagement.name} is archived. Restore it before recording hours.`);
  const cellMinutes = existing.reduce((n, e) => n + e.minutes, 0);
  const target = {
    date: input.date,
    minutes: input.minutes,
    engagement,
    specialist,
    model,
    otherMinutesThatDay: ctx.repos.timeEntries.dayMinutes(specialist.id, input.date) - cellMinutes,
  };
  const issues = entryRefusals(target);
  if (issues.length) throw new DomainError('invalid_input', refusalSentence(target, issues), issues);
  const [first, ...extra] = existing;
  // A cell shows one total: extra entries (e.g. from an import) merge into the first, each change audited.
  for (const e of extra) {
    ctx.repos.timeEntries.delete(e.id);
    audit({ entity: 'time_entry', entityId: e.id, label, action: 'delete', before: e, after: null });
  }
  const note =
    input.note ??
    [first, ...extra]
      .map((e) => e?.note ?? '')
      .filter(Boolean)
      .join('; ');
  if (first) {
    const after: TimeEntry = { ...first, minutes: input.minutes, note, updatedAt: at };
    ctx.repos.timeEntries.update(after);
    audit({ entity: 'time_entry', entityId: first.id, label, action: 'update', before: first, after });
    return after;
  }
  // New hours on a replacement's hand-over day start non-billable (the rule in shared/billing/rules/billable.ts).
  const [billability] = withDefaultBillability(ctx, [{ specialistId: specialist.id, engagementId: engagement.id, date: input.date }]);
  const entry: TimeEntry = {
    id: newId(),
    specialistId: specialist.id,
    engagementId: engagement.id,
    date: input.date,
    minutes: input.minutes,
    activity: input.activity,
    modelId: input.modelId,
    note,
    billable: billability?.billable ?? true,
    nonBillableReason: billability?.nonBillableReason ?? '',
    createdAt: at,
    updatedAt: at,
  };
  ctx.repos.timeEntries.insert(entry);
  audit({ entity: 'time_entry', entityId: entry.id, label, action: 'create', before: null, after: entry });
  return entry;
}

export function setCell(ctx: Context, input: CellInput): CellResult {
  return ctx.write((audit, at) => {
    const entry = writeCell(ctx, input, audit, at);
    const engagement = ctx.repos.engagements.get(input.engagementId);
    const warnings = entry && engagement ? warningsFor(ctx, input.specialistId, engagement.id, engagement.name, input.date) : [];
    if (entry && !entry.billable) warnings.push(nonBillableNotice(entry));
    return { entry, warnings };
  });
}

/** Copies last week's entries into this week's empty cells. Any refused entry refuses the whole copy. */
export function copyWeek(ctx: Context, specialistId: string, weekStart: string): { created: number; warnings: string[] } {
  return ctx.write((audit, at) => {
    const specialist = liveSpecialist(ctx, specialistId);
    const dates = weekDates(weekStart);
    const from = dates[0] as string;
    const previous = ctx.repos.timeEntries.forSpecialist(specialist.id, addDays(from, -7), addDays(from, -1));
    if (!previous.length)
      throw new DomainError('conflict', `${specialist.fullName} has no hours in the week of ${addDays(from, -7)} to copy.`);
    const current = ctx.repos.timeEntries.forSpecialist(specialist.id, from, dates[6] as string);
    // A cell is a row (engagement, activity, model or none) on a day: the copy keeps each entry's model.
    const cellKey = (e: Pick<TimeEntry, 'engagementId' | 'activity' | 'modelId'>, date: string) => `${entryRowKey(e)}|${date}`;
    const filled = new Set(current.map((e) => cellKey(e, e.date)));
    let created = 0;
    const refusals: string[] = [];
    const warnings = new Set<string>();
    for (const e of previous) {
      const date = addDays(e.date, 7);
      if (filled.has(cellKey(e, date))) continue;
      try {
        const entry = writeCell(
          ctx,
          { specialistId, engagementId: e.engagementId, activity: e.activity, modelId: e.modelId, date, minutes: e.minutes, note: e.note },
          audit,
          at,
        );
        if (entry) created++;
        filled.add(cellKey(e, date));
      } catch (error) {
        if (error instanceof DomainError) refusals.push(error.message);
        else throw error;
      }
    }
    if (refusals.length) {
      throw new DomainError(
        'conflict',
        `Nothing was copied. ${refusals.slice(0, 3).join(' ')}${refusals.length > 3 ? ` (${refusals.length - 3} more)` : ''}`,
      );
    }
    if (created === 0)
      throw new DomainError('conflict', 'Every cell last week had hours in is already filled this week. Nothing was copied.');
    for (const e of previous) {
      const engagement = ctx.repos.engagements.get(e.engagementId);
      if (engagement) for (const w of warningsFor(ctx, specialist.id, engagement.id, engagement.name, addDays(e.date, 7))) warnings.add(w);
    }
    return { created, warnings: [...warnings] };
  });
}

type BillableInput = ParsedInputOf<'time.setBillable'>;

/**
 * Finance marks one entry billable or not (with a reason) while its month is
 * open; an approved or invoiced month refuses, naming how to reopen it.
 */
export function setBillable(ctx: Context, input: BillableInput): TimeEntry {
  return ctx.write((audit, at) => {
    const before = ctx.repos.timeEntries.get(input.entryId);
    if (!before) throw notFound('Time entry', input.entryId);
    const engagement = ctx.repos.engagements.get(before.engagementId);
    const specialist = ctx.repos.specialists.get(before.specialistId);
    if (!engagement || !specialist) throw notFound('Time entry', input.entryId);
    const status = ctx.repos.invoices.monthState(engagement.id, monthOf(before.date)).status;
    const locked = lockedMonthRefusal(status, engagement.name, monthOf(before.date));
    if (locked) throw new DomainError('conflict', locked, [{ path: 'billable', message: `cannot change in a month that is ${status}` }]);
    const next = billabilityOf(input.billable, input.reason);
    if ('refusal' in next)
      throw new DomainError('invalid_input', next.refusal, [{ path: 'reason', message: 'is required when the hours are not billable' }]);
    if (next.billable === before.billable && next.nonBillableReason === before.nonBillableReason) return before;
    const after: TimeEntry = { ...before, ...next, updatedAt: at };
    ctx.repos.timeEntries.setBillable(after);
    audit({
      entity: 'time_entry',
      entityId: before.id,
      label: entryLabel(
        specialist.fullName,
        engagement.name,
        before,
        before.modelId ? ctx.repos.models.get(before.modelId)?.name : undefined,
      ),
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

/** Hours per model per activity and month: one model's, or every model of an engagement (billing ignores the model). */
export function hoursByModel(ctx: Context, input: ParsedInputOf<'time.byModel'>): ModelHoursReport {
  if (input.modelId && !ctx.repos.models.get(input.modelId)) throw notFound('Model', input.modelId);
  if (input.engagementId && !ctx.repos.engagements.get(input.engagementId)) throw notFound('Engagement', input.engagementId);
  const models = modelHours(ctx.repos.timeEntries.modelHours(input));
  return { from: input.from ?? null, to: input.to ?? null, models, activities: activitiesWithHours(models) };
}
