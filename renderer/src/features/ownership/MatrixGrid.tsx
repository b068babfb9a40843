import type { Duty } from '@shared/ownership/contract/duties';
import type { OwnershipMatrix } from '@shared/ownership/contract/matrix';
import { ROLE_LETTERS } from '@shared/ownership/rules/vocabulary';
import { defaultRangeExtractor, observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  cellDescription,
  cellId,
  cellText,
  type GridRow,
  groupRows,
  holdersByRole,
  indexMatrix,
  type MatrixIndex,
  rowTypeLabel,
} from './matrixModel';
import type { CellRef } from './ownershipStore';

/** Every row is one line high: the grid never measures, so 2,000 rows cost what 20 do. */
export const MATRIX_ROW_HEIGHT = 34;
const OVERSCAN = 6;
/** Until the frame is laid out (or where there is no layout), assume a window's worth of rows. */
const FALLBACK_HEIGHT = 640;
const PAGE = 10;

type Props = {
  matrix: OwnershipMatrix;
  duties: readonly Duty[];
  /** The open cell, marked in the grid. */
  openCell: string;
  onOpen(cell: CellRef): void;
};

type Position = { row: number; col: number };

/**
 * The matrix as a grid (WAI-ARIA grid pattern): rows are models with their assets under them, columns the
 * duties in force. Only the rows in view are in the DOM (TanStack Virtual), plus the one holding the focus,
 * so the grid stays as light for 2,000 assets as for 20. One tab stop (roving tabindex): arrow keys move
 * between cells, Home/End to the row's ends (with Ctrl, the grid's), Page Up/Down by ten rows, Enter or
 * Space opens the cell.
 */
