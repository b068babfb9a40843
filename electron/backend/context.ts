import { format } from 'date-fns';
import type { Db } from './db/connection';
import { AbsenceRepository } from './repositories/absenceRepository';
import { AllocationRepository } from './repositories/allocationRepository';
import { AuditRepository, type NewAuditEntry } from './repositories/auditRepository';
import { BillingRepository } from './repositories/billingRepository';
import { ClientRepository } from './repositories/clientRepository';
import { EngagementRepository } from './repositories/engagementRepository';
import { InvoiceRepository } from './repositories/invoiceRepository';
import { ReplacementRepository } from './repositories/replacementRepository';
import { SpecialistRepository } from './repositories/specialistRepository';
import { StaffingRepository } from './repositories/staffingRepository';
import { TimeEntryRepository } from './repositories/timeEntryRepository';

/** Appends one audit row inside the current write. */
export type Audit = (entry: NewAuditEntry) => void;

export type Repositories = {
  clients: ClientRepository;
  engagements: EngagementRepository;
  specialists: SpecialistRepository;
  allocations: AllocationRepository;
  absences: AbsenceRepository;
  staffing: StaffingRepository;
  timeEntries: TimeEntryRepository;
  billing: BillingRepository;
  invoices: InvoiceRepository;
  replacements: ReplacementRepository;
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
  /** Today's date on this machine's calendar (YYYY-MM-DD): what "today" means to the person at the desk. */
  today(): string;
  write<T>(change: (audit: Audit, at: string) => T): T;
};

export function createContext(db: Db, actor: string, clock: () => Date = () => new Date()): Context {
  const repos: Repositories = {
    clients: new ClientRepository(db),
    engagements: new EngagementRepository(db),
    specialists: new SpecialistRepository(db),
    allocations: new AllocationRepository(db),
    absences: new AbsenceRepository(db),
    staffing: new StaffingRepository(db),
    timeEntries: new TimeEntryRepository(db),
    billing: new BillingRepository(db),
    invoices: new InvoiceRepository(db),
    replacements: new ReplacementRepository(db),
    audit: new AuditRepository(db),
  };
  const now = () => clock().toISOString();
  return {
    db,
    repos,
    actor,
    now,
    today: () => format(clock(), 'yyyy-MM-dd'),
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
