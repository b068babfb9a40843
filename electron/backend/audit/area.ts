import { defineArea } from '@backend/core/area';
import { auditProcedures } from '@shared/audit/contract';
import { listAudit, undoAudit } from './auditService';

/** The audit log: every change, who, when, before and after; undo of archives and restores. */
export const auditArea = defineArea({
  id: 'audit',
  procedures: auditProcedures,
  handlers: (ctx) => ({
    'audit.list': (input) => listAudit(ctx, input),
    'audit.undo': ({ auditId }) => undoAudit(ctx, auditId),
  }),
});
