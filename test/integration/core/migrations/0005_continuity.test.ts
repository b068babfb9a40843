import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0005', () => {
  it('reads old clients in their calendar’s zone, gives old engagements the 7-day SLA, and adds replacement tables that keep their states whole', () => {
    const file = tempDatabaseFile();
    const v4 = migrateTo(file, 4).db;
    const now = '2026-01-01T00:00:00.000Z';
    v4.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
    ).run(now, now);
    v4.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES ('e1', 'c1', 'Run', 'CHF', '2026-01-01', 'active', ?, ?)`,
    ).run(now, now);
    const specialist = v4.prepare(
      `INSERT INTO specialist (id, full_name, role, seniority, home_country, sourcing_region, start_date, status, email, created_at, updated_at)
       VALUES (?, ?, 'mlops_engineer', 'senior', 'RO', 'romania', '2026-01-05', 'active', ?, ?, ?)`,
    );
    specialist.run('s1', 'Ana Ionescu', 'ana@example.com', now, now);
    specialist.run('s2', 'Bo Berg', 'bo@example.com', now, now);
    v4.prepare(
      `INSERT INTO allocation (id, specialist_id, engagement_id, start_date, end_date, load_percent, status, created_at, updated_at)
       VALUES ('a1', 's2', 'e1', '2026-12-01', '2026-12-31', 100, 'confirmed', ?, ?)`,
    ).run(now, now);
    v4.close();

    const { db, from, to, preMigrationBackup } = migrateTo(file, 5);
    expect([from, to]).toEqual([4, 5]);
    expect(preMigrationBackup).not.toBeNull();
    // '' = the holiday calendar's own zone; 7 business days is the usual promise.
    expect(db.prepare('SELECT time_zone FROM client').get()).toEqual({ time_zone: '' });
    expect(db.prepare('SELECT sla_business_days AS sla FROM engagement').get()).toEqual({ sla: 7 });
    expect(() => db.prepare("UPDATE engagement SET sla_business_days = 0 WHERE id = 'e1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE engagement SET sla_business_days = 61 WHERE id = 'e1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE engagement SET sla_business_days = 'seven' WHERE id = 'e1'").run()).toThrow(/cannot store TEXT/);
    expect(strictTables(db)).toEqual(expect.arrayContaining(['replacement_request', 'replacement_pause', 'replacement_candidate']));

    const request = db.prepare(
      `INSERT INTO replacement_request (id, engagement_id, outgoing_specialist_id, reason, submitted_at, submitted_by, status,
         replacement_specialist_id, replacement_allocation_id, replacement_start_date, cancelled_on, created_at, updated_at)
       VALUES (?, ?, 's1', ?, '2026-11-20T15:40:00.000Z', 'Client', ?, ?, ?, ?, ?, ?, ?)`,
    );
    request.run('r1', 'e1', 'resignation', 'open', null, null, null, null, now, now);
    expect(
      db.prepare("SELECT notes, late_reason, cancel_reason, outgoing_allocation_id FROM replacement_request WHERE id = 'r1'").get(),
    ).toEqual({
      notes: '',
      late_reason: '',
      cancel_reason: '',
      outgoing_allocation_id: null,
    });
    expect(() => request.run('r2', 'e1', 'boredom', 'open', null, null, null, null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'e1', 'health', 'closed', null, null, null, null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'nope', 'health', 'open', null, null, null, null, now, now)).toThrow(/FOREIGN KEY/);
    // Fulfilled names the replacement, its allocation and its start — all three, and only when fulfilled.
    expect(() => request.run('r2', 'e1', 'health', 'fulfilled', 's2', null, '2026-12-01', null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'e1', 'health', 'fulfilled', null, 'a1', '2026-12-01', null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'e1', 'health', 'open', 's2', 'a1', '2026-12-01', null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'e1', 'health', 'fulfilled', 's2', 'nope', '2026-12-01', null, now, now)).toThrow(/FOREIGN KEY/);
    request.run('r2', 'e1', 'health', 'fulfilled', 's2', 'a1', '2026-12-01', null, now, now);
    // Cancelled carries its date, and only cancelled does.
    expect(() => request.run('r3', 'e1', 'other', 'cancelled', null, null, null, null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r3', 'e1', 'other', 'open', null, null, null, '2026-11-23', now, now)).toThrow(/CHECK/);
    request.run('r3', 'e1', 'other', 'cancelled', null, null, null, '2026-11-23', now, now);

    const pause = db.prepare(
      `INSERT INTO replacement_pause (id, request_id, start_date, end_date, reason, created_at, updated_at) VALUES (?, ?, ?, ?, 'Wait', ?, ?)`,
    );
    pause.run('p1', 'r1', '2026-11-25', '2026-11-26', now, now);
    expect(() => pause.run('p2', 'r1', '2026-11-27', '2026-11-26', now, now)).toThrow(/CHECK/);
    expect(() => pause.run('p2', 'nope', '2026-11-27', '2026-11-27', now, now)).toThrow(/FOREIGN KEY/);

    const candidate = db.prepare(
      `INSERT INTO replacement_candidate (id, request_id, name, specialist_id, proposed_on, status, decided_on, created_at, updated_at)
       VALUES (?, 'r1', 'Bo Berg', ?, '2026-11-23', ?, ?, ?, ?)`,
    );
    candidate.run('k1', 's2', 'proposed', null, now, now);
    // A decision has its date; a proposal has none.
    expect(() => candidate.run('k2', null, 'proposed', '2026-11-24', now, now)).toThrow(/CHECK/);
    expect(() => candidate.run('k2', null, 'accepted', null, now, now)).toThrow(/CHECK/);
    expect(() => candidate.run('k2', null, 'hired', '2026-11-24', now, now)).toThrow(/CHECK/);
    expect(() => candidate.run('k2', 'nobody', 'proposed', null, now, now)).toThrow(/FOREIGN KEY/);
    candidate.run('k2', null, 'rejected', '2026-11-24', now, now);
    db.close();
  });
});
