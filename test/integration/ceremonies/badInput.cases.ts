import type { TestBackend } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';
import type { ClientsFixture } from '../clients/badInput.cases';
import type { PortfolioFixture } from '../portfolio/badInput.cases';

/** A weekly Thursday review from 5 November 2026 with the 19 November occurrence recorded, and an action item raised there. */
export type CeremoniesFixture = { seriesId: string; seriesUpdatedAt: string; actionId: string };

const review = (engagementId: string, over: Record<string, unknown> = {}) => ({
  engagementId,
  type: 'model_review' as const,
  title: 'Weekly review',
  startDate: '2026-11-05',
  startTime: '10:00',
  durationMinutes: 60,
  rrule: 'FREQ=WEEKLY;BYDAY=TH',
  ...over,
});

async function setUp(b: TestBackend, fx: ClientsFixture & PortfolioFixture): Promise<CeremoniesFixture> {
  const series = await b.ok('ceremonies.create', review(fx.engagementId));
  await b.ok('ceremonies.record', { seriesId: series.id, key: '2026-11-19T10:00', status: 'held' });
  const action = await b.ok('actions.create', {
    seriesId: series.id,
    occurrenceKey: '2026-11-19T10:00',
    title: 'Check the drift report',
    owner: { kind: 'specialist', id: fx.specialistId },
    dueDate: '2026-12-01',
  });
  const fresh = await b.ok('ceremonies.get', { id: series.id });
  return { seriesId: series.id, seriesUpdatedAt: fresh.updatedAt, actionId: action.id };
}

