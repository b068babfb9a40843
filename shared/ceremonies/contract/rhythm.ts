import { command, query } from '@shared/kernel/define';
import { byId, id, isoDate, requiredText } from '@shared/kernel/fields';
import type { ExportedFile } from '@shared/kernel/printDocument';
import { z } from 'zod';
import type { RhythmHealth } from '../rules/rhythm';
import { type CeremonyType, MAX_MISSED_AFTER_DAYS } from '../rules/vocabulary';
import type { ActionItem } from './occurrences';
import type { CeremonySeries } from './series';

/** An occurrence that was not held within the grace days (or was recorded not held): the rhythm breaking. */
export type MissedFinding = {
  seriesId: string;
  key: string;
  title: string;
  type: CeremonyType;
  engagementId: string;
  engagementName: string;
  startsAt: string;
  /** When it became missed. */
  since: string;
  reason: 'not_recorded' | 'not_held';
  models: { id: string; name: string }[];
};

/** A deployment window planned inside a freeze, or a deployment made inside one. */
export type FreezeConflict = {
  kind: 'window' | 'deployment';
  engagementId: string;
  freezeId: string;
  freezeReason: string;
  date: string;
  what: string;
  seriesId: string | null;
  key: string | null;
  modelId: string | null;
};

export type FreezePeriod = {
  id: string;
  engagementId: string;
  engagementName: string;
  startsOn: string;
  endsOn: string;
  reason: string;
  createdAt: string;
  updatedAt: string;
};

export type EngagementRhythm = {
  engagementId: string;
  engagementName: string;
  clientId: string;
  clientName: string;
  health: RhythmHealth;
  missed: MissedFinding[];
  conflicts: FreezeConflict[];
  overdueActions: number;
  openActions: number;
};

/** What the ceremonies area knows of one model: the series about it, missed occurrences, decisions, action items. */
export type ModelCeremonies = {
  series: CeremonySeries[];
  missed: MissedFinding[];
  decisions: { id: string; text: string; seriesId: string; seriesTitle: string; key: string; startsAt: string }[];
  actions: ActionItem[];
};

export type CeremonySettings = { missedAfterDays: number };

export type IcsImportResult = {
  created: number;
  updated: number;
  series: { id: string; title: string; uid: string; action: 'created' | 'updated' }[];
};

export const rhythmProcedures = {
  'ceremonies.health': query<EngagementRhythm[]>()(
    'Rhythm health per engagement: held ÷ planned over the last 90 days, per type, with the trend; missed occurrences; freeze conflicts; action items.',
    z.strictObject({ clientId: id.optional() }),
  ),
  'ceremonies.forModel': query<ModelCeremonies>()(
    'The ceremonies about one model: series, missed occurrences, decisions and action items.',
    z.strictObject({ modelId: id }),
  ),
  'freezes.list': query<FreezePeriod[]>()('Change freezes of an engagement, or of all.', z.strictObject({ engagementId: id.optional() })),
  'freezes.create': command<FreezePeriod>()(
    'Declare a change freeze on an engagement (deployment windows and deployments inside it are flagged).',
    z
      .strictObject({ engagementId: id, startsOn: isoDate, endsOn: isoDate, reason: requiredText(300) })
      .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'must not be before the first day' }),
  ),
  'freezes.remove': command<{ id: string }>()('Remove a change freeze.', byId),
  'ceremonies.exportIcs': command<ExportedFile>()(
    'An iCalendar (.ics) file of one series or of an engagement’s ceremonies: VTIMEZONE, RRULE, EXDATE, moved occurrences, stable UIDs.',
    z
      .strictObject({ seriesId: id.optional(), engagementId: id.optional() })
      .refine((v) => (v.seriesId === undefined) !== (v.engagementId === undefined), {
        path: ['seriesId'],
        message: 'must be given: a series or an engagement (one of them)',
      }),
  ),
  'ceremonies.importIcs': command<IcsImportResult>()(
    'Import the events of an iCalendar (.ics) file into an engagement as series (an event imported before, by its UID, is updated).',
    z.strictObject({
      engagementId: id,
      fileName: requiredText(255),
      base64: z.base64({ error: 'must be the file’s content in base64' }).max(7_000_000, 'the file is too large (5 MB at most)'),
    }),
  ),
  'ceremonies.export': command<ExportedFile>()(
    'A workbook of a client’s occurrences between two days with their outcomes and decisions, and its action items.',
    z
      .strictObject({ clientId: id, from: isoDate, to: isoDate })
      .refine((v) => v.to >= v.from, { path: ['to'], message: 'must not be before the first day' })
      .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 3 * 366 * 86_400_000, {
        path: ['to'],
        message: 'must be at most three years after the first day',
      }),
  ),
  'ceremonies.settings': query<CeremonySettings>()(
    'How many days after an occurrence an unrecorded one counts as missed.',
    z.strictObject({}),
  ),
  'ceremonies.updateSettings': command<CeremonySettings>()(
    'Change how many days after an occurrence an unrecorded one counts as missed.',
    z.strictObject({
      missedAfterDays: z
        .number({ error: 'must be a whole number of days' })
        .int('must be a whole number of days')
        .min(0, 'must be 0 days or more')
        .max(MAX_MISSED_AFTER_DAYS, `must be at most ${MAX_MISSED_AFTER_DAYS} days`),
    }),
  ),
};
