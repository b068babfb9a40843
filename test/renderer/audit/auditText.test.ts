import { describeChanges, fieldChanges } from '@renderer/components/auditText';
import { describe, expect, it } from 'vitest';

describe('how a change reads in the history and the audit log', () => {
  it('shows dates and instants as the screens do, in words for the field', () => {
    expect(describeChanges({ startDate: '2026-11-30', loadPercent: 50 }, { startDate: '2026-12-07', loadPercent: 80 })).toBe(
      'start date “30 Nov 2026” → “7 Dec 2026”; load “50” → “80”',
    );
    expect(fieldChanges({ approvedAt: null }, { approvedAt: '2026-11-02T09:00:00.000Z' })[0]?.to).toMatch(/^2 Nov 2026, \d{2}:00$/);
  });
  it('never shows a raw record id: the change is named instead', () => {
    const text = describeChanges({ allocationId: null, name: 'A' }, { allocationId: '01a24178-cb5c-7026-b14e-640086951525', name: 'A' });
    expect(text).toBe('allocation changed');
    expect(text).not.toMatch(/01a24178/);
  });
  it('shows a yes-or-no field in words and names the non-billable reason by its label', () => {
    expect(
      describeChanges(
        { billable: true, nonBillableReason: '' },
        { billable: false, nonBillableReason: 'Replacement hand-over (no extra cost)' },
      ),
    ).toBe('billable “yes” → “no”; non-billable reason “—” → “Replacement hand-over (no extra cost)”');
  });
  it('says when nothing changed', () => {
    expect(describeChanges({ name: 'A', updatedAt: '2026-01-01T00:00:00Z' }, { name: 'A', updatedAt: '2026-02-01T00:00:00Z' })).toBe(
      'no field changed',
    );
  });
});
