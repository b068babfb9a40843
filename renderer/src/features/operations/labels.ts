import type { StatusTone } from '@renderer/ui/Badge';
import type { IncidentSeverity, IncidentState, ReviewState } from '@shared/operations/rules/vocabulary';

export const SEVERITY_TONE: Record<IncidentSeverity, StatusTone> = {
  sev1: 'critical',
  sev2: 'critical',
  sev3: 'attention',
  sev4: 'neutral',
};
export const STATE_TONE: Record<IncidentState, StatusTone> = {
  open: 'critical',
  acknowledged: 'attention',
  mitigated: 'info',
  resolved: 'ok',
};
export const REVIEW_LABEL: Record<ReviewState, string> = {
  not_due: 'Review after resolution',
  planned: 'Review planned',
  held: 'Review held',
  overdue: 'Review overdue',
};
export const REVIEW_TONE: Record<ReviewState, StatusTone> = { not_due: 'neutral', planned: 'info', held: 'ok', overdue: 'critical' };
