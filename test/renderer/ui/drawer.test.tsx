import { useUnsaved } from '@renderer/app/stores';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import { Drawer } from '@renderer/ui/Drawer';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(() => {
  cleanup();
  useUnsaved.getState().setDirty(false);
});

/** A list whose rows open a read-only drawer, as the screens do (the row is clickable, its name is a button). */
function Harness() {
  const [open, setOpen] = useState<string | null>(null);
  return (
    // The main region takes focus for the skip link: a click in a row's plain text focuses it, not the row.
    <main tabIndex={-1}>
      <input type="search" aria-label="Search" />
      <table>
        <tbody>
          {['Acme', 'Lumen'].map((name) => (
            <tr key={name} onClick={() => setOpen(name)}>
              <td>
                <button type="button" onClick={() => setOpen(name)}>
                  {name}
                </button>
              </td>
              <td>{`${name} notes`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <Drawer title={open} onClose={() => setOpen(null)}>
          <p>Read-only facts about {open}.</p>
        </Drawer>
      )}
      <ConfirmHost />
    </main>
  );
}

describe('Drawer', () => {
  it('moves focus into the drawer when it opens and back to the button that opened it when it closes', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    const acme = screen.getByRole('button', { name: 'Acme' });
    expect(document.activeElement).toBe(acme);
    await user.keyboard('{Enter}');
    const drawer = screen.getByRole('complementary', { name: 'Acme' });
    expect(drawer.contains(document.activeElement)).toBe(true);
    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(document.activeElement).toBe(acme);
  });

  it('closes on Escape with focus on the body (a read-only drawer opened with the mouse), returning focus to the clicked row', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByText('Lumen notes'));
    expect(screen.getByRole('complementary', { name: 'Lumen' })).toBeTruthy();
    // Clicking the drawer's text, or a control that disappears, leaves focus on the body.
    act(() => (document.activeElement as HTMLElement).blur());
    expect(document.activeElement).toBe(document.body);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Lumen' }));
  });

  it('closes on Escape from inside it, but not from a control elsewhere on the page', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Acme' }));
    await user.click(screen.getByRole('searchbox', { name: 'Search' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('complementary', { name: 'Acme' })).toBeTruthy();
    await user.click(screen.getByText('Read-only facts about Acme.'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('returns focus to the last row used while it was open', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Acme' }));
    await user.click(screen.getByText('Lumen notes'));
    expect(screen.getByRole('complementary', { name: 'Lumen' })).toBeTruthy();
    await user.click(within(screen.getByRole('complementary')).getByRole('button', { name: 'Close' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Lumen' }));
  });

  it('asks in the app’s dialog before throwing away unsaved changes, and stays open on “Keep editing”', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Acme' }));
    act(() => useUnsaved.getState().setDirty(true));
    await user.keyboard('{Escape}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard your unsaved changes?' });
    // Escape in the dialog answers the dialog, not the drawer beneath it.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('complementary', { name: 'Acme' })).toBeTruthy();
    expect(dialog.isConnected).toBe(false);

    await user.click(within(screen.getByRole('complementary')).getByRole('button', { name: 'Close' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(useUnsaved.getState().dirty).toBe(false);
  });
});
