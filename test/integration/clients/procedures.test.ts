import { createClient } from '@backend/clients/clientService';
import { createEngagement } from '@backend/clients/engagementService';
import type { AuditEntry } from '@shared/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';

let b: TestBackend;
let tick = 0;
// A clock that moves 1 s per call, so updatedAt values differ between writes.
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, tick++));

beforeEach(() => {
  tick = 0;
  b = openTestBackend({ clock });
});
afterEach(() => b.dispose());

const specialist = (over: { homeCountry?: string } = {}) => ({ ...validSpecialist, skills: [...validSpecialist.skills], ...over });

describe('clients, engagements and specialists', () => {
  it('creates, reads and updates a client, with time-ordered UUIDv7 ids and timestamps', async () => {
    const created = await b.ok('clients.create', validClient);
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created).toMatchObject({ ...validClient, archivedAt: null, createdAt: '2026-11-24T09:00:00.000Z' });
    const other = await b.ok('clients.create', { ...validClient, name: 'Second' });
    expect(other.id > created.id).toBe(true);

    const updated = await b.ok('clients.update', {
      ...validClient,
      id: created.id,
      name: 'Helvetic Re',
      expectedUpdatedAt: created.updatedAt,
    });
    expect(updated.name).toBe('Helvetic Re');
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(await b.ok('clients.get', { id: created.id })).toEqual(updated);
  });

  it('refuses an update based on a stale copy (someone else changed it)', async () => {
    const c = await b.ok('clients.create', validClient);
    await b.ok('clients.update', { ...validClient, id: c.id, notes: 'first edit' });
    const stale = await b.call('clients.update', { ...validClient, id: c.id, notes: 'second edit', expectedUpdatedAt: c.updatedAt });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed by someone else/) });
    expect((await b.ok('clients.get', { id: c.id })).notes).toBe('first edit');
  });

  it('derives the sourcing region and normalises skills for a specialist', async () => {
    const s = await b.ok('specialists.create', specialist());
    expect(s).toMatchObject({ sourcingRegion: 'romania', skills: ['Kubeflow', 'MLflow'] });
    const moved = await b.ok('specialists.update', { ...specialist({ homeCountry: 'AR' }), id: s.id });
    expect(moved.sourcingRegion).toBe('latin_america');
  });

  it('lists with search, filters and sort', async () => {
    await b.ok('sample.load');
    const all = await b.ok('specialists.list', {});
    expect(all.total).toBe(16);
    expect(all.rows.map((r) => r.fullName)).toEqual([...all.rows.map((r) => r.fullName)].sort((x, y) => x.localeCompare(y)));
    expect((await b.ok('specialists.list', { search: 'popescu' })).rows.map((r) => r.fullName)).toEqual(['Andrei Popescu']);
    expect((await b.ok('specialists.list', { search: '100%_' })).total).toBe(0); // wildcards are literal
    const balkans = await b.ok('specialists.list', { sourcingRegion: 'balkans' });
    expect(balkans.rows.every((r) => r.sourcingRegion === 'balkans')).toBe(true);
    expect(balkans.total).toBe(3);
    expect((await b.ok('specialists.list', { skill: 'kubernetes' })).total).toBe(4);
    const bySeniority = await b.ok('specialists.list', { sort: 'seniority', direction: 'desc' });
    expect(bySeniority.rows[0]?.seniority).toBe('principal');

    const chf = await b.ok('clients.list', { currency: 'CHF' });
    expect(chf.rows.map((c) => [c.name, c.engagementCount, c.activeEngagementCount])).toEqual([['Alpenbank Privatbank AG', 2, 1]]);
    const alpen = chf.rows[0]?.id as string;
    const engagements = await b.ok('engagements.list', { clientId: alpen, sort: 'startDate', direction: 'desc' });
    expect(engagements.rows.map((e) => e.name)).toEqual(['AML transaction monitoring', 'Credit risk model operations']);
    expect((await b.ok('engagements.list', { status: 'paused' })).rows.map((e) => e.clientName)).toEqual(['Thameside Retail plc']);
    expect((await b.ok('engagements.list', { search: 'nordhafen' })).total).toBe(1);
  });
});

