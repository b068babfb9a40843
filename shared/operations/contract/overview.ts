import { command, query } from '@shared/kernel/define';
import { id } from '@shared/kernel/fields';
import type { ExportedFile } from '@shared/kernel/printDocument';
import { month } from '@shared/monitoring/contract/readings';
import { z } from 'zod';
import { MAX_REVIEW_BUSINESS_DAYS } from '../rules/vocabulary';
import type { Incident } from './incidents';
import type { RetrainingDue } from './retraining';

export type SeverityMonth = { month: string; sev1: number; sev2: number; sev3: number; sev4: number };

/** One client's operations: retraining due and overdue, open incidents with their responder and clock, reviews overdue, incidents by severity. */
export type ClientOperations = {
  clientId: string;
  clientName: string;
  retraining: RetrainingDue[];
  openIncidents: Incident[];
  reviewsOverdue: Incident[];
  /** The last twelve months, oldest first. */
  bySeverity: SeverityMonth[];
  /** Run cost against the models' budgets over the same twelve months, and the models over budget this month or the last. */
  cost: {
    currency: string;
    trend: { month: string; totalMinor: number; budgetMinor: number }[];
    overBudget: { modelId: string; modelName: string; month: string; totalMinor: number; budgetMinor: number }[];
  };
};

export type OperationsOverview = { at: string; clients: ClientOperations[] };

export type OperationsSettings = { reviewBusinessDays: number };

export const operationsOverviewProcedures = {
  'operations.overview': query<OperationsOverview>()(
    'Per client: retraining due and overdue, open incidents with their responder and clock, reviews overdue, incidents by severity and run cost against budget over twelve months.',
    z.strictObject({ clientId: id.optional() }),
  ),
  'operations.settings': query<OperationsSettings>()(
    'How many business days after resolution a post-incident review is due.',
    z.strictObject({}),
  ),
  'operations.updateSettings': command<OperationsSettings>()(
    'Change how many business days after resolution a post-incident review is due.',
    z.strictObject({
      reviewBusinessDays: z
        .number({ error: 'must be a whole number of business days' })
        .int('must be a whole number of business days')
        .min(1, 'must be at least 1 business day')
        .max(MAX_REVIEW_BUSINESS_DAYS, `must be at most ${MAX_REVIEW_BUSINESS_DAYS} business days`),
    }),
  ),
  'operations.export': command<ExportedFile>()(
    'A client’s month of operations as a workbook: the retraining log, the incidents with their times, the run cost per model.',
    z.strictObject({ clientId: id, month }),
  ),
};
