import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import type { ActionItem } from '@shared/ceremonies/contract/occurrences';
import { ACTION_STATUS_LABELS, type ActionStatus } from '@shared/ceremonies/rules/vocabulary';

/** One action item: what, who, by when, overdue or not, and the buttons that close or reopen it. */
export function ActionRow({ item: a, showSeries = false }: { item: ActionItem; showSeries?: boolean }) {
  const update = useCommand('actions.update');
  const toast = useToasts((s) => s.show);
  const setStatus = (status: ActionStatus) =>
    void update
      .mutateAsync({
        id: a.id,
        expectedUpdatedAt: a.updatedAt,
        title: a.title,
        owner: { kind: a.owner.kind, id: a.owner.id },
        dueDate: a.dueDate,
        status,
        modelId: a.modelId,
      })
      .then(() => toast({ tone: 'info', message: `“${a.title}” is ${ACTION_STATUS_LABELS[status].toLowerCase()}.` }))
      .catch((e: Error) => toast({ tone: 'error', message: e.message }));
  return (
    <li className={`cer-action${a.overdue ? ' cer-action--overdue' : ''}`}>
      <span className="cer-action__title">{a.title}</span>
      <span className="muted">
        {a.owner.name} · due {day(a.dueDate)}
        {a.modelName ? ` · ${a.modelName}` : ''}
        {showSeries ? ` · ${a.seriesTitle} (${a.engagementName})` : ''}
      </span>
      {a.overdue ? (
        <Badge tone="critical">Overdue</Badge>
      ) : (
        <Badge tone={a.status === 'open' ? 'info' : 'neutral'}>
          {ACTION_STATUS_LABELS[a.status]}
          {a.closedAt ? ` ${day(a.closedAt.slice(0, 10))}` : ''}
        </Badge>
      )}
      <span className="cer-action__buttons">
        {a.status === 'open' ? (
          <>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setStatus('done')}
              aria-label={`Mark “${a.title}” done`}
            >
              Done
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setStatus('dropped')}
              aria-label={`Drop “${a.title}”`}
            >
              Drop
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setStatus('open')}
            aria-label={`Reopen “${a.title}”`}
          >
            Reopen
          </button>
        )}
      </span>
    </li>
  );
}
