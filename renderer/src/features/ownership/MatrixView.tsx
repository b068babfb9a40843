import { useProcedure } from '@renderer/api/queries';
import { Badge } from '@renderer/ui/Badge';
import { EmptyState } from '@renderer/ui/EmptyState';
import { Toolbar, ToolbarFilter } from '@renderer/ui/Toolbar';
import { ASSET_TYPE_LABELS, ASSET_TYPES, type RowType } from '@shared/ownership/rules/vocabulary';
import { useMemo, useState } from 'react';
import { BulkAssignDrawer, HandoverDrawer } from './BulkActions';
import { CellDrawer } from './CellDrawer';
import { AsOfInput, EngagementSelect, useAsOf, useEngagementChoice } from './controls';
import { OwnershipExportButton } from './ExportButton';
import { plural } from './labels';
import { MatrixGrid, MatrixLegend } from './MatrixGrid';
import { dutiesInForce } from './matrixModel';
import { cellKey, cellOf, useOwnership } from './ownershipStore';
import { usePeopleOptions } from './people';

const ROW_TYPE_OPTIONS = [
  { value: 'model', label: 'Models' },
  ...ASSET_TYPES.map((t) => ({ value: t, label: ASSET_TYPE_LABELS[t] })),
] satisfies { value: RowType; label: string }[];

/** One engagement's matrix on one day: filters, counts, the grid, its legend, and the open cell. */
export function MatrixView() {
  const store = useOwnership();
  const asOf = useAsOf();
  const { engagementId, engagement, engagements } = useEngagementChoice();
  const matrix = useProcedure(
    'ownership.matrix',
    { engagementId, asOf, person: store.person || undefined, type: store.rowType || undefined },
    engagementId !== '',
  );
  const people = usePeopleOptions(engagementId, engagement?.clientId);
  const [bulk, setBulk] = useState<'assign' | 'handover' | null>(null);
  const data = matrix.data;
  const duties = useMemo(() => (data ? dutiesInForce(data.duties, data.asOf) : []), [data]);
  // Everyone named in the matrix, and everyone who could be: the filter keeps its choice when it narrows the rows.
  const personOptions = useMemo(() => {
    const all = new Map<string, string>();
    for (const g of people.groups) for (const o of g.options) all.set(o.value, o.label);
    for (const p of data?.people ?? []) all.set(p.key, p.inactive ? `${p.name} (inactive)` : p.name);
    return [...all].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [people.groups, data?.people]);
  const open = cellOf(store.cell);

  if (!engagements.loading && engagements.rows.length === 0) {
    return <EmptyState title="No engagement yet">The matrix is kept per engagement: add an engagement first.</EmptyState>;
  }

  return (
    <section aria-label="Matrix">
      <Toolbar
        actions={
          <>
            <button type="button" className="button" disabled={!engagementId} onClick={() => setBulk('assign')}>
              Give a duty across the engagement…
            </button>
            <button type="button" className="button" onClick={() => setBulk('handover')}>
              Hand everything over…
            </button>
            <OwnershipExportButton engagementId={engagementId} asOf={asOf} />
          </>
        }
      >
        <EngagementSelect />
        <AsOfInput />
        <ToolbarFilter label="People" value={store.person} onChange={(v) => store.set({ person: v })} options={personOptions} />
        <ToolbarFilter
          label="Row types"
          value={store.rowType}
          onChange={(v) => store.set({ rowType: v as RowType | '' })}
          options={ROW_TYPE_OPTIONS}
        />
      </Toolbar>
      {matrix.error && <p className="notice">{matrix.error.message}</p>}
      {(matrix.isLoading || engagements.loading) && <p className="list-status">Loading…</p>}
      {data && (
        <>
          <p className="own-counts">
            <Badge tone={data.counts.error > 0 ? 'critical' : 'neutral'}>
              {data.counts.error} {data.counts.error === 1 ? 'error' : 'errors'}
            </Badge>{' '}
            <Badge tone={data.counts.warning > 0 ? 'attention' : 'neutral'}>
              {data.counts.warning} {data.counts.warning === 1 ? 'warning' : 'warnings'}
            </Badge>{' '}
            <Badge tone={data.counts.info > 0 ? 'info' : 'neutral'}>
              {data.counts.info} {data.counts.info === 1 ? 'notice' : 'notices'}
            </Badge>{' '}
            <span className="muted">
              {plural(data.rows.filter((r) => r.kind === 'model').length, 'model', 'models')},{' '}
              {plural(data.rows.filter((r) => r.kind === 'asset').length, 'asset', 'assets')}, {plural(duties.length, 'duty', 'duties')} ·{' '}
              {data.clientName}
            </span>{' '}
            <button type="button" className="link" onClick={() => store.set({ tab: 'findings', scope: data.engagementId })}>
              See the findings
            </button>
          </p>
          {data.rows.length === 0 ? (
            <EmptyState title={store.person || store.rowType ? 'No row matches the filters' : 'Nothing to own yet'}>
              {store.person || store.rowType
                ? 'Clear the person or row type filter.'
                : 'Models of this engagement (from the portfolio) and its assets are the rows of the matrix. Add an asset under Assets.'}
            </EmptyState>
          ) : (
            <MatrixGrid matrix={data} duties={duties} openCell={store.cell} onOpen={(cell) => store.set({ cell: cellKey(cell) })} />
          )}
          <MatrixLegend />
          {open && <CellDrawer key={store.cell} matrix={data} cell={open} onClose={() => store.set({ cell: '' })} />}
        </>
      )}
      {bulk === 'assign' && engagement && (
        <BulkAssignDrawer engagementId={engagement.id} clientId={engagement.clientId} onClose={() => setBulk(null)} />
      )}
      {bulk === 'handover' && <HandoverDrawer engagementId={engagementId} clientId={engagement?.clientId} onClose={() => setBulk(null)} />}
    </section>
  );
}
