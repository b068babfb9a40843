import { joinedRefusal } from '@shared/clients/rules/joined';
import { dateLabel } from '@shared/kernel/dates';
import { type Day, fromDay, isWeekend, mondayOf, toDay } from '@shared/kernel/days';
import { ACTIVITIES, type Activity } from './activities';
import { formatHours, MINUTES_PER_DAY } from './duration';
import { monthLabel, monthOf } from './months';

/**
 * The rules of a time entry. Refusals block the write and say exactly why;
 * warnings are shown but the entry is kept.
 */
export type EntryTarget = {
  date: string;
  minutes: number;
  engagement: { id: string; name: string; startDate: string; endDate: string | null };
  /** The model the hours are on, if any: it must be one of the engagement's, and in service on the day. */
  model?: EntryModel | null;
  specialist: { fullName: string; startDate: string };
  /** Minutes the specialist already has that day on all engagements, without this entry. */
  otherMinutesThatDay: number;
};

/** What the entry rules need of a model: whose it is and since when its history runs. */
export type EntryModel = { name: string; engagementId: string | null; inServiceSince: string };

export type EntryIssue = { path: string; message: string };

export function entryRefusals(t: EntryTarget): EntryIssue[] {
  const issues: EntryIssue[] = [];
  if (!Number.isInteger(t.minutes)) issues.push({ path: 'minutes', message: 'must be whole minutes' });
  else if (t.minutes <= 0) issues.push({ path: 'minutes', message: 'must be more than zero minutes' });
  if (t.date < t.engagement.startDate) {
    issues.push({ path: 'date', message: `is before ${t.engagement.name} starts (${dateLabel(t.engagement.startDate)})` });
  } else if (t.engagement.endDate !== null && t.date > t.engagement.endDate) {
    issues.push({ path: 'date', message: `is after ${t.engagement.name} ends (${dateLabel(t.engagement.endDate)})` });
  }
  if (t.date < t.specialist.startDate) issues.push({ path: 'date', message: joinedEntryMessage(t.specialist) });
  if (t.model) issues.push(...modelRefusals(t.model, t.engagement, t.date));
  if (t.otherMinutesThatDay + t.minutes > MINUTES_PER_DAY) {
    const left = Math.max(0, MINUTES_PER_DAY - t.otherMinutesThatDay);
    issues.push({
      path: 'minutes',
      message: `would make ${formatHours(t.otherMinutesThatDay + t.minutes)} on ${dateLabel(t.date)} across engagements; a day has 24 h, so at most ${formatHours(left)} more fit`,
    });
  }
  return issues;
}

/**
 * Hours on a model: the model must be one the entry's engagement runs, and the
 * day on or after the model's in-service date (never the day it was typed in).
 */
export function modelRefusals(model: EntryModel, engagement: { id: string; name: string }, date: string): EntryIssue[] {
  const issues: EntryIssue[] = [];
  if (model.engagementId !== engagement.id) {
    issues.push({
      path: 'modelId',
      message:
        model.engagementId === null
          ? `${model.name} is in the client’s inventory but not run by ${engagement.name}`
          : `${model.name} is run by another engagement, not ${engagement.name}`,
    });
  }
  if (date < model.inServiceSince) {
    issues.push({ path: 'date', message: `is before ${model.name} was in service (${dateLabel(model.inServiceSince)})` });
  }
  return issues;
}

const joinedEntryMessage = (s: EntryTarget['specialist']) => `is before ${s.fullName} joined (${dateLabel(s.startDate)})`;

const SUBJECT: Record<string, string> = { date: 'the date', minutes: 'the hours', modelId: 'the model' };

/** The sentence for a refused entry, naming the day and engagement; the join date alone gets the clients area's sentence. */
export function refusalSentence(t: Pick<EntryTarget, 'date' | 'engagement' | 'specialist'>, issues: readonly EntryIssue[]): string {
  const joined = joinedRefusal(t.specialist, t.date, 'hours');
  if (joined && issues.length === 1 && issues[0]?.message === joinedEntryMessage(t.specialist)) return joined;
  const reasons = issues.map((i) => `${SUBJECT[i.path] ?? 'the hours'} ${i.message}`).join('; ');
  return `Keel cannot record hours for ${t.specialist.fullName} on ${t.engagement.name} on ${dateLabel(t.date)}: ${reasons}.`;
}

export type EntryWarningInput = {
  date: string;
  dayTotalMinutes: number;
  dailyThresholdMinutes: number;
  /** Whether the engagement uses allocations at all, and whether one of this specialist covers the date. */
  usesAllocations: boolean;
  coveredByAllocation: boolean;
  engagementName: string;
};

