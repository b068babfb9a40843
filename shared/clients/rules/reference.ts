/**
 * Reference vocabularies of the domain. String unions, never enums, so values
 * stored in SQLite and sent over the contract are plain readable text.
 */

export const ENGAGEMENT_STATUSES = ['proposed', 'active', 'paused', 'ended'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const SPECIALIST_STATUSES = ['active', 'bench', 'leaving', 'left'] as const;
export type SpecialistStatus = (typeof SPECIALIST_STATUSES)[number];

export const SPECIALIST_ROLES = [
  'mlops_engineer',
  'ml_platform_engineer',
  'ml_engineer',
  'data_engineer',
  'data_scientist',
  'sre',
  'devops_engineer',
  'engagement_lead',
] as const;
export type SpecialistRole = (typeof SPECIALIST_ROLES)[number];

export const ROLE_LABELS: Record<SpecialistRole, string> = {
  mlops_engineer: 'MLOps engineer',
  ml_platform_engineer: 'ML platform engineer',
  ml_engineer: 'ML engineer',
  data_engineer: 'Data engineer',
  data_scientist: 'Data scientist',
  sre: 'Site reliability engineer (SRE)',
  devops_engineer: 'DevOps engineer',
  engagement_lead: 'Engagement lead',
};

export const SENIORITIES = ['junior', 'mid', 'senior', 'lead', 'principal'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const SENIORITY_LABELS: Record<Seniority, string> = {
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  lead: 'Lead',
  principal: 'Principal',
};

export const ENGAGEMENT_STATUS_LABELS: Record<EngagementStatus, string> = {
  proposed: 'Proposed',
  active: 'Active',
  paused: 'Paused',
  ended: 'Ended',
};

export const SPECIALIST_STATUS_LABELS: Record<SpecialistStatus, string> = {
  active: 'Active',
  bench: 'On bench',
  leaving: 'Leaving',
  left: 'Left',
};
