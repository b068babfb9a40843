import { assessmentsProcedures } from './contract/assessments';
import { overviewProcedures } from './contract/overview';

/** Every procedure of the maturity area: framework versions, assessments, targets, the overview and readiness. */
export const maturityAreaProcedures = {
  ...assessmentsProcedures,
  ...overviewProcedures,
};
