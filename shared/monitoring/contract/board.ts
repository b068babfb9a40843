import { command, query } from '@shared/kernel/define';
import { id } from '@shared/kernel/fields';
import type { ExportedFile } from '@shared/kernel/printDocument';
import type { Role } from '@shared/ownership/rules/vocabulary';
import type { Stage } from '@shared/portfolio/rules/vocabulary';
import { z } from 'zod';
import type { Attainment } from '../rules/attainment';
import type { Aggregation, Direction, DriftStatus, Health, MetricKind, SloStatus } from '../rules/vocabulary';
import { month } from './readings';

/** Who acts on an SLO: the holder of its duty on the model at that instant (from the ownership matrix). */
export type Responder = { dutyKey: string; dutyName: string; name: string | null; role: Role | null; reason: string };

/** One SLO evaluated over its window at an instant. */
export type SloState = {
  sloId: string;
  kind: MetricKind;
  metric: string;
  segment: string;
  versionLabel: string | null;
  unit: string;
  direction: Direction;
  target: number;
  warning: number;
  aggregation: Aggregation;
  windowMinutes: number;
  status: SloStatus;
  value: number | null;
  /** [from, to) in UTC. */
  window: { from: string; to: string };
  readings: number;
  /** The readings on the wrong side of the target, worst first (at most five). */
  deciding: { at: string; value: number }[];
  playbook: string[];
  dutyKey: string;
};

/** A model as the monitoring board shows it. */
export type BoardModel = {
  modelId: string;
  modelName: string;
  clientId: string;
  clientName: string;
  stage: Stage;
  health: Health;
  drift: DriftStatus;
  lastReadingAt: string | null;
  slos: number;
  /** The SLO that decides the model's health (its worst), when it has one. */
  worst: SloState | null;
  /** Who acts on the worst SLO; filled for breaches and silent models. */
  responder: Responder | null;
};

export type MonitoringBoard = {
  at: string;
  unmonitoredDays: number;
  counts: Record<Health, number>;
  models: BoardModel[];
};

/** A model's monitoring: its SLOs now, their recent course, and its latest readings. */
export type ModelMonitoring = {
  modelId: string;
  modelName: string;
  stage: Stage;
  at: string;
  health: Health;
  drift: DriftStatus;
  silent: boolean;
  unmonitoredDays: number;
  lastReadingAt: string | null;
  /** Each SLO's course: its value at the end of each of the last 30 days, then now. */
  slos: (SloState & { responder: Responder; trend: { day: string; at: string; value: number | null; status: SloStatus }[] })[];
  /** The newest readings, newest first (at most 200). */
  readings: { at: string; metric: string; segment: string; versionLabel: string | null; value: number }[];
  totalReadings: number;
};

/** One SLO's month: attainment and its breaches with their windows. */
export type SloMonth = Attainment & {
  sloId: string;
  modelId: string;
  modelName: string;
  metric: string;
  kind: MetricKind;
  segment: string;
  unit: string;
  target: number;
  warning: number;
  direction: Direction;
  breachDays: { day: string; value: number; window: { from: string; to: string } }[];
};

/** A client's month of monitoring: SLO attainment per model, breaches and unmonitored days. */
export type ClientAttainment = {
  clientId: string;
  clientName: string;
  month: string;
  /** The days evaluated (those that have ended). */
  days: string[];
  slos: SloMonth[];
  models: { modelId: string; modelName: string; stage: Stage; unmonitoredDays: string[]; attainment: number | null }[];
};

export const boardProcedures = {
  'monitoring.board': query<MonitoringBoard>()(
    'Every watched model by health (breach, unmonitored, warning…), with its worst SLO, the playbook and who responds.',
    z.strictObject({ clientId: id.optional() }),
  ),
  'monitoring.model': query<ModelMonitoring>()(
    'One model’s SLOs over their windows, their course and its latest readings.',
    z.strictObject({ modelId: id }),
  ),
  'monitoring.attainment': query<ClientAttainment>()(
    'A client’s SLO attainment per model for a month.',
    z.strictObject({ clientId: id, month }),
  ),
  'monitoring.export': command<ExportedFile>()(
    'A client’s month as a workbook: SLO attainment per model, breaches with their windows, unmonitored days.',
    z.strictObject({ clientId: id, month }),
  ),
};
