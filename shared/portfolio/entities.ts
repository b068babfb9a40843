/**
 * The records of the portfolio area the audit log files changes under, with their human labels.
 * Contacts and promotion policies are filed under their client's id (they show in the client's history); stage changes,
 * versions and approvals under their model's.
 */
export const portfolioEntities = {
  client_contact: 'Client contact',
  model: 'Model',
  model_stage: 'Stage change',
  model_card: 'Model card',
  model_version: 'Model version',
  model_approval: 'Approval',
  promotion_policy: 'Promotion policy',
  environment: 'Environment',
  deployment: 'Deployment',
} as const;
