import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type { Deployment, Environment, ServedAt } from '@shared/portfolio/contract/deployments';
import type { Model } from '@shared/portfolio/contract/models';
import { type CardSectionId, cardNeed } from '@shared/portfolio/rules/card';
import { ALIAS_LABELS, type Alias, approvalsStandingAt, championsAt, overlappingChampion } from '@shared/portfolio/rules/deployments';
import { joinWords } from '@shared/portfolio/rules/lifecycle';
import { EVIDENCE_NEEDS, type EvidenceKind, missingEvidence, type PersonRef, type PromotionPolicy } from '@shared/portfolio/rules/policy';
import type { StoredDeployment } from './deploymentRepository';
import type { StoredVersion } from './versionRepository';
import { modelCardState, nameOf, policyOf } from './versionService';

const conflict = (message: string, path?: string) =>
  new DomainError('conflict', message, path ? [{ path, message: 'see the message' }] : undefined);

/** "24 Nov 2026, 09:00 UTC": an instant in a sentence. */
const when = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;

export function listEnvironments(ctx: Context, engagementId: string): Environment[] {
  if (!ctx.repos.engagements.get(engagementId)) throw unknownReference('Engagement', engagementId, 'engagementId');
  return ctx.repos.deployments.environmentsOf(engagementId);
}

/** An engagement's environments: exactly one production, marked first; names unique. */
export function createEnvironment(ctx: Context, input: { engagementId: string; name: string; production: boolean }): Environment {
  return ctx.write((audit, at) => {
    const engagement = ctx.repos.engagements.get(input.engagementId);
    if (!engagement) throw unknownReference('Engagement', input.engagementId, 'engagementId');
    const existing = ctx.repos.deployments.environmentsOf(engagement.id);
    if (existing.some((e) => e.name.toLowerCase() === input.name.toLowerCase())) {
      throw new DomainError('conflict', `${engagement.name} already has an environment named “${input.name}”.`, [
        { path: 'name', message: 'is already used by another environment of this engagement' },
      ]);
    }
    const production = existing.find((e) => e.production);
    if (input.production && production) {
      throw new DomainError(
        'conflict',
        `${engagement.name} already has its production environment, ${production.name}; an engagement has exactly one.`,
        [{ path: 'production', message: 'is already taken by another environment' }],
      );
    }
    if (!input.production && !production) {
      throw new DomainError('conflict', `${engagement.name} has no production environment yet; add it first, marked as production.`, [
        { path: 'production', message: 'must be the first environment' },
      ]);
    }
    const environment: Environment = {
      id: newId(),
      engagementId: engagement.id,
      name: input.name,
      production: input.production,
      createdAt: at,
    };
    ctx.repos.deployments.insertEnvironment(environment);
    audit({
      entity: 'environment',
      entityId: engagement.id,
      label: `${engagement.name}: ${environment.name}`,
      action: 'create',
      before: null,
      after: environment,
    });
    return environment;
  });
}

function view(ctx: Context, d: StoredDeployment): Deployment {
  const version = ctx.repos.versions.get(d.versionId);
  const environment = ctx.repos.deployments.environment(d.environmentId);
  return {
    ...d,
    versionLabel: version?.label ?? '',
    environmentName: environment?.name ?? '',
    production: environment?.production ?? false,
  };
}

export function listDeployments(ctx: Context, modelId: string): Deployment[] {
  if (!ctx.repos.models.get(modelId)) throw unknownReference('Model', modelId, 'modelId');
  return ctx.repos.deployments.ofModel(modelId).map((d) => view(ctx, d));
}

type Loaded = { model: Model; version: StoredVersion; environment: Environment };

/** The model, its version and an environment of its engagement, or the refusal that names what does not fit. */
function load(ctx: Context, modelId: string, versionId: string, environmentId: string): Loaded {
  const model = ctx.repos.models.get(modelId);
  if (!model) throw unknownReference('Model', modelId, 'modelId');
  const version = ctx.repos.versions.get(versionId);
  if (!version) throw unknownReference('Version', versionId, 'versionId');
  if (version.modelId !== model.id) {
    const owner = ctx.repos.models.get(version.modelId);
    throw new DomainError('invalid_input', `Version ${version.label} belongs to ${owner?.name ?? 'another model'}, not to ${model.name}.`, [
      { path: 'versionId', message: 'must be a version of this model' },
    ]);
  }
  const environment = ctx.repos.deployments.environment(environmentId);
  if (!environment) throw unknownReference('Environment', environmentId, 'environmentId');
  if (model.engagementId !== environment.engagementId) {
    throw new DomainError('invalid_input', `${environment.name} is not an environment of the engagement that runs ${model.name}.`, [
      { path: 'environmentId', message: 'must be an environment of the model’s engagement' },
    ]);
  }
  return { model, version, environment };
}

