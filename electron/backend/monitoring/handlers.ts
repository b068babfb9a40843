import type { HandlersOf, HostServices } from '@backend/core/area';
import type { Context } from '@backend/core/context';
import { DomainError, unknownReference } from '@shared/kernel/errors';
import type { monitoringAreaProcedures } from '@shared/monitoring/procedures';
import { DEFAULT_MAPPING } from '@shared/monitoring/rules/readings';
import { clientAttainment, modelMonitoring, monitoringBoard } from './boardService';
import { attainmentFile, readingsFile } from './exportService';
import { inboxState, lookNow } from './inbox';
import { importUpload, recordReading } from './readingImport';
import { monitoringSettings, saveMapping, updateMonitoringSettings } from './settings';
import { applyTemplate, createSlo, listSlos, removeSlo, templatesOf, updateSlo } from './sloService';

/** SLOs and playbooks, readings and the inbox, the board, a model's monitoring, attainment and the exports. */
export function monitoringHandlers(ctx: Context, host: HostServices): HandlersOf<typeof monitoringAreaProcedures> {
  const clientOrThrow = (clientId: string) => {
    const client = ctx.repos.clients.get(clientId);
    if (!client) throw unknownReference('Client', clientId, 'clientId');
    return client;
  };
  const mappingOf = (clientId: string) => {
    clientOrThrow(clientId);
    const saved = ctx.repos.monitoring.mapping(clientId);
    return { ...(saved ?? DEFAULT_MAPPING), clientId, saved: saved !== null };
  };
  return {
    'slos.list': ({ modelId }) => listSlos(ctx, modelId),
    'slos.create': (input) => createSlo(ctx, input),
    'slos.update': (input) => updateSlo(ctx, input),
    'slos.remove': ({ id }) => removeSlo(ctx, id),
    'slos.templates': ({ modelId }) => templatesOf(ctx, modelId),
    'slos.applyTemplate': ({ modelId }) => applyTemplate(ctx, modelId),
    'readings.import': (input) => importUpload(ctx, input),
    'readings.record': (input) => recordReading(ctx, input),
    'readings.export': ({ modelId, month }) => readingsFile(ctx, modelId, month),
    'readings.imports': () => ctx.repos.monitoring.recentImports(50),
    'monitoring.inbox': () => inboxState(ctx, host.dataDir),
    'monitoring.scanInbox': () => lookNow(() => ctx, host.dataDir),
    'monitoring.mapping': ({ clientId }) => mappingOf(clientId),
    'monitoring.saveMapping': ({ clientId, ...mapping }) => {
      saveMapping(ctx, clientOrThrow(clientId), mapping);
      return mappingOf(clientId);
    },
    'monitoring.settings': () => monitoringSettings(ctx),
    'monitoring.updateSettings': (input) => updateMonitoringSettings(ctx, input),
    'monitoring.board': ({ clientId }) => monitoringBoard(ctx, clientId),
    'monitoring.model': ({ modelId }) => modelMonitoring(ctx, modelId),
    'monitoring.attainment': ({ clientId, month }) => {
      clientOrThrow(clientId);
      return clientAttainment(ctx, clientId, month);
    },
    'monitoring.export': ({ clientId, month }) => {
      clientOrThrow(clientId);
      if (month > ctx.today().slice(0, 7))
        throw new DomainError('invalid_input', 'That month has not begun yet; choose this month or an earlier one.', [
          { path: 'month', message: 'is in the future' },
        ]);
      return attainmentFile(ctx, clientId, month);
    },
  };
}
