import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { evaluateSlos } from '@backend/monitoring/evaluation';
import { createVersion } from '@backend/portfolio/versionService';
import { freezeOn } from '@shared/ceremonies/rules/rhythm';
import type { ParsedInputOf } from '@shared/contract';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type { Evaluation } from '@shared/monitoring/rules/evaluate';
import type { BreachNow, ModelRetraining, RetrainingDue, RetrainingRun } from '@shared/operations/contract/retraining';
import {
  type BreachFact,
  DEFAULT_POLICY,
  dueHeadline,
  type RetrainingState,
  retrainingState,
  triggerOfKind,
} from '@shared/operations/rules/retraining';
import { RUN_OUTCOME_LABELS, TRIGGER_LABELS } from '@shared/operations/rules/vocabulary';
import type { OpsModel, StoredPolicy } from './operationsRepository';

const iso = (ms: number) => new Date(ms).toISOString();

export function opsModelOrThrow(ctx: Context, modelId: string, path = 'modelId'): OpsModel {
  const model = ctx.repos.operations.model(modelId);
  if (!model) throw path === 'id' ? notFound('Model', modelId) : unknownReference('Model', modelId, path);
  return model;
}

/** The SLOs of the models given in breach now, whatever their kind (the forms show them all; the rules take the ones that speak to a trigger). */
export function breachesNow(ctx: Context, modelIds: readonly string[] | null): Map<string, BreachNow[]> {
  const slos = ctx.repos.monitoring.slosOf(modelIds);
  if (slos.length === 0) return new Map();
  const evaluations = evaluateSlos(ctx, slos, Date.parse(ctx.now()), modelIds, true);
  const out = new Map<string, BreachNow[]>();
  for (const s of slos) {
    const e = evaluations.get(s.id) as Evaluation;
    if (e.status !== 'breach') continue;
    const worst = e.deciding[0] ?? null;
    const first = e.deciding.reduce<number | null>((min, r) => (min === null || r.at < min ? r.at : min), null);
    const breach: BreachNow = {
      sloId: s.id,
      kind: s.kind,
      metric: s.metric,
      unit: s.unit,
      value: e.value,
      since: iso(first ?? e.window.from),
      reading: worst ? { at: iso(worst.at), value: worst.value } : null,
      trigger: triggerOfKind(s.kind),
    };
    const list = out.get(s.modelId);
    if (list) list.push(breach);
    else out.set(s.modelId, [breach]);
  }
  return out;
}

const policyOf = (stored: StoredPolicy | undefined) => (stored ? { cadence: stored.cadence, triggers: stored.triggers } : DEFAULT_POLICY);

/** Where the cadence counts from without a run: the day the model went to production, else the day its policy was set. */
const startOn = (model: OpsModel, stored: StoredPolicy | undefined) =>
  model.stage === 'production' ? model.stageSince : (stored?.createdAt.slice(0, 10) ?? model.stageSince);

type Facts = {
  policies: Map<string, StoredPolicy>;
  lastRuns: Map<string, string>;
  breaches: Map<string, BreachNow[]>;
  newData: Map<string, number>;
};

function factsOf(ctx: Context, modelIds: readonly string[] | null): Facts {
  return {
    policies: ctx.repos.operations.policies(modelIds),
    lastRuns: ctx.repos.operations.lastCompletedRuns(modelIds),
    breaches: breachesNow(ctx, modelIds),
    newData: ctx.repos.operations.newDataAt(modelIds),
  };
}

function stateOf(ctx: Context, model: OpsModel, facts: Facts): RetrainingState {
  const stored = facts.policies.get(model.id);
  const last = facts.lastRuns.get(model.id);
  const newData = facts.newData.get(model.id);
  return retrainingState({
    policy: policyOf(stored),
    lastCompletedOn: last ?? null,
    startOn: startOn(model, stored),
    breaches: (facts.breaches.get(model.id) ?? []).map(
      (b): BreachFact => ({ sloId: b.sloId, kind: b.kind, metric: b.metric, value: b.value, unit: b.unit, since: b.since }),
    ),
    newDataAt: newData === undefined ? null : iso(newData),
    today: ctx.today(),
  });
}

const withHeadlines = (s: RetrainingState) => ({ ...s, due: s.due.map((d) => ({ ...d, headline: dueHeadline(d) })) });

/** Runs with the freeze they fell in. */
function runViews(ctx: Context, model: OpsModel, runs: ReturnType<Context['repos']['operations']['runs']>): RetrainingRun[] {
  const freezes = model.engagementId ? ctx.repos.ceremonies.freezes(model.engagementId) : [];
  return runs.map((r) => {
    const freeze = freezeOn(r.runOn, freezes);
    return {
      ...r,
      frozen: freeze ? `inside the change freeze ${freeze.startsOn} – ${freeze.endsOn}${freeze.reason ? ` (${freeze.reason})` : ''}` : '',
    };
  });
}

