import { SPECIALIST_ROLES, type SpecialistRole } from '@shared/clients/rules/reference';
import { SOURCING_REGIONS } from '@shared/clients/rules/sourcingRegion';
import { command, query } from '@shared/kernel/define';
import { id, isoDate } from '@shared/kernel/fields';
import { z } from 'zod';
import { ALLOCATION_STATUSES, type PlanFlag } from '../rules/allocations';
import type { CapacityBreakdown } from '../rules/capacity';
import type { BenchEntry, ForecastRow, Period, PlanAllocation, RollOff, TimelineRow } from '../rules/plan';
import type { FillClock } from '../rules/staffing';

/** An open staffing request drawn as a placeholder on the timeline. */
export type PlanPlaceholder = {
  id: string;
  title: string;
  role: SpecialistRole;
  engagementId: string;
  engagementName: string;
  clientId: string;
  clientName: string;
  startDate: string;
  /** The engagement's end, or null when open-ended. */
  endDate: string | null;
  loadPercent: number;
  clock: FillClock;
};

/**
 * The plan as computed, every allocation with its client and engagement named: what the
 * workbook export writes. The screen gets the compact `Timeline` below.
 */
export type TimelineView = {
  today: string;
  periods: Period[];
  rows: TimelineRow[];
  placeholders: PlanPlaceholder[];
  /** Clients appearing in the window, in a stable order (the colour key). */
  clients: { id: string; name: string }[];
};

/** One allocation bar on a person's row; its engagement (and through it the client) is named once in `engagements`. */
export type TimelineBar = Pick<PlanAllocation, 'id' | 'engagementId' | 'startDate' | 'endDate' | 'loadPercent' | 'status'>;
/** Time off on a person's row (the row says whose). */
export type TimelineAbsence = { id: string; kind: string; startDate: string; endDate: string };
/** An overload or hand-over on a person's row: its severity and the sentence the flag's tooltip shows. */
export type TimelineFlag = Pick<PlanFlag, 'severity' | 'message'>;
/** One person's row as the timeline draws it. */
export type TimelineRowItem = Pick<TimelineRow, 'specialistId' | 'fullName' | 'role' | 'capacityMinutes' | 'utilisation'> & {
  allocations: TimelineBar[];
  absences: TimelineAbsence[];
  flags: TimelineFlag[];
};
/** An engagement with a bar in the window: the bars' label and, through its client, their colour. */
export type TimelineEngagement = { id: string; name: string; clientId: string };

/**
 * What the timeline screen draws, and only that: rows carry ids, dates, loads and the
 * per-period figures; names of engagements and clients come once each.
 */
export type Timeline = Omit<TimelineView, 'rows'> & { rows: TimelineRowItem[]; engagements: TimelineEngagement[] };

export type RollOffRadar = { today: string; weeks: number; rollOffs: RollOff[]; bench: BenchEntry[] };
export type CapacityForecast = { today: string; months: Period[]; rows: ForecastRow[] };
export type SpecialistCapacity = { specialistId: string; dailyMinutes: number; periods: (Period & CapacityBreakdown)[] };
export type PlanExport = { fileName: string; base64: string; bytes: number };
export type { BenchEntry, ForecastRow, Period, PlanAllocation, RollOff, TimelineRow };

export const planFilter = {
  clientId: id.optional(),
  engagementId: id.optional(),
  role: z.enum(SPECIALIST_ROLES).optional(),
  sourcingRegion: z.enum(SOURCING_REGIONS).optional(),
  skill: z.string().trim().max(40).optional(),
  status: z.enum(ALLOCATION_STATUSES.filter((s) => s !== 'cancelled') as ['tentative', 'confirmed']).optional(),
};

const scale = z.enum(['week', 'month'], { error: 'must be week or month' });

export const timelineInput = z.strictObject({
  from: isoDate,
  scale: scale.default('week'),
  /** How many weeks or months; two years fit either way. */
  periods: z
    .number({ error: 'must be a number of weeks or months' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(104, 'can show at most 104 periods')
    .default(26),
  ...planFilter,
});

/** The roll-off radar looks this many weeks ahead unless asked otherwise. */
export const DEFAULT_RADAR_WEEKS = 6;

const rollOffWeeks = z
  .number({ error: 'must be a number of weeks' })
  .int('must be whole weeks')
  .min(1, 'must be at least 1 week')
  .max(52, 'must be at most 52 weeks')
  .default(DEFAULT_RADAR_WEEKS);
const forecastMonths = z
  .number({ error: 'must be a number of months' })
  .int('must be whole months')
  .min(1, 'must be at least 1 month')
  .max(24, 'can forecast at most 24 months')
  .default(12);

export const planProcedures = {
  'plan.timeline': query<Timeline>()('People × weeks or months: allocations, absences, open requests and utilisation.', timelineInput),
  'plan.rollOff': query<RollOffRadar>()(
    'Confirmed allocations ending within N weeks with no follow-on, and specialists on the bench.',
    z.strictObject({ weeks: rollOffWeeks }).default({ weeks: DEFAULT_RADAR_WEEKS }),
  ),
  'plan.forecast': query<CapacityForecast>()(
    'FTE demand (confirmed, tentative, open requests) against supply per role, per month.',
    z.strictObject({ from: isoDate.optional(), months: forecastMonths }).default({ months: 12 }),
  ),
  'plan.capacity': query<SpecialistCapacity>()(
    'Capacity of one specialist in hours per week or month: working days × daily hours − holidays − absences.',
    z.strictObject({
      specialistId: id,
      from: isoDate,
      scale: scale.default('month'),
      periods: z
        .number({ error: 'must be a number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(24, 'can show at most 24 periods')
        .default(3),
    }),
  ),
  'plan.export': command<PlanExport>()(
    'The plan as an Excel workbook: timeline, allocations, roll-off radar, bench and capacity forecast.',
    timelineInput.extend({ weeks: rollOffWeeks, months: forecastMonths }),
  ),
};