function checkInstant(ctx: Context, model: Model, at: string, path: string): void {
  if (at > ctx.now())
    throw new DomainError('invalid_input', `A deployment cannot be recorded after now (${when(ctx.now())}).`, [
      { path, message: 'cannot be in the future' },
    ]);
  if (at.slice(0, 10) < model.inServiceSince) {
    throw new DomainError(
      'invalid_input',
      `${model.name} entered service on ${model.inServiceSince}; a deployment cannot start before that.`,
      [{ path, message: 'is before the model entered service' }],
    );
  }
}

/** A champion in production needs a version with everything the client's policy asks. */
function checkGate(ctx: Context, { model, version, environment }: Loaded, alias: Alias): void {
  if (alias !== 'champion' || !environment.production) return;
  const { policy, version: policyVersion } = policyOf(ctx, model.clientId);
  const card = modelCardState(ctx, model);
  const missing = missingEvidence(policy, model, { ...version, approvals: ctx.repos.versions.approvalsOf(version.id) }, card);
  if (missing.length > 0) {
    const needs = missing.map((k) => (k === 'model_card' ? cardNeed(card.incomplete) : EVIDENCE_NEEDS[k]));
    throw conflict(
      `Version ${version.label} cannot serve ${model.name} in production: the promotion policy (${policyVersion === 0 ? 'Keel’s default' : `version ${policyVersion}`}) asks for ${joinWords(needs)}.`,
    );
  }
}

function checkOverlap(
  ctx: Context,
  loaded: Loaded,
  span: { alias: Alias; from: string; to: string | null },
  ignore: readonly string[],
): void {
  const others = ctx.repos.deployments.ofModel(loaded.model.id).filter((d) => !ignore.includes(d.id));
  const clash = overlappingChampion(others, {
    ...span,
    modelId: loaded.model.id,
    versionId: loaded.version.id,
    environmentId: loaded.environment.id,
  });
  if (clash) {
    const label = ctx.repos.versions.get(clash.versionId)?.label ?? '';
    throw conflict(
      `${loaded.model.name} already has a champion in ${loaded.environment.name} then: version ${label} from ${when(clash.from)}${clash.to ? ` to ${when(clash.to)}` : ''}. Promote or roll back to replace it.`,
    );
  }
}

function record(
  ctx: Context,
  audit: Parameters<Parameters<Context['write']>[0]>[0],
  loaded: Loaded,
  d: StoredDeployment,
  what: string,
): Deployment {
  ctx.repos.deployments.insert(d);
  audit({
    entity: 'deployment',
    entityId: loaded.model.id,
    label: `${loaded.model.name} ${loaded.version.label}: ${what} in ${loaded.environment.name}`,
    action: 'create',
    before: null,
    after: { ...d, policyVersion: policyOf(ctx, loaded.model.clientId).version },
  });
  return view(ctx, d);
}

export function deploy(
  ctx: Context,
  input: { modelId: string; versionId: string; environmentId: string; alias: Alias; trafficPercent: number | null; from: string },
): Deployment {
  return ctx.write((audit, at) => {
    const loaded = load(ctx, input.modelId, input.versionId, input.environmentId);
    checkInstant(ctx, loaded.model, input.from, 'from');
    if (input.from < `${loaded.version.registeredOn}T00:00:00.000Z`) {
      throw new DomainError(
        'invalid_input',
        `Version ${loaded.version.label} was registered on ${loaded.version.registeredOn}; it cannot be deployed before.`,
        [{ path: 'from', message: 'is before the version was registered' }],
      );
    }
    checkOverlap(ctx, loaded, { alias: input.alias, from: input.from, to: null }, []);
    checkGate(ctx, loaded, input.alias);
    const d: StoredDeployment = { id: newId(), ...input, to: null, rollbackReason: '', createdAt: at };
    return record(ctx, audit, loaded, d, ALIAS_LABELS[input.alias].toLowerCase());
  });
}

