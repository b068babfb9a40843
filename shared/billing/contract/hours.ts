import { command, type ListResult, query } from '@shared/kernel/define';
import { id, isoDate, optionalText } from '@shared/kernel/fields';
import { z } from 'zod';
import { ACTIVITIES, type Activity } from '../rules/activities';
import type { WeekGrid } from '../rules/entries';
import type { ModelHours } from '../rules/modelHours';
import type { MonthStatus } from '../rules/monthClose';

export type TimeEntry = {
  id: string;
  specialistId: string;
  engagementId: string;
  date: string;
  /** Integer minutes, 1–1440. */
  minutes: number;
  activity: Activity;
  /** The engagement's model the hours were spent on, or null (a timesheet row is engagement, activity, model or none). */
  modelId: string | null;
  note: string;
  /** False for hours shown but not invoiced (a replacement's hand-over, or marked so by finance). */
  billable: boolean;
  /** Why the hours are not billable; empty when they are. */
  nonBillableReason: string;
  createdAt: string;
  updatedAt: string;
};

export type TimeEntryListItem = TimeEntry & { specialistName: string; engagementName: string; clientName: string };

export const activity = z.enum(ACTIVITIES, { error: `must be one of: ${ACTIVITIES.join(', ')}` });

export const minutes = z
  .number({ error: 'must be a number of minutes' })
  .int('must be whole minutes')
  .min(1, 'must be more than zero minutes')
  .max(1440, 'must be at most 24 hours (1440 minutes)');

/** A model of the engagement that hours can name: its own, from the day it is in service. */
export type BookableModel = { id: string; name: string; inServiceSince: string };

/** An engagement the specialist can book hours on in the week, with its lock state per month. */
export type BookableEngagement = {
  id: string;
  name: string;
  clientName: string;
  startDate: string;
  endDate: string | null;
  /** True when a live allocation of this specialist to it touches the week. */
  allocated: boolean;
  /** Month (YYYY-MM) → status, for the months the week touches. */
  months: Record<string, MonthStatus>;
  /** The engagement's models, by name, and any model the week's hours name (a row may offer one). */
  models: BookableModel[];
};

export type WeekDay = { date: string; weekend: boolean; holiday: string | null; absence: string | null };

export type TimesheetWeek = WeekGrid & {
  /** `startDate`: no hours before it (the grid shows those days as before the person joined). */
  specialist: { id: string; fullName: string; dailyMinutes: number; startDate: string };
  weekStart: string;
  days: WeekDay[];
  engagements: BookableEngagement[];
  dailyThresholdMinutes: number;
  /** True when the week before has entries to copy. */
  previousWeekHasEntries: boolean;
};

export type CellResult = { entry: TimeEntry | null; warnings: string[] };

export const weekInput = z.strictObject({ specialistId: id, weekStart: isoDate });

/** Hours per model per activity and month; `activities` are the columns (those with hours, in the list's order). */
export type ModelHoursReport = { from: string | null; to: string | null; models: ModelHours[]; activities: Activity[] };

export const modelHoursInput = z
  .strictObject({ modelId: id.optional(), engagementId: id.optional(), from: isoDate.optional(), to: isoDate.optional() })
  .superRefine((v, issues) => {
    if (!v.modelId && !v.engagementId)
      issues.addIssue({ code: 'custom', path: ['modelId'], message: 'or an engagement is needed: whose hours to show' });
    if (v.from && v.to && v.from > v.to) issues.addIssue({ code: 'custom', path: ['to'], message: 'is before the first day' });
  });

export const hoursProcedures = {
  'time.week': query<TimesheetWeek>()(
    'A specialist’s week as a grid (engagement × activity rows, day columns) with totals, holidays, absences and month locks.',
    weekInput,
  ),
  'time.setCell': command<CellResult>()(
    'Set the hours of one grid cell (specialist, engagement, activity, model or none, day). Null minutes clears the cell.',
    z.strictObject({
      specialistId: id,
      engagementId: id,
      activity,
      /** One of the engagement's models, or none (the default): part of the row. */
      modelId: id.nullable().default(null),
      date: isoDate,
      minutes: minutes.nullable(),
      note: optionalText(1000).optional(),
    }),
  ),
  'time.copyWeek': command<{ created: number; warnings: string[] }>()(
    'Copy the previous week’s entries into this week’s empty cells: all or nothing.',
    weekInput,
  ),
  'time.setBillable': command<TimeEntry>()(
    'Mark one time entry billable, or not billable with a reason, while its month is open (a replacement’s hand-over starts not billable).',
    z
      .strictObject({ entryId: id, billable: z.boolean({ error: 'must be true or false' }), reason: optionalText(500).default('') })
      .superRefine((v, issues) => {
        if (!v.billable && v.reason.trim() === '')
          issues.addIssue({ code: 'custom', path: ['reason'], message: 'is required when the hours are not billable' });
        if (v.billable && v.reason.trim() !== '')
          issues.addIssue({ code: 'custom', path: ['reason'], message: 'is only given when the hours are not billable' });
      }),
  ),
  'time.byModel': query<ModelHoursReport>()(
    'Hours per model per activity and month: one model’s (its page), or every model of an engagement (the month view), between two days.',
    modelHoursInput,
  ),
  'time.list': query<ListResult<TimeEntryListItem>>()(
    'Time entries by engagement, specialist and dates.',
    z
      .strictObject({ engagementId: id.optional(), specialistId: id.optional(), from: isoDate.optional(), to: isoDate.optional() })
      .default({}),
  ),
};
