import { type HandlersOf, type HostServices, listOf } from '@backend/core/area';
import type { Context } from '@backend/core/context';
import type { maturityAreaProcedures } from '@shared/maturity/procedures';
import {
  answerAssessment,
  assessmentDetail,
  createAssessment,
  deleteAssessment,
  finaliseAssessment,
  listAssessments,
  updateAssessment,
} from './assessmentService';
import { scorecardFile, summaryPdf } from './exportService';
import { frameworkVersions } from './frameworks';
import { maturityClients, maturityOverview, readinessCheck, removeTarget, saveReadiness, setTarget } from './overviewService';

/** Framework versions, assessments and their answers, targets, the client overview, readiness and the exports. */
export function maturityHandlers(ctx: Context, host: HostServices): HandlersOf<typeof maturityAreaProcedures> {
  return {
    'maturity.frameworks': () => frameworkVersions(),
    'assessments.list': (input) => listOf(listAssessments(ctx, input)),
    'assessments.get': ({ id }) => assessmentDetail(ctx, id),
    'assessments.create': (input) => createAssessment(ctx, input),
    'assessments.update': (input) => updateAssessment(ctx, input),
    'assessments.answer': (input) => answerAssessment(ctx, input),
    'assessments.finalise': ({ id }) => finaliseAssessment(ctx, id),
    'assessments.delete': ({ id }) => deleteAssessment(ctx, id),
    'assessments.scorecard': ({ id }) => scorecardFile(ctx, id),
    'assessments.summaryPdf': ({ id }) => summaryPdf(ctx, host, id),
    'maturity.client': ({ clientId }) => maturityOverview(ctx, clientId),
    'maturity.clients': () => maturityClients(ctx),
    'maturity.setTarget': (input) => setTarget(ctx, input),
    'maturity.removeTarget': ({ id }) => removeTarget(ctx, id),
    'maturity.readiness': ({ clientId }) => readinessCheck(ctx, clientId),
    'maturity.saveReadiness': (input) => saveReadiness(ctx, input),
  };
}
