import type { SampleStep } from '@backend/core/sample';
import { EMPTY_NARRATIVE } from '@shared/portfolio/rules/card';
import { updateCard } from './cardService';
import { createContact } from './contactService';
import { createModel, moveStage } from './modelService';
import { SAMPLE_CONTACTS, SAMPLE_MODELS } from './sampleModels';
import { approveVersion, createVersion } from './versionService';

/** The sample contacts and models, through the ordinary services, their dates moved to the load day. */
export const portfolioSample: SampleStep = {
  area: 'portfolio',
  load(ctx, run) {
    for (const { client, ...fields } of SAMPLE_CONTACTS) {
      run.remember(fields.name, createContact(ctx, { ...fields, clientId: run.id(client) }).id);
    }
    let versions = 0;
    let approvals = 0;
    for (const { client, engagement, owner, stages, versions: sampleVersions, card, ...fields } of SAMPLE_MODELS) {
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
      // A person is a specialist or, when the name is a contact's, a client contact.
      const person = (name: string) => ({
        kind: SAMPLE_CONTACTS.some((c) => c.name === name) ? ('contact' as const) : ('specialist' as const),
        id: run.id(name),
      });
      for (const { builtBy, approvals: decisions, ...v } of sampleVersions ?? []) {
        const version = createVersion(ctx, {
          modelId: model.id,
          label: v.label,
          builtBy: person(builtBy),
          registeredOn: run.date(v.registeredOn),
          trainingData: v.trainingData ?? '',
          evaluations: v.evaluations ?? [],
          evidence: (v.evidence ?? []).map((e) => ({ ...e, link: e.link ?? '' })),
          notes: v.notes ?? '',
        });
        versions += 1;
        for (const { approver, ...d } of decisions) {
          approveVersion(ctx, {
            versionId: version.id,
            approver: person(approver),
            decision: d.decision,
            decidedOn: run.date(d.decidedOn),
            evidenceText: d.evidenceText ?? '',
            evidenceLink: d.evidenceLink ?? '',
            conditions: d.conditions ?? '',
          });
          approvals += 1;
        }
      }
      if (card) updateCard(ctx, { id: model.id, ...EMPTY_NARRATIVE, ...card });
    }
    return { contacts: SAMPLE_CONTACTS.length, models: SAMPLE_MODELS.length, versions, approvals };
  },
};
