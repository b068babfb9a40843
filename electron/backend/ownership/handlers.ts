import { type HandlersOf, listOf } from '@backend/core/area';
import type { Context } from '@backend/core/context';
import type { ownershipAreaProcedures } from '@shared/ownership/procedures';
import { archiveAsset, createAsset, listAssets, updateAsset } from './assetService';
import { assign, assignmentHistory, bulkAssign, endAssignment, handover, removeAssignment } from './assignmentService';
import { createDuty, listDuties, retireDuty, setApplicable } from './dutyService';
import { exportMatrix } from './exportService';
import { findingsOf, matrixOf, personLoadOf, riskOf, whoResponds } from './matrixService';
import { ownershipSettings, updateOwnershipSettings } from './settings';
import { getSnapshot, listSnapshots } from './snapshotService';

/** Assets, duties, the effective-dated matrix, its checks, the month snapshots and the workbook. */
export function ownershipHandlers(ctx: Context): HandlersOf<typeof ownershipAreaProcedures> {
  return {
    'assets.list': (input) => listOf(listAssets(ctx, input)),
    'assets.create': (input) => createAsset(ctx, input),
    'assets.update': (input) => updateAsset(ctx, input),
    'assets.archive': ({ id, archived }) => archiveAsset(ctx, id, archived),
    'duties.list': ({ engagementId }) => listDuties(ctx, engagementId),
    'duties.create': (input) => createDuty(ctx, input),
    'duties.retire': (input) => retireDuty(ctx, input),
    'duties.setApplicable': (input) => setApplicable(ctx, input),
    'ownership.matrix': (input) => matrixOf(ctx, input),
    'ownership.assignments': ({ targetKind, targetId, dutyKey }) => assignmentHistory(ctx, targetKind, targetId, dutyKey),
    'ownership.assign': (input) => assign(ctx, input),
    'ownership.endAssignment': ({ id, toDate }) => endAssignment(ctx, id, toDate),
    'ownership.removeAssignment': ({ id }) => removeAssignment(ctx, id),
    'ownership.bulkAssign': (input) => bulkAssign(ctx, input),
    'ownership.handover': (input) => handover(ctx, input),
    'ownership.findings': (input) => findingsOf(ctx, input),
    'ownership.personLoad': ({ person, asOf }) => personLoadOf(ctx, person, asOf ?? ctx.today()),
    'ownership.risk': (input) => riskOf(ctx, input),
    'ownership.whoResponds': ({ modelId, at }) => whoResponds(ctx, modelId, at ?? ctx.now()),
    'ownership.snapshots': ({ engagementId }) => listSnapshots(ctx, engagementId),
    'ownership.snapshot': ({ engagementId, month }) => getSnapshot(ctx, engagementId, month),
    'ownership.settings': () => ownershipSettings(ctx),
    'ownership.updateSettings': (input) => updateOwnershipSettings(ctx, input),
    'ownership.export': ({ engagementId, asOf }) => exportMatrix(ctx, engagementId, asOf),
  };
}