/** The champion of a model serving in an environment at an instant (started by then, not ended). */
function championAt(ctx: Context, modelId: string, environmentId: string, at: string): StoredDeployment | null {
  return (
    ctx.repos.deployments
      .ofModel(modelId)
      .find((d) => d.alias === 'champion' && d.environmentId === environmentId && d.from <= at && (d.to === null || at < d.to)) ?? null
  );
}

export function promote(ctx: Context, input: { id: string; at: string }): Deployment {
  return ctx.write((audit, now) => {
    const source = ctx.repos.deployments.get(input.id);
    if (!source) throw notFound('Deployment', input.id);
    const loaded = load(ctx, source.modelId, source.versionId, source.environmentId);
    if (source.alias === 'champion')
      throw conflict(`Version ${loaded.version.label} is already the champion in ${loaded.environment.name}.`);
    if (source.to !== null && source.to <= input.at)
      throw conflict(`The ${source.alias} deployment of ${loaded.version.label} had ended by then.`);
    if (input.at <= source.from)
      throw conflict(`The ${source.alias} deployment of ${loaded.version.label} started at ${when(source.from)}; promote it after that.`);
    checkInstant(ctx, loaded.model, input.at, 'at');
    const current = championAt(ctx, loaded.model.id, loaded.environment.id, input.at);
    checkOverlap(ctx, loaded, { alias: 'champion', from: input.at, to: null }, current ? [current.id] : []);
    checkGate(ctx, loaded, 'champion');
    if (current) ctx.repos.deployments.end(current.id, input.at);
    ctx.repos.deployments.end(source.id, input.at);
    const d: StoredDeployment = {
      id: newId(),
      modelId: loaded.model.id,
      versionId: loaded.version.id,
      environmentId: loaded.environment.id,
      alias: 'champion',
      trafficPercent: null,
      from: input.at,
      to: null,
      rollbackReason: '',
      createdAt: now,
    };
    return record(ctx, audit, loaded, d, `promoted from ${source.alias} to champion`);
  });
}

export function rollback(
  ctx: Context,
  input: { modelId: string; versionId: string; environmentId: string; at: string; reason: string },
): Deployment {
  return ctx.write((audit, now) => {
    const loaded = load(ctx, input.modelId, input.versionId, input.environmentId);
    checkInstant(ctx, loaded.model, input.at, 'at');
    const earlier = ctx.repos.deployments
      .ofModel(loaded.model.id)
      .some(
        (d) =>
          d.versionId === loaded.version.id &&
          d.environmentId === loaded.environment.id &&
          d.alias === 'champion' &&
          d.to !== null &&
          d.to <= input.at,
      );
    if (!earlier) {
      throw new DomainError(
        'conflict',
        `Version ${loaded.version.label} has not served as champion in ${loaded.environment.name} before; a rollback returns to an earlier champion.`,
        [{ path: 'versionId', message: 'must be an earlier champion in this environment' }],
      );
    }
    const current = championAt(ctx, loaded.model.id, loaded.environment.id, input.at);
    if (current?.versionId === loaded.version.id)
      throw conflict(`Version ${loaded.version.label} is the champion in ${loaded.environment.name} already.`);
    checkOverlap(ctx, loaded, { alias: 'champion', from: input.at, to: null }, current ? [current.id] : []);
    checkGate(ctx, loaded, 'champion');
    if (current) ctx.repos.deployments.end(current.id, input.at);
    const d: StoredDeployment = {
      id: newId(),
      modelId: loaded.model.id,
      versionId: loaded.version.id,
      environmentId: loaded.environment.id,
      alias: 'champion',
      trafficPercent: null,
      from: input.at,
      to: null,
      rollbackReason: input.reason,
      createdAt: now,
    };
    return record(ctx, audit, loaded, d, 'champion again by rollback');
  });
}