export function entryWarnings(w: EntryWarningInput): string[] {
  const out: string[] = [];
  if (w.usesAllocations && !w.coveredByAllocation) {
    out.push(`No allocation to ${w.engagementName} covers ${dateLabel(w.date)}. The hours are kept; check the plan or the engagement.`);
  }
  if (w.dayTotalMinutes > w.dailyThresholdMinutes) {
    out.push(
      `${formatHours(w.dayTotalMinutes)} on ${dateLabel(w.date)} is above the daily threshold of ${formatHours(w.dailyThresholdMinutes)}.`,
    );
  }
  return out;
}

/** The months a set of dates falls in, for lock checks. */
export const monthsOf = (dates: readonly string[]): string[] => [...new Set(dates.map(monthOf))].sort();

export { monthLabel };

/** The seven dates of the ISO week that starts on the Monday of `date`. */
export function weekDates(date: string): string[] {
  const monday: Day = mondayOf(toDay(date));
  return Array.from({ length: 7 }, (_, i) => fromDay(monday + i));
}

export const isWeekendDate = (date: string): boolean => isWeekend(toDay(date));

export type GridEntry = {
  id: string;
  engagementId: string;
  activity: Activity;
  /** The model the hours are on; absent or null: none. */
  modelId?: string | null;
  date: string;
  minutes: number;
  note: string;
  /** Absent or true: billed. */
  billable?: boolean;
  nonBillableReason?: string;
};
/** `nonBillableReason` is there only when hours of the cell are not billed (a hand-over, or marked by finance). */
export type GridCell = { minutes: number; entryIds: string[]; note: string; nonBillableReason?: string };
/** A timesheet row: (engagement, activity, model or none). */
export type GridRow = {
  engagementId: string;
  activity: Activity;
  modelId: string | null;
  cells: Record<string, GridCell>;
  totalMinutes: number;
};

/** The key of a timesheet row, and of a cell with its date: entries with the same key add up in one cell. */
export const entryRowKey = (e: { engagementId: string; activity: Activity; modelId?: string | null }): string =>
  `${e.engagementId}|${e.activity}|${e.modelId ?? ''}`;
export type WeekGrid = { dates: string[]; rows: GridRow[]; dayTotals: Record<string, number>; totalMinutes: number };

/**
 * A specialist's week as the grid shows it: one row per engagement ×
 * activity × model (or none), one cell per day holding the sum of that cell's entries, with
 * daily and weekly totals. Rows follow the order of `engagementOrder`, then
 * the activity list, the row without a model before those of models (by `modelOrder`).
 */
export function weekGrid(
  dates: readonly string[],
  entries: readonly GridEntry[],
  engagementOrder: readonly string[],
  modelOrder: readonly string[] = [],
): WeekGrid {
  const rows = new Map<string, GridRow>();
  const dayTotals: Record<string, number> = Object.fromEntries(dates.map((d) => [d, 0]));
  let totalMinutes = 0;
  for (const e of entries) {
    const key = entryRowKey(e);
    let row = rows.get(key);
    if (!row) {
      row = { engagementId: e.engagementId, activity: e.activity, modelId: e.modelId ?? null, cells: {}, totalMinutes: 0 };
      rows.set(key, row);
    }
    const cell = row.cells[e.date] ?? { minutes: 0, entryIds: [], note: '' };
    row.cells[e.date] = cell;
    cell.minutes += e.minutes;
    cell.entryIds.push(e.id);
    if (e.note) cell.note = cell.note ? `${cell.note}; ${e.note}` : e.note;
    if (e.billable === false) cell.nonBillableReason = e.nonBillableReason ?? '';
    row.totalMinutes += e.minutes;
    dayTotals[e.date] = (dayTotals[e.date] ?? 0) + e.minutes;
    totalMinutes += e.minutes;
  }
  const rank = (id: string) => {
    const i = engagementOrder.indexOf(id);
    return i === -1 ? engagementOrder.length : i;
  };
  const modelRank = (id: string | null) => {
    if (id === null) return -1;
    const i = modelOrder.indexOf(id);
    return i === -1 ? modelOrder.length : i;
  };
  const sorted = [...rows.values()].sort(
    (a, b) =>
      rank(a.engagementId) - rank(b.engagementId) ||
      a.engagementId.localeCompare(b.engagementId) ||
      ACTIVITIES.indexOf(a.activity) - ACTIVITIES.indexOf(b.activity) ||
      modelRank(a.modelId) - modelRank(b.modelId) ||
      (a.modelId ?? '').localeCompare(b.modelId ?? ''),
  );
  return { dates: [...dates], rows: sorted, dayTotals, totalMinutes };
}
