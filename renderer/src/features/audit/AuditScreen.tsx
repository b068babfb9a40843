import { unwrap, useCommand, useKeel } from '@renderer/api/queries';
import { recordArea } from '@renderer/app/routes';
import { useNav, useToasts } from '@renderer/app/stores';
import { ACTION_LABELS, describeChanges, entityLabel } from '@renderer/components/auditText';
import { instantWithSeconds } from '@renderer/components/dates';
import { FilterSelect } from '@renderer/components/list';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import { Toolbar } from '@renderer/ui/Toolbar';
import { AUDITED_ENTITIES, type AuditEntry, type AuditedEntity } from '@shared/audit/contract';
import type { InputOf } from '@shared/contract';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { useAuditLog as useAuditFilter } from './auditStore';

const PAGE = 50;

type AuditPageResult = { rows: AuditEntry[]; hasMore: boolean };

/**
 * The first `shown` pages of the log. Each page starts after the *current* last row of the
 * page before it (read from the query cache, so the chain follows as pages arrive), so an
 * undo that adds a row at the top shifts rows between pages without losing one.
 */
function useAuditLog(entity: AuditedEntity | '', shown: number) {
  const client = useKeel();
  const cache = useQueryClient();
  const inputs: InputOf<'audit.list'>[] = [];
  let beforeId: string | undefined;
  for (let page = 0; page < shown; page++) {
    const input = { entity: entity || undefined, beforeId, limit: PAGE };
    inputs.push(input);
    const data = cache.getQueryData<AuditPageResult>(['audit.list', input]);
    const last = data?.rows.at(-1);
    if (!data?.hasMore || !last) break;
    beforeId = last.id;
  }
  const pages = useQueries({
    queries: inputs.map((input) => ({ queryKey: ['audit.list', input], queryFn: () => unwrap(client, 'audit.list', input) })),
  });
  const seen = new Set<string>();
  const rows: AuditEntry[] = [];
  for (const page of pages) for (const row of page.data?.rows ?? []) if (!seen.has(row.id) && seen.add(row.id)) rows.push(row);
  const lastPage = pages.at(-1);
  return {
    rows,
    loaded: pages.every((p) => p.data !== undefined),
    error: pages.find((p) => p.error)?.error,
    hasMore: pages.length === shown && Boolean(lastPage?.data?.hasMore),
  };
}

export function AuditScreen() {
  const { entity, setEntity } = useAuditFilter();
  const [shown, setShown] = useState(1);
  const log = useAuditLog(entity, shown);
  const undo = useCommand('audit.undo');
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);
  const columns: DataColumn<AuditEntry>[] = [
    { id: 'at', header: 'When', width: 170, cell: (e) => instantWithSeconds(e.at) },
    { id: 'actor', header: 'Who', width: 150, cell: (e) => e.actor },
    {
      id: 'record',
      header: 'Record',
      title: (e) => `${entityLabel(e.entity)} ${e.label}`,
      cell: (e) => {
        const area = recordArea(e.entity);
        return (
          <>
            <span className="muted">{entityLabel(e.entity)}</span>{' '}
            {area ? (
              <button type="button" className="link" onClick={() => go({ area, recordId: e.entityId })}>
                {e.label}
              </button>
            ) : (
              e.label
            )}
          </>
        );
      },
    },
    { id: 'change', header: 'Change', cell: (e) => describe(e) },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      width: 90,
      className: 'row-actions',
      cell: (e) =>
        e.undoable && (
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
        ),
    },
  ];
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
      <Toolbar>
        <FilterSelect
          label="Records"
          value={entity}
          options={AUDITED_ENTITIES.map((e) => ({ value: e, label: `${entityLabel(e)}s` }))}
          onChange={(v) => {
            setEntity(v as AuditedEntity | '');
            setShown(1);
          }}
        />
      </Toolbar>
      {log.error && <p className="list-status list-status--error">{log.error.message}</p>}
      <DataTable
        label="Audit log"
        columns={columns}
        rows={log.rows}
        rowKey={(e) => e.id}
        empty={log.loaded && !log.error && <EmptyState title="No changes recorded yet" />}
      />
      {log.hasMore && (
        <p className="audit-more">
          <button type="button" className="button" onClick={() => setShown(shown + 1)}>
            Show older changes
          </button>
        </p>
      )}
    </div>
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
