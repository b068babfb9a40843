import type { EngagementStatus } from '@shared/clients/rules/reference';

/** Badge colour of each engagement status. */
export const ENGAGEMENT_STATUS_TONE: Record<EngagementStatus, string> = {
  proposed: 'info',
  active: 'good',
  paused: 'warn',
  ended: 'muted',
};
