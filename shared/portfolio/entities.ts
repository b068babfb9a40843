/**
 * The records of the portfolio area the audit log files changes under, with their human labels.
 * Contacts are filed under their client's id (they show in the client's history); stage changes under their model's.
 */
export const portfolioEntities = {
  client_contact: 'Client contact',
  model: 'Model',
  model_stage: 'Stage change',
} as const;
