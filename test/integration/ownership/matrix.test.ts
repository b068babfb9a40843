import type { InputOf, MatrixCell, OwnershipMatrix } from '@shared/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';

/** Today is Tuesday 24 November 2026, 10:00 UTC; the clock moves a second per call. */
let now = Date.UTC(2026, 10, 24, 10, 0, 0);
const clock = () => {
  now += 1000;
  return new Date(now);
};

let b: TestBackend;
let clientId: string;
let engagementId: string;
let modelId: string;
let assetId: string;
let dashboardId: string;
let ana: string;
let ben: string;
let cara: string;
let dan: string;
let contactId: string;

const person = (id: string) => ({ kind: 'specialist' as const, id });
const onModel = (
  dutyKey: string,
  role: InputOf<'ownership.assign'>['role'],
  who: string,
  fromDate = '2026-03-02',
  toDate: string | null = null,
) =>
  ({ targetKind: 'model', targetId: modelId, dutyKey, role, person: person(who), fromDate, toDate }) satisfies InputOf<'ownership.assign'>;
const scalar = (sql: string, ...params: unknown[]) => (b.db.prepare(sql).get(...params) as { n: number }).n;

async function specialist(fullName: string, email: string, homeCountry = 'RO') {
  return (await b.ok('specialists.create', { ...validSpecialist, skills: [], fullName, email, homeCountry })).id;
}

beforeEach(async () => {
  now = Date.UTC(2026, 10, 24, 10, 0, 0);
  b = openTestBackend({ clock });
  clientId = (await b.ok('clients.create', validClient)).id; // CH-ZH
  engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id; // 2026-02-01 … 2026-12-31
  ana = await specialist('Ana Ionescu', 'ana@example.com');
  ben = await specialist('Ben Kowalski', 'ben@example.com', 'PL');
  cara = await specialist('Cara Weber', 'cara@example.com', 'DE');
  dan = await specialist('Dan Moraru', 'dan@example.com');
  const allocate = (specialistId: string, endDate: string) =>
    b.ok('allocations.create', {
      specialistId,
      engagementId,
      startDate: '2026-02-02',
      endDate,
      loadPercent: 100,
      status: 'confirmed',
      note: '',
    });
  await allocate(ana, '2026-12-31');
  await allocate(ben, '2026-12-11');
  await allocate(cara, '2026-12-31');
  contactId = (await b.ok('contacts.create', { clientId, name: 'Maria Alvarez', title: 'Director of Claims', email: 'maria@example.com' }))
    .id;
  modelId = (
    await b.ok('models.create', {
      clientId,
      engagementId,
      name: 'Claims triage classifier',
      riskTier: 'high',
      aiActCategory: 'limited',
      kind: 'deep_learning',
      serving: 'online',
      inServiceSince: '2026-03-02',
      stage: 'pilot',
    })
  ).id;
  const asset = (name: string, type: InputOf<'assets.create'>['type']) =>
    b.ok('assets.create', { engagementId, name, type, modelIds: [modelId], inServiceFrom: '2026-03-02' });
  assetId = (await asset('Claims feature pipeline', 'feature_pipeline')).id;
  dashboardId = (await asset('Claims dashboard', 'dashboard')).id;
});
afterEach(() => b.dispose());

function cellOf(matrix: OwnershipMatrix, targetId: string, dutyKey: string): MatrixCell {
  const cell = matrix.cells.find((c) => c.targetId === targetId && c.dutyKey === dutyKey);
  if (!cell) throw new Error(`no cell ${targetId} ${dutyKey}`);
  return cell;
}