function cases(fx: ClientsFixture & PortfolioFixture & CeremoniesFixture): CaseTable {
  const { engagementId, clientId, seriesId, actionId, specialistId } = fx;
  const schedule = { startDate: '2026-11-05', startTime: '10:00', durationMinutes: 60, rrule: 'FREQ=WEEKLY;BYDAY=TH' };
  const details = {
    type: 'model_review',
    title: 'Weekly review',
    participants: [],
    modelIds: [],
    location: '',
    meetingUrl: '',
    agenda: '',
  };
  const owner = { kind: 'specialist', id: specialistId };
  return {
    'ceremonies.list': [{ why: 'an unexpected field', input: { team: 'x' }, code: 'invalid_input' }],
    'ceremonies.get': [{ why: 'an unknown series', input: { id: MISSING_ID }, code: 'not_found' }],
    'ceremonies.options': [{ why: 'an unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' }],
    'ceremonies.create': [
      {
        why: 'an RRULE the library rejects',
        input: review(engagementId, { rrule: 'FREQ=WEEKLY;BYDAY=XX' }),
        code: 'invalid_input',
        field: 'rrule',
      },
      {
        why: 'an RRULE that yields no occurrence',
        input: review(engagementId, { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31' }),
        code: 'invalid_input',
        field: 'rrule',
      },
      {
        why: 'a COUNT that ends before today',
        input: review(engagementId, { startDate: '2026-01-01', rrule: 'FREQ=WEEKLY;COUNT=3' }),
        code: 'invalid_input',
        field: 'rrule',
      },
      { why: 'a duration of zero', input: review(engagementId, { durationMinutes: 0 }), code: 'invalid_input', field: 'durationMinutes' },
      {
        why: 'a duration above 24 hours',
        input: review(engagementId, { durationMinutes: 1500 }),
        code: 'invalid_input',
        field: 'durationMinutes',
      },
      {
        why: 'a meeting link that is not https',
        input: review(engagementId, { meetingUrl: 'http://meet.example/x' }),
        code: 'invalid_input',
        field: 'meetingUrl',
      },
      {
        why: 'a participant who does not exist',
        input: review(engagementId, { participants: [{ kind: 'contact', id: MISSING_ID, role: 'accountable' }] }),
        code: 'not_found',
        field: 'participants.0.id',
      },
      { why: 'an unknown engagement', input: review(MISSING_ID), code: 'not_found', field: 'engagementId' },
    ],
    'ceremonies.update': [
      {
        why: 'a new schedule on a series with recorded occurrences',
        input: { id: seriesId, ...details, ...schedule, startTime: '11:00' },
        code: 'conflict',
        field: 'rrule',
      },
      { why: 'an empty title', input: { id: seriesId, ...details, ...schedule, title: ' ' }, code: 'invalid_input', field: 'title' },
      {
        why: 'a stale copy',
        input: { id: seriesId, ...details, ...schedule, expectedUpdatedAt: '2026-01-01T00:00:00.000Z' },
        code: 'conflict',
      },
      {
        why: 'a model that is not the client’s',
        input: { id: seriesId, ...details, ...schedule, modelIds: [MISSING_ID] },
        code: 'invalid_input',
        field: 'modelIds.0',
      },
    ],
    'ceremonies.split': [
      {
        why: 'a key that is not an occurrence',
        input: { id: seriesId, occurrenceKey: '2026-12-01T10:00', ...schedule, startDate: '2026-12-01' },
        code: 'invalid_input',
        field: 'occurrenceKey',
      },
      {
        why: 'a key that is not a date and time',
        input: { id: seriesId, occurrenceKey: 'next week', ...schedule },
        code: 'invalid_input',
        field: 'occurrenceKey',
      },
      {
        why: 'a cut before a recorded occurrence',
        input: { id: seriesId, occurrenceKey: '2026-11-12T10:00', ...schedule, startDate: '2026-11-12' },
        code: 'conflict',
        field: 'occurrenceKey',
      },
    ],
    'ceremonies.end': [
      { why: 'a last day before the start', input: { id: seriesId, lastDate: '2026-10-01' }, code: 'invalid_input', field: 'lastDate' },
      {
        why: 'a last day before a recorded occurrence',
        input: { id: seriesId, lastDate: '2026-11-12' },
        code: 'conflict',
        field: 'lastDate',
      },
      { why: 'an unknown series', input: { id: MISSING_ID, lastDate: '2026-12-31' }, code: 'not_found' },
    ],
    'ceremonies.remove': [
      { why: 'a series with recorded occurrences', input: { id: seriesId }, code: 'conflict' },
      { why: 'an unknown series', input: { id: MISSING_ID }, code: 'not_found' },
    ],
    'ceremonies.calendar': [
      { why: 'an end before the start', input: { from: '2026-12-01', to: '2026-11-01' }, code: 'invalid_input', field: 'to' },
      { why: 'more than 93 days', input: { from: '2026-01-01', to: '2026-12-31' }, code: 'invalid_input', field: 'to' },
    ],
    'ceremonies.occurrence': [
      { why: 'a key the series does not have', input: { seriesId, key: '2026-11-18T10:00' }, code: 'not_found', field: 'key' },
      { why: 'an unknown series', input: { seriesId: MISSING_ID, key: '2026-11-19T10:00' }, code: 'not_found', field: 'seriesId' },
    ],
    'ceremonies.cancelOccurrence': [{ why: 'a recorded occurrence', input: { seriesId, key: '2026-11-19T10:00' }, code: 'conflict' }],
    'ceremonies.moveOccurrence': [
      {
        why: 'onto another occurrence of the series',
        input: { seriesId, key: '2026-12-03T10:00', date: '2026-12-10', time: '10:30' },
        code: 'conflict',
        field: 'time',
      },
      {
        why: 'a time that is not one',
        input: { seriesId, key: '2026-12-03T10:00', date: '2026-12-04', time: '4pm' },
        code: 'invalid_input',
        field: 'time',
      },
    ],
    'ceremonies.restoreOccurrence': [
      { why: 'an occurrence that was never changed', input: { seriesId, key: '2026-12-03T10:00' }, code: 'conflict' },
    ],
    'ceremonies.record': [
      { why: 'held before it began', input: { seriesId, key: '2026-12-03T10:00', status: 'held' }, code: 'invalid_input', field: 'status' },
      {
        why: 'a status Keel does not know',
        input: { seriesId, key: '2026-11-12T10:00', status: 'postponed' },
        code: 'invalid_input',
        field: 'status',
      },
      {
        why: 'a decision about another client’s model',
        input: { seriesId, key: '2026-11-12T10:00', status: 'held', decisions: [{ text: 'Go', modelId: MISSING_ID }] },
        code: 'invalid_input',
        field: 'decisions.0.modelId',
      },
    ],
    'actions.list': [{ why: 'an unknown filter value', input: { include: 'some' }, code: 'invalid_input', field: 'include' }],
    'actions.create': [
      {
        why: 'no owner',
        input: { seriesId, occurrenceKey: '2026-11-19T10:00', title: 'Do it', owner: null, dueDate: '2026-12-10' },
        code: 'invalid_input',
        field: 'owner',
      },
      {
        why: 'an owner who does not exist',
        input: {
          seriesId,
          occurrenceKey: '2026-11-19T10:00',
          title: 'Do it',
          owner: { kind: 'specialist', id: MISSING_ID },
          dueDate: '2026-12-10',
        },
        code: 'invalid_input',
        field: 'owner.id',
      },
      {
        why: 'no title',
        input: { seriesId, occurrenceKey: '2026-11-19T10:00', title: '', owner, dueDate: '2026-12-10' },
        code: 'invalid_input',
        field: 'title',
      },
    ],
    'actions.update': [
      {
        why: 'a status Keel does not know',
        input: { id: actionId, title: 'x', owner, dueDate: '2026-12-10', status: 'closed' },
        code: 'invalid_input',
        field: 'status',
      },
      {
        why: 'an unknown action item',
        input: { id: MISSING_ID, title: 'x', owner, dueDate: '2026-12-10', status: 'done' },
        code: 'not_found',
      },
    ],
    'ceremonies.health': [{ why: 'an unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'ceremonies.forModel': [{ why: 'an unknown model', input: { modelId: MISSING_ID }, code: 'not_found', field: 'modelId' }],
    'freezes.list': [{ why: 'an unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' }],
    'freezes.create': [
      {
        why: 'an end before the start',
        input: { engagementId, startsOn: '2026-12-20', endsOn: '2026-12-10', reason: 'Year end' },
        code: 'invalid_input',
        field: 'endsOn',
      },
      {
        why: 'no reason',
        input: { engagementId, startsOn: '2026-12-10', endsOn: '2026-12-20', reason: ' ' },
        code: 'invalid_input',
        field: 'reason',
      },
    ],
    'freezes.remove': [{ why: 'an unknown freeze', input: { id: MISSING_ID }, code: 'not_found' }],
    'ceremonies.exportIcs': [
      { why: 'neither a series nor an engagement', input: {}, code: 'invalid_input', field: 'seriesId' },
      { why: 'an unknown series', input: { seriesId: MISSING_ID }, code: 'not_found', field: 'seriesId' },
    ],
    'ceremonies.importIcs': [
      {
        why: 'a file that is not iCalendar',
        input: { engagementId, fileName: 'x.ics', base64: Buffer.from('hello').toString('base64') },
        code: 'invalid_input',
        field: 'base64',
      },
      {
        why: 'an unknown engagement',
        input: { engagementId: MISSING_ID, fileName: 'x.ics', base64: Buffer.from('hello').toString('base64') },
        code: 'not_found',
        field: 'engagementId',
      },
    ],
    'ceremonies.export': [
      { why: 'an end before the start', input: { clientId, from: '2026-12-01', to: '2026-11-01' }, code: 'invalid_input', field: 'to' },
      {
        why: 'an unknown client',
        input: { clientId: MISSING_ID, from: '2026-11-01', to: '2026-11-30' },
        code: 'not_found',
        field: 'clientId',
      },
    ],
    'ceremonies.settings': [{ why: 'an unexpected field', input: { days: 2 }, code: 'invalid_input' }],
    'ceremonies.updateSettings': [
      { why: 'a negative number of days', input: { missedAfterDays: -1 }, code: 'invalid_input', field: 'missedAfterDays' },
      { why: 'half a day', input: { missedAfterDays: 0.5 }, code: 'invalid_input', field: 'missedAfterDays' },
    ],
  };
}

export const ceremoniesBadInput: BadInputArea<ClientsFixture & PortfolioFixture, CeremoniesFixture> = {
  area: 'ceremonies',
  prefixes: ['ceremonies', 'actions', 'freezes'],
  setUp,
  cases,
};
