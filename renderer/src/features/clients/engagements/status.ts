import type { StatusTone } from '@renderer/ui/Badge';
import type { EngagementStatus } from '@shared/clients/rules/reference';

/** Badge colour of each engagement status. */
export const ENGAGEMENT_STATUS_TONE: Record<EngagementStatus, StatusTone> = {
  proposed: 'info',
  active: 'ok',
  paused: 'attention',
  ended: 'neutral',
};
