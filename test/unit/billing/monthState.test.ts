import {
  invoiceCancelRefusal,
  MONTH_ACTIONS,
  MONTH_TRANSITIONS,
  type MonthSituation,
  monthActions,
} from '@shared/billing/rules/monthState';
import { describe, expect, it } from 'vitest';

/** October 2026 of Credit risk on 24 November 2026, open, no errors, with lines. */
const base: MonthSituation = {
  status: 'open',
  month: '2026-10',
  today: '2026-11-24',
  when: 'October 2026 of Credit risk',
  errors: [],
  invoiceNumber: null,
  changedSinceApproval: null,
  hasLines: true,
  engagement: { startDate: '2026-01-01', endDate: null },
};
const at = (over: Partial<MonthSituation>) => monthActions({ ...base, ...over });
const allowed = (over: Partial<MonthSituation>) =>
  Object.entries(at(over))
    .filter(([, a]) => a.offered && a.refusal === null)
    .map(([name]) => name);

describe('month state machine', () => {
  it('refuses to approve a month wholly outside the engagement, and does not offer it', () => {
    const before = at({ month: '2025-12', engagement: { startDate: '2026-01-05', endDate: '2026-06-30' } });
    expect(before.approve).toEqual({
      offered: false,
      refusal: 'October 2026 of Credit risk lies before the engagement starts (5 Jan 2026), so there is nothing to approve.',
    });
    const after = at({ month: '2026-07', engagement: { startDate: '2026-01-05', endDate: '2026-06-30' } });
    expect(after.approve.refusal).toBe(
      'October 2026 of Credit risk lies after the engagement ended (30 Jun 2026), so there is nothing to approve.',
    );
    // The months the engagement starts and ends in are inside it.
    expect(allowed({ month: '2026-01', engagement: { startDate: '2026-01-31', endDate: '2026-06-01' } })).toEqual(['approve']);
    expect(allowed({ month: '2026-06', today: '2026-11-24', engagement: { startDate: '2026-01-31', endDate: '2026-06-01' } })).toEqual([
      'approve',
    ]);
  });

  it('moves open → approved → invoiced, back to open by withdrawing the approval or cancelling the invoice', () => {
    expect(MONTH_TRANSITIONS).toEqual({
      approve: { from: 'open', to: 'approved' },
      reopen: { from: 'approved', to: 'open' },
      issue: { from: 'approved', to: 'invoiced' },
      // Cancelling reopens the month; it does not fall back to approved.
      cancel: { from: 'invoiced', to: 'open' },
    });
    expect(Object.keys(MONTH_TRANSITIONS)).toEqual([...MONTH_ACTIONS]);
  });

  it('offers and allows exactly the steps that start from the month’s state', () => {
    expect(allowed({ status: 'open' })).toEqual(['approve']);
    expect(allowed({ status: 'approved' })).toEqual(['reopen', 'issue']);
    expect(allowed({ status: 'invoiced', invoiceNumber: 'KEEL-2026-0007' })).toEqual(['cancel']);
    for (const status of ['open', 'approved', 'invoiced'] as const) {
      const actions = at({ status, invoiceNumber: 'KEEL-2026-0007' });
      for (const name of MONTH_ACTIONS) {
        expect(actions[name].offered, `${name} from ${status}`).toBe(MONTH_TRANSITIONS[name].from === status);
        if (!actions[name].offered) expect(actions[name].refusal, `${name} from ${status}`).not.toBeNull();
      }
    }
  });

  it('refuses each step out of place with today’s sentences', () => {
    expect(at({ status: 'approved' }).approve.refusal).toBe('October 2026 of Credit risk is already approved.');
    expect(at({ status: 'invoiced' }).approve.refusal).toBe('October 2026 of Credit risk is already invoiced.');
    expect(at({ status: 'open' }).reopen.refusal).toBe('October 2026 of Credit risk is open already.');
    expect(at({ status: 'invoiced' }).reopen.refusal).toBe(
      'October 2026 of Credit risk is invoiced. Cancel its invoice with a reason to reopen it.',
    );
    expect(at({ status: 'invoiced', invoiceNumber: 'KEEL-2026-0007' }).issue.refusal).toBe(
      'October 2026 of Credit risk is already invoiced (KEEL-2026-0007).',
    );
    expect(at({ status: 'open' }).issue.refusal).toBe('October 2026 of Credit risk must be approved before its invoice is issued.');
    expect(at({ status: 'approved' }).cancel.refusal).toBe('October 2026 of Credit risk has no issued invoice to cancel.');
  });

  it('approves a past month and the current one, but not a month that has not begun', () => {
    // Past: October on 24 November.
    expect(at({ today: '2026-11-24' }).approve).toEqual({ offered: true, refusal: null });
    // Current: its first day, and its last.
    expect(at({ today: '2026-10-01' }).approve).toEqual({ offered: true, refusal: null });
    expect(at({ today: '2026-10-31' }).approve).toEqual({ offered: true, refusal: null });
    // Future: the day before it begins, and a month later — not offered, with the reason.
    for (const today of ['2026-09-30', '2026-08-15', '2025-12-31']) {
      expect(at({ today }).approve).toEqual({
        offered: false,
        refusal: 'October 2026 of Credit risk has not started yet, so it cannot be approved.',
      });
    }
    // A future month's state is still said first when it is not open.
    expect(at({ today: '2026-09-30', status: 'approved' }).approve.refusal).toBe('October 2026 of Credit risk is already approved.');
  });

  it('keeps approval offered but refused while the review has errors, naming them', () => {
    const errors = ['Ana has 8:00 on days without a rate (2026-10-30).', 'Ben has 1:00 on days without a rate (2026-10-31).'];
    expect(at({ errors }).approve).toEqual({
      offered: true,
      refusal: `October 2026 of Credit risk cannot be approved yet. ${errors.join(' ')}`,
    });
    // Not begun outweighs errors: there is nothing to fix yet.
    expect(at({ errors, today: '2026-09-01' }).approve.offered).toBe(false);
  });

  it('refuses to issue with errors, figures changed since approval, or no lines — in that order', () => {
    const approved = { status: 'approved' as const };
    const changed = 'October 2026 of Credit risk changed since it was approved (…).';
    expect(at({ ...approved, errors: ['No rate.'], changedSinceApproval: changed, hasLines: false }).issue.refusal).toBe(
      'October 2026 of Credit risk cannot be invoiced. No rate.',
    );
    expect(at({ ...approved, changedSinceApproval: changed, hasLines: false }).issue.refusal).toBe(changed);
    expect(at({ ...approved, hasLines: false }).issue.refusal).toBe(
      'October 2026 of Credit risk has no billable hours, so there is nothing to invoice.',
    );
    expect(at({ ...approved, hasLines: false }).issue.offered).toBe(true);
    // Withdrawing the approval stays possible whatever the figures say.
    expect(at({ ...approved, errors: ['No rate.'], hasLines: false }).reopen).toEqual({ offered: true, refusal: null });
  });

  it('cancels an issued invoice once', () => {
    expect(invoiceCancelRefusal({ number: 'KEEL-2026-0007', status: 'issued' })).toBeNull();
    expect(invoiceCancelRefusal({ number: 'KEEL-2026-0007', status: 'cancelled' })).toBe('Invoice KEEL-2026-0007 is already cancelled.');
  });
});
