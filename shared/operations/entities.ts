/** The records of the operations area the audit log files changes under, with their human labels. */
export const operationsEntities = {
  retraining_policy: 'Retraining policy',
  retraining_run: 'Retraining run',
  incident: 'Incident',
  cost_line: 'Run cost',
  cost_import: 'Cost import',
  cost_mapping: 'Cost tag mapping',
  cost_budget: 'Cost budget',
} as const;
