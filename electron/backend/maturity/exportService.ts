import type { HostServices } from '@backend/core/area';
import type { Context } from '@backend/core/context';
import { printable } from '@backend/core/printable';
import type { ExportedFile, PrintableFile } from '@shared/kernel/printDocument';
import { slug } from '@shared/kernel/text';
import type { ScorecardData } from '@shared/maturity/contract/scorecard';
import { scorecardSummaryHtml } from '@shared/maturity/rules/summaryHtml';
import { gapsOf } from '@shared/maturity/rules/targets';
import { assessmentDetail, levelsOf } from './assessmentService';
import { scorecardWorkbook } from './scorecardWorkbook';

/** One assessment with the final one before it, the client's targets and the gaps measured from this assessment. */
function scorecardData(ctx: Context, id: string): ScorecardData {
  const detail = assessmentDetail(ctx, id);
  const a = detail.assessment;
  const before = ctx.repos.assessments
    .list({ clientId: a.clientId, status: 'final' })
    .find((x) => x.id !== a.id && (x.assessedOn < a.assessedOn || (x.assessedOn === a.assessedOn && x.createdAt < a.createdAt)));
  const targets = ctx.repos.maturityTargets.ofClient(a.clientId);
  const answers = new Map(detail.answers.map((x) => [x.criterionId, x.answer]));
  const gaps = gapsOf(detail.set, detail.levels, answers, targets, ctx.today());
  return {
    detail,
    previous: before ? { assessmentId: before.id, assessedOn: before.assessedOn, levels: levelsOf(ctx, before) } : null,
    targets,
    gaps,
    generatedAt: ctx.now(),
  };
}

const stem = (data: ScorecardData, what: string) =>
  `${what}-${slug(data.detail.assessment.clientName, 'client')}-${data.detail.assessment.assessedOn}`;

export async function scorecardFile(ctx: Context, id: string): Promise<ExportedFile> {
  const data = scorecardData(ctx, id);
  const bytes = await scorecardWorkbook(data);
  return { fileName: `${stem(data, 'maturity-scorecard')}.xlsx`, base64: bytes.toString('base64'), bytes: bytes.length };
}

export function summaryPdf(ctx: Context, host: HostServices, id: string): Promise<PrintableFile> {
  const data = scorecardData(ctx, id);
  return printable(host, stem(data, 'maturity-summary'), scorecardSummaryHtml(data));
}
