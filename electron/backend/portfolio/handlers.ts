import { type HandlersOf, type HostServices, listOf } from '@backend/core/area';
import type { Context } from '@backend/core/context';
import { unknownReference } from '@shared/kernel/errors';
import type { portfolioAreaProcedures } from '@shared/portfolio/procedures';
import { auditPackPdf, cardMarkdownFile, cardPdf, getCard, updateCard } from './cardService';
import { archiveContact, createContact, listContacts, updateContact } from './contactService';
import {
  createEnvironment,
  deploy,
  endDeployment,
  listDeployments,
  listEnvironments,
  promote,
  rollback,
  servedAt,
} from './deploymentService';
import { importInventory } from './inventoryImport';
import { createModel, getModel, moveStage, updateModel } from './modelService';
import { exportAuditPack, exportPortfolio } from './portfolioExport';
import { clientPortfolio, portfolioSettings, updatePortfolioSettings } from './portfolioService';
import { approveVersion, createVersion, getPolicy, listVersions, updatePolicy } from './versionService';

/** Client contacts, the models and their stages, the per-client portfolio facts and the graveyard setting. */
export function portfolioHandlers(ctx: Context, host: HostServices): HandlersOf<typeof portfolioAreaProcedures> {
  return {
    'contacts.list': ({ clientId }) => listOf(listContacts(ctx, clientId)),
    'contacts.create': (input) => createContact(ctx, input),
    'contacts.update': (input) => updateContact(ctx, input),
    'contacts.archive': ({ id, archived }) => archiveContact(ctx, id, archived),
    'models.list': (input) => {
      if (input.clientId !== undefined && !ctx.repos.clients.get(input.clientId))
        throw unknownReference('Client', input.clientId, 'clientId');
      return listOf(ctx.repos.models.list(input, ctx.today(), ctx.now()));
    },
    'models.get': ({ id }) => getModel(ctx, id),
    'models.create': (input) => createModel(ctx, input),
    'models.update': (input) => updateModel(ctx, input),
    'models.moveStage': (input) => moveStage(ctx, input),
    'portfolio.client': ({ clientId }) => clientPortfolio(ctx, clientId),
    'portfolio.settings': () => portfolioSettings(ctx),
    'portfolio.updateSettings': (input) => updatePortfolioSettings(ctx, input),
    'versions.list': ({ modelId }) => listVersions(ctx, modelId),
    'versions.create': (input) => createVersion(ctx, input),
    'approvals.create': (input) => approveVersion(ctx, input),
    'policy.get': ({ clientId }) => getPolicy(ctx, clientId),
    'policy.update': ({ clientId, policy }) => updatePolicy(ctx, clientId, policy),
    'environments.list': ({ engagementId }) => listOf(listEnvironments(ctx, engagementId)),
    'environments.create': (input) => createEnvironment(ctx, input),
    'deployments.list': ({ modelId }) => listOf(listDeployments(ctx, modelId)),
    'deployments.create': (input) => deploy(ctx, input),
    'deployments.promote': (input) => promote(ctx, input),
    'deployments.rollback': (input) => rollback(ctx, input),
    'deployments.end': (input) => endDeployment(ctx, input),
    'portfolio.asOf': ({ at, modelId }) => servedAt(ctx, at, modelId),
    'models.importInventory': (input) => importInventory(ctx, input),
    'portfolio.export': (input) => exportPortfolio(ctx, input),
    'models.exportAuditPack': ({ id }) => exportAuditPack(ctx, id),
    'models.card': ({ id }) => getCard(ctx, id),
    'models.updateCard': (input) => updateCard(ctx, input),
    'models.cardMarkdown': ({ id }) => cardMarkdownFile(ctx, id),
    'models.cardPdf': ({ id }) => cardPdf(ctx, host, id),
    'models.auditPackPdf': ({ id }) => auditPackPdf(ctx, host, id),
  };
}
