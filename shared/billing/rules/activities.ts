/** What the hours were spent on: the operational activities the client sees the run effort split by. */
export const ACTIVITIES = [
  'operate_monitoring',
  'incident_response',
  'retraining',
  'deployment',
  'data_pipelines',
  'governance_audit',
  'improvement',
  'ceremonies_meetings',
  'onboarding_handover',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const ACTIVITY_LABELS: Record<Activity, string> = {
  operate_monitoring: 'Operate & monitoring',
  incident_response: 'Incident response',
  retraining: 'Retraining',
  deployment: 'Deployment',
  data_pipelines: 'Data pipelines',
  governance_audit: 'Governance & audit',
  improvement: 'Improvement',
  ceremonies_meetings: 'Ceremonies & meetings',
  onboarding_handover: 'Onboarding & hand-over',
};

/** The activity whose label matches, ignoring case and spacing (for imports); null if none. */
export function activityFromLabel(text: string): Activity | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const a of ACTIVITIES) {
    if (a === key || ACTIVITY_LABELS[a].toLowerCase() === key) return a;
  }
  return null;
}
