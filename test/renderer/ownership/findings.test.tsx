// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { pinClock } from '@renderer/app/clock';
import { useNav, useUnsaved } from '@renderer/app/stores';
import { FindingsView } from '@renderer/features/ownership/FindingsView';
import { OwnershipScreen } from '@renderer/features/ownership/OwnershipScreen';
import { useOwnership } from '@renderer/features/ownership/ownershipStore';
import type { OwnershipFindingItem } from '@shared/ownership/contract/matrix';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, ENGAGEMENT, ENGAGEMENT_ID, idOf, MODEL_ID, matrixOf, renderWith } from './fixtures';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
  useNav.getState().sync();
});
beforeEach(() => {
  pinClock('2026-11-24T09:00:00Z');
  useUnsaved.getState().setDirty(false);
  useOwnership.setState({ tab: 'findings', engagementId: '', asOf: '', scope: '', severity: '', code: '', cell: '' });
});

const finding = (over: Partial<OwnershipFindingItem>): OwnershipFindingItem => ({
  key: 'k',
  code: 'no_backup',
  severity: 'warning',
  reason: 'Incident response of Claims triage classifier has no named Backup.',
  engagementId: ENGAGEMENT_ID,
  modelId: MODEL_ID,
  targetKind: 'model',
  targetId: MODEL_ID,
  dutyKey: 'incident_response',
  person: null,
  date: null,
  engagementName: ENGAGEMENT.name,
  clientId: CLIENT_ID,
  clientName: ENGAGEMENT.clientName,
  targetName: 'Claims triage classifier',
  dutyName: 'Incident response',
  personName: null,
  ...over,
});

const FINDINGS: OwnershipFindingItem[] = [
  finding({ key: 'f1' }),
  finding({
    key: 'f2',
    code: 'overloaded_accountable',
    reason: 'Ana Costa is Accountable for 14 asset-duties alone (more than 12).',
    targetKind: null,
    targetId: null,
    dutyKey: null,
    targetName: null,
    dutyName: null,
    person: { kind: 'specialist', id: idOf(10) },
    personName: 'Ana Costa',
  }),
  finding({
    key: 'f3',
    code: 'roll_off',
    reason: 'Ana Costa, Accountable for Deployment, rolls off Claims MLOps on 18 Dec 2026.',
    dutyKey: 'deployment',
    dutyName: 'Deployment',
    date: '2026-12-18',
    personName: 'Ana Costa',
  }),
  finding({
    key: 'f4',
    code: 'no_accountable',
    severity: 'error',
    reason: 'Monitoring & drift has no Accountable.',
    dutyKey: 'monitoring',
    dutyName: 'Monitoring & drift',
  }),
  finding({ key: 'f5', code: 'not_allocated', severity: 'info', reason: 'Jo Lind is named but not allocated.', personName: 'Jo Lind' }),
];

const answers = {
  'ownership.findings': () => ({
    ok: true as const,
    value: { asOf: '2026-11-24', findings: FINDINGS, counts: { error: 1, warning: 3, info: 1 } },
  }),
};

const severities = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('.ui-badge')?.textContent);

