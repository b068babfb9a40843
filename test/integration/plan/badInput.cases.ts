import { type TestBackend, validAbsence, validAllocation, validSpecialist, validStaffingRequest } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';
import type { ClientsFixture } from '../clients/badInput.cases';

/**
 * Ana confirmed on Helvetic March–June, tentative at the other client July–September and a cancelled October there;
 * Busy confirmed at the other client from November; Ana's August vacation; an open and a declined staffing request.
 */
export type PlanFixture = {
  busySpecialistId: string;
  allocationId: string;
  tentativeId: string;
  cancelledId: string;
  absenceId: string;
  requestId: string;
  declinedId: string;
};

async function setUp(b: TestBackend, { engagementId, specialistId, otherEngagementId }: ClientsFixture): Promise<PlanFixture> {
  const allocationId = (await b.ok('allocations.create', validAllocation(specialistId, engagementId))).id;
  const busySpecialistId = (await b.ok('specialists.create', { ...validSpecialist, email: 'busy@example.com', skills: ['Spark'] })).id;
  await b.ok('allocations.create', {
    ...validAllocation(busySpecialistId, otherEngagementId),
    startDate: '2026-11-02',
    endDate: '2027-03-31',
  });
  const tentative = { ...validAllocation(specialistId, otherEngagementId), status: 'tentative' as const };
  const tentativeId = (await b.ok('allocations.create', { ...tentative, startDate: '2026-07-01', endDate: '2026-09-30' })).id;
  const cancelledId = (await b.ok('allocations.create', { ...tentative, startDate: '2026-10-01', endDate: '2026-10-30' })).id;
  await b.ok('allocations.cancel', { id: cancelledId, reason: 'Client postponed' });
  const absenceId = (await b.ok('absences.create', validAbsence(specialistId))).id;
  const requestId = (await b.ok('staffing.create', validStaffingRequest(engagementId))).id;
  const declinedId = (await b.ok('staffing.create', { ...validStaffingRequest(engagementId), title: 'Declined role' })).id;
  await b.ok('staffing.decline', { id: declinedId, reason: 'No fit' });
  return { busySpecialistId, allocationId, tentativeId, cancelledId, absenceId, requestId, declinedId };
}

