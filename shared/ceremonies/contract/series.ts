import { command, query } from '@shared/kernel/define';
import { byId, expectedUpdatedAt, httpsLink, id, isoDate, optionalText, requiredText, timeZone } from '@shared/kernel/fields';
import { z } from 'zod';
import type { ScheduleException } from '../rules/recurrence';
import {
  CEREMONY_TYPES,
  type CeremonyType,
  MAX_DURATION_MINUTES,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  PERSON_KINDS,
  type PersonKind,
} from '../rules/vocabulary';

/** Someone in a ceremony: one of the team or one of the client's people. */
export type Person = { kind: PersonKind; id: string; name: string };
export type Participant = Person & { role: ParticipantRole };

/** A ceremony series (or a one-off) with who takes part, the models it is about and its changed occurrences. */
export type CeremonySeries = {
  id: string;
  engagementId: string;
  engagementName: string;
  clientId: string;
  clientName: string;
  type: CeremonyType;
  title: string;
  /** The zone it is planned in (the client's, when created). */
  timeZone: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  /** RFC 5545 RRULE value; null for a one-off. */
  rrule: string | null;
  /** The rule in words ("every 2 weeks on Thursday"). */
  ruleText: string;
  location: string;
  meetingUrl: string;
  agenda: string;
  uid: string;
  /** The iCalendar SEQUENCE: how many times the series (or one of its occurrences) was changed. */
  sequence: number;
  splitFrom: string | null;
  participants: Participant[];
  models: { id: string; name: string }[];
  exceptions: (ScheduleException & { reason: string })[];
  /** The next occurrence from now that is not cancelled, if any. */
  nextStartsAt: string | null;
  /** Outcomes recorded on it (a series with some keeps its schedule; change it "this and following"). */
  recorded: number;
  createdAt: string;
  updatedAt: string;
};

export type CeremonyOptions = {
  timeZone: string;
  people: Person[];
  models: { id: string; name: string }[];
};

/** HH:MM, 24-hour. */
export const localTime = z
  .string({ error: 'must be a time such as 09:30' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:30');
export const durationMinutes = z
  .number({ error: 'must be a whole number of minutes' })
  .int('must be a whole number of minutes')
  .min(1, 'must be more than zero minutes')
  .max(MAX_DURATION_MINUTES, 'must be at most 24 hours');
/** An RRULE value (FREQ=…), or null for a one-off; the library decides what it may say. */
export const rrule = requiredText(500).nullable();
/** An occurrence's key: its original local start, YYYY-MM-DDTHH:MM. */
export const occurrenceKey = z
  .string({ error: 'must name an occurrence (its original start, YYYY-MM-DDTHH:MM)' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must name an occurrence (its original start, YYYY-MM-DDTHH:MM)');
export const personChoice = z.strictObject({ kind: z.enum(PERSON_KINDS, { error: 'must be specialist or contact' }), id });

const participants = z
  .array(personChoice.extend({ role: z.enum(PARTICIPANT_ROLES, { error: 'must be accountable or attendee' }) }), {
    error: 'must be a list of people',
  })
  .max(60, 'may name at most 60 people')
  .refine((list) => new Set(list.map((p) => `${p.kind}:${p.id}`)).size === list.length, 'names someone twice');
const modelIds = z
  .array(id, { error: 'must be a list of models' })
  .max(100, 'may name at most 100 models')
  .refine((list) => new Set(list).size === list.length, 'names a model twice');

/** What a series says besides its schedule (changed in place, never touching recorded occurrences). */
const detailsShape = {
  type: z.enum(CEREMONY_TYPES, { error: 'must be one of the ceremony types Keel knows' }),
  title: requiredText(200),
  participants: participants.default([]),
  modelIds: modelIds.default([]),
  location: optionalText(300).default(''),
  meetingUrl: httpsLink.default(''),
  agenda: optionalText(4000).default(''),
};
const scheduleShape = {
  startDate: isoDate,
  startTime: localTime,
  durationMinutes,
  rrule,
};

export const seriesInput = z.strictObject({
  engagementId: id,
  /** Empty = the client's zone. */
  timeZone: timeZone.default(''),
  ...detailsShape,
  ...scheduleShape,
});
export type SeriesInput = z.input<typeof seriesInput>;

export const seriesProcedures = {
  'ceremonies.list': query<CeremonySeries[]>()(
    'The ceremony series of a client or an engagement (all when neither is given), with their rules in words and next occurrence.',
    z.strictObject({ clientId: id.optional(), engagementId: id.optional() }),
  ),
  'ceremonies.get': query<CeremonySeries>()('One ceremony series with its people, models and changed occurrences.', byId),
  'ceremonies.options': query<CeremonyOptions>()(
    'Who may take part in an engagement’s ceremonies (its specialists and the client’s contacts), its models and the client’s zone.',
    z.strictObject({ engagementId: id }),
  ),
  'ceremonies.create': command<CeremonySeries>()(
    'Plan a ceremony: a one-off (rrule null) or a series by RFC 5545 RRULE, from a local date and time in the client’s zone.',
    seriesInput,
  ),
  'ceremonies.update': command<CeremonySeries>()(
    'Change a series. Title, people, models, place and agenda change in place; its schedule changes in place only while nothing is recorded on it (otherwise change it "this and following").',
    z.strictObject({ id, expectedUpdatedAt, ...detailsShape, ...scheduleShape }),
  ),
  'ceremonies.split': command<CeremonySeries>()(
    '"This and following": end the series just before an occurrence and continue from it with a new schedule; what came before is untouched.',
    z.strictObject({ id, occurrenceKey, expectedUpdatedAt, ...scheduleShape }),
  ),
  'ceremonies.end': command<CeremonySeries>()(
    'End a series after its occurrences on a last day.',
    z.strictObject({ id, lastDate: isoDate, expectedUpdatedAt }),
  ),
  'ceremonies.remove': command<{ id: string }>()(
    'Remove a series on which nothing was recorded (one with history is ended instead).',
    byId,
  ),
};
