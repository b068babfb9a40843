import type { ListState } from '@renderer/app/stores';
import { SegmentedControl } from '@renderer/ui/SegmentedControl';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** Search box (debounced), the active/archived switch, and area-specific filters. */
export function ListToolbar<F>({ store, placeholder, children }: { store: ListState<F>; placeholder: string; children?: ReactNode }) {
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
    <div className="toolbar">
      <input
        className="toolbar__search"
        type="search"
        aria-label="Search"
        title="Shortcut: /"
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {children}
      <SegmentedControl
        label="Show"
        options={[
          { value: 'active', label: 'Current' },
          { value: 'archived', label: 'Archived' },
          { value: 'all', label: 'All' },
        ]}
        value={store.archived}
        onChange={store.setArchived}
      />
    </div>
  );
}

export function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
}) {
  return (
    <select className="toolbar__filter" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{`All ${label.toLowerCase()}`}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A column header that sorts the list; shows the direction and announces it. */
export function SortHeader<F>({ store, field, children }: { store: ListState<F>; field: string; children: ReactNode }) {
  const active = store.sort === field;
  return (
    <th aria-sort={active ? (store.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => store.toggleSort(field)}>
        {children}
        <span className="sort__arrow" aria-hidden="true">
          {active ? (store.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
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
