import type { Hook } from '@backend/core/hooks';

/**
 * Answers billing's question which days are replacement hand-overs: the
 * overlap of a fulfilled request's incoming specialist with the outgoing
 * allocation (the `handoverDays` the request shows), so billing can leave
 * those hours unbilled without reading continuity's tables.
 */
export const answerHandoverWindows: Hook<'billing.handoverWindows'> = (ctx, question) => {
  if (!question.specialistIds.length || !question.engagementIds.length) return;
  question.windows.push(
    ...ctx.repos.replacements.handoverWindows(question.specialistIds, question.engagementIds, question.from, question.to),
  );
};