describe('the matrix', () => {
  it('shows a model’s assignments on its assets as inherited, an asset’s own as an override, each as of its day', async () => {
    await b.ok('ownership.assign', onModel('incident_response', 'accountable', ana));
    await b.ok('ownership.assign', onModel('incident_response', 'backup', cara));
    await b.ok('ownership.assign', {
      ...onModel('incident_response', 'accountable', ben, '2026-06-01'),
      targetKind: 'asset',
      targetId: assetId,
    });

    const matrix = await b.ok('ownership.matrix', { engagementId, asOf: '2026-11-24' });
    expect(matrix.rows.map((r) => [r.kind, r.name])).toEqual([
      ['model', 'Claims triage classifier'],
      ['asset', 'Claims dashboard'],
      ['asset', 'Claims feature pipeline'],
    ]);
    expect(matrix.duties.map((d) => d.key)).toEqual([
      'data_ingestion',
      'training',
      'deployment',
      'monitoring',
      'incident_response',
      'rollback',
      'governance',
      'cost',
    ]);
    const byPerson = (c: { holders: { role: string; personKey: string }[] }) => c.holders.map((h) => `${h.role}:${h.personKey}`);
    expect(byPerson(cellOf(matrix, modelId, 'incident_response'))).toEqual([`accountable:specialist:${ana}`, `backup:specialist:${cara}`]);
    expect(cellOf(matrix, dashboardId, 'incident_response')).toMatchObject({ inherited: true, applicable: true });
    expect(byPerson(cellOf(matrix, dashboardId, 'incident_response'))).toEqual([
      `accountable:specialist:${ana}`,
      `backup:specialist:${cara}`,
    ]);
    expect(cellOf(matrix, assetId, 'incident_response')).toMatchObject({ inherited: false });
    expect(byPerson(cellOf(matrix, assetId, 'incident_response'))).toEqual([`accountable:specialist:${ben}`]);
    // A dashboard has no retraining.
    expect(cellOf(matrix, dashboardId, 'training')).toMatchObject({ applicable: false, holders: [] });
    expect(matrix.people.map((p) => p.initials).sort()).toEqual(['AI', 'BK', 'CW']);

    const before = await b.ok('ownership.matrix', { engagementId, asOf: '2026-05-31' });
    expect(byPerson(cellOf(before, assetId, 'incident_response'))).toEqual([`accountable:specialist:${ana}`, `backup:specialist:${cara}`]);
    expect(cellOf(before, assetId, 'incident_response').inherited).toBe(true);
    const earlier = await b.ok('ownership.matrix', { engagementId, asOf: '2026-03-01' });
    expect(cellOf(earlier, modelId, 'incident_response').holders).toEqual([]);
  });

  it('filters rows by person and by type', async () => {
    await b.ok('ownership.assign', { ...onModel('monitoring', 'accountable', ben), targetKind: 'asset', targetId: assetId });
    const benRows = await b.ok('ownership.matrix', { engagementId, person: `specialist:${ben}` });
    expect(benRows.rows.map((r) => r.name)).toEqual(['Claims feature pipeline']);
    const dashboards = await b.ok('ownership.matrix', { engagementId, type: 'dashboard' });
    expect(dashboards.rows.map((r) => r.name)).toEqual(['Claims dashboard']);
    expect(new Set(dashboards.cells.map((c) => c.targetId))).toEqual(new Set([dashboardId]));
  });
});

