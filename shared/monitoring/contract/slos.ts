import { command, query } from '@shared/kernel/define';
import { byId, expectedUpdatedAt, id, optionalText, requiredText } from '@shared/kernel/fields';
import { z } from 'zod';
import { objectiveProblem } from '../rules/evaluate';
import {
  AGGREGATIONS,
  type Aggregation,
  DIRECTIONS,
  type Direction,
  MAX_WINDOW_MINUTES,
  METRIC_KINDS,
  type MetricKind,
  MIN_WINDOW_MINUTES,
} from '../rules/vocabulary';

/** A service-level objective on a model (optionally one version or one segment), with its playbook. */
export type Slo = {
  id: string;
  modelId: string;
  modelName: string;
  clientId: string;
  engagementId: string | null;
  versionId: string | null;
  versionLabel: string | null;
  /** '' = every segment. */
  segment: string;
  kind: MetricKind;
  /** The metric's name as readings carry it ("availability", "psi.income_band"). */
  metric: string;
  unit: string;
  direction: Direction;
  target: number;
  warning: number;
  windowMinutes: number;
  aggregation: Aggregation;
  /** What to do when it trips, in order. */
  playbook: string[];
  /** The ownership duty whose holder responds ("monitoring", "incident_response"…). */
  dutyKey: string;
  createdAt: string;
  updatedAt: string;
};

/** What evaluating an SLO needs (no names, no playbook): the health of every model reads only this. */
export type SloObjective = Pick<
  Slo,
  'id' | 'modelId' | 'metric' | 'segment' | 'versionId' | 'kind' | 'direction' | 'target' | 'warning' | 'windowMinutes' | 'aggregation'
>;

/** A metric name as monitoring stacks write them: letters, digits and _ : . - / (Prometheus names fit). */
export const metricName = requiredText(100).pipe(
  z.string().regex(/^[A-Za-z_:][A-Za-z0-9_:./-]*$/, 'must start with a letter and hold only letters, digits and _ : . - /'),
);

const finite = (what: string) => z.number({ error: `must be a number (${what})` }).finite('must be a finite number');

const sloShape = {
  modelId: id,
  versionId: id.nullable().default(null),
  segment: optionalText(100).default(''),
  kind: z.enum(METRIC_KINDS, { error: 'must be one of the metric kinds Keel knows' }),
  metric: metricName,
  unit: optionalText(20).default(''),
  direction: z.enum(DIRECTIONS, { error: 'must be higher or lower (which value is better)' }),
  target: finite('the value the SLO promises'),
  warning: finite('the value that warns before a breach'),
  windowMinutes: z
    .number({ error: 'must be a whole number of minutes' })
    .int('must be a whole number of minutes')
    .min(MIN_WINDOW_MINUTES, `must be at least ${MIN_WINDOW_MINUTES} minutes`)
    .max(MAX_WINDOW_MINUTES, 'must be at most 90 days'),
  aggregation: z.enum(AGGREGATIONS, { error: 'must be mean, p95, min, max or last' }).default('mean'),
  playbook: z
    .array(requiredText(500), { error: 'must be a list of steps' })
    .min(1, 'needs at least one step: what happens when the metric trips')
    .max(20, 'may have at most 20 steps'),
  dutyKey: requiredText(60),
};

/** The thresholds must sit the right way round for the direction. */
const withObjective = <T extends z.ZodType<{ direction: Direction; target: number; warning: number }>>(schema: T) =>
  schema.superRefine((v, ctx) => {
    const problem = objectiveProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', path: ['warning'], message: problem });
  });

export const sloInput = withObjective(z.strictObject(sloShape));
/** A suggested SLO as resources/monitoring/templates.json holds it: an SLO without its model, version and segment. */
export const sloTemplate = withObjective(z.strictObject(sloShape).omit({ modelId: true, versionId: true, segment: true }));
export const sloUpdateInput = withObjective(z.strictObject({ ...sloShape, id, expectedUpdatedAt }));
export type SloInput = z.input<typeof sloInput>;

/** An SLO a model kind starts with (resources/monitoring/templates.json). */
export type SloTemplate = {
  kind: MetricKind;
  metric: string;
  unit: string;
  direction: Direction;
  target: number;
  warning: number;
  windowMinutes: number;
  aggregation: Aggregation;
  playbook: string[];
  dutyKey: string;
};

export const slosProcedures = {
  'slos.list': query<Slo[]>()('A model’s SLOs with their playbooks.', z.strictObject({ modelId: id })),
  'slos.create': command<Slo>()(
    'Add an SLO to a model: metric, direction, target and warning, evaluation window and aggregation, and the playbook with the duty that responds.',
    sloInput,
  ),
  'slos.update': command<Slo>()('Change an SLO (its past evaluations are recomputed from the readings).', sloUpdateInput),
  'slos.remove': command<{ id: string }>()('Remove an SLO; the readings stay.', byId),
  'slos.templates': query<SloTemplate[]>()('The SLOs Keel suggests for a model of its kind.', z.strictObject({ modelId: id })),
  'slos.applyTemplate': command<Slo[]>()(
    'Add the suggested SLOs of the model’s kind that it does not have yet (by metric).',
    z.strictObject({ modelId: id }),
  ),
};
