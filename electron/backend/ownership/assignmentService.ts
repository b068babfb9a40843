import type { Audit, Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { dateLabel } from '@shared/kernel/dates';
import { addDays } from '@shared/kernel/days';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type { Assignment, AssignResult, MatrixPerson } from '@shared/ownership/contract/matrix';
import { bulkPlan } from '@shared/ownership/rules/bulk';
import { dutiesOf } from '@shared/ownership/rules/duties';
import type { FactRow } from '@shared/ownership/rules/facts';
import { handoverPlan, type MatrixNames } from '@shared/ownership/rules/handover';
import { mergeApplicability } from '@shared/ownership/rules/resolve';
import { assignmentCheck, type Membership } from '@shared/ownership/rules/validate';
import { type PersonRef, ROLE_LABELS, type Role, type RowType, type TargetKind } from '@shared/ownership/rules/vocabulary';
import { loadFacts, rowsOf } from './facts';

type Target = { engagementId: string; clientId: string; engagementName: string; row: FactRow };

/** The row a target names, with its engagement; refuses an unknown, archived or unowned one. */
function targetOf(ctx: Context, kind: TargetKind, id: string): Target {
  if (kind === 'model') {
    const model = ctx.repos.models.get(id);
    if (!model) throw unknownReference('Model', id, 'targetId');
    if (model.engagementId === null) {
      throw new DomainError(
        'invalid_input',
        `${model.name} is in the client's inventory but no engagement runs it; give it an engagement first.`,
        [{ path: 'targetId', message: 'must be a model an engagement runs' }],
      );
    }
    const engagement = ctx.repos.engagements.get(model.engagementId);
    if (!engagement) throw notFound('Engagement', model.engagementId);
    const [row] = rowsOf(
      [
        {
          id: model.id,
          engagementId: model.engagementId,
          name: model.name,
          riskTier: model.riskTier,
          stage: model.stage,
          inServiceSince: model.inServiceSince,
        },
      ],
      [],
      new Map(),
    );
    if (!row) throw notFound('Model', id);
    return { engagementId: engagement.id, clientId: engagement.clientId, engagementName: engagement.name, row };
  }
  const asset = ctx.repos.assets.get(id);
  if (!asset) throw unknownReference('Asset', id, 'targetId');
  if (asset.archivedAt !== null) {
    throw new DomainError('invalid_input', `${asset.name} is archived; bring it back before assigning its duties.`, [
      { path: 'targetId', message: 'is archived' },
    ]);
  }
  const engagement = ctx.repos.engagements.get(asset.engagementId);
  if (!engagement) throw notFound('Engagement', asset.engagementId);
  const tiers = new Map(
    asset.modelIds.flatMap((m) => {
      const model = ctx.repos.models.get(m);
      return model ? [[m, model.riskTier] as const] : [];
    }),
  );
  const row = rowsOf([], [asset], tiers)[0];
  if (!row) throw notFound('Asset', id);
  return { engagementId: engagement.id, clientId: engagement.clientId, engagementName: engagement.name, row };
}

/** The person as the matrix shows them; refuses an unknown one. */
function personOrThrow(ctx: Context, ref: PersonRef, path = 'person.id'): MatrixPerson {
  const person = ctx.repos.ownershipReads.people([ref]).get(`${ref.kind}:${ref.id}`);
  if (!person) throw unknownReference(ref.kind === 'specialist' ? 'Specialist' : 'Contact', ref.id, path);
  return person;
}

/** How a person stands to an engagement over [from, to]: allocated every day, some days, never; a contact of its client or another. */
function membershipOf(ctx: Context, ref: PersonRef, target: Target, from: string, to: string | null): Membership {
  if (ref.kind === 'contact') {
    const contact = ctx.repos.contacts.get(ref.id);
    return contact?.clientId === target.clientId ? 'contact_of_client' : 'contact_of_other_client';
  }
  const spans = ctx.repos.allocations
    .liveForSpecialist(ref.id)
    .filter((a) => a.engagementId === target.engagementId)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  if (spans.length === 0) return 'never';
  // Covered when the allocations, joined, run from `from` to `to` (or to the last allocation's end for an open-ended assignment).
  let reach = addDays(from, -1);
  for (const s of spans) {
    if (s.startDate > addDays(reach, 1)) break;
    if (s.endDate > reach) reach = s.endDate;
  }
  const end = to ?? spans[spans.length - 1]?.endDate ?? from;
  return reach >= end && reach >= from && spans.some((s) => s.startDate <= from) ? 'allocated' : 'not_then';
}

function engagementDuties(ctx: Context, engagementId: string) {
  return {
    duties: dutiesOf(ctx.repos.duties.storedOf([engagementId]).get(engagementId) ?? []),
    notApplicable: mergeApplicability(ctx.repos.duties.overridesOf([engagementId]).get(engagementId) ?? []),
  };
}

function labelOf(a: Pick<Assignment, 'role' | 'dutyKey'>, person: MatrixPerson, targetName: string, dutyName: string): string {
  return `${person.name}: ${ROLE_LABELS[a.role]}, ${dutyName} of ${targetName}`;
}

type AssignInput = {
  targetKind: TargetKind;
  targetId: string;
  dutyKey: string;
  role: Role;
  person: PersonRef;
  fromDate: string;
  toDate: string | null;
  note: string;
};

/** Checks and stores one assignment inside a write; returns it with its warnings. */
function assignIn(ctx: Context, input: AssignInput, audit: Audit, at: string): { assignment: Assignment; warnings: string[] } {
  const target = targetOf(ctx, input.targetKind, input.targetId);
  const person = personOrThrow(ctx, input.person);
  const { duties, notApplicable } = engagementDuties(ctx, target.engagementId);
  const duty = duties.find((d) => d.key === input.dutyKey) ?? null;
  const existing = ctx.repos.assignments.ofTarget(input.targetId, input.dutyKey);
  const { refusal, warnings } = assignmentCheck({
    target: target.row,
    duty,
    notApplicable,
    role: input.role,
    person,
    fromDate: input.fromDate,
    toDate: input.toDate,
    existing,
    people: ctx.repos.ownershipReads.people(existing.map((a) => ({ kind: a.personKind, id: a.personId }))),
    membership: membershipOf(ctx, input.person, target, input.fromDate, input.toDate),
    engagementName: target.engagementName,
  });
  if (refusal) {
    const path = refusal.path === 'person' ? 'person.id' : refusal.path;
    throw new DomainError('invalid_input', refusal.message, [{ path, message: refusal.message }]);
  }
  const assignment: Assignment = {
    id: newId(),
    engagementId: target.engagementId,
    targetKind: input.targetKind,
    targetId: input.targetId,
    dutyKey: input.dutyKey,
    role: input.role,
    personKind: input.person.kind,
    personId: input.person.id,
    fromDate: input.fromDate,
    toDate: input.toDate,
    note: input.note,
    createdAt: at,
  };
  ctx.repos.assignments.insert(assignment);
  audit({
    entity: 'assignment',
    entityId: target.engagementId,
    label: labelOf(assignment, person, target.row.name, duty?.name ?? input.dutyKey),
    action: 'create',
    before: null,
    after: assignment,
  });
  return { assignment, warnings };
}

export function assign(ctx: Context, input: AssignInput): AssignResult {
  return ctx.write((audit, at) => {
    const { assignment, warnings } = assignIn(ctx, input, audit, at);
    return { assignments: [assignment], warnings };
  });
}

export function assignmentHistory(ctx: Context, targetKind: TargetKind, targetId: string, dutyKey: string): Assignment[] {
  targetOf(ctx, targetKind, targetId);
  return ctx.repos.assignments.ofTarget(targetId, dutyKey);
}

function assignmentOrThrow(ctx: Context, id: string): Assignment {
  const a = ctx.repos.assignments.get(id);
  if (!a) throw notFound('Assignment', id);
  return a;
}

function describe(ctx: Context, a: Assignment): string {
  const person = ctx.repos.ownershipReads.people([{ kind: a.personKind, id: a.personId }]).get(`${a.personKind}:${a.personId}`);
  const target = a.targetKind === 'model' ? ctx.repos.models.get(a.targetId)?.name : ctx.repos.assets.get(a.targetId)?.name;
  const duty = engagementDuties(ctx, a.engagementId).duties.find((d) => d.key === a.dutyKey)?.name ?? a.dutyKey;
  return `${person?.name ?? 'Unknown person'}: ${ROLE_LABELS[a.role]}, ${duty} of ${target ?? 'a removed record'}`;
}

/** Ends an assignment on a day; the history keeps it. */
export function endAssignment(ctx: Context, id: string, toDate: string): Assignment {
  return ctx.write((audit) => {
    const before = assignmentOrThrow(ctx, id);
    if (toDate < before.fromDate) {
      throw new DomainError(
        'invalid_input',
        `The assignment starts on ${dateLabel(before.fromDate)}; it cannot end before that. Remove it if it was a mistake.`,
        [{ path: 'toDate', message: `must be on or after ${dateLabel(before.fromDate)}` }],
      );
    }
    if (before.toDate !== null && toDate > before.toDate) {
      throw new DomainError(
        'invalid_input',
        `The assignment already ends on ${dateLabel(before.toDate)}; to extend it, assign the person again from the next day.`,
        [{ path: 'toDate', message: `must be on or before ${dateLabel(before.toDate)}` }],
      );
    }
    ctx.repos.assignments.setToDate(id, toDate);
    const after = { ...before, toDate };
    audit({ entity: 'assignment', entityId: before.engagementId, label: describe(ctx, before), action: 'update', before, after });
    return after;
  });
}

/** Removes an assignment recorded by mistake (audited with what it was). */
export function removeAssignment(ctx: Context, id: string): { id: string } {
  return ctx.write((audit) => {
    const before = assignmentOrThrow(ctx, id);
    ctx.repos.assignments.delete(id);
    audit({ entity: 'assignment', entityId: before.engagementId, label: describe(ctx, before), action: 'delete', before, after: null });
    return { id };
  });
}

/** One person in one role on a duty across an engagement's models (their assets inherit) or the row types asked. */
export function bulkAssign(
  ctx: Context,
  input: {
    engagementId: string;
    dutyKey: string;
    role: Role;
    person: PersonRef;
    fromDate: string;
    toDate: string | null;
    types: RowType[];
  },
): AssignResult {
  return ctx.write((audit, at) => {
    const engagement = ctx.repos.engagements.get(input.engagementId);
    if (!engagement) throw unknownReference('Engagement', input.engagementId, 'engagementId');
    const person = personOrThrow(ctx, input.person);
    const [loaded] = loadFacts(ctx, [input.engagementId], input.fromDate);
    if (!loaded) throw notFound('Engagement', input.engagementId);
    const duty = loaded.facts.duties.find((d) => d.key === input.dutyKey);
    if (!duty) {
      throw new DomainError('invalid_input', `${engagement.name} has no duty “${input.dutyKey}”.`, [
        { path: 'dutyKey', message: 'is not a duty of this engagement' },
      ]);
    }
    const plan = bulkPlan({
      engagementId: engagement.id,
      rows: loaded.facts.rows,
      duty,
      role: input.role,
      person,
      fromDate: input.fromDate,
      toDate: input.toDate,
      types: input.types,
      existing: ctx.repos.assignments.inForce([engagement.id], input.fromDate, '9999-12-31').filter((a) => a.dutyKey === input.dutyKey),
      notApplicable: loaded.facts.notApplicable,
    });
    const warnings = [...plan.warnings];
    const assignments: Assignment[] = [];
    for (const c of plan.create) {
      const done = assignIn(
        ctx,
        {
          targetKind: c.targetKind,
          targetId: c.targetId,
          dutyKey: c.dutyKey,
          role: c.role,
          person: input.person,
          fromDate: c.fromDate,
          toDate: c.toDate,
          note: c.note || 'Given across the engagement.',
        },
        audit,
        at,
      );
      assignments.push(done.assignment);
      for (const w of done.warnings) if (!warnings.includes(w)) warnings.push(w);
    }
    if (assignments.length === 0 && warnings.length === 0) warnings.push('Nothing to assign: no row of the engagement takes this duty.');
    return { assignments, warnings };
  });
}

/** Names for the hand-over's sentences, read as they are asked. */
function namesFor(ctx: Context): MatrixNames {
  const duties = new Map<string, string>();
  return {
    target: (kind, id) => (kind === 'model' ? ctx.repos.models.get(id)?.name : ctx.repos.assets.get(id)?.name) ?? 'a removed record',
    duty: (engagementId, key) => {
      const cacheKey = `${engagementId}|${key}`;
      let name = duties.get(cacheKey);
      if (name === undefined) {
        name = engagementDuties(ctx, engagementId).duties.find((d) => d.key === key)?.name ?? key;
        duties.set(cacheKey, name);
      }
      return name;
    },
    person: (key) => {
      const [kind, id] = key.split(':') as ['specialist' | 'contact', string];
      return ctx.repos.ownershipReads.people([{ kind, id }]).get(key)?.name ?? 'Unknown person';
    },
  };
}

/** Hands what person A holds (on one engagement, or all) to person B from a day, inside the caller's write. */
export function handoverIn(
  ctx: Context,
  input: { engagementId: string | null; from: PersonRef; to: PersonRef; fromDate: string },
  audit: Audit,
  at: string,
): AssignResult {
  personOrThrow(ctx, input.from, 'from.id');
  personOrThrow(ctx, input.to, 'to.id');
  if (input.from.kind === input.to.kind && input.from.id === input.to.id) {
    throw new DomainError('invalid_input', 'Choose someone else to hand the duties to.', [
      { path: 'to.id', message: 'must be another person' },
    ]);
  }
  const held = ctx.repos.assignments.ofPersonFrom(input.from.kind, input.from.id, input.fromDate, input.engagementId);
  const existingOfTo = ctx.repos.assignments.ofPersonFrom(input.to.kind, input.to.id, input.fromDate, input.engagementId);
  const plan = handoverPlan(held, input.to, input.fromDate, existingOfTo, namesFor(ctx));
  for (const end of plan.end) {
    const before = assignmentOrThrow(ctx, end.id);
    ctx.repos.assignments.setToDate(end.id, end.toDate);
    audit({
      entity: 'assignment',
      entityId: before.engagementId,
      label: `Handed over: ${describe(ctx, before)}`,
      action: 'update',
      before,
      after: { ...before, toDate: end.toDate },
    });
  }
  for (const id of plan.remove) {
    const before = assignmentOrThrow(ctx, id);
    ctx.repos.assignments.delete(id);
    audit({
      entity: 'assignment',
      entityId: before.engagementId,
      label: `Handed over: ${describe(ctx, before)}`,
      action: 'delete',
      before,
      after: null,
    });
  }
  const assignments: Assignment[] = [];
  const warnings = [...plan.skipped];
  for (const c of plan.create) {
    const done = assignIn(
      ctx,
      {
        targetKind: c.targetKind,
        targetId: c.targetId,
        dutyKey: c.dutyKey,
        role: c.role,
        person: input.to,
        fromDate: c.fromDate,
        toDate: c.toDate,
        note: c.note,
      },
      audit,
      at,
    );
    assignments.push(done.assignment);
    for (const w of done.warnings) if (!warnings.includes(w)) warnings.push(w);
  }
  return { assignments, warnings };
}

export function handover(
  ctx: Context,
  input: { engagementId?: string | undefined; from: PersonRef; to: PersonRef; fromDate: string },
): AssignResult {
  return ctx.write((audit, at) => {
    if (input.engagementId !== undefined && !ctx.repos.engagements.get(input.engagementId)) {
      throw unknownReference('Engagement', input.engagementId, 'engagementId');
    }
    const result = handoverIn(
      ctx,
      { engagementId: input.engagementId ?? null, from: input.from, to: input.to, fromDate: input.fromDate },
      audit,
      at,
    );
    if (result.assignments.length === 0 && result.warnings.length === 0) {
      throw new DomainError('invalid_input', `There is nothing to hand over: they hold no duty on or after ${dateLabel(input.fromDate)}.`, [
        { path: 'from.id', message: 'holds no duty from that day' },
      ]);
    }
    return result;
  });
}
