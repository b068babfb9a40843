import { assertUnchanged } from '@backend/core/archive';
import type { HostServices } from '@backend/core/area';
import type { Context } from '@backend/core/context';
import { printable } from '@backend/core/printable';
import { notFound } from '@shared/kernel/errors';
import { slug } from '@shared/kernel/text';
import type { cardUpdateInput, ExportedFile, ModelCardView, PrintableFile } from '@shared/portfolio/contract/card';
import type { Model } from '@shared/portfolio/contract/models';
import { portfolioEntities } from '@shared/portfolio/entities';
import { auditPackHtml } from '@shared/portfolio/rules/auditPack';
import {
  type CardFacts,
  type CardNarrative,
  deriveCard,
  EMPTY_NARRATIVE,
  type ModelCard,
  NARRATIVE_FIELDS,
} from '@shared/portfolio/rules/card';
import { cardDocumentHtml } from '@shared/portfolio/rules/cardHtml';
import { cardMarkdown } from '@shared/portfolio/rules/cardMarkdown';
import type { z } from 'zod';
import { listDeployments } from './deploymentService';
import { modelDetail } from './modelService';
import { listVersions } from './versionService';

/** A model's narrative: what was written, or every field empty. */
export function narrativeOf(ctx: Context, modelId: string): CardNarrative {
  const stored = ctx.repos.cards.get(modelId);
  if (!stored) return { ...EMPTY_NARRATIVE };
  const { modelId: _id, updatedAt: _at, ...narrative } = stored;
  return narrative;
}

/** Everything the card is derived from, as of now: the record, its versions with their approvals, what serves production. */
export function cardFacts(ctx: Context, model: Model): CardFacts {
  const detail = modelDetail(ctx, model);
  const now = ctx.now();
  const production = listDeployments(ctx, model.id)
    .filter((d) => d.production && d.from <= now && (d.to === null || d.to > now))
    .map((d) => ({
      versionLabel: d.versionLabel,
      alias: d.alias,
      trafficPercent: d.trafficPercent,
      environmentName: d.environmentName,
      from: d.from,
    }));
  return {
    model: detail,
    narrative: narrativeOf(ctx, model.id),
    versions: listVersions(ctx, model.id).versions,
    production,
    asOf: ctx.today(),
  };
}

function load(ctx: Context, id: string): Model {
  const model = ctx.repos.models.get(id);
  if (!model) throw notFound('Model', id);
  return model;
}

export function modelCard(ctx: Context, model: Model): ModelCard {
  return deriveCard(cardFacts(ctx, model));
}

export function getCard(ctx: Context, id: string): ModelCardView {
  const model = load(ctx, id);
  const stored = ctx.repos.cards.get(id);
  return { modelId: id, narrative: narrativeOf(ctx, id), updatedAt: stored?.updatedAt ?? null, card: modelCard(ctx, model) };
}

export function updateCard(ctx: Context, input: z.output<typeof cardUpdateInput>): ModelCardView {
  const { id, expectedUpdatedAt, ...narrative } = input;
  ctx.write((audit, at) => {
    const model = load(ctx, id);
    const stored = ctx.repos.cards.get(id);
    if (expectedUpdatedAt !== undefined) {
      // Null: the editor saw no narrative yet; someone else writing one first is a change too.
      if (expectedUpdatedAt === null && stored) assertUnchanged(stored, '', `${model.name}’s card`);
      if (expectedUpdatedAt !== null) assertUnchanged(stored ?? { updatedAt: '' }, expectedUpdatedAt, `${model.name}’s card`);
    }
    const before = narrativeOf(ctx, id);
    const changed = NARRATIVE_FIELDS.filter((f) => before[f] !== narrative[f]);
    if (changed.length === 0) return;
    ctx.repos.cards.save({ modelId: id, ...narrative, updatedAt: at });
    audit({
      entity: 'model_card',
      entityId: id,
      label: `${model.name}: model card`,
      action: 'update',
      before: Object.fromEntries(changed.map((f) => [f, before[f]])),
      after: Object.fromEntries(changed.map((f) => [f, narrative[f]])),
    });
  });
  return getCard(ctx, id);
}

const fileStem = (ctx: Context, model: Model) => `model-card-${slug(model.name, 'model')}-${ctx.today()}`;

export function cardMarkdownFile(ctx: Context, id: string): ExportedFile {
  const model = load(ctx, id);
  const bytes = Buffer.from(cardMarkdown(modelCard(ctx, model), ctx.now()), 'utf8');
  return { fileName: `${fileStem(ctx, model)}.md`, base64: bytes.toString('base64'), bytes: bytes.length };
}

export function cardPdf(ctx: Context, host: HostServices, id: string): Promise<PrintableFile> {
  const model = load(ctx, id);
  return printable(host, fileStem(ctx, model), cardDocumentHtml(modelCard(ctx, model), ctx.now()));
}

/** How many audit entries an audit pack prints at most (the newest). */
export const AUDIT_PACK_ENTRIES = 5000;

export function auditPackPdf(ctx: Context, host: HostServices, id: string): Promise<PrintableFile> {
  const model = load(ctx, id);
  const facts = cardFacts(ctx, model);
  const detail = modelDetail(ctx, model);
  const versions = listVersions(ctx, model.id);
  const trail = ctx.repos.audit.list({ entityId: model.id, limit: AUDIT_PACK_ENTRIES });
  const html = auditPackHtml(
    {
      card: deriveCard(facts),
      policyVersion: versions.policyVersion,
      versions: versions.versions,
      deployments: listDeployments(ctx, model.id),
      transitions: detail.transitions,
      daysPerStage: detail.daysPerStage,
      // A model's records are all the portfolio's own (stage changes, versions, approvals, deployments, its card).
      audit: trail.rows.map((r) => ({ ...r, entityLabel: portfolioEntities[r.entity as keyof typeof portfolioEntities] ?? r.entity })),
      auditCut: trail.hasMore ? AUDIT_PACK_ENTRIES : null,
    },
    ctx.now(),
  );
  return printable(host, `audit-pack-${slug(model.name, 'model')}-${ctx.today()}`, html);
}
