/** The records of the plan area the audit log files changes under, with their human labels. */
export const planEntities = { allocation: 'Allocation', absence: 'Absence', staffing_request: 'Staffing request' } as const;
