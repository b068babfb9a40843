import type { Context } from '@backend/core/context';
import { unknownReference } from '@shared/kernel/errors';
import { slug } from '@shared/kernel/text';
import type { OwnershipExport } from '@shared/ownership/contract/matrix';
import { checkAll, findingsIn, matrixOf, personLoadIn, toMatrix } from './matrixService';
import { ownershipWorkbook } from './ownershipWorkbook';

/**
 * The matrix of one engagement as a workbook, as of a day: the grid with RACI letters and colours, the
 * engagement's findings (the load check across engagements included), and the load of everyone named on it.
 */
export async function exportMatrix(ctx: Context, engagementId: string, asOf: string | undefined): Promise<OwnershipExport> {
  const engagement = ctx.repos.engagements.get(engagementId);
  if (!engagement) throw unknownReference('Engagement', engagementId, 'engagementId');
  const day = asOf ?? ctx.today();
  // One check of every engagement serves the findings (the load check looks across them) and everyone's load.
  const all = checkAll(ctx, null, day);
  const mine = all.checked.find((c) => c.engagement.id === engagementId);
  const matrix = mine ? toMatrix(mine) : matrixOf(ctx, { engagementId, asOf: day });
  const findings = findingsIn(all, day, { engagementId });
  const loads = matrix.people.map((p) => personLoadIn(ctx, all, p, day));
  const bytes = await ownershipWorkbook({ matrix, findings, loads, generatedAt: ctx.now() });
  const buffer = Buffer.from(bytes);
  return { fileName: `Keel ownership ${slug(engagement.name)} ${day}.xlsx`, base64: buffer.toString('base64'), bytes: buffer.length };
}