describe('assigning', () => {
  it('is audited under the engagement and answers "who owned it then"', async () => {
    const audits = b.auditCount();
    const { assignments, warnings } = await b.ok('ownership.assign', onModel('rollback', 'accountable', ana, '2026-03-02', '2026-06-30'));
    expect(warnings).toEqual([]);
    await b.ok('ownership.assign', onModel('rollback', 'accountable', cara, '2026-07-01'));
    expect(b.auditCount()).toBe(audits + 2);
    const row = b.db.prepare("SELECT entity_id, label FROM audit_log WHERE entity = 'assignment' ORDER BY id LIMIT 1").get();
    expect(row).toEqual({ entity_id: engagementId, label: 'Ana Ionescu: Accountable, Rollback of Claims triage classifier' });
    const history = await b.ok('ownership.assignments', { targetKind: 'model', targetId: modelId, dutyKey: 'rollback' });
    expect(history.map((a) => [a.personId, a.fromDate, a.toDate])).toEqual([
      [ana, '2026-03-02', '2026-06-30'],
      [cara, '2026-07-01', null],
    ]);
    expect(assignments[0]?.id).toBe(history[0]?.id);
  });

  it('refuses a second Accountable overlapping in time, naming the holder, and writes nothing', async () => {
    await b.ok('ownership.assign', onModel('rollback', 'accountable', ana));
    const audits = b.auditCount();
    const result = await b.call('ownership.assign', onModel('rollback', 'accountable', cara, '2026-10-01'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain('Ana Ionescu');
      expect(result.error.issues?.[0]?.path).toBe('role');
    }
    expect(b.auditCount()).toBe(audits);
    expect(scalar('SELECT count(*) AS n FROM assignment')).toBe(1);
  });

  it('refuses a specialist never on the engagement and a contact of another client; warns for days without an allocation', async () => {
    const never = await b.call('ownership.assign', onModel('cost', 'accountable', dan));
    expect(never.ok).toBe(false);
    if (!never.ok) expect(never.error.issues?.[0]?.path).toMatch(/^person/);
    const otherClientId = (await b.ok('clients.create', { ...validClient, name: 'Other AG' })).id;
    const stranger = (await b.ok('contacts.create', { clientId: otherClientId, name: 'Jana Vogt' })).id;
    const foreign = await b.call('ownership.assign', { ...onModel('cost', 'informed', dan), person: { kind: 'contact', id: stranger } });
    expect(foreign.ok).toBe(false);
    const contact = await b.ok('ownership.assign', { ...onModel('cost', 'informed', dan), person: { kind: 'contact', id: contactId } });
    expect(contact.warnings).toEqual([]);
    // Ben's allocation ends on 11 Dec: an assignment to the end of the year is saved with a warning.
    const partly = await b.ok('ownership.assign', onModel('cost', 'responsible', ben, '2026-12-01', '2026-12-31'));
    expect(partly.warnings.join(' ')).toContain('Ben Kowalski');
  });

  it('refuses dates outside the in-service period, an end before the start, and a duty that does not apply', async () => {
    const early = await b.call('ownership.assign', onModel('cost', 'accountable', ana, '2026-02-15'));
    expect(early.ok).toBe(false);
    const backwards = await b.call('ownership.assign', onModel('cost', 'accountable', ana, '2026-05-01', '2026-04-01'));
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.error.issues?.[0]?.path).toBe('toDate');
    const retraining = await b.call('ownership.assign', {
      ...onModel('training', 'accountable', ana),
      targetKind: 'asset',
      targetId: dashboardId,
    });
    expect(retraining.ok).toBe(false);
    if (!retraining.ok) expect(retraining.error.issues?.[0]?.path).toBe('dutyKey');
    expect(scalar('SELECT count(*) AS n FROM assignment')).toBe(0);
  });

  it('ends and removes assignments, each audited', async () => {
    const { assignments } = await b.ok('ownership.assign', onModel('cost', 'accountable', ana));
    const id = assignments[0]?.id ?? '';
    const ended = await b.ok('ownership.endAssignment', { id, toDate: '2026-10-31' });
    expect(ended.toDate).toBe('2026-10-31');
    expect((await b.call('ownership.endAssignment', { id, toDate: '2026-01-01' })).ok).toBe(false);
    await b.ok('ownership.removeAssignment', { id });
    expect(scalar('SELECT count(*) AS n FROM assignment')).toBe(0);
    expect(scalar("SELECT count(*) AS n FROM audit_log WHERE entity = 'assignment' AND action = 'delete'")).toBe(1);
  });

  it('gives a duty across the engagement in one go (the assets inherit it)', async () => {
    const { assignments } = await b.ok('ownership.bulkAssign', {
      engagementId,
      dutyKey: 'monitoring',
      role: 'accountable',
      person: person(cara),
      fromDate: '2026-03-02',
    });
    expect(assignments.map((a) => a.targetId)).toEqual([modelId]);
    const matrix = await b.ok('ownership.matrix', { engagementId });
    expect(cellOf(matrix, assetId, 'monitoring').holders.map((h) => h.personKey)).toEqual([`specialist:${cara}`]);
  });
});

