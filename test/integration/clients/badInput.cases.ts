import { otherClient, otherEngagement, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';

/** Helvetic's engagement with Ana; a second client whose open-ended engagement is the "other client"; an archived specialist. */
export type ClientsFixture = {
  clientId: string;
  engagementId: string;
  specialistId: string;
  otherEngagementId: string;
  archivedSpecialistId: string;
  /** Lea Novak joins on 1 Sep 2026: nothing of hers may lie before it. */
  lateJoinerId: string;
};

async function setUp(b: TestBackend): Promise<ClientsFixture> {
  const clientId = (await b.ok('clients.create', validClient)).id;
  const engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id;
  const specialistId = (await b.ok('specialists.create', { ...validSpecialist, skills: [...validSpecialist.skills] })).id;

  const otherClientId = (await b.ok('clients.create', otherClient)).id;
  const otherEngagementId = (await b.ok('engagements.create', otherEngagement(otherClientId))).id;
  const archived = await b.ok('specialists.create', { ...validSpecialist, email: 'gone@example.com', skills: ['Spark'] });
  const archivedSpecialistId = (await b.ok('specialists.archive', { id: archived.id })).id;
  const lateJoiner = { ...validSpecialist, fullName: 'Lea Novak', email: 'lea.novak@example.com', startDate: '2026-09-01', skills: [] };
  const lateJoinerId = (await b.ok('specialists.create', lateJoiner)).id;
  return { clientId, engagementId, specialistId, otherEngagementId, archivedSpecialistId, lateJoinerId };
}

function cases({ clientId, engagementId, specialistId }: ClientsFixture): CaseTable {
  const client = () => ({ ...validClient });
  const engagement = () => ({ ...validEngagement(clientId) });
  const specialist = () => ({ ...validSpecialist, skills: ['MLflow'] });
  return {
    'clients.list': [
      { why: 'unknown sort', input: { sort: 'revenue' }, code: 'invalid_input', field: 'sort' },
      { why: 'over-long search', input: { search: 'x'.repeat(201) }, code: 'invalid_input', field: 'search' },
      { why: 'invalid currency', input: { currency: 'EURO' }, code: 'invalid_input', field: 'currency' },
    ],
    'clients.get': [
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'not an id', input: { id: '42' }, code: 'invalid_input', field: 'id' },
      { why: 'missing id', input: {}, code: 'invalid_input', field: 'id' },
    ],
    'clients.create': [
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
      {
        why: 'unknown time zone',
        input: { ...client(), name: 'Other', timeZone: 'Mars/Olympus' },
        code: 'invalid_input',
        field: 'timeZone',
      },
      {
        why: 'UTC offset, not a zone',
        input: { ...client(), name: 'Other', timeZone: '+02:00' },
        code: 'invalid_input',
        field: 'timeZone',
      },
      { why: 'body is an array', input: [client()], code: 'invalid_input' },
    ],
    'clients.update': [
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
    'clients.archive': [
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'client has a running engagement', input: { id: clientId }, code: 'conflict' },
    ],
    'clients.restore': [
      { why: 'not archived', input: { id: clientId }, code: 'conflict' },
      { why: 'wrong type', input: { id: null }, code: 'invalid_input', field: 'id' },
    ],
    'engagements.list': [
      { why: 'unknown status', input: { status: 'sleeping' }, code: 'invalid_input', field: 'status' },
      { why: 'bad client id', input: { clientId: 'acme' }, code: 'invalid_input', field: 'clientId' },
    ],
    'engagements.get': [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
    'engagements.create': [
      {
        why: 'a name of zero-width spaces',
        input: { ...engagement(), name: '\u200B\u200B\u200B' },
        code: 'invalid_input',
        field: 'name',
        message: 'Name is required.',
      },
      {
        why: 'a lone surrogate in the name',
        input: { ...engagement(), name: 'Claims \uD800' },
        code: 'invalid_input',
        field: 'name',
        message: 'Name contains a broken character; type it again.',
      },
      { why: 'from year 1', input: { ...engagement(), name: 'New', startDate: '0001-01-01' }, code: 'invalid_input', field: 'startDate' },
      {
        why: 'to year 9999',
        input: { ...engagement(), name: 'New', endDate: '9999-12-31' },
        code: 'invalid_input',
        field: 'endDate',
        message: 'End date must be between 1990 and 2100.',
      },
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
      {
        why: 'SLA of 0 days',
        input: { ...engagement(), name: 'New', slaBusinessDays: 0 },
        code: 'invalid_input',
        field: 'slaBusinessDays',
      },
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
      {
        why: 'SLA as text',
        input: { ...engagement(), name: 'New', slaBusinessDays: '7' },
        code: 'invalid_input',
        field: 'slaBusinessDays',
      },
    ],
    'engagements.update': [
      { why: 'unknown id', input: { ...engagement(), id: MISSING_ID }, code: 'not_found' },
      {
        why: 'end before start',
        input: { ...engagement(), id: engagementId, endDate: '2025-01-01' },
        code: 'invalid_input',
        field: 'endDate',
      },
    ],
    'engagements.archive': [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
    'engagements.restore': [{ why: 'not archived', input: { id: engagementId }, code: 'conflict' }],
    'specialists.list': [
      { why: 'unknown region', input: { sourcingRegion: 'mars' }, code: 'invalid_input', field: 'sourcingRegion' },
      { why: 'bad direction', input: { direction: 'up' }, code: 'invalid_input', field: 'direction' },
    ],
    'specialists.get': [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
    'specialists.create': [
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
    'specialists.update': [
      { why: 'unknown id', input: { ...specialist(), id: MISSING_ID }, code: 'not_found' },
      {
        why: 'invalid start date',
        input: { ...specialist(), id: specialistId, startDate: '2026-13-01' },
        code: 'invalid_input',
        field: 'startDate',
      },
      {
        why: 'start moved past their allocations, time off and hours',
        input: { ...specialist(), id: specialistId, startDate: '2026-12-01' },
        code: 'conflict',
        field: 'startDate',
      },
    ],
    'specialists.archive': [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
    'specialists.restore': [{ why: 'not archived', input: { id: specialistId }, code: 'conflict' }],
  };
}

export const clientsBadInput: BadInputArea<object, ClientsFixture> = {
  area: 'clients',
  prefixes: ['clients', 'engagements', 'specialists'],
  setUp,
  cases,
};
