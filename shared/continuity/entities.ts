/** The records of the continuity area the audit log files changes under, with their human labels. Pauses and candidates are filed under their request's id. */
export const continuityEntities = {
  replacement_request: 'Replacement request',
  replacement_pause: 'SLA pause',
  replacement_candidate: 'Candidate',
} as const;