describe('checks', () => {
  it('find the gaps with a severity and a reason, worst first', async () => {
    await b.ok('ownership.assign', onModel('incident_response', 'accountable', ben));
    await b.ok('ownership.assign', onModel('incident_response', 'responsible', ana));
    const { findings, counts } = await b.ok('ownership.findings', { engagementId, asOf: '2026-11-24' });
    const codes = findings.map((f) => f.code);
    expect(codes).toContain('no_accountable');
    expect(codes).toContain('no_backup');
    expect(codes).toContain('roll_off');
    expect(counts.error).toBe(findings.filter((f) => f.severity === 'error').length);
    const order = { error: 0, warning: 1, info: 2 };
    expect(findings.map((f) => order[f.severity])).toEqual([...findings.map((f) => order[f.severity])].sort((x, y) => x - y));
    const rollOff = findings.find((f) => f.code === 'roll_off');
    expect(rollOff).toMatchObject({ targetId: modelId, dutyKey: 'incident_response', date: '2026-12-11', personName: 'Ben Kowalski' });
    expect(rollOff?.reason).toContain('Ben Kowalski');
    // The matrix counts the same cells' findings.
    const matrix = await b.ok('ownership.matrix', { engagementId, asOf: '2026-11-24' });
    expect(cellOf(matrix, modelId, 'cost').severity).toBe('error');
  });

  it('rank models by continuity risk with every contribution listed', async () => {
    await b.ok('ownership.assign', onModel('incident_response', 'accountable', ana));
    const { models } = await b.ok('ownership.risk', { asOf: '2026-11-24' });
    expect(models).toHaveLength(1);
    const [risk] = models;
    expect(risk?.modelName).toBe('Claims triage classifier');
    expect(risk?.busFactor).toBe(1);
    expect(risk?.score).toBe(risk?.contributions.reduce((sum, c) => sum + c.points, 0));
    expect(risk?.score).toBeGreaterThan(0);
  });
});

