import type { SampleStep } from '@backend/core/sample';
import { addPause, cancelReplacement, createReplacement, decideCandidate, fulfilReplacement, proposeCandidate } from './replacementService';
import { SAMPLE_REPLACEMENTS } from './sampleReplacements';

/**
 * The sample replacement requests, through the ordinary services (validated
 * and audited), their dates moved to the load day. Runs after the plan:
 * a fulfilment ends the outgoing allocation and adds the replacement's.
 */
export const continuitySample: SampleStep = {
  area: 'continuity',
  load(ctx, run) {
    const allocationsBefore = ctx.repos.allocations.count();
    for (const sample of SAMPLE_REPLACEMENTS) {
      const { id } = createReplacement(ctx, {
        engagementId: run.id(sample.engagement),
        outgoingSpecialistId: run.id(sample.outgoing),
        reason: sample.reason,
        submittedDate: run.date(sample.submittedDate),
        submittedTime: sample.submittedTime,
        submittedBy: sample.submittedBy,
        notes: run.text(sample.notes),
      });
      for (const pause of sample.pauses ?? []) {
        addPause(ctx, { requestId: id, reason: pause.reason, startDate: run.date(pause.startDate), endDate: run.date(pause.endDate) });
      }
      for (const candidate of sample.candidates ?? []) {
        const specialistId = candidate.specialist ? run.id(candidate.specialist) : null;
        const item = proposeCandidate(ctx, {
          requestId: id,
          name: candidate.name,
          specialistId,
          proposedOn: run.date(candidate.proposedOn),
        });
        const proposed = item.candidates.find((c) => c.name === candidate.name && c.status === 'proposed');
        if (proposed && candidate.decision) decideCandidate(ctx, proposed.id, candidate.decision.outcome, run.date(candidate.decision.on));
      }
      const outcome = sample.outcome;
      if (outcome && 'fulfilledBy' in outcome) {
        // The late reason is recorded only if the moved dates still make the start late (holidays differ year to year).
        fulfilReplacement(ctx, {
          id,
          specialistId: run.id(outcome.fulfilledBy),
          startDate: run.date(outcome.startDate),
          endDate: run.date(outcome.endDate),
          handOverDuties: false,
          outgoingEndDate: run.date(outcome.outgoingEndDate),
          lateReason: outcome.lateReason ?? '',
        });
      } else if (outcome) {
        cancelReplacement(ctx, id, outcome.reason, run.date(outcome.cancelledOn));
      }
    }
    // Each fulfilment adds the replacement's allocation (and cuts the outgoing one short).
    return { replacementRequests: SAMPLE_REPLACEMENTS.length, allocations: ctx.repos.allocations.count() - allocationsBefore };
  },
};
