import type { HandlersOf } from '@backend/core/area';
import type { Context } from '@backend/core/context';
import type { ceremoniesAreaProcedures } from '@shared/ceremonies/procedures';
import { DomainError } from '@shared/kernel/errors';
import { icsFile } from './icsExport';
import { importIcs } from './icsImport';
import {
  calendar,
  cancelOccurrence,
  createAction,
  listActions,
  moveOccurrence,
  occurrenceDetail,
  recordOutcome,
  restoreOccurrence,
  updateAction,
} from './occurrenceService';
import { createFreeze, listFreezes, modelCeremonies, removeFreeze, rhythmOf } from './rhythmService';
import {
  ceremonyOptions,
  createSeries,
  endSeries,
  engagementOrThrow,
  listSeries,
  removeSeries,
  seriesView,
  seriesViews,
  splitSeries,
  storedOrThrow,
  updateSeries,
} from './seriesService';
import { ceremonySettings, updateCeremonySettings } from './settings';
import { ceremoniesWorkbook } from './workbook';

/** Series and exceptions, outcomes and action items, rhythm and freezes, calendar files and the workbook. */
export function ceremoniesHandlers(ctx: Context): HandlersOf<typeof ceremoniesAreaProcedures> {
  return {
    'ceremonies.list': (filter) => listSeries(ctx, filter),
    'ceremonies.get': ({ id }) => seriesView(ctx, id),
    'ceremonies.options': ({ engagementId }) => ceremonyOptions(ctx, engagementId),
    'ceremonies.create': (input) => createSeries(ctx, input),
    'ceremonies.update': (input) => updateSeries(ctx, input),
    'ceremonies.split': (input) => splitSeries(ctx, input),
    'ceremonies.end': (input) => endSeries(ctx, input),
    'ceremonies.remove': ({ id }) => removeSeries(ctx, id),
    'ceremonies.calendar': (input) => calendar(ctx, input),
    'ceremonies.occurrence': ({ seriesId, key }) => occurrenceDetail(ctx, seriesId, key),
    'ceremonies.cancelOccurrence': (input) => cancelOccurrence(ctx, input),
    'ceremonies.moveOccurrence': (input) => moveOccurrence(ctx, input),
    'ceremonies.restoreOccurrence': (input) => restoreOccurrence(ctx, input),
    'ceremonies.record': (input) => recordOutcome(ctx, input),
    'actions.list': (input) => listActions(ctx, input),
    'actions.create': (input) => createAction(ctx, input),
    'actions.update': (input) => updateAction(ctx, input),
    'ceremonies.health': ({ clientId }) => {
      if (clientId && !ctx.repos.clients.get(clientId))
        throw new DomainError('not_found', 'That client does not exist.', [{ path: 'clientId', message: 'does not exist' }]);
      return rhythmOf(ctx, clientId);
    },
    'ceremonies.forModel': ({ modelId }) => modelCeremonies(ctx, modelId),
    'freezes.list': ({ engagementId }) => {
      if (engagementId) engagementOrThrow(ctx, engagementId);
      return listFreezes(ctx, engagementId);
    },
    'freezes.create': (input) => createFreeze(ctx, input),
    'freezes.remove': ({ id }) => removeFreeze(ctx, id),
    'ceremonies.exportIcs': ({ seriesId, engagementId }) => {
      if (seriesId) {
        const s = storedOrThrow(ctx, seriesId, 'seriesId');
        return icsFile(ctx, [seriesView(ctx, s.id)], s.title);
      }
      const { engagement } = engagementOrThrow(ctx, engagementId as string);
      return icsFile(
        ctx,
        seriesViews(ctx, ctx.repos.ceremonies.seriesList({ engagementId: engagement.id })),
        `${engagement.name} ceremonies`,
      );
    },
    'ceremonies.importIcs': (input) => importIcs(ctx, input),
    'ceremonies.export': ({ clientId, from, to }) => ceremoniesWorkbook(ctx, clientId, from, to),
    'ceremonies.settings': () => ceremonySettings(ctx),
    'ceremonies.updateSettings': (input) => updateCeremonySettings(ctx, input),
  };
}
