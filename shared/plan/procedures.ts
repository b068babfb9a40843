import { allocationsProcedures } from './contract/allocations';
import { planProcedures } from './contract/plan';
import { staffingProcedures } from './contract/staffing';

/** Every procedure of the plan area: allocations and absences, staffing requests, and the plan's views. */
export const planAreaProcedures = { ...allocationsProcedures, ...staffingProcedures, ...planProcedures };