describe('audit log', () => {
  it('writes one row per change with who, when, entity, action and before/after', async () => {
    const c = await b.ok('clients.create', validClient);
    await b.ok('clients.update', { ...validClient, id: c.id, notes: 'changed' });
    const { rows } = await b.ok('audit.list', { entity: 'client' });
    expect(rows.map((r) => r.action)).toEqual(['update', 'create']);
    const [update, create] = rows as [AuditEntry, AuditEntry];
    expect(create).toMatchObject({ actor: 'tester', entity: 'client', entityId: c.id, label: validClient.name, before: null });
    expect(create.after).toMatchObject({ name: validClient.name, notes: 'Tier-1 client' });
    expect(update.before).toMatchObject({ notes: 'Tier-1 client' });
    expect(update.after).toMatchObject({ notes: 'changed' });
    expect(update.at > create.at).toBe(true);
  });

  it('pages with beforeId and filters by record', async () => {
    await b.ok('sample.load');
    const first = await b.ok('audit.list', { limit: 10 });
    expect(first.rows).toHaveLength(10);
    expect(first.hasMore).toBe(true);
    const next = await b.ok('audit.list', { limit: 10, beforeId: first.rows.at(-1)?.id });
    expect((next.rows[0]?.id as string) < (first.rows.at(-1)?.id as string)).toBe(true);
    expect((await b.ok('audit.list', { entity: 'dataset' })).rows.map((r) => r.label)).toEqual(['Sample data']);
    expect((await b.ok('audit.list', { entity: 'specialist', limit: 500 })).rows).toHaveLength(16);
  });
});

describe('archive, restore and undo', () => {
  it('archives instead of deleting, restores, and audits both', async () => {
    const s = await b.ok('specialists.create', specialist());
    const archived = await b.ok('specialists.archive', { id: s.id });
    expect(archived.archivedAt).not.toBeNull();
    expect((await b.ok('specialists.list', {})).total).toBe(0);
    expect((await b.ok('specialists.list', { archived: 'archived' })).rows.map((r) => r.id)).toEqual([s.id]);
    const restored = await b.ok('specialists.restore', { id: s.id });
    expect(restored.archivedAt).toBeNull();
    expect((await b.ok('audit.list', { entityId: s.id })).rows.map((r) => r.action)).toEqual(['restore', 'archive', 'create']);
  });

  it('undoes the latest archive from the audit log, and refuses to undo an older entry', async () => {
    const c = await b.ok('clients.create', validClient);
    await b.ok('clients.archive', { id: c.id });
    const [archiveEntry] = (await b.ok('audit.list', { entityId: c.id })).rows;
    expect(archiveEntry).toMatchObject({ action: 'archive', undoable: true });
    const undone = await b.ok('audit.undo', { auditId: archiveEntry?.id as string });
    expect(undone).toMatchObject({ action: 'restore', entityId: c.id });
    expect((await b.ok('clients.get', { id: c.id })).archivedAt).toBeNull();

    const history = (await b.ok('audit.list', { entityId: c.id })).rows;
    expect(history.map((r) => [r.action, r.undoable])).toEqual([
      ['restore', true],
      ['archive', false],
      ['create', false],
    ]);
    const again = await b.call('audit.undo', { auditId: archiveEntry?.id });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/has changed since/);
  });

  it('protects the hierarchy: no archiving a client with running work, no engagement under an archived client', async () => {
    const c = await b.ok('clients.create', validClient);
    const e = await b.ok('engagements.create', validEngagement(c.id));
    const refused = await b.call('clients.archive', { id: c.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.message).toBe(`${validClient.name} still has 1 running engagement (“${e.name}”). End or archive it first.`);

    await b.ok('engagements.archive', { id: e.id });
    await b.ok('clients.archive', { id: c.id });
    const restoreChild = await b.call('engagements.restore', { id: e.id });
    expect(restoreChild.ok).toBe(false);
    if (!restoreChild.ok) expect(restoreChild.error.message).toMatch(/is archived\. Restore the client before you restore/);
    const newChild = await b.call('engagements.create', { ...validEngagement(c.id), name: 'Another' });
    expect(newChild.ok).toBe(false);
    if (!newChild.ok) expect(newChild.error.issues).toEqual([{ path: 'clientId', message: 'is archived' }]);
  });
});