describe('hand-overs', () => {
  it('hand everything of A to B from a day: A’s assignments end the day before, B’s begin', async () => {
    await b.ok('ownership.assign', onModel('deployment', 'accountable', ben));
    await b.ok('ownership.assign', onModel('rollback', 'responsible', ben));
    const { assignments } = await b.ok('ownership.handover', { engagementId, from: person(ben), to: person(cara), fromDate: '2026-12-07' });
    expect(assignments).toHaveLength(2);
    const history = await b.ok('ownership.assignments', { targetKind: 'model', targetId: modelId, dutyKey: 'deployment' });
    expect(history.map((a) => [a.personId, a.fromDate, a.toDate])).toEqual([
      [ben, '2026-03-02', '2026-12-06'],
      [cara, '2026-12-07', null],
    ]);
    const before = await b.ok('ownership.matrix', { engagementId, asOf: '2026-12-06' });
    expect(cellOf(before, modelId, 'deployment').holders.map((h) => h.personKey)).toEqual([`specialist:${ben}`]);
    const after = await b.ok('ownership.matrix', { engagementId, asOf: '2026-12-07' });
    expect(cellOf(after, modelId, 'deployment').holders.map((h) => h.personKey)).toEqual([`specialist:${cara}`]);
    const load = await b.ok('ownership.personLoad', { person: person(cara), asOf: '2026-12-07' });
    // The model's two duties, and their inheritance on the two assets (a dashboard has no rollback? it does not: rollback n/a).
    expect(
      load.holdings
        .filter((h) => !h.inherited)
        .map((h) => h.dutyKey)
        .sort(),
    ).toEqual(['deployment', 'rollback']);
  });

  it('fulfilling a replacement request with hand-over moves the duties in the same transaction', async () => {
    await b.ok('ownership.assign', onModel('incident_response', 'accountable', ben));
    const request = await b.ok('replacements.create', {
      engagementId,
      outgoingSpecialistId: ben,
      reason: 'resignation',
      submittedDate: '2026-11-23',
      submittedTime: '09:00',
      submittedBy: 'Engagement manager',
    });
    await b.ok('replacements.fulfil', {
      id: request.id,
      specialistId: dan,
      startDate: '2026-12-07',
      handOverDuties: true,
      lateReason: 'Notice period',
    });
    const matrix = await b.ok('ownership.matrix', { engagementId, asOf: '2026-12-07' });
    expect(cellOf(matrix, modelId, 'incident_response').holders.map((h) => h.personKey)).toEqual([`specialist:${dan}`]);
    const auditRows = b.db.prepare("SELECT action FROM audit_log WHERE entity = 'assignment' ORDER BY id").all() as { action: string }[];
    expect(auditRows.map((r) => r.action)).toEqual(['create', 'update', 'create']);
  });

  it('a refused fulfilment hands nothing over', async () => {
    await b.ok('ownership.assign', onModel('incident_response', 'accountable', ben));
    const request = await b.ok('replacements.create', {
      engagementId,
      outgoingSpecialistId: ben,
      reason: 'resignation',
      submittedDate: '2026-11-23',
      submittedTime: '09:00',
      submittedBy: 'Engagement manager',
    });
    const audits = b.auditCount();
    // A start before the request was submitted is refused by continuity; the hand-over hook never runs.
    const result = await b.call('replacements.fulfil', {
      id: request.id,
      specialistId: dan,
      startDate: '2026-11-20',
      handOverDuties: true,
    });
    expect(result.ok).toBe(false);
    expect(b.auditCount()).toBe(audits);
    expect(scalar('SELECT count(*) AS n FROM assignment WHERE person_id = ?', dan)).toBe(0);
    expect((await b.ok('replacements.get', { id: request.id })).status).toBe('open');
  });
});

describe('who responds now', () => {
  it('is the incident-response Accountable, or the Backup when the Accountable is away that day', async () => {
    await b.ok('ownership.assign', onModel('incident_response', 'accountable', ana));
    await b.ok('ownership.assign', onModel('incident_response', 'backup', cara));
    const today = await b.ok('ownership.whoResponds', { modelId, at: '2026-11-24T01:00:00.000Z' });
    expect(today.responder).toMatchObject({ id: ana, role: 'accountable', email: 'ana@example.com' });
    await b.ok('absences.create', { specialistId: ana, kind: 'vacation', startDate: '2026-11-30', endDate: '2026-12-04', note: '' });
    const away = await b.ok('ownership.whoResponds', { modelId, at: '2026-12-02T02:00:00.000Z' });
    expect(away.responder).toMatchObject({ id: cara, role: 'backup' });
    expect(away.reason).toContain('Ana Ionescu');
    // Time off over a weekend counts too: incidents happen on Saturdays.
    await b.ok('absences.create', {
      specialistId: ana,
      kind: 'other',
      startDate: '2026-12-12',
      endDate: '2026-12-13',
      note: 'Weekend on call swap',
    });
    const saturday = await b.ok('ownership.whoResponds', { modelId, at: '2026-12-12T10:00:00.000Z' });
    expect(saturday.responder).toMatchObject({ id: cara, role: 'backup' });
    const sunday = await b.ok('ownership.whoResponds', { modelId, at: '2026-12-20T10:00:00.000Z' });
    expect(sunday.responder).toMatchObject({ id: ana, role: 'accountable', title: 'MLOps engineer' });
  });
});

