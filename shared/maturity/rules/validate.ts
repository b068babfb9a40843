import { dateLabel } from '@shared/kernel/dates';

/** The refusals of the assessment rules, as sentences a client lead can act on (null: nothing to refuse). */

/** An assessment records what was seen on a day that has happened. */
export function futureDateProblem(assessedOn: string, today: string): string | null {
  return assessedOn > today ? `cannot be in the future (today is ${dateLabel(today)})` : null;
}

/** Answers may only name criteria of the assessment's own framework version. */
export function unknownCriteria(criterionIds: readonly string[], known: ReadonlySet<string>): string[] {
  return [...new Set(criterionIds.filter((id) => !known.has(id)))];
}

export function unknownCriteriaSentence(unknown: readonly string[], frameworkRef: string): string {
  const list = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
  return `The answers name ${unknown.length === 1 ? 'a criterion' : 'criteria'} that ${unknown.length === 1 ? 'is' : 'are'} not in this assessment’s framework version (${frameworkRef}): ${list}. Nothing was saved.`;
}

/** A final assessment is immutable: a correction is a new assessment that cites it. */
export function finalRefusal(assessedOn: string): string {
  return `The assessment of ${dateLabel(assessedOn)} is final and cannot change. To correct it, start a new assessment that cites it.`;
}
