import { refuse } from '@backend/core/archive';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type { Model } from '@shared/portfolio/contract/models';
import type { approvalFields, ModelVersion, PolicyView, VersionsView, versionFields } from '@shared/portfolio/contract/versions';
import { promotionPolicy } from '@shared/portfolio/contract/versions';
import { type CardSectionId, EMPTY_NARRATIVE, modelCardGaps } from '@shared/portfolio/rules/card';
import {
  missingEvidence,
  type PersonRef,
  type PromotionPolicy,
  requiredEvidence,
  selfApprovalRefusal,
} from '@shared/portfolio/rules/policy';
import type { z } from 'zod';
import defaultPolicyJson from '../../../resources/portfolio/promotion-policy.json';
import type { StoredApproval, StoredVersion } from './versionRepository';

/** Keel's default promotion policy, checked once against the same schema a client's own must pass. */
export const DEFAULT_POLICY: PromotionPolicy = promotionPolicy.parse(defaultPolicyJson);

/** The policy that applies to a client: its own latest version, else the default (version 0). */
export function policyOf(ctx: Context, clientId: string): PolicyView {
  const versions = ctx.repos.versions.policies(clientId);
  const [current] = versions;
  const history = versions.map(({ version, createdAt, createdBy }) => ({ version, createdAt, createdBy }));
  if (!current) return { clientId, version: 0, policy: DEFAULT_POLICY, createdAt: null, createdBy: null, history };
  return {
    clientId,
    version: current.version,
    policy: current.policy,
    createdAt: current.createdAt,
    createdBy: current.createdBy,
    history,
  };
}

export function getPolicy(ctx: Context, clientId: string): PolicyView {
  if (!ctx.repos.clients.get(clientId)) throw unknownReference('Client', clientId, 'clientId');
  return policyOf(ctx, clientId);
}

export function updatePolicy(ctx: Context, clientId: string, policy: PromotionPolicy): PolicyView {
  return ctx.write((audit, at) => {
    const client = ctx.repos.clients.get(clientId);
    if (!client) throw unknownReference('Client', clientId, 'clientId');
    const before = policyOf(ctx, clientId);
    const version = before.version + 1;
    ctx.repos.versions.insertPolicy(newId(), { clientId, version, policy, createdBy: ctx.actor, createdAt: at });
    audit({
      entity: 'promotion_policy',
      entityId: clientId,
      label: `${client.name}: promotion policy version ${version}`,
      action: 'update',
      before: { version: before.version, policy: before.policy },
      after: { version, policy },
    });
    return policyOf(ctx, clientId);
  });
}

/** A person's name, or a refusal naming the field when they are not on record (a contact must be the model's client's). */
function personName(ctx: Context, person: PersonRef, clientId: string, path: string): string {
  if (person.kind === 'specialist') {
    const specialist = ctx.repos.specialists.get(person.id);
    if (!specialist) throw unknownReference('Specialist', person.id, `${path}.id`);
    return specialist.fullName;
  }
  const contact = ctx.repos.contacts.get(person.id);
  if (!contact) throw unknownReference('Contact', person.id, `${path}.id`);
  if (contact.clientId !== clientId) {
    throw new DomainError('invalid_input', `${contact.name} is not a contact at the model’s client.`, [
      { path: `${path}.id`, message: 'must be a contact at the model’s client' },
    ]);
  }
  return contact.name;
}

/** A stored name for display: a person removed from the records reads as such. */
export function nameOf(ctx: Context, person: PersonRef): string {
  if (person.kind === 'specialist') return ctx.repos.specialists.get(person.id)?.fullName ?? 'Unknown specialist';
  return ctx.repos.contacts.get(person.id)?.name ?? 'Unknown contact';
}

/** Whether the model's card holds what the promotion policy's "complete model card" asks (its record and narrative). */
export function modelCardState(ctx: Context, model: Model): { complete: boolean; incomplete: CardSectionId[] } {
  const narrative = ctx.repos.cards.get(model.id) ?? EMPTY_NARRATIVE;
  const incomplete = modelCardGaps({ useCase: model.useCase, hasBusinessOwner: model.businessOwnerId !== null }, narrative);
  return { complete: incomplete.length === 0, incomplete };
}

function withApprovals(
  ctx: Context,
  model: Model,
  policy: PromotionPolicy,
  v: StoredVersion,
  approvals: StoredApproval[],
  card: { complete: boolean },
): ModelVersion {
  const mine = approvals.filter((a) => a.versionId === v.id);
  return {
    ...v,
    builtByName: nameOf(ctx, v.builtBy),
    approvals: mine.map((a) => ({ ...a, approverName: nameOf(ctx, a.approver) })),
    missing: missingEvidence(policy, model, { ...v, approvals: mine }, card),
  };
}

