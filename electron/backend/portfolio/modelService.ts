import { assertUnchanged, refuse } from '@backend/core/archive';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { archivedRecordRefusal } from '@shared/clients/rules/lifecycle';
import { normalizeSkills as normalizeTags } from '@shared/clients/rules/skills';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type { Model, ModelDetail } from '@shared/portfolio/contract/models';
import {
  daysInStages,
  daysSince,
  GATED_FOR_PROHIBITED,
  type StageMove,
  type StageTransition,
  stageMoveRefusal,
} from '@shared/portfolio/rules/lifecycle';
import { STAGE_LABELS, type Stage } from '@shared/portfolio/rules/vocabulary';
import { endAllDeployments, productionGaps } from './deploymentService';

/** A model's fields as the contract hands them over (defaults filled). */
export type ModelValues = Omit<Model, 'id' | 'stage' | 'stageSince' | 'inServiceSince' | 'createdAt' | 'updatedAt'> & {
  inServiceSince: string | null;
};

const field = (path: string, message: string) => [{ path, message }];

/** The references and the name of a model, checked against what exists. */
function checkValues(ctx: Context, values: ModelValues, id: string | null): void {
  const client = ctx.repos.clients.get(values.clientId);
  if (!client) throw unknownReference('Client', values.clientId, 'clientId');
  refuse(archivedRecordRefusal(client.name, client.archivedAt));
  if (values.engagementId !== null) {
    const engagement = ctx.repos.engagements.get(values.engagementId);
    if (!engagement) throw unknownReference('Engagement', values.engagementId, 'engagementId');
    if (engagement.clientId !== client.id) {
      throw new DomainError(
        'invalid_input',
        `Engagement ${engagement.name} belongs to ${engagement.clientName}, not to ${client.name}.`,
        field('engagementId', 'must be an engagement of the model’s client'),
      );
    }
  }
  if (values.businessOwnerId !== null) {
    const owner = ctx.repos.contacts.get(values.businessOwnerId);
    if (!owner) throw unknownReference('Contact', values.businessOwnerId, 'businessOwnerId');
    if (owner.clientId !== client.id) {
      throw new DomainError(
        'invalid_input',
        `${owner.name} is not a contact at ${client.name}; the business owner is one of the client’s own people.`,
        field('businessOwnerId', 'must be a contact at the model’s client'),
      );
    }
  }
  const same = ctx.repos.models.findByName(client.id, values.name);
  if (same && same.id !== id) {
    throw new DomainError(
      'conflict',
      `${client.name} already has a model named “${same.name}”.`,
      field('name', 'is already used by another model of this client'),
    );
  }
  if (values.inServiceSince !== null && values.inServiceSince > ctx.today()) {
    throw new DomainError(
      'invalid_input',
      `In service since cannot be after today (${dateLabel(ctx.today())}).`,
      field('inServiceSince', 'cannot be after today'),
    );
  }
}

function tidy(values: ModelValues): ModelValues {
  return { ...values, tags: normalizeTags(values.tags), dataSources: normalizeTags(values.dataSources) };
}

export function modelDetail(ctx: Context, model: Model): ModelDetail {
  const client = ctx.repos.clients.get(model.clientId);
  const engagement = model.engagementId ? ctx.repos.engagements.get(model.engagementId) : null;
  const owner = model.businessOwnerId ? ctx.repos.contacts.get(model.businessOwnerId) : null;
  const transitions = ctx.repos.models.transitions(model.id);
  const today = ctx.today();
  return {
    ...model,
    clientName: client?.name ?? '',
    engagementName: engagement?.name ?? null,
    businessOwnerName: owner?.name ?? null,
    transitions,
    daysInStage: daysSince(model.stageSince, today),
    daysPerStage: daysInStages(transitions, today),
  };
}

export function getModel(ctx: Context, id: string): ModelDetail {
  const model = ctx.repos.models.get(id);
  if (!model) throw notFound('Model', id);
  return modelDetail(ctx, model);
}

function transition(ctx: Context, model: Model, from: Stage | null, move: StageMove, at: string): StageTransition {
  return {
    id: newId(),
    modelId: model.id,
    fromStage: from,
    toStage: move.to,
    on: move.on,
    reason: move.reason,
    actor: ctx.actor,
    createdAt: at,
  };
}

