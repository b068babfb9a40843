import { day } from '@renderer/components/dates';
import { isOnOrAfterJoining, type Joiner, joinedFieldMessage, joinedHint } from '@shared/clients/rules/joined';
import { isIsoDate } from '@shared/kernel/dates';

/**
 * What a date field that ties a specialist to days shows about their start
 * date: the earliest day as a hint, and the clients rule's message under the
 * field as soon as a day before it is typed (the backend refuses it the same way).
 * Dates in the user's format, like every screen.
 */
export function joinedDateField(
  specialist: Joiner | undefined,
  value: string | null | undefined,
  own: { error?: string | undefined; hint?: string | undefined } = {},
): { error: string | undefined; hint: string | undefined } {
  if (!specialist) return { error: own.error, hint: own.hint };
  const early = typeof value === 'string' && isIsoDate(value) && !isOnOrAfterJoining(specialist, value);
  return {
    error: own.error ?? (early ? joinedFieldMessage(specialist, day) : undefined),
    hint: [own.hint, joinedHint(specialist, day)].filter(Boolean).join(' '),
  };
}
