import { isOnOrAfterJoining, joinedFieldMessage, joinedRefusal, periodAfterJoining, startMoveRefusal } from '@shared/clients/rules/joined';
import { describe, expect, it } from 'vitest';

const ana = { fullName: 'Ana Silva', startDate: '2027-02-03' };

describe('after the person joined', () => {
  it('takes the start date itself and every later day, and refuses the day before', () => {
    expect(isOnOrAfterJoining(ana, '2027-02-03')).toBe(true);
    expect(isOnOrAfterJoining(ana, '2027-02-04')).toBe(true);
    expect(isOnOrAfterJoining(ana, '2027-02-02')).toBe(false);
    // Across a year boundary, lexical order still is calendar order.
    expect(isOnOrAfterJoining({ startDate: '2027-01-01' }, '2026-12-31')).toBe(false);
  });

  it('judges a period by its first day', () => {
    expect(periodAfterJoining(ana, { startDate: '2027-02-03' })).toBe(true);
    expect(periodAfterJoining(ana, { startDate: '2027-01-31' })).toBe(false);
  });

  it('says who joins when, as the screens write dates, and what cannot start before', () => {
    expect(joinedRefusal(ana, '2027-02-02', 'allocation')).toBe('Ana Silva joins on 3 Feb 2027; an allocation cannot start before that.');
    expect(joinedRefusal(ana, '2027-01-01', 'absence')).toBe('Ana Silva joins on 3 Feb 2027; time off cannot start before that.');
    expect(joinedRefusal(ana, '2027-01-01', 'replacement')).toBe('Ana Silva joins on 3 Feb 2027; they cannot take over before that.');
    expect(joinedRefusal(ana, '2027-01-01', 'hours')).toBe('Ana Silva joins on 3 Feb 2027; no hours can be recorded before that.');
    expect(joinedRefusal(ana, '2027-02-03', 'allocation')).toBeNull();
  });

  it('gives the form a field message that reads after the label', () => {
    expect(joinedFieldMessage(ana)).toBe('must be on or after 3 Feb 2027, when Ana Silva joins');
  });
});

describe('moving a start date later', () => {
  const allocation = { area: 'plan', label: 'the allocation to Claims from 5 Jan 2027' };
  const hours = { area: 'billing', label: '3 time entries from 5 Jan 2027 to 7 Jan 2027' };

  it('is fine when nothing lies before the new date, or the date moves earlier or stays', () => {
    expect(startMoveRefusal(ana, '2027-03-01', [])).toBeNull();
    expect(startMoveRefusal(ana, '2027-01-01', [allocation])).toBeNull();
    expect(startMoveRefusal(ana, '2027-02-03', [allocation])).toBeNull();
  });

  it('names every record in the way', () => {
    expect(startMoveRefusal(ana, '2027-03-01', [allocation, hours])).toBe(
      'Ana Silva’s start date cannot move to 1 Mar 2027: the allocation to Claims from 5 Jan 2027; 3 time entries from 5 Jan 2027 to 7 Jan 2027 would lie before it. Move or remove them first, or keep an earlier start date.',
    );
    expect(startMoveRefusal(ana, '2027-03-01', [hours])).toBe(
      'Ana Silva’s start date cannot move to 1 Mar 2027: 3 time entries from 5 Jan 2027 to 7 Jan 2027 would lie before it. Move or remove it first, or keep an earlier start date.',
    );
  });

  it('lists five and counts the rest', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ area: 'plan', label: `absence ${i + 1}` }));
    expect(startMoveRefusal(ana, '2027-03-01', many)).toBe(
      'Ana Silva’s start date cannot move to 1 Mar 2027: absence 1; absence 2; absence 3; absence 4; absence 5 and 2 more would lie before it. Move or remove them first, or keep an earlier start date.',
    );
  });
});
