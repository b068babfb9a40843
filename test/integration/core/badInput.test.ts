import { type ErrorCode, type ProcedureName, procedureNames } from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * Every procedure refuses bad input with a typed error — code, a sentence,
 * field issues — and changes nothing. A new procedure without a case here
 * fails the completeness test at the bottom.
 */
const MISSING_ID = '01a20bb9-cb5c-7026-b14e-640086951525';
type Case = { why: string; input: unknown; code: ErrorCode; field?: string };

let b: TestBackend;
let clientId: string;
let engagementId: string;
let specialistId: string;
/** The planning records the new procedures' cases refer to. */
let otherEngagementId: string;
let archivedSpecialistId: string;
let busySpecialistId: string;
let allocationId: string;
let tentativeId: string;
let cancelledId: string;
let absenceId: string;
let requestId: string;
let declinedId: string;
/** The billing records: a role rate, an invoiced April, a cancelled May invoice, a June with hours. */
let rateId: string;
let invoiceId: string;
let cancelledInvoiceId: string;
/** The continuity records: an open request on Ana (a pause, one candidate accepted, one proposed), a cancelled one with a pause,
 * and an open one on the open-ended engagement whose outgoing allocation ended before. */
let freeSpecialistId: string;
let replacementId: string;
let pauseId: string;
let acceptedCandidateId: string;
let proposedCandidateId: string;
let cancelledReplacementId: string;
let cancelledPauseId: string;
let openEndedReplacementId: string;

let tick = 0;
// Today is 2026-11-24; the clock moves 1 s per call, so a write that slipped through would change an updated_at.
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, tick++));

beforeAll(async () => {
  b = openTestBackend({ clock });
  clientId = (await b.ok('clients.create', validClient)).id;
  engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id;
  specialistId = (await b.ok('specialists.create', { ...validSpecialist, skills: [...validSpecialist.skills] })).id;

  const otherClientId = (await b.ok('clients.create', otherClient)).id;
  otherEngagementId = (await b.ok('engagements.create', otherEngagement(otherClientId))).id;
  const archived = await b.ok('specialists.create', { ...validSpecialist, email: 'gone@example.com', skills: ['Spark'] });
  archivedSpecialistId = (await b.ok('specialists.archive', { id: archived.id })).id;
  allocationId = (await b.ok('allocations.create', validAllocation(specialistId, engagementId))).id;
  busySpecialistId = (await b.ok('specialists.create', { ...validSpecialist, email: 'busy@example.com', skills: ['Spark'] })).id;
  await b.ok('allocations.create', {
    ...validAllocation(busySpecialistId, otherEngagementId),
    startDate: '2026-11-02',
    endDate: '2027-03-31',
  });
  const tentative = { ...validAllocation(specialistId, otherEngagementId), status: 'tentative' as const };
  tentativeId = (await b.ok('allocations.create', { ...tentative, startDate: '2026-07-01', endDate: '2026-09-30' })).id;
  cancelledId = (await b.ok('allocations.create', { ...tentative, startDate: '2026-10-01', endDate: '2026-10-30' })).id;
  await b.ok('allocations.cancel', { id: cancelledId, reason: 'Client postponed' });
  absenceId = (await b.ok('absences.create', validAbsence(specialistId))).id;
  requestId = (await b.ok('staffing.create', validStaffingRequest(engagementId))).id;
  declinedId = (await b.ok('staffing.create', { ...validStaffingRequest(engagementId), title: 'Declined role' })).id;
  await b.ok('staffing.decline', { id: declinedId, reason: 'No fit' });

  const terms = await b.ok('rates.create', { engagementId, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 15_000 });
  rateId = terms.rates[0]?.id ?? '';
  const hours = { specialistId, engagementId, activity: 'retraining' as const, minutes: 480 };
  await b.ok('time.setCell', { ...hours, date: '2026-04-06' });
  await b.ok('months.approve', { engagementId, month: '2026-04' });
  invoiceId = (await b.ok('invoices.issue', { engagementId, month: '2026-04' })).id;
  await b.ok('time.setCell', { ...hours, date: '2026-05-04' });
  await b.ok('months.approve', { engagementId, month: '2026-05' });
  cancelledInvoiceId = (await b.ok('invoices.issue', { engagementId, month: '2026-05' })).id;
  await b.ok('invoices.cancel', { id: cancelledInvoiceId, reason: 'Wrong purchase order number' });
  await b.ok('time.setCell', { ...hours, date: '2026-06-01', activity: 'deployment', minutes: 600 });

  freeSpecialistId = (
    await b.ok('specialists.create', { ...validSpecialist, fullName: 'Bo Berg', email: 'bo@example.com', skills: ['dbt'] })
  ).id;
  // Ana, Monday 1 June 09:00 in Zurich; Wed 3 and Thu 4 June paused: due Fri 12 June.
  replacementId = (await b.ok('replacements.create', replacement())).id;
  pauseId =
    (
      await b.ok('replacements.addPause', {
        requestId: replacementId,
        startDate: '2026-06-03',
        endDate: '2026-06-04',
        reason: 'Interviews moved',
      })
    ).pauses[0]?.id ?? '';
  await b.ok('replacements.proposeCandidate', {
    requestId: replacementId,
    name: 'Bo Berg',
    specialistId: freeSpecialistId,
    proposedOn: '2026-06-02',
  });
  const proposed = await b.ok('replacements.proposeCandidate', { requestId: replacementId, name: 'Dara Quinn', proposedOn: '2026-06-03' });
  [acceptedCandidateId, proposedCandidateId] = proposed.candidates.map((c) => c.id) as [string, string];
  await b.ok('replacements.decideCandidate', { id: acceptedCandidateId, decision: 'accepted' });
  cancelledReplacementId = (await b.ok('replacements.create', withdrawnFields())).id;
  cancelledPauseId =
    (
      await b.ok('replacements.addPause', {
        requestId: cancelledReplacementId,
        startDate: '2026-11-12',
        endDate: '2026-11-13',
        reason: 'Wait',
      })
    ).pauses[0]?.id ?? '';
  await b.ok('replacements.cancel', { id: cancelledReplacementId, reason: 'Withdrawn by the client' });
  // Ana's last allocation on the open-ended engagement (tentative, July to September) ended before this request.
  const openEnded = { ...replacement(), engagementId: otherEngagementId, submittedDate: '2026-10-05' };
  openEndedReplacementId = (await b.ok('replacements.create', openEnded)).id;
});
afterAll(() => b.dispose());

