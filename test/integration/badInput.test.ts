import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorCode, type ProcedureName, procedureNames } from '../../shared/contract';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../support/backend';

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

beforeAll(async () => {
  b = openTestBackend();
  clientId = (await b.ok('clients.create', validClient)).id;
  engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id;
  specialistId = (await b.ok('specialists.create', { ...validSpecialist, skills: [...validSpecialist.skills] })).id;
});
afterAll(() => b.dispose());

const client = () => ({ ...validClient });
const engagement = () => ({ ...validEngagement(clientId) });
const specialist = () => ({ ...validSpecialist, skills: ['MLflow'] });

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
  'audit.list': () => [
    { why: 'limit too large', input: { limit: 10_000 }, code: 'invalid_input', field: 'limit' },
    { why: 'unknown entity', input: { entity: 'invoice' }, code: 'invalid_input', field: 'entity' },
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
              (SELECT max(updated_at) FROM specialist) su`,
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
