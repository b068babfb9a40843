import { m0001Initial } from './0001_initial';
import { m0002Planning } from './0002_planning';
import { m0003Billing } from './0003_billing';
import { m0004BillingGuards } from './0004_billing_guards';
import { m0005Continuity } from './0005_continuity';
import { m0006NonBillableHours } from './0006_non_billable_hours';
import { m0007Portfolio } from './0007_portfolio';
import { m0008HoursOnModel } from './0008_hours_on_model';
import { m0009ModelCard } from './0009_model_card';
import { m0010Ownership } from './0010_ownership';
import { m0011Maturity } from './0011_maturity';
import { m0012Monitoring } from './0012_monitoring';
import { m0013Ceremonies } from './0013_ceremonies';
import { m0014Operations } from './0014_operations';
import type { Migration } from './types';

/**
 * Append-only. Never edit a migration that has shipped; add the next number.
 * Each migration has its own test: test/integration/core/migrations/<file>.test.ts (migrate to N−1, insert old rows, migrate, compare).
 */
export const MIGRATIONS: readonly Migration[] = [
  m0001Initial,
  m0002Planning,
  m0003Billing,
  m0004BillingGuards,
  m0005Continuity,
  m0006NonBillableHours,
  m0007Portfolio,
  m0008HoursOnModel,
  m0009ModelCard,
  m0010Ownership,
  m0011Maturity,
  m0012Monitoring,
  m0013Ceremonies,
  m0014Operations,
];

export type { Migration } from './types';
