import type { Db } from '@backend/core/db/connection';
import { BillingRepository } from './billingRepository';
import { InvoiceRepository } from './invoiceRepository';
import { TimeEntryRepository } from './timeEntryRepository';

declare module '@backend/core/context' {
  interface Repositories {
    timeEntries: TimeEntryRepository;
    billing: BillingRepository;
    invoices: InvoiceRepository;
  }
}

export const billingRepositories = (db: Db) => ({
  timeEntries: new TimeEntryRepository(db),
  billing: new BillingRepository(db),
  invoices: new InvoiceRepository(db),
});
