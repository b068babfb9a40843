import { dateLabel } from '@shared/kernel/dates';

/**
 * "After the person joined": a specialist's start date bounds every record that
 * ties them to days. Nobody is allocated, off, handed an engagement or billed
 * for a day before they joined. Plan, continuity and billing call these rules
 * for their own records; clients calls them when a start date moves later.
 */

/** The part of a specialist the rule needs. */
export type Joiner = { fullName: string; startDate: string };

/** The kinds of record that tie a specialist to days, in the words a refusal uses. */
export const JOINED_RECORDS = {
  allocation: 'an allocation cannot start before that',
  absence: 'time off cannot start before that',
  replacement: 'they cannot take over before that',
  hours: 'no hours can be recorded before that',
} as const;
export type JoinedRecord = keyof typeof JOINED_RECORDS;

/** True when a `YYYY-MM-DD` day lies on or after the specialist's start date. */
export function isOnOrAfterJoining(specialist: Pick<Joiner, 'startDate'>, day: string): boolean {
  return day >= specialist.startDate;
}

/** True when a period lies wholly on or after the start date (its first day decides). */
export function periodAfterJoining(specialist: Pick<Joiner, 'startDate'>, period: { startDate: string }): boolean {
  return isOnOrAfterJoining(specialist, period.startDate);
}

/**
 * "Ana Silva joins on 3 Feb 2027; an allocation cannot start before that." — or null when the day is fine.
 * The renderer passes its own day format (the user's locale); the backend's messages use `dateLabel`.
 */
export function joinedRefusal(
  specialist: Joiner,
  day: string,
  record: JoinedRecord,
  formatDay: (day: string) => string = dateLabel,
): string | null {
  if (isOnOrAfterJoining(specialist, day)) return null;
  return `${specialist.fullName} joins on ${formatDay(specialist.startDate)}; ${JOINED_RECORDS[record]}.`;
}

/**
 * The message a form shows under the date field, read after its label ("Start date must be …").
 * The renderer passes its own day format (the user's locale); messages from the backend use `dateLabel`.
 */
export function joinedFieldMessage(specialist: Joiner, formatDay: (day: string) => string = dateLabel): string {
  return `must be on or after ${formatDay(specialist.startDate)}, when ${specialist.fullName} joins`;
}

/** A form's hint beside the date field: the earliest day it takes. */
export function joinedHint(specialist: Joiner, formatDay: (day: string) => string = dateLabel): string {
  return `${specialist.fullName} joins on ${formatDay(specialist.startDate)}, the earliest day.`;
}

/** A record in the way of a later start date, as another area describes it ("allocation to Claims from 5 Jan 2026"). */
export type RecordBeforeStart = { area: string; label: string };

const LISTED = 5;

/**
 * Moving a start date later must not leave records before it: the change is
 * refused, naming what is in the way. Null when nothing is, or when the date
 * does not move later.
 */
export function startMoveRefusal(specialist: Joiner, newStartDate: string, inTheWay: readonly RecordBeforeStart[]): string | null {
  if (newStartDate <= specialist.startDate || inTheWay.length === 0) return null;
  const listed = inTheWay.slice(0, LISTED).map((r) => r.label);
  const more = inTheWay.length > LISTED ? ` and ${inTheWay.length - LISTED} more` : '';
  return (
    `${specialist.fullName}’s start date cannot move to ${dateLabel(newStartDate)}: ` +
    `${listed.join('; ')}${more} would lie before it. Move or remove ${inTheWay.length === 1 ? 'it' : 'them'} first, or keep an earlier start date.`
  );
}
