import { billingProcedures } from './contract/billing';
import { hoursProcedures } from './contract/hours';

/** Every procedure of the billing area: hours, rates and terms, the month close, invoices, the finance export and import. */
export const billingAreaProcedures = { ...hoursProcedures, ...billingProcedures };
