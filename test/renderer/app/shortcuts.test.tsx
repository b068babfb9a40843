// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { useNav } from '@renderer/app/stores';
import { useShortcuts } from '@renderer/app/useShortcuts';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

function Harness() {
  useShortcuts();
  return <input className="toolbar__search" aria-label="Search" />;
}

afterEach(() => {
  cleanup();
  useNav.getState().go({ area: 'clients', recordId: null });
});

describe('keyboard shortcuts', () => {
  it('"/" focuses the search box and "n" opens a new record form', async () => {
    useNav.getState().go({ area: 'specialists', recordId: null });
    render(<Harness />);
    await userEvent.keyboard('/');
    expect(document.activeElement).toBe(screen.getByLabelText('Search'));
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('');

    // Typing in a field is typing, not a shortcut.
    await userEvent.keyboard('n');
    expect(useNav.getState().route.recordId).toBeNull();
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('n');

    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('n');
    expect(useNav.getState().route).toEqual({ area: 'specialists', recordId: 'new', params: {} });
  });

  it('does nothing on the audit log, which has no form', async () => {
    useNav.getState().go({ area: 'audit', recordId: null });
    render(<Harness />);
    await userEvent.keyboard('n');
    expect(useNav.getState().route).toEqual({ area: 'audit', recordId: null, params: {} });
  });
});
