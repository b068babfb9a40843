import type { Context } from '@backend/core/context';
import { notFound, unknownReference } from '@shared/kernel/errors';
import { slug } from '@shared/kernel/text';
import type { PortfolioExport } from '@shared/portfolio/contract/exports';
import { championsAt } from '@shared/portfolio/rules/deployments';
import { daysInStages } from '@shared/portfolio/rules/lifecycle';
import { missingEvidence, type PromotionPolicy, requiredEvidence } from '@shared/portfolio/rules/policy';
import { AI_ACT_CATEGORY_LABELS, MODEL_KIND_LABELS, RISK_TIER_LABELS, STAGE_LABELS } from '@shared/portfolio/rules/vocabulary';
import { auditPackWorkbook } from './auditPackWorkbook';
import type { ExportApproval, ExportDeployment, ExportModel, ExportVersion } from './exportRepository';
import type { ModelListFilter } from './modelRepository';
import { groupBy } from './portfolioSheets';
import { portfolioWorkbook } from './portfolioWorkbook';
import { modelCardState, policyOf } from './versionService';

/**
 * The portfolio's workbooks, written in memory and handed to the renderer to
 * save (as the plan and the SLA report are): the portfolio workbook of the
 * models the list shows, and one model's audit pack. Everything is read in
 * one go per sheet (`PortfolioExportRepository`); the rules decide the
 * champion in production and what each version still lacks.
 */

const file = (name: string, buffer: Buffer): PortfolioExport => ({
  fileName: name,
  base64: buffer.toString('base64'),
  bytes: buffer.length,
});

/** The champion in a production environment at an instant, per model. */
function championsNow(deployments: readonly ExportDeployment[], now: string): Map<string, ExportDeployment> {
  const production = new Set(deployments.filter((d) => d.production).map((d) => d.environmentId));
  return championsAt(deployments, production, now);
}

/** What each version still lacks before production, under its client's policy in force. */
function gapsOf(
  ctx: Context,
  models: readonly ExportModel[],
  approvals: readonly ExportApproval[],
): (version: ExportVersion) => ReturnType<typeof missingEvidence> {
  const policies = new Map<string, PromotionPolicy>();
  const cards = new Map<string, { complete: boolean }>();
  const modelsById = new Map(models.map((m) => [m.id, m]));
  const byVersion = groupBy(approvals, (a) => a.versionId);
  return (version) => {
    const model = modelsById.get(version.modelId);
    if (!model) return [];
    let policy = policies.get(model.clientId);
    if (!policy) {
      policy = policyOf(ctx, model.clientId).policy;
      policies.set(model.clientId, policy);
    }
    let card = cards.get(model.id);
    if (!card) {
      card = modelCardState(ctx, model);
      cards.set(model.id, card);
    }
    return missingEvidence(policy, model, { ...version, approvals: byVersion.get(version.id) ?? [] }, card);
  };
}

/** The list's filters in words, for the About sheet. */
function scopeOf(ctx: Context, filter: ModelListFilter): { words: string[]; clientName: string | null } {
  const words: string[] = [];
  let clientName: string | null = null;
  if (filter.clientId !== undefined) {
    const client = ctx.repos.clients.get(filter.clientId);
    if (!client) throw unknownReference('Client', filter.clientId, 'clientId');
    clientName = client.name;
    words.push(`Client: ${client.name}`);
  }
  if (filter.engagementId !== undefined) {
    const engagement = ctx.repos.engagements.get(filter.engagementId);
    if (!engagement) throw unknownReference('Engagement', filter.engagementId, 'engagementId');
    words.push(`Engagement: ${engagement.name}`);
  }
  if (filter.stage) words.push(`Stage: ${STAGE_LABELS[filter.stage]}`);
  if (filter.riskTier) words.push(`Risk tier: ${RISK_TIER_LABELS[filter.riskTier]}`);
  if (filter.aiActCategory) words.push(`EU AI Act category: ${AI_ACT_CATEGORY_LABELS[filter.aiActCategory]}`);
  if (filter.kind) words.push(`Kind: ${MODEL_KIND_LABELS[filter.kind]}`);
  if (filter.search) words.push(`Search: “${filter.search}”`);
  return { words, clientName };
}

/** The portfolio workbook of the models the list shows, in its order. */
export async function exportPortfolio(ctx: Context, filter: ModelListFilter): Promise<PortfolioExport> {
  const scope = scopeOf(ctx, filter);
  const today = ctx.today();
  const now = ctx.now();
  const ids = ctx.repos.models.list(filter, today, now).map((m) => m.id);
  const repo = ctx.repos.portfolioExports;
  const loaded = new Map(repo.models(ids).map((m) => [m.id, m]));
  const models = ids.flatMap((id) => loaded.get(id) ?? []);
  const approvals = repo.approvals(ids);
  const deployments = repo.deployments(ids);
  const buffer = await portfolioWorkbook({
    generatedAt: now,
    today,
    scope: scope.words,
    models,
    versions: repo.versions(ids),
    approvals,
    deployments,
    transitions: repo.transitions(ids),
    champions: championsNow(deployments, now),
    missing: gapsOf(ctx, models, approvals),
  });
  const client = scope.clientName ? `-${slug(scope.clientName, 'client')}` : '';
  return file(`keel-portfolio${client}-${today}.xlsx`, buffer);
}

/** One model's audit pack workbook. */
export async function exportAuditPack(ctx: Context, id: string): Promise<PortfolioExport> {
  const repo = ctx.repos.portfolioExports;
  const [model] = repo.models([id]);
  if (!model) throw notFound('Model', id);
  const today = ctx.today();
  const now = ctx.now();
  const approvals = repo.approvals([id]);
  const deployments = repo.deployments([id]);
  const transitions = repo.transitions([id]);
  const policy = policyOf(ctx, model.clientId);
  const buffer = await auditPackWorkbook({
    generatedAt: now,
    today,
    model,
    versions: repo.versions([id]),
    approvals,
    deployments,
    transitions,
    trail: ctx.repos.audit.trailOf(id),
    champion: championsNow(deployments, now).get(id),
    policy: { version: policy.version, policy: policy.policy, required: requiredEvidence(policy.policy, model) },
    daysPerStage: daysInStages(transitions, today),
    missing: gapsOf(ctx, [model], approvals),
  });
  return file(`keel-audit-pack-${slug(model.name, 'model')}-${today}.xlsx`, buffer);
}
