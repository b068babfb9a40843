import { day, month, parseDay, parseMonth, setDateLocale } from '@renderer/components/dates';
import { emptyAllocation } from '@renderer/features/plan/AllocationForm';
import { DateField, FormFooter, type FormValues, NumberField, optionsOf, SelectField, TextField, useSchemaForm } from '@renderer/ui/fields';
import { allocationFields } from '@shared/plan/contract/allocations';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  cleanup();
  setDateLocale('en-GB');
});

const SPECIALIST = '01890a5d-ac96-774b-bcce-b302099a8057';
const ENGAGEMENT = '01890a5d-ac96-774b-bcce-b302099a8058';

/** A form bound by field('key'): every field's value and onChange come typed from the schema's input. */
function LoadForm({ onSave }: { onSave(values: unknown): Promise<unknown> }) {
  const initial: FormValues<typeof allocationFields> = { ...emptyAllocation, specialistId: SPECIALIST, engagementId: ENGAGEMENT };
  const form = useSchemaForm(allocationFields, initial, { idPrefix: 'test' });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(onSave);
      }}
    >
      <DateField {...form.field('startDate')} label="Start date" />
      <DateField {...form.field('endDate')} label="End date" />
      <NumberField {...form.field('loadPercent')} label="Load (%)" />
      <SelectField
        {...form.field('status')}
        options={optionsOf(['tentative', 'confirmed'] as const, { tentative: 'Tentative', confirmed: 'Confirmed' })}
      />
      <TextField {...form.field('note')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Save" onCancel={() => {}} />
    </form>
  );
}

