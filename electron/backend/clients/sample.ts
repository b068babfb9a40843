import type { SampleStep } from '@backend/core/sample';
import { createClient } from './clientService';
import { createEngagement } from './engagementService';
import { SAMPLE_CLIENTS, SAMPLE_ENGAGEMENTS, SAMPLE_SPECIALISTS } from './sampleData';
import { createSpecialist } from './specialistService';

/** The sample's clients, engagements and specialists, their dates moved to the load day. */
export const clientsSample: SampleStep = {
  area: 'clients',
  load(ctx, run) {
    for (const fields of SAMPLE_CLIENTS) run.remember(fields.name, createClient(ctx, fields).id);
    for (const { client, ...fields } of SAMPLE_ENGAGEMENTS) {
      const engagement = createEngagement(ctx, {
        ...fields,
        clientId: run.id(client),
        startDate: run.date(fields.startDate),
        endDate: fields.endDate === null ? null : run.date(fields.endDate),
        contractNotes: run.text(fields.contractNotes),
      });
      run.remember(fields.name, engagement.id);
    }
    for (const fields of SAMPLE_SPECIALISTS) {
      const specialist = createSpecialist(ctx, { ...fields, startDate: run.date(fields.startDate), dailyMinutes: 480 });
      run.remember(fields.fullName, specialist.id);
    }
    return { clients: SAMPLE_CLIENTS.length, engagements: SAMPLE_ENGAGEMENTS.length, specialists: SAMPLE_SPECIALISTS.length };
  },
};
