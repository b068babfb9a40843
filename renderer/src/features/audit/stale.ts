import type { StaleDeclarations } from '@renderer/api/stale';
import type { auditProcedures } from '@shared/audit/contract';
import type { CommandNamesOf } from '@shared/kernel/define';

/** What each command of the audit area makes stale (a missing command is a type error). */
export const auditStale: StaleDeclarations<CommandNamesOf<typeof auditProcedures>> = {
  // An undo can put back a record of any area.
  'audit.undo': 'everything',
};
