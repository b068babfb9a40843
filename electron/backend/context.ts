import type { Db } from './db/connection';
import { AuditRepository, type NewAuditEntry } from './repositories/auditRepository';
import { ClientRepository } from './repositories/clientRepository';
import { EngagementRepository } from './repositories/engagementRepository';
import { SpecialistRepository } from './repositories/specialistRepository';

export type Repositories = {
  clients: ClientRepository;
  engagements: EngagementRepository;
  specialists: SpecialistRepository;
  audit: AuditRepository;
};

/**
 * What a service needs: the repositories, who is acting, the clock, and
 * `write`, which runs a change in one IMMEDIATE transaction so a failure
 * anywhere leaves nothing behind.
 */
export type Context = {
  readonly db: Db;
  readonly repos: Repositories;
  readonly actor: string;
  /** The current instant, ISO-8601 UTC. Injected so tests control time. */
  now(): string;
  write<T>(change: (audit: (entry: NewAuditEntry) => void, at: string) => T): T;
};

export function createContext(db: Db, actor: string, clock: () => Date = () => new Date()): Context {
  const repos: Repositories = {
    clients: new ClientRepository(db),
    engagements: new EngagementRepository(db),
    specialists: new SpecialistRepository(db),
    audit: new AuditRepository(db),
  };
  const now = () => clock().toISOString();
  return {
    db,
    repos,
    actor,
    now,
    write(change) {
      return db
        .transaction(() => {
          const at = now();
          return change((entry) => repos.audit.append(entry, actor, at), at);
        })
        .immediate();
    },
  };
}
