import { clientsProcedures } from './contract/clients';
import { engagementsProcedures } from './contract/engagements';
import { referenceProcedures } from './contract/reference';
import { specialistsProcedures } from './contract/specialists';

/** Every procedure of the clients area: clients, their engagements, and the specialists. */
export const clientsAreaProcedures = { ...referenceProcedures, ...clientsProcedures, ...engagementsProcedures, ...specialistsProcedures };
