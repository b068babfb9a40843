import type { ReactNode } from 'react';
import { SegmentedControl } from './SegmentedControl';
import './ui.css';

export type ArchivedChoice = 'active' | 'archived' | 'all';

/**
 * The row above a list: the search box, the area's filters, the switch between current
 * and archived records, and the list's actions pushed to the right. It wraps onto more
 * lines rather than growing wider than the screen.
 */
export function Toolbar({
  search,
  archived,
  actions,
  children,
}: {
  search?: { value: string; onChange(value: string): void; placeholder: string };
  archived?: { value: ArchivedChoice; onChange(value: ArchivedChoice): void };
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="toolbar ui-toolbar">
      {search && (
        <input
          className="toolbar__search ui-toolbar__search"
          type="search"
          aria-label="Search"
          title="Shortcut: /"
          placeholder={search.placeholder}
          value={search.value}
          onChange={(e) => search.onChange(e.target.value)}
        />
      )}
      {children}
      {archived && (
        <SegmentedControl
          label="Show"
          options={[
            { value: 'active', label: 'Current' },
            { value: 'archived', label: 'Archived' },
            { value: 'all', label: 'All' },
          ]}
          value={archived.value}
          onChange={archived.onChange}
        />
      )}
      {actions ? <div className="ui-toolbar__actions">{actions}</div> : null}
    </div>
  );
}

/**
 * A filter of the toolbar: a select with an “All …” choice first. Its width is capped, so a
 * 120-character client name is cut in the closed select (full in the list and on hover), not
 * pushed across the toolbar.
 */
export function ToolbarFilter({
  label,
  value,
  onChange,
  options,
  allLabel,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; label: string }[];
  allLabel?: string;
}) {
  const chosen = options.find((o) => o.value === value)?.label;
  return (
    <select
      className="toolbar__filter ui-toolbar__filter"
      aria-label={label}
      title={chosen}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{allLabel ?? `All ${label.toLowerCase()}`}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
