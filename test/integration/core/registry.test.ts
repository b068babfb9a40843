import { BACKEND_AREAS } from '@backend/areas';
import type { BackendArea, HostServices } from '@backend/core/area';
import { createContext } from '@backend/core/context';
import { openDatabase } from '@backend/core/db/connection';
import { createHookRegistry } from '@backend/core/hooks';
import { createHandlers } from '@backend/handlers';
import { procedureNames } from '@shared/contract';
import { DomainError } from '@shared/kernel/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement } from '../../support/backend';

/** The registries: every procedure has exactly one handler from the area that declares it; hooks run inside the emitter's transaction. */
const host: HostServices = {
  renderPdf: null,
  dataDir: '/nonexistent',
  appInfo: () => ({ version: 'test', schemaVersion: 0, databasePath: ':memory:', actor: 'tester', mode: 'browser' }),
  backup: async () => ({ path: '', bytes: 0 }),
  backups: () => [],
  inspectBackup: () => {
    throw new DomainError('not_found', 'No backups in this test.');
  },
  restore: () => {
    throw new DomainError('not_found', 'No backups in this test.');
  },
};
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));

function contextFor(areas: readonly BackendArea[]) {
  const { db } = openDatabase(':memory:');
  const repositories = areas.flatMap((a) => (a.repositories ? [a.repositories] : []));
  return createContext(db, { actor: 'tester', clock, repositories, hooks: createHookRegistry(areas) });
}

describe('the backend registry', () => {
  it('gives every contract procedure exactly one handler', () => {
    const handlers = createHandlers(contextFor(BACKEND_AREAS), host, BACKEND_AREAS);
    expect(Object.keys(handlers).sort()).toEqual([...procedureNames].sort());
  });

  it('refuses to start when an area is missing, implements a procedure twice, or one it does not declare', () => {
    const ctx = contextFor(BACKEND_AREAS);
    const withoutAudit = BACKEND_AREAS.filter((a) => a.id !== 'audit');
    expect(() => createHandlers(ctx, host, withoutAudit)).toThrow('No area implements audit.list, audit.undo.');
    const audit = BACKEND_AREAS.find((a) => a.id === 'audit') as BackendArea;
    expect(() => createHandlers(ctx, host, [...BACKEND_AREAS, { ...audit, id: 'again' }])).toThrow(
      'The procedure audit.list is implemented twice (again by the again area).',
    );
    const stray: BackendArea = { id: 'stray', procedures: {}, handlers: () => ({ 'clients.merge': () => ({}) }) };
    expect(() => createHandlers(ctx, host, [...BACKEND_AREAS, stray])).toThrow(
      'The stray area implements clients.merge, which it does not declare.',
    );
  });

  it('lists the areas in dependency order, each once', () => {
    const ids = BACKEND_AREAS.map((a) => a.id);
    expect(ids).toEqual([
      'clients',
      'plan',
      'continuity',
      'portfolio',
      'ownership',
      'monitoring',
      'ceremonies',
      'billing',
      'operations',
      'maturity',
      'audit',
      'app',
    ]);
  });
});

describe('backend hooks', () => {
  let b: TestBackend | null = null;
  afterEach(() => b?.dispose());

  it('run inside the emitter’s transaction: a hook that refuses rolls back the whole change', async () => {
    b = openTestBackend({ clock });
    const client = await b.ok('clients.create', validClient);
    const engagement = await b.ok('engagements.create', validEngagement(client.id));
    const specialist = await b.ok('specialists.create', {
      fullName: 'Ana Pop',
      email: 'ana@example.com',
      role: 'mlops_engineer',
      seniority: 'senior',
      homeCountry: 'RO',
      homeSubdivision: '',
      skills: ['MLflow'],
      startDate: '2026-01-05',
      status: 'active',
    });
    await b.ok('time.setCell', {
      specialistId: specialist.id,
      engagementId: engagement.id,
      date: '2026-11-23',
      activity: 'operate_monitoring',
      minutes: 60,
    });
    const audits = b.auditCount();
    const refused = await b.call('engagements.update', { ...validEngagement(client.id), id: engagement.id, currency: 'EUR' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'currency' }] } });
    expect((await b.ok('engagements.get', { id: engagement.id })).currency).toBe(engagement.currency);
    expect(b.auditCount()).toBe(audits);
    // Without hours or rates, the same change is allowed: the hook only refuses what billing holds.
    const fields = { ...validEngagement(client.id), name: 'Unbilled work' };
    const other = await b.ok('engagements.create', fields);
    const changed = await b.ok('engagements.update', { ...fields, id: other.id, currency: 'EUR' });
    expect(changed.currency).toBe('EUR');
  });

  it('run in registry order and only inside ctx.write', () => {
    const calls: string[] = [];
    const area = (id: string): BackendArea => ({
      id,
      procedures: {},
      handlers: () => ({}),
      hooks: {
        'clients.engagementUpdating': () => {
          calls.push(id);
          if (id === 'refuser') throw new DomainError('conflict', 'No.');
        },
      },
    });
    const ctx = contextFor([...BACKEND_AREAS, area('first'), area('second')]);
    const payload = { before: {}, after: {} } as never;
    expect(() => ctx.emit('clients.engagementUpdating', payload)).toThrow(/must be emitted inside ctx.write/);
    ctx.write(() => ctx.emit('clients.engagementUpdating', payload));
    expect(calls).toEqual(['first', 'second']);
  });
});
