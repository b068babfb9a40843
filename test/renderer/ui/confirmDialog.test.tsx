import { askConfirm, ConfirmHost } from '@renderer/ui/ConfirmDialog';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

/** A button that asks, and shows the answer it got. */
function Asker({ tone }: { tone?: 'default' | 'danger' }) {
  const [answer, setAnswer] = useState('none');
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          const yes = await askConfirm({
            title: 'Delete the pause from 1 Dec?',
            message: 'The clock will count those days again.',
            confirmLabel: 'Delete pause',
            tone,
          });
          setAnswer(yes ? 'yes' : 'no');
        }}
      >
        Delete
      </button>
      <output>{answer}</output>
      <ConfirmHost />
    </>
  );
}

describe('ConfirmDialog', () => {
  it('is an alert dialog named by its question, described by its message, with a button that says the action', async () => {
    render(<Asker />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the pause from 1 Dec?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const described = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('The clock will count those days again.');
    // Not a danger: the action has the focus, Enter confirms.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Delete pause' }));
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('yes');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete' }));
  });

  it('cancels on Escape and on Cancel, and gives the focus back to what asked', async () => {
    render(<Asker tone="danger" />);
    const opener = screen.getByRole('button', { name: 'Delete' });
    await userEvent.click(opener);
    // A danger: Cancel has the focus, so a stray Enter destroys nothing.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('no');
    expect(document.activeElement).toBe(opener);

    await userEvent.click(opener);
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('no');
    expect(document.activeElement).toBe(opener);
  });

  it('keeps the focus on its two buttons while open', async () => {
    render(<Asker tone="danger" />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const action = screen.getByRole('button', { name: 'Delete pause' });
    await userEvent.tab();
    expect(document.activeElement).toBe(action);
    await userEvent.tab();
    expect(document.activeElement).toBe(cancel);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(action);
    await userEvent.click(action);
    expect(screen.getByRole('status').textContent).toBe('yes');
  });

  it('answers an older open question no when a newer one is asked', async () => {
    render(<ConfirmHost />);
    let first: Promise<boolean> = Promise.resolve(true);
    act(() => {
      first = askConfirm({ title: 'First?', confirmLabel: 'Go' });
    });
    let second: Promise<boolean> = Promise.resolve(false);
    act(() => {
      second = askConfirm({ title: 'Second?', confirmLabel: 'Go on' });
    });
    expect(await first).toBe(false);
    const dialog = screen.getByRole('alertdialog', { name: 'Second?' });
    expect(dialog.getAttribute('aria-describedby')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Go on' }));
    expect(await second).toBe(true);
  });

  it('refuses to ask when no host is mounted, instead of waiting for ever', async () => {
    await expect(askConfirm({ title: 'Anyone?', confirmLabel: 'Yes' })).rejects.toThrow('No <ConfirmHost/> is mounted');
  });
});
