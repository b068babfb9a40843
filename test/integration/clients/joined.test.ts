import type { KeelError } from '@shared/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validAllocation, validClient, validEngagement, validSpecialist } from '../../support/backend';

/**
 * "After the person joined" on a real SQLite file: every procedure that ties a
 * specialist to days refuses a day before their start date with the clients
 * area's sentence and writes nothing (no row, no audit row); moving a start
 * date later is refused while plan, continuity or billing hold records before
 * it. Today is 24 Nov 2026; Carla Rossi joins on 1 Jun 2026.
 */

let b: TestBackend;
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 10, 24, 10, 0, tick++));
beforeEach(() => {
  tick = 0;
  b = openTestBackend({ clock });
});
afterEach(() => b.dispose());

const count = (table: string) => (b.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () => ({
  allocations: count('allocation'),
  absences: count('absence'),
  entries: count('time_entry'),
  fulfilled: (b.db.prepare("SELECT count(*) AS n FROM replacement_request WHERE status = 'fulfilled'").get() as { n: number }).n,
  audit: b.auditCount(),
});

async function refused(name: string, input: unknown): Promise<KeelError> {
  const result = await b.call(name, input);
  if (result.ok) throw new Error(`${name} should have been refused but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

const person = (fullName: string, startDate: string) =>
  b.ok('specialists.create', {
    ...validSpecialist,
    fullName,
    startDate,
    email: `${fullName.toLowerCase().replace(/ /g, '.')}@example.com`,
    skills: ['MLflow'],
  });

/** Helvetic with Claims (1 Feb to 31 Dec 2026); Ana (joined 5 Jan 2026) on it from March; Carla joins on 1 Jun 2026. */
async function setUp() {
  const helvetic = await b.ok('clients.create', validClient);
  const claims = await b.ok('engagements.create', validEngagement(helvetic.id));
  const ana = await person('Ana Ionescu', '2026-01-05');
  const carla = await person('Carla Rossi', '2026-06-01');
  const anaOnClaims = await b.ok('allocations.create', { ...validAllocation(ana.id, claims.id), endDate: '2026-12-31' });
  return { claims, ana, carla, anaOnClaims };
}

const carlaJoins = (what: string) => `Carla Rossi joins on 1 Jun 2026; ${what} cannot start before that.`;
const startIssue = [{ path: 'startDate', message: 'must be on or after 1 Jun 2026, when Carla Rossi joins' }];

describe('a day before the person joined is refused, with nothing written', () => {
  it('allocations.create and allocations.update', async () => {
    const { claims, carla } = await setUp();
    const before = counts();
    expect(await refused('allocations.create', { ...validAllocation(carla.id, claims.id), startDate: '2026-05-29' })).toEqual({
      code: 'invalid_input',
      message: carlaJoins('an allocation'),
      issues: startIssue,
    });
    expect(counts()).toEqual(before);

    const fromJune = await b.ok('allocations.create', { ...validAllocation(carla.id, claims.id), startDate: '2026-06-01' });
    const after = counts();
    const earlier = { ...validAllocation(carla.id, claims.id), id: fromJune.id, startDate: '2026-05-31' };
    expect((await refused('allocations.update', earlier)).message).toBe(carlaJoins('an allocation'));
    expect(counts()).toEqual(after);
    expect((await b.ok('allocations.get', { id: fromJune.id })).startDate).toBe('2026-06-01');
  });

  it('absences.create and absences.update', async () => {
    const { carla } = await setUp();
    const before = counts();
    const may = { specialistId: carla.id, kind: 'vacation', startDate: '2026-05-25', endDate: '2026-06-05', note: '' } as const;
    expect(await refused('absences.create', may)).toEqual({
      code: 'invalid_input',
      message: 'Carla Rossi joins on 1 Jun 2026; time off cannot start before that.',
      issues: startIssue,
    });
    expect(counts()).toEqual(before);

    const june = await b.ok('absences.create', { ...may, startDate: '2026-06-01' });
    const after = counts();
    expect((await refused('absences.update', { ...may, id: june.id })).message).toBe(
      'Carla Rossi joins on 1 Jun 2026; time off cannot start before that.',
    );
    expect(counts()).toEqual(after);
  });

  it('replacements.fulfil: the incoming specialist cannot take over before joining', async () => {
    const { claims, ana, carla } = await setUp();
    const request = await b.ok('replacements.create', {
      engagementId: claims.id,
      outgoingSpecialistId: ana.id,
      reason: 'resignation',
      submittedDate: '2026-05-22',
      submittedTime: '10:00',
      submittedBy: 'Dr. Katrin Meier',
      notes: '',
    });
    const before = counts();
    expect(await refused('replacements.fulfil', { id: request.id, specialistId: carla.id, startDate: '2026-05-27' })).toEqual({
      code: 'invalid_input',
      message: 'Carla Rossi joins on 1 Jun 2026; they cannot take over before that.',
      issues: startIssue,
    });
    expect(counts()).toEqual(before);
    expect((await b.ok('replacements.get', { id: request.id })).status).toBe('open');
    // On the day she joins it goes through.
    await b.ok('replacements.fulfil', { id: request.id, specialistId: carla.id, startDate: '2026-06-01' });
    expect(counts().fulfilled).toBe(before.fulfilled + 1);
  });

  it('time.setCell and hours.import', async () => {
    const { claims, carla } = await setUp();
    const before = counts();
    const cell = { specialistId: carla.id, engagementId: claims.id, activity: 'retraining', date: '2026-05-29', minutes: 480 } as const;
    expect(await refused('time.setCell', cell)).toEqual({
      code: 'invalid_input',
      message: 'Carla Rossi joins on 1 Jun 2026; no hours can be recorded before that.',
      issues: [{ path: 'date', message: 'is before Carla Rossi joined (1 Jun 2026)' }],
    });
    expect(counts()).toEqual(before);

    const csv = [
      'Date,Engagement ID,Specialist email,Activity,Minutes,Note',
      `2026-05-29,${claims.id},carla.rossi@example.com,Retraining,480,`,
      `2026-06-01,${claims.id},carla.rossi@example.com,Retraining,480,`,
    ].join('\n');
    const report = await b.ok('hours.import', { fileName: 'hours.csv', base64: Buffer.from(csv).toString('base64') });
    // A file with a refused row writes nothing at all.
    expect(report).toMatchObject({ imported: 0, problemCount: 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 2, message: 'Carla Rossi joins on 1 Jun 2026; no hours can be recorded before that.' }),
    ]);
    expect(counts()).toEqual(before);
  });
});

describe('moving a start date later', () => {
  it('is refused while allocations, time off, hours or a fulfilled replacement lie before the new date, naming them', async () => {
    const { claims, ana, carla } = await setUp();
    await b.ok('absences.create', { specialistId: ana.id, kind: 'vacation', startDate: '2026-04-06', endDate: '2026-04-10', note: '' });
    const cell = { specialistId: ana.id, engagementId: claims.id, activity: 'retraining', minutes: 480 } as const;
    await b.ok('time.setCell', { ...cell, date: '2026-03-03' });
    await b.ok('time.setCell', { ...cell, date: '2026-03-04' });
    const request = await b.ok('replacements.create', {
      engagementId: claims.id,
      outgoingSpecialistId: ana.id,
      reason: 'resignation',
      submittedDate: '2026-05-22',
      submittedTime: '10:00',
      submittedBy: 'Dr. Katrin Meier',
      notes: '',
    });
    await b.ok('replacements.fulfil', { id: request.id, specialistId: carla.id, startDate: '2026-06-01' });

    const anaRecord = await b.ok('specialists.get', { id: ana.id });
    const { id: _a, sourcingRegion: _s, archivedAt: _r, createdAt: _c, updatedAt: _u, ...anaFields } = anaRecord;
    const before = counts();
    expect(await refused('specialists.update', { ...anaFields, id: ana.id, startDate: '2026-07-01' })).toEqual({
      code: 'conflict',
      message:
        'Ana Ionescu’s start date cannot move to 1 Jul 2026: the allocation to Claims model operations from 2 Mar 2026; vacation from 6 Apr 2026; 2 time entries from 3 Mar 2026 to 4 Mar 2026 would lie before it. Move or remove them first, or keep an earlier start date.',
      issues: [{ path: 'startDate', message: 'cannot move past records dated before 1 Jul 2026' }],
    });
    expect(counts()).toEqual(before);
    expect((await b.ok('specialists.get', { id: ana.id })).startDate).toBe('2026-01-05');

    const carlaRecord = await b.ok('specialists.get', { id: carla.id });
    const { id: _ca, sourcingRegion: _cs, archivedAt: _cr, createdAt: _cc, updatedAt: _cu, ...carlaFields } = carlaRecord;
    expect((await refused('specialists.update', { ...carlaFields, id: carla.id, startDate: '2026-06-02' })).message).toBe(
      'Carla Rossi’s start date cannot move to 2 Jun 2026: the allocation to Claims model operations from 1 Jun 2026; the replacement of Ana Ionescu on Claims model operations from 1 Jun 2026 would lie before it. Move or remove them first, or keep an earlier start date.',
    );
    expect(counts()).toEqual(before);

    // Up to the first record, and earlier, the start date moves freely.
    expect((await b.ok('specialists.update', { ...anaFields, id: ana.id, startDate: '2026-03-02' })).startDate).toBe('2026-03-02');
    expect((await b.ok('specialists.update', { ...carlaFields, id: carla.id, startDate: '2026-05-01' })).startDate).toBe('2026-05-01');
    expect(counts().audit).toBe(before.audit + 2);
  });

  it('ignores cancelled allocations: they hold no days', async () => {
    const { ana, anaOnClaims } = await setUp();
    await b.ok('allocations.cancel', { id: anaOnClaims.id, reason: 'Postponed' });
    const {
      id: _a,
      sourcingRegion: _s,
      archivedAt: _r,
      createdAt: _c,
      updatedAt: _u,
      ...fields
    } = await b.ok('specialists.get', {
      id: ana.id,
    });
    expect((await b.ok('specialists.update', { ...fields, id: ana.id, startDate: '2026-09-01' })).startDate).toBe('2026-09-01');
  });
});
