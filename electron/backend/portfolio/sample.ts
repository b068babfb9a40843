import type { SampleStep } from '@backend/core/sample';
import { createContact } from './contactService';
import { createModel, moveStage } from './modelService';
import { SAMPLE_CONTACTS, SAMPLE_MODELS } from './sampleModels';

/** The sample contacts and models, through the ordinary services, their dates moved to the load day. */
export const portfolioSample: SampleStep = {
  area: 'portfolio',
  load(ctx, run) {
    for (const { client, ...fields } of SAMPLE_CONTACTS) {
      run.remember(fields.name, createContact(ctx, { ...fields, clientId: run.id(client) }).id);
    }
    for (const { client, engagement, owner, stages, ...fields } of SAMPLE_MODELS) {
      const [first, ...later] = stages;
      if (!first) throw new Error(`The sample model ${fields.name} has no stage.`);
      const model = createModel(ctx, {
        ...fields,
        clientId: run.id(client),
        engagementId: engagement === null ? null : run.id(engagement),
        businessOwnerId: owner === null ? null : run.id(owner),
        outcomeBaseline: fields.outcomeBaseline ?? null,
        outcomeTarget: fields.outcomeTarget ?? null,
        regulatedDomain: fields.regulatedDomain ?? 'none',
        useCase: fields.useCase ?? '',
        outcomeMetric: fields.outcomeMetric ?? '',
        outcomeUnit: fields.outcomeUnit ?? '',
        dataSources: fields.dataSources ?? [],
        tags: fields.tags ?? [],
        notes: fields.notes ?? '',
        repositoryLink: fields.repositoryLink ?? '',
        registryLink: fields.registryLink ?? '',
        dashboardLink: fields.dashboardLink ?? '',
        runbookLink: fields.runbookLink ?? '',
        inServiceSince: run.date(first.on),
        stage: first.stage,
      });
      for (const step of later) moveStage(ctx, { id: model.id, to: step.stage, on: run.date(step.on), reason: step.reason ?? '' });
    }
    return { contacts: SAMPLE_CONTACTS.length, models: SAMPLE_MODELS.length };
  },
};
