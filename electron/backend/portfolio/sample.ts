import type { SampleStep } from '@backend/core/sample';
import { EMPTY_NARRATIVE } from '@shared/portfolio/rules/card';
import { updateCard } from './cardService';
import { createContact } from './contactService';
import { createEnvironment, deploy, listDeployments, promote, rollback } from './deploymentService';
import { createModel, moveStage } from './modelService';
import { SAMPLE_CONTACTS, SAMPLE_ENVIRONMENTS, SAMPLE_MODELS } from './sampleModels';
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
    let deployments = 0;
    const environments = new Map<string, string>();
    for (const e of SAMPLE_ENVIRONMENTS) {
      environments.set(
        `${e.engagement}/${e.name}`,
        createEnvironment(ctx, { engagementId: run.id(e.engagement), name: e.name, production: e.production }).id,
      );
    }
    // An authored instant (YYYY-MM-DDTHH:mm, UTC), moved like the dates.
    const instant = (authored: string) => `${run.date(authored.slice(0, 10))}T${authored.slice(11, 16)}:00.000Z`;
    for (const {
      client,
      engagement,
      owner,
      stages,
      versions: sampleVersions,
      deployments: sampleDeployments,
      card,
      ...fields
    } of SAMPLE_MODELS) {
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
      run.remember(model.name, model.id);
      // A person is a specialist or, when the name is a contact's, a client contact.
      const person = (name: string) => ({
        kind: SAMPLE_CONTACTS.some((c) => c.name === name) ? ('contact' as const) : ('specialist' as const),
        id: run.id(name),
      });
      const versionIds = new Map<string, string>();
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
        versionIds.set(v.label, version.id);
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
      // Deployments before the later stages: production needs its champion serving.
      for (const d of sampleDeployments ?? []) {
        const versionId = versionIds.get(d.version);
        const environmentId = engagement === null ? undefined : environments.get(`${engagement}/${d.environment}`);
        if (!versionId || !environmentId)
          throw new Error(`The sample deployment of ${fields.name} ${d.version} names an unknown version or environment.`);
        const at = instant(d.at);
        if (d.action === 'deploy')
          deploy(ctx, { modelId: model.id, versionId, environmentId, alias: d.alias, trafficPercent: null, from: at });
        else if (d.action === 'rollback') rollback(ctx, { modelId: model.id, versionId, environmentId, at, reason: d.reason });
        else {
          const challenger = listDeployments(ctx, model.id).find(
            (x) => x.versionId === versionId && x.environmentId === environmentId && x.to === null && x.alias !== 'champion',
          );
          if (!challenger) throw new Error(`The sample promotes ${fields.name} ${d.version}, which is not deployed beside the champion.`);
          promote(ctx, { id: challenger.id, at });
        }
        deployments += 1;
      }
      for (const step of later) moveStage(ctx, { id: model.id, to: step.stage, on: run.date(step.on), reason: step.reason ?? '' });
    }
    return {
      contacts: SAMPLE_CONTACTS.length,
      models: SAMPLE_MODELS.length,
      versions,
      approvals,
      environments: environments.size,
      deployments,
    };
  },
};
