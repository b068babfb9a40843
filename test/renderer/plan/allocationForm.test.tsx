import { CallError } from '@renderer/api/queries';
import { AllocationForm, emptyAllocation } from '@renderer/features/plan/AllocationForm';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import type { SpecialistListItem } from '@shared/clients/contract/specialists';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);

const ana: SpecialistListItem = {
  id: '01a20c17-b219-75fb-a140-3cfd76be6881',
  fullName: 'Ana Silva',
  role: 'mlops_engineer',
  seniority: 'senior',
  homeCountry: 'PT',
  sourcingRegion: 'other',
  skills: [],
  startDate: '2027-02-03',
  status: 'active',
  email: 'ana.silva@example.com',
  archivedAt: null,
};

const claims: EngagementListItem = {
  id: '01a20c17-b218-73eb-a076-3693e8bd481b',
  clientId: '01a20c17-b217-7000-a000-000000000001',
  clientName: 'Helvetic Insurance AG',
  name: 'Claims model operations',
  currency: 'CHF',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  status: 'active',
  slaBusinessDays: 7,
  archivedAt: null,
};

function renderForm(onSave = vi.fn()) {
  render(
    <AllocationForm
      initial={{ ...emptyAllocation, specialistId: ana.id, engagementId: claims.id, endDate: '2027-06-30' }}
      specialists={[ana]}
      engagements={[claims]}
      submitLabel="Create allocation"
      onSave={onSave}
      onCancel={() => {}}
    />,
  );
  return onSave;
}

describe('AllocationForm and the specialist’s start date', () => {
  it('shows the earliest day as a hint, and the message under the date as soon as a day before it is typed', async () => {
    renderForm();
    expect(screen.getByText('Ana Silva joins on 3 Feb 2027, the earliest day.')).toBeTruthy();
    const start = screen.getByLabelText('Start date');
    await userEvent.type(start, '2027-02-02');
    expect(await screen.findByText('Start date must be on or after 3 Feb 2027, when Ana Silva joins')).toBeTruthy();
    expect(start.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(start);
    await userEvent.type(start, '2027-02-03');
    expect(screen.queryByText(/must be on or after 3 Feb 2027/)).toBeNull();
  });

  it('shows the backend’s refusal: the sentence at the foot, the field message under the date', async () => {
    const onSave = vi.fn().mockRejectedValue(
      new CallError({
        code: 'invalid_input',
        message: 'Ana Silva joins on 3 Feb 2027; an allocation cannot start before that.',
        issues: [{ path: 'startDate', message: 'must be on or after 3 Feb 2027, when Ana Silva joins' }],
      }),
    );
    renderForm(onSave);
    await userEvent.type(screen.getByLabelText('Start date'), '2027-02-03');
    await userEvent.click(screen.getByRole('button', { name: 'Create allocation' }));
    expect(await screen.findByText('Ana Silva joins on 3 Feb 2027; an allocation cannot start before that.')).toBeTruthy();
    expect(screen.getByText('Start date must be on or after 3 Feb 2027, when Ana Silva joins')).toBeTruthy();
    expect(onSave).toHaveBeenCalledTimes(1);
  });
});
