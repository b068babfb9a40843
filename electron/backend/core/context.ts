import { AuditRepository, type NewAuditEntry } from '@backend/audit/auditRepository';
import { BillingRepository } from '@backend/billing/billingRepository';
import { InvoiceRepository } from '@backend/billing/invoiceRepository';
import { TimeEntryRepository } from '@backend/billing/timeEntryRepository';
import { ClientRepository } from '@backend/clients/clientRepository';
import { EngagementRepository } from '@backend/clients/engagementRepository';
import { SpecialistRepository } from '@backend/clients/specialistRepository';
import { ReplacementRepository } from '@backend/continuity/replacementRepository';
import { AbsenceRepository } from '@backend/plan/absenceRepository';
import { AllocationRepository } from '@backend/plan/allocationRepository';
import { StaffingRepository } from '@backend/plan/staffingRepository';
import { format } from 'date-fns';
import type { Db } from './db/connection';

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
