import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { monthEnd } from '@shared/kernel/days';
import { DomainError, unknownReference } from '@shared/kernel/errors';
import type { OwnershipSnapshot, SnapshotListItem } from '@shared/ownership/contract/matrix';
import { loadFacts } from './facts';
import { check, countsOf, itemsOf, toMatrix } from './matrixService';

/**
 * On a month's approval (billing's event, inside its transaction): records the engagement's matrix and
 * findings as of the month's last day. Never updated; a re-approval after a reopen adds a newer one.
 * An engagement with no model or asset has no matrix and gets no snapshot.
 */
export function snapshotOnApproval(
  ctx: Context,
  payload: { engagementId: string; month: string; approvedAt: string; approvedBy: string },
): void {
  const asOf = monthEnd(`${payload.month}-01`);
  const [loaded] = loadFacts(ctx, [payload.engagementId], asOf);
  if (!loaded || (loaded.facts.rows.length === 0 && loaded.facts.assignments.length === 0)) return;
  const checked = check(loaded);
  const matrix = toMatrix(checked);
  const findings = itemsOf([checked], checked.findings);
  const counts = countsOf(findings);
  const id = newId();
  ctx.repos.assignments.insertSnapshot({
    id,
    engagementId: payload.engagementId,
    month: payload.month,
    takenAt: payload.approvedAt,
    takenBy: payload.approvedBy,
    counts,
    data: JSON.stringify({ matrix, findings }),
  });
  ctx.repos.audit.append(
    {
      entity: 'ownership_snapshot',
      entityId: payload.engagementId,
      label: `Ownership matrix as of ${asOf} (${loaded.engagement.name})`,
      action: 'create',
      before: null,
      after: { id, month: payload.month, asOf, counts, rows: matrix.rows.length },
    },
    payload.approvedBy,
    payload.approvedAt,
  );
}

export function listSnapshots(ctx: Context, engagementId: string): SnapshotListItem[] {
  if (!ctx.repos.engagements.get(engagementId)) throw unknownReference('Engagement', engagementId, 'engagementId');
  return ctx.repos.assignments.snapshots(engagementId);
}

export function getSnapshot(ctx: Context, engagementId: string, month: string): OwnershipSnapshot {
  const engagement = ctx.repos.engagements.get(engagementId);
  if (!engagement) throw unknownReference('Engagement', engagementId, 'engagementId');
  const stored = ctx.repos.assignments.snapshot(engagementId, month);
  if (!stored)
    throw new DomainError(
      'not_found',
      `No ownership matrix was recorded for ${engagement.name} in ${month}: it is taken when the month is approved.`,
    );
  const data = JSON.parse(stored.data) as Pick<OwnershipSnapshot, 'matrix' | 'findings'>;
  return { engagementId, month, takenAt: stored.takenAt, takenBy: stored.takenBy, ...data };
}
