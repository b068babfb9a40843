import { type HandlersOf, listOf } from '@backend/core/area';
import type { Context } from '@backend/core/context';
import { clockThresholds, updateClockThresholds } from '@backend/core/continuitySettings';
import type { continuityProcedures } from '@shared/continuity/contract';
import { unknownReference } from '@shared/kernel/errors';
import { slug } from '@shared/kernel/text';
import { continuityBoard, slaReport } from './continuityService';
import {
  addPause,
  cancelReplacement,
  createReplacement,
  decideCandidate,
  deletePause,
  fulfilReplacement,
  getReplacement,
  proposeCandidate,
  replacementItems,
  updatePause,
  updateReplacement,
} from './replacementService';
import { slaReportWorkbook } from './slaWorkbook';

/** The replacement requests and the continuity board, report and settings. */
export function continuityHandlers(ctx: Context): HandlersOf<typeof continuityProcedures> {
  return {
    'replacements.list': (input) => listOf(replacementItems(ctx, ctx.repos.replacements.list(input))),
    'replacements.get': ({ id }) => getReplacement(ctx, id),
    'replacements.create': (input) => createReplacement(ctx, input),
    'replacements.update': (input) => updateReplacement(ctx, input),
    'replacements.addPause': (input) => addPause(ctx, input),
    'replacements.updatePause': (input) => updatePause(ctx, input),
    'replacements.deletePause': ({ id }) => deletePause(ctx, id),
    'replacements.proposeCandidate': (input) => proposeCandidate(ctx, input),
    'replacements.decideCandidate': ({ id, decision }) => decideCandidate(ctx, id, decision),
    'replacements.fulfil': (input) => fulfilReplacement(ctx, input),
    'replacements.cancel': ({ id, reason }) => cancelReplacement(ctx, id, reason),
    'continuity.board': (input) => continuityBoard(ctx, knownClient(ctx, input)),
    'continuity.report': (input) => slaReport(ctx, knownClient(ctx, input)),
    'continuity.export': async (input) => {
      const report = slaReport(ctx, knownClient(ctx, input));
      const buffer = await slaReportWorkbook(report, new Date(ctx.now()));
      const client = input.clientId ? ctx.repos.clients.get(input.clientId) : null;
      const scope = client ? `-${slug(client.name)}` : '';
      return { fileName: `keel-sla-${input.year}-Q${input.quarter}${scope}.xlsx`, base64: buffer.toString('base64'), bytes: buffer.length };
    },
    'continuity.settings': () => clockThresholds(ctx),
    'continuity.updateSettings': (input) => updateClockThresholds(ctx, input),
  };
}

/** A filter on a client that does not exist is a mistake to report, not an empty board. */
function knownClient<I extends { clientId?: string | undefined }>(ctx: Context, input: I): I {
  if (input.clientId !== undefined && !ctx.repos.clients.get(input.clientId)) throw unknownReference('Client', input.clientId, 'clientId');
  return input;
}
