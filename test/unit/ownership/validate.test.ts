import { mergeApplicability } from '@shared/ownership/rules/resolve';
import { type AssignmentCheckInput, assignmentCheck } from '@shared/ownership/rules/validate';
import { describe, expect, it } from 'vitest';
import { ANA, assign, BEN, CHURN, CLEO, DASHBOARD, duties, PEOPLE, person } from './fixtures';

const rollback = duties().find((d) => d.key === 'rollback') ?? null;
const training = duties().find((d) => d.key === 'training') ?? null;

const input = (over: Partial<AssignmentCheckInput> = {}): AssignmentCheckInput => ({
  target: { kind: 'model', id: 'm1', name: 'Churn model', type: 'model', inServiceFrom: '2026-01-05', inServiceTo: null },
  duty: rollback,
  notApplicable: mergeApplicability([]),
  role: 'accountable',
  person: person(BEN, 'Ben Ode'),
  fromDate: '2026-12-01',
  toDate: null,
  existing: [],
  people: PEOPLE(),
  membership: 'allocated',
  engagementName: 'Acme retention',
  ...over,
});

describe('an assignment', () => {
  it('is saved with nothing to say when everything holds', () => {
    expect(assignmentCheck(input())).toEqual({ refusal: null, warnings: [] });
    expect(assignmentCheck(input({ person: person(CLEO, 'Cleo Diaz'), membership: 'contact_of_client' }))).toEqual({
      refusal: null,
      warnings: [],
    });
  });

  it('cannot end before it starts, but may last one day', () => {
    expect(assignmentCheck(input({ toDate: '2026-11-30' })).refusal).toEqual({
      path: 'toDate',
      message: 'The assignment cannot end (30 Nov 2026) before it starts (1 Dec 2026).',
    });
    expect(assignmentCheck(input({ toDate: '2026-12-01' })).refusal).toBeNull();
  });

  it('stays inside the row’s in-service period', () => {
    expect(assignmentCheck(input({ fromDate: '2026-01-04' })).refusal).toEqual({
      path: 'fromDate',
      message: 'Churn model is in service from 5 Jan 2026 with no end date; the assignment cannot start on 4 Jan 2026.',
    });
    expect(assignmentCheck(input({ fromDate: '2026-01-05' })).refusal).toBeNull();
    const ending = { ...input().target, inServiceTo: '2026-12-31' };
    expect(assignmentCheck(input({ target: ending })).refusal).toEqual({
      path: 'toDate',
      message: 'Churn model is in service from 5 Jan 2026 to 31 Dec 2026; the assignment must end by 31 Dec 2026.',
    });
    expect(assignmentCheck(input({ target: ending, toDate: '2027-01-01' })).refusal?.path).toBe('toDate');
    expect(assignmentCheck(input({ target: ending, toDate: '2026-12-31' })).refusal).toBeNull();
    expect(assignmentCheck(input({ target: ending, fromDate: '2027-01-02', toDate: '2027-01-03' })).refusal?.path).toBe('fromDate');
  });

  it('names a duty of the engagement, in force on its first day', () => {
    expect(assignmentCheck(input({ duty: null })).refusal).toEqual({
      path: 'dutyKey',
      message: 'That duty is not one of the duties of Acme retention.',
    });
    const retired = rollback && { ...rollback, retiredOn: '2026-12-01' };
    expect(assignmentCheck(input({ duty: retired })).refusal).toEqual({
      path: 'dutyKey',
      message: 'Rollback was retired on 1 Dec 2026; nobody can be assigned to it from 1 Dec 2026.',
    });
    expect(assignmentCheck(input({ duty: rollback && { ...rollback, retiredOn: '2026-12-02' } })).refusal).toBeNull();
  });

  it('names a duty that applies to the asset’s type', () => {
    const dashboard = {
      kind: 'asset' as const,
      id: DASHBOARD.id,
      name: 'Churn dashboard',
      type: 'dashboard' as const,
      inServiceFrom: '2026-01-01',
      inServiceTo: null,
    };
    expect(assignmentCheck(input({ target: dashboard, duty: training })).refusal).toEqual({
      path: 'dutyKey',
      message: 'On Acme retention, Training & retraining does not apply to Dashboard assets such as Churn dashboard.',
    });
    const switchedOn = mergeApplicability([{ assetType: 'dashboard', dutyKey: 'training', applicable: true }]);
    expect(assignmentCheck(input({ target: dashboard, duty: training, notApplicable: switchedOn })).refusal).toBeNull();
  });

  it('refuses a second Accountable overlapping in time, naming the holder and what to do', () => {
    const holder = assign(CHURN, 'rollback', 'accountable', ANA, '2026-03-02');
    expect(assignmentCheck(input({ existing: [holder] })).refusal).toEqual({
      path: 'role',
      message:
        'A duty has one Accountable at a time: Ana Costa is Accountable for Rollback of Churn model from 2 Mar 2026 with no end date. ' +
        'End that assignment on 30 Nov 2026, or hand the duty over to Ben Ode from 1 Dec 2026.',
    });
    const later = assign(CHURN, 'rollback', 'accountable', ANA, '2027-01-01', '2027-03-31');
    expect(assignmentCheck(input({ existing: [later] })).refusal?.message).toBe(
      'A duty has one Accountable at a time: Ana Costa is Accountable for Rollback of Churn model from 1 Jan 2027 to 31 Mar 2027. ' +
        'Let this one end on 31 Dec 2026, or hand the duty over instead.',
    );
    const sameDay = assign(CHURN, 'rollback', 'accountable', ANA, '2026-12-01', '2026-12-31');
    expect(assignmentCheck(input({ existing: [sameDay] })).refusal?.message).toContain(
      'Remove that assignment if it was recorded by mistake',
    );
  });

  it('allows an Accountable after the last one ends, and other roles beside an Accountable', () => {
    const ended = assign(CHURN, 'rollback', 'accountable', ANA, '2026-03-02', '2026-11-30');
    expect(assignmentCheck(input({ existing: [ended] })).refusal).toBeNull();
    expect(assignmentCheck(input({ existing: [ended], fromDate: '2026-12-01', toDate: '2027-01-01' })).refusal).toBeNull();
    const current = assign(CHURN, 'rollback', 'accountable', ANA, '2026-03-02');
    expect(assignmentCheck(input({ existing: [current], role: 'responsible' })).refusal).toBeNull();
    expect(assignmentCheck(input({ existing: [current], role: 'backup' })).refusal).toBeNull();
  });

  it('refuses the same person in the same role twice over the same days', () => {
    const mine = assign(CHURN, 'rollback', 'responsible', BEN, '2026-06-01', '2026-12-31');
    expect(assignmentCheck(input({ role: 'responsible', existing: [mine] })).refusal).toEqual({
      path: 'person',
      message: 'Ben Ode is already Responsible for Rollback of Churn model from 1 Jun 2026 to 31 Dec 2026.',
    });
    expect(assignmentCheck(input({ role: 'responsible', existing: [mine], fromDate: '2027-01-01' })).refusal).toBeNull();
    expect(assignmentCheck(input({ role: 'consulted', existing: [mine] })).refusal).toBeNull();
    const mineAccountable = assign(CHURN, 'rollback', 'accountable', BEN, '2026-06-01');
    expect(assignmentCheck(input({ existing: [mineAccountable] })).refusal?.path).toBe('person');
  });

  it('refuses a specialist never allocated on the engagement and a contact of another client', () => {
    expect(assignmentCheck(input({ membership: 'never' })).refusal).toEqual({
      path: 'person',
      message: 'Ben Ode is not allocated on Acme retention at any time; allocate them first.',
    });
    expect(assignmentCheck(input({ person: person(CLEO, 'Cleo Diaz'), membership: 'contact_of_other_client' })).refusal).toEqual({
      path: 'person',
      message: 'Cleo Diaz is a contact of another client, not of Acme retention’s client.',
    });
  });

  it('warns, and saves, when the specialist is not allocated on every day, or has left', () => {
    expect(assignmentCheck(input({ membership: 'not_then' }))).toEqual({
      refusal: null,
      warnings: ['Ben Ode is not allocated on Acme retention on every day of this assignment.'],
    });
    expect(assignmentCheck(input({ person: person(BEN, 'Ben Ode', { inactive: true }) })).warnings).toEqual([
      'Ben Ode has left or is archived.',
    ]);
    expect(
      assignmentCheck(input({ person: person(CLEO, 'Cleo Diaz', { inactive: true }), membership: 'contact_of_client' })).warnings,
    ).toEqual(['Cleo Diaz is an archived client contact.']);
  });
});
