import { localTime } from '@shared/ceremonies/contract/series';
import { command, query } from '@shared/kernel/define';
import { expectedUpdatedAt, id, isoDate, optionalText, requiredText } from '@shared/kernel/fields';
import { person } from '@shared/portfolio/contract/versions';
import { z } from 'zod';
import type { IncidentTimes } from '../rules/incidents';
import {
  DETECTION_SOURCES,
  type DetectionSource,
  type EntryKind,
  type IncidentSeverity,
  type IncidentState,
  type ReviewState,
  SEVERITIES,
} from '../rules/vocabulary';

export type PersonNamed = { kind: 'specialist' | 'contact'; id: string; name: string };

export type IncidentEntry = { id: string; at: string; kind: EntryKind; text: string; actor: string };

export type Incident = {
  id: string;
  modelId: string;
  modelName: string;
  clientId: string;
  clientName: string;
  engagementId: string | null;
  engagementName: string | null;
  severity: IncidentSeverity;
  title: string;
  detectedAt: string;
  detectedBy: DetectionSource;
  sloId: string | null;
  sloMetric: string | null;
  readingAt: string | null;
  readingValue: number | null;
  detail: string;
  responder: PersonNamed | null;
  /** Why the responder is who it is (the matrix's words, or the reason given for the change). */
  responderReason: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  state: IncidentState;
  times: IncidentTimes;
  rollback: { deploymentId: string; versionLabel: string; environmentName: string } | null;
  review: { seriesId: string | null; dueOn: string; startsAt: string | null; state: ReviewState } | null;
  createdAt: string;
  updatedAt: string;
};

/** An incident with its timeline and what the forms offer: people to respond, approved versions to roll back to. */
export type IncidentDetail = Incident & {
  timeline: IncidentEntry[];
  people: PersonNamed[];
  rollbackTargets: { versionId: string; versionLabel: string; environmentId: string; environmentName: string }[];
};

const instant = z.iso.datetime({ error: 'must be an instant written YYYY-MM-DDTHH:MM:SSZ', offset: false });
const step = { id, at: instant, expectedUpdatedAt };

export const openIncidentInput = z
  .strictObject({
    modelId: id,
    severity: z.enum(SEVERITIES, { error: 'must be SEV1, SEV2, SEV3 or SEV4' }),
    title: requiredText(200),
    detectedAt: instant,
    detectedBy: z.enum(DETECTION_SOURCES, { error: 'must be an SLO breach, an alert, a user report or an audit finding' }),
    sloId: id.nullable().default(null),
    detail: optionalText(4000).default(''),
    /** Someone other than the matrix's responder (needs a reason). */
    responder: person.nullable().default(null),
    responderReason: optionalText(1000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.detectedBy === 'slo_breach' && !v.sloId)
      ctx.addIssue({ code: 'custom', path: ['sloId'], message: 'names the SLO whose breach detected it' });
    if (v.detectedBy !== 'slo_breach' && v.sloId)
      ctx.addIssue({ code: 'custom', path: ['sloId'], message: 'is given only for an incident an SLO breach detected' });
  });
export type OpenIncidentFields = z.input<typeof openIncidentInput>;

export const incidentsProcedures = {
  'incidents.list': query<Incident[]>()(
    'Incidents of a client or a model (all when neither is given), open ones first, newest first.',
    z.strictObject({ clientId: id.optional(), modelId: id.optional(), open: z.boolean().default(false) }),
  ),
  'incidents.get': query<IncidentDetail>()('One incident with its timeline.', z.strictObject({ id })),
  'incidents.open': command<IncidentDetail>()(
    'Open an incident on a model. The responder is the incident-response Accountable at the detection instant (else the Backup) from the ownership matrix; naming someone else needs a reason.',
    openIncidentInput,
  ),
  'incidents.acknowledge': command<IncidentDetail>()('Record when the responder acknowledged the incident.', z.strictObject(step)),
  'incidents.note': command<IncidentDetail>()(
    'Add an entry to the incident’s timeline.',
    z.strictObject({ ...step, text: requiredText(4000) }),
  ),
  'incidents.setResponder': command<IncidentDetail>()(
    'Hand the incident to another responder, with the reason.',
    z.strictObject({ id, responder: person, reason: requiredText(1000), expectedUpdatedAt }),
  ),
  'incidents.mitigate': command<IncidentDetail>()(
    'Record the mitigation; a rollback redeploys an earlier approved version as champion in production (recorded in the portfolio).',
    z.strictObject({
      ...step,
      text: requiredText(4000),
      rollback: z.strictObject({ versionId: id, environmentId: id }).nullable().default(null),
    }),
  ),
  'incidents.resolve': command<IncidentDetail>()(
    'Resolve the incident and plan its post-incident review: a one-off ceremony of the engagement (on the day it is due unless another is given).',
    z.strictObject({
      ...step,
      text: requiredText(4000),
      review: z
        .strictObject({
          date: isoDate.nullable().default(null),
          time: localTime.default('10:00'),
          durationMinutes: z.number().int().min(15, 'must be at least 15 minutes').max(480, 'must be at most 8 hours').default(60),
        })
        .default({ date: null, time: '10:00', durationMinutes: 60 }),
    }),
  ),
};
