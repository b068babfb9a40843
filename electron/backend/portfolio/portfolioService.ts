import type { Context } from '@backend/core/context';
import { addDays, toDay } from '@shared/kernel/days';
import { unknownReference } from '@shared/kernel/errors';
import type { ClientPortfolio, GraveyardModel, LackingEvidence, PortfolioSettings } from '@shared/portfolio/contract/portfolio';
import { cardNeed } from '@shared/portfolio/rules/card';
import { wasInStageDuring } from '@shared/portfolio/rules/lifecycle';
import { EVIDENCE_NEEDS } from '@shared/portfolio/rules/policy';
import { DEFAULT_GRAVEYARD_DAYS, GRAVEYARD_DAYS_RANGE, GRAVEYARD_STAGES, graveyard, latest } from '@shared/portfolio/rules/portfolio';
import { type RiskTier, STAGES, type Stage } from '@shared/portfolio/rules/vocabulary';
import { championEvidence } from './deploymentService';
import { toListItem } from './modelRepository';
import { policyOf } from './versionService';

const KEY = 'portfolio_graveyard_days';

export function portfolioSettings(ctx: Context): PortfolioSettings {
  const stored = Number(ctx.repos.settings.get(KEY));
  const valid = Number.isInteger(stored) && stored >= GRAVEYARD_DAYS_RANGE.min && stored <= GRAVEYARD_DAYS_RANGE.max;
  return { graveyardDays: valid ? stored : DEFAULT_GRAVEYARD_DAYS };
}

export function updatePortfolioSettings(ctx: Context, next: PortfolioSettings): PortfolioSettings {
  return ctx.write((audit) => {
    const before = portfolioSettings(ctx);
    ctx.repos.settings.set(KEY, String(next.graveyardDays));
    audit({ entity: 'settings', entityId: 'portfolio', label: 'Prototype graveyard days', action: 'update', before, after: next });
    return next;
  });
}

/** The prototype graveyard of one client (or every client), with when anything last happened to each model. */
export function graveyardOf(ctx: Context, clientId: string | null): GraveyardModel[] {
  const today = ctx.today();
  const { graveyardDays } = portfolioSettings(ctx);
  const todayDay = toDay(today);
  const candidates = ctx.repos.models.waitingSince(GRAVEYARD_STAGES, addDays(today, -graveyardDays - 1), clientId, ctx.now());
  return graveyard(
    candidates.map((row) => toListItem(row, todayDay)),
    today,
    graveyardDays,
  ).map((m) => ({ ...m, lastActivityAt: latest(m.updatedAt, ctx.repos.audit.latestFor(m.id)?.at ?? m.updatedAt) }));
}

export function clientPortfolio(ctx: Context, clientId: string): ClientPortfolio {
  if (!ctx.repos.clients.get(clientId)) throw unknownReference('Client', clientId, 'clientId');
  const today = ctx.today();
  const funnel = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const { stage, n } of ctx.repos.models.stageCounts(clientId)) funnel[stage] = n;
  const buried = graveyardOf(ctx, clientId);
  // The last 12 months: the year up to today.
  const from = addDays(today, -365);
  const byModel = new Map<string, { toStage: Stage; on: string }[]>();
  for (const t of ctx.repos.models.transitionsOfClient(clientId)) {
    const list = byModel.get(t.modelId);
    if (list) list.push(t);
    else byModel.set(t.modelId, [t]);
  }
  const productionLast12Months = [...byModel.values()].filter((ts) => wasInStageDuring(ts, 'production', from, today)).length;
  return {
    clientId,
    today,
    productionLackingEvidence: lackingEvidence(ctx, clientId),
    graveyardDays: portfolioSettings(ctx).graveyardDays,
    funnel,
    graveyard: buried,
    graveyardOldestDays: buried[0]?.daysInStage ?? 0,
    productionLast12Months,
  };
}

/**
 * High and critical models in production whose champion lacks a piece of the
 * evidence the client's promotion policy asks for it (the policy may have
 * grown since the promotion), or that no champion serves at all.
 */
function lackingEvidence(ctx: Context, clientId: string): LackingEvidence[] {
  const found: LackingEvidence[] = [];
  const { policy } = policyOf(ctx, clientId);
  for (const item of ctx.repos.models.list({ clientId, stage: 'production', sort: 'name', direction: 'asc' }, ctx.today(), ctx.now())) {
    if (!HIGH_RISK.has(item.riskTier)) continue;
    const model = ctx.repos.models.get(item.id);
    if (!model) continue;
    const { championLabel, missing, cardIncomplete } = championEvidence(ctx, model, policy);
    if (championLabel === null || missing.length > 0) {
      found.push({
        modelId: model.id,
        name: model.name,
        riskTier: model.riskTier,
        championLabel,
        missing: missing.map((k) => (k === 'model_card' ? cardNeed(cardIncomplete) : EVIDENCE_NEEDS[k])),
      });
    }
  }
  return found;
}

const HIGH_RISK: ReadonlySet<RiskTier> = new Set(['high', 'critical']);
