import {
  type ColumnDef,
  type ColumnSizingState,
  columnResizingFeature,
  columnSizingFeature,
  createSortedRowModel,
  type Header,
  type Row,
  type RowData,
  rowSortingFeature,
  type SortingState,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type KeyboardEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import './ui.css';

/** One column of a DataTable: what its header is called (always, for screen readers), how a row fills it, how wide it is. */
export type DataColumn<T extends RowData> = {
  id: string;
  /** The header's words; also its accessible name when `hideHeader` keeps them off screen (action columns). */
  header: string;
  hideHeader?: boolean;
  cell(row: T): ReactNode;
  /** Width in px. Columns without one share what is left. Declared widths can be dragged wider or narrower. */
  width?: number;
  /** Right-aligned tabular figures (money, hours, counts). */
  numeric?: boolean;
  /** Sortable by clicking its header: by the server (the table's `sort`) or, without it, by this value. */
  sortable?: boolean;
  sortValue?(row: T): string | number;
  /** The full text shown on hover when the cell is cut with an ellipsis; defaults to the cell when it is text. */
  title?(row: T): string | undefined;
  /** Let the cell wrap onto more lines instead of cutting it with an ellipsis (badges, two-line cells). */
  wrap?: boolean;
  className?: string;
};

export type TableSort = { id: string; direction: 'asc' | 'desc' };

type Props<T extends RowData> = {
  /** The table's accessible name ("Clients"). */
  label: string;
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  /** Opens a row's record: a click on the row, or Enter on the focused row. */
  onOpen?(row: T): void;
  selectedKey?: string | null;
  rowClassName?(row: T): string | undefined;
  /** Server-side sort: the current column and direction, and what a header click asks for. */
  sort?: TableSort;
  onSort?(columnId: string): void;
  /** Client-side sort to start with, when the table sorts by itself. */
  initialSort?: TableSort;
  /** A totals row after the rows (in the table's foot, so it stays in view), filled by the same columns. */
  footerRow?: T;
  /** Free-form rows for the table's foot (totals per currency), when they do not follow the columns. */
  footer?: ReactNode;
  /** Shown in place of the rows when there are none (an EmptyState). */
  empty?: ReactNode;
  /** Estimated row height in px, before rows are measured. */
  rowHeight?: number;
  /** Classes for the <table> element (an area's column styles). */
  className?: string;
  /** `half`: one of two tables on a screen, each framed to about half the window. */
  frame?: 'full' | 'half';
};

const features = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  columnResizingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic },
});
type Features = typeof features;

const OVERSCAN = 4;
/** Until the scroller is laid out (or where there is no layout), assume a window's worth of rows. */
const FALLBACK_HEIGHT = 700;

/**
 * The kit's table: TanStack Table for the model (sorting, column sizes) and TanStack
 * Virtual for the rows, so only the rows in view are in the DOM however long the list is.
 * The header sticks while the rows scroll, and the table scrolls sideways inside its own
 * frame when the window is narrower than its columns: it never widens the page.
 */
