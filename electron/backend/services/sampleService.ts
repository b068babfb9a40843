import type { SampleLoadResult } from '../../../shared/contract';
import { DomainError } from '../../../shared/contract/errors';
import { canLoadSampleData } from '../../../shared/domain/lifecycle';
import type { Context } from '../context';
import { SAMPLE_CLIENTS, SAMPLE_ENGAGEMENTS, SAMPLE_SPECIALISTS } from '../sample/sampleData';
import { createClient } from './clientService';
import { createEngagement } from './engagementService';
import { createSpecialist } from './specialistService';

/**
 * Loads the sample dataset through the ordinary services (so it is validated
 * and audited like any other change), all in one transaction.
 */
export function loadSampleData(ctx: Context): SampleLoadResult {
  const { clients, engagements, specialists } = ctx.repos;
  if (!canLoadSampleData({ clients: clients.count(), engagements: engagements.count(), specialists: specialists.count() })) {
    throw new DomainError('conflict', 'Sample data can only be loaded into an empty database; this one already holds records.');
  }
  return ctx.write((audit) => {
    const clientIds = new Map<string, string>();
    for (const fields of SAMPLE_CLIENTS) clientIds.set(fields.name, createClient(ctx, fields).id);
    for (const { client, ...fields } of SAMPLE_ENGAGEMENTS) {
      const clientId = clientIds.get(client);
      if (!clientId) throw new Error(`Sample engagement ${fields.name} names unknown client ${client}.`);
      createEngagement(ctx, { ...fields, clientId });
    }
    for (const fields of SAMPLE_SPECIALISTS) createSpecialist(ctx, fields);
    const result = { clients: SAMPLE_CLIENTS.length, engagements: SAMPLE_ENGAGEMENTS.length, specialists: SAMPLE_SPECIALISTS.length };
    audit({ entity: 'dataset', entityId: 'sample', label: 'Sample data', action: 'import', before: null, after: result });
    return result;
  });
}
