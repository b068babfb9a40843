import { CallError } from '@renderer/api/queries';
import { ClientForm, emptyClient } from '@renderer/features/clients/ClientForm';
import { EngagementForm, emptyEngagement } from '@renderer/features/clients/engagements/EngagementForm';
import { emptySpecialist, SpecialistForm } from '@renderer/features/clients/specialists/SpecialistForm';
import type { ClientListItem, ReferenceData } from '@shared/contract';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);

const reference: ReferenceData = {
  countries: [
    { value: 'CH', label: 'Switzerland' },
    { value: 'RO', label: 'Romania' },
  ],
  currencies: [
    { value: 'CHF', label: 'CHF — Swiss Franc' },
    { value: 'EUR', label: 'EUR — Euro' },
  ],
  holidayCalendars: [
    { value: 'CH', label: 'Switzerland' },
    { value: 'CH-ZH', label: 'Switzerland — Canton of Zürich' },
    { value: 'RO', label: 'Romania' },
  ],
  roles: [{ value: 'mlops_engineer', label: 'MLOps engineer' }],
  seniorities: [{ value: 'senior', label: 'Senior' }],
  sourcingRegions: [{ value: 'romania', label: 'Romania' }],
  engagementStatuses: [
    { value: 'proposed', label: 'Proposed' },
    { value: 'active', label: 'Active' },
  ],
  specialistStatuses: [{ value: 'active', label: 'Active' }],
};

describe('ClientForm', () => {
  it('shows what is missing on submit and does not save', async () => {
    const onSave = vi.fn();
    render(<ClientForm initial={emptyClient} reference={reference} submitLabel="Create client" onSave={onSave} onCancel={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create client' }));
    expect(await screen.findByText('Name is required')).toBeTruthy();
    expect(screen.getByText('Country is required')).toBeTruthy();
    expect(screen.getByText('Default currency is required')).toBeTruthy();
    expect(screen.getByText('Please correct the highlighted fields.')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('validates a field when it is left, not while the user is still typing elsewhere', async () => {
    render(<ClientForm initial={emptyClient} reference={reference} submitLabel="Create client" onSave={vi.fn()} onCancel={() => {}} />);
    expect(screen.queryByText('Name is required')).toBeNull();
    await userEvent.click(screen.getByLabelText('Name'));
    await userEvent.tab();
    expect(await screen.findByText('Name is required')).toBeTruthy();
    expect(screen.queryByText('Default currency is required')).toBeNull();
  });

  it('saves valid values, with the holiday calendar following the country', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<ClientForm initial={emptyClient} reference={reference} submitLabel="Create client" onSave={onSave} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Name'), '  Acme AG ');
    await userEvent.selectOptions(screen.getByLabelText('Country'), 'CH');
    await userEvent.selectOptions(screen.getByLabelText('Default currency'), 'CHF');
    expect((screen.getByLabelText('Holiday calendar') as HTMLSelectElement).value).toBe('CH');
    const calendarOptions = [...(screen.getByLabelText('Holiday calendar') as HTMLSelectElement).options].map((o) => o.value);
    expect(calendarOptions).toEqual(['', 'CH', 'CH-ZH']);
    await userEvent.selectOptions(screen.getByLabelText('Holiday calendar'), 'CH-ZH');
    await userEvent.click(screen.getByRole('button', { name: 'Create client' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      name: 'Acme AG',
      country: 'CH',
      currency: 'CHF',
      holidayCalendar: 'CH-ZH',
      timeZone: '',
      vatBasisPoints: 0,
      notes: '',
    });
  });

  it('offers the time zones with the holiday calendar’s own zone first, and keeps a saved zone the list no longer names', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const initial = {
      name: 'Acme Inc',
      country: 'CH',
      currency: 'CHF',
      holidayCalendar: 'CH',
      timeZone: 'Europe/Kyiv',
      vatBasisPoints: 0,
      notes: '',
    };
    render(<ClientForm initial={initial} reference={reference} submitLabel="Save changes" onSave={onSave} onCancel={() => {}} />);
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe('Europe/Kyiv');
    expect([...zone.options].filter((o) => o.value === 'Europe/Kyiv')).toHaveLength(1);
    expect([...zone.options].some((o) => o.value === 'UTC')).toBe(true);
    expect(zone.options[0]?.value).toBe('');
    expect(zone.options[0]?.textContent).toBe('Same as the holiday calendar');
    expect(screen.getByText('Replacement requests are dated in this zone.')).toBeTruthy();
    const newYork = [...zone.options].find((o) => o.value === 'America/New_York');
    expect(newYork?.textContent).toBe('America/New York');
    await userEvent.selectOptions(zone, 'America/New_York');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ timeZone: 'America/New_York' });
  });

  it('takes the VAT rate as a percentage and saves basis points; more than two decimals are refused', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const initial = {
      name: 'Acme AG',
      country: 'CH',
      currency: 'CHF',
      holidayCalendar: 'CH',
      timeZone: '',
      vatBasisPoints: 770,
      notes: '',
    };
    render(<ClientForm initial={initial} reference={reference} submitLabel="Save changes" onSave={onSave} onCancel={() => {}} />);
    const vat = screen.getByLabelText('VAT rate (%)') as HTMLInputElement;
    expect(vat.value).toBe('7.7');
    await userEvent.clear(vat);
    await userEvent.type(vat, '8.125');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('VAT rate (%) must have at most two decimals')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.clear(vat);
    await userEvent.type(vat, '8.1');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ vatBasisPoints: 810 });
  });

  it('puts a refusal from the backend on its field and keeps the typed values', async () => {
    const onSave = vi.fn().mockRejectedValue(
      new CallError({
        code: 'conflict',
        message: 'A client named “Acme AG” already exists.',
        issues: [{ path: 'name', message: 'is already used by another client' }],
      }),
    );
    render(
      <ClientForm
        initial={{ name: 'Acme AG', country: 'CH', currency: 'CHF', holidayCalendar: 'CH', timeZone: '', vatBasisPoints: 0, notes: '' }}
        reference={reference}
        submitLabel="Save changes"
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Name is already used by another client')).toBeTruthy();
    expect(screen.getByText('A client named “Acme AG” already exists.')).toBeTruthy();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Acme AG');
    await userEvent.type(screen.getByLabelText('Name'), ' Holding');
    expect(screen.queryByText('Name is already used by another client')).toBeNull();
  });
});