export function createModel(ctx: Context, input: ModelValues & { stage: Stage }): ModelDetail {
  const { stage, ...rest } = input;
  const values = tidy(rest);
  return ctx.write((audit, at) => {
    checkValues(ctx, values, null);
    const inServiceSince = values.inServiceSince ?? ctx.today();
    const move: StageMove = { to: stage, on: inServiceSince, reason: '' };
    const subject = { name: values.name, aiActCategory: values.aiActCategory, stage: null, stageSince: null, inServiceSince };
    refuse(stageMoveRefusal(subject, move, ctx.today(), ['an approved version deployed as champion to the production environment']));
    const model: Model = { id: newId(), ...values, inServiceSince, stage, stageSince: inServiceSince, createdAt: at, updatedAt: at };
    ctx.repos.models.insert(model);
    ctx.repos.models.insertTransition(transition(ctx, model, null, move, at));
    audit({ entity: 'model', entityId: model.id, label: model.name, action: 'create', before: null, after: model });
    return modelDetail(ctx, model);
  });
}

export function updateModel(ctx: Context, input: ModelValues & { id: string; expectedUpdatedAt?: string | undefined }): ModelDetail {
  const { id, expectedUpdatedAt, ...rest } = input;
  const values = tidy(rest);
  return ctx.write((audit, at) => {
    const before = ctx.repos.models.get(id);
    if (!before) throw notFound('Model', id);
    assertUnchanged(before, expectedUpdatedAt, before.name);
    if (values.clientId !== before.clientId) {
      throw new DomainError(
        'invalid_input',
        `${before.name} stays with its client; register the model again under the other client.`,
        field('clientId', 'cannot change'),
      );
    }
    checkValues(ctx, values, id);
    if (values.aiActCategory === 'prohibited' && GATED_FOR_PROHIBITED.includes(before.stage)) {
      throw new DomainError(
        'conflict',
        `${before.name} is in ${STAGE_LABELS[before.stage]}, where a prohibited system can never be; move it back or retire it first.`,
        field('aiActCategory', 'cannot be prohibited while the model is in pilot or production'),
      );
    }
    const inServiceSince = values.inServiceSince ?? before.inServiceSince;
    const first = ctx.repos.models.transitions(id)[0];
    if (first && inServiceSince > first.on) {
      throw new DomainError(
        'conflict',
        `${before.name}’s history starts on ${dateLabel(first.on)}; In service since cannot be later than that.`,
        field('inServiceSince', `must be on or before ${dateLabel(first.on)}`),
      );
    }
    const after: Model = { ...before, ...values, inServiceSince, updatedAt: at };
    ctx.repos.models.update(after);
    audit({ entity: 'model', entityId: id, label: after.name, action: 'update', before, after });
    return modelDetail(ctx, after);
  });
}

export function moveStage(ctx: Context, input: StageMove & { id: string; expectedUpdatedAt?: string | undefined }): ModelDetail {
  const { id, expectedUpdatedAt, ...move } = input;
  return ctx.write((audit, at) => {
    const before = ctx.repos.models.get(id);
    if (!before) throw notFound('Model', id);
    assertUnchanged(before, expectedUpdatedAt, before.name);
    refuse(stageMoveRefusal(before, move, ctx.today(), move.to === 'production' ? productionGaps(ctx, before) : []));
    // Retiring ends every deployment: from now when dated today, else from the start of that day (UTC).
    if (move.to === 'retired') endAllDeployments(ctx, before, move.on === ctx.today() ? at : `${move.on}T00:00:00.000Z`);
    const after: Model = { ...before, stage: move.to, stageSince: move.on, updatedAt: at };
    ctx.repos.models.update(after);
    const change = transition(ctx, before, before.stage, move, at);
    ctx.repos.models.insertTransition(change);
    audit({
      entity: 'model_stage',
      entityId: id,
      label: `${before.name}: ${STAGE_LABELS[before.stage]} → ${STAGE_LABELS[move.to]}`,
      action: 'update',
      // The reason, when there is one, reads as what the change added.
      before: { stage: before.stage, stageSince: before.stageSince, ...(move.reason ? { reason: '' } : {}) },
      after: { stage: move.to, stageSince: move.on, ...(move.reason ? { reason: move.reason } : {}) },
    });
    return modelDetail(ctx, after);
  });
}
