/**
 * Handing everything one person holds to another from a day, as a plan the service carries out in one
 * transaction: which assignments end, which are removed, which the new person gets, and what was left
 * alone and why.
 */
import { dateLabel } from '@shared/kernel/dates';
import { addDays } from '@shared/kernel/days';
import type { Assignment } from '../contract/matrix';
import { overlaps } from './resolve';
import { periodWords } from './validate';
import { type PersonRef, personKey, ROLE_LABELS, type TargetKind } from './vocabulary';

/** The names sentences use; the backend answers them from what it loaded. */
export type MatrixNames = {
  target: (kind: TargetKind, id: string) => string;
  /** Custom duty keys repeat across engagements, so a duty is named within its engagement. */
  duty: (engagementId: string, dutyKey: string) => string;
  person: (key: string) => string;
};

/** A new assignment before the service gives it an id and a creation instant. */
export type NewAssignment = Omit<Assignment, 'id' | 'createdAt'>;

export type HandoverPlan = {
  /** Assignments that started before the handover day end the day before it. */
  end: { id: string; toDate: string }[];
  /** Assignments that start on or after the handover day move to the new person whole. */
  remove: string[];
  create: NewAssignment[];
  /** What was left as it is, as sentences. */
  skipped: string[];
};

const NOTE_LIMIT = 500;

/**
 * The plan to hand `held` (the from-person's assignments on the chosen scope) to `to` from `fromDate`.
 * An assignment that ended before that day stays as it is. One that started before it ends on the day
 * before, and the new person gets the rest (from `fromDate` to its old end). One that starts on or
 * after it is removed and the new person gets the same dates. When the new person already holds that
 * role on that target-duty for part of those dates, nothing changes for it and a sentence says so.
 */
export function handoverPlan(
  held: readonly Assignment[],
  to: PersonRef,
  fromDate: string,
  existingOfTo: readonly Assignment[],
  names: MatrixNames,
): HandoverPlan {
  const plan: HandoverPlan = { end: [], remove: [], create: [], skipped: [] };
  const toKey = personKey(to);
  const toName = names.person(toKey);
  for (const a of held) {
    if (a.toDate !== null && a.toDate < fromDate) continue;
    const fromKey = personKey({ kind: a.personKind, id: a.personId });
    const fromName = names.person(fromKey);
    const label = `${names.duty(a.engagementId, a.dutyKey)} of ${names.target(a.targetKind, a.targetId)}`;
    if (fromKey === toKey) {
      plan.skipped.push(`${toName} already holds ${ROLE_LABELS[a.role]} for ${label}; a handover needs someone else.`);
      continue;
    }
    const copy = { fromDate: a.fromDate < fromDate ? fromDate : a.fromDate, toDate: a.toDate };
    const clash = existingOfTo.find((b) => b.targetId === a.targetId && b.dutyKey === a.dutyKey && b.role === a.role && overlaps(b, copy));
    if (clash) {
      plan.skipped.push(
        `${toName} is already ${ROLE_LABELS[a.role]} for ${label} ${periodWords(clash)}; ` +
          `${fromName}’s assignment ${periodWords(a)} was left as it is.`,
      );
      continue;
    }
    if (a.fromDate < fromDate) plan.end.push({ id: a.id, toDate: addDays(fromDate, -1) });
    else plan.remove.push(a.id);
    const handed = `Handed over from ${fromName} on ${dateLabel(copy.fromDate)}.`;
    plan.create.push({
      engagementId: a.engagementId,
      targetKind: a.targetKind,
      targetId: a.targetId,
      dutyKey: a.dutyKey,
      role: a.role,
      personKind: to.kind,
      personId: to.id,
      fromDate: copy.fromDate,
      toDate: copy.toDate,
      note: (a.note === '' ? handed : `${a.note} ${handed}`).slice(0, NOTE_LIMIT),
    });
  }
  return plan;
}