describe('archived records', () => {
  it('are read-only until restored', async () => {
    const s = await b.ok('specialists.create', specialist());
    await b.ok('specialists.archive', { id: s.id });
    const edit = await b.call('specialists.update', { ...specialist({ homeCountry: 'PL' }), id: s.id });
    expect(edit).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `${s.fullName} is archived. Restore it before changing it.` },
    });
    await b.ok('specialists.restore', { id: s.id });
    expect((await b.ok('specialists.update', { ...specialist({ homeCountry: 'PL' }), id: s.id })).sourcingRegion).toBe('poland');
  });

  it('an engagement left under an archived client cannot be made active', async () => {
    const c = await b.ok('clients.create', validClient);
    const e = await b.ok('engagements.create', { ...validEngagement(c.id), status: 'ended' });
    await b.ok('clients.archive', { id: c.id });
    const revived = await b.call('engagements.update', { ...validEngagement(c.id), id: e.id, status: 'active' });
    expect(revived.ok).toBe(false);
    if (!revived.ok) {
      expect(revived.error.message).toBe(`${validClient.name} is archived, so its engagements cannot be active. Restore the client first.`);
      expect(revived.error.issues?.[0]?.path).toBe('status');
    }
    expect(
      (await b.ok('engagements.update', { ...validEngagement(c.id), id: e.id, status: 'ended', contractNotes: 'closed' })).contractNotes,
    ).toBe('closed');
  });
});

describe('sample data offer', () => {
  it('is open only while the database has no clients, engagements or specialists', async () => {
    expect((await b.ok('app.info')).canLoadSample).toBe(true);
    await b.ok('specialists.create', specialist());
    expect((await b.ok('app.info')).canLoadSample).toBe(false);
    expect((await b.call('sample.load')).ok).toBe(false);
  });
});

