import type { InputOf } from '@shared/contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  openTestBackend,
  otherClient,
  otherEngagement,
  type TestBackend,
  validAbsence,
  validAllocation,
  validClient,
  validEngagement,
  validSpecialist,
} from '../../support/backend';

/**
 * The month close on a real SQLite file follows the month state machine
 * (shared/billing/rules/monthState.ts): the review says which steps the
 * month allows today, and the service refuses exactly what it refuses.
 * Today is 2026-11-24.
 */

let b: TestBackend;
let now = Date.UTC(2026, 10, 24, 10, 0, 0);
const clock = () => {
  now += 1000;
  return new Date(now);
};

let engagementId: string;
let specialistId: string;

beforeEach(async () => {
  now = Date.UTC(2026, 10, 24, 10, 0, 0);
  b = openTestBackend({ clock });
  const clientId = (await b.ok('clients.create', validClient)).id;
  engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id; // 2026-02-01 … 2026-12-31
  specialistId = (await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] })).id;
  await b.ok('rates.create', { engagementId, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 15_000 });
});
afterEach(() => b.dispose());

const cell = (date: string, minutes: number | null) =>
  ({ specialistId, engagementId, activity: 'retraining', date, minutes }) satisfies InputOf<'time.setCell'>;
const review = (month: string) => b.ok('months.review', { engagementId, month });
const offered = async (month: string) =>
  Object.entries((await review(month)).actions)
    .filter(([, a]) => a.offered)
    .map(([name]) => name);

describe('month state machine in the service', () => {
  it('refuses to approve a month that has not begun, as the review said, and changes nothing', async () => {
    const december = await review('2026-12');
    expect(december.actions.approve).toEqual({
      offered: false,
      refusal: 'December 2026 of Claims model operations has not started yet, so it cannot be approved.',
    });
    const before = b.auditCount();
    const refused = await b.call('months.approve', { engagementId, month: '2026-12' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('conflict');
      expect(refused.error.message).toBe(december.actions.approve.refusal);
    }
    expect(b.auditCount()).toBe(before);
    expect((await review('2026-12')).state.status).toBe('open');
  });

  it('approves the current month and a past one, as the review offered', async () => {
    await b.ok('time.setCell', cell('2026-11-02', 480));
    expect((await review('2026-11')).actions.approve).toEqual({ offered: true, refusal: null });
    expect((await review('2026-10')).actions.approve).toEqual({ offered: true, refusal: null });
    expect((await b.ok('months.approve', { engagementId, month: '2026-11' })).state.status).toBe('approved');
    expect((await b.ok('months.approve', { engagementId, month: '2026-10' })).state.status).toBe('approved');
  });

  it('offers each state’s steps, and the service refuses every other step with the review’s sentence', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 480));
    const month = '2026-10';
    const key = { engagementId, month };
    const refusalsMatch = async () => {
      const { actions } = await review(month);
      const attempts = {
        approve: () => b.call('months.approve', key),
        reopen: () => b.call('months.reopen', key),
        issue: () => b.call('invoices.issue', key),
      } as const;
      for (const [name, attempt] of Object.entries(attempts)) {
        const action = actions[name as keyof typeof attempts];
        if (action.refusal === null) continue;
        const before = b.auditCount();
        const result = await attempt();
        expect(result.ok || result.error.message, name).toBe(action.refusal);
        expect(b.auditCount()).toBe(before);
      }
    };

    expect(await offered(month)).toEqual(['approve']);
    await refusalsMatch();
    const approved = await b.ok('months.approve', key);
    // The approval returns the review it approved, with the steps now open.
    expect(approved.actions.issue).toEqual({ offered: true, refusal: null });
    expect(approved.actions.reopen).toEqual({ offered: true, refusal: null });
    expect(await offered(month)).toEqual(['reopen', 'issue']);
    await refusalsMatch();

    const invoice = await b.ok('invoices.issue', key);
    expect(await offered(month)).toEqual(['cancel']);
    expect((await review(month)).actions.issue.refusal).toBe(
      `October 2026 of Claims model operations is already invoiced (${invoice.number}).`,
    );
    await refusalsMatch();

    // Cancelling reopens the month: it is approved again before a new invoice.
    await b.ok('invoices.cancel', { id: invoice.id, reason: 'Wrong PO number' });
    expect((await review(month)).state.status).toBe('open');
    expect(await offered(month)).toEqual(['approve']);
    const again = await b.call('invoices.cancel', { id: invoice.id, reason: 'Twice' });
    expect(again.ok || again.error.message).toBe(`Invoice ${invoice.number} is already cancelled.`);
  });

  it('says before issuing that the figures changed since approval, and the service refuses with the same sentence', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 470));
    await b.ok('months.approve', { engagementId, month: '2026-10' });
    const engagement = await b.ok('engagements.get', { id: engagementId });
    await b.ok('clients.update', { ...validClient, id: engagement.clientId, vatBasisPoints: 770 });
    const { actions } = await review('2026-10');
    expect(actions.issue.offered).toBe(true);
    expect(actions.issue.refusal).toMatch(/^October 2026 of Claims model operations changed since it was approved \(gross CHF 1,270\.18/);
    const refused = await b.call('invoices.issue', { engagementId, month: '2026-10' });
    expect(refused.ok || refused.error.message).toBe(actions.issue.refusal);
  });
});