const client = () => ({ ...validClient });
const engagement = () => ({ ...validEngagement(clientId) });
const specialist = () => ({ ...validSpecialist, skills: ['MLflow'] });
const allocation = () => validAllocation(specialistId, engagementId);
const absence = () => ({ ...validAbsence(specialistId), startDate: '2026-09-07', endDate: '2026-09-11' });
const request = () => ({ ...validStaffingRequest(engagementId), requiredSkills: ['Kubeflow'], regionPreferences: [] });
const fill = () => ({ id: requestId, specialistId, startDate: '2026-12-01', endDate: '2026-12-31' });
const cell = () => ({ specialistId, engagementId, activity: 'retraining', date: '2026-06-02', minutes: 450 });
const rate = () => ({ engagementId, role: 'sre', effectiveFrom: '2026-11-01', hourlyRateMinor: 14_000 });
const terms = () => ({ engagementId, roundingMinutes: 15, monthlyCapMinutes: 160 * 60 });
const replacement = () => ({
  engagementId,
  outgoingSpecialistId: specialistId,
  reason: 'resignation' as const,
  submittedDate: '2026-06-01',
  submittedTime: '09:00',
  submittedBy: 'Dr. Katrin Meier',
  notes: '',
});
/** Busy's request on the open-ended engagement, cancelled in the set-up. */
const withdrawnFields = () => ({
  ...replacement(),
  engagementId: otherEngagementId,
  outgoingSpecialistId: busySpecialistId,
  submittedDate: '2026-11-10',
});
const pause = () => ({ requestId: replacementId, startDate: '2026-06-08', endDate: '2026-06-09', reason: 'Client away' });
const candidate = () => ({ requestId: replacementId, name: 'Eve Evans', proposedOn: '2026-06-05' });
const fulfil = () => ({ id: replacementId, specialistId: freeSpecialistId, startDate: '2026-06-08' });
const thresholds = () => ({ atRiskPercent: 50, urgentPercent: 80 });

