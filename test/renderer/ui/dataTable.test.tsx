import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);

type Person = { id: string; name: string; hours: number };

const people: Person[] = [
  { id: 'p1', name: 'Carla Rossi', hours: 12 },
  { id: 'p2', name: 'Anna Berg', hours: 40 },
  { id: 'p3', name: 'Bruno Keller', hours: 3 },
];

const columns: DataColumn<Person>[] = [
  { id: 'name', header: 'Name', cell: (p) => p.name, sortable: true, sortValue: (p) => p.name, width: 220 },
  { id: 'hours', header: 'Hours', cell: (p) => String(p.hours), numeric: true, sortable: true, sortValue: (p) => p.hours },
  {
    id: 'actions',
    header: 'Actions',
    hideHeader: true,
    cell: (p) => (
      <button type="button" onClick={(e) => e.stopPropagation()}>
        Archive {p.name}
      </button>
    ),
  },
];

const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]?.textContent);

describe('DataTable', () => {
  it('sorts by itself when a header is clicked, and says so with aria-sort', async () => {
    render(<DataTable label="People" columns={columns} rows={people} rowKey={(p) => p.id} />);
    expect(names()).toEqual(['Carla Rossi', 'Anna Berg', 'Bruno Keller']);
    const nameHeader = screen.getByRole('columnheader', { name: 'Name' });
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');

    await userEvent.click(within(nameHeader).getByRole('button', { name: 'Name' }));
    expect(names()).toEqual(['Anna Berg', 'Bruno Keller', 'Carla Rossi']);
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');

    await userEvent.click(within(nameHeader).getByRole('button', { name: 'Name' }));
    expect(names()).toEqual(['Carla Rossi', 'Bruno Keller', 'Anna Berg']);
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts from the keyboard: Tab to the header, Enter', async () => {
    render(<DataTable label="People" columns={columns} rows={people} rowKey={(p) => p.id} />);
    const hoursButton = screen.getByRole('button', { name: 'Hours' });
    hoursButton.focus();
    await userEvent.keyboard('{Enter}');
    expect(names()).toEqual(['Bruno Keller', 'Carla Rossi', 'Anna Berg']);
    expect(screen.getByRole('columnheader', { name: 'Hours' }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('leaves the order to the server when it is given a sort, and asks for the clicked column', async () => {
    const onSort = vi.fn();
    render(
      <DataTable
        label="People"
        columns={columns}
        rows={people}
        rowKey={(p) => p.id}
        sort={{ id: 'hours', direction: 'desc' }}
        onSort={onSort}
      />,
    );
    expect(names()).toEqual(['Carla Rossi', 'Anna Berg', 'Bruno Keller']);
    expect(screen.getByRole('columnheader', { name: 'Hours' }).getAttribute('aria-sort')).toBe('descending');
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSort).toHaveBeenCalledWith('name');
  });

  it('opens a row by click, and by Enter on the focused row; arrow keys move between rows', async () => {
    const onOpen = vi.fn();
    render(<DataTable label="People" columns={columns} rows={people} rowKey={(p) => p.id} onOpen={onOpen} selectedKey="p2" />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[1]?.getAttribute('aria-selected')).toBe('true');

    await userEvent.click(screen.getByText('Bruno Keller'));
    expect(onOpen).toHaveBeenLastCalledWith(people[2]);

    rows[0]?.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    await userEvent.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(people[1]);
    expect(onOpen).toHaveBeenCalledTimes(2);

    // Enter on a control inside the row belongs to the control.
    within(rows[0] as HTMLElement)
      .getByRole('button')
      .focus();
    await userEvent.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('gives every header cell an accessible name, the action column’s kept off screen', () => {
    render(<DataTable label="People" columns={columns} rows={people} rowKey={(p) => p.id} />);
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Name', 'Hours', 'Actions']);
    expect(headers[2]?.querySelector('.ui-visually-hidden')).not.toBeNull();
    expect(screen.getByRole('table', { name: 'People' })).toBeTruthy();
  });

  it('cuts a long name with an ellipsis and keeps it whole in the title', () => {
    const long = 'A'.repeat(120);
    render(<DataTable label="People" columns={columns} rows={[{ id: 'x', name: long, hours: 1 }]} rowKey={(p) => p.id} />);
    const clip = screen.getByText(long);
    expect(clip.className).toBe('ui-table__clip');
    expect(clip.getAttribute('title')).toBe(long);
  });

  it('shows the empty state instead of rows', () => {
    render(
      <DataTable
        label="People"
        columns={columns}
        rows={[]}
        rowKey={(p) => p.id}
        empty={<EmptyState title="No people match">Clear the search.</EmptyState>}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('No people match');
    expect(screen.getByText('Clear the search.')).toBeTruthy();
    expect(screen.getAllByRole('columnheader')).toHaveLength(3);
  });

  it('puts only the rows in view into the DOM: 1,000 items, a bounded number of rows', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, name: `Person ${String(i).padStart(4, '0')}`, hours: i }));
    render(<DataTable label="People" columns={columns} rows={many} rowKey={(p) => p.id} />);
    const rendered = document.querySelectorAll('tr.ui-table__row');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('1001');
    // The rest is a spacer as tall as the rows left out, so the scrollbar is right.
    const spacer = document.querySelectorAll('tr.ui-table__spacer td');
    expect(spacer.length).toBe(1);
    expect(Number.parseInt((spacer[0] as HTMLElement).style.height, 10)).toBeGreaterThan(900 * 41 - 1);
  });
});