describe('useSchemaForm field binding', () => {
  it('labels a field from its key and hands the schema output to save, with typed values', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<LoadForm onSave={onSave} />);
    expect(screen.getByLabelText('Note')).toBeTruthy();
    expect(screen.getByLabelText('Status')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Start date'), '2 Mar 2026');
    await userEvent.type(screen.getByLabelText('End date'), '31/03/2026');
    await userEvent.clear(screen.getByLabelText('Load (%)'));
    await userEvent.type(screen.getByLabelText('Load (%)'), '60');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Confirmed');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({
      specialistId: SPECIALIST,
      engagementId: ENGAGEMENT,
      startDate: '2026-03-02',
      endDate: '2026-03-31',
      loadPercent: 60,
      status: 'confirmed',
      note: '',
    });
  });

  it('refuses a typed minus sign with a message, keeps it in the field, and saves nothing', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<LoadForm onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Start date'), '2026-03-02');
    await userEvent.type(screen.getByLabelText('End date'), '2026-03-31');
    const load = screen.getByLabelText('Load (%)');
    await userEvent.clear(load);
    await userEvent.type(load, '-10');
    expect((load as HTMLInputElement).value).toBe('-10');
    expect(screen.getByText('Load (%) cannot be negative: remove the minus sign')).toBeTruthy();
    expect(load.getAttribute('aria-invalid')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Please correct the highlighted fields.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says a date that is not one is not a date, in the user’s format, and saves nothing', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<LoadForm onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Start date'), '31 Feb 2026');
    expect(screen.getByText('Start date is not a date: write it like 30 Nov 2026')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('End date'), '2026-03-31');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows the schema’s message for a well-formed date the schema refuses', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<LoadForm onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Start date'), '31 Mar 2026');
    await userEvent.type(screen.getByLabelText('End date'), '1 Mar 2026');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('End date must be on or after the start date')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe('NumberField', () => {
  function Hours({ onChange }: { onChange(v: number | null): void }) {
    const [value, setValue] = useState<number | null>(null);
    return (
      <NumberField
        id="cap"
        label="Cap (hours)"
        nullable
        scale={60}
        value={value}
        onChange={(v) => {
          setValue(v);
          onChange(v);
        }}
      />
    );
  }

  it('scales what is shown to what is stored, takes a decimal comma, and is null when emptied', async () => {
    const onChange = vi.fn();
    render(<Hours onChange={onChange} />);
    const input = screen.getByLabelText('Cap (hours)');
    await userEvent.type(input, '7,5');
    expect(onChange).toHaveBeenLastCalledWith(450);
    await userEvent.clear(input);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('says what is wrong with text that is not a number, and hands NaN (never a guess) to the form', async () => {
    const onChange = vi.fn();
    render(<Hours onChange={onChange} />);
    await userEvent.type(screen.getByLabelText('Cap (hours)'), '12h');
    expect(screen.getByText('Cap (hours) must be a number, such as 12 or 7.5')).toBeTruthy();
    expect(onChange).toHaveBeenLastCalledWith(Number.NaN);
  });
});

describe('DateField', () => {
  function Controlled({ initial = '' }: { initial?: string }) {
    const [value, setValue] = useState(initial);
    return (
      <>
        <DateField id="d" label="Due" value={value} onChange={setValue} />
        <output data-testid="value">{value}</output>
      </>
    );
  }

  it('shows an ISO date in the en-GB format and reformats what was typed when the field is left', async () => {
    render(<Controlled initial="2026-11-30" />);
    const input = screen.getByLabelText('Due') as HTMLInputElement;
    expect(input.value).toBe('30 Nov 2026');
    await userEvent.clear(input);
    await userEvent.type(input, '1/2/2027');
    expect(screen.getByTestId('value').textContent).toBe('2027-02-01');
    fireEvent.blur(input);
    expect(input.value).toBe('1 Feb 2027');
  });

  it('reads and writes the de-CH format', async () => {
    setDateLocale('de-CH');
    render(<Controlled initial="2026-11-30" />);
    const input = screen.getByLabelText('Due') as HTMLInputElement;
    expect(input.value).toBe('30. Nov. 2026');
    await userEvent.clear(input);
    await userEvent.type(input, '1.2.2027');
    expect(screen.getByTestId('value').textContent).toBe('2027-02-01');
  });

  it('offers the browser’s picker behind a named button, without a second visible date input', () => {
    render(<Controlled initial="2026-11-30" />);
    expect(screen.getByRole('button', { name: 'Open the calendar' })).toBeTruthy();
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
  });
});

describe('dates in the user’s locale', () => {
  it('formats and parses en-GB', () => {
    expect(day('2026-11-30')).toBe('30 Nov 2026');
    expect(month('2026-11')).toBe('Nov 2026');
    expect(parseDay('30 Nov 2026')).toBe('2026-11-30');
    expect(parseDay('30 November 2026')).toBe('2026-11-30');
    expect(parseDay('30/11/2026')).toBe('2026-11-30');
    expect(parseDay('2026-11-30')).toBe('2026-11-30');
    expect(parseMonth('Nov 2026')).toBe('2026-11');
    expect(parseMonth('11/2026')).toBe('2026-11');
  });

  it('formats and parses de-CH', () => {
    setDateLocale('de-CH');
    expect(day('2026-11-30')).toBe('30. Nov. 2026');
    expect(parseDay('30.11.2026')).toBe('2026-11-30');
    expect(parseDay('30. Nov. 2026')).toBe('2026-11-30');
    expect(parseMonth('11.2026')).toBe('2026-11');
  });

  it('refuses what is not a date', () => {
    expect(parseDay('31 Feb 2026')).toBeNull();
    expect(parseDay('2026-02-31')).toBeNull();
    expect(parseDay('soon')).toBeNull();
    expect(parseMonth('2026-13')).toBeNull();
  });

  it('writes years below 1000 in four digits', () => {
    expect(day('0099-01-05')).toBe('5 Jan 0099');
    expect(month('0999-12')).toBe('Dec 0999');
    expect(parseDay('0099-01-05')).toBe('0099-01-05');
  });

  it('falls back to en-GB for a locale Keel does not carry', () => {
    setDateLocale('xx-YY');
    expect(day('2026-11-30')).toBe('30 Nov 2026');
  });
});