const cases: Record<ProcedureName, () => Case[]> = {
  'app.info': () => [{ why: 'unknown field', input: { verbose: true }, code: 'invalid_input' }],
  'reference.get': () => [{ why: 'wrong type', input: 'all', code: 'invalid_input' }],
  'db.backup': () => [
    { why: 'wrong extension', input: { path: '/tmp/keel.txt' }, code: 'invalid_input', field: 'path' },
    { why: 'relative path', input: { path: 'backup.db' }, code: 'invalid_input', field: 'path' },
    { why: 'wrong type', input: { path: 42 }, code: 'invalid_input', field: 'path' },
  ],
  'sample.load': () => [
    { why: 'unknown field', input: { size: 'big' }, code: 'invalid_input' },
    { why: 'database not empty', input: {}, code: 'conflict' },
  ],
  'clients.list': () => [
    { why: 'unknown sort', input: { sort: 'revenue' }, code: 'invalid_input', field: 'sort' },
    { why: 'over-long search', input: { search: 'x'.repeat(201) }, code: 'invalid_input', field: 'search' },
    { why: 'invalid currency', input: { currency: 'EURO' }, code: 'invalid_input', field: 'currency' },
  ],
  'clients.get': () => [
    { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
    { why: 'not an id', input: { id: '42' }, code: 'invalid_input', field: 'id' },
    { why: 'missing id', input: {}, code: 'invalid_input', field: 'id' },
  ],
  'clients.create': () => [
    { why: 'missing name', input: { ...client(), name: undefined }, code: 'invalid_input', field: 'name' },
    { why: 'name of wrong type', input: { ...client(), name: 7 }, code: 'invalid_input', field: 'name' },
    { why: 'over-long name', input: { ...client(), name: 'n'.repeat(121) }, code: 'invalid_input', field: 'name' },
    { why: 'over-long notes', input: { ...client(), name: 'Other', notes: 'n'.repeat(4001) }, code: 'invalid_input', field: 'notes' },
    { why: 'invalid country', input: { ...client(), name: 'Other', country: 'XX' }, code: 'invalid_input', field: 'country' },
    { why: 'invalid currency', input: { ...client(), name: 'Other', currency: 'ABC' }, code: 'invalid_input', field: 'currency' },
    {
      why: 'unknown region',
      input: { ...client(), name: 'Other', holidayCalendar: 'CH-QQ' },
      code: 'invalid_input',
      field: 'holidayCalendar',
    },
    { why: 'duplicate name, other case', input: { ...client(), name: validClient.name.toUpperCase() }, code: 'conflict', field: 'name' },
    { why: 'unknown time zone', input: { ...client(), name: 'Other', timeZone: 'Mars/Olympus' }, code: 'invalid_input', field: 'timeZone' },
    { why: 'UTC offset, not a zone', input: { ...client(), name: 'Other', timeZone: '+02:00' }, code: 'invalid_input', field: 'timeZone' },
    { why: 'body is an array', input: [client()], code: 'invalid_input' },
  ],
  'clients.update': () => [
    { why: 'unknown id', input: { ...client(), id: MISSING_ID }, code: 'not_found' },
    { why: 'missing fields', input: { id: clientId }, code: 'invalid_input' },
    { why: 'stale edit', input: { ...client(), id: clientId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
    {
      why: 'bad instant',
      input: { ...client(), id: clientId, expectedUpdatedAt: 'yesterday' },
      code: 'invalid_input',
      field: 'expectedUpdatedAt',
    },
  ],
  'clients.archive': () => [
    { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
    { why: 'client has a running engagement', input: { id: clientId }, code: 'conflict' },
  ],
  'clients.restore': () => [
    { why: 'not archived', input: { id: clientId }, code: 'conflict' },
    { why: 'wrong type', input: { id: null }, code: 'invalid_input', field: 'id' },
  ],
  'engagements.list': () => [
    { why: 'unknown status', input: { status: 'sleeping' }, code: 'invalid_input', field: 'status' },
    { why: 'bad client id', input: { clientId: 'acme' }, code: 'invalid_input', field: 'clientId' },
  ],
  'engagements.get': () => [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
  'engagements.create': () => [
    { why: 'unknown client', input: { ...engagement(), name: 'New', clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
    { why: 'invalid date', input: { ...engagement(), name: 'New', startDate: '2026-02-30' }, code: 'invalid_input', field: 'startDate' },
    {
      why: 'date of wrong format',
      input: { ...engagement(), name: 'New', startDate: '01/02/2026' },
      code: 'invalid_input',
      field: 'startDate',
    },
    { why: 'end before start', input: { ...engagement(), name: 'New', endDate: '2026-01-01' }, code: 'invalid_input', field: 'endDate' },
    { why: 'unknown status', input: { ...engagement(), name: 'New', status: 'won' }, code: 'invalid_input', field: 'status' },
    { why: 'duplicate name for the client', input: engagement(), code: 'conflict', field: 'name' },
    { why: 'invalid currency', input: { ...engagement(), name: 'New', currency: 'chf' }, code: 'invalid_input', field: 'currency' },
    { why: 'SLA of 0 days', input: { ...engagement(), name: 'New', slaBusinessDays: 0 }, code: 'invalid_input', field: 'slaBusinessDays' },
    {
      why: 'SLA over 60 days',
      input: { ...engagement(), name: 'New', slaBusinessDays: 61 },
      code: 'invalid_input',
      field: 'slaBusinessDays',
    },
    {
      why: 'SLA in half days',
      input: { ...engagement(), name: 'New', slaBusinessDays: 7.5 },
      code: 'invalid_input',
      field: 'slaBusinessDays',
    },
    { why: 'SLA as text', input: { ...engagement(), name: 'New', slaBusinessDays: '7' }, code: 'invalid_input', field: 'slaBusinessDays' },
  ],
  'engagements.update': () => [
    { why: 'unknown id', input: { ...engagement(), id: MISSING_ID }, code: 'not_found' },
    {
      why: 'end before start',
      input: { ...engagement(), id: engagementId, endDate: '2025-01-01' },
      code: 'invalid_input',
      field: 'endDate',
    },
  ],
  'engagements.archive': () => [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
  'engagements.restore': () => [{ why: 'not archived', input: { id: engagementId }, code: 'conflict' }],
  'specialists.list': () => [
    { why: 'unknown region', input: { sourcingRegion: 'mars' }, code: 'invalid_input', field: 'sourcingRegion' },
    { why: 'bad direction', input: { direction: 'up' }, code: 'invalid_input', field: 'direction' },
  ],
  'specialists.get': () => [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
  'specialists.create': () => [
    { why: 'invalid email', input: { ...specialist(), email: 'ana@' }, code: 'invalid_input', field: 'email' },
    {
      why: 'duplicate email, other case',
      input: { ...specialist(), email: validSpecialist.email.toUpperCase() },
      code: 'conflict',
      field: 'email',
    },
    { why: 'unknown role', input: { ...specialist(), email: 'x@example.com', role: 'wizard' }, code: 'invalid_input', field: 'role' },
    {
      why: 'skills not a list',
      input: { ...specialist(), email: 'x@example.com', skills: 'Spark' },
      code: 'invalid_input',
      field: 'skills',
    },
    {
      why: 'over-long skill',
      input: { ...specialist(), email: 'x@example.com', skills: ['s'.repeat(41)] },
      code: 'invalid_input',
      field: 'skills.0',
    },
    {
      why: 'invalid country',
      input: { ...specialist(), email: 'x@example.com', homeCountry: 'ZZ' },
      code: 'invalid_input',
      field: 'homeCountry',
    },
    {
      why: 'unknown region of the country',
      input: { ...specialist(), email: 'x@example.com', homeSubdivision: 'QQ' },
      code: 'invalid_input',
      field: 'homeSubdivision',
    },
  ],
  'specialists.update': () => [
    { why: 'unknown id', input: { ...specialist(), id: MISSING_ID }, code: 'not_found' },
    {
      why: 'invalid start date',
      input: { ...specialist(), id: specialistId, startDate: '2026-13-01' },
      code: 'invalid_input',
      field: 'startDate',
    },
  ],
  'specialists.archive': () => [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
  'specialists.restore': () => [{ why: 'not archived', input: { id: specialistId }, code: 'conflict' }],
  'allocations.list': () => [
    { why: 'unknown status', input: { status: 'planned' }, code: 'invalid_input', field: 'status' },
    { why: 'impossible date', input: { from: '2026-02-30' }, code: 'invalid_input', field: 'from' },
    { why: 'bad specialist id', input: { specialistId: 'ana' }, code: 'invalid_input', field: 'specialistId' },
  ],
  'allocations.get': () => [
    { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
    { why: 'not an id', input: { id: 7 }, code: 'invalid_input', field: 'id' },
  ],
  'allocations.create': () => [
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
      why: 'confirmed at another client at the same time',
      input: { ...allocation(), engagementId: otherEngagementId, startDate: '2026-06-30', endDate: '2026-07-31' },
      code: 'conflict',
      field: 'status',
    },
    { why: 'archived specialist', input: { ...allocation(), specialistId: archivedSpecialistId }, code: 'conflict' },
    { why: 'unknown field', input: { ...allocation(), hours: 8 }, code: 'invalid_input' },
  ],
  'allocations.update': () => [
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
  'allocations.cancel': () => [
    { why: 'missing reason', input: { id: allocationId }, code: 'invalid_input', field: 'reason' },
    { why: 'blank reason', input: { id: allocationId, reason: '   ' }, code: 'invalid_input', field: 'reason' },
    { why: 'unknown id', input: { id: MISSING_ID, reason: 'x' }, code: 'not_found' },
    { why: 'already cancelled', input: { id: cancelledId, reason: 'again' }, code: 'conflict' },
  ],
  'absences.list': () => [
    { why: 'impossible date', input: { to: '2026-13-01' }, code: 'invalid_input', field: 'to' },
    { why: 'unknown field', input: { kind: 'sick' }, code: 'invalid_input' },
  ],
  'absences.create': () => [
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
  ],
  'absences.update': () => [
    { why: 'unknown id', input: { ...absence(), id: MISSING_ID }, code: 'not_found' },
    { why: 'stale edit', input: { ...absence(), id: absenceId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
    { why: 'end before start', input: { ...absence(), id: absenceId, endDate: '2026-01-01' }, code: 'invalid_input', field: 'endDate' },
  ],
  'absences.delete': () => [
    { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
    { why: 'not an id', input: { id: 'last one' }, code: 'invalid_input', field: 'id' },
  ],
  'staffing.list': () => [
    { why: 'unknown state', input: { state: 'pending' }, code: 'invalid_input', field: 'state' },
    { why: 'unknown stage', input: { stage: 'hired' }, code: 'invalid_input', field: 'stage' },
  ],
  'staffing.get': () => [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
  'staffing.create': () => [
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
  'staffing.update': () => [
    { why: 'unknown id', input: { ...request(), openedOn: '2026-11-24', id: MISSING_ID }, code: 'not_found' },
    { why: 'missing opened date', input: { ...request(), id: requestId }, code: 'invalid_input', field: 'openedOn' },
    {
      why: 'stale edit',
      input: { ...request(), openedOn: '2026-11-24', id: requestId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' },
      code: 'conflict',
    },
    { why: 'declined request', input: { ...request(), openedOn: '2026-11-24', id: declinedId }, code: 'conflict' },
  ],
  'staffing.setStage': () => [
    { why: 'closing stage', input: { id: requestId, stage: 'filled' }, code: 'invalid_input', field: 'stage' },
    { why: 'already at that stage', input: { id: requestId, stage: 'defined' }, code: 'conflict' },
    { why: 'declined request', input: { id: declinedId, stage: 'sourcing' }, code: 'conflict' },
    { why: 'unknown id', input: { id: MISSING_ID, stage: 'sourcing' }, code: 'not_found' },
  ],
  'staffing.fill': () => [
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
  'staffing.decline': () => [
    { why: 'missing reason', input: { id: requestId }, code: 'invalid_input', field: 'reason' },
    { why: 'already declined', input: { id: declinedId, reason: 'Still no fit' }, code: 'conflict' },
    { why: 'unknown id', input: { id: MISSING_ID, reason: 'x' }, code: 'not_found' },
  ],
  'plan.timeline': () => [
    { why: 'missing start', input: {}, code: 'invalid_input', field: 'from' },
    { why: 'too many periods', input: { from: '2026-11-23', periods: 105 }, code: 'invalid_input', field: 'periods' },
    { why: 'zero periods', input: { from: '2026-11-23', periods: 0 }, code: 'invalid_input', field: 'periods' },
    { why: 'unknown scale', input: { from: '2026-11-23', scale: 'day' }, code: 'invalid_input', field: 'scale' },
    { why: 'cancelled is not a filter', input: { from: '2026-11-23', status: 'cancelled' }, code: 'invalid_input', field: 'status' },
    { why: 'unknown role', input: { from: '2026-11-23', role: 'wizard' }, code: 'invalid_input', field: 'role' },
  ],
  'plan.rollOff': () => [
    { why: 'zero weeks', input: { weeks: 0 }, code: 'invalid_input', field: 'weeks' },
    { why: 'more than a year', input: { weeks: 53 }, code: 'invalid_input', field: 'weeks' },
    { why: 'weeks as text', input: { weeks: '6' }, code: 'invalid_input', field: 'weeks' },
  ],
  'plan.forecast': () => [
    { why: 'too many months', input: { months: 25 }, code: 'invalid_input', field: 'months' },
    { why: 'impossible date', input: { from: '2026-11-31' }, code: 'invalid_input', field: 'from' },
  ],
  'plan.capacity': () => [
    { why: 'unknown specialist', input: { specialistId: MISSING_ID, from: '2026-12-01' }, code: 'not_found' },
    { why: 'missing specialist', input: { from: '2026-12-01' }, code: 'invalid_input', field: 'specialistId' },
    { why: 'too many periods', input: { specialistId, from: '2026-12-01', periods: 25 }, code: 'invalid_input', field: 'periods' },
  ],
  'plan.export': () => [
    { why: 'missing start', input: { weeks: 6 }, code: 'invalid_input', field: 'from' },
    { why: 'zero weeks', input: { from: '2026-11-23', weeks: 0 }, code: 'invalid_input', field: 'weeks' },
    { why: 'too many months', input: { from: '2026-11-23', months: 25 }, code: 'invalid_input', field: 'months' },
    { why: 'unknown field', input: { from: '2026-11-23', format: 'csv' }, code: 'invalid_input' },
  ],
  'time.week': () => [
    { why: 'missing specialist', input: { weekStart: '2026-06-01' }, code: 'invalid_input', field: 'specialistId' },
    { why: 'unknown specialist', input: { specialistId: MISSING_ID, weekStart: '2026-06-01' }, code: 'not_found', field: 'specialistId' },
    { why: 'impossible date', input: { specialistId, weekStart: '2026-02-30' }, code: 'invalid_input', field: 'weekStart' },
  ],
  'time.setCell': () => [
    { why: 'zero minutes', input: { ...cell(), minutes: 0 }, code: 'invalid_input', field: 'minutes' },
    { why: 'negative minutes', input: { ...cell(), minutes: -30 }, code: 'invalid_input', field: 'minutes' },
    { why: 'more than a day', input: { ...cell(), minutes: 1441 }, code: 'invalid_input', field: 'minutes' },
    { why: 'fractional minutes', input: { ...cell(), minutes: 7.5 }, code: 'invalid_input', field: 'minutes' },
    { why: 'hours as text', input: { ...cell(), minutes: '7:30' }, code: 'invalid_input', field: 'minutes' },
    { why: 'unknown activity', input: { ...cell(), activity: 'coffee' }, code: 'invalid_input', field: 'activity' },
    { why: 'in an invoiced month', input: { ...cell(), date: '2026-04-07' }, code: 'conflict', field: 'date' },
    {
      why: 'clearing a cell of an invoiced month',
      input: { ...cell(), date: '2026-04-06', minutes: null },
      code: 'conflict',
      field: 'date',
    },
    { why: 'before the engagement starts', input: { ...cell(), date: '2026-01-30' }, code: 'invalid_input', field: 'date' },
    { why: 'more than 24 h that day', input: { ...cell(), date: '2026-06-01', minutes: 900 }, code: 'invalid_input', field: 'minutes' },
    { why: 'unknown engagement', input: { ...cell(), engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
    { why: 'archived specialist', input: { ...cell(), specialistId: archivedSpecialistId }, code: 'conflict' },
  ],
  'time.copyWeek': () => [
    { why: 'nothing last week', input: { specialistId, weekStart: '2026-03-09' }, code: 'conflict' },
    { why: 'copy into an invoiced month', input: { specialistId, weekStart: '2026-04-13' }, code: 'conflict' },
    { why: 'unknown specialist', input: { specialistId: MISSING_ID, weekStart: '2026-06-08' }, code: 'not_found' },
    { why: 'missing week', input: { specialistId }, code: 'invalid_input', field: 'weekStart' },
  ],
  'time.list': () => [
    { why: 'impossible date', input: { from: '2026-13-01' }, code: 'invalid_input', field: 'from' },
    { why: 'bad id', input: { engagementId: 'x' }, code: 'invalid_input', field: 'engagementId' },
  ],
  'billing.terms': () => [
    { why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found' },
    { why: 'missing engagement', input: {}, code: 'invalid_input', field: 'engagementId' },
  ],
  'billing.setTerms': () => [
    { why: '10-minute rounding', input: { ...terms(), roundingMinutes: 10 }, code: 'invalid_input', field: 'roundingMinutes' },
    { why: 'cap of zero', input: { ...terms(), monthlyCapMinutes: 0 }, code: 'invalid_input', field: 'monthlyCapMinutes' },
    { why: 'cap above a month', input: { ...terms(), monthlyCapMinutes: 745 * 60 }, code: 'invalid_input', field: 'monthlyCapMinutes' },
    { why: 'stale edit', input: { ...terms(), expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
    { why: 'unknown engagement', input: { ...terms(), engagementId: MISSING_ID }, code: 'not_found' },
  ],
  'billing.setSpecialistCap': () => [
    {
      why: 'negative cap',
      input: { engagementId, specialistId, monthlyCapMinutes: -60 },
      code: 'invalid_input',
      field: 'monthlyCapMinutes',
    },
    {
      why: 'unknown specialist',
      input: { engagementId, specialistId: MISSING_ID, monthlyCapMinutes: 600 },
      code: 'not_found',
      field: 'specialistId',
    },
    { why: 'unknown engagement', input: { engagementId: MISSING_ID, specialistId, monthlyCapMinutes: 600 }, code: 'not_found' },
  ],
  'rates.create': () => [
    { why: 'role and specialist', input: { ...rate(), specialistId }, code: 'invalid_input', field: 'role' },
    { why: 'neither role nor specialist', input: { ...rate(), role: null }, code: 'invalid_input', field: 'role' },
    { why: 'rate of zero', input: { ...rate(), hourlyRateMinor: 0 }, code: 'invalid_input', field: 'hourlyRateMinor' },
    { why: 'rate in major units', input: { ...rate(), hourlyRateMinor: 140.5 }, code: 'invalid_input', field: 'hourlyRateMinor' },
    { why: 'unknown role', input: { ...rate(), role: 'wizard' }, code: 'invalid_input', field: 'role' },
    {
      why: 'same role and date again',
      input: { ...rate(), role: 'mlops_engineer', effectiveFrom: '2026-02-01' },
      code: 'conflict',
      field: 'effectiveFrom',
    },
    { why: 'rewrites an invoiced month', input: { ...rate(), effectiveFrom: '2026-04-15' }, code: 'conflict', field: 'effectiveFrom' },
    { why: 'unknown engagement', input: { ...rate(), engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
    { why: 'unknown specialist', input: { ...rate(), role: null, specialistId: MISSING_ID }, code: 'not_found', field: 'specialistId' },
  ],
  'rates.delete': () => [
    { why: 'billed on an issued invoice', input: { id: rateId }, code: 'conflict' },
    { why: 'unknown rate', input: { id: MISSING_ID }, code: 'not_found' },
  ],
  'months.list': () => [
    { why: 'month 13', input: { month: '2026-13' }, code: 'invalid_input', field: 'month' },
    { why: 'a date, not a month', input: { month: '2026-10-01' }, code: 'invalid_input', field: 'month' },
  ],
  'months.review': () => [
    { why: 'unknown engagement', input: { engagementId: MISSING_ID, month: '2026-06' }, code: 'not_found', field: 'engagementId' },
    { why: 'missing month', input: { engagementId }, code: 'invalid_input', field: 'month' },
  ],
  'months.approve': () => [
    { why: 'already invoiced', input: { engagementId, month: '2026-04' }, code: 'conflict' },
    { why: 'not started yet', input: { engagementId, month: '2027-01' }, code: 'conflict' },
    { why: 'unknown engagement', input: { engagementId: MISSING_ID, month: '2026-06' }, code: 'not_found' },
  ],
  'months.reopen': () => [
    { why: 'open already', input: { engagementId, month: '2026-06' }, code: 'conflict' },
    { why: 'invoiced (cancel the invoice instead)', input: { engagementId, month: '2026-04' }, code: 'conflict' },
  ],
  'invoices.issue': () => [
    { why: 'month not approved', input: { engagementId, month: '2026-06' }, code: 'conflict' },
    { why: 'already invoiced', input: { engagementId, month: '2026-04' }, code: 'conflict' },
    { why: 'bad month', input: { engagementId, month: '26-04' }, code: 'invalid_input', field: 'month' },
  ],
  'invoices.cancel': () => [
    { why: 'missing reason', input: { id: invoiceId }, code: 'invalid_input', field: 'reason' },
    { why: 'blank reason', input: { id: invoiceId, reason: '   ' }, code: 'invalid_input', field: 'reason' },
    { why: 'already cancelled', input: { id: cancelledInvoiceId, reason: 'Again' }, code: 'conflict' },
    { why: 'unknown invoice', input: { id: MISSING_ID, reason: 'x' }, code: 'not_found' },
  ],
  'invoices.list': () => [
    { why: 'year 1999', input: { year: 1999 }, code: 'invalid_input', field: 'year' },
    { why: 'year as text', input: { year: '2026' }, code: 'invalid_input', field: 'year' },
  ],
  'invoices.get': () => [{ why: 'unknown invoice', input: { id: MISSING_ID }, code: 'not_found' }],
  'billing.settings': () => [{ why: 'unknown field', input: { prefix: 'X' }, code: 'invalid_input' }],
  'billing.updateSettings': () => [
    {
      why: 'prefix with a space',
      input: { invoicePrefix: 'KE EL', dailyThresholdMinutes: 600 },
      code: 'invalid_input',
      field: 'invoicePrefix',
    },
    {
      why: 'prefix too long',
      input: { invoicePrefix: 'KEELKEELKEEL1', dailyThresholdMinutes: 600 },
      code: 'invalid_input',
      field: 'invoicePrefix',
    },
    {
      why: 'threshold above a day',
      input: { invoicePrefix: 'KEEL', dailyThresholdMinutes: 1500 },
      code: 'invalid_input',
      field: 'dailyThresholdMinutes',
    },
  ],
  'finance.exportStart': () => [
    { why: 'unknown kind', input: { kind: 'pdf', month: '2026-04' }, code: 'invalid_input' },
    { why: 'month 13', input: { kind: 'month', month: '2026-13' }, code: 'invalid_input', field: 'month' },
    { why: 'month export without a month', input: { kind: 'month' }, code: 'invalid_input', field: 'month' },
    {
      why: 'detail export with a month',
      input: { kind: 'detail', from: '2026-01-01', to: '2026-01-31', month: '2026-01' },
      code: 'invalid_input',
      field: 'month',
    },
    {
      why: 'detail ending before it starts',
      input: { kind: 'detail', from: '2026-02-01', to: '2026-01-31' },
      code: 'invalid_input',
      field: 'to',
    },
    { why: 'detail over ten years', input: { kind: 'detail', from: '2016-01-01', to: '2026-01-31' }, code: 'invalid_input', field: 'to' },
    {
      why: 'unknown engagement',
      input: { kind: 'month', month: '2026-04', engagementId: MISSING_ID },
      code: 'not_found',
      field: 'engagementId',
    },
  ],
  'finance.exportStatus': () => [
    { why: 'missing job', input: {}, code: 'invalid_input', field: 'jobId' },
    { why: 'unknown job', input: { jobId: MISSING_ID }, code: 'not_found' },
  ],
  'finance.exportDownload': () => [
    { why: 'not an id', input: { jobId: 'job-1' }, code: 'invalid_input', field: 'jobId' },
    { why: 'unknown job', input: { jobId: MISSING_ID }, code: 'not_found' },
  ],
  'hours.import': () => [
    { why: 'not a spreadsheet', input: { fileName: 'photo.png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' }, code: 'invalid_input' },
    { why: 'an empty file', input: { fileName: 'hours.csv', base64: '' }, code: 'invalid_input' },
    { why: 'content not base64', input: { fileName: 'hours.csv', base64: '%%%' }, code: 'invalid_input', field: 'base64' },
    { why: 'missing file name', input: { base64: 'YQ==' }, code: 'invalid_input', field: 'fileName' },
  ],
  'replacements.list': () => [
    { why: 'unknown state', input: { state: 'pending' }, code: 'invalid_input', field: 'state' },
    { why: 'bad engagement id', input: { engagementId: 'claims' }, code: 'invalid_input', field: 'engagementId' },
    { why: 'over-long search', input: { search: 'x'.repeat(201) }, code: 'invalid_input', field: 'search' },
  ],
  'replacements.get': () => [
    { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
    { why: 'not an id', input: { id: 'r-1' }, code: 'invalid_input', field: 'id' },
  ],
  'replacements.create': () => [
    { why: 'missing engagement', input: { ...replacement(), engagementId: undefined }, code: 'invalid_input', field: 'engagementId' },
    { why: 'unknown reason', input: { ...replacement(), reason: 'boredom' }, code: 'invalid_input', field: 'reason' },
    { why: 'impossible date', input: { ...replacement(), submittedDate: '2026-02-30' }, code: 'invalid_input', field: 'submittedDate' },
    {
      why: 'date of wrong format',
      input: { ...replacement(), submittedDate: '01/06/2026' },
      code: 'invalid_input',
      field: 'submittedDate',
    },
    { why: 'hour 25', input: { ...replacement(), submittedTime: '25:00' }, code: 'invalid_input', field: 'submittedTime' },
    { why: 'hour 24', input: { ...replacement(), submittedTime: '24:00' }, code: 'invalid_input', field: 'submittedTime' },
    { why: 'minute 60', input: { ...replacement(), submittedTime: '09:60' }, code: 'invalid_input', field: 'submittedTime' },
    { why: 'time without its zero', input: { ...replacement(), submittedTime: '9:00' }, code: 'invalid_input', field: 'submittedTime' },
    { why: 'time as a number', input: { ...replacement(), submittedTime: 900 }, code: 'invalid_input', field: 'submittedTime' },
    { why: 'missing time', input: { ...replacement(), submittedTime: undefined }, code: 'invalid_input', field: 'submittedTime' },
    { why: 'blank submitter', input: { ...replacement(), submittedBy: '   ' }, code: 'invalid_input', field: 'submittedBy' },
    { why: 'over-long notes', input: { ...replacement(), notes: 'n'.repeat(4001) }, code: 'invalid_input', field: 'notes' },
    { why: 'unknown field', input: { ...replacement(), dueDate: '2026-06-10' }, code: 'invalid_input' },
    { why: 'submitted tomorrow', input: { ...replacement(), submittedDate: '2026-11-25' }, code: 'invalid_input', field: 'submittedDate' },
    {
      why: 'submitted later today (it is 10:00 in Zurich)',
      input: { ...replacement(), submittedDate: '2026-11-24', submittedTime: '10:30' },
      code: 'invalid_input',
      field: 'submittedDate',
    },
    {
      why: 'before the engagement starts',
      input: { ...replacement(), submittedDate: '2026-01-30' },
      code: 'invalid_input',
      field: 'submittedDate',
    },
    {
      why: 'outgoing specialist not on the engagement',
      input: { ...replacement(), outgoingSpecialistId: busySpecialistId },
      code: 'invalid_input',
      field: 'outgoingSpecialistId',
    },
    { why: 'a second open request for the same person', input: { ...replacement(), submittedDate: '2026-06-02' }, code: 'conflict' },
    { why: 'unknown engagement', input: { ...replacement(), engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
    {
      why: 'unknown specialist',
      input: { ...replacement(), outgoingSpecialistId: MISSING_ID },
      code: 'not_found',
      field: 'outgoingSpecialistId',
    },
  ],
  'replacements.update': () => [
    { why: 'unknown id', input: { ...replacement(), id: MISSING_ID }, code: 'not_found' },
    { why: 'missing fields', input: { id: replacementId, notes: 'x' }, code: 'invalid_input' },
    {
      why: 'stale edit',
      input: { ...replacement(), id: replacementId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' },
      code: 'conflict',
    },
    {
      why: 'hour 25',
      input: { ...replacement(), id: replacementId, submittedTime: '25:00' },
      code: 'invalid_input',
      field: 'submittedTime',
    },
    {
      why: 'moved into the future',
      input: { ...replacement(), id: replacementId, submittedDate: '2026-12-01' },
      code: 'invalid_input',
      field: 'submittedDate',
    },
    {
      why: 'moved after its pause began',
      input: { ...replacement(), id: replacementId, submittedDate: '2026-06-05' },
      code: 'conflict',
      field: 'startDate',
    },
    { why: 'cancelled request', input: { ...withdrawnFields(), id: cancelledReplacementId }, code: 'conflict' },
  ],
  'replacements.addPause': () => [
    { why: 'end before start', input: { ...pause(), endDate: '2026-06-07' }, code: 'invalid_input', field: 'endDate' },
    { why: 'impossible date', input: { ...pause(), startDate: '2026-06-31' }, code: 'invalid_input', field: 'startDate' },
    { why: 'missing reason', input: { ...pause(), reason: undefined }, code: 'invalid_input', field: 'reason' },
    { why: 'overlaps the recorded pause', input: { ...pause(), startDate: '2026-06-04' }, code: 'conflict', field: 'startDate' },
    {
      why: 'before the submission',
      input: { ...pause(), startDate: '2026-05-29', endDate: '2026-05-29' },
      code: 'conflict',
      field: 'startDate',
    },
    { why: 'cancelled request', input: { ...pause(), requestId: cancelledReplacementId }, code: 'conflict' },
    { why: 'unknown request', input: { ...pause(), requestId: MISSING_ID }, code: 'not_found' },
  ],
  'replacements.updatePause': () => [
    { why: 'unknown pause', input: { id: MISSING_ID, startDate: '2026-06-08', endDate: '2026-06-09', reason: 'x' }, code: 'not_found' },
    {
      why: 'end before start',
      input: { id: pauseId, startDate: '2026-06-04', endDate: '2026-06-03', reason: 'x' },
      code: 'invalid_input',
      field: 'endDate',
    },
    {
      why: 'moved before the submission',
      input: { id: pauseId, startDate: '2026-05-29', endDate: '2026-06-04', reason: 'x' },
      code: 'conflict',
      field: 'startDate',
    },
    { why: 'request field not allowed', input: { ...pause(), id: pauseId }, code: 'invalid_input' },
    {
      why: 'pause of a cancelled request',
      input: { id: cancelledPauseId, startDate: '2026-11-12', endDate: '2026-11-12', reason: 'x' },
      code: 'conflict',
    },
  ],
  'replacements.deletePause': () => [
    { why: 'unknown pause', input: { id: MISSING_ID }, code: 'not_found' },
    { why: 'not an id', input: { id: 'pause-1' }, code: 'invalid_input', field: 'id' },
    { why: 'pause of a cancelled request', input: { id: cancelledPauseId }, code: 'conflict' },
  ],
  'replacements.proposeCandidate': () => [
    { why: 'proposed before the request', input: { ...candidate(), proposedOn: '2026-05-31' }, code: 'invalid_input', field: 'proposedOn' },
    { why: 'proposed in the future', input: { ...candidate(), proposedOn: '2026-11-25' }, code: 'invalid_input', field: 'proposedOn' },
    { why: 'blank name', input: { ...candidate(), name: ' ' }, code: 'invalid_input', field: 'name' },
    { why: 'the person being replaced', input: { ...candidate(), specialistId }, code: 'conflict' },
    { why: 'unknown specialist', input: { ...candidate(), specialistId: MISSING_ID }, code: 'not_found', field: 'specialistId' },
    { why: 'cancelled request', input: { ...candidate(), requestId: cancelledReplacementId, proposedOn: '2026-11-12' }, code: 'conflict' },
    { why: 'unknown request', input: { ...candidate(), requestId: MISSING_ID }, code: 'not_found' },
  ],
  'replacements.decideCandidate': () => [
    { why: 'unknown decision', input: { id: proposedCandidateId, decision: 'maybe' }, code: 'invalid_input', field: 'decision' },
    { why: 'a second acceptance', input: { id: proposedCandidateId, decision: 'accepted' }, code: 'conflict' },
    { why: 'already decided', input: { id: acceptedCandidateId, decision: 'rejected' }, code: 'conflict' },
    { why: 'unknown candidate', input: { id: MISSING_ID, decision: 'rejected' }, code: 'not_found' },
  ],
  'replacements.fulfil': () => [
    { why: 'started before it was submitted', input: { ...fulfil(), startDate: '2026-05-29' }, code: 'invalid_input', field: 'startDate' },
    { why: 'late without a reason', input: { ...fulfil(), startDate: '2026-06-15' }, code: 'invalid_input', field: 'lateReason' },
    { why: 'end before start', input: { ...fulfil(), endDate: '2026-06-05' }, code: 'invalid_input', field: 'endDate' },
    { why: 'after the engagement ends', input: { ...fulfil(), endDate: '2027-01-31' }, code: 'invalid_input', field: 'endDate' },
    { why: 'load 0%', input: { ...fulfil(), loadPercent: 0 }, code: 'invalid_input', field: 'loadPercent' },
    { why: 'the person being replaced', input: { ...fulfil(), specialistId }, code: 'invalid_input', field: 'specialistId' },
    {
      why: 'outgoing last day outside the allocation',
      input: { ...fulfil(), outgoingEndDate: '2026-07-15' },
      code: 'invalid_input',
      field: 'outgoingEndDate',
    },
    {
      why: 'replacement confirmed at another client',
      input: { ...fulfil(), specialistId: busySpecialistId, startDate: '2026-11-16', lateReason: 'Late' },
      code: 'conflict',
      field: 'specialistId',
    },
    { why: 'unknown specialist', input: { ...fulfil(), specialistId: MISSING_ID }, code: 'not_found', field: 'specialistId' },
    {
      why: 'open-ended engagement without an end date',
      input: { ...fulfil(), id: openEndedReplacementId, startDate: '2026-10-12' },
      code: 'invalid_input',
      field: 'endDate',
    },
    { why: 'cancelled request', input: { ...fulfil(), id: cancelledReplacementId, startDate: '2026-11-16' }, code: 'conflict' },
    { why: 'unknown request', input: { ...fulfil(), id: MISSING_ID }, code: 'not_found' },
  ],
  'replacements.cancel': () => [
    { why: 'missing reason', input: { id: replacementId }, code: 'invalid_input', field: 'reason' },
    { why: 'blank reason', input: { id: replacementId, reason: '  ' }, code: 'invalid_input', field: 'reason' },
    { why: 'already cancelled', input: { id: cancelledReplacementId, reason: 'Again' }, code: 'conflict' },
    { why: 'unknown request', input: { id: MISSING_ID, reason: 'x' }, code: 'not_found' },
  ],
  'continuity.board': () => [
    { why: 'bad client id', input: { clientId: 'acme' }, code: 'invalid_input', field: 'clientId' },
    { why: 'unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
    { why: 'unknown field', input: { engagementId }, code: 'invalid_input' },
  ],
  'continuity.report': () => [
    { why: 'quarter 5', input: { year: 2026, quarter: 5 }, code: 'invalid_input', field: 'quarter' },
    { why: 'quarter 0', input: { year: 2026, quarter: 0 }, code: 'invalid_input', field: 'quarter' },
    { why: 'half a quarter', input: { year: 2026, quarter: 2.5 }, code: 'invalid_input', field: 'quarter' },
    { why: 'year as text', input: { year: '2026', quarter: 4 }, code: 'invalid_input', field: 'year' },
    { why: 'year 1999', input: { year: 1999, quarter: 4 }, code: 'invalid_input', field: 'year' },
    { why: 'missing quarter', input: { year: 2026 }, code: 'invalid_input', field: 'quarter' },
    { why: 'bad client id', input: { year: 2026, quarter: 4, clientId: 'acme' }, code: 'invalid_input', field: 'clientId' },
    { why: 'unknown client', input: { year: 2026, quarter: 4, clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
  ],
  'continuity.export': () => [
    { why: 'quarter 5', input: { year: 2026, quarter: 5 }, code: 'invalid_input', field: 'quarter' },
    { why: 'missing year', input: { quarter: 4 }, code: 'invalid_input', field: 'year' },
    { why: 'unknown client', input: { year: 2026, quarter: 4, clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
    { why: 'unknown field', input: { year: 2026, quarter: 4, format: 'csv' }, code: 'invalid_input' },
  ],
  'continuity.settings': () => [{ why: 'unknown field', input: { atRiskPercent: 40 }, code: 'invalid_input' }],
  'continuity.updateSettings': () => [
    { why: 'urgent equal to at risk', input: { atRiskPercent: 60, urgentPercent: 60 }, code: 'invalid_input', field: 'urgentPercent' },
    { why: 'urgent below at risk', input: { atRiskPercent: 80, urgentPercent: 50 }, code: 'invalid_input', field: 'urgentPercent' },
    { why: 'at risk at 0%', input: { ...thresholds(), atRiskPercent: 0 }, code: 'invalid_input', field: 'atRiskPercent' },
    { why: 'urgent at 101%', input: { ...thresholds(), urgentPercent: 101 }, code: 'invalid_input', field: 'urgentPercent' },
    { why: 'fractional percentage', input: { ...thresholds(), atRiskPercent: 50.5 }, code: 'invalid_input', field: 'atRiskPercent' },
    { why: 'percentage as text', input: { ...thresholds(), atRiskPercent: '50' }, code: 'invalid_input', field: 'atRiskPercent' },
    { why: 'missing urgent threshold', input: { atRiskPercent: 50 }, code: 'invalid_input', field: 'urgentPercent' },
  ],
  'audit.list': () => [
    { why: 'limit too large', input: { limit: 10_000 }, code: 'invalid_input', field: 'limit' },
    { why: 'unknown entity', input: { entity: 'payslip' }, code: 'invalid_input', field: 'entity' },
  ],
  'audit.undo': () => [
    { why: 'unknown entry', input: { auditId: MISSING_ID }, code: 'not_found' },
    { why: 'missing id', input: {}, code: 'invalid_input', field: 'auditId' },
  ],
};

function snapshot() {
  return b.db
    .prepare(
      `SELECT (SELECT count(*) FROM client) c, (SELECT count(*) FROM engagement) e, (SELECT count(*) FROM specialist) s,
              (SELECT count(*) FROM audit_log) a, (SELECT max(updated_at) FROM client) cu, (SELECT max(updated_at) FROM engagement) eu,
              (SELECT max(updated_at) FROM specialist) su, (SELECT count(*) FROM allocation) al, (SELECT count(*) FROM absence) ab,
              (SELECT count(*) FROM staffing_request) r, (SELECT max(updated_at) FROM allocation) alu,
              (SELECT max(updated_at) FROM absence) abu, (SELECT max(updated_at) FROM staffing_request) ru,
              (SELECT count(*) FROM time_entry) t, (SELECT max(updated_at) FROM time_entry) tu, (SELECT sum(minutes) FROM time_entry) tm,
              (SELECT count(*) FROM rate) rt, (SELECT count(*) FROM specialist_cap) sc, (SELECT count(*) FROM month_close) mc,
              (SELECT group_concat(status) FROM month_close) mcs, (SELECT count(*) FROM invoice) i,
              (SELECT group_concat(status) FROM invoice) ist, (SELECT count(*) FROM setting) st,
              (SELECT group_concat(key || '=' || value) FROM setting) sv, (SELECT count(*) FROM replacement_request) rr,
              (SELECT max(updated_at) FROM replacement_request) rru, (SELECT group_concat(status) FROM replacement_request) rrs,
              (SELECT count(*) FROM replacement_pause) rp, (SELECT max(updated_at) FROM replacement_pause) rpu,
              (SELECT count(*) FROM replacement_candidate) rc, (SELECT max(updated_at) FROM replacement_candidate) rcu`,
    )
    .get();
}

describe('bad input', () => {
  for (const name of procedureNames) {
    describe(name, () => {
      it('refuses each bad input with a typed, worded error and changes nothing', async () => {
        for (const c of cases[name]()) {
          const before = snapshot();
          const result = await b.call(name, c.input);
          expect(result.ok, `${name}: ${c.why}`).toBe(false);
          if (result.ok) continue;
          expect(result.error.code, `${name}: ${c.why} → ${result.error.message}`).toBe(c.code);
          expect(result.error.message).toMatch(/^[A-Z“].*[.)]$/);
          expect(result.error.message).not.toMatch(/at .*\.ts:\d+|ZodError|SqliteError/);
          if (c.field)
            expect(
              result.error.issues?.map((i) => i.path),
              `${name}: ${c.why}`,
            ).toContain(c.field);
          expect(snapshot(), `${name}: ${c.why} changed data`).toEqual(before);
        }
      });
    });
  }

  it('rejects unknown procedure names', async () => {
    const result = await b.call('clients.drop', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_procedure', message: 'Keel has no procedure named “clients.drop”.' } });
    expect((await b.call('__proto__', {})).ok).toBe(false);
    expect((await b.call('constructor', {})).ok).toBe(false);
  });

  it('has bad-input cases for every procedure', () => {
    for (const name of procedureNames) expect(cases[name]().length, name).toBeGreaterThan(0);
  });
});