export function endDeployment(ctx: Context, input: { id: string; at: string }): Deployment {
  return ctx.write((audit) => {
    const d = ctx.repos.deployments.get(input.id);
    if (!d) throw notFound('Deployment', input.id);
    const loaded = load(ctx, d.modelId, d.versionId, d.environmentId);
    if (d.to !== null) throw conflict(`This ${d.alias} deployment of ${loaded.version.label} already ended at ${when(d.to)}.`);
    if (input.at <= d.from)
      throw conflict(`This ${d.alias} deployment of ${loaded.version.label} started at ${when(d.from)}; it can only end after that.`);
    checkInstant(ctx, loaded.model, input.at, 'at');
    ctx.repos.deployments.end(d.id, input.at);
    const after = { ...d, to: input.at };
    audit({
      entity: 'deployment',
      entityId: loaded.model.id,
      label: `${loaded.model.name} ${loaded.version.label}: ${d.alias} ended`,
      action: 'update',
      before: d,
      after,
    });
    return view(ctx, after);
  });
}

/** Ends every open deployment of a model at an instant (retiring it). */
export function endAllDeployments(ctx: Context, model: Model, at: string): void {
  for (const d of ctx.repos.deployments.ofModel(model.id)) {
    if (d.to !== null) continue;
    if (d.from >= at) throw conflict(`${model.name} has a ${d.alias} deployment that started at ${when(d.from)}; retire it after that.`);
    ctx.repos.deployments.end(d.id, at);
  }
}

/**
 * The champion serving the production environment now and what its version
 * lacks of the evidence the client's policy asks for this model; no champion
 * when none serves production.
 */
export function championEvidence(
  ctx: Context,
  model: Model,
  policy: PromotionPolicy = policyOf(ctx, model.clientId).policy,
): { championLabel: string | null; missing: EvidenceKind[]; cardIncomplete: CardSectionId[] } {
  const now = ctx.now();
  const candidates = ctx.repos.deployments.latestProductionChampions(now, model.id);
  const serving = championsAt(candidates, new Set(candidates.map((d) => d.environmentId)), now).get(model.id);
  const version = serving ? ctx.repos.versions.get(serving.versionId) : null;
  if (!version) return { championLabel: null, missing: [], cardIncomplete: [] };
  const card = modelCardState(ctx, model);
  return {
    championLabel: version.label,
    missing: missingEvidence(policy, model, { ...version, approvals: ctx.repos.versions.approvalsOf(version.id) }, card),
    cardIncomplete: card.incomplete,
  };
}

/** What still keeps a model out of production: a champion in production whose version has all the policy asks. */
export function productionGaps(ctx: Context, model: Model): string[] {
  const { championLabel, missing, cardIncomplete } = championEvidence(ctx, model);
  if (championLabel === null) return ['an approved version deployed as champion to the production environment'];
  return missing.map((k) => `${k === 'model_card' ? cardNeed(cardIncomplete) : EVIDENCE_NEEDS[k]} for its champion ${championLabel}`);
}

/**
 * Which version served production at an instant, and who approved it: one
 * model or every model, in one read (DeploymentRepository.servingAt), not
 * three per model.
 */
export function servedAt(ctx: Context, at: string, modelId?: string): ServedAt[] {
  let models: { id: string; name: string; clientName: string }[];
  if (modelId === undefined) models = ctx.repos.models.names();
  else {
    const model = ctx.repos.models.get(modelId);
    if (!model) throw unknownReference('Model', modelId, 'modelId');
    models = [{ id: model.id, name: model.name, clientName: ctx.repos.clients.get(model.clientId)?.name ?? '' }];
  }
  const rows = ctx.repos.deployments.servingAt(at, modelId ?? null);
  // The rule has the last word on which one served (the read already keeps only those that had not ended).
  const served = championsAt(rows, new Set(rows.map((d) => d.environmentId)), at);
  const names = new Map<string, string>();
  const name = (person: PersonRef) => {
    const key = `${person.kind}:${person.id}`;
    let known = names.get(key);
    if (known === undefined) {
      known = nameOf(ctx, person);
      names.set(key, known);
    }
    return known;
  };
  return models.map((m) => {
    const d = served.get(m.id);
    if (!d)
      return {
        modelId: m.id,
        modelName: m.name,
        clientName: m.clientName,
        at,
        versionId: null,
        versionLabel: null,
        environmentName: null,
        since: null,
        approvedBy: [],
      };
    const standing = approvalsStandingAt(d.approvals, at);
    return {
      modelId: m.id,
      modelName: m.name,
      clientName: m.clientName,
      at,
      versionId: d.versionId,
      versionLabel: d.versionLabel,
      environmentName: d.environmentName,
      since: d.from,
      approvedBy: standing.map((a) => ({ name: name(a.approver), decision: a.decision, decidedOn: a.decidedOn })),
    };
  });
}
