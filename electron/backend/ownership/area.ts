import { defineArea } from '@backend/core/area';
import { summaryOf } from '@shared/kernel/summary';
import { ownershipAreaProcedures } from '@shared/ownership/procedures';
import { handoverIn } from './assignmentService';
import { ownershipHandlers } from './handlers';
import { findingsOf } from './matrixService';
import { ownershipRepositories } from './repositories';
import { ownershipSample } from './sample';
import { snapshotOnApproval } from './snapshotService';

/** The ownership matrix: assets, duties, effective-dated assignments, their checks, hand-overs and month snapshots. */
export const ownershipArea = defineArea({
  id: 'ownership',
  procedures: ownershipAreaProcedures,
  repositories: ownershipRepositories,
  sample: ownershipSample,
  handlers: (ctx) => ownershipHandlers(ctx),
  hooks: {
    // A month's approval records the matrix as of its last day, in the approval's transaction.
    'billing.monthApproved': (ctx, payload) => snapshotOnApproval(ctx, payload),
    // Fulfilling a replacement with "hand over" moves the outgoing specialist's duties on the engagement to the replacement.
    'continuity.replacementFulfilled': (ctx, p) => {
      if (!p.handOver) return;
      const at = ctx.now();
      handoverIn(
        ctx,
        {
          engagementId: p.engagementId,
          from: { kind: 'specialist', id: p.outgoingSpecialistId },
          to: { kind: 'specialist', id: p.replacementSpecialistId },
          fromDate: p.startDate,
        },
        (entry) => ctx.repos.audit.append(entry, ctx.actor, at),
        at,
      );
    },
  },
  summary: (ctx) => {
    const { counts } = findingsOf(ctx, {});
    return summaryOf('ownership', [
      { label: 'ownership errors', one: 'ownership error', count: counts.error, tone: 'critical' },
      { label: 'ownership warnings', one: 'ownership warning', count: counts.warning, tone: 'attention' },
    ]);
  },
});
