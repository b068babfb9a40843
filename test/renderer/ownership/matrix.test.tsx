// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { pinClock } from '@renderer/app/clock';
import { useUnsaved } from '@renderer/app/stores';
import { CellDrawer } from '@renderer/features/ownership/CellDrawer';
import { MatrixView } from '@renderer/features/ownership/MatrixView';
import { useOwnership } from '@renderer/features/ownership/ownershipStore';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGAGEMENT_ID, idOf, MODEL_ID, matrixOf, renderWith } from './fixtures';

afterEach(cleanup);
beforeEach(() => {
  pinClock('2026-11-24T09:00:00Z');
  useUnsaved.getState().setDirty(false);
  useOwnership.setState({ tab: 'matrix', engagementId: ENGAGEMENT_ID, asOf: '', person: '', rowType: '', cell: '' });
  // jsdom has no layout: the virtualiser scrolls by calling scrollTo on its frame.
  Element.prototype.scrollTo ??= function scrollTo() {};
});

const answerMatrix = (assets: number) => ({ 'ownership.matrix': () => ({ ok: true as const, value: matrixOf(assets) }) });

const grid = () => screen.findByRole('grid', { name: /Ownership matrix of Claims MLOps/ });
const cellAt = (g: HTMLElement, row: number, col: number) => {
  const cell = g.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
  if (!cell) throw new Error(`No cell ${row}:${col} in the DOM`);
  return cell;
};

