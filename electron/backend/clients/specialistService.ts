import { type ArchiveTarget, assertUnchanged, refuse, setArchived } from '@backend/core/archive';
import { knownSubdivision } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { Specialist, SpecialistFields } from '@shared/clients/contract/specialists';
import { type RecordBeforeStart, startMoveRefusal } from '@shared/clients/rules/joined';
import { archivedRecordRefusal } from '@shared/clients/rules/lifecycle';
import { normalizeSkills } from '@shared/clients/rules/skills';
import { sourcingRegionOf } from '@shared/clients/rules/sourcingRegion';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound } from '@shared/kernel/errors';

type ValidSpecialistFields = Required<SpecialistFields>;

/** Applies the domain's derivations (sourcing region, normalised skills) and checks uniqueness. */
function prepare(ctx: Context, fields: ValidSpecialistFields, id: string | null) {
  if (!knownSubdivision(fields.homeCountry, fields.homeSubdivision)) {
    throw new DomainError('invalid_input', `Region ${fields.homeSubdivision} is not a known region of ${fields.homeCountry}.`, [
      { path: 'homeSubdivision', message: `is not a known region of ${fields.homeCountry}` },
    ]);
  }
  const sameEmail = ctx.repos.specialists.findByEmail(fields.email);
  if (sameEmail && sameEmail.id !== id) {
    throw new DomainError('conflict', `${sameEmail.fullName} already uses the email ${sameEmail.email}.`, [
      { path: 'email', message: 'is already used by another specialist' },
    ]);
  }
  return { ...fields, skills: normalizeSkills(fields.skills), sourcingRegion: sourcingRegionOf(fields.homeCountry) };
}

export function createSpecialist(ctx: Context, fields: ValidSpecialistFields): Specialist {
  return ctx.write((audit, at) => {
    const specialist: Specialist = { id: newId(), ...prepare(ctx, fields, null), archivedAt: null, createdAt: at, updatedAt: at };
    ctx.repos.specialists.insert(specialist);
    audit({ entity: 'specialist', entityId: specialist.id, label: specialist.fullName, action: 'create', before: null, after: specialist });
    return specialist;
  });
}

export function updateSpecialist(
  ctx: Context,
  input: ValidSpecialistFields & { id: string; expectedUpdatedAt?: string | undefined },
): Specialist {
  const { id, expectedUpdatedAt, ...fields } = input;
  return ctx.write((audit, at) => {
    const before = ctx.repos.specialists.get(id);
    if (!before) throw notFound('Specialist', id);
    assertUnchanged(before, expectedUpdatedAt, before.fullName);
    refuse(archivedRecordRefusal(before.fullName, before.archivedAt));
    const after: Specialist = { ...before, ...prepare(ctx, fields, id), updatedAt: at };
    if (after.startDate > before.startDate) refuseOrphans(ctx, before, after.startDate);
    ctx.repos.specialists.update(after);
    audit({ entity: 'specialist', entityId: id, label: after.fullName, action: 'update', before, after });
    return after;
  });
}

/** Plan, continuity and billing name their records dated before the new start; any one refuses the move. */
function refuseOrphans(ctx: Context, before: Specialist, newStartDate: string): void {
  const inTheWay: RecordBeforeStart[] = [];
  ctx.emit('clients.specialistStartMoving', { specialist: before, newStartDate, inTheWay });
  const refusal = startMoveRefusal(before, newStartDate, inTheWay);
  if (refusal) {
    throw new DomainError('conflict', refusal, [
      { path: 'startDate', message: `cannot move past records dated before ${dateLabel(newStartDate)}` },
    ]);
  }
}

function specialistArchiveTarget(ctx: Context): ArchiveTarget<Specialist> {
  return {
    entity: 'specialist',
    noun: 'Specialist',
    get: (id) => ctx.repos.specialists.get(id),
    update: (s) => ctx.repos.specialists.update(s),
    label: (s) => s.fullName,
  };
}

export const archiveSpecialist = (ctx: Context, id: string) => setArchived(ctx, specialistArchiveTarget(ctx), id, true);
export const restoreSpecialist = (ctx: Context, id: string) => setArchived(ctx, specialistArchiveTarget(ctx), id, false);

export function getSpecialist(ctx: Context, id: string): Specialist {
  const specialist = ctx.repos.specialists.get(id);
  if (!specialist) throw notFound('Specialist', id);
  return specialist;
}
