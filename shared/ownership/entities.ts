/**
 * The records of the ownership area the audit log files changes under, with their human labels.
 * Assignments are filed under their engagement's id (a matrix's history reads as one list); duties under their engagement's.
 */
export const ownershipEntities = {
  asset: 'Asset',
  duty: 'Duty',
  assignment: 'Ownership assignment',
  ownership_snapshot: 'Ownership snapshot',
} as const;
