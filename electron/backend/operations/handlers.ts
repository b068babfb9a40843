import type { HandlersOf } from '@backend/core/area';
import type { Context } from '@backend/core/context';
import { unknownReference } from '@shared/kernel/errors';
import type { operationsAreaProcedures } from '@shared/operations/procedures';
import { clientCost, importCostFile, mappingOf, modelCost, saveMapping, setBudget, setCost } from './costService';
import { acknowledge, addNote, incidentDetail, listIncidents, mitigate, openIncident, resolve, setResponder } from './incidentService';
import { operationsOverview } from './overviewService';
import { logRun, modelRetraining, retrainingDueOf, setPolicy } from './retrainingService';
import { operationsSettings, updateOperationsSettings } from './settings';
import { operationsWorkbook } from './workbook';

/** Retraining, incidents, the overview, the settings and the export. */
export function operationsHandlers(ctx: Context): HandlersOf<typeof operationsAreaProcedures> {
  return {
    'retraining.forModel': ({ modelId }) => modelRetraining(ctx, modelId),
    'retraining.setPolicy': (input) => setPolicy(ctx, input),
    'retraining.log': (input) => logRun(ctx, input),
    'retraining.due': ({ clientId }) => {
      if (clientId && !ctx.repos.clients.get(clientId)) throw unknownReference('Client', clientId, 'clientId');
      return retrainingDueOf(ctx, clientId ?? null);
    },
    'incidents.list': (input) => listIncidents(ctx, input),
    'incidents.get': ({ id }) => incidentDetail(ctx, id),
    'incidents.open': (input) => openIncident(ctx, input),
    'incidents.acknowledge': (input) => acknowledge(ctx, input),
    'incidents.note': (input) => addNote(ctx, input),
    'incidents.setResponder': (input) => setResponder(ctx, input),
    'incidents.mitigate': (input) => mitigate(ctx, input),
    'incidents.resolve': (input) => resolve(ctx, input),
    'operations.overview': ({ clientId }) => operationsOverview(ctx, clientId),
    'operations.settings': () => operationsSettings(ctx),
    'operations.updateSettings': (input) => updateOperationsSettings(ctx, input),
    'operations.export': ({ clientId, month }) => operationsWorkbook(ctx, clientId, month),
    'costs.forModel': ({ modelId }) => modelCost(ctx, modelId),
    'costs.client': ({ clientId, month }) => clientCost(ctx, clientId, month),
    'costs.set': (input) => setCost(ctx, input),
    'costs.setBudget': (input) => setBudget(ctx, input),
    'costs.mapping': ({ clientId }) => mappingOf(ctx, clientId),
    'costs.saveMapping': (input) => saveMapping(ctx, input),
    'costs.import': ({ clientId, provider, fileName, base64 }) =>
      importCostFile(ctx, { clientId, provider, fileName, file: { bytes: Buffer.from(base64, 'base64') } }),
  };
}
