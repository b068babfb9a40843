import { command } from '@shared/kernel/define';
import { byId } from '@shared/kernel/fields';
import { modelListInput } from './models';

/** A workbook the backend wrote, for the renderer to save. */
export type PortfolioExport = { fileName: string; base64: string; bytes: number };

/**
 * The portfolio workbook covers the models the list shows: the same search,
 * filters and order (no client: every client's models).
 */
export const portfolioExportInput = modelListInput;

export const exportsProcedures = {
  'portfolio.export': command<PortfolioExport>()(
    'The portfolio as an Excel workbook: models, versions, approvals, deployments and stage history of the models the list shows.',
    portfolioExportInput,
  ),
  'models.exportAuditPack': command<PortfolioExport>()(
    'One model’s audit pack as an Excel workbook: its record, versions with approvals, deployment timeline, stage history and audit trail.',
    byId,
  ),
};
