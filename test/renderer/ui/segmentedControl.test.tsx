import { SegmentedControl } from '@renderer/ui/SegmentedControl';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

function Quarter() {
  const [quarter, setQuarter] = useState(1);
  return (
    <SegmentedControl
      label="Quarter"
      options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
      value={quarter}
      onChange={setQuarter}
    />
  );
}

describe('SegmentedControl', () => {
  const button = (name: string) => screen.getByRole('button', { name });

  it('is a named group of toggle buttons, the chosen one pressed', async () => {
    render(<Quarter />);
    expect(screen.getByRole('group', { name: 'Quarter' })).toBeTruthy();
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false', 'false']);
    await userEvent.click(button('Q3'));
    expect(button('Q3').getAttribute('aria-pressed')).toBe('true');
    expect(button('Q1').getAttribute('aria-pressed')).toBe('false');
  });

  it('is one tab stop; arrow keys move and choose, wrapping; Home and End go to the ends', async () => {
    render(<Quarter />);
    await userEvent.tab();
    expect(document.activeElement).toBe(button('Q1'));
    expect(button('Q2').tabIndex).toBe(-1);
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(button('Q2'));
    expect(button('Q2').getAttribute('aria-pressed')).toBe('true');
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(button('Q4'));
    expect(button('Q4').getAttribute('aria-pressed')).toBe('true');
    await userEvent.keyboard('{Home}');
    expect(button('Q1').getAttribute('aria-pressed')).toBe('true');
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(button('Q4'));
  });
});
