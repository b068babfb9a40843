import { useCommand, useProcedure } from '@renderer/api/queries';
import { recordArea } from '@renderer/app/routes';
import { useNav, useToasts } from '@renderer/app/stores';
import { ACTION_LABELS, describeChanges, entityLabel } from '@renderer/components/auditText';
import { FilterSelect } from '@renderer/components/list';
import { AUDITED_ENTITIES, type AuditEntry, type AuditedEntity } from '@shared/audit/contract';
import { format, parseISO } from 'date-fns';
import { useState } from 'react';

import { useAuditLog } from './auditStore';

const PAGE = 50;

export function AuditScreen() {
  const { entity, setEntity } = useAuditLog();
  const [shown, setShown] = useState(1);
  return (
    <div className="screen">
      <header className="screen__header">
        <div>
          <h1>Audit log</h1>
          <p className="screen__lede">
            Every change Keel has stored: who, when, and the record before and after. Archives and restores can be undone here.
          </p>
        </div>
      </header>
      <div className="toolbar">
        <FilterSelect
          label="Records"
          value={entity}
          options={AUDITED_ENTITIES.map((e) => ({ value: e, label: `${entityLabel(e)}s` }))}
          onChange={(v) => {
            setEntity(v as AuditedEntity | '');
            setShown(1);
          }}
        />
      </div>
      <table className="table">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Record</th>
            <th>Change</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <AuditPage entity={entity} beforeId={undefined} depth={0} shown={shown} onMore={() => setShown(shown + 1)} />
      </table>
    </div>
  );
}

/**
 * One page of the log, followed by the next page while more are shown. Each
 * page starts after the *current* last row of the page before it, so an undo
 * that adds a row at the top shifts rows between pages without losing one.
 */
function AuditPage({
  entity,
  beforeId,
  depth,
  shown,
  onMore,
}: {
  entity: AuditedEntity | '';
  beforeId: string | undefined;
  depth: number;
  shown: number;
  onMore(): void;
}) {
  const page = useProcedure('audit.list', { entity: entity || undefined, beforeId, limit: PAGE });
  const undo = useCommand('audit.undo');
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);
  if (page.error)
    return (
      <tbody>
        <tr>
          <td colSpan={5} className="form__error">
            {page.error.message}
          </td>
        </tr>
      </tbody>
    );
  const rows = page.data?.rows ?? [];
  const last = rows.at(-1);
  const hasNext = Boolean(page.data?.hasMore && last);
  return (
    <>
      <tbody>
        {!beforeId && page.data && rows.length === 0 && (
          <tr>
            <td colSpan={5} className="list-empty">
              No changes recorded yet.
            </td>
          </tr>
        )}
        {rows.map((e) => (
          <tr key={e.id}>
            <td className="nowrap">{format(parseISO(e.at), 'd MMM yyyy HH:mm:ss')}</td>
            <td>{e.actor}</td>
            <td>
              <span className="muted">{entityLabel(e.entity)}</span>{' '}
              {recordArea(e.entity) ? (
                <button type="button" className="link" onClick={() => go({ area: recordArea(e.entity) ?? 'audit', recordId: e.entityId })}>
                  {e.label}
                </button>
              ) : (
                e.label
              )}
            </td>
            <td>{describe(e)}</td>
            <td className="row-actions">
              {e.undoable && (
                <button
                  type="button"
                  className="button button--small"
                  title={e.action === 'archive' ? `Restore ${e.label}` : `Archive ${e.label} again`}
                  disabled={undo.isPending}
                  onClick={() =>
                    undo.mutate(
                      { auditId: e.id },
                      {
                        onSuccess: () =>
                          toast({
                            tone: 'info',
                            message: `Undone: ${e.label} is ${e.action === 'archive' ? 'restored' : 'archived again'}.`,
                          }),
                        onError: (err) => toast({ tone: 'error', message: err.message }),
                      },
                    )
                  }
                >
                  Undo
                </button>
              )}
            </td>
          </tr>
        ))}
        {hasNext && depth === shown - 1 && (
          <tr>
            <td colSpan={5}>
              <button type="button" className="button" onClick={onMore}>
                Show older changes
              </button>
            </td>
          </tr>
        )}
      </tbody>
      {hasNext && depth < shown - 1 && last && (
        <AuditPage entity={entity} beforeId={last.id} depth={depth + 1} shown={shown} onMore={onMore} />
      )}
    </>
  );
}

function describe(e: AuditEntry): string {
  if (e.action === 'update') {
    return `${ACTION_LABELS.update} ${describeChanges(e.before, e.after)}`;
  }
  if (e.action === 'import' && e.after) {
    const counts = e.after as Record<string, number>;
    return `Loaded ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`)
      .join(', ')}`;
  }
  return ACTION_LABELS[e.action];
}
