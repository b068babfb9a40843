import { appArea } from './app/area';
import { auditArea } from './audit/area';
import { billingArea } from './billing/area';
import { ceremoniesArea } from './ceremonies/area';
import { clientsArea } from './clients/area';
import { continuityArea } from './continuity/area';
import type { BackendArea } from './core/area';
import { maturityArea } from './maturity/area';
import { monitoringArea } from './monitoring/area';
import { operationsArea } from './operations/area';
import { ownershipArea } from './ownership/area';
import { planArea } from './plan/area';
import { portfolioArea } from './portfolio/area';

/**
 * THE backend registry: every area, in dependency order (an area may use the
 * ones before it, never the ones after — see docs/architecture.md). Adding an
 * area is one line here once its folder declares `area.ts`.
 */
const AREAS: readonly BackendArea[] = [
  clientsArea,
  planArea,
  continuityArea,
  portfolioArea,
  ownershipArea,
  monitoringArea,
  ceremoniesArea,
  billingArea,
  operationsArea,
  maturityArea,
  auditArea,
];

export const BACKEND_AREAS: readonly BackendArea[] = [...AREAS, appArea(AREAS)];
