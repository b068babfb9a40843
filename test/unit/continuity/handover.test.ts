import { defaultOutgoingEnd, handoverDays } from '@shared/continuity/rules/replacement';
import { describe, expect, it } from 'vitest';

describe('hand-over default of a fulfilment', () => {
  const outgoing = { startDate: '2026-03-02', endDate: '2026-12-31' };

  it('offers the day before the replacement starts: no overlap unless chosen', () => {
    expect(defaultOutgoingEnd('2026-11-30', outgoing)).toBe('2026-11-29');
    expect(defaultOutgoingEnd('2026-12-01', outgoing)).toBe('2026-11-30'); // across a month end
    expect(handoverDays(defaultOutgoingEnd('2026-11-30', outgoing), '2026-11-30')).toBe(0);
  });

  it('stays inside the outgoing allocation, which fulfilling only shortens', () => {
    expect(defaultOutgoingEnd('2027-02-01', outgoing)).toBe('2026-12-31'); // starts after it ends: its own end
    expect(defaultOutgoingEnd('2027-01-01', outgoing)).toBe('2026-12-31'); // the day before is its end
    expect(defaultOutgoingEnd('2026-03-02', outgoing)).toBe('2026-03-02'); // starts on its first day: not before it
    expect(defaultOutgoingEnd('2026-01-15', outgoing)).toBe('2026-03-02');
    expect(defaultOutgoingEnd('2026-03-03', outgoing)).toBe('2026-03-02');
  });

  it('offers the allocation’s own end while the start is not a date yet', () => {
    expect(defaultOutgoingEnd('', outgoing)).toBe('2026-12-31');
    expect(defaultOutgoingEnd('2026-13-01', outgoing)).toBe('2026-12-31');
  });
});
