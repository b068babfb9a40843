import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { ParsedInputOf } from '@shared/contract';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import { type Slo, type SloTemplate, sloTemplate } from '@shared/monitoring/contract/slos';
import { dutiesOf } from '@shared/ownership/rules/duties';
import { DEFAULT_DUTIES, DEFAULT_DUTY_LABELS } from '@shared/ownership/rules/vocabulary';
import { MODEL_KINDS, type ModelKind } from '@shared/portfolio/rules/vocabulary';
import { z } from 'zod';
import templatesJson from '../../../resources/monitoring/templates.json';

/** Keel's suggested SLOs per model kind, checked once against the same schema an SLO typed by hand must pass. */
export const TEMPLATES: Record<ModelKind, SloTemplate[]> = z.record(z.enum(MODEL_KINDS), z.array(sloTemplate)).parse(templatesJson);

/** The duties a model's engagement has (the default eight for a model no engagement runs). */
export function dutiesOfModel(ctx: Context, engagementId: string | null): { key: string; name: string }[] {
  if (engagementId === null) return DEFAULT_DUTIES.map((key) => ({ key, name: DEFAULT_DUTY_LABELS[key] }));
  return dutiesOf(ctx.repos.duties.storedOf([engagementId]).get(engagementId) ?? [])
    .filter((d) => d.retiredOn === null)
    .map((d) => ({ key: d.key, name: d.name }));
}

function modelOrThrow(ctx: Context, modelId: string) {
  const model = ctx.repos.models.get(modelId);
  if (!model) throw unknownReference('Model', modelId, 'modelId');
  return model;
}

/** Checks what the schema cannot: the version is the model's, the duty is one of its engagement's, no twin SLO. */
function checked(ctx: Context, input: ParsedInputOf<'slos.create'>, exceptId: string | null) {
  const model = modelOrThrow(ctx, input.modelId);
  if (input.versionId !== null && !ctx.repos.monitoring.versionLabels(model.id).has(input.versionId)) {
    throw new DomainError('invalid_input', `That version is not one of ${model.name}'s.`, [
      { path: 'versionId', message: 'is not a version of this model' },
    ]);
  }
  const duties = dutiesOfModel(ctx, model.engagementId);
  if (!duties.some((d) => d.key === input.dutyKey)) {
    throw new DomainError(
      'invalid_input',
      `“${input.dutyKey}” is not a duty of ${model.name}'s engagement; choose one of ${duties.map((d) => d.name).join(', ')}.`,
      [{ path: 'dutyKey', message: 'is not a duty of the engagement' }],
    );
  }
  const twin = ctx.repos.monitoring.sameSlo(input, exceptId);
  if (twin) {
    const where = input.segment ? ` for the segment “${input.segment}”` : '';
    throw new DomainError(
      'conflict',
      `${model.name} already has an SLO on “${input.metric}”${where}${input.versionId ? ' for that version' : ''}; change that one instead.`,
      [{ path: 'metric', message: 'already has an SLO' }],
    );
  }
  return model;
}

const label = (s: Pick<Slo, 'modelName' | 'metric' | 'segment'>) => `${s.modelName}: ${s.metric}${s.segment ? ` (${s.segment})` : ''}`;

export function listSlos(ctx: Context, modelId: string): Slo[] {
  modelOrThrow(ctx, modelId);
  return ctx.repos.monitoring.slosOf([modelId]);
}

export function createSlo(ctx: Context, input: ParsedInputOf<'slos.create'>): Slo {
  return ctx.write((audit, at) => {
    const model = checked(ctx, input, null);
    const id = newId();
    ctx.repos.monitoring.insertSlo({
      ...input,
      id,
      modelName: model.name,
      clientId: model.clientId,
      engagementId: model.engagementId,
      versionLabel: null,
      createdAt: at,
      updatedAt: at,
    });
    const slo = ctx.repos.monitoring.slo(id) as Slo;
    audit({ entity: 'monitoring_slo', entityId: id, label: label(slo), action: 'create', before: null, after: slo });
    return slo;
  });
}

export function updateSlo(ctx: Context, input: ParsedInputOf<'slos.update'>): Slo {
  return ctx.write((audit, at) => {
    const before = ctx.repos.monitoring.slo(input.id);
    if (!before) throw notFound('SLO', input.id);
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== before.updatedAt) {
      throw new DomainError('conflict', `${label(before)} was changed by someone else since you opened it; reopen it to see their change.`);
    }
    if (input.modelId !== before.modelId) {
      throw new DomainError('invalid_input', 'An SLO stays on its model; add a new one to the other model.', [
        { path: 'modelId', message: 'cannot change' },
      ]);
    }
    const { id: _id, expectedUpdatedAt: _e, ...fields } = input;
    checked(ctx, fields, before.id);
    ctx.repos.monitoring.updateSlo({ ...before, ...fields, updatedAt: at });
    const after = ctx.repos.monitoring.slo(before.id) as Slo;
    audit({ entity: 'monitoring_slo', entityId: before.id, label: label(after), action: 'update', before, after });
    return after;
  });
}

export function removeSlo(ctx: Context, id: string): { id: string } {
  return ctx.write((audit) => {
    const before = ctx.repos.monitoring.slo(id);
    if (!before) throw notFound('SLO', id);
    ctx.repos.monitoring.removeSlo(id);
    audit({ entity: 'monitoring_slo', entityId: id, label: label(before), action: 'delete', before, after: null });
    return { id };
  });
}

export function templatesOf(ctx: Context, modelId: string): SloTemplate[] {
  const model = modelOrThrow(ctx, modelId);
  return TEMPLATES[model.kind] ?? [];
}

/** Adds the kind's suggested SLOs whose metric the model does not watch yet, in one write. */
export function applyTemplate(ctx: Context, modelId: string): Slo[] {
  const model = modelOrThrow(ctx, modelId);
  const have = new Set(ctx.repos.monitoring.slosOf([modelId]).map((s) => s.metric));
  const duties = new Set(dutiesOfModel(ctx, model.engagementId).map((d) => d.key));
  const missing = templatesOf(ctx, modelId).filter((t) => !have.has(t.metric));
  if (missing.length === 0) {
    throw new DomainError('conflict', `${model.name} already has every SLO Keel suggests for its kind.`);
  }
  return ctx.write(() =>
    missing.map((t) =>
      createSlo(ctx, {
        ...t,
        modelId,
        versionId: null,
        segment: '',
        dutyKey: duties.has(t.dutyKey) ? t.dutyKey : (duties.values().next().value ?? t.dutyKey),
      }),
    ),
  );
}
