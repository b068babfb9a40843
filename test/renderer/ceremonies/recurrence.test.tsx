import { RecurrenceFields } from '@renderer/features/ceremonies/RecurrenceFields';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

/** The builder in a form that keeps what it hands back, shown as text. */
function Harness({ initial, startDate }: { initial: string | null; startDate: string }) {
  const [rule, setRule] = useState<string | null>(initial);
  return (
    <>
      <RecurrenceFields id="t" startDate={startDate} value={rule} error={undefined} onChange={setRule} />
      <output data-testid="rule">{rule === null ? 'once' : rule}</output>
    </>
  );
}

const rule = () => screen.getByTestId('rule').textContent;

describe('the recurrence builder', () => {
  it('builds the rules people use from the start date (Thursday 15 October 2026, the third Thursday)', async () => {
    render(<Harness initial="FREQ=WEEKLY;BYDAY=MO" startDate="2026-10-15" />);
    const repeats = screen.getByLabelText('Repeats', { selector: 'select' });
    await userEvent.type(screen.getByLabelText('Every how many weeks'), '{Backspace}2');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mon' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Thu' }));
    expect(rule()).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    await userEvent.selectOptions(repeats, 'Monthly on the third Thu');
    expect(rule()).toBe('FREQ=MONTHLY;BYDAY=3TH');
    await userEvent.selectOptions(repeats, 'Monthly on day 15');
    expect(rule()).toBe('FREQ=MONTHLY;BYMONTHDAY=15');
    await userEvent.selectOptions(repeats, 'Last working day of the month');
    expect(rule()).toBe('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1');
    await userEvent.selectOptions(repeats, 'Quarterly on day 15');
    expect(rule()).toBe('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15');
    await userEvent.selectOptions(repeats, 'Once (a one-off)');
    expect(rule()).toBe('once');
  });

  it('reads a rule it cannot build back as a custom rule, and takes a typed one as it is', async () => {
    render(<Harness initial="FREQ=YEARLY;BYMONTH=3;BYDAY=-1FR" startDate="2027-03-26" />);
    const typed = screen.getByLabelText('Recurrence rule (RFC 5545 RRULE)');
    expect((typed as HTMLInputElement).value).toBe('FREQ=YEARLY;BYMONTH=3;BYDAY=-1FR');
    await userEvent.clear(typed);
    await userEvent.type(typed, 'FREQ=MONTHLY;BYDAY=2TU');
    expect(rule()).toBe('FREQ=MONTHLY;BYDAY=2TU');
  });
});