describe('the findings list', () => {
  it('lists findings worst first with their reasons, a notice reads “Notice”, and sorts and filters by severity', async () => {
    const calls = renderWith(<FindingsView />, answers);
    const table = await screen.findByRole('table', { name: 'Findings' });
    await within(table).findByText('Monitoring & drift has no Accountable.');
    expect(calls.find((c) => c.name === 'ownership.findings')?.input).toEqual({ asOf: '2026-11-24' });
    expect(severities(table)).toEqual(['Error', 'Warning', 'Warning', 'Warning', 'Notice']);
    await userEvent.click(within(table).getByRole('button', { name: 'Severity' }));
    expect(severities(table)).toEqual(['Notice', 'Warning', 'Warning', 'Warning', 'Error']);
    // Only findings that name an asset-duty can be fixed in place.
    expect(within(table).getAllByRole('button', { name: /^Assign…/ })).toHaveLength(4);
    await userEvent.selectOptions(screen.getByLabelText('Severities'), 'error');
    expect(useOwnership.getState().severity).toBe('error');
    expect(severities(table)).toEqual(['Error']);
    await userEvent.selectOptions(screen.getByLabelText('Severities'), '');
    await userEvent.selectOptions(screen.getByLabelText('Kinds of finding'), 'roll_off');
    expect(severities(table)).toEqual(['Warning']);
    expect(within(table).getByText(/rolls off Claims MLOps/)).toBeTruthy();
  });

  it('fixes a finding in place: Assign… opens the form for its asset-duty with the role it asks for', async () => {
    const calls = renderWith(<FindingsView />, {
      ...answers,
      'ownership.assign': () => ({ ok: true, value: { assignments: [{ id: 'n1' }], warnings: [] } }),
    });
    const table = await screen.findByRole('table', { name: 'Findings' });
    await userEvent.click(
      await within(table).findByRole('button', { name: 'Assign… (No Backup: Claims triage classifier, Incident response)' }),
    );
    const drawer = await screen.findByRole('complementary', { name: 'Assign: Claims triage classifier · Incident response' });
    const form = within(drawer).getByRole('form', { name: 'Assign' });
    expect((within(form).getByLabelText('Role') as HTMLSelectElement).value).toBe('backup');
    expect((within(form).getByLabelText('From') as HTMLInputElement).value).toBe('24 Nov 2026');
    await userEvent.selectOptions(within(form).getByLabelText('Person'), `specialist:${idOf(11)}`);
    await userEvent.click(within(form).getByRole('button', { name: 'Assign' }));
    expect(await within(drawer).findByText('Assigned: 1 assignment saved.')).toBeTruthy();
    expect(calls.find((c) => c.name === 'ownership.assign')?.input).toMatchObject({
      targetKind: 'model',
      targetId: MODEL_ID,
      dutyKey: 'incident_response',
      role: 'backup',
      person: { kind: 'specialist', id: idOf(11) },
      fromDate: '2026-11-24',
    });
    await userEvent.click(within(drawer).getByRole('button', { name: 'Done' }));
    // A roll-off is fixed with a new Accountable from the day after the current one's last day.
    await userEvent.click(within(table).getByRole('button', { name: /^Assign… \(Accountable rolls off/ }));
    const rollOff = await screen.findByRole('form', { name: 'Assign' });
    expect((within(rollOff).getByLabelText('Role') as HTMLSelectElement).value).toBe('accountable');
    expect((within(rollOff).getByLabelText('From') as HTMLInputElement).value).toBe('19 Dec 2026');
  });
});

describe('the ownership screen', () => {
  it('keeps its tab, engagement, day and open cell in the address', async () => {
    window.history.replaceState(null, '', `#/ownership?tab=matrix&engagement=${ENGAGEMENT_ID}&asOf=2026-10-01`);
    useNav.getState().sync();
    const calls = renderWith(<OwnershipScreen />, {
      'ownership.matrix': () => ({ ok: true, value: { ...matrixOf(2), asOf: '2026-10-01' } }),
    });
    await screen.findByRole('grid');
    expect(calls.find((c) => c.name === 'ownership.matrix')?.input).toEqual({ engagementId: ENGAGEMENT_ID, asOf: '2026-10-01' });
    expect(screen.getByRole('tab', { name: 'Matrix', selected: true })).toBeTruthy();
    screen.getByRole('grid').querySelector<HTMLElement>('[data-cell="0:2"]')?.click();
    await waitFor(() => expect(window.location.hash).toContain(`cell=model%3A${MODEL_ID}%3Adeployment`));
    await userEvent.click(screen.getByRole('tab', { name: 'Findings' }));
    await waitFor(() => expect(window.location.hash).toContain('tab=findings'));
    expect(window.location.hash).toContain('asOf=2026-10-01');
  });
});
