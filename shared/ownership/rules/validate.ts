/**
 * Whether an assignment may be saved, as the sentence a manager reads when not, plus warnings that
 * are saved and shown. The service loads what this needs and calls it before writing anything.
 */
import { dateLabel } from '@shared/kernel/dates';
import { addDays } from '@shared/kernel/days';
import type { Duty, NotApplicable } from '../contract/duties';
import type { Assignment, MatrixPerson } from '../contract/matrix';
import { type Dated, isApplicable, overlaps } from './resolve';
import { ASSET_TYPE_LABELS, ROLE_LABELS, type Role, type RowType, type TargetKind } from './vocabulary';

/**
 * Where the person stands on the engagement over the assignment's dates: a specialist allocated on
 * every day of it, allocated but not on every day, never allocated; a contact of the engagement's
 * client, or of another client.
 */
export type Membership = 'allocated' | 'not_then' | 'never' | 'contact_of_client' | 'contact_of_other_client';

export type AssignmentCheckInput = {
  target: { kind: TargetKind; id: string; name: string; type: RowType; inServiceFrom: string; inServiceTo: string | null };
  /** The duty named, or null when the engagement has no such duty. */
  duty: Duty | null;
  notApplicable: readonly NotApplicable[];
  role: Role;
  person: MatrixPerson;
  fromDate: string;
  toDate: string | null;
  /** Every assignment already on the same target and duty (any role, any date). */
  existing: readonly Assignment[];
  /** Names of the people in `existing`, by person key. */
  people: ReadonlyMap<string, MatrixPerson>;
  membership: Membership;
  engagementName: string;
};

export type AssignmentRefusal = { message: string; path: 'toDate' | 'fromDate' | 'dutyKey' | 'role' | 'person' };
export type AssignmentCheck = { refusal: AssignmentRefusal | null; warnings: string[] };

/** "from 3 Mar 2026 to 18 Dec 2026" or "from 3 Mar 2026 with no end date". */
export function periodWords(p: Dated): string {
  return p.toDate === null ? `from ${dateLabel(p.fromDate)} with no end date` : `from ${dateLabel(p.fromDate)} to ${dateLabel(p.toDate)}`;
}

const refuse = (path: AssignmentRefusal['path'], message: string): AssignmentCheck => ({ refusal: { path, message }, warnings: [] });

function secondAccountable(input: AssignmentCheckInput, holder: Assignment, label: string): string {
  const name = input.people.get(`${holder.personKind}:${holder.personId}`)?.name ?? 'Someone no longer on file';
  const start = `A duty has one Accountable at a time: ${name} is Accountable for ${label} ${periodWords(holder)}.`;
  if (holder.fromDate < input.fromDate) {
    return `${start} End that assignment on ${dateLabel(addDays(input.fromDate, -1))}, or hand the duty over to ${input.person.name} from ${dateLabel(input.fromDate)}.`;
  }
  if (holder.fromDate > input.fromDate) {
    return `${start} Let this one end on ${dateLabel(addDays(holder.fromDate, -1))}, or hand the duty over instead.`;
  }
  return `${start} Remove that assignment if it was recorded by mistake, or hand the duty over instead.`;
}

/**
 * The first reason an assignment cannot be saved (with the field it is about), or null, and the
 * warnings to show when it is saved. Refused: an end before the start; dates outside the row's
 * in-service period; an unknown duty, one retired on or before the start, or one that does not apply
 * to the asset's type; a second Accountable overlapping in time; the same person already in the same
 * role overlapping; a specialist never allocated on the engagement, or a contact of another client.
 * Warned: a specialist not allocated on every day of it, an archived person.
 */
export function assignmentCheck(input: AssignmentCheckInput): AssignmentCheck {
  const { target, duty, role, person, fromDate, toDate } = input;
  const period: Dated = { fromDate, toDate };
  if (toDate !== null && toDate < fromDate) {
    return refuse('toDate', `The assignment cannot end (${dateLabel(toDate)}) before it starts (${dateLabel(fromDate)}).`);
  }
  const inService = `${target.name} is in service ${periodWords({ fromDate: target.inServiceFrom, toDate: target.inServiceTo })}`;
  if (fromDate < target.inServiceFrom || (target.inServiceTo !== null && fromDate > target.inServiceTo)) {
    return refuse('fromDate', `${inService}; the assignment cannot start on ${dateLabel(fromDate)}.`);
  }
  if (target.inServiceTo !== null && (toDate === null || toDate > target.inServiceTo)) {
    return refuse('toDate', `${inService}; the assignment must end by ${dateLabel(target.inServiceTo)}.`);
  }
  if (duty === null) return refuse('dutyKey', `That duty is not one of the duties of ${input.engagementName}.`);
  if (duty.retiredOn !== null && duty.retiredOn <= fromDate) {
    return refuse(
      'dutyKey',
      `${duty.name} was retired on ${dateLabel(duty.retiredOn)}; nobody can be assigned to it from ${dateLabel(fromDate)}.`,
    );
  }
  if (target.type !== 'model' && !isApplicable(input.notApplicable, target, duty.key)) {
    const type = ASSET_TYPE_LABELS[target.type];
    return refuse('dutyKey', `On ${input.engagementName}, ${duty.name} does not apply to ${type} assets such as ${target.name}.`);
  }
  const label = `${duty.name} of ${target.name}`;
  const overlapping = input.existing.filter((a) => overlaps(a, period));
  const other = overlapping.find((a) => a.role === 'accountable' && `${a.personKind}:${a.personId}` !== person.key);
  if (role === 'accountable' && other) return refuse('role', secondAccountable(input, other, label));
  const same = overlapping.find((a) => a.role === role && `${a.personKind}:${a.personId}` === person.key);
  if (same) return refuse('person', `${person.name} is already ${ROLE_LABELS[role]} for ${label} ${periodWords(same)}.`);
  if (input.membership === 'never') {
    return refuse('person', `${person.name} is not allocated on ${input.engagementName} at any time; allocate them first.`);
  }
  if (input.membership === 'contact_of_other_client') {
    return refuse('person', `${person.name} is a contact of another client, not of ${input.engagementName}’s client.`);
  }
  const warnings: string[] = [];
  if (input.membership === 'not_then')
    warnings.push(`${person.name} is not allocated on ${input.engagementName} on every day of this assignment.`);
  if (person.inactive) {
    warnings.push(person.kind === 'contact' ? `${person.name} is an archived client contact.` : `${person.name} has left or is archived.`);
  }
  return { refusal: null, warnings };
}