export function DataTable<T extends RowData>({
  label,
  columns,
  rows,
  rowKey,
  onOpen,
  selectedKey,
  rowClassName,
  sort,
  onSort,
  initialSort,
  empty,
  footerRow,
  footer,
  rowHeight = 41,
  className,
  frame = 'full',
}: Props<T>) {
  const serverSorted = onSort !== undefined;
  const [localSort, setLocalSort] = useState<SortingState>(
    initialSort ? [{ id: initialSort.id, desc: initialSort.direction === 'desc' }] : [],
  );
  const [sizing, setSizing] = useState<ColumnSizingState>({});
  const sorting: SortingState = serverSorted ? (sort ? [{ id: sort.id, desc: sort.direction === 'desc' }] : []) : localSort;

  const defs = useMemo(() => columns.map((c) => toDef(c)), [columns]);
  const table = useTable({
    features,
    columns: defs,
    data: rows,
    getRowId: (row) => rowKey(row),
    state: { sorting, columnSizing: sizing },
    manualSorting: serverSorted,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      if (serverSorted) {
        const id = next[0]?.id ?? sort?.id;
        if (id) onSort(id);
      } else setLocalSort(next);
    },
    onColumnSizingChange: setSizing,
    columnResizeMode: 'onChange',
  });

  const scroller = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    getItemKey: (index) => tableRows[index]?.id ?? index,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT })),
    measureElement: (element) => element.getBoundingClientRect().height || rowHeight,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  const minWidth = columns.reduce((sum, c) => sum + (sizing[c.id] ?? c.width ?? 120), 0);
  const span = columns.length;

  return (
    <div
      className={`ui-table${frame === 'half' ? ' ui-table--half' : ''}`}
      ref={scroller}
      // Without focusable rows, the frame itself takes focus so the keyboard can scroll it.
      {...(onOpen ? {} : { tabIndex: 0, role: 'region', 'aria-label': label })}
    >
      <table
        className={`ui-table__table${className ? ` ${className}` : ''}`}
        aria-label={label}
        aria-rowcount={rows.length + 1 + (footerRow === undefined ? 0 : 1)}
        style={{ minWidth }}
      >
        <colgroup>
          {columns.map((c) => {
            const width = sizing[c.id] ?? c.width;
            return <col key={c.id} style={width ? { width } : undefined} />;
          })}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} column={columns[header.index]} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr className="ui-table__empty-row">
              <td colSpan={span}>{empty}</td>
            </tr>
          ) : null}
          {before > 0 && <Spacer span={span} height={before} />}
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            return (
              <BodyRow
                key={row.id}
                row={row}
                index={item.index}
                columns={columns}
                virtualizer={virtualizer}
                selected={selectedKey === row.id}
                extraClass={rowClassName?.(row.original)}
                onOpen={onOpen}
              />
            );
          })}
          {after > 0 && <Spacer span={span} height={after} />}
        </tbody>
        {footer && <tfoot className="ui-table__foot">{footer}</tfoot>}
        {footerRow !== undefined && (
          <tfoot className="ui-table__foot">
            <tr className="ui-table__total" aria-rowindex={rows.length + 2}>
              {columns.map((c) => (
                <BodyCell key={c.id} column={c} row={footerRow} />
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function toDef<T extends RowData>(c: DataColumn<T>): ColumnDef<Features, T> {
  const sortValue = c.sortValue;
  return {
    id: c.id,
    header: c.header,
    enableSorting: Boolean(c.sortable),
    enableResizing: c.width !== undefined,
    ...(c.width !== undefined ? { size: c.width, minSize: 48 } : {}),
    ...(sortValue ? { accessorFn: (row: T) => sortValue(row), sortFn: 'basic' as const } : { accessorFn: () => 0 }),
  };
}

function HeaderCell<T extends RowData>({ header, column }: { header: Header<Features, T, unknown>; column: DataColumn<T> | undefined }) {
  const col = header.column;
  const sorted = col.getIsSorted();
  const canSort = col.getCanSort();
  const text = column?.header ?? header.id;
  const classes = ['ui-table__th', column?.numeric ? 'is-numeric' : ''].filter(Boolean).join(' ');
  const ariaSort = canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined;
  return (
    <th scope="col" className={classes} aria-sort={ariaSort} title={column?.hideHeader ? undefined : text}>
      {column?.hideHeader ? (
        <span className="ui-visually-hidden">{text}</span>
      ) : canSort ? (
        <button type="button" className="ui-table__sort" onClick={col.getToggleSortingHandler()}>
          <span className="ui-table__sort-label">{text}</span>
          <span className="ui-table__sort-arrow" aria-hidden="true">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          </span>
        </button>
      ) : (
        <span className="ui-table__th-label">{text}</span>
      )}
      {col.getCanResize() && (
        <span
          className={`ui-table__resize${col.getIsResizing() ? ' is-resizing' : ''}`}
          aria-hidden="true"
          onMouseDown={header.getResizeHandler()}
          onTouchStart={header.getResizeHandler()}
          onDoubleClick={() => col.resetSize()}
          onClick={(e) => e.stopPropagation()}
        />
      )}
    </th>
  );
}

function BodyRow<T extends RowData>({
  row,
  index,
  columns,
  virtualizer,
  selected,
  extraClass,
  onOpen,
}: {
  row: Row<Features, T>;
  index: number;
  columns: readonly DataColumn<T>[];
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  selected: boolean;
  extraClass: string | undefined;
  onOpen: ((row: T) => void) | undefined;
}) {
  const open = onOpen ? () => onOpen(row.original) : undefined;
  const classes = ['ui-table__row', open ? 'is-clickable' : '', selected ? 'is-selected' : '', extraClass ?? ''].filter(Boolean).join(' ');
  return (
    <tr
      ref={virtualizer.measureElement}
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={open ? selected : undefined}
      className={classes}
      tabIndex={open ? 0 : undefined}
      onClick={open}
      onKeyDown={open ? (e) => onRowKey(e, open) : undefined}
    >
      {columns.map((c) => (
        <BodyCell key={c.id} column={c} row={row.original} />
      ))}
    </tr>
  );
}

function BodyCell<T extends RowData>({ column, row }: { column: DataColumn<T>; row: T }) {
  const content = column.cell(row);
  const title = column.title ? column.title(row) : typeof content === 'string' || typeof content === 'number' ? String(content) : undefined;
  const classes = ['ui-table__td', column.numeric ? 'is-numeric' : '', column.wrap ? 'is-wrapping' : '', column.className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <td className={classes}>
      {column.wrap ? (
        content
      ) : (
        <div className="ui-table__clip" title={title}>
          {content}
        </div>
      )}
    </td>
  );
}

function Spacer({ span, height }: { span: number; height: number }) {
  const style: CSSProperties = { height, padding: 0, border: 0 };
  return (
    <tr className="ui-table__spacer">
      <td colSpan={span} style={style} aria-hidden="true" />
    </tr>
  );
}

/** Enter (or Space) on a focused row opens it; arrow keys move between rows. Keys aimed at a control inside the row stay with it. */
function onRowKey(e: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  if (e.target !== e.currentTarget) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const sibling = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
    if (sibling instanceof HTMLElement && sibling.tabIndex === 0) {
      e.preventDefault();
      sibling.focus();
    }
  }
}