describe('reference data', () => {
  it('offers only holiday calendars the contract accepts', async () => {
    const { holidayCalendars } = await b.ok('reference.get');
    expect(holidayCalendars.length).toBeGreaterThan(300);
    const client = await b.ok('clients.create', { ...validClient, holidayCalendar: 'GB-SCT' });
    expect(client.holidayCalendar).toBe('GB-SCT');
    const rejected = [];
    for (const { value } of holidayCalendars) {
      if (!/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(value)) rejected.push(value);
    }
    expect(rejected).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('a failure inside a write leaves no partial state and no audit row', () => {
    const rowsBefore = b.auditCount();
    expect(() =>
      b.ctx.write(() => {
        const c = createClient(b.ctx, { ...validClient, notes: '' });
        // Second step fails: the client above must disappear with it.
        createEngagement(b.ctx, {
          ...validEngagement(c.id),
          endDate: null,
          startDate: '2026-01-01',
          currency: 'CHF',
          name: 'x'.repeat(3),
          clientId: '01a20bb9-cb5c-7026-b14e-640086951525',
        });
      }),
    ).toThrow(/does not exist/);
    expect(b.auditCount()).toBe(rowsBefore);
    expect((b.db.prepare('SELECT count(*) AS n FROM client').get() as { n: number }).n).toBe(0);
  });

  it('sample data loads all or nothing, and only into an empty database', async () => {
    const loaded = await b.ok('sample.load');
    // 18 planned allocations, the one a filled staffing request became, and the two of the fulfilled replacements.
    // Hours follow the allocations after the replacements (1,790 before them, September to 20 November): Rafael's 118
    // entries on the claims run go (he handed over on 14 August) and Nikola's 122 come (North Macedonia: 8 Sep, 12 and
    // 23 Oct off); Ioana keeps September only (48 of 125) and Timur books from 28 September (86, Uzbekistan: 1 Oct off).
    // Two entries a weekday, three on Mondays: 1,790 − 118 + 122 − 125 + 48 + 86 = 1,803.
    expect(loaded).toEqual({
      clients: 5,
      engagements: 7,
      specialists: 16,
      allocations: 21,
      absences: 6,
      staffingRequests: 5,
      replacementRequests: 5,
      timeEntries: 1803,
      invoices: 5,
      contacts: 7,
      models: 11,
      versions: 3,
      approvals: 3,
      environments: 4,
      deployments: 5,
      assets: 8,
      assignments: 65,
      assessments: 8,
      targets: 8,
      slos: 13,
      readings: 3512,
      ceremonySeries: 4,
      ceremonyOccurrences: 37,
      actionItems: 3,
      freezes: 1,
      retrainingPolicies: 3,
      retrainingRuns: 5,
      incidents: 2,
      costLines: 24,
      costBudgets: 2,
    });
    // Records, then 5 requests created + 2 stage changes + 1 decline + 1 fill (its allocation is counted above);
    // then the 5 replacement requests: 5 created, 2 pauses, 5 candidates proposed and 4 decided, 2 fulfilled (each
    // also ending the outgoing allocation; the new allocations are counted above), 1 cancelled; then billing:
    // 5 engagements' terms, 5 × 8 role rates + 8 after the October rise + 1 override, 1,803 entries, 6 approvals, 5 invoices;
    // then the portfolio: 7 contacts, 11 models registered, 18 later stage changes, 3 versions and 3 approvals, 4 environments,
    // 5 deployments (3 deployed, 1 promoted, 1 rolled back), 1 model card narrative; then the ownership matrix: 8 assets,
    // 65 assignments (30 typed, 35 given by the bulk action), and billing's approvals record 5 matrices (the sixth
    // engagement has no model or asset); then maturity: the framework copy, 8 assessments created and answered
    // (one batch each), 7 finalised, 8 targets, 2 readiness checks; then monitoring: 13 SLOs, one batch of readings,
    // Thameside's Prometheus labels; then ceremonies: 4 series, 1 occurrence cancelled, 37 recorded, 3 action items
    // raised and 1 closed, 1 freeze; then operations: 3 retraining policies, 5 runs, 2 incidents opened, 2 acknowledged,
    // 1 note, 1 mitigated, 1 resolved with its review planned as a ceremony, Thameside's cost tags, 2 budgets, 24 costs typed;
    // then the import row.
    const replacements = 5 + 2 + 5 + 4 + 2 * 2 + 1;
    const billing = 5 + 5 * 8 + 8 + 1 + 1803 + 6 + 5;
    const portfolio = 7 + 11 + 18 + 3 + 3 + 4 + 5 + 1;
    const ownership = 8 + 65 + 5;
    const maturity = 1 + 8 + 8 + 7 + 8 + 2;
    const monitoring = 13 + 1 + 1;
    const ceremonies = 4 + 1 + 37 + 3 + 1 + 1;
    const operations = 3 + 5 + 2 + 2 + 1 + 1 + 1 + 1 + 1 + 2 + 24;
    const rows =
      5 +
      7 +
      16 +
      21 +
      6 +
      5 +
      2 +
      1 +
      1 +
      replacements +
      billing +
      portfolio +
      ownership +
      monitoring +
      ceremonies +
      operations +
      maturity +
      1;
    expect(b.auditCount()).toBe(rows);
    const info = await b.ok('app.info');
    expect(info.counts).toEqual({ clients: 5, engagements: 7, specialists: 16 });
    const twice = await b.call('sample.load');
    expect(twice.ok).toBe(false);
    expect(b.auditCount()).toBe(rows);
  });
});

describe('persistence', () => {
  it('keeps everything across a restart on the same file', async () => {
    await b.ok('sample.load');
    const before = await b.ok('app.info');
    b.close();
    const reopened = openTestBackend({ dir: b.dir });
    expect((await reopened.ok('app.info')).counts).toEqual(before.counts);
    expect(reopened.preMigrationBackup).toBeNull();
    reopened.close();
  });
});
