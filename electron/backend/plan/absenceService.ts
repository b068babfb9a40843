import { assertUnchanged, refuse } from '@backend/core/archive';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { joinedFieldMessage, joinedRefusal } from '@shared/clients/rules/joined';
import { archivedRecordRefusal } from '@shared/clients/rules/lifecycle';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import { ABSENCE_KIND_LABELS, type Absence, type AbsenceFields } from '@shared/plan/contract/allocations';

type ValidAbsenceFields = Required<AbsenceFields>;

function check(ctx: Context, fields: ValidAbsenceFields, id: string | null): string {
  const specialist = ctx.repos.specialists.get(fields.specialistId);
  if (!specialist) {
    throw unknownReference('Specialist', fields.specialistId, 'specialistId');
  }
  if (specialist.archivedAt) refuse(`${specialist.fullName} is archived. Restore the specialist before recording time off.`);
  const joined = joinedRefusal(specialist, fields.startDate, 'absence');
  if (joined) throw new DomainError('invalid_input', joined, [{ path: 'startDate', message: joinedFieldMessage(specialist) }]);
  const clash = ctx.repos.absences.overlapping(fields.specialistId, fields.startDate, fields.endDate, id);
  if (clash) {
    throw new DomainError(
      'conflict',
      `${specialist.fullName} already has ${ABSENCE_KIND_LABELS[clash.kind].toLowerCase()} recorded from ${dateLabel(clash.startDate)} to ${dateLabel(clash.endDate)}. Change that absence instead.`,
      [{ path: 'startDate', message: 'overlaps another absence' }],
    );
  }
  return specialist.fullName;
}

const labelOf = (name: string, a: { kind: Absence['kind']; startDate: string; endDate: string }) =>
  `${name}: ${ABSENCE_KIND_LABELS[a.kind].toLowerCase()} ${dateLabel(a.startDate)} to ${dateLabel(a.endDate)}`;

export function createAbsence(ctx: Context, fields: ValidAbsenceFields): Absence {
  return ctx.write((audit, at) => {
    const name = check(ctx, fields, null);
    const absence: Absence = { id: newId(), ...fields, createdAt: at, updatedAt: at };
    ctx.repos.absences.insert(absence);
    audit({ entity: 'absence', entityId: absence.id, label: labelOf(name, absence), action: 'create', before: null, after: absence });
    return absence;
  });
}

export function updateAbsence(ctx: Context, input: ValidAbsenceFields & { id: string; expectedUpdatedAt?: string | undefined }): Absence {
  const { id, expectedUpdatedAt, ...fields } = input;
  return ctx.write((audit, at) => {
    const before = ctx.repos.absences.get(id);
    if (!before) throw notFound('Absence', id);
    assertUnchanged(before, expectedUpdatedAt, 'This absence');
    const name = check(ctx, fields, id);
    const after: Absence = { ...before, ...fields, updatedAt: at };
    ctx.repos.absences.update(after);
    audit({ entity: 'absence', entityId: id, label: labelOf(name, after), action: 'update', before, after });
    return after;
  });
}

/** Deleting is explicit (the UI confirms it) and the audit row keeps the whole record. */
export function deleteAbsence(ctx: Context, id: string): Absence {
  return ctx.write((audit) => {
    const before = ctx.repos.absences.get(id);
    if (!before) throw notFound('Absence', id);
    const specialist = ctx.repos.specialists.get(before.specialistId);
    refuse(archivedRecordRefusal(specialist?.fullName ?? 'This specialist', specialist?.archivedAt ?? null));
    ctx.repos.absences.delete(id);
    audit({ entity: 'absence', entityId: id, label: labelOf(specialist?.fullName ?? '', before), action: 'delete', before, after: null });
    return before;
  });
}
