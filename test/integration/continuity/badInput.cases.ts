import { type TestBackend, validSpecialist } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';
import type { ClientsFixture } from '../clients/badInput.cases';
import type { PlanFixture } from '../plan/badInput.cases';

/**
 * An open request on Ana (a pause, one candidate accepted, one proposed), Busy's cancelled one with a pause,
 * and an open one on the open-ended engagement whose outgoing allocation ended before; Bo, free to step in.
 */
export type ContinuityFixture = {
  freeSpecialistId: string;
  replacementId: string;
  pauseId: string;
  acceptedCandidateId: string;
  proposedCandidateId: string;
  cancelledReplacementId: string;
  cancelledPauseId: string;
  openEndedReplacementId: string;
};

type Given = ClientsFixture & PlanFixture;

/** Ana leaves Helvetic's engagement, reported Monday 1 June 09:00 in Zurich. */
const replacement = ({ engagementId, specialistId }: Given) => ({
  engagementId,
  outgoingSpecialistId: specialistId,
  reason: 'resignation' as const,
  submittedDate: '2026-06-01',
  submittedTime: '09:00',
  submittedBy: 'Dr. Katrin Meier',
  notes: '',
});
/** Busy's request on the open-ended engagement, cancelled in the set-up. */
const withdrawnFields = (fx: Given) => ({
  ...replacement(fx),
  engagementId: fx.otherEngagementId,
  outgoingSpecialistId: fx.busySpecialistId,
  submittedDate: '2026-11-10',
});

async function setUp(b: TestBackend, fx: Given): Promise<ContinuityFixture> {
  const freeSpecialistId = (
    await b.ok('specialists.create', { ...validSpecialist, fullName: 'Bo Berg', email: 'bo@example.com', skills: ['dbt'] })
  ).id;
  // Ana, Monday 1 June 09:00 in Zurich; Wed 3 and Thu 4 June paused: due Fri 12 June.
  const replacementId = (await b.ok('replacements.create', replacement(fx))).id;
  const pauseId =
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
  const [acceptedCandidateId, proposedCandidateId] = proposed.candidates.map((c) => c.id) as [string, string];
  await b.ok('replacements.decideCandidate', { id: acceptedCandidateId, decision: 'accepted' });
  const cancelledReplacementId = (await b.ok('replacements.create', withdrawnFields(fx))).id;
  const cancelledPauseId =
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
  const openEnded = { ...replacement(fx), engagementId: fx.otherEngagementId, submittedDate: '2026-10-05' };
  const openEndedReplacementId = (await b.ok('replacements.create', openEnded)).id;
  return {
    freeSpecialistId,
    replacementId,
    pauseId,
    acceptedCandidateId,
    proposedCandidateId,
    cancelledReplacementId,
    cancelledPauseId,
    openEndedReplacementId,
  };
}

