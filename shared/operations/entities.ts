/** The records of the operations area the audit log files changes under, with their human labels. */
export const operationsEntities = {
  retraining_policy: 'Retraining policy',
  retraining_run: 'Retraining run',
  incident: 'Incident',
} as const;