describe('EngagementForm', () => {
  const clients = [{ id: '01a20bb9-cb5c-7026-b14e-640086951525', name: 'Acme AG', currency: 'CHF', archivedAt: null }] as ClientListItem[];

  it('refuses an end date before the start date, on the end date field', async () => {
    const onSave = vi.fn();
    render(
      <EngagementForm
        initial={emptyEngagement}
        reference={reference}
        clients={clients}
        submitLabel="Create engagement"
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    await userEvent.selectOptions(screen.getByLabelText('Client'), 'Acme AG');
    expect((screen.getByLabelText('Currency') as HTMLSelectElement).value).toBe('CHF');
    await userEvent.type(screen.getByLabelText('Name'), 'Model run');
    await userEvent.type(screen.getByLabelText('Start date'), '2026-05-01');
    await userEvent.type(screen.getByLabelText('End date'), '2026-04-30');
    await userEvent.click(screen.getByRole('button', { name: 'Create engagement' }));
    expect(await screen.findByText('End date must be on or after the start date')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('End date'));
    await userEvent.click(screen.getByRole('button', { name: 'Create engagement' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      name: 'Model run',
      endDate: null,
      status: 'proposed',
      currency: 'CHF',
      slaBusinessDays: 7,
    });
  });

  it('takes the replacement SLA in whole business days from 1 to 60', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const initial = { ...emptyEngagement, clientId: clients[0]?.id ?? '', name: 'Model run', currency: 'CHF', startDate: '2026-05-01' };
    render(
      <EngagementForm
        initial={initial}
        reference={reference}
        clients={clients}
        submitLabel="Save changes"
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    const sla = screen.getByLabelText('Replacement SLA (business days)') as HTMLInputElement;
    expect(sla.value).toBe('7');
    await userEvent.clear(sla);
    await userEvent.type(sla, '61');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Replacement SLA (business days) must be at most 60 business days')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.clear(sla);
    await userEvent.type(sla, '10');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ slaBusinessDays: 10 });
  });
});

describe('SpecialistForm', () => {
  it('checks the email and turns comma-separated skills into tags', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(
      <SpecialistForm initial={emptySpecialist} reference={reference} submitLabel="Add specialist" onSave={onSave} onCancel={() => {}} />,
    );
    await userEvent.type(screen.getByLabelText('Full name'), 'Ana Ionescu');
    await userEvent.type(screen.getByLabelText('Email'), 'ana@');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'mlops_engineer');
    await userEvent.selectOptions(screen.getByLabelText('Seniority'), 'senior');
    await userEvent.selectOptions(screen.getByLabelText('Home country'), 'RO');
    await userEvent.type(screen.getByLabelText('Start date'), '2026-01-05');
    await userEvent.type(screen.getByLabelText('Skills'), 'Kubeflow, mlflow, kubeflow');
    await userEvent.click(screen.getByRole('button', { name: 'Add specialist' }));
    expect(await screen.findByText(/Email must be an email address/)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Email'), 'example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Add specialist' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      email: 'ana@example.com',
      skills: ['Kubeflow', 'mlflow'],
      homeCountry: 'RO',
      homeSubdivision: '',
    });
  });
});
