import { createRequire } from 'node:module';
import type { InputOf, KeelError, ReplacementItem } from '@shared/contract';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openTestBackend,
  otherClient,
  otherEngagement,
  type TestBackend,
  validAllocation,
  validClient,
  validEngagement,
  validSpecialist,
  validStaffingRequest,
} from '../../support/backend';

/**
 * Replacement requests and their SLA clocks on a real SQLite file, through
 * the contract. Every expected date below is worked out by hand in a comment
 * from the CH-ZH public holidays of date-holidays (2026: 1 Jan, Good Friday
 * 3 Apr, Easter Monday 6 Apr, 1 May, Ascension 14 May, Whit Monday 25 May,
 * 1 Aug, Christmas 25 Dec, 26 Dec) and DE-HH (nothing between 1 Sep and
 * 24 Dec on a weekday). The clock counts the business days AFTER the
 * submission date; the due date is the Nth of them. Today is Tuesday
 * 2026-11-24 unless a test moves the clock.
 */

const MISSING_ID = '01a20bb9-cb5c-7026-b14e-640086951525';

let b: TestBackend;
let nowMs = 0;
let tick = 0;
// "Now" can be moved; it still advances 1 s per call so updatedAt values differ between writes.
const clock = () => new Date(nowMs + tick++ * 1000);
/** Moves the clock to an instant (ISO-8601 UTC). */
const setNow = (iso: string) => {
  nowMs = Date.parse(iso);
  tick = 0;
};

beforeEach(() => {
  setNow('2026-11-24T10:00:00.000Z');
  b = openTestBackend({ clock });
});
afterEach(() => b.dispose());