describe('reads load what they need', () => {
  it('reviewing one engagement’s month reads only that engagement’s terms, caps, allocations and its people’s absences', async () => {
    const clientId = (await b.ok('clients.create', otherClient)).id;
    const other = (await b.ok('engagements.create', otherEngagement(clientId))).id;
    const colleague = (
      await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'], fullName: 'Ben Keller', email: 'ben@example.com' })
    ).id;
    await b.ok('allocations.create', { ...validAllocation(specialistId, engagementId), startDate: '2026-10-01', endDate: '2026-10-31' });
    await b.ok('allocations.create', { ...validAllocation(colleague, other), startDate: '2026-10-01', endDate: '2026-10-31' });
    await b.ok('absences.create', { ...validAbsence(specialistId), startDate: '2026-10-12', endDate: '2026-10-13' });
    await b.ok('absences.create', { ...validAbsence(colleague), startDate: '2026-10-14', endDate: '2026-10-15' });
    await b.ok('billing.setSpecialistCap', { engagementId, specialistId, monthlyCapMinutes: 60 * 60 });
    await b.ok('time.setCell', cell('2026-10-05', 480));

    const { repos } = b.ctx;
    const spies = {
      allTerms: vi.spyOn(repos.billing, 'allTerms'),
      caps: vi.spyOn(repos.billing, 'capsByPerson'),
      rates: vi.spyOn(repos.billing, 'ratesInEffect'),
      allocations: vi.spyOn(repos.allocations, 'liveInWindow'),
      allocated: vi.spyOn(repos.allocations, 'engagementsAllocated'),
      absencesOf: vi.spyOn(repos.absences, 'inWindowOf'),
      allAbsences: vi.spyOn(repos.absences, 'inWindow'),
    };
    const result = await review('2026-10');
    expect(spies.allTerms).not.toHaveBeenCalled();
    expect(spies.allocated).not.toHaveBeenCalled();
    expect(spies.allAbsences).not.toHaveBeenCalled();
    expect(spies.caps).toHaveBeenCalledExactlyOnceWith(engagementId);
    expect(spies.rates).toHaveBeenCalledExactlyOnceWith('2026-10-01', '2026-10-31', engagementId);
    expect(spies.allocations).toHaveBeenCalledExactlyOnceWith('2026-10-01', '2026-10-31', engagementId);
    expect(spies.absencesOf).toHaveBeenCalledExactlyOnceWith([specialistId], '2026-10-01', '2026-10-31');
    // What it read is still what the review needs: the cap, the allocation and the absence are all seen.
    expect(result.specialists.map((s) => [s.specialistName, s.capMinutes])).toEqual([[validSpecialist.fullName, 3600]]);
    expect(result.specialists[0]?.missingDates).not.toContain('2026-10-12');
    expect(result.specialists[0]?.missingDates).toContain('2026-10-14');

    // The month list still reads every engagement's records at once.
    for (const spy of Object.values(spies)) spy.mockClear();
    await b.ok('months.list', { month: '2026-10' });
    expect(spies.allTerms).toHaveBeenCalledOnce();
    expect(spies.caps).toHaveBeenCalledExactlyOnceWith();
    expect(spies.allAbsences).toHaveBeenCalledOnce();
  });

  it('approving computes the review once', async () => {
    await b.ok('time.setCell', cell('2026-10-05', 480));
    const rates = vi.spyOn(b.ctx.repos.billing, 'ratesInEffect');
    await b.ok('months.approve', { engagementId, month: '2026-10' });
    expect(rates).toHaveBeenCalledOnce();
  });
});
