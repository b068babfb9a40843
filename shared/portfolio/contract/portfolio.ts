import { command, query } from '@shared/kernel/define';
import { id } from '@shared/kernel/fields';
import { z } from 'zod';
import { GRAVEYARD_DAYS_RANGE } from '../rules/portfolio';
import type { RiskTier, Stage } from '../rules/vocabulary';
import type { ModelListItem } from './models';

export type PortfolioSettings = { graveyardDays: number };

/** A model of the prototype graveyard: too long in prototype or pilot, with when anything last happened to it. */
export type GraveyardModel = ModelListItem & { lastActivityAt: string };

/** A high or critical model in production whose champion lacks evidence its policy asks (or that no champion serves). */
export type LackingEvidence = {
  modelId: string;
  name: string;
  riskTier: RiskTier;
  /** The champion serving production; null when none does. */
  championLabel: string | null;
  /** What the champion lacks, as the gate names it ("an explainability report"). */
  missing: string[];
};

/**
 * The portfolio facts of one client: what the client page shows and what the
 * maturity area's readiness check will read.
 */
export type ClientPortfolio = {
  clientId: string;
  today: string;
  graveyardDays: number;
  /** Models per stage, every stage present. */
  funnel: Record<Stage, number>;
  graveyard: GraveyardModel[];
  /** The longest wait in the graveyard, in days (0 when it is empty). */
  graveyardOldestDays: number;
  /** Models that were in production on any day of the last 12 months. */
  productionLast12Months: number;
  /** High and critical models in production whose champion lacks the evidence its policy asks. */
  productionLackingEvidence: LackingEvidence[];
};

export const settingsInput = z.strictObject({
  graveyardDays: z
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(GRAVEYARD_DAYS_RANGE.min, `must be at least ${GRAVEYARD_DAYS_RANGE.min} days`)
    .max(GRAVEYARD_DAYS_RANGE.max, `must be at most ${GRAVEYARD_DAYS_RANGE.max} days`),
});

export const portfolioProcedures = {
  'portfolio.client': query<ClientPortfolio>()(
    'One client’s portfolio facts: the stage funnel, the prototype graveyard, production over the last 12 months.',
    z.strictObject({ clientId: id }),
  ),
  'portfolio.settings': query<PortfolioSettings>()(
    'After how many days in prototype or pilot a model joins the graveyard.',
    z.strictObject({}).default({}),
  ),
  'portfolio.updateSettings': command<PortfolioSettings>()('Change the graveyard’s number of days.', settingsInput),
};