export function modelRetraining(ctx: Context, modelId: string, path = 'modelId'): ModelRetraining {
  const model = opsModelOrThrow(ctx, modelId, path);
  const facts = factsOf(ctx, [model.id]);
  const stored = facts.policies.get(model.id);
  return {
    modelId: model.id,
    modelName: model.name,
    stage: model.stage,
    policy: { modelId: model.id, ...policyOf(stored), updatedAt: stored?.updatedAt ?? null },
    state: withHeadlines(stateOf(ctx, model, facts)),
    runs: runViews(ctx, model, ctx.repos.operations.runs([model.id])),
    breaches: facts.breaches.get(model.id) ?? [],
    versions: ctx.repos.versions
      .ofModel(model.id)
      .map((v) => ({ id: v.id, label: v.label, registeredOn: v.registeredOn }))
      .sort((a, b) => (a.registeredOn < b.registeredOn ? 1 : a.registeredOn > b.registeredOn ? -1 : 0)),
  };
}

export function setPolicy(ctx: Context, input: ParsedInputOf<'retraining.setPolicy'>): ModelRetraining {
  const model = opsModelOrThrow(ctx, input.modelId);
  ctx.write((audit, at) => {
    const before = ctx.repos.operations.policies([model.id]).get(model.id);
    const after: StoredPolicy = {
      modelId: model.id,
      cadence: input.cadence,
      triggers: input.triggers,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    ctx.repos.operations.savePolicy(after);
    audit({
      entity: 'retraining_policy',
      entityId: model.id,
      label: `${model.name}: retraining policy`,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after,
    });
  });
  return modelRetraining(ctx, model.id);
}

/** Log a retraining run; a new version is registered in the portfolio with it when it is not registered yet. */
export function logRun(ctx: Context, input: ParsedInputOf<'retraining.log'>): ModelRetraining {
  const model = opsModelOrThrow(ctx, input.modelId);
  if (input.runOn > ctx.today())
    throw new DomainError('invalid_input', 'A retraining cannot be logged on a day that has not come yet.', [
      { path: 'runOn', message: 'is in the future' },
    ]);
  ctx.write((audit, at) => {
    let versionId = input.versionId;
    if (versionId) {
      const v = ctx.repos.versions.get(versionId);
      if (!v || v.modelId !== model.id) throw unknownReference('Version of this model', versionId, 'versionId');
    }
    if (input.newVersion) {
      const created = createVersion(ctx, {
        modelId: model.id,
        label: input.newVersion.label,
        builtBy: input.newVersion.builtBy,
        registeredOn: input.runOn,
        trainingData: input.newVersion.trainingData,
        evaluations: [],
        evidence: [],
        notes: `Registered by the retraining of ${input.runOn} (${TRIGGER_LABELS[input.trigger].toLowerCase()}).`,
      });
      versionId = created.id;
    }
    let breach = '';
    if (input.sloId) {
      const slo = ctx.repos.monitoring.slosOf([model.id]).find((s) => s.id === input.sloId);
      if (!slo) throw unknownReference('SLO of this model', input.sloId, 'sloId');
      const now = breachesNow(ctx, [model.id])
        .get(model.id)
        ?.find((b) => b.sloId === slo.id);
      breach = now
        ? `${slo.metric}${now.value === null ? '' : ` at ${Number(now.value.toPrecision(4))}${slo.unit ? ` ${slo.unit}` : ''}`}, in breach since ${now.since.slice(0, 10)}`
        : `${slo.metric} (not in breach when logged)`;
    }
    const run = {
      id: newId(),
      modelId: model.id,
      runOn: input.runOn,
      trigger: input.trigger,
      outcome: input.outcome,
      versionId,
      sloId: input.sloId,
      breach,
      notes: input.notes,
      createdAt: at,
    };
    ctx.repos.operations.insertRun(run);
    audit({
      entity: 'retraining_run',
      entityId: run.id,
      label: `${model.name}: retraining of ${run.runOn} (${RUN_OUTCOME_LABELS[run.outcome].toLowerCase()})`,
      action: 'create',
      before: null,
      after: run,
    });
  });
  return modelRetraining(ctx, model.id);
}

/** The models with something due, of a client or all, overdue first then by the oldest reason. */
export function retrainingDueOf(ctx: Context, clientId: string | null, models?: readonly OpsModel[]): RetrainingDue[] {
  const list = models ?? ctx.repos.operations.watched(clientId);
  if (list.length === 0) return [];
  const facts = factsOf(ctx, clientId === null && !models ? null : list.map((m) => m.id));
  const out: RetrainingDue[] = [];
  for (const m of list) {
    const s = stateOf(ctx, m, facts);
    if (s.due.length === 0 && !s.overdue) continue;
    out.push({
      modelId: m.id,
      modelName: m.name,
      clientId: m.clientId,
      clientName: m.clientName,
      engagementName: m.engagementName,
      nextDueOn: s.nextDueOn,
      overdue: s.overdue,
      lastRunOn: s.lastRunOn,
      due: withHeadlines(s).due,
    });
  }
  const oldest = (d: RetrainingDue) => d.due.reduce((min, r) => (r.since < min ? r.since : min), '9999-12-31');
  return out.sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || oldest(a).localeCompare(oldest(b)) || a.modelName.localeCompare(b.modelName),
  );
}
