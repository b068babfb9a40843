import type { ListState } from '@renderer/app/stores';
import type { TableSort } from '@renderer/ui/DataTable';
import { Toolbar, ToolbarFilter } from '@renderer/ui/Toolbar';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** Search box (debounced), the active/archived switch, and area-specific filters: the kit's Toolbar bound to a list store. */
export function ListToolbar<F>({
  store,
  placeholder,
  children,
  actions,
}: {
  store: ListState<F>;
  placeholder: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const [text, setText] = useState(store.search);
  const { search, setSearch } = store;
  const sent = useRef(store.search);
  useEffect(() => {
    const timer = setTimeout(() => {
      sent.current = text;
      setSearch(text);
    }, 200);
    return () => clearTimeout(timer);
  }, [text, setSearch]);
  // A search that arrives from the address (back/forward, a link) shows in the box; the user's own typing is left alone.
  useEffect(() => {
    if (search !== sent.current) {
      sent.current = search;
      setText(search);
    }
  }, [search]);
  return (
    <Toolbar
      search={{ value: text, onChange: setText, placeholder }}
      archived={{ value: store.archived, onChange: store.setArchived }}
      actions={actions}
    >
      {children}
    </Toolbar>
  );
}

/** The DataTable's sort props from a list store: the server sorts, a header click toggles the store. */
export function storeSort<F>(store: ListState<F>): { sort: TableSort; onSort(columnId: string): void } {
  return { sort: { id: store.sort, direction: store.direction }, onSort: store.toggleSort };
}

/** A toolbar filter with an “All …” choice (the kit's ToolbarFilter). */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; label: string }[];
}) {
  return <ToolbarFilter label={label} value={value} onChange={onChange} options={options} />;
}

export function ListStatus({
  loading,
  error,
  count,
  noun,
}: {
  loading: boolean;
  error: string | undefined;
  count: number | undefined;
  noun: string;
}) {
  if (error) return <p className="list-status list-status--error">{error}</p>;
  if (loading) return <p className="list-status">Loading…</p>;
  return (
    <p className="list-status">
      {count} {noun}
      {count === 1 ? '' : 's'}
    </p>
  );
}
