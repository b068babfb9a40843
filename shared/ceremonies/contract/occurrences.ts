import { command, query } from '@shared/kernel/define';
import { expectedUpdatedAt, id, isoDate, optionalText, requiredText } from '@shared/kernel/fields';
import { z } from 'zod';
import type { AvailabilityFlag } from '../rules/rhythm';
import {
  ACTION_STATUSES,
  type ActionStatus,
  type CeremonyType,
  type OccurrenceState,
  OUTCOME_STATUSES,
  type OutcomeStatus,
} from '../rules/vocabulary';
import { type CeremonySeries, durationMinutes, localTime, occurrenceKey, type Person, personChoice } from './series';

/** Why an occurrence needs a look before it happens (or breaks a freeze). */
export type OccurrenceFlag = AvailabilityFlag | { kind: 'freeze'; reason: string; startsOn: string; endsOn: string };

/** One occurrence as the calendar shows it. */
export type CalendarOccurrence = {
  seriesId: string;
  key: string;
  title: string;
  type: CeremonyType;
  engagementId: string;
  engagementName: string;
  clientName: string;
  timeZone: string;
  /** Local date and time in the series' zone. */
  date: string;
  time: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  moved: boolean;
  cancelled: boolean;
  state: OccurrenceState;
  flags: OccurrenceFlag[];
  /** Open action items on its agenda (carried forward from earlier occurrences). */
  carried: number;
};

export type ActionItem = {
  id: string;
  seriesId: string;
  seriesTitle: string;
  engagementId: string;
  engagementName: string;
  clientName: string;
  occurrenceKey: string;
  raisedAt: string;
  title: string;
  owner: Person;
  dueDate: string;
  status: ActionStatus;
  modelId: string | null;
  modelName: string | null;
  closedAt: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
};

export type Decision = { id: string; text: string; modelId: string | null; modelName: string | null };

export type Outcome = {
  status: OutcomeStatus;
  notes: string;
  attendance: (Person & { present: boolean })[];
  decisions: Decision[];
  recordedAt: string;
  updatedAt: string;
};

/** The occurrence drawer: the occurrence, its series, what was recorded, the agenda with carried action items. */
export type OccurrenceDetail = CalendarOccurrence & {
  series: CeremonySeries;
  /** Why it was cancelled or moved. */
  reason: string;
  outcome: Outcome | null;
  /** Open action items raised earlier in the series (on the agenda). */
  carriedItems: ActionItem[];
  /** Action items raised at this occurrence. */
  raisedItems: ActionItem[];
};

const occurrenceRef = { seriesId: id, key: occurrenceKey };

export const actionInput = z.strictObject({
  seriesId: id,
  occurrenceKey,
  title: requiredText(300),
  owner: personChoice.nullable().refine((v) => v !== null, 'needs an owner: who will do it'),
  dueDate: isoDate,
  modelId: id.nullable().default(null),
});

export const occurrenceProcedures = {
  'ceremonies.calendar': query<CalendarOccurrence[]>()(
    'The occurrences between two days (at most 93), of a client or an engagement or all, with their state and what stands in their way.',
    z
      .strictObject({ from: isoDate, to: isoDate, clientId: id.optional(), engagementId: id.optional() })
      .refine((v) => v.to >= v.from, { path: ['to'], message: 'must not be before the first day' })
      .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 93 * 86_400_000, {
        path: ['to'],
        message: 'must be at most 93 days after the first day',
      }),
  ),
  'ceremonies.occurrence': query<OccurrenceDetail>()(
    'One occurrence with its outcome, decisions and agenda (carried action items).',
    z.strictObject(occurrenceRef),
  ),
  'ceremonies.cancelOccurrence': command<OccurrenceDetail>()(
    'Cancel one occurrence (EXDATE); the rest of the series stays.',
    z.strictObject({ ...occurrenceRef, reason: optionalText(300).default('') }),
  ),
  'ceremonies.moveOccurrence': command<OccurrenceDetail>()(
    'Move one occurrence to its own date and time (RECURRENCE-ID); the rest of the series stays.',
    z.strictObject({
      ...occurrenceRef,
      date: isoDate,
      time: localTime,
      durationMinutes: durationMinutes.optional(),
      reason: optionalText(300).default(''),
    }),
  ),
  'ceremonies.restoreOccurrence': command<OccurrenceDetail>()(
    'Undo a cancellation or a move: the occurrence is back where the series puts it.',
    z.strictObject(occurrenceRef),
  ),
  'ceremonies.record': command<OccurrenceDetail>()(
    'Record what happened at an occurrence: held or not, who attended, notes and decisions (recording again replaces the record).',
    z.strictObject({
      ...occurrenceRef,
      status: z.enum(OUTCOME_STATUSES, { error: 'must be held or not held' }),
      notes: optionalText(8000).default(''),
      attendance: z
        .array(personChoice.extend({ present: z.boolean({ error: 'must be true or false' }) }))
        .max(60)
        .default([]),
      decisions: z
        .array(z.strictObject({ text: requiredText(1000), modelId: id.nullable().default(null) }), { error: 'must be a list of decisions' })
        .max(50, 'may hold at most 50 decisions')
        .default([]),
      expectedUpdatedAt,
    }),
  ),
  'actions.list': query<ActionItem[]>()(
    'Action items by owner, overdue first: open ones (or all), of a client or an engagement or all.',
    z.strictObject({
      clientId: id.optional(),
      engagementId: id.optional(),
      modelId: id.optional(),
      include: z.enum(['open', 'all']).default('open'),
    }),
  ),
  'actions.create': command<ActionItem>()(
    'Raise an action item at an occurrence: what, who owns it, by when, the model it concerns.',
    actionInput,
  ),
  'actions.update': command<ActionItem>()(
    'Change an action item: what, owner, due date, status (done or dropped closes it), model.',
    z.strictObject({
      id,
      expectedUpdatedAt,
      title: requiredText(300),
      owner: personChoice.nullable().refine((v) => v !== null, 'needs an owner: who will do it'),
      dueDate: isoDate,
      status: z.enum(ACTION_STATUSES, { error: 'must be open, done or dropped' }),
      modelId: id.nullable().default(null),
    }),
  ),
};
