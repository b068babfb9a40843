import type { Context } from '@backend/core/context';
import { lookup } from '@backend/core/sampleLookup';
import { addPause, cancelReplacement, createReplacement, decideCandidate, fulfilReplacement, proposeCandidate } from './replacementService';
import { SAMPLE_REPLACEMENTS } from './sampleReplacements';

/** The sample replacement requests, through the ordinary services (validated and audited); returns how many. */
export function loadSampleReplacements(ctx: Context, engagementIds: Map<string, string>, specialistIds: Map<string, string>): number {
  for (const sample of SAMPLE_REPLACEMENTS) {
    const { id } = createReplacement(ctx, {
      engagementId: lookup(engagementIds, sample.engagement),
      outgoingSpecialistId: lookup(specialistIds, sample.outgoing),
      reason: sample.reason,
      submittedDate: sample.submittedDate,
      submittedTime: sample.submittedTime,
      submittedBy: sample.submittedBy,
      notes: sample.notes,
    });
    for (const pause of sample.pauses ?? []) addPause(ctx, { requestId: id, ...pause });
    for (const candidate of sample.candidates ?? []) {
      const specialistId = candidate.specialist ? lookup(specialistIds, candidate.specialist) : null;
      const item = proposeCandidate(ctx, { requestId: id, name: candidate.name, specialistId, proposedOn: candidate.proposedOn });
      const proposed = item.candidates.find((c) => c.name === candidate.name && c.status === 'proposed');
      if (proposed && candidate.decision) decideCandidate(ctx, proposed.id, candidate.decision.outcome, candidate.decision.on);
    }
    const outcome = sample.outcome;
    if (outcome && 'fulfilledBy' in outcome) {
      fulfilReplacement(ctx, {
        id,
        specialistId: lookup(specialistIds, outcome.fulfilledBy),
        startDate: outcome.startDate,
        endDate: outcome.endDate,
        outgoingEndDate: outcome.outgoingEndDate,
        lateReason: outcome.lateReason ?? '',
      });
    } else if (outcome) {
      cancelReplacement(ctx, id, outcome.reason, outcome.cancelledOn);
    }
  }
  return SAMPLE_REPLACEMENTS.length;
}
