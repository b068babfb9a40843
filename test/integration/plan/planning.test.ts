import { createRequire } from 'node:module';
import type { AuditEntry, KeelError } from '@shared/contract';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  validStaffingRequest,
} from '../../support/backend';

/**
 * Allocation planning on a real SQLite file: allocations, absences and
 * staffing requests through the contract, refusals that leave nothing
 * behind, and the plan views on the sample data. Today is 2026-11-24.
 */

let b: TestBackend;
let tick = 0;
// Fixed to 24 Nov 2026 10:00 UTC, moving 1 s per call so updatedAt values differ between writes.
const clock = () => new Date(Date.UTC(2026, 10, 24, 10, 0, tick++));

beforeEach(() => {
  tick = 0;
  b = openTestBackend({ clock });
});
afterEach(() => b.dispose());

const count = (table: 'allocation' | 'absence' | 'staffing_request' | 'audit_log') =>
  (b.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () => ({
  allocations: count('allocation'),
  absences: count('absence'),
  requests: count('staffing_request'),
  audit: count('audit_log'),
});

/** Calls a procedure that must fail and returns its error. */
async function refused(name: string, input: unknown): Promise<KeelError> {
  const result = await b.call(name, input);
  if (result.ok) throw new Error(`${name} should have been refused but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Helvetic (two engagements: Claims to 31 Dec 2026, Fraud) and Nordhafen (Demand, open-ended); Ana joined 2026-01-05. */
async function setUp() {
  const helvetic = await b.ok('clients.create', validClient);
  const claims = await b.ok('engagements.create', validEngagement(helvetic.id));
  const fraud = await b.ok('engagements.create', { ...validEngagement(helvetic.id), name: 'Fraud scoring pilot' });
  const nordhafen = await b.ok('clients.create', otherClient);
  const demand = await b.ok('engagements.create', otherEngagement(nordhafen.id));
  const ana = await b.ok('specialists.create', { ...validSpecialist, skills: [...validSpecialist.skills] });
  return { helvetic, claims, fraud, nordhafen, demand, ana };
}

const audits = async (entityId: string) => (await b.ok('audit.list', { entityId })).rows;

describe('allocations', () => {
  it('creates, extends, ends early and cancels, auditing each change with before and after', async () => {
    const { claims, ana } = await setUp();
    const created = await b.ok('allocations.create', {
      specialistId: ana.id,
      engagementId: claims.id,
      startDate: '2026-03-02',
      endDate: '2026-06-30',
      status: 'confirmed',
    });
    expect(created).toMatchObject({
      specialistName: 'Ana Ionescu',
      engagementName: 'Claims model operations',
      clientName: validClient.name,
      startDate: '2026-03-02',
      endDate: '2026-06-30',
      loadPercent: 100, // the default: full-time
      status: 'confirmed',
      note: '',
      cancelReason: '',
      flags: [],
    });
    expect(created.createdAt).toMatch(/^2026-11-24T10:00:\d\d\.000Z$/);
    expect(await b.ok('allocations.get', { id: created.id })).toEqual(created);

    const fields = validAllocation(ana.id, claims.id);
    const extended = await b.ok('allocations.update', {
      ...fields,
      id: created.id,
      endDate: '2026-09-30',
      expectedUpdatedAt: created.updatedAt,
    });
    expect(extended.endDate).toBe('2026-09-30');
    expect(extended.updatedAt > created.updatedAt).toBe(true);
    const shortened = await b.ok('allocations.update', { ...fields, id: created.id, endDate: '2026-05-15', loadPercent: 60 });
    expect([shortened.endDate, shortened.loadPercent]).toEqual(['2026-05-15', 60]);
    const cancelled = await b.ok('allocations.cancel', { id: created.id, reason: '  Client postponed the project  ' });
    expect([cancelled.status, cancelled.cancelReason, cancelled.flags]).toEqual(['cancelled', 'Client postponed the project', []]);

    const history = await audits(created.id);
    expect(history.map((r) => [r.entity, r.action, r.label])).toEqual([
      ['allocation', 'cancel', 'Ana Ionescu → Claims model operations'],
      ['allocation', 'update', 'Ana Ionescu → Claims model operations'],
      ['allocation', 'update', 'Ana Ionescu → Claims model operations'],
      ['allocation', 'create', 'Ana Ionescu → Claims model operations'],
    ]);
    const [cancel, shorten, extend, create] = history as [AuditEntry, AuditEntry, AuditEntry, AuditEntry];
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ id: created.id, endDate: '2026-06-30', loadPercent: 100, status: 'confirmed' });
    expect(extend.before).toMatchObject({ endDate: '2026-06-30' });
    expect(extend.after).toMatchObject({ endDate: '2026-09-30' });
    expect(shorten.before).toMatchObject({ endDate: '2026-09-30', loadPercent: 100 });
    expect(shorten.after).toMatchObject({ endDate: '2026-05-15', loadPercent: 60 });
    expect(cancel.before).toMatchObject({ status: 'confirmed', cancelReason: '' });
    expect(cancel.after).toMatchObject({ status: 'cancelled', cancelReason: 'Client postponed the project' });
    // The audit rows hold the stored record, not the joined names.
    expect(Object.keys(create.after as object)).not.toContain('clientName');

    // A cancelled allocation stays on record but is final.
    const before = counts();
    expect(await refused('allocations.update', { ...fields, id: created.id })).toMatchObject({
      code: 'conflict',
      message: 'This allocation is cancelled and cannot be changed. Create a new one instead.',
    });
    expect((await refused('allocations.cancel', { id: created.id, reason: 'again' })).code).toBe('conflict');
    expect(counts()).toEqual(before);
    expect((await b.ok('allocations.list', { status: 'cancelled' })).rows.map((r) => r.id)).toEqual([created.id]);
  });

  it('lists by person, engagement, client, status and dates', async () => {
    const { claims, demand, nordhafen, ana } = await setUp();
    const bo = await b.ok('specialists.create', { ...validSpecialist, fullName: 'Bo Berg', email: 'bo@example.com', skills: ['dbt'] });
    const a1 = await b.ok('allocations.create', validAllocation(ana.id, claims.id));
    const a2 = await b.ok('allocations.create', { ...validAllocation(ana.id, demand.id), startDate: '2026-07-01', endDate: '2026-12-31' });
    const a3 = await b.ok('allocations.create', { ...validAllocation(bo.id, demand.id), status: 'tentative' });
    const ids = async (input: Parameters<typeof b.ok<'allocations.list'>>[1]) =>
      (await b.ok('allocations.list', input)).rows.map((r) => r.id);
    expect(await ids({})).toEqual([a1.id, a3.id, a2.id]); // by start date, then name
    expect(await ids({ specialistId: ana.id })).toEqual([a1.id, a2.id]);
    expect(await ids({ clientId: nordhafen.id })).toEqual([a3.id, a2.id]);
    expect(await ids({ engagementId: claims.id })).toEqual([a1.id]);
    expect(await ids({ status: 'tentative' })).toEqual([a3.id]);
    expect(await ids({ from: '2026-07-01' })).toEqual([a2.id]);
    expect(await ids({ to: '2026-06-30' })).toEqual([a1.id, a3.id]);
    expect(await ids({ search: 'berg' })).toEqual([a3.id]);
    expect(await ids({ search: 'nordhafen' })).toEqual([a3.id, a2.id]);
  });

  it('refuses a confirmed allocation at another client over a confirmed one, naming it, and writes nothing', async () => {
    const { claims, demand, ana } = await setUp();
    await b.ok('allocations.create', validAllocation(ana.id, claims.id)); // Helvetic, 2026-03-02 to 30 Jun 2026
    const before = counts();
    const conflicting = { ...validAllocation(ana.id, demand.id), startDate: '2026-06-15', endDate: '2026-12-31' };
    expect(await refused('allocations.create', conflicting)).toEqual({
      code: 'conflict',
      message:
        'Ana Ionescu is already confirmed at Helvetic Insurance AG (Claims model operations) from 2 Mar 2026 to 30 Jun 2026. ' +
        'A specialist is dedicated to one client at a time: end or move that allocation first, or keep this one tentative.',
      issues: [{ path: 'status', message: 'cannot be confirmed: the dates overlap a confirmed allocation at another client' }],
    });
    expect(counts()).toEqual(before);

    // Tentative is allowed, and flagged as a warning where the days add up to more than 100%.
    const tentative = await b.ok('allocations.create', { ...conflicting, status: 'tentative' });
    expect(tentative.flags).toEqual([
      expect.objectContaining({ severity: 'warning', kind: 'overload', startDate: '2026-06-15', endDate: '2026-06-30', loadPercent: 200 }),
    ]);
    // Confirming it later is refused the same way, and leaves it tentative.
    const afterTentative = counts();
    const confirm = await refused('allocations.update', { ...conflicting, id: tentative.id, expectedUpdatedAt: tentative.updatedAt });
    expect(confirm.message).toMatch(
      /^Ana Ionescu is already confirmed at Helvetic Insurance AG \(Claims model operations\) from 2 Mar 2026/,
    );
    expect(counts()).toEqual(afterTentative);
    expect((await b.ok('allocations.get', { id: tentative.id })).status).toBe('tentative');

    // Starting the day after the other one ends is fine.
    const moved = await b.ok('allocations.update', { ...conflicting, id: tentative.id, startDate: '2026-07-01' });
    expect([moved.status, moved.flags]).toEqual(['confirmed', []]);
  });

  it('allows an overlap within one client (a hand-over) but shows it, with the overload it causes', async () => {
    const { claims, fraud, ana } = await setUp();
    const first = await b.ok('allocations.create', validAllocation(ana.id, claims.id));
    const second = await b.ok('allocations.create', {
      ...validAllocation(ana.id, fraud.id),
      startDate: '2026-06-22',
      endDate: '2026-08-31',
      loadPercent: 50,
    });
    expect(second.flags.map((f) => [f.severity, f.kind, f.startDate, f.endDate, f.loadPercent])).toEqual([
      ['error', 'overload', '2026-06-22', '2026-06-30', 150],
      ['info', 'handover', '2026-06-22', '2026-06-30', 150],
    ]);
    expect(second.flags[1]?.message).toMatch(/Claims model operations and Fraud scoring pilot run together for 9 days/);
    expect((await b.ok('allocations.get', { id: first.id })).flags).toHaveLength(2);
  });

  it('refuses bad dates, loads and unknown people with field issues, and writes nothing', async () => {
    const { claims, ana } = await setUp();
    const fields = validAllocation(ana.id, claims.id);
    const before = counts();
    const cases: [string, unknown, string, string[]][] = [
      ['before the engagement starts', { ...fields, startDate: '2026-01-30' }, 'invalid_input', ['startDate']],
      ['after the engagement ends', { ...fields, endDate: '2027-01-31' }, 'invalid_input', ['endDate']],
      ['both', { ...fields, startDate: '2026-01-30', endDate: '2027-01-31' }, 'invalid_input', ['startDate', 'endDate']],
      ['unknown specialist', { ...fields, specialistId: '01a20bb9-cb5c-7026-b14e-640086951525' }, 'not_found', ['specialistId']],
      ['load 0', { ...fields, loadPercent: 0 }, 'invalid_input', ['loadPercent']],
      ['load 101', { ...fields, loadPercent: 101 }, 'invalid_input', ['loadPercent']],
      ['end before start', { ...fields, startDate: '2026-06-30', endDate: '2026-06-29' }, 'invalid_input', ['endDate']],
    ];
    for (const [why, input, code, paths] of cases) {
      const error = await refused('allocations.create', input);
      expect(error.code, why).toBe(code);
      expect(
        error.issues?.map((i) => i.path),
        why,
      ).toEqual(paths);
      expect(counts(), why).toEqual(before);
    }
    expect((await refused('allocations.create', { ...fields, startDate: '2026-01-30' })).message).toBe(
      'The allocation does not fit: Claims model operations runs 1 Feb 2026 to 31 Dec 2026.',
    );
    expect((await refused('allocations.create', { ...fields, loadPercent: 101 })).message).toBe(
      'Load must be at most 100% (a full-time day).',
    );
    expect((await refused('allocations.create', { ...fields, endDate: '2026-03-01' })).message).toBe(
      'End date must be on or after the start date.',
    );
  });

  it('refuses archived or departed people and archived engagements or clients, and stale edits', async () => {
    const { helvetic, claims, fraud, ana } = await setUp();
    const allocation = await b.ok('allocations.create', validAllocation(ana.id, claims.id));
    const later = { ...validAllocation(ana.id, claims.id), startDate: '2026-07-01', endDate: '2026-08-31' };
    const before = counts();

    const stale = await refused('allocations.update', {
      ...validAllocation(ana.id, claims.id),
      id: allocation.id,
      endDate: '2026-07-31',
      expectedUpdatedAt: '2026-11-24T09:00:00.000Z',
    });
    expect(stale).toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed by someone else/) });

    await b.ok('engagements.archive', { id: fraud.id });
    expect(await refused('allocations.create', validAllocation(ana.id, fraud.id))).toMatchObject({
      code: 'conflict',
      message: 'Fraud scoring pilot is archived. Restore the engagement before allocating people to it.',
    });

    await b.ok('specialists.archive', { id: ana.id });
    expect(await refused('allocations.create', later)).toMatchObject({
      code: 'conflict',
      message: 'Ana Ionescu is archived. Restore the specialist before allocating them.',
    });
    await b.ok('specialists.restore', { id: ana.id });

    const specialistFields = { ...validSpecialist, skills: ['MLflow'] };
    await b.ok('specialists.update', { ...specialistFields, id: ana.id, status: 'left' });
    expect(await refused('allocations.create', later)).toMatchObject({
      code: 'conflict',
      message: 'Ana Ionescu has left the company and cannot be allocated.',
    });
    await b.ok('specialists.update', { ...specialistFields, id: ana.id, status: 'active' });

    await b.ok('engagements.update', { ...validEngagement(helvetic.id), id: claims.id, status: 'ended' });
    await b.ok('engagements.archive', { id: claims.id });
    await b.ok('clients.archive', { id: helvetic.id });
    expect((await refused('allocations.create', later)).code).toBe('conflict');

    const writes = 8; // the archives, restores and updates above, each audited
    expect(counts()).toEqual({ ...before, audit: before.audit + writes });
  });
});

describe('absences', () => {
  it('creates, changes and deletes an absence, refusing overlaps, with every change audited', async () => {
    const { ana } = await setUp();
    const created = await b.ok('absences.create', { ...validAbsence(ana.id), startDate: '2026-12-21', endDate: '2026-12-31' });
    expect(created).toMatchObject({
      specialistId: ana.id,
      kind: 'vacation',
      startDate: '2026-12-21',
      endDate: '2026-12-31',
      note: 'Summer',
    });
    const changed = await b.ok('absences.update', {
      ...validAbsence(ana.id),
      id: created.id,
      startDate: '2026-12-21',
      endDate: '2027-01-08', // its own days do not count as an overlap
      note: 'Winter',
      expectedUpdatedAt: created.updatedAt,
    });
    expect([changed.endDate, changed.note]).toEqual(['2027-01-08', 'Winter']);

    const before = counts();
    expect(
      await refused('absences.create', { ...validAbsence(ana.id), kind: 'sick', startDate: '2027-01-08', endDate: '2027-01-12' }),
    ).toEqual({
      code: 'conflict',
      message: 'Ana Ionescu already has vacation recorded from 21 Dec 2026 to 8 Jan 2027. Change that absence instead.',
      issues: [{ path: 'startDate', message: 'overlaps another absence' }],
    });
    expect((await refused('absences.update', { ...validAbsence(ana.id), id: created.id, endDate: '2026-08-01' })).code).toBe(
      'invalid_input',
    );
    expect(counts()).toEqual(before);
    const sick = await b.ok('absences.create', { ...validAbsence(ana.id), kind: 'sick', startDate: '2027-01-11', endDate: '2027-01-12' });

    expect((await b.ok('absences.list', { specialistId: ana.id })).rows.map((r) => [r.kind, r.specialistName])).toEqual([
      ['sick', 'Ana Ionescu'],
      ['vacation', 'Ana Ionescu'],
    ]);
    expect((await b.ok('absences.list', { from: '2027-01-09' })).rows.map((r) => r.id)).toEqual([sick.id]);

    const deleted = await b.ok('absences.delete', { id: created.id });
    expect(deleted).toEqual(changed);
    expect((await b.ok('absences.list', {})).rows.map((r) => r.id)).toEqual([sick.id]);
    const [del, update, create] = (await audits(created.id)) as [AuditEntry, AuditEntry, AuditEntry];
    expect([del.action, update.action, create.action]).toEqual(['delete', 'update', 'create']);
    expect(del).toMatchObject({ entity: 'absence', label: 'Ana Ionescu: vacation 21 Dec 2026 to 8 Jan 2027', after: null });
    expect(del.before).toEqual(changed);
    expect(update.before).toMatchObject({ endDate: '2026-12-31', note: 'Summer' });
    expect((await refused('absences.delete', { id: created.id })).code).toBe('not_found');
  });

  it('lowers capacity by exactly the absent working days × daily minutes', async () => {
    const { ana } = await setUp();
    await b.ok('specialists.update', { ...validSpecialist, skills: ['MLflow'], id: ana.id, dailyMinutes: 450 }); // 7.5 h days
    const capacity = async () => {
      const result = await b.ok('plan.capacity', { specialistId: ana.id, from: '2026-12-01', periods: 1 });
      expect(result.dailyMinutes).toBe(450);
      return result.periods[0] as NonNullable<(typeof result.periods)[0]>;
    };
    const before = await capacity();
    // December 2026 in Romania: 23 weekdays; 1 December and 25 December are public holidays (26 December is a Saturday).
    expect(before).toEqual({
      start: '2026-12-01',
      end: '2026-12-31',
      workingDays: 23,
      holidayDays: 2,
      absenceDays: 0,
      availableDays: 21,
      capacityMinutes: 21 * 450,
    });
    // Monday 14 to Sunday 20 December: five working days.
    await b.ok('absences.create', { ...validAbsence(ana.id), startDate: '2026-12-14', endDate: '2026-12-20' });
    expect((await capacity()).capacityMinutes).toBe(before.capacityMinutes - 5 * 450);
    // Thursday 24 to Monday 28 December: Christmas and the weekend are not subtracted again.
    await b.ok('absences.create', { ...validAbsence(ana.id), kind: 'other', startDate: '2026-12-24', endDate: '2026-12-28' });
    expect(await capacity()).toMatchObject({ holidayDays: 2, absenceDays: 7, availableDays: 14, capacityMinutes: 14 * 450 });

    const weekly = await b.ok('plan.capacity', { specialistId: ana.id, from: '2026-12-23', scale: 'week', periods: 2 });
    // Weekly, across the year end: 21–23 available, 24 absent, 25 Christmas; 28 absent, 29–31 available, 1 January a holiday.
    expect(weekly.periods.map((p) => [p.start, p.holidayDays, p.absenceDays, p.availableDays, p.capacityMinutes])).toEqual([
      ['2026-12-21', 1, 1, 3, 3 * 450],
      ['2026-12-28', 1, 1, 3, 3 * 450],
    ]);
  });
});

describe('staffing requests', () => {
  it('defines a role, moves it through the stages and fills it with a linked allocation, in one audited write', async () => {
    const { claims, ana } = await setUp();
    const request = await b.ok('staffing.create', validStaffingRequest(claims.id));
    expect(request).toMatchObject({
      engagementName: 'Claims model operations',
      clientName: validClient.name,
      engagementEndDate: '2026-12-31',
      requiredSkills: ['Kubeflow', 'MLflow'], // trimmed, duplicates gone
      regionPreferences: ['romania', 'poland'],
      stage: 'defined',
      openedOn: '2026-11-24', // today, by default
      targetWeeks: 4,
      loadPercent: 80,
      filledOn: null,
      allocationId: null,
      allocation: null,
      clock: { targetDate: '2026-12-22', daysOpen: 0, overdue: false, filledLate: false },
    });
    expect((await b.ok('staffing.setStage', { id: request.id, stage: 'sourcing' })).stage).toBe('sourcing');
    expect((await b.ok('staffing.setStage', { id: request.id, stage: 'candidates_presented' })).stage).toBe('candidates_presented');
    const edited = await b.ok('staffing.update', {
      ...validStaffingRequest(claims.id),
      id: request.id,
      openedOn: '2026-11-20',
      requiredSkills: ['Kubeflow', 'Argo   CD'],
    });
    expect([edited.requiredSkills, edited.stage, edited.clock.targetDate]).toEqual([
      ['Kubeflow', 'Argo CD'],
      'candidates_presented',
      '2026-12-18',
    ]);

    const before = counts();
    const filled = await b.ok('staffing.fill', { id: request.id, specialistId: ana.id, startDate: '2026-12-01', endDate: '2026-12-31' });
    // Opened Fri 20 November, filled Tue 24: two business days (Mon 23, Tue 24) in Zurich.
    expect(filled).toMatchObject({
      stage: 'filled',
      filledOn: '2026-11-24',
      clock: { daysOpen: 2, state: 'met', overdue: false, filledLate: false },
    });
    expect(filled.allocation).toMatchObject({
      id: filled.allocationId,
      specialistName: 'Ana Ionescu',
      engagementId: claims.id,
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      loadPercent: 80, // from the request
      status: 'confirmed', // filling confirms by default
      note: 'Fills staffing request “Senior MLOps engineer — claims models”.',
    });
    expect(counts()).toEqual({ ...before, allocations: before.allocations + 1, audit: before.audit + 2 });
    expect((await audits(filled.allocationId as string)).map((r) => r.action)).toEqual(['create']);
    const history = await audits(request.id);
    expect(history.map((r) => [r.entity, r.action])).toEqual([
      ['staffing_request', 'update'],
      ['staffing_request', 'update'],
      ['staffing_request', 'update'],
      ['staffing_request', 'update'],
      ['staffing_request', 'create'],
    ]);
    expect(history[0]?.before).toMatchObject({ stage: 'candidates_presented', allocationId: null });
    expect(history[0]?.after).toMatchObject({ stage: 'filled', allocationId: filled.allocationId });

    // A filled request is final.
    const after = counts();
    expect(await refused('staffing.setStage', { id: request.id, stage: 'sourcing' })).toMatchObject({
      code: 'conflict',
      message: '“Senior MLOps engineer — claims models” is already filled; it cannot change stage any more.',
    });
    expect((await refused('staffing.update', { ...validStaffingRequest(claims.id), id: request.id, openedOn: '2026-11-20' })).code).toBe(
      'conflict',
    );
    expect((await refused('staffing.decline', { id: request.id, reason: 'Changed our minds' })).code).toBe('conflict');
    expect(
      (await refused('staffing.fill', { id: request.id, specialistId: ana.id, startDate: '2026-12-01', endDate: '2026-12-31' })).code,
    ).toBe('conflict');
    expect(counts()).toEqual(after);
    expect((await b.ok('staffing.list', {})).total).toBe(0);
    expect((await b.ok('staffing.list', { state: 'closed' })).rows.map((r) => r.id)).toEqual([request.id]);
  });

  it('a fill that breaks the dedication rule writes neither the allocation nor the stage change', async () => {
    const { claims, demand, ana } = await setUp();
    await b.ok('allocations.create', { ...validAllocation(ana.id, demand.id), startDate: '2026-11-02', endDate: '2027-03-31' });
    const request = await b.ok('staffing.create', validStaffingRequest(claims.id));
    const sourcing = await b.ok('staffing.setStage', { id: request.id, stage: 'sourcing' });
    const before = counts();
    const error = await refused('staffing.fill', { id: request.id, specialistId: ana.id, startDate: '2026-12-01', endDate: '2026-12-31' });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(
      /^Ana Ionescu is already confirmed at Nordhafen Logistik GmbH \(Demand forecasting platform\) from 2 Nov 2026 to 31 Mar 2027\./,
    );
    expect(counts()).toEqual(before);
    expect(await b.ok('staffing.get', { id: request.id })).toEqual(sourcing);

    // As tentative it goes through.
    const filled = await b.ok('staffing.fill', {
      id: request.id,
      specialistId: ana.id,
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      status: 'tentative',
      filledOn: '2026-11-24',
    });
    expect(filled.allocation?.status).toBe('tentative');
  });

  it('declines with a reason, stopping the clock; an old open request is overdue', async () => {
    const { claims } = await setUp();
    const old = await b.ok('staffing.create', { ...validStaffingRequest(claims.id), openedOn: '2026-10-01' });
    // Four weeks = 20 business days after Thu 1 October in Zurich (no public holiday until Christmas): Fri 2 Oct (1),
    // 5–9 (6), 12–16 (11), 19–23 (16), 26–29 Oct (20). Open to today: 21 in October after the 1st, 17 in November = 38.
    expect(old.clock).toMatchObject({
      targetDate: '2026-10-29',
      daysOpen: 38,
      late: 18,
      state: 'breached',
      overdue: true,
      filledLate: false,
    });
    const short = await b.ok('staffing.create', {
      ...validStaffingRequest(claims.id),
      title: 'Quick one',
      openedOn: '2026-11-10',
      targetWeeks: 3,
    });
    // Three weeks = 15 business days after Tue 10 Nov: 11–13 (3), 16–20 (8), 23–27 (13), Mon 30 (14), Tue 1 Dec (15).
    // Open to today: 11–13, 16–20, 23, 24 = 10 of 15 (66%, at risk).
    expect(short.clock).toMatchObject({ targetDate: '2026-12-01', daysOpen: 10, state: 'at_risk', overdue: false, filledLate: false });

    const declined = await b.ok('staffing.decline', { id: old.id, reason: ' The client wants someone on site five days a week. ' });
    expect(declined).toMatchObject({
      stage: 'declined',
      declinedOn: '2026-11-24',
      declineReason: 'The client wants someone on site five days a week.',
      // Declined on 24 Nov, long after its target of 29 Oct: the missed target stands (no longer overdue: it is closed).
      clock: { daysOpen: 38, state: 'breached', overdue: false },
    });
    expect((await b.ok('staffing.list', {})).rows.map((r) => r.title)).toEqual(['Quick one']);
    expect((await b.ok('staffing.list', { state: 'all', stage: 'declined' })).rows.map((r) => r.id)).toEqual([old.id]);
    expect((await b.ok('staffing.list', { state: 'all', search: 'kubeflow' })).total).toBe(2);
  });

  it('shows open requests as placeholders on the timeline and as demand in the forecast', async () => {
    const { claims, demand } = await setUp();
    const open = await b.ok('staffing.create', { ...validStaffingRequest(demand.id), startDate: '2027-01-11', loadPercent: 100 });
    const declined = await b.ok('staffing.create', { ...validStaffingRequest(claims.id), title: 'Declined' });
    await b.ok('staffing.decline', { id: declined.id, reason: 'No fit' });

    const timeline = await b.ok('plan.timeline', { from: '2027-01-04', periods: 4 });
    expect(timeline.placeholders).toEqual([
      expect.objectContaining({
        id: open.id,
        clientName: 'Nordhafen Logistik GmbH',
        startDate: '2027-01-11',
        endDate: null,
        loadPercent: 100,
        clock: expect.objectContaining({ targetDate: '2026-12-22' }),
      }),
    ]);
    expect(timeline.clients.map((c) => c.name)).toEqual(['Nordhafen Logistik GmbH']);
    expect((await b.ok('plan.timeline', { from: '2027-01-04', status: 'confirmed' })).placeholders).toEqual([]);
    expect((await b.ok('plan.timeline', { from: '2026-11-02', periods: 4 })).placeholders).toEqual([]); // starts after the window

    // January 2027: 15 of 21 weekdays from the 11th.
    const forecast = await b.ok('plan.forecast', { from: '2027-01-15', months: 2 });
    expect(forecast.months.map((m) => m.start)).toEqual(['2027-01-01', '2027-02-01']);
    const mlops = forecast.rows.filter((r) => r.role === 'mlops_engineer').map((r) => [r.month, r.supply, r.openRequests, r.gap]);
    expect(mlops).toEqual([
      ['2027-01-01', 1, 0.71, 0.29],
      ['2027-02-01', 1, 1, 0],
    ]);
  });
});

describe('plan views on the sample data', () => {
  beforeEach(async () => {
    await b.ok('sample.load');
  });

  it('the roll-off radar lists confirmed ends in the next six weeks without a follow-on, and the bench', async () => {
    const radar = await b.ok('plan.rollOff', {});
    expect([radar.today, radar.weeks]).toEqual(['2026-11-24', 6]);
    expect(
      radar.rollOffs.map((r) => [
        r.specialist.fullName,
        r.allocation.engagementName,
        r.allocation.endDate,
        r.daysLeft,
        r.tentativeFollowOn?.startDate ?? null,
      ]),
    ).toEqual([
      ['Agnieszka Nowak', 'Credit risk model operations', '2026-12-11', 17, null],
      ['Aigerim Nurlanovna', 'Demand forecasting platform', '2026-12-18', 24, null],
      // A partial roll-off: her pilot ends while her other confirmed work continues.
      ['Elena Vasquez', 'Fraud scoring pilot', '2026-12-18', 24, null],
      ['Valentina Gómez', 'Fraud scoring pilot', '2026-12-18', 24, null],
      // Nikola replaced Rafael on the claims run (sample replacement request) until 31 December; his tentative
      // Nordhafen ramp-up from 4 January follows.
      ['Nikola Stojanovski', 'Claims triage model run', '2026-12-31', 37, '2027-01-04'],
      ['Piotr Kowalski', 'Credit risk model operations', '2026-12-31', 37, '2027-01-11'],
    ]);
    // Elena Vasquez's half on the pilot ends on the 18th too, but her other half runs on at the same client.
    expect(radar.rollOffs.find((r) => r.specialist.fullName === 'Piotr Kowalski')?.tentativeFollowOn?.engagementName).toBe(
      'AML transaction monitoring',
    );
    // The sample replacements took Nikola and Timur off the bench and put Rafael (handed over on 14 August) and Ioana
    // (replaced from 28 September, last day 30 September) on it: 15 August to 24 November is 101 days, 1 October 54.
    expect(radar.bench.map((e) => [e.specialist.fullName, e.daysOnBench, e.lastEndDate, e.next?.startDate ?? null])).toEqual([
      ['Rafael Oliveira', 101, '2026-08-14', null],
      ['Amra Hadžić', 54, '2026-09-30', '2027-01-11'],
      ['Ioana Constantinescu', 54, '2026-09-30', null],
    ]);
    expect((await b.ok('plan.rollOff', { weeks: 3 })).rollOffs.map((r) => r.specialist.fullName)).toEqual(['Agnieszka Nowak']);
  });

  it('the timeline shows people × weeks with capacity after holidays and absences, utilisation and flags', async () => {
    const timeline = await b.ok('plan.timeline', { from: '2026-11-25', periods: 6 });
    expect(timeline.periods.map((p) => p.start)).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2026-12-21',
      '2026-12-28',
    ]);
    expect(timeline.rows).toHaveLength(16);
    const row = (name: string) => timeline.rows.find((r) => r.fullName === name);
    // Romania: 30 Nov and 1 Dec, Christmas, New Year; on vacation from 21 Dec to 1 Jan.
    expect(row('Andrei Popescu')).toMatchObject({
      capacityMinutes: [2400, 1440, 2400, 2400, 0, 0],
      utilisation: [100, 100, 100, 100, null, null],
    });
    expect(row('Andrei Popescu')?.absences.map((a) => [a.kind, a.startDate])).toEqual([['vacation', '2026-12-21']]);
    // Rolls off on Friday 11 December.
    expect(row('Agnieszka Nowak')?.utilisation).toEqual([100, 100, 100, 0, 0, 0]);
    // Half on the claims run, half on the pilot until 18 December: a hand-over overlap at one client.
    expect(row('Elena Vasquez')?.utilisation).toEqual([100, 100, 100, 100, 50, 50]);
    expect(row('Elena Vasquez')?.flags).toEqual([
      { severity: 'info', message: expect.stringMatching(/^Overlap at Cascade Mutual Insurance: /) },
    ]);
    // Rafael handed over to Nikola on 14 August (sample replacement); Timur replaced Ioana at Nordhafen from 28 September.
    expect(row('Rafael Oliveira')?.allocations).toEqual([]);
    const engagementName = (id: string) => timeline.engagements.find((e) => e.id === id)?.name;
    expect(row('Timur Rakhimov')?.allocations.map((a) => [engagementName(a.engagementId), a.startDate, a.endDate])).toEqual([
      ['Demand forecasting platform', '2026-09-28', '2027-03-31'],
    ]);
    expect(timeline.clients.map((c) => c.name)).toEqual(['Alpenbank Privatbank AG', 'Cascade Mutual Insurance', 'Nordhafen Logistik GmbH']);

    const cascade = timeline.clients.find((c) => c.name === 'Cascade Mutual Insurance')?.id;
    const filtered = await b.ok('plan.timeline', { from: '2026-11-25', periods: 6, clientId: cascade });
    expect(filtered.rows.map((r) => r.fullName)).toEqual([
      'Diego Hernández',
      'Elena Vasquez',
      'Lucía Fernández',
      'Nikola Stojanovski', // Rafael's replacement on the claims run; Rafael has nothing at Cascade in these weeks
      'Valentina Gómez',
    ]);
    expect(
      filtered.rows
        .find((r) => r.fullName === 'Elena Vasquez')
        ?.allocations.map((a) => filtered.engagements.find((e) => e.id === a.engagementId)?.name)
        .sort(),
    ).toEqual(['Claims triage model run', 'Fraud scoring pilot']);
    expect((await b.ok('plan.timeline', { from: '2026-11-25', role: 'sre' })).rows.map((r) => r.fullName)).toEqual([
      'Agnieszka Nowak',
      'Rafael Oliveira',
    ]);
    expect((await b.ok('plan.timeline', { from: '2026-11-25', skill: 'KUBERNETES' })).rows).toHaveLength(4);
    // Over the default 26 weeks, only the people with a tentative allocation, and only those bars.
    const tentative = await b.ok('plan.timeline', { from: '2026-11-25', status: 'tentative' });
    expect(tentative.periods).toHaveLength(26);
    expect(tentative.rows.map((r) => [r.fullName, r.allocations.map((a) => a.status)])).toEqual([
      ['Amra Hadžić', ['tentative']],
      ['Nikola Stojanovski', ['tentative']],
      ['Piotr Kowalski', ['tentative']],
    ]);

    // Two years by month, with the open requests as placeholders.
    const months = await b.ok('plan.timeline', { from: '2026-11-25', scale: 'month', periods: 24 });
    expect([months.periods[0]?.start, months.periods.at(-1)?.end]).toEqual(['2026-11-01', '2028-10-31']);
    expect(months.placeholders.map((p) => [p.title, p.clock.overdue])).toEqual([
      ['Data engineer — streaming ETA features', false],
      ['Senior MLOps engineer — AML monitoring', true],
      ['ML platform engineer — AML feature store', false],
    ]);
    // Piotr in January 2027: 21 weekdays less New Year and Epiphany in Poland = 19; the tentative AML role books the
    // 15 weekdays from the 11th: 1,500 / 19 ≈ 79%.
    expect(months.rows.find((r) => r.fullName === 'Piotr Kowalski')?.utilisation.slice(0, 4)).toEqual([100, 100, 79, 100]);
  });

  it('the forecast compares FTE demand with supply per role and month', async () => {
    const forecast = await b.ok('plan.forecast', {});
    expect(forecast.months).toHaveLength(12);
    expect([forecast.months[0]?.start, forecast.months.at(-1)?.start]).toEqual(['2026-11-01', '2027-10-01']);
    const row = (month: string, role: string) => forecast.rows.find((r) => r.month === month && r.role === role);
    // November: Lucía is off sick 5 of 21 weekdays, yet four MLOps engineers are booked full-time.
    expect(row('2026-11-01', 'mlops_engineer')).toEqual({
      month: '2026-11-01',
      role: 'mlops_engineer',
      supply: 3.76,
      confirmed: 4,
      tentative: 0,
      openRequests: 0,
      demand: 4,
      gap: -0.24,
    });
    // January: the AML request from the 11th (15 of 21 weekdays) adds demand.
    expect(row('2027-01-01', 'mlops_engineer')).toMatchObject({ openRequests: 0.71 });
    // Piotr's tentative AML lead role (from the 11th) and the feature-store request; Aigerim has rolled off.
    expect(row('2027-01-01', 'ml_platform_engineer')).toMatchObject({
      supply: 2,
      confirmed: 0,
      tentative: 0.71,
      openRequests: 0.71,
      gap: 0.57,
    });
  });

  it('exports the plan as an .xlsx with a sheet per view, real dates, formatted percentages, frozen headers and filters', async () => {
    const file = await b.ok('plan.export', { from: '2026-11-23', periods: 6 });
    expect(file.fileName).toBe('keel-plan-2026-11-23.xlsx');
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.length).toBe(file.bytes);
    const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer); // exceljs declares its own Buffer type
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Timeline',
      'Allocations',
      'Absences',
      'Open requests',
      'Roll-off radar',
      'Bench',
      'Capacity forecast',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
    }

    const timeline = workbook.getWorksheet('Timeline') as ExcelJS.Worksheet;
    expect(timeline.rowCount).toBe(1 + 16);
    expect(timeline.getRow(1).getCell(4).value).toEqual(new Date(Date.UTC(2026, 10, 23)));
    const andrei = findRow(timeline, 'Andrei Popescu');
    expect([4, 5, 8].map((c) => andrei.getCell(c).value)).toEqual([1, 1, null]);
    expect(andrei.getCell(4).numFmt).toBe('0%');

    const allocations = workbook.getWorksheet('Allocations') as ExcelJS.Worksheet;
    expect(allocations.getRow(1).values).toEqual([undefined, 'Specialist', 'Client', 'Engagement', 'Status', 'Start', 'End', 'Load']);
    const elena = allocations
      .getRows(2, allocations.rowCount - 1)
      ?.find((r) => r.getCell(1).value === 'Elena Vasquez' && r.getCell(3).value === 'Fraud scoring pilot') as ExcelJS.Row;
    expect(elena.getCell(5).value).toEqual(new Date(Date.UTC(2026, 1, 2)));
    expect(elena.getCell(6).value).toBeInstanceOf(Date);
    expect(elena.getCell(6).value).toEqual(new Date(Date.UTC(2026, 11, 18)));
    expect(elena.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(elena.getCell(7).value).toBe(0.5);
    expect(elena.getCell(7).numFmt).toBe('0%');
    expect(elena.getCell(4).value).toBe('Confirmed');

    const radar = workbook.getWorksheet('Roll-off radar') as ExcelJS.Worksheet;
    const piotr = findRow(radar, 'Piotr Kowalski');
    expect(piotr.getCell(4).value).toEqual(new Date(Date.UTC(2026, 11, 31)));
    expect(piotr.getCell(5).value).toBe(37);
    expect(piotr.getCell(7).value).toBe(0); // nothing confirmed continues: a full roll-off
    expect(piotr.getCell(8).value).toBe('AML transaction monitoring from 11 Jan 2027');
    const bench = workbook.getWorksheet('Bench') as ExcelJS.Worksheet;
    expect(findRow(bench, 'Rafael Oliveira').getCell(4).value).toBe(101);
    expect(findRow(bench, 'Amra Hadžić').getCell(5).value).toEqual(new Date(Date.UTC(2026, 8, 30)));

    const forecast = workbook.getWorksheet('Capacity forecast') as ExcelJS.Worksheet;
    const mlops = forecast.getRows(2, forecast.rowCount - 1)?.find((r) => r.getCell(2).value === 'MLOps engineer') as ExcelJS.Row;
    expect(mlops.getCell(1).value).toEqual(new Date(Date.UTC(2026, 10, 1)));
    expect([mlops.getCell(3).value, mlops.getCell(8).value]).toEqual([3.76, -0.24]);
    expect(mlops.getCell(3).numFmt).toBe('0.00');
  });
});

function findRow(sheet: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  const row = sheet.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(1).value === name);
  if (!row) throw new Error(`${sheet.name} has no row for ${name}`);
  return row;
}