function cases(fx: Given & ContinuityFixture): CaseTable {
  const { engagementId, specialistId, busySpecialistId, freeSpecialistId, replacementId, pauseId, lateJoinerId } = fx;
  const { acceptedCandidateId, proposedCandidateId, cancelledReplacementId, cancelledPauseId, openEndedReplacementId } = fx;
  const pause = () => ({ requestId: replacementId, startDate: '2026-06-08', endDate: '2026-06-09', reason: 'Client away' });
  const candidate = () => ({ requestId: replacementId, name: 'Eve Evans', proposedOn: '2026-06-05' });
  const fulfil = () => ({ id: replacementId, specialistId: freeSpecialistId, startDate: '2026-06-08' });
  const thresholds = () => ({ atRiskPercent: 50, urgentPercent: 80 });
  return {
    'replacements.list': [
      { why: 'unknown state', input: { state: 'pending' }, code: 'invalid_input', field: 'state' },
      { why: 'bad engagement id', input: { engagementId: 'claims' }, code: 'invalid_input', field: 'engagementId' },
      { why: 'over-long search', input: { search: 'x'.repeat(201) }, code: 'invalid_input', field: 'search' },
    ],
    'replacements.get': [
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'not an id', input: { id: 'r-1' }, code: 'invalid_input', field: 'id' },
    ],
    'replacements.create': [
      {
        why: 'submitted in year 1',
        input: { ...replacement(fx), submittedDate: '0001-01-01' },
        code: 'invalid_input',
        field: 'submittedDate',
      },
      { why: 'missing engagement', input: { ...replacement(fx), engagementId: undefined }, code: 'invalid_input', field: 'engagementId' },
      { why: 'unknown reason', input: { ...replacement(fx), reason: 'boredom' }, code: 'invalid_input', field: 'reason' },
      { why: 'impossible date', input: { ...replacement(fx), submittedDate: '2026-02-30' }, code: 'invalid_input', field: 'submittedDate' },
      {
        why: 'date of wrong format',
        input: { ...replacement(fx), submittedDate: '01/06/2026' },
        code: 'invalid_input',
        field: 'submittedDate',
      },
      { why: 'hour 25', input: { ...replacement(fx), submittedTime: '25:00' }, code: 'invalid_input', field: 'submittedTime' },
      { why: 'hour 24', input: { ...replacement(fx), submittedTime: '24:00' }, code: 'invalid_input', field: 'submittedTime' },
      { why: 'minute 60', input: { ...replacement(fx), submittedTime: '09:60' }, code: 'invalid_input', field: 'submittedTime' },
      { why: 'time without its zero', input: { ...replacement(fx), submittedTime: '9:00' }, code: 'invalid_input', field: 'submittedTime' },
      { why: 'time as a number', input: { ...replacement(fx), submittedTime: 900 }, code: 'invalid_input', field: 'submittedTime' },
      { why: 'missing time', input: { ...replacement(fx), submittedTime: undefined }, code: 'invalid_input', field: 'submittedTime' },
      { why: 'blank submitter', input: { ...replacement(fx), submittedBy: '   ' }, code: 'invalid_input', field: 'submittedBy' },
      { why: 'over-long notes', input: { ...replacement(fx), notes: 'n'.repeat(4001) }, code: 'invalid_input', field: 'notes' },
      { why: 'unknown field', input: { ...replacement(fx), dueDate: '2026-06-10' }, code: 'invalid_input' },
      {
        why: 'submitted tomorrow',
        input: { ...replacement(fx), submittedDate: '2026-11-25' },
        code: 'invalid_input',
        field: 'submittedDate',
      },
      {
        why: 'submitted later today (it is 10:00 in Zurich)',
        input: { ...replacement(fx), submittedDate: '2026-11-24', submittedTime: '10:30' },
        code: 'invalid_input',
        field: 'submittedDate',
      },
      {
        why: 'before the engagement starts',
        input: { ...replacement(fx), submittedDate: '2026-01-30' },
        code: 'invalid_input',
        field: 'submittedDate',
      },
      {
        why: 'outgoing specialist not on the engagement',
        input: { ...replacement(fx), outgoingSpecialistId: busySpecialistId },
        code: 'invalid_input',
        field: 'outgoingSpecialistId',
      },
      { why: 'a second open request for the same person', input: { ...replacement(fx), submittedDate: '2026-06-02' }, code: 'conflict' },
      { why: 'unknown engagement', input: { ...replacement(fx), engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
      {
        why: 'unknown specialist',
        input: { ...replacement(fx), outgoingSpecialistId: MISSING_ID },
        code: 'not_found',
        field: 'outgoingSpecialistId',
      },
    ],
    'replacements.update': [
      { why: 'unknown id', input: { ...replacement(fx), id: MISSING_ID }, code: 'not_found' },
      { why: 'missing fields', input: { id: replacementId, notes: 'x' }, code: 'invalid_input' },
      {
        why: 'stale edit',
        input: { ...replacement(fx), id: replacementId, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' },
        code: 'conflict',
      },
      {
        why: 'hour 25',
        input: { ...replacement(fx), id: replacementId, submittedTime: '25:00' },
        code: 'invalid_input',
        field: 'submittedTime',
      },
      {
        why: 'moved into the future',
        input: { ...replacement(fx), id: replacementId, submittedDate: '2026-12-01' },
        code: 'invalid_input',
        field: 'submittedDate',
      },
      {
        why: 'moved after its pause began',
        input: { ...replacement(fx), id: replacementId, submittedDate: '2026-06-05' },
        code: 'conflict',
        field: 'startDate',
      },
      { why: 'cancelled request', input: { ...withdrawnFields(fx), id: cancelledReplacementId }, code: 'conflict' },
    ],
    'replacements.addPause': [
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
    'replacements.updatePause': [
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
    'replacements.deletePause': [
      { why: 'unknown pause', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'not an id', input: { id: 'pause-1' }, code: 'invalid_input', field: 'id' },
      { why: 'pause of a cancelled request', input: { id: cancelledPauseId }, code: 'conflict' },
    ],
    'replacements.proposeCandidate': [
      {
        why: 'proposed before the request',
        input: { ...candidate(), proposedOn: '2026-05-31' },
        code: 'invalid_input',
        field: 'proposedOn',
      },
      { why: 'proposed in the future', input: { ...candidate(), proposedOn: '2026-11-25' }, code: 'invalid_input', field: 'proposedOn' },
      { why: 'blank name', input: { ...candidate(), name: ' ' }, code: 'invalid_input', field: 'name' },
      { why: 'the person being replaced', input: { ...candidate(), specialistId }, code: 'conflict' },
      { why: 'unknown specialist', input: { ...candidate(), specialistId: MISSING_ID }, code: 'not_found', field: 'specialistId' },
      {
        why: 'cancelled request',
        input: { ...candidate(), requestId: cancelledReplacementId, proposedOn: '2026-11-12' },
        code: 'conflict',
      },
      { why: 'unknown request', input: { ...candidate(), requestId: MISSING_ID }, code: 'not_found' },
    ],
    'replacements.decideCandidate': [
      { why: 'unknown decision', input: { id: proposedCandidateId, decision: 'maybe' }, code: 'invalid_input', field: 'decision' },
      { why: 'a second acceptance', input: { id: proposedCandidateId, decision: 'accepted' }, code: 'conflict' },
      { why: 'already decided', input: { id: acceptedCandidateId, decision: 'rejected' }, code: 'conflict' },
      { why: 'unknown candidate', input: { id: MISSING_ID, decision: 'rejected' }, code: 'not_found' },
    ],
    'replacements.fulfil': [
      {
        why: 'started before it was submitted',
        input: { ...fulfil(), startDate: '2026-05-29' },
        code: 'invalid_input',
        field: 'startDate',
      },
      { why: 'late without a reason', input: { ...fulfil(), startDate: '2026-06-15' }, code: 'invalid_input', field: 'lateReason' },
      { why: 'end before start', input: { ...fulfil(), endDate: '2026-06-05' }, code: 'invalid_input', field: 'endDate' },
      { why: 'after the engagement ends', input: { ...fulfil(), endDate: '2027-01-31' }, code: 'invalid_input', field: 'endDate' },
      { why: 'load 0%', input: { ...fulfil(), loadPercent: 0 }, code: 'invalid_input', field: 'loadPercent' },
      { why: 'the person being replaced', input: { ...fulfil(), specialistId }, code: 'invalid_input', field: 'specialistId' },
      {
        why: 'an incoming specialist who has not joined yet',
        input: { ...fulfil(), specialistId: lateJoinerId },
        code: 'invalid_input',
        field: 'startDate',
        message: 'Lea Novak joins on 1 Sep 2026; they cannot take over before that.',
      },
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
    'replacements.cancel': [
      { why: 'missing reason', input: { id: replacementId }, code: 'invalid_input', field: 'reason' },
      { why: 'blank reason', input: { id: replacementId, reason: '  ' }, code: 'invalid_input', field: 'reason' },
      { why: 'already cancelled', input: { id: cancelledReplacementId, reason: 'Again' }, code: 'conflict' },
      { why: 'unknown request', input: { id: MISSING_ID, reason: 'x' }, code: 'not_found' },
    ],
    'continuity.board': [
      { why: 'bad client id', input: { clientId: 'acme' }, code: 'invalid_input', field: 'clientId' },
      { why: 'unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
      { why: 'unknown field', input: { engagementId }, code: 'invalid_input' },
    ],
    'continuity.report': [
      { why: 'quarter 5', input: { year: 2026, quarter: 5 }, code: 'invalid_input', field: 'quarter' },
      { why: 'quarter 0', input: { year: 2026, quarter: 0 }, code: 'invalid_input', field: 'quarter' },
      { why: 'half a quarter', input: { year: 2026, quarter: 2.5 }, code: 'invalid_input', field: 'quarter' },
      { why: 'year as text', input: { year: '2026', quarter: 4 }, code: 'invalid_input', field: 'year' },
      { why: 'year 1999', input: { year: 1999, quarter: 4 }, code: 'invalid_input', field: 'year' },
      { why: 'missing quarter', input: { year: 2026 }, code: 'invalid_input', field: 'quarter' },
      { why: 'bad client id', input: { year: 2026, quarter: 4, clientId: 'acme' }, code: 'invalid_input', field: 'clientId' },
      { why: 'unknown client', input: { year: 2026, quarter: 4, clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
    ],
    'continuity.export': [
      { why: 'quarter 5', input: { year: 2026, quarter: 5 }, code: 'invalid_input', field: 'quarter' },
      { why: 'missing year', input: { quarter: 4 }, code: 'invalid_input', field: 'year' },
      { why: 'unknown client', input: { year: 2026, quarter: 4, clientId: MISSING_ID }, code: 'not_found', field: 'clientId' },
      { why: 'unknown field', input: { year: 2026, quarter: 4, format: 'csv' }, code: 'invalid_input' },
    ],
    'continuity.settings': [{ why: 'unknown field', input: { atRiskPercent: 40 }, code: 'invalid_input' }],
    'continuity.updateSettings': [
      { why: 'urgent equal to at risk', input: { atRiskPercent: 60, urgentPercent: 60 }, code: 'invalid_input', field: 'urgentPercent' },
      { why: 'urgent below at risk', input: { atRiskPercent: 80, urgentPercent: 50 }, code: 'invalid_input', field: 'urgentPercent' },
      { why: 'at risk at 0%', input: { ...thresholds(), atRiskPercent: 0 }, code: 'invalid_input', field: 'atRiskPercent' },
      { why: 'urgent at 101%', input: { ...thresholds(), urgentPercent: 101 }, code: 'invalid_input', field: 'urgentPercent' },
      { why: 'fractional percentage', input: { ...thresholds(), atRiskPercent: 50.5 }, code: 'invalid_input', field: 'atRiskPercent' },
      { why: 'percentage as text', input: { ...thresholds(), atRiskPercent: '50' }, code: 'invalid_input', field: 'atRiskPercent' },
      { why: 'missing urgent threshold', input: { atRiskPercent: 50 }, code: 'invalid_input', field: 'urgentPercent' },
    ],
  };
}

export const continuityBadInput: BadInputArea<Given, ContinuityFixture> = {
  area: 'continuity',
  prefixes: ['replacements', 'continuity'],
  setUp,
  cases,
};
