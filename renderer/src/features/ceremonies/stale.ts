import type { StaleDeclarations } from '@renderer/api/stale';
import type { ceremoniesAreaProcedures } from '@shared/ceremonies/procedures';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';

const ALWAYS = ['audit.list', 'app.summaries'] as const satisfies readonly QueryName[];
/** A change to a series or an occurrence moves the calendar, the drawer, the health, the model's tab. */
const RHYTHM = [
  'ceremonies.list',
  'ceremonies.get',
  'ceremonies.calendar',
  'ceremonies.occurrence',
  'ceremonies.health',
  'ceremonies.forModel',
] as const satisfies readonly QueryName[];
const ACTIONS = [
  'actions.list',
  'ceremonies.occurrence',
  'ceremonies.calendar',
  'ceremonies.health',
  'ceremonies.forModel',
] as const satisfies readonly QueryName[];

/** What each command of the ceremonies area makes stale (a missing command is a type error). */
export const ceremoniesStale: StaleDeclarations<CommandNamesOf<typeof ceremoniesAreaProcedures>> = {
  'ceremonies.create': [...RHYTHM, ...ALWAYS],
  'ceremonies.update': [...RHYTHM, ...ALWAYS],
  'ceremonies.split': [...RHYTHM, ...ALWAYS],
  'ceremonies.end': [...RHYTHM, ...ALWAYS],
  'ceremonies.remove': [...RHYTHM, ...ALWAYS],
  'ceremonies.cancelOccurrence': [...RHYTHM, ...ALWAYS],
  'ceremonies.moveOccurrence': [...RHYTHM, ...ALWAYS],
  'ceremonies.restoreOccurrence': [...RHYTHM, ...ALWAYS],
  'ceremonies.record': [...RHYTHM, ...ALWAYS],
  'ceremonies.importIcs': [...RHYTHM, ...ALWAYS],
  'ceremonies.updateSettings': ['ceremonies.settings', ...RHYTHM, ...ALWAYS],
  'actions.create': [...ACTIONS, ...ALWAYS],
  'actions.update': [...ACTIONS, ...ALWAYS],
  'freezes.create': ['freezes.list', ...RHYTHM, ...ALWAYS],
  'freezes.remove': ['freezes.list', ...RHYTHM, ...ALWAYS],
  // Files are written; nothing Keel shows changes.
  'ceremonies.exportIcs': [],
  'ceremonies.export': [],
};