export function MatrixGrid({ matrix, duties, openCell, onOpen }: Props) {
  const rows = useMemo(() => groupRows(matrix.rows), [matrix.rows]);
  const index = useMemo(() => indexMatrix(matrix), [matrix]);
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const focusPending = useRef(false);
  // The rows or columns changed under the focus (a filter, another day): keep it inside the grid.
  const current = { row: Math.min(active.row, Math.max(0, rows.length - 1)), col: Math.min(active.col, Math.max(0, duties.length - 1)) };

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => MATRIX_ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (i) => rows[i]?.id ?? i,
    // The row with the focus stays in the DOM when it scrolls away, so Tab comes back to it.
    rangeExtractor: (range) => {
      const shown = defaultRangeExtractor(range);
      return shown.includes(current.row) || current.row >= rows.length ? shown : [...shown, current.row].sort((a, b) => a - b);
    },
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT })),
  });

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-cell="${current.row}:${current.col}"]`)?.focus({ preventScroll: false });
  });

  const moveTo = (next: Position) => {
    const row = Math.max(0, Math.min(rows.length - 1, next.row));
    const col = Math.max(0, Math.min(duties.length - 1, next.col));
    setActive({ row, col });
    focusPending.current = true;
    virtualizer.scrollToIndex(row, { align: 'auto' });
  };

  const open = (position: Position) => {
    const row = rows[position.row];
    const duty = duties[position.col];
    if (!row || !duty) return;
    const cell = index.cells.get(cellId(row.kind, row.id, duty.key));
    if (cell && !cell.applicable) return;
    onOpen({ targetKind: row.kind, targetId: row.id, dutyKey: duty.key });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableCellElement>) => {
    const { row, col } = current;
    const last = { row: rows.length - 1, col: duties.length - 1 };
    const moves: Record<string, Position | undefined> = {
      ArrowUp: { row: row - 1, col },
      ArrowDown: { row: row + 1, col },
      ArrowLeft: { row, col: col - 1 },
      ArrowRight: { row, col: col + 1 },
      PageUp: { row: row - PAGE, col },
      PageDown: { row: row + PAGE, col },
      Home: e.ctrlKey || e.metaKey ? { row: 0, col: 0 } : { row, col: 0 },
      End: e.ctrlKey || e.metaKey ? last : { row, col: last.col },
    };
    const next = moves[e.key];
    if (next) {
      e.preventDefault();
      moveTo(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(current);
    }
  };

  const minWidth = `calc(var(--own-name-width) + ${duties.length} * var(--own-cell-width))`;
  const items = virtualizer.getVirtualItems();
  const span = duties.length + 1;
  let previous = -1;

  return (
    // The frame scrolls; the keyboard moves inside the grid, whose one tab stop is the active cell.
    <div className="own-grid" ref={scroller}>
      <table
        className="own-grid__table"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a data grid with one tab stop and arrow keys between its cells (WAI-ARIA grid pattern)
        role="grid"
        aria-label={`Ownership matrix of ${matrix.engagementName} as of ${matrix.asOf}`}
        aria-rowcount={rows.length + 1}
        aria-colcount={duties.length + 1}
        style={{ minWidth }}
      >
        <colgroup>
          <col className="own-grid__name-col" />
          {duties.map((d) => (
            <col key={d.key} className="own-grid__duty-col" />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="own-grid__corner">
              Model · asset
            </th>
            {duties.map((d) => (
              <th
                key={d.key}
                scope="col"
                className="own-grid__duty"
                title={d.coverRequired ? `${d.name}: a named Backup is always required` : d.name}
              >
                {d.name}
                {d.custom && <span className="own-grid__custom"> (own)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.flatMap((item) => {
            const row = rows[item.index];
            if (!row) return [];
            const gap = item.index - previous - 1;
            previous = item.index;
            return [
              gap > 0 ? <Spacer key={`gap-${item.index}`} span={span} rows={gap} /> : null,
              <tr key={item.key} aria-rowindex={item.index + 2} className={`own-grid__row own-grid__row--${row.kind}`}>
                <RowHeader row={row} index={index} />
                {duties.map((duty, col) => (
                  <Cell
                    key={duty.key}
                    row={row}
                    duty={duty}
                    index={index}
                    position={{ row: item.index, col }}
                    active={current.row === item.index && current.col === col}
                    open={openCell === cellId(row.kind, row.id, duty.key)}
                    onFocus={() => setActive({ row: item.index, col })}
                    onOpen={() => open({ row: item.index, col })}
                    onKeyDown={onKeyDown}
                  />
                ))}
              </tr>,
            ];
          })}
          {rows.length - previous - 1 > 0 && <Spacer span={span} rows={rows.length - previous - 1} />}
        </tbody>
      </table>
    </div>
  );
}

/** The rows out of view, as one empty row of their height (rows are all one line high). */
function Spacer({ span, rows }: { span: number; rows: number }) {
  return (
    <tr className="own-grid__spacer">
      <td colSpan={span} style={{ height: rows * MATRIX_ROW_HEIGHT }} aria-hidden="true" />
    </tr>
  );
}

function RowHeader({ row, index }: { row: GridRow; index: MatrixIndex }) {
  const model = row.kind === 'asset' && row.modelId ? index.modelNames.get(row.modelId) : undefined;
  const served = row.kind === 'asset' && row.modelIds.length > 1 ? ` · serves ${row.modelIds.length} models` : '';
  return (
    <th
      scope="row"
      className={`own-grid__name${row.indented ? ' is-indented' : ''}`}
      title={`${row.name} — ${rowTypeLabel(row)}${model ? ` of ${model}` : ''}${served}`}
    >
      <div className="own-grid__name-inner">
        <span className="own-grid__label">{row.name}</span>
        <span className="own-grid__type">
          {row.kind === 'model' ? (row.riskTier ? `${row.riskTier} risk` : 'model') : rowTypeLabel(row)}
        </span>
      </div>
    </th>
  );
}

function Cell({
  row,
  duty,
  index,
  position,
  active,
  open,
  onFocus,
  onOpen,
  onKeyDown,
}: {
  row: GridRow;
  duty: Duty;
  index: MatrixIndex;
  position: { row: number; col: number };
  active: boolean;
  open: boolean;
  onFocus(): void;
  onOpen(): void;
  onKeyDown(e: KeyboardEvent<HTMLTableCellElement>): void;
}) {
  const cell = index.cells.get(cellId(row.kind, row.id, duty.key));
  const applicable = cell?.applicable ?? false;
  const description = cellDescription(row, duty, cell, index);
  const shown = !applicable ? 'n/a' : cell && cell.holders.length > 0 ? cellText(cell.holders, index.people) : '—';
  const classes = [
    'own-cell',
    !applicable ? 'is-na' : '',
    cell?.inherited ? 'is-inherited' : '',
    cell?.severity ? `own-cell--${cell.severity}` : '',
    applicable && cell?.holders.length === 0 ? 'is-empty' : '',
    open ? 'is-open' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <td
      // The accessible name starts with what the cell shows (the letters), then says it in words.
      aria-label={`${shown}. ${description.replace(/\n/g, '; ')}`}
      aria-disabled={!applicable || undefined}
      data-cell={`${position.row}:${position.col}`}
      tabIndex={active ? 0 : -1}
      className={classes}
      title={description}
      onFocus={onFocus}
      onClick={onOpen}
      onKeyDown={onKeyDown}
    >
      {!applicable ? (
        <span aria-hidden="true">n/a</span>
      ) : cell && cell.holders.length > 0 ? (
        <span aria-hidden="true" className="own-cell__roles">
          {holdersByRole(cell.holders).map(([role, list], i) => (
            <span key={role} className={`own-role own-role--${role}`}>
              {i > 0 ? ' ' : ''}
              {ROLE_LETTERS[role]}:{list.map((h) => index.people.get(h.personKey)?.initials ?? '?').join(',')}
            </span>
          ))}
        </span>
      ) : (
        <span aria-hidden="true" className="own-cell__none">
          —
        </span>
      )}
    </td>
  );
}

/** What the letters and colours mean, under the grid. */
export function MatrixLegend() {
  return (
    <dl className="own-legend" aria-label="Legend">
      <div>
        <dt className="own-role own-role--accountable">A</dt>
        <dd>Accountable</dd>
      </div>
      <div>
        <dt className="own-role">R</dt>
        <dd>Responsible</dd>
      </div>
      <div>
        <dt className="own-role">C</dt>
        <dd>Consulted</dd>
      </div>
      <div>
        <dt className="own-role">I</dt>
        <dd>Informed</dd>
      </div>
      <div>
        <dt className="own-role">B</dt>
        <dd>Backup</dd>
      </div>
      <div>
        <dt className="own-legend__swatch own-cell--error">&nbsp;</dt>
        <dd>Error: nobody can answer for it today</dd>
      </div>
      <div>
        <dt className="own-legend__swatch own-cell--warning">&nbsp;</dt>
        <dd>Warning: cover fails when someone is away or leaves</dd>
      </div>
      <div>
        <dt className="own-legend__swatch own-cell--info">&nbsp;</dt>
        <dd>Notice</dd>
      </div>
      <div>
        <dt className="own-legend__swatch is-inherited">A:XY</dt>
        <dd>Inherited from the model</dd>
      </div>
      <div>
        <dt className="own-legend__swatch is-na">n/a</dt>
        <dd>Does not apply</dd>
      </div>
    </dl>
  );
}
