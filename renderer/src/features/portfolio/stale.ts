import type { StaleDeclarations } from '@renderer/api/stale';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';
import type { portfolioAreaProcedures } from '@shared/portfolio/procedures';

const ALWAYS = ['audit.list', 'app.summaries'] as const satisfies readonly QueryName[];

/** A model shows on the portfolio list, its page, and in its client's funnel and graveyard. */
const MODEL = [
  'models.list',
  'models.get',
  'portfolio.client',
  'deployments.list',
  'portfolio.asOf',
  'models.card',
] as const satisfies readonly QueryName[];

/**
 * The ownership matrix's rows are the models (name, risk tier, stage) and names the client's contacts;
 * its checks and the continuity ranking read them, and an asset lists the models it serves.
 */
const OWNERSHIP = [
  'ownership.matrix',
  'ownership.findings',
  'ownership.personLoad',
  'ownership.risk',
  'ownership.whoResponds',
  'ownership.assignments',
  'assets.list',
] as const satisfies readonly QueryName[];

/** Who serves production as champion: the timeline, the as-of answers, the list's column, the client's evidence fact. */
const CHAMPION = ['deployments.list', 'portfolio.asOf', 'models.list', 'portfolio.client'] as const satisfies readonly QueryName[];

/** What each command of the portfolio area makes stale (a missing command is a type error). */
export const portfolioStale: StaleDeclarations<CommandNamesOf<typeof portfolioAreaProcedures>> = {
  // A contact's name shows as a model's business owner.
  'contacts.create': ['contacts.list', ...ALWAYS],
  'contacts.update': ['contacts.list', 'models.get', 'versions.list', 'models.card', ...OWNERSHIP, ...ALWAYS],
  // An archived contact still named on a duty is a finding of the ownership checks.
  'contacts.archive': ['contacts.list', 'models.get', 'versions.list', 'models.card', ...OWNERSHIP, ...ALWAYS],
  'models.create': [...MODEL, ...OWNERSHIP, ...ALWAYS],
  'models.update': [...MODEL, ...OWNERSHIP, ...ALWAYS],
  'models.moveStage': [...MODEL, ...OWNERSHIP, ...ALWAYS],
  // A version and its approvals show on the model's versions tab with what the policy still asks.
  'versions.create': ['versions.list', 'models.card', ...ALWAYS],
  // An approval can complete what a production champion lacks (the client's evidence fact).
  'approvals.create': ['versions.list', 'models.card', 'portfolio.client', ...ALWAYS],
  // The policy decides what every version of the client's models still lacks.
  'policy.update': ['policy.get', 'versions.list', 'portfolio.client', ...ALWAYS],
  'environments.create': ['environments.list', ...ALWAYS],
  // A deployment shows on the model's timeline, in the as-of answers, in the list's champion column and in the
  // client's evidence fact; retiring ends them (models.moveStage).
  'deployments.create': [...CHAMPION, 'models.card', ...ALWAYS],
  'deployments.promote': [...CHAMPION, 'models.card', ...ALWAYS],
  'deployments.rollback': [...CHAMPION, 'models.card', ...ALWAYS],
  'deployments.end': [...CHAMPION, 'models.card', ...ALWAYS],
  // An import registers and updates models and versions.
  'models.importInventory': [...MODEL, 'versions.list', ...OWNERSHIP, ...ALWAYS],
  // The workbooks write nothing.
  'portfolio.export': [],
  'models.exportAuditPack': [],
  // The card's narrative decides whether the policy's "complete model card" holds for every version,
  // and so what a production champion still lacks (the client's evidence fact).
  'models.updateCard': ['models.card', 'versions.list', 'portfolio.client', ...ALWAYS],
  // The number of days decides which models are in the graveyard.
  'portfolio.updateSettings': ['portfolio.settings', 'portfolio.client', ...ALWAYS],
};