describe('month close', () => {
  it('records the matrix as of the month’s last day with the approval; later changes do not alter it', async () => {
    await b.ok('rates.create', { engagementId, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 15_000 });
    await b.ok('time.setCell', { specialistId: ana, engagementId, activity: 'retraining', date: '2026-10-05', minutes: 480 });
    await b.ok('ownership.assign', onModel('rollback', 'accountable', ana));
    await b.ok('months.approve', { engagementId, month: '2026-10' });
    const list = await b.ok('ownership.snapshots', { engagementId });
    expect(list.map((s) => s.month)).toEqual(['2026-10']);
    await b.ok('ownership.assign', onModel('rollback', 'backup', cara, '2026-11-01'));
    const snapshot = await b.ok('ownership.snapshot', { engagementId, month: '2026-10' });
    expect(snapshot.matrix.asOf).toBe('2026-10-31');
    expect(cellOf(snapshot.matrix, modelId, 'rollback').holders.map((h) => h.personKey)).toEqual([`specialist:${ana}`]);
    expect(snapshot.findings.length).toBeGreaterThan(0);
    expect((await b.call('ownership.snapshot', { engagementId, month: '2026-09' })).ok).toBe(false);
  });
});

describe('assets and duties', () => {
  it('an engagement adds its own duty and retires one; the matrix follows from that day', async () => {
    const duties = await b.ok('duties.create', { engagementId, name: 'Feature store hygiene', coverRequired: true });
    const own = duties.duties.find((d) => d.custom);
    expect(own).toMatchObject({ key: 'custom-1', name: 'Feature store hygiene', coverRequired: true });
    await b.ok('duties.retire', { engagementId, dutyKey: 'cost', retiredOn: '2026-11-01' });
    const matrix = await b.ok('ownership.matrix', { engagementId, asOf: '2026-11-24' });
    expect(matrix.duties.map((d) => d.key)).not.toContain('cost');
    expect(matrix.duties.map((d) => d.key)).toContain('custom-1');
    const earlier = await b.ok('ownership.matrix', { engagementId, asOf: '2026-10-31' });
    expect(earlier.duties.map((d) => d.key)).toContain('cost');
  });

  it('switching a duty on for an asset type makes the cell applicable', async () => {
    await b.ok('duties.setApplicable', { engagementId, assetType: 'dashboard', dutyKey: 'training', applicable: true });
    const matrix = await b.ok('ownership.matrix', { engagementId });
    expect(cellOf(matrix, dashboardId, 'training').applicable).toBe(true);
  });

  it('refuses an asset serving a model of another engagement, and an archived asset leaves the matrix', async () => {
    const other = (await b.ok('engagements.create', { ...validEngagement(clientId), name: 'Other' })).id;
    const refused = await b.call('assets.create', {
      engagementId: other,
      name: 'X',
      type: 'dashboard',
      modelIds: [modelId],
      inServiceFrom: '2026-03-02',
    });
    expect(refused.ok).toBe(false);
    await b.ok('assets.archive', { id: dashboardId, archived: true });
    const matrix = await b.ok('ownership.matrix', { engagementId });
    expect(matrix.rows.map((r) => r.name)).not.toContain('Claims dashboard');
    expect((await b.ok('assets.list', { engagementId, archived: 'archived' })).rows.map((a) => a.name)).toEqual(['Claims dashboard']);
  });

  it('an archived contact still named is flagged', async () => {
    await b.ok('ownership.assign', { ...onModel('governance', 'accountable', ana), person: { kind: 'contact', id: contactId } });
    await b.ok('contacts.archive', { id: contactId, archived: true });
    const { findings } = await b.ok('ownership.findings', { engagementId });
    expect(findings.some((f) => f.code === 'contact_archived' && f.personName === 'Maria Alvarez')).toBe(true);
  });
});
