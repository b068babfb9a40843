import { command, type ListResult, query } from '@shared/kernel/define';
import { id, isoDate, optionalText } from '@shared/kernel/fields';
import { z } from 'zod';
import { ACTIVITIES, type Activity } from '../rules/activities';
import type { WeekGrid } from '../rules/entries';
import type { MonthStatus } from '../rules/monthClose';

export type TimeEntry = {
  id: string;
  specialistId: string;
  engagementId: string;
  date: string;
  /** Integer minutes, 1–1440. */
  minutes: number;
  activity: Activity;
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

export const hoursProcedures = {
  'time.week': query<TimesheetWeek>()(
    'A specialist’s week as a grid (engagement × activity rows, day columns) with totals, holidays, absences and month locks.',
    weekInput,
  ),
  'time.setCell': command<CellResult>()(
    'Set the hours of one grid cell (specialist, engagement, activity, day). Null minutes clears the cell.',
    z.strictObject({
      specialistId: id,
      engagementId: id,
      activity,
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
  'time.list': query<ListResult<TimeEntryListItem>>()(
    'Time entries by engagement, specialist and dates.',
    z
      .strictObject({ engagementId: id.optional(), specialistId: id.optional(), from: isoDate.optional(), to: isoDate.optional() })
      .default({}),
  ),
};