function cases(fx: ClientsFixture & PlanFixture): CaseTable {
  const { engagementId, specialistId, otherEngagementId, archivedSpecialistId, busySpecialistId, lateJoinerId } = fx;
  const { allocationId, tentativeId, cancelledId, absenceId, requestId, declinedId } = fx;
  const allocation = () => validAllocation(specialistId, engagementId);
  const absence = () => ({ ...validAbsence(specialistId), startDate: '2026-09-07', endDate: '2026-09-11' });
  const request = () => ({ ...validStaffingRequest(engagementId), requiredSkills: ['Kubeflow'], regionPreferences: [] });
  const fill = () => ({ id: requestId, specialistId, startDate: '2026-12-01', endDate: '2026-12-31' });
  return {
    'allocations.list': [
      { why: 'unknown status', input: { status: 'planned' }, code: 'invalid_input', field: 'status' },
      { why: 'impossible date', input: { from: '2026-02-30' }, code: 'invalid_input', field: 'from' },
      { why: 'bad specialist id', input: { specialistId: 'ana' }, code: 'invalid_input', field: 'specialistId' },
    ],
    'allocations.get': [
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'not an id', input: { id: 7 }, code: 'invalid_input', field: 'id' },
    ],
    'allocations.create': [
      {
        why: 'to year 9999',
        input: { ...allocation(), endDate: '9999-12-31' },
        code: 'invalid_input',
        field: 'endDate',
        message: 'End date must be between 1990 and 2100.',
      },
      { why: 'end before start', input: { ...allocation(), endDate: '2026-03-01' }, code: 'invalid_input', field: 'endDate' },
      { why: 'load 0%', input: { ...allocation(), loadPercent: 0 }, code: 'invalid_input', field: 'loadPercent' },
      { why: 'load 101%', input: { ...allocation(), loadPercent: 101 }, code: 'invalid_input', field: 'loadPercent' },
      { why: 'negative load', input: { ...allocation(), loadPercent: -50 }, code: 'invalid_input', field: 'loadPercent' },
      { why: 'fractional load', input: { ...allocation(), loadPercent: 50.5 }, code: 'invalid_input', field: 'loadPercent' },
      { why: 'load as text', input: { ...allocation(), loadPercent: '100' }, code: 'invalid_input', field: 'loadPercent' },
      { why: 'created cancelled', input: { ...allocation(), status: 'cancelled' }, code: 'invalid_input', field: 'status' },
      { why: 'impossible date', input: { ...allocation(), startDate: '2026-02-29' }, code: 'invalid_input', field: 'startDate' },
      { why: 'missing specialist', input: { ...allocation(), specialistId: undefined }, code: 'invalid_input', field: 'specialistId' },
      { why: 'unknown specialist', input: { ...allocation(), specialistId: MISSING_ID }, code: 'not_found', field: 'specialistId' },
      { why: 'unknown engagement', input: { ...allocation(), engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
      { why: 'before the engagement', input: { ...allocation(), startDate: '2026-01-30' }, code: 'invalid_input', field: 'startDate' },
      { why: 'after the engagement', input: { ...allocation(), endDate: '2027-01-01' }, code: 'invalid_input', field: 'endDate' },
      {
        why: 'before the specialist joins',
        input: { ...allocation(), engagementId: otherEngagementId, status: 'tentative', startDate: '2026-01-02' },
        code: 'invalid_input',
        field: 'startDate',
      },
      {
        why: 'before a later joiner’s start date',
        input: { ...allocation(), specialistId: lateJoinerId, startDate: '2026-08-31', endDate: '2026-12-31' },
        code: 'invalid_input',
        field: 'startDate',
        message: 'Lea Novak joins on 1 Sep 2026; an allocation cannot start before that.',
      },
      {
        why: 'confirmed at another client at the same time',
        input: { ...allocation(), engagementId: otherEngagementId, startDate: '2026-06-30', endDate: '2026-07-31' },
        code: 'conflict',
        field: 'status',
      },
      { why: 'archived specialist', input: { ...allocation(), specialistId: archivedSpecialistId }, code: 'conflict' },
      { why: 'unknown field', input: { ...allocation(), hours: 8 }, code: 'invalid_input' },
    ],
    'allocations.update': [
      { why: 'unknown id', input: { ...allocation(), id: MISSING_ID }, code: 'not_found' },
      { why: 'stale edit', input: { ...allocation(), id: allocationId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
      {
        why: 'end before start',
        input: { ...allocation(), id: allocationId, endDate: '2026-01-01' },
        code: 'invalid_input',
        field: 'endDate',
      },
      { why: 'load 101%', input: { ...allocation(), id: allocationId, loadPercent: 101 }, code: 'invalid_input', field: 'loadPercent' },
      {
        why: 'confirming into a conflict',
        input: { ...validAllocation(specialistId, otherEngagementId), id: tentativeId, startDate: '2026-06-01', endDate: '2026-09-30' },
        code: 'conflict',
        field: 'status',
      },
      {
        why: 'cancelled allocation',
        input: { ...allocation(), id: cancelledId, status: 'tentative', startDate: '2026-10-01', endDate: '2026-10-30' },
        code: 'conflict',
      },
      { why: 'missing fields', input: { id: allocationId, endDate: '2026-07-31' }, code: 'invalid_input' },
    ],
    'allocations.cancel': [
      { why: 'missing reason', input: { id: allocationId }, code: 'invalid_input', field: 'reason' },
      { why: 'blank reason', input: { id: allocationId, reason: '   ' }, code: 'invalid_input', field: 'reason' },
      { why: 'unknown id', input: { id: MISSING_ID, reason: 'x' }, code: 'not_found' },
      { why: 'already cancelled', input: { id: cancelledId, reason: 'again' }, code: 'conflict' },
    ],
    'absences.list': [
      { why: 'impossible date', input: { to: '2026-13-01' }, code: 'invalid_input', field: 'to' },
      { why: 'unknown field', input: { kind: 'sick' }, code: 'invalid_input' },
    ],
    'absences.create': [
      { why: 'from year 1', input: { ...absence(), startDate: '0001-01-01' }, code: 'invalid_input', field: 'startDate' },
      { why: 'end before start', input: { ...absence(), endDate: '2026-09-06' }, code: 'invalid_input', field: 'endDate' },
      { why: 'unknown kind', input: { ...absence(), kind: 'holiday' }, code: 'invalid_input', field: 'kind' },
      { why: 'over-long note', input: { ...absence(), note: 'n'.repeat(501) }, code: 'invalid_input', field: 'note' },
      {
        why: 'overlaps another absence',
        input: { ...absence(), startDate: '2026-08-07', endDate: '2026-08-10' },
        code: 'conflict',
        field: 'startDate',
      },
      { why: 'unknown specialist', input: { ...absence(), specialistId: MISSING_ID }, code: 'not_found', field: 'specialistId' },
      { why: 'archived specialist', input: { ...absence(), specialistId: archivedSpecialistId }, code: 'conflict' },
      {
        why: 'before the specialist joins',
        input: { ...absence(), specialistId: lateJoinerId, startDate: '2026-08-28', endDate: '2026-09-04' },
        code: 'invalid_input',
        field: 'startDate',
        message: 'Lea Novak joins on 1 Sep 2026; time off cannot start before that.',
      },
    ],
    'absences.update': [
      { why: 'unknown id', input: { ...absence(), id: MISSING_ID }, code: 'not_found' },
      { why: 'stale edit', input: { ...absence(), id: absenceId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
      { why: 'end before start', input: { ...absence(), id: absenceId, endDate: '2026-01-01' }, code: 'invalid_input', field: 'endDate' },
    ],
    'absences.delete': [
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'not an id', input: { id: 'last one' }, code: 'invalid_input', field: 'id' },
    ],
    'staffing.list': [
      { why: 'unknown state', input: { state: 'pending' }, code: 'invalid_input', field: 'state' },
      { why: 'unknown stage', input: { stage: 'hired' }, code: 'invalid_input', field: 'stage' },
    ],
    'staffing.get': [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
    'staffing.create': [
      { why: 'opened in year 1', input: { ...request(), openedOn: '0001-01-01' }, code: 'invalid_input', field: 'openedOn' },
      { why: 'no skills', input: { ...request(), requiredSkills: [] }, code: 'invalid_input', field: 'requiredSkills' },
      { why: 'skills not a list', input: { ...request(), requiredSkills: 'Kubeflow' }, code: 'invalid_input', field: 'requiredSkills' },
      { why: 'blank skill', input: { ...request(), requiredSkills: [' '] }, code: 'invalid_input', field: 'requiredSkills.0' },
      { why: 'missing title', input: { ...request(), title: '' }, code: 'invalid_input', field: 'title' },
      { why: 'unknown role', input: { ...request(), role: 'wizard' }, code: 'invalid_input', field: 'role' },
      { why: 'unknown seniority', input: { ...request(), seniority: 'guru' }, code: 'invalid_input', field: 'seniority' },
      { why: 'unknown region', input: { ...request(), regionPreferences: ['mars'] }, code: 'invalid_input', field: 'regionPreferences.0' },
      { why: 'zero weeks to fill', input: { ...request(), targetWeeks: 0 }, code: 'invalid_input', field: 'targetWeeks' },
      { why: 'load 101%', input: { ...request(), loadPercent: 101 }, code: 'invalid_input', field: 'loadPercent' },
      { why: 'opened in the future', input: { ...request(), openedOn: '2026-11-25' }, code: 'invalid_input', field: 'openedOn' },
      {
        why: 'starts after the engagement ends',
        input: { ...request(), startDate: '2027-01-04' },
        code: 'invalid_input',
        field: 'startDate',
      },
      { why: 'unknown engagement', input: { ...request(), engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
    ],
    'staffing.update': [
      { why: 'unknown id', input: { ...request(), openedOn: '2026-11-24', id: MISSING_ID }, code: 'not_found' },
      { why: 'missing opened date', input: { ...request(), id: requestId }, code: 'invalid_input', field: 'openedOn' },
      {
        why: 'stale edit',
        input: { ...request(), openedOn: '2026-11-24', id: requestId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' },
        code: 'conflict',
      },
      { why: 'declined request', input: { ...request(), openedOn: '2026-11-24', id: declinedId }, code: 'conflict' },
    ],
    'staffing.setStage': [
      { why: 'closing stage', input: { id: requestId, stage: 'filled' }, code: 'invalid_input', field: 'stage' },
      { why: 'already at that stage', input: { id: requestId, stage: 'defined' }, code: 'conflict' },
      { why: 'declined request', input: { id: declinedId, stage: 'sourcing' }, code: 'conflict' },
      { why: 'unknown id', input: { id: MISSING_ID, stage: 'sourcing' }, code: 'not_found' },
    ],
    'staffing.fill': [
      { why: 'end before start', input: { ...fill(), endDate: '2026-11-30' }, code: 'invalid_input', field: 'endDate' },
      { why: 'unknown specialist', input: { ...fill(), specialistId: MISSING_ID }, code: 'not_found', field: 'specialistId' },
      { why: 'after the engagement', input: { ...fill(), endDate: '2027-01-31' }, code: 'invalid_input', field: 'endDate' },
      { why: 'filled in the future', input: { ...fill(), filledOn: '2026-11-25' }, code: 'invalid_input', field: 'filledOn' },
      { why: 'filled before it was opened', input: { ...fill(), filledOn: '2026-11-23' }, code: 'invalid_input', field: 'filledOn' },
      { why: 'load 0%', input: { ...fill(), loadPercent: 0 }, code: 'invalid_input', field: 'loadPercent' },
      { why: 'declined request', input: { ...fill(), id: declinedId }, code: 'conflict' },
      {
        why: 'confirmed over a confirmed allocation at another client',
        input: { ...fill(), specialistId: busySpecialistId },
        code: 'conflict',
        field: 'status',
      },
    ],
    'staffing.decline': [
      { why: 'missing reason', input: { id: requestId }, code: 'invalid_input', field: 'reason' },
      { why: 'already declined', input: { id: declinedId, reason: 'Still no fit' }, code: 'conflict' },
      { why: 'unknown id', input: { id: MISSING_ID, reason: 'x' }, code: 'not_found' },
    ],
    'plan.timeline': [
      { why: 'missing start', input: {}, code: 'invalid_input', field: 'from' },
      { why: 'too many periods', input: { from: '2026-11-23', periods: 105 }, code: 'invalid_input', field: 'periods' },
      { why: 'zero periods', input: { from: '2026-11-23', periods: 0 }, code: 'invalid_input', field: 'periods' },
      { why: 'unknown scale', input: { from: '2026-11-23', scale: 'day' }, code: 'invalid_input', field: 'scale' },
      { why: 'cancelled is not a filter', input: { from: '2026-11-23', status: 'cancelled' }, code: 'invalid_input', field: 'status' },
      { why: 'unknown role', input: { from: '2026-11-23', role: 'wizard' }, code: 'invalid_input', field: 'role' },
    ],
    'plan.rollOff': [
      { why: 'zero weeks', input: { weeks: 0 }, code: 'invalid_input', field: 'weeks' },
      { why: 'more than a year', input: { weeks: 53 }, code: 'invalid_input', field: 'weeks' },
      { why: 'weeks as text', input: { weeks: '6' }, code: 'invalid_input', field: 'weeks' },
    ],
    'plan.forecast': [
      { why: 'too many months', input: { months: 25 }, code: 'invalid_input', field: 'months' },
      { why: 'impossible date', input: { from: '2026-11-31' }, code: 'invalid_input', field: 'from' },
    ],
    'plan.capacity': [
      { why: 'unknown specialist', input: { specialistId: MISSING_ID, from: '2026-12-01' }, code: 'not_found' },
      { why: 'missing specialist', input: { from: '2026-12-01' }, code: 'invalid_input', field: 'specialistId' },
      { why: 'too many periods', input: { specialistId, from: '2026-12-01', periods: 25 }, code: 'invalid_input', field: 'periods' },
    ],
    'plan.export': [
      { why: 'missing start', input: { weeks: 6 }, code: 'invalid_input', field: 'from' },
      { why: 'zero weeks', input: { from: '2026-11-23', weeks: 0 }, code: 'invalid_input', field: 'weeks' },
      { why: 'too many months', input: { from: '2026-11-23', months: 25 }, code: 'invalid_input', field: 'months' },
      { why: 'unknown field', input: { from: '2026-11-23', format: 'csv' }, code: 'invalid_input' },
    ],
  };
}

export const planBadInput: BadInputArea<ClientsFixture, PlanFixture> = {
  area: 'plan',
  prefixes: ['allocations', 'absences', 'staffing', 'plan'],
  setUp,
  cases,
};
