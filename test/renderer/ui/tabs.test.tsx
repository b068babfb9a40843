import { Tabs } from '@renderer/ui/Tabs';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

const VIEWS = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'rollOff', label: 'Roll-off radar' },
  { id: 'forecast', label: 'Capacity forecast' },
] as const;
type View = (typeof VIEWS)[number]['id'];

/** Tabs over a state; `refuse` plays a tab change kept back by unsaved changes. */
function Views({ refuse = false }: { refuse?: boolean }) {
  const [view, setView] = useState<View>('timeline');
  return (
    <>
      <button type="button">Before</button>
      <Tabs label="Plan views" tabs={VIEWS} selected={view} onSelect={(id) => !refuse && setView(id)}>
        <p>Showing {view}</p>
      </Tabs>
    </>
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });

describe('Tabs', () => {
  it('names the list, marks the selected tab, and labels the panel by it', () => {
    render(<Views />);
    expect(screen.getByRole('tablist', { name: 'Plan views' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Timeline', 'true'],
      ['Roll-off radar', 'false'],
      ['Capacity forecast', 'false'],
    ]);
    const panel = screen.getByRole('tabpanel', { name: 'Timeline' });
    expect(panel.textContent).toBe('Showing timeline');
    expect(tab('Timeline').getAttribute('aria-controls')).toBe(panel.id);
  });

  it('is one tab stop; arrow keys move and select, wrapping; Home and End go to the ends', async () => {
    render(<Views />);
    act(() => screen.getByRole('button', { name: 'Before' }).focus());
    await userEvent.tab();
    expect(document.activeElement).toBe(tab('Timeline'));
    expect(tab('Roll-off radar').tabIndex).toBe(-1);

    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Roll-off radar'));
    expect(tab('Roll-off radar').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Roll-off radar' }).textContent).toBe('Showing rollOff');

    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(tab('Capacity forecast'));
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Timeline'));
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tab('Capacity forecast'));
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(tab('Timeline'));
    expect(tab('Timeline').getAttribute('aria-selected')).toBe('true');

    // Tab leaves the list for the panel's content, not the next tab.
    await userEvent.tab();
    expect(document.activeElement?.getAttribute('role')).not.toBe('tab');
  });

  it('selects on click', async () => {
    render(<Views />);
    await userEvent.click(tab('Capacity forecast'));
    expect(tab('Capacity forecast').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('Showing forecast');
  });

  it('keeps the focus and the selection where they are when the change is refused', async () => {
    render(<Views refuse />);
    act(() => tab('Timeline').focus());
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Timeline'));
    expect(tab('Timeline').getAttribute('aria-selected')).toBe('true');
  });
});