type Table = 'replacement_request' | 'replacement_pause' | 'replacement_candidate' | 'allocation' | 'audit_log';
const count = (table: Table) => (b.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () => ({
  requests: count('replacement_request'),
  pauses: count('replacement_pause'),
  candidates: count('replacement_candidate'),
  allocations: count('allocation'),
  audit: count('audit_log'),
});

/** Calls a procedure that must fail and returns its error. */
async function refused(name: string, input: unknown): Promise<KeelError> {
  const result = await b.call(name, input);
  if (result.ok) throw new Error(`${name} should have been refused but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

const audits = async (entityId: string) => (await b.ok('audit.list', { entityId })).rows;
/** Pauses and candidates are filed under their request, so its history shows them; newest first. */
const auditsOf = async (requestId: string, entity: 'replacement_pause' | 'replacement_candidate') =>
  (await audits(requestId)).filter((r) => r.entity === entity);

const person = (fullName: string) =>
  b.ok('specialists.create', {
    ...validSpecialist,
    fullName,
    email: `${fullName.toLowerCase().replace(/ /g, '.')}@example.com`,
    skills: ['MLflow'],
  });

/**
 * Helvetic (CH-ZH, no zone of its own → Europe/Zurich) with Claims (2026-02-01 to 31 Dec 2026, SLA 7, Ana confirmed
 * on it all year from March) and Fraud (no allocations at all); Bo and Carla free to step in.
 */
async function setUp() {
  const helvetic = await b.ok('clients.create', validClient);
  const claims = await b.ok('engagements.create', validEngagement(helvetic.id));
  const fraud = await b.ok('engagements.create', { ...validEngagement(helvetic.id), name: 'Fraud scoring pilot' });
  const ana = await person('Ana Ionescu');
  const bo = await person('Bo Berg');
  const carla = await person('Carla Rossi');
  const anaOnClaims = await b.ok('allocations.create', { ...validAllocation(ana.id, claims.id), endDate: '2026-12-31' });
  return { helvetic, claims, fraud, ana, bo, carla, anaOnClaims };
}

/** Nordhafen (DE-HH → Europe/Berlin) with Demand, open-ended from 1 Jan 2026. */
async function setUpNordhafen() {
  const nordhafen = await b.ok('clients.create', otherClient);
  const demand = await b.ok('engagements.create', otherEngagement(nordhafen.id));
  return { nordhafen, demand };
}

/** Submitted Friday 2026-05-22 at 23:10 in the client's zone unless overridden. */
const requestFields = (engagementId: string, outgoingSpecialistId: string, over: Partial<InputOf<'replacements.create'>> = {}) =>
  ({
    engagementId,
    outgoingSpecialistId,
    reason: 'resignation',
    submittedDate: '2026-05-22',
    submittedTime: '23:10',
    submittedBy: 'Dr. Katrin Meier, Head of Model Risk',
    notes: '',
    ...over,
  }) satisfies InputOf<'replacements.create'>;

const stateOf = (item: ReplacementItem) => {
  const { elapsed, remaining, late, percentUsed, state, urgent } = item.clock;
  return { elapsed, remaining, late, percentUsed, state, urgent };
};

describe('recording a request', () => {
  it('reads a Friday 23:10 submission in Zurich as that Friday, skips Whit Monday for the due date, and audits the record', async () => {
    const { claims, ana, anaOnClaims } = await setUp();
    // 21:20 UTC is 23:20 in Zurich (CEST, UTC+2): ten minutes after the submission.
    setNow('2026-05-22T21:20:00.000Z');
    const before = counts();
    const created = await b.ok('replacements.create', requestFields(claims.id, ana.id, { notes: 'Resigned; last day in June.' }));
    // 23:10 CEST = 21:10 UTC, still Friday 22 May in Zurich. Seven business days after it: Sat 23, Sun 24 and Whit Monday
    // 25 May do not count; Tue 26 (1), Wed 27 (2), Thu 28 (3), Fri 29 (4), Mon 1 Jun (5), Tue 2 (6), Wed 3 (7).
    expect(created).toMatchObject({
      engagementId: claims.id,
      engagementName: 'Claims model operations',
      clientName: validClient.name,
      outgoingSpecialistId: ana.id,
      outgoingSpecialistName: 'Ana Ionescu',
      outgoingAllocationId: anaOnClaims.id,
      reason: 'resignation',
      submittedAt: '2026-05-22T21:10:00.000Z',
      submittedOn: '2026-05-22',
      submittedTime: '23:10',
      submittedBy: 'Dr. Katrin Meier, Head of Model Risk',
      notes: 'Resigned; last day in June.',
      timeZone: 'Europe/Zurich',
      holidayCalendar: 'CH-ZH',
      slaBusinessDays: 7,
      status: 'open',
      replacementSpecialistId: null,
      replacementAllocationId: null,
      replacementStartDate: null,
      pauses: [],
      candidates: [],
      handoverDays: 0,
    });
    expect(created.outgoingAllocation).toMatchObject({ id: anaOnClaims.id, endDate: '2026-12-31' });
    expect(created.clock).toEqual({
      submittedOn: '2026-05-22',
      allowance: 7,
      dueDate: '2026-06-03',
      elapsed: 0,
      remaining: 7,
      late: 0,
      percentUsed: 0,
      state: 'on_track',
      urgent: false,
      pausedToday: false,
      pausedDays: 0,
    });
    expect(counts()).toEqual({ ...before, requests: before.requests + 1, audit: before.audit + 1 });
    const [row] = await audits(created.id);
    expect(row).toMatchObject({
      entity: 'replacement_request',
      action: 'create',
      label: 'Replace Ana Ionescu on Claims model operations',
      before: null,
    });
    expect(row?.after).toMatchObject({ id: created.id, submittedAt: '2026-05-22T21:10:00.000Z', status: 'open' });
    expect(await b.ok('replacements.get', { id: created.id })).toEqual(created);
    expect((await b.ok('replacements.list', {})).rows.map((r) => r.id)).toEqual([created.id]);
  });

  it('reads the submission in the client’s own time zone when one is set, and again when it is cleared', async () => {
    const helvetic = await b.ok('clients.create', { ...validClient, timeZone: 'America/New_York' });
    const claims = await b.ok('engagements.create', validEngagement(helvetic.id));
    const ana = await person('Ana Ionescu');
    const created = await b.ok(
      'replacements.create',
      requestFields(claims.id, ana.id, { submittedDate: '2026-05-21', submittedTime: '23:10' }),
    );
    // Thursday 21 May 23:10 in New York (EDT, UTC−4) is 03:10 UTC on Friday. Read in New York it is a Thursday request:
    // Fri 22 (1), Whit Monday off, Tue 26 (2), Wed 27 (3), Thu 28 (4), Fri 29 (5), Mon 1 Jun (6), Tue 2 (7).
    expect([created.submittedAt, created.timeZone, created.submittedOn, created.submittedTime, created.clock.dueDate]).toEqual([
      '2026-05-22T03:10:00.000Z',
      'America/New_York',
      '2026-05-21',
      '23:10',
      '2026-06-02',
    ]);
    // Without a zone of its own the client is read in its calendar's zone: the same instant is 05:10 on Friday in
    // Zurich, so the clock starts a day later and is due Wed 3 June. The recorded instant does not change.
    await b.ok('clients.update', { ...validClient, id: helvetic.id, timeZone: '' });
    const reread = await b.ok('replacements.get', { id: created.id });
    expect([reread.submittedAt, reread.timeZone, reread.submittedOn, reread.submittedTime, reread.clock.dueDate]).toEqual([
      '2026-05-22T03:10:00.000Z',
      'Europe/Zurich',
      '2026-05-22',
      '05:10',
      '2026-06-03',
    ]);
  });

  it('refuses a future submission, one before the engagement, someone not on it, a second open request and unknown records, writing nothing', async () => {
    const { claims, fraud, ana, bo } = await setUp();
    setNow('2026-05-22T21:20:00.000Z'); // 23:20 in Zurich
    const before = counts();
    // 23:30 in Zurich is ten minutes from now.
    expect(await refused('replacements.create', requestFields(claims.id, ana.id, { submittedTime: '23:30' }))).toEqual({
      code: 'invalid_input',
      message: 'A request cannot be submitted in the future: it is 23:20 on 22 May 2026 in Europe/Zurich.',
      issues: [{ path: 'submittedDate', message: 'cannot be in the future' }],
    });
    expect(await refused('replacements.create', requestFields(claims.id, ana.id, { submittedDate: '2026-01-30' }))).toEqual({
      code: 'invalid_input',
      message: 'Claims model operations starts on 1 Feb 2026; a request cannot be submitted before.',
      issues: [{ path: 'submittedDate', message: 'must be on or after 1 Feb 2026' }],
    });
    // Claims is planned with allocations, and Bo has none on it.
    expect(await refused('replacements.create', requestFields(claims.id, bo.id))).toEqual({
      code: 'invalid_input',
      message: 'Bo Berg has no allocation on Claims model operations; a replacement is for someone on the engagement.',
      issues: [{ path: 'outgoingSpecialistId', message: 'is not allocated to Claims model operations' }],
    });
    const unknownEngagement = await refused('replacements.create', requestFields(MISSING_ID, ana.id));
    expect([unknownEngagement.code, unknownEngagement.issues?.map((i) => i.path)]).toEqual(['not_found', ['engagementId']]);
    const unknownPerson = await refused('replacements.create', requestFields(claims.id, MISSING_ID));
    expect([unknownPerson.code, unknownPerson.issues?.map((i) => i.path)]).toEqual(['not_found', ['outgoingSpecialistId']]);
    expect(counts()).toEqual(before);

    await b.ok('replacements.create', requestFields(claims.id, ana.id));
    const afterFirst = counts();
    expect(await refused('replacements.create', requestFields(claims.id, ana.id, { submittedTime: '09:00', reason: 'health' }))).toEqual({
      code: 'conflict',
      message: 'Ana Ionescu already has an open replacement request on Claims model operations; update that one instead.',
    });
    expect(counts()).toEqual(afterFirst);
    // An engagement planned without allocations takes a request for anyone.
    expect((await b.ok('replacements.create', requestFields(fraud.id, bo.id))).outgoingAllocationId).toBeNull();
  });
});

describe('pauses', () => {
  it('push the due date out by the paused business days; overlaps and pauses before the submission are refused; changes are audited', async () => {
    const { claims, ana } = await setUp();
    setNow('2026-05-26T10:00:00.000Z'); // Tuesday 26 May
    const request = await b.ok('replacements.create', requestFields(claims.id, ana.id));
    expect([request.clock.dueDate, request.clock.elapsed]).toEqual(['2026-06-03', 1]);

    // Wed 27 and Thu 28 paused: Tue 26 (1), Fri 29 (2), Mon 1 (3), Tue 2 (4), Wed 3 (5), Thu 4 (6), Fri 5 June (7).
    const paused = await b.ok('replacements.addPause', {
      requestId: request.id,
      startDate: '2026-05-27',
      endDate: '2026-05-28',
      reason: 'Client postponed the interviews.',
    });
    expect([paused.clock.dueDate, paused.clock.pausedDays, paused.clock.pausedToday]).toEqual(['2026-06-05', 2, false]);
    const [first] = paused.pauses;
    if (!first) throw new Error('the pause is missing');
    expect(first).toMatchObject({
      requestId: request.id,
      startDate: '2026-05-27',
      endDate: '2026-05-28',
      reason: 'Client postponed the interviews.',
    });
    expect((await auditsOf(request.id, 'replacement_pause')).map((r) => [r.entity, r.action, r.label])).toEqual([
      ['replacement_pause', 'create', 'Pause 27 May 2026 to 28 May 2026'],
    ]);

    const before = counts();
    expect(
      await refused('replacements.addPause', { requestId: request.id, startDate: '2026-05-28', endDate: '2026-05-29', reason: 'Again' }),
    ).toEqual({
      code: 'conflict',
      message: 'The pause from 28 May 2026 to 29 May 2026 overlaps the pause from 27 May 2026 to 28 May 2026; change that pause instead.',
      issues: [{ path: 'startDate', message: 'does not fit the request’s other dates' }],
    });
    expect(
      await refused('replacements.addPause', {
        requestId: request.id,
        startDate: '2026-05-29',
        endDate: '2026-05-28',
        reason: 'Backwards',
      }),
    ).toEqual({
      code: 'invalid_input',
      message: 'End date must be on or after the start date.',
      issues: [{ path: 'endDate', message: 'must be on or after the start date' }],
    });
    expect(
      (await refused('replacements.addPause', { requestId: request.id, startDate: '2026-05-21', endDate: '2026-05-22', reason: 'Early' }))
        .message,
    ).toBe('A pause cannot start (21 May 2026) before the request was submitted (22 May 2026).');
    expect(
      (await refused('replacements.addPause', { requestId: MISSING_ID, startDate: '2026-05-29', endDate: '2026-05-29', reason: 'x' })).code,
    ).toBe('not_found');
    expect(counts()).toEqual(before);

    // A pause over a weekend takes only its business days: Fri 29 May and Mon 1 June. Tue 26 (1), Tue 2 (2), Wed 3 (3),
    // Thu 4 (4), Fri 5 (5), Mon 8 (6), Tue 9 June (7).
    const weekend = await b.ok('replacements.addPause', {
      requestId: request.id,
      startDate: '2026-05-29',
      endDate: '2026-06-01',
      reason: 'Client’s hiring manager away.',
    });
    expect([weekend.clock.dueDate, weekend.clock.pausedDays]).toEqual(['2026-06-09', 4]);
    const second = weekend.pauses.find((p) => p.startDate === '2026-05-29');
    if (!second) throw new Error('the second pause is missing');

    // The first pause shortened to Wed 27 only: Tue 26 (1), Thu 28 (2), Tue 2 (3), Wed 3 (4), Thu 4 (5), Fri 5 (6), Mon 8 (7).
    const shortened = await b.ok('replacements.updatePause', {
      id: first.id,
      startDate: '2026-05-27',
      endDate: '2026-05-27',
      reason: 'Client postponed one interview.',
    });
    expect([shortened.clock.dueDate, shortened.clock.pausedDays]).toEqual(['2026-06-08', 3]);
    const [update] = await auditsOf(request.id, 'replacement_pause');
    expect(update).toMatchObject({ entity: 'replacement_pause', action: 'update' });
    expect(update?.before).toMatchObject({ endDate: '2026-05-28', reason: 'Client postponed the interviews.' });
    expect(update?.after).toMatchObject({ endDate: '2026-05-27', reason: 'Client postponed one interview.' });
    // Moving a pause onto another is refused like adding one.
    expect(
      (await refused('replacements.updatePause', { id: first.id, startDate: '2026-05-27', endDate: '2026-05-29', reason: 'x' })).code,
    ).toBe('conflict');

    // On Friday 29 May the clock stands still: two days counted (Tue 26, Thu 28), paused today.
    setNow('2026-05-29T10:00:00.000Z');
    const friday = await b.ok('replacements.get', { id: request.id });
    expect([friday.clock.elapsed, friday.clock.pausedToday, friday.clock.state]).toEqual([2, true, 'on_track']);

    // Without the weekend pause: Tue 26 (1), Thu 28 (2), Fri 29 (3), Mon 1 (4), Tue 2 (5), Wed 3 (6), Thu 4 June (7).
    const removed = await b.ok('replacements.deletePause', { id: second.id });
    expect([removed.clock.dueDate, removed.clock.pausedDays, removed.clock.pausedToday, removed.pauses.length]).toEqual([
      '2026-06-04',
      1,
      false,
      1,
    ]);
    const [deletion] = await auditsOf(request.id, 'replacement_pause');
    expect(deletion).toMatchObject({ entity: 'replacement_pause', action: 'delete', after: null });
    expect(deletion?.before).toMatchObject({ id: second.id, startDate: '2026-05-29', endDate: '2026-06-01' });
    expect((await refused('replacements.deletePause', { id: second.id })).code).toBe('not_found');
  });
});

describe('candidates', () => {
  it('are proposed between the submission and today, one is accepted, a second acceptance is refused, others are rejected', async () => {
    const { claims, ana, bo } = await setUp();
    setNow('2026-05-28T10:00:00.000Z'); // Thursday 28 May
    const request = await b.ok('replacements.create', requestFields(claims.id, ana.id));
    const before = counts();
    const window = {
      code: 'invalid_input',
      message: 'A candidate is proposed between the request (22 May 2026) and today (28 May 2026).',
      issues: [{ path: 'proposedOn', message: 'must be from 22 May 2026 to 28 May 2026' }],
    };
    const candidate = { requestId: request.id, name: 'Bo Berg', specialistId: bo.id };
    expect(await refused('replacements.proposeCandidate', { ...candidate, proposedOn: '2026-05-21' })).toEqual(window);
    expect(await refused('replacements.proposeCandidate', { ...candidate, proposedOn: '2026-05-29' })).toEqual(window);
    expect(
      (
        await refused('replacements.proposeCandidate', {
          ...candidate,
          name: 'Ana Ionescu',
          specialistId: ana.id,
          proposedOn: '2026-05-26',
        })
      ).message,
    ).toBe('Ana Ionescu is the specialist being replaced, not a candidate.');
    expect(counts()).toEqual(before);

    await b.ok('replacements.proposeCandidate', { ...candidate, proposedOn: '2026-05-26' });
    const proposed = await b.ok('replacements.proposeCandidate', { requestId: request.id, name: 'Dara Quinn', proposedOn: '2026-05-22' });
    // In the order proposed.
    expect(proposed.candidates.map((c) => [c.name, c.specialistId, c.proposedOn, c.status, c.decidedOn])).toEqual([
      ['Dara Quinn', null, '2026-05-22', 'proposed', null],
      ['Bo Berg', bo.id, '2026-05-26', 'proposed', null],
    ]);
    const [dara, boCandidate] = proposed.candidates;
    if (!dara || !boCandidate) throw new Error('candidates missing');

    const accepted = await b.ok('replacements.decideCandidate', { id: boCandidate.id, decision: 'accepted' });
    expect(accepted.candidates.find((c) => c.id === boCandidate.id)).toMatchObject({ status: 'accepted', decidedOn: '2026-05-28' });
    expect(accepted.status).toBe('open'); // accepting is not fulfilling: the clock runs until the replacement starts
    const afterAccept = counts();
    expect(await refused('replacements.decideCandidate', { id: dara.id, decision: 'accepted' })).toEqual({
      code: 'conflict',
      message: 'Bo Berg is already accepted for this request; one replacement per request.',
    });
    expect(counts()).toEqual(afterAccept);
    const rejected = await b.ok('replacements.decideCandidate', { id: dara.id, decision: 'rejected' });
    expect(rejected.candidates.find((c) => c.id === dara.id)).toMatchObject({ status: 'rejected', decidedOn: '2026-05-28' });
    expect((await refused('replacements.decideCandidate', { id: dara.id, decision: 'accepted' })).message).toBe(
      'Dara Quinn was already rejected.',
    );
    expect((await refused('replacements.decideCandidate', { id: MISSING_ID, decision: 'accepted' })).code).toBe('not_found');

    const history = (await auditsOf(boCandidate.requestId, 'replacement_candidate')).filter((r) => r.label === 'Candidate Bo Berg');
    expect(history.map((r) => [r.entity, r.action, r.label])).toEqual([
      ['replacement_candidate', 'update', 'Candidate Bo Berg'],
      ['replacement_candidate', 'create', 'Candidate Bo Berg'],
    ]);
    expect(history[0]?.before).toMatchObject({ status: 'proposed', decidedOn: null });
    expect(history[0]?.after).toMatchObject({ status: 'accepted', decidedOn: '2026-05-28' });
  });
});

describe('fulfilment', () => {
  it('creates the replacement’s confirmed allocation and ends the outgoing one on its last day in one audited write; met by the due date', async () => {
    const { claims, ana, bo, anaOnClaims } = await setUp();
    setNow('2026-06-02T10:00:00.000Z');
    const request = await b.ok('replacements.create', requestFields(claims.id, ana.id)); // due Wed 3 June (see above)
    const before = counts();
    expect(await refused('replacements.fulfil', { id: request.id, specialistId: bo.id, startDate: '2026-05-21' })).toEqual({
      code: 'invalid_input',
      message: 'The replacement cannot start on 21 May 2026: the request was only submitted on 22 May 2026.',
      issues: [{ path: 'startDate', message: 'must be on or after 22 May 2026' }],
    });
    expect(
      (await refused('replacements.fulfil', { id: request.id, specialistId: ana.id, startDate: '2026-06-01' })).issues?.map((i) => i.path),
    ).toEqual(['specialistId']);
    expect(
      (
        await refused('replacements.fulfil', {
          id: request.id,
          specialistId: bo.id,
          startDate: '2026-06-01',
          outgoingEndDate: '2027-01-15',
        })
      ).issues,
    ).toEqual([{ path: 'outgoingEndDate', message: 'must be from 2 Mar 2026 to 31 Dec 2026' }]);
    expect(counts()).toEqual(before);

    const fulfilled = await b.ok('replacements.fulfil', {
      id: request.id,
      specialistId: bo.id,
      startDate: '2026-06-01',
      outgoingEndDate: '2026-06-05',
    });
    // Started Mon 1 June: Tue 26, Wed 27, Thu 28, Fri 29 May and Mon 1 June counted = 5 of 7, on or before Wed 3 June.
    // Ana stays to Fri 5 June: 1–5 June, five days of hand-over.
    expect(fulfilled).toMatchObject({
      status: 'fulfilled',
      replacementSpecialistId: bo.id,
      replacementSpecialistName: 'Bo Berg',
      replacementStartDate: '2026-06-01',
      lateReason: '',
      handoverDays: 5,
    });
    expect(stateOf(fulfilled)).toEqual({ elapsed: 5, remaining: 2, late: 0, percentUsed: 71, state: 'met', urgent: false });
    expect(fulfilled.replacementAllocation).toMatchObject({
      id: fulfilled.replacementAllocationId,
      specialistId: bo.id,
      engagementId: claims.id,
      startDate: '2026-06-01',
      endDate: '2026-12-31', // the engagement's end
      loadPercent: 100, // Ana's load
      status: 'confirmed',
      note: 'Replaces Ana Ionescu (request submitted 22 May 2026).',
    });
    expect(fulfilled.outgoingAllocation).toMatchObject({ id: anaOnClaims.id, endDate: '2026-06-05', status: 'confirmed' });
    expect(counts()).toEqual({ ...before, allocations: before.allocations + 1, audit: before.audit + 3 });

    const [fulfil] = await audits(request.id);
    expect(fulfil).toMatchObject({ entity: 'replacement_request', action: 'fulfil' });
    expect(fulfil?.before).toMatchObject({ status: 'open', replacementAllocationId: null });
    expect(fulfil?.after).toMatchObject({ status: 'fulfilled', replacementAllocationId: fulfilled.replacementAllocationId });
    const [shortened] = await audits(anaOnClaims.id);
    expect(shortened).toMatchObject({ entity: 'allocation', action: 'update', label: 'Ana Ionescu → Claims model operations' });
    expect(shortened?.before).toMatchObject({ endDate: '2026-12-31' });
    expect(shortened?.after).toMatchObject({ endDate: '2026-06-05' });
    expect((await audits(fulfilled.replacementAllocationId as string)).map((r) => [r.entity, r.action])).toEqual([
      ['allocation', 'create'],
    ]);

    // A fulfilled request is closed.
    const after = counts();
    expect(await refused('replacements.fulfil', { id: request.id, specialistId: bo.id, startDate: '2026-06-01' })).toEqual({
      code: 'conflict',
      message: 'Replace Ana Ionescu on Claims model operations is already fulfilled; it can no longer change.',
    });
    expect((await refused('replacements.cancel', { id: request.id, reason: 'Changed our minds' })).code).toBe('conflict');
    // Its pauses are final too: adding one now could hide a breach, removing one could create a breach with no reason on record.
    expect(
      await refused('replacements.addPause', {
        requestId: request.id,
        startDate: '2026-05-25',
        endDate: '2026-05-26',
        reason: 'Late note',
      }),
    ).toEqual({ code: 'conflict', message: 'Replace Ana Ionescu on Claims model operations is already fulfilled; its pauses are final.' });
    expect(counts()).toEqual(after);
    expect((await b.ok('replacements.list', {})).total).toBe(0);
    expect((await b.ok('replacements.list', { state: 'closed' })).rows.map((r) => r.id)).toEqual([request.id]);
  });

  it('a start after the due date needs the reason on record, and then counts as breached with the reason kept', async () => {
    const { claims, ana, bo } = await setUp();
    setNow('2026-06-10T10:00:00.000Z');
    const request = await b.ok('replacements.create', requestFields(claims.id, ana.id)); // due Wed 3 June
    const before = counts();
    expect(await refused('replacements.fulfil', { id: request.id, specialistId: bo.id, startDate: '2026-06-04' })).toEqual({
      code: 'invalid_input',
      message: 'The replacement starts on 4 Jun 2026, after the due date 3 Jun 2026; record why it is late (the SLA report lists it).',
      issues: [{ path: 'lateReason', message: 'is required when the start is after the due date' }],
    });
    expect(counts()).toEqual(before);
    const late = await b.ok('replacements.fulfil', {
      id: request.id,
      specialistId: bo.id,
      startDate: '2026-06-04',
      lateReason: 'The client’s security clearance took an extra day.',
    });
    // Thu 4 June is the 8th business day: one late. No outgoing end given, so Ana's allocation runs on (to 31 December):
    // the hand-over is 4 June to 31 December, 211 days.
    expect(stateOf(late)).toEqual({ elapsed: 8, remaining: 0, late: 1, percentUsed: 114, state: 'breached', urgent: false });
    expect([late.lateReason, late.handoverDays, late.outgoingAllocation?.endDate]).toEqual([
      'The client’s security clearance took an extra day.',
      211,
      '2026-12-31',
    ]);
  });

  it('a replacement confirmed at another client at the same time is refused and nothing is written', async () => {
    const { claims, ana, anaOnClaims } = await setUp();
    const { demand } = await setUpNordhafen();
    const cy = await person('Cy Cole');
    await b.ok('allocations.create', { ...validAllocation(cy.id, demand.id), startDate: '2026-05-01', endDate: '2026-12-31' });
    setNow('2026-06-02T10:00:00.000Z');
    const request = await b.ok('replacements.create', requestFields(claims.id, ana.id));
    const before = counts();
    const error = await refused('replacements.fulfil', {
      id: request.id,
      specialistId: cy.id,
      startDate: '2026-06-01',
      outgoingEndDate: '2026-06-05',
    });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(
      /^Cy Cole is already confirmed at Nordhafen Logistik GmbH \(Demand forecasting platform\) from 1 May 2026 to 31 Dec 2026\./,
    );
    expect(error.issues?.map((i) => i.path)).toEqual(['specialistId']); // the field to fix on the fulfil form
    // The outgoing allocation was cut inside the same transaction before the refusal: it must be back as it was.
    expect(counts()).toEqual(before);
    expect(await b.ok('replacements.get', { id: request.id })).toEqual(request);
    expect((await b.ok('allocations.get', { id: anaOnClaims.id })).endDate).toBe('2026-12-31');
  });

  it('on an open-ended engagement the replacement’s allocation needs an end date', async () => {
    const { ana, bo } = await setUp();
    const { demand } = await setUpNordhafen(); // no allocations: anyone may be replaced
    setNow('2026-06-02T10:00:00.000Z');
    const request = await b.ok('replacements.create', requestFields(demand.id, ana.id));
    const before = counts();
    expect(await refused('replacements.fulfil', { id: request.id, specialistId: bo.id, startDate: '2026-06-01' })).toEqual({
      code: 'invalid_input',
      message: 'Demand forecasting platform is open-ended; give the replacement’s allocation an end date.',
      issues: [{ path: 'endDate', message: 'is required on an open-ended engagement' }],
    });
    // Nor can an outgoing allocation be ended when there is none.
    expect(
      (
        await refused('replacements.fulfil', {
          id: request.id,
          specialistId: bo.id,
          startDate: '2026-06-01',
          endDate: '2026-12-31',
          outgoingEndDate: '2026-06-05',
        })
      ).issues?.map((i) => i.path),
    ).toEqual(['outgoingEndDate']);
    expect(counts()).toEqual(before);
    const fulfilled = await b.ok('replacements.fulfil', {
      id: request.id,
      specialistId: bo.id,
      startDate: '2026-06-01',
      endDate: '2026-12-31',
    });
    expect([fulfilled.clock.state, fulfilled.replacementAllocation?.endDate, fulfilled.outgoingAllocation, fulfilled.handoverDays]).toEqual(
      ['met', '2026-12-31', null, 0],
    );
  });
});

describe('cancelling', () => {
  it('records the reason and the day; a cancelled request takes no more changes, and the person may get a new request', async () => {
    const { claims, ana, bo } = await setUp();
    const request = await b.ok('replacements.create', requestFields(claims.id, ana.id));
    const withPause = await b.ok('replacements.addPause', {
      requestId: request.id,
      startDate: '2026-05-27',
      endDate: '2026-05-28',
      reason: 'Client postponed the interviews.',
    });
    const withCandidate = await b.ok('replacements.proposeCandidate', {
      requestId: request.id,
      name: 'Bo Berg',
      specialistId: bo.id,
      proposedOn: '2026-05-26',
    });
    const pause = withPause.pauses[0];
    const candidate = withCandidate.candidates[0];
    if (!pause || !candidate) throw new Error('pause or candidate missing');

    const cancelled = await b.ok('replacements.cancel', { id: request.id, reason: '  Ana withdrew her resignation.  ' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledOn: '2026-11-24', cancelReason: 'Ana withdrew her resignation.' });
    // Withdrawn long after its due date (5 June): the breach stands; cancelling does not erase it.
    expect([cancelled.clock.state, cancelled.clock.dueDate]).toEqual(['breached', '2026-06-05']);
    const [cancel] = await audits(request.id);
    expect(cancel).toMatchObject({ entity: 'replacement_request', action: 'cancel' });
    expect(cancel?.after).toMatchObject({ status: 'cancelled', cancelReason: 'Ana withdrew her resignation.' });

    const before = counts();
    const closed = 'Replace Ana Ionescu on Claims model operations is already cancelled; it can no longer change.';
    const noClock = 'Replace Ana Ionescu on Claims model operations is already cancelled; its pauses are final.';
    const attempts: [string, unknown, string][] = [
      ['replacements.cancel', { id: request.id, reason: 'Again' }, closed],
      ['replacements.fulfil', { id: request.id, specialistId: bo.id, startDate: '2026-06-01' }, closed],
      ['replacements.proposeCandidate', { requestId: request.id, name: 'Dara Quinn', proposedOn: '2026-05-26' }, closed],
      ['replacements.decideCandidate', { id: candidate.id, decision: 'accepted' }, closed],
      ['replacements.update', { ...requestFields(claims.id, ana.id), id: request.id, notes: 'edit' }, closed],
      ['replacements.addPause', { requestId: request.id, startDate: '2026-06-01', endDate: '2026-06-01', reason: 'x' }, noClock],
      ['replacements.updatePause', { id: pause.id, startDate: '2026-05-27', endDate: '2026-05-27', reason: 'x' }, noClock],
      ['replacements.deletePause', { id: pause.id }, noClock],
    ];
    for (const [name, input, message] of attempts) {
      expect(await refused(name, input), name).toEqual({ code: 'conflict', message });
    }
    expect(counts()).toEqual(before);
    expect(await b.ok('replacements.get', { id: request.id })).toEqual(cancelled);

    const again = await b.ok(
      'replacements.create',
      requestFields(claims.id, ana.id, { submittedDate: '2026-11-20', submittedTime: '09:00' }),
    );
    expect(again.status).toBe('open');
  });
});

describe('the clock is recomputed on every read', () => {
  it('changing the engagement’s SLA or the client’s holiday calendar moves the due date and the state', async () => {
    const { helvetic, claims, ana } = await setUp();
    setNow('2026-06-02T10:00:00.000Z'); // Tuesday 2 June
    const request = await b.ok('replacements.create', requestFields(claims.id, ana.id));
    const read = async () => {
      const { clock } = await b.ok('replacements.get', { id: request.id });
      return [clock.dueDate, clock.elapsed, clock.percentUsed, clock.state, clock.urgent];
    };
    // CH-ZH, 7 days: due Wed 3 June; counted so far Tue 26 to Tue 2 = 6 (6/7 = 85% → at risk, urgent).
    expect(await read()).toEqual(['2026-06-03', 6, 85, 'at_risk', true]);

    // Poland does not keep Whit Monday: Mon 25 May counts. 25 (1), 26, 27, 28, 29 (5), 1 (6), 2 June (7): due today.
    await b.ok('clients.update', { ...validClient, id: helvetic.id, holidayCalendar: 'PL' });
    expect(await read()).toEqual(['2026-06-02', 7, 100, 'at_risk', true]);

    // Ten business days in Poland: 3 June (8), Corpus Christi Thu 4 June off, Fri 5 (9), Mon 8 June (10).
    await b.ok('engagements.update', { ...validEngagement(helvetic.id), id: claims.id, slaBusinessDays: 10 });
    expect(await read()).toEqual(['2026-06-08', 7, 70, 'at_risk', false]);

    // Back in Zurich, still ten days: 26 May (1) … 3 June (7), 4 (8), 5 (9), Mon 8 June (10); 6 counted.
    await b.ok('clients.update', { ...validClient, id: helvetic.id, holidayCalendar: 'CH-ZH' });
    expect(await read()).toEqual(['2026-06-08', 6, 60, 'at_risk', false]);

    // Nothing of the clock is stored that could drift.
    const columns = (b.db.prepare('PRAGMA table_info(replacement_request)').all() as { name: string }[]).map((c) => c.name);
    expect(columns.filter((c) => /due|elapsed|remaining|state|percent/.test(c))).toEqual([]);
  });

  it('moves from on track to at risk at 50%, urgent at 80%, and breached the day after the due date, on the client’s calendar', async () => {
    const { claims, ana } = await setUp();
    setNow('2026-05-22T21:20:00.000Z');
    const request = await b.ok('replacements.create', requestFields(claims.id, ana.id)); // due Wed 3 June
    const at = async (instant: string) => {
      setNow(instant);
      return stateOf(await b.ok('replacements.get', { id: request.id }));
    };
    // Whit Monday: nothing counted yet.
    expect(await at('2026-05-25T10:00:00.000Z')).toEqual({
      elapsed: 0,
      remaining: 7,
      late: 0,
      percentUsed: 0,
      state: 'on_track',
      urgent: false,
    });
    // Thu 28 May: 3 of 7 = 42%.
    expect(await at('2026-05-28T10:00:00.000Z')).toEqual({
      elapsed: 3,
      remaining: 4,
      late: 0,
      percentUsed: 42,
      state: 'on_track',
      urgent: false,
    });
    // Fri 29 May: 4 of 7 = 57%, past 50%.
    expect(await at('2026-05-29T10:00:00.000Z')).toEqual({
      elapsed: 4,
      remaining: 3,
      late: 0,
      percentUsed: 57,
      state: 'at_risk',
      urgent: false,
    });
    // Tue 2 June: 6 of 7 = 85%, past 80%.
    expect(await at('2026-06-02T10:00:00.000Z')).toEqual({
      elapsed: 6,
      remaining: 1,
      late: 0,
      percentUsed: 85,
      state: 'at_risk',
      urgent: true,
    });
    // Wed 3 June, the due date itself: not yet breached.
    expect(await at('2026-06-03T21:00:00.000Z')).toEqual({
      elapsed: 7,
      remaining: 0,
      late: 0,
      percentUsed: 100,
      state: 'at_risk',
      urgent: true,
    });
    // 22:30 UTC on 3 June is 00:30 on Thu 4 June in Zurich: the day after the due date there.
    expect(await at('2026-06-03T22:30:00.000Z')).toEqual({
      elapsed: 8,
      remaining: 0,
      late: 1,
      percentUsed: 114,
      state: 'breached',
      urgent: false,
    });
  });

  it('follows the thresholds setting, which refuses bad values', async () => {
    const { claims, ana } = await setUp();
    setNow('2026-05-28T10:00:00.000Z'); // 3 of 7 business days used: 42%
    const request = await b.ok('replacements.create', requestFields(claims.id, ana.id));
    const state = async () => {
      const { clock } = await b.ok('replacements.get', { id: request.id });
      return [clock.state, clock.urgent];
    };
    expect(await b.ok('continuity.settings', {})).toEqual({ atRiskPercent: 50, urgentPercent: 80 });
    expect(await state()).toEqual(['on_track', false]);
    expect(await b.ok('continuity.updateSettings', { atRiskPercent: 40, urgentPercent: 60 })).toEqual({
      atRiskPercent: 40,
      urgentPercent: 60,
    });
    expect(await state()).toEqual(['at_risk', false]);
    await b.ok('continuity.updateSettings', { atRiskPercent: 20, urgentPercent: 40 });
    expect(await state()).toEqual(['at_risk', true]);
    const [change] = (await b.ok('audit.list', { entity: 'settings' })).rows;
    expect(change).toMatchObject({
      action: 'update',
      label: 'SLA thresholds',
      before: { atRiskPercent: 40, urgentPercent: 60 },
      after: { atRiskPercent: 20, urgentPercent: 40 },
    });

    const before = counts();
    const bad: [unknown, string][] = [
      [{ atRiskPercent: 60, urgentPercent: 60 }, 'urgentPercent'],
      [{ atRiskPercent: 70, urgentPercent: 60 }, 'urgentPercent'],
      [{ atRiskPercent: 0, urgentPercent: 60 }, 'atRiskPercent'],
      [{ atRiskPercent: 50, urgentPercent: 101 }, 'urgentPercent'],
      [{ atRiskPercent: 50.5, urgentPercent: 80 }, 'atRiskPercent'],
    ];
    for (const [input, field] of bad) {
      const error = await refused('continuity.updateSettings', input);
      expect([error.code, error.issues?.map((i) => i.path)], JSON.stringify(input)).toEqual(['invalid_input', [field]]);
    }
    expect(counts()).toEqual(before);
    expect(await b.ok('continuity.settings', {})).toEqual({ atRiskPercent: 20, urgentPercent: 40 });
  });
});

describe('continuity board', () => {
  it('shows open replacements and open roles together, least time left first, and filters by client', async () => {
    const { helvetic, claims, fraud, ana, bo } = await setUp();
    const { demand } = await setUpNordhafen();
    const cy = await person('Cy Cole');
    await b.ok('allocations.create', { ...validAllocation(cy.id, demand.id), startDate: '2026-11-02', endDate: '2026-12-31' });

    // Thu 19 Nov in Zurich: Fri 20 (1), Mon 23 (2), Tue 24 (3) … Mon 30 Nov (7). 3 of 7 = 42%, 4 left.
    const ana19 = await b.ok(
      'replacements.create',
      requestFields(claims.id, ana.id, { submittedDate: '2026-11-19', submittedTime: '09:00' }),
    );
    // Mon 16 Nov in Hamburg: 17, 18, 19, 20, 23 (5), 24 (6), Wed 25 Nov (7). 6 of 7 = 85%, 1 left.
    const cy16 = await b.ok(
      'replacements.create',
      requestFields(demand.id, cy.id, { reason: 'performance', submittedDate: '2026-11-16', submittedTime: '09:00' }),
    );
    // Closed promises stay off the board.
    const withdrawn = await b.ok('replacements.create', requestFields(fraud.id, bo.id, { submittedDate: '2026-11-20' }));
    await b.ok('replacements.cancel', { id: withdrawn.id, reason: 'Withdrawn' });
    const declined = await b.ok('staffing.create', { ...validStaffingRequest(claims.id), title: 'Declined role' });
    await b.ok('staffing.decline', { id: declined.id, reason: 'No fit' });
    // Opened today, 4 weeks = 20 business days in Zurich: 25 Nov … Tue 22 Dec.
    const role = await b.ok('staffing.create', validStaffingRequest(claims.id));
    // Opened Thu 1 Oct, 3 weeks = 15 business days in Hamburg: Fri 2 Oct (1), 5–9 (6), 12–16 (11), 19–22 Oct (15).
    // Counted to today: 2 Oct, 21 in October after the 1st, 17 in November to the 24th = 38, 23 past the target.
    const overdue = await b.ok('staffing.create', {
      ...validStaffingRequest(demand.id),
      title: 'Data engineer — demand features',
      openedOn: '2026-10-01',
      targetWeeks: 3,
    });

    const board = await b.ok('continuity.board', {});
    expect([board.today, board.thresholds]).toEqual(['2026-11-24', { atRiskPercent: 50, urgentPercent: 80 }]);
    expect(
      board.promises.map((p) => [
        p.kind,
        p.id,
        p.title,
        p.detail,
        p.clock.dueDate,
        p.clock.remaining,
        p.clock.late,
        p.clock.state,
        p.clock.urgent,
      ]),
    ).toEqual([
      ['staffing', overdue.id, 'Data engineer — demand features', 'Defined', '2026-10-22', 0, 23, 'breached', false],
      ['replacement', cy16.id, 'Replace Cy Cole', 'Performance', '2026-11-25', 1, 0, 'at_risk', true],
      ['replacement', ana19.id, 'Replace Ana Ionescu', 'Resignation', '2026-11-30', 4, 0, 'on_track', false],
      ['staffing', role.id, 'Senior MLOps engineer — claims models', 'Defined', '2026-12-22', 20, 0, 'on_track', false],
    ]);
    expect(board.promises[1]).toMatchObject({
      engagementId: demand.id,
      engagementName: 'Demand forecasting platform',
      clientName: 'Nordhafen Logistik GmbH',
      outgoingSpecialistName: 'Cy Cole',
    });
    expect(board.promises[0]?.outgoingSpecialistName).toBeNull();

    const mine = await b.ok('continuity.board', { clientId: helvetic.id });
    expect(mine.promises.map((p) => p.id)).toEqual([ana19.id, role.id]);
  });
});

/**
 * A quarter of requests at Helvetic (Claims, Fraud) and Nordhafen (Demand): one request on the last evening of Q3,
 * then in Q4 one met, one breached with its reason, one withdrawn and one open.
 */
async function quarterOfRequests() {
  const { helvetic, claims, fraud, ana, bo } = await setUp();
  const { nordhafen, demand } = await setUpNordhafen();
  const [dee, eve, cy, fay] = [await person('Dee Dunn'), await person('Eve Evans'), await person('Cy Cole'), await person('Fay Fox')];
  await b.ok('allocations.create', { ...validAllocation(dee.id, claims.id), endDate: '2026-12-31' });
  for (const p of [cy, fay]) {
    await b.ok('allocations.create', { ...validAllocation(p.id, demand.id), startDate: '2026-09-01', endDate: '2026-12-31' });
  }

  // Q3: Wed 30 Sep 23:30 in Zurich (21:30 UTC), on Fraud (no allocations). Due: Oct 1, 2, 5, 6, 7, 8, Fri 9 Oct (7);
  // still open today, so breached.
  const lastOfQ3 = await b.ok(
    'replacements.create',
    requestFields(fraud.id, ana.id, { submittedDate: '2026-09-30', submittedTime: '23:30' }),
  );
  // Q4, although its UTC instant is 30 Sep 22:30: 00:30 on Thu 1 Oct in Zurich. Due Mon 12 Oct; Bo starts Thu 8 Oct,
  // the 5th business day (2, 5, 6, 7, 8): met in 5.
  const firstOfQ4 = await b.ok(
    'replacements.create',
    requestFields(claims.id, ana.id, { submittedDate: '2026-10-01', submittedTime: '00:30' }),
  );
  await b.ok('replacements.fulfil', { id: firstOfQ4.id, specialistId: bo.id, startDate: '2026-10-08' });
  // Mon 2 Nov: due Wed 11 Nov (3, 4, 5, 6, 9, 10, 11); Eve starts Mon 16 Nov, the 10th business day: breached, 3 late.
  const late = await b.ok(
    'replacements.create',
    requestFields(claims.id, dee.id, { reason: 'health', submittedDate: '2026-11-02', submittedTime: '10:00' }),
  );
  const lateReason = 'The client’s security clearance took a week.';
  await b.ok('replacements.fulfil', { id: late.id, specialistId: eve.id, startDate: '2026-11-16', lateReason });
  // Nordhafen: one withdrawn in time (Wed 14 Oct, due Wed 21 Oct), one open (at risk, not decided).
  const withdrawn = await b.ok(
    'replacements.create',
    requestFields(demand.id, fay.id, { submittedDate: '2026-10-12', submittedTime: '09:00' }),
  );
  setNow('2026-10-14T09:00:00.000Z');
  await b.ok('replacements.cancel', { id: withdrawn.id, reason: 'Fay stays after all.' });
  setNow('2026-11-24T10:00:00.000Z');
  const open = await b.ok('replacements.create', requestFields(demand.id, cy.id, { submittedDate: '2026-11-16', submittedTime: '09:00' }));
  return { helvetic, nordhafen, lastOfQ3, firstOfQ4, late, lateReason, withdrawn, open };
}

describe('SLA report', () => {
  it('gives a quarter’s figures per client and in total, by the submission date in the client’s time zone', async () => {
    const { helvetic, nordhafen, lastOfQ3, firstOfQ4, late, lateReason, withdrawn, open } = await quarterOfRequests();
    expect(firstOfQ4.submittedAt).toBe('2026-09-30T22:30:00.000Z');

    const q4 = await b.ok('continuity.report', { year: 2026, quarter: 4 });
    expect([q4.from, q4.to, q4.today]).toEqual(['2026-10-01', '2026-12-31', '2026-11-24']);
    expect(q4.clients).toEqual([
      {
        clientId: helvetic.id,
        clientName: validClient.name,
        requests: 2,
        met: 1,
        breached: 1,
        open: 0,
        cancelled: 0,
        metPercent: 50,
        medianDaysToFulfil: 7.5, // halfway between 5 and 10
        worstDaysToFulfil: 10,
      },
      {
        clientId: nordhafen.id,
        clientName: 'Nordhafen Logistik GmbH',
        requests: 2,
        met: 0,
        breached: 0,
        open: 1,
        cancelled: 1,
        metPercent: null,
        medianDaysToFulfil: null,
        worstDaysToFulfil: null,
      },
    ]);
    expect(q4.total).toEqual({
      clientId: '',
      clientName: 'All clients',
      requests: 4,
      met: 1,
      breached: 1,
      open: 1,
      cancelled: 1,
      metPercent: 50,
      medianDaysToFulfil: 7.5,
      worstDaysToFulfil: 10,
    });
    expect(q4.requests.map((r) => [r.id, r.clock.state, r.clock.elapsed])).toEqual([
      [firstOfQ4.id, 'met', 5],
      [late.id, 'breached', 10],
      // Counted to the cancellation on Wed 14 Oct in Hamburg: 13, 14 = 2 business days.
      [withdrawn.id, 'cancelled', 2],
      // Mon 16 Nov in Hamburg: 17, 18, 19, 20, 23, 24 = 6 of 7.
      [open.id, 'at_risk', 6],
    ]);
    expect(q4.breaches.map((r) => [r.id, r.lateReason, r.clock.late])).toEqual([[late.id, lateReason, 3]]);

    // Q3 holds only the request of 30 September, open past its due date: counted as breached, 0% met.
    const q3 = await b.ok('continuity.report', { year: 2026, quarter: 3 });
    expect(q3.requests.map((r) => r.id)).toEqual([lastOfQ3.id]);
    expect(q3.total).toMatchObject({ requests: 1, met: 0, breached: 1, open: 1, cancelled: 0, metPercent: 0, medianDaysToFulfil: null });
    expect(q3.breaches.map((r) => [r.id, r.clock.dueDate, r.lateReason])).toEqual([[lastOfQ3.id, '2026-10-09', '']]);

    const onlyNordhafen = await b.ok('continuity.report', { year: 2026, quarter: 4, clientId: nordhafen.id });
    expect(onlyNordhafen.clients.map((c) => c.clientName)).toEqual(['Nordhafen Logistik GmbH']);
    expect(onlyNordhafen.total).toMatchObject({ requests: 2, open: 1, cancelled: 1, metPercent: null });
    expect((await b.ok('continuity.report', { year: 2026, quarter: 2 })).total).toMatchObject({ requests: 0, metPercent: null });
  });

  it('exports the quarter as an .xlsx whose Summary, Requests and Breaches match the report', async () => {
    const { nordhafen, lateReason } = await quarterOfRequests();
    const report = await b.ok('continuity.report', { year: 2026, quarter: 4 });
    const file = await b.ok('continuity.export', { year: 2026, quarter: 4 });
    expect(file.fileName).toBe('keel-sla-2026-Q4.xlsx');
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.length).toBe(file.bytes);
    const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer); // exceljs declares its own Buffer type
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Requests', 'Breaches', 'About']);

    const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
    const cells = (row: ExcelJS.Row) => Array.from({ length: 9 }, (_, i) => row.getCell(i + 1).value ?? null);
    expect(cells(summary.getRow(1))).toEqual([
      'Client',
      'Requests',
      'Met',
      'Breached',
      'Open',
      'Cancelled',
      'Met %',
      'Median business days to fulfil',
      'Worst business days to fulfil',
    ]);
    const figures = (r: (typeof report)['total'], name: string) => [
      name,
      r.requests,
      r.met,
      r.breached,
      r.open,
      r.cancelled,
      r.metPercent === null ? null : r.metPercent / 100,
      r.medianDaysToFulfil,
      r.worstDaysToFulfil,
    ];
    // One row per client, a blank row, then the total.
    expect([2, 3, 5].map((n) => cells(summary.getRow(n)))).toEqual([
      figures(report.clients[0] as (typeof report)['total'], validClient.name),
      figures(report.clients[1] as (typeof report)['total'], 'Nordhafen Logistik GmbH'),
      figures(report.total, 'Total'),
    ]);
    expect(cells(summary.getRow(5))).toEqual(['Total', 4, 1, 1, 1, 1, 0.5, 7.5, 10]);
    expect(summary.getRow(4).cellCount).toBe(0);
    expect(summary.getRow(2).getCell(7).numFmt).toBe('0%');

    const requests = workbook.getWorksheet('Requests') as ExcelJS.Worksheet;
    expect(requests.rowCount).toBe(1 + report.requests.length);
    // The first of Q4 reads as submitted at 00:30 on 1 October, in Zurich.
    expect([requests.getRow(2).getCell(5).value, requests.getRow(2).getCell(6).value]).toEqual([
      new Date(Date.UTC(2026, 9, 1, 0, 30)),
      'Europe/Zurich',
    ]);
    const breaches = workbook.getWorksheet('Breaches') as ExcelJS.Worksheet;
    expect(breaches.rowCount).toBe(2);
    expect([breaches.getRow(2).getCell(3).value, breaches.getRow(2).getCell(7).value, breaches.getRow(2).getCell(9).value]).toEqual([
      'Dee Dunn',
      3,
      lateReason,
    ]);

    const scoped = await b.ok('continuity.export', { year: 2026, quarter: 4, clientId: nordhafen.id });
    expect(scoped.fileName).toBe('keel-sla-2026-Q4-nordhafen-logistik-gmbh.xlsx');
  });
});

describe('the sample data', () => {
  it('shows its replacements as computed from the recorded events: Q3 one met and one breached, Q4 one cancelled and two open', async () => {
    const loaded = await b.ok('sample.load');
    expect(loaded.replacementRequests).toBe(5);
    const all = (await b.ok('replacements.list', { state: 'all' })).rows;
    const of = (outgoing: string) => {
      const found = all.find((r) => r.outgoingSpecialistName === outgoing);
      if (!found) throw new Error(`no sample request replaces ${outgoing}`);
      return found;
    };

    // Cascade (US-WA, read in America/Los_Angeles), Claims triage with a 10-day SLA. Mon 3 Aug 09:05 PDT = 16:05 UTC.
    // Due: 4, 5, 6, 7, 10, 11, 12, 13, 14, Mon 17 Aug (10). Nikola starts Wed 12 Aug, the 7th: met; Rafael stays to
    // Fri 14 Aug, three days of hand-over.
    const rafael = of('Rafael Oliveira');
    expect([rafael.submittedAt, rafael.timeZone, rafael.submittedOn, rafael.slaBusinessDays]).toEqual([
      '2026-08-03T16:05:00.000Z',
      'America/Los_Angeles',
      '2026-08-03',
      10,
    ]);
    expect([rafael.status, rafael.replacementSpecialistName, rafael.clock.dueDate, rafael.clock.elapsed, rafael.clock.state]).toEqual([
      'fulfilled',
      'Nikola Stojanovski',
      '2026-08-17',
      7,
      'met',
    ]);
    expect([rafael.handoverDays, rafael.outgoingAllocation?.endDate, rafael.replacementAllocation?.startDate]).toEqual([
      3,
      '2026-08-14',
      '2026-08-12',
    ]);
    expect(rafael.replacementAllocation).toMatchObject({
      status: 'confirmed',
      endDate: '2026-12-31',
      engagementName: 'Claims triage model run',
    });
    expect(rafael.candidates.map((c) => [c.name, c.status, c.decidedOn])).toEqual([['Nikola Stojanovski', 'accepted', '2026-08-07']]);

    // Nordhafen (DE-HH, Europe/Berlin), Thu 10 Sep 14:30 CEST = 12:30 UTC; Mon 14 and Tue 15 Sep paused.
    // Due: Fri 11 (1), 16, 17, 18, 21, 22, Wed 23 Sep (7). Timur starts Mon 28 Sep, the 10th counted day: 3 late.
    const ioana = of('Ioana Constantinescu');
    expect([ioana.submittedAt, ioana.timeZone, ioana.clock.dueDate, ioana.clock.pausedDays]).toEqual([
      '2026-09-10T12:30:00.000Z',
      'Europe/Berlin',
      '2026-09-23',
      2,
    ]);
    expect(stateOf(ioana)).toEqual({ elapsed: 10, remaining: 0, late: 3, percentUsed: 142, state: 'breached', urgent: false });
    expect(ioana.lateReason).toBe('The first candidate was rejected; the client’s access onboarding then took three days.');
    expect([ioana.replacementSpecialistName, ioana.handoverDays]).toEqual(['Timur Rakhimov', 3]);

    // Alpenbank (CH-ZH), Mon 5 Oct, withdrawn Wed 7 Oct.
    const piotr = of('Piotr Kowalski');
    expect([piotr.status, piotr.cancelledOn, piotr.clock.state, piotr.clock.dueDate, piotr.clock.elapsed]).toEqual([
      'cancelled',
      '2026-10-07',
      'cancelled',
      '2026-10-14',
      2,
    ]);

    // Alpenbank, Wed 18 Nov 10:15 CET = 09:15 UTC; Wed 25 and Thu 26 Nov paused. Due: 19, 20, 23, 24, Fri 27, Mon 30,
    // Tue 1 Dec (7). Today 4 of 7 used = 57%: at risk, three days left.
    const agnieszka = of('Agnieszka Nowak');
    expect([agnieszka.submittedAt, agnieszka.clock.dueDate, agnieszka.clock.pausedDays, agnieszka.clock.pausedToday]).toEqual([
      '2026-11-18T09:15:00.000Z',
      '2026-12-01',
      2,
      false,
    ]);
    expect(stateOf(agnieszka)).toEqual({ elapsed: 4, remaining: 3, late: 0, percentUsed: 57, state: 'at_risk', urgent: false });
    expect(agnieszka.candidates.map((c) => [c.name, c.status])).toEqual([
      ['Tomasz Zieliński', 'rejected'],
      ['Rafael Oliveira', 'proposed'],
    ]);

    // Cascade, Fraud scoring pilot (7 days): Fri 20 Nov 16:40 PST is already Saturday 00:40 in UTC, still Friday in Seattle.
    // Due: Mon 23, 24, 25, Thanksgiving Thu 26 off, Fri 27, Mon 30, Tue 1, Wed 2 Dec (7). Today 2 of 7 = 28%: on track.
    const valentina = of('Valentina Gómez');
    expect([valentina.submittedAt, valentina.submittedOn, valentina.clock.dueDate]).toEqual([
      '2026-11-21T00:40:00.000Z',
      '2026-11-20',
      '2026-12-02',
    ]);
    expect(stateOf(valentina)).toEqual({ elapsed: 2, remaining: 5, late: 0, percentUsed: 28, state: 'on_track', urgent: false });

    // The board: the two open replacements between the sample's open roles (4 weeks = 20 business days each).
    // AML MLOps (CH-ZH, opened Mon 26 Oct): due Mon 23 Nov, one day late today. AML feature store (opened Mon 9 Nov):
    // due Mon 7 Dec, 11 of 20 used (55%, at risk), 9 left. Streaming data engineer (DE-HH, opened Fri 20 Nov): due Fri 18 Dec.
    const board = await b.ok('continuity.board', {});
    expect(board.promises.map((p) => [p.kind, p.title, p.clock.dueDate, p.clock.remaining - p.clock.late, p.clock.state])).toEqual([
      ['staffing', 'Senior MLOps engineer — AML monitoring', '2026-11-23', -1, 'breached'],
      ['replacement', 'Replace Agnieszka Nowak', '2026-12-01', 3, 'at_risk'],
      ['replacement', 'Replace Valentina Gómez', '2026-12-02', 5, 'on_track'],
      ['staffing', 'ML platform engineer — AML feature store', '2026-12-07', 9, 'at_risk'],
      ['staffing', 'Data engineer — streaming ETA features', '2026-12-18', 18, 'on_track'],
    ]);

    const q3 = await b.ok('continuity.report', { year: 2026, quarter: 3 });
    expect(
      q3.clients.map((c) => [c.clientName, c.requests, c.met, c.breached, c.metPercent, c.medianDaysToFulfil, c.worstDaysToFulfil]),
    ).toEqual([
      ['Cascade Mutual Insurance', 1, 1, 0, 100, 7, 7],
      ['Nordhafen Logistik GmbH', 1, 0, 1, 0, 10, 10],
    ]);
    expect(q3.total).toMatchObject({
      requests: 2,
      met: 1,
      breached: 1,
      open: 0,
      cancelled: 0,
      metPercent: 50,
      medianDaysToFulfil: 8.5,
      worstDaysToFulfil: 10,
    });
    expect(q3.breaches.map((r) => [r.outgoingSpecialistName, r.lateReason])).toEqual([['Ioana Constantinescu', ioana.lateReason]]);

    const q4 = await b.ok('continuity.report', { year: 2026, quarter: 4 });
    expect(q4.clients.map((c) => [c.clientName, c.requests, c.open, c.cancelled, c.metPercent])).toEqual([
      ['Alpenbank Privatbank AG', 2, 1, 1, null],
      ['Cascade Mutual Insurance', 1, 1, 0, null],
    ]);
    expect(q4.total).toMatchObject({ requests: 3, met: 0, breached: 0, open: 2, cancelled: 1, metPercent: null, medianDaysToFulfil: null });
    expect(q4.requests.map((r) => [r.outgoingSpecialistName, r.clock.state])).toEqual([
      ['Piotr Kowalski', 'cancelled'],
      ['Agnieszka Nowak', 'at_risk'],
      ['Valentina Gómez', 'on_track'],
    ]);
    expect(q4.breaches).toEqual([]);
  });
});