export function listVersions(ctx: Context, modelId: string): VersionsView {
  const model = ctx.repos.models.get(modelId);
  if (!model) throw unknownReference('Model', modelId, 'modelId');
  const { version, policy } = policyOf(ctx, model.clientId);
  const approvals = ctx.repos.versions.approvalsOfModel(modelId);
  const card = modelCardState(ctx, model);
  return {
    modelId,
    policyVersion: version,
    required: requiredEvidence(policy, model),
    versions: ctx.repos.versions.ofModel(modelId).map((v) => withApprovals(ctx, model, policy, v, approvals, card)),
  };
}

function dateRefusal(what: string, on: string, earliest: string, earliestWhat: string, today: string, path: string): void {
  if (on > today) {
    throw new DomainError('invalid_input', `${what} cannot be after today (${dateLabel(today)}).`, [
      { path, message: 'cannot be after today' },
    ]);
  }
  if (on < earliest) {
    throw new DomainError('invalid_input', `${what} cannot be before ${earliestWhat} (${dateLabel(earliest)}).`, [
      { path, message: `must be on or after ${dateLabel(earliest)}` },
    ]);
  }
}

export function createVersion(ctx: Context, input: z.output<typeof versionFields>): ModelVersion {
  return ctx.write((audit, at) => {
    const model = ctx.repos.models.get(input.modelId);
    if (!model) throw unknownReference('Model', input.modelId, 'modelId');
    const same = ctx.repos.versions.findByLabel(model.id, input.label);
    if (same) {
      throw new DomainError('conflict', `${model.name} already has a version labelled “${same.label}”.`, [
        { path: 'label', message: 'is already used by another version of this model' },
      ]);
    }
    personName(ctx, input.builtBy, model.clientId, 'builtBy');
    dateRefusal('Registered on', input.registeredOn, model.inServiceSince, `${model.name} entered service`, ctx.today(), 'registeredOn');
    const version: StoredVersion = { id: newId(), ...input, createdAt: at };
    ctx.repos.versions.insert(version);
    audit({
      entity: 'model_version',
      entityId: model.id,
      label: `${model.name} ${version.label}`,
      action: 'create',
      before: null,
      after: version,
    });
    const { policy } = policyOf(ctx, model.clientId);
    return withApprovals(ctx, model, policy, version, [], modelCardState(ctx, model));
  });
}

export function approveVersion(ctx: Context, input: z.output<typeof approvalFields>): ModelVersion {
  return ctx.write((audit, at) => {
    const version = ctx.repos.versions.get(input.versionId);
    if (!version) throw notFound('Version', input.versionId);
    const model = ctx.repos.models.get(version.modelId);
    if (!model) throw notFound('Model', version.modelId);
    personName(ctx, input.approver, model.clientId, 'approver');
    dateRefusal(
      'The decision date',
      input.decidedOn,
      version.registeredOn,
      `version ${version.label} was registered`,
      ctx.today(),
      'decidedOn',
    );
    const { policy, version: policyVersion } = policyOf(ctx, model.clientId);
    refuse(selfApprovalRefusal(policy, model, version.builtBy, input.approver, nameOf(ctx, version.builtBy), version.label));
    if (input.decision === 'approved_with_conditions' && input.conditions === '') {
      throw new DomainError('invalid_input', 'An approval with conditions needs its conditions written down.', [
        { path: 'conditions', message: 'is required for an approval with conditions' },
      ]);
    }
    const approval: StoredApproval = {
      id: newId(),
      versionId: version.id,
      approver: input.approver,
      decision: input.decision,
      decidedOn: input.decidedOn,
      evidenceText: input.evidenceText,
      evidenceLink: input.evidenceLink,
      conditions: input.conditions,
      createdAt: at,
    };
    ctx.repos.versions.insertApproval(approval);
    audit({
      entity: 'model_approval',
      entityId: model.id,
      label: `${model.name} ${version.label}: ${input.decision.replaceAll('_', ' ')}`,
      action: input.decision === 'rejected' ? 'update' : 'approve',
      before: null,
      // The policy version in force is kept with the decision, for the audit pack.
      after: { ...approval, policyVersion },
    });
    return withApprovals(ctx, model, policy, version, ctx.repos.versions.approvalsOf(version.id), modelCardState(ctx, model));
  });
}