describe('the matrix grid', () => {
  it('shows initials by role, the Accountable in bold, inherited cells muted, n/a cells and severity colours', async () => {
    const calls = renderWith(<MatrixView />, answerMatrix(3));
    const g = await grid();
    expect(calls.find((c) => c.name === 'ownership.matrix')?.input).toEqual({ engagementId: ENGAGEMENT_ID, asOf: '2026-11-24' });
    // Row 0 is the model, rows 1-3 its assets (indented); column 2 is deployment.
    const modelDeployment = cellAt(g, 0, 2);
    expect(modelDeployment.textContent).toBe('A:AC R:MK B:JL');
    expect([...modelDeployment.querySelectorAll('.own-role')].map((s) => s.textContent?.trim())).toEqual(['A:AC', 'R:MK', 'B:JL']);
    expect(modelDeployment.getAttribute('aria-label')).toMatch(
      /^A:AC R:MK B:JL\. Deployment · Claims triage classifier; Accountable: Ana Costa/,
    );
    expect(modelDeployment.querySelector('.own-role--accountable')?.textContent).toBe('A:AC');
    expect(modelDeployment.title).toContain('Accountable: Ana Costa (from 1 Feb 2026)');
    expect(modelDeployment.title).toContain('Backup: Jo Lind (from 1 Feb 2026 to 31 Dec 2026)');
    expect(modelDeployment.className).not.toContain('is-inherited');
    // The first asset overrides deployment (a warning) and has no training.
    const override = cellAt(g, 1, 2);
    expect(override.textContent).toBe('A:JL');
    expect(override.className).toContain('own-cell--warning');
    expect(override.className).not.toContain('is-inherited');
    const training = cellAt(g, 1, 1);
    expect(training.textContent).toBe('n/a');
    expect(training.className).toContain('is-na');
    expect(training.getAttribute('aria-label')).toContain('does not apply');
    // The second asset inherits the model's deployment.
    const inherited = cellAt(g, 2, 2);
    expect(inherited.textContent).toBe('A:AC R:MK B:JL');
    expect(inherited.className).toContain('is-inherited');
    expect(inherited.title).toContain('Inherited from Claims triage classifier');
    // Monitoring has nobody: an error.
    const monitoring = cellAt(g, 0, 3);
    expect(monitoring.className).toContain('own-cell--error');
    expect(monitoring.className).toContain('is-empty');
    expect(monitoring.title).toContain('Worst finding: Error');
    // Assets sit under their model, indented; the counts come from the answer.
    const headers = within(g).getAllByRole('rowheader');
    expect(headers[0]?.className).not.toContain('is-indented');
    expect(headers[1]?.className).toContain('is-indented');
    expect(screen.getByText('4 errors')).toBeTruthy();
    expect(screen.getByText('1 warning')).toBeTruthy();
    expect(screen.getByText('0 notices')).toBeTruthy();
    expect(
      within(g)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toContain('Incident response');
  });

  it('moves between cells with the arrow keys like the timesheet (one tab stop), and Enter opens the cell', async () => {
    renderWith(<MatrixView />, answerMatrix(3));
    const g = await grid();
    expect(g.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    cellAt(g, 0, 0).focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toBe(cellAt(g, 0, 2));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cellAt(g, 1, 2));
    expect(cellAt(g, 1, 2).tabIndex).toBe(0);
    expect(cellAt(g, 0, 0).tabIndex).toBe(-1);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(cellAt(g, 1, 7));
    await userEvent.keyboard('{Home}{ArrowLeft}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(cellAt(g, 0, 0));
    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(document.activeElement).toBe(cellAt(g, 3, 7));
    // Enter on an n/a cell does nothing; on a cell it opens the drawer and puts the cell in the address.
    cellAt(g, 1, 1).focus();
    await userEvent.keyboard('{Enter}');
    expect(useOwnership.getState().cell).toBe('');
    await userEvent.keyboard('{ArrowRight}{Enter}');
    expect(useOwnership.getState().cell).toBe(`asset:${idOf(1000)}:deployment`);
    expect(await screen.findByRole('heading', { name: 'Deployment · Pipeline 1' })).toBeTruthy();
  });

  it('keeps only the rows in view in the DOM: as few for 2,000 assets as for 50', async () => {
    renderWith(<MatrixView />, answerMatrix(50));
    const small = await grid();
    const few = small.querySelectorAll('tbody tr.own-grid__row').length;
    cleanup();
    renderWith(<MatrixView />, answerMatrix(2000));
    const big = await grid();
    const many = big.querySelectorAll('tbody tr.own-grid__row').length;
    expect(big.getAttribute('aria-rowcount')).toBe('2002');
    expect(many).toBeLessThan(40);
    expect(many).toBe(few);
    // The spacer after the rendered rows stands for the rest, one row height each.
    const spacer = big.querySelector<HTMLElement>('tbody tr.own-grid__spacer:last-child td');
    expect(Number.parseInt(spacer?.style.height ?? '0', 10)).toBeGreaterThan(60000);
    // Ctrl+End reaches the last row: it is rendered, focused, and the DOM stays small.
    cellAt(big, 0, 0).focus();
    await userEvent.keyboard('{Control>}{End}{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(cellAt(big, 2000, 7)));
    expect(big.querySelectorAll('tbody tr.own-grid__row').length).toBeLessThan(45);
  });
});

describe('the cell drawer', () => {
  const cell = { targetKind: 'model' as const, targetId: MODEL_ID, dutyKey: 'monitoring' };

  it('shows the backend’s refusal as its sentence and on the field, and the warnings of a saved assignment', async () => {
    let refuse = true;
    const calls = renderWith(<CellDrawer matrix={matrixOf(1)} cell={cell} onClose={() => {}} />, {
      'ownership.assignments': () => ({ ok: true, value: [] }),
      'ownership.assign': () =>
        refuse
          ? {
              ok: false,
              error: {
                code: 'invalid_input',
                message: 'Claims triage classifier is in service from 5 Jan 2026: an assignment cannot start before.',
                issues: [
                  { path: 'fromDate', message: 'must be on or after 5 Jan 2026' },
                  { path: 'person.id', message: 'is not allocated here at any time' },
                ],
              },
            }
          : {
              ok: true,
              value: { assignments: [{ id: 'n1' }], warnings: ['Mike Kowalski is not allocated on Claims MLOps on 24 Nov 2026.'] },
            },
    });
    const form = await screen.findByRole('form', { name: 'Assign' });
    expect(screen.getByText('Nobody is named on this duty that day.')).toBeTruthy();
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'accountable');
    // The engagement's specialists and the client's contacts; someone never allocated here is not offered (the backend refuses them).
    expect(within(form).queryByRole('option', { name: /Jo Lind/ })).toBeNull();
    await userEvent.selectOptions(within(form).getByLabelText('Person'), `specialist:${idOf(11)}`);
    await userEvent.click(within(form).getByRole('button', { name: 'Assign' }));
    expect(
      await screen.findByText('Claims triage classifier is in service from 5 Jan 2026: an assignment cannot start before.'),
    ).toBeTruthy();
    expect(screen.getByText('From must be on or after 5 Jan 2026')).toBeTruthy();
    expect(screen.getByText('Person is not allocated here at any time')).toBeTruthy();
    expect(calls.find((c) => c.name === 'ownership.assign')?.input).toEqual({
      targetKind: 'model',
      targetId: MODEL_ID,
      dutyKey: 'monitoring',
      role: 'accountable',
      person: { kind: 'specialist', id: idOf(11) },
      fromDate: '2026-11-24',
      toDate: null,
      note: '',
    });
    refuse = false;
    await userEvent.click(within(form).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Mike Kowalski is not allocated on Claims MLOps on 24 Nov 2026.')).toBeTruthy();
    expect(screen.getByText(/Assigned: 1 assignment saved, with a warning/)).toBeTruthy();
  });

  it('lists the history; Remove asks in the app’s dialog first, End takes a day', async () => {
    const calls = renderWith(<CellDrawer matrix={matrixOf(1)} cell={{ ...cell, dutyKey: 'deployment' }} onClose={() => {}} />, {
      'ownership.assignments': () => ({
        ok: true,
        value: [
          {
            id: 'a1',
            engagementId: ENGAGEMENT_ID,
            targetKind: 'model',
            targetId: MODEL_ID,
            dutyKey: 'deployment',
            role: 'accountable',
            personKind: 'specialist',
            personId: idOf(10),
            fromDate: '2026-02-01',
            toDate: null,
            note: 'Took over from the pilot team',
            createdAt: '2026-02-01T09:00:00.000Z',
          },
        ],
      }),
      'ownership.removeAssignment': () => ({ ok: true, value: { id: 'a1' } }),
      'ownership.endAssignment': () => ({
        ok: false,
        error: { code: 'invalid_input', message: 'An assignment cannot end before it starts.' },
      }),
    });
    const history = await screen.findByRole('region', { name: 'History' });
    expect(await within(history).findByText('Took over from the pilot team')).toBeTruthy();
    await userEvent.click(within(history).getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Ana Costa as Accountable?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.name === 'ownership.removeAssignment')).toBe(false);
    await userEvent.click(within(history).getByRole('button', { name: 'End…' }));
    await userEvent.click(within(history).getByRole('button', { name: 'End on this day' }));
    expect(await within(history).findByText('An assignment cannot end before it starts.')).toBeTruthy();
    expect(calls.find((c) => c.name === 'ownership.endAssignment')?.input).toEqual({ id: 'a1', toDate: '2026-11-24' });
    await userEvent.click(within(history).getByRole('button', { name: 'Remove' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Remove assignment' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'ownership.removeAssignment')).toBe(true));
  });
});
