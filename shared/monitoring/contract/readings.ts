import { command, query } from '@shared/kernel/define';
import { id, optionalText, requiredText } from '@shared/kernel/fields';
import type { ExportedFile } from '@shared/kernel/printDocument';
import { z } from 'zod';
import { type PrometheusMapping, prometheusMapping } from '../rules/readings';
import { MAX_UNMONITORED_DAYS, type ReadingSource } from '../rules/vocabulary';
import { metricName } from './slos';

/** The largest readings file taken through the app (the inbox takes larger ones from the data folder). */
export const MAX_READINGS_UPLOAD_BYTES = 10 * 1024 * 1024;

/** A batch of readings kept (or refused) from one file or one typed reading. */
export type ReadingImport = {
  id: string;
  source: ReadingSource;
  fileName: string;
  /** sha-256 of the file's bytes ('' for a typed reading). */
  sha256: string;
  /** Came through the inbox folder. */
  viaInbox: boolean;
  status: 'imported' | 'rejected';
  readings: number;
  /** New readings; the rest replaced or repeated readings already kept (same model, metric, segment, timestamp). */
  added: number;
  changed: number;
  unchanged: number;
  models: number;
  from: string | null;
  to: string | null;
  /** Why a file was refused, each problem in a sentence. */
  problems: string[];
  at: string;
  actor: string;
};

export const month = z
  .string({ error: 'must be a month written YYYY-MM, such as 2026-11' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, such as 2026-11');

export const readingImportInput = z.strictObject({
  fileName: requiredText(255),
  base64: z
    .base64({ error: 'must be the file’s content in base64' })
    .max(
      Math.ceil((MAX_READINGS_UPLOAD_BYTES * 4) / 3) + 4,
      'is too large: the file may be 10 MB at most (drop larger files in the inbox folder)',
    ),
});

export const readingInput = z.strictObject({
  modelId: id,
  metric: metricName,
  segment: optionalText(100).default(''),
  versionId: id.nullable().default(null),
  at: z.iso.datetime({ error: 'must be an ISO-8601 UTC instant', offset: true }),
  value: z.number({ error: 'must be a number' }).finite('must be a finite number'),
});

/** What the inbox folder holds and has done. */
export type InboxState = {
  /** The folder a scheduled job drops files into. */
  folder: string;
  /** Files waiting (named in the folder, not yet picked up). */
  waiting: string[];
  /** The latest files it took or refused, newest first. */
  recent: ReadingImport[];
};

export type MonitoringSettings = { unmonitoredDays: number };

export const readingsProcedures = {
  'readings.import': command<ReadingImport>()(
    'Import readings from a file: a long CSV or Excel sheet (timestamp, model, metric, value; optionally version, segment), Keel’s own readings export, or a Prometheus query_range answer (mapped by the client’s saved labels). Checked whole, all or nothing; the same reading twice is kept once.',
    readingImportInput,
  ),
  'readings.record': command<ReadingImport>()('Type one reading by hand (a manual check).', readingInput),
  'readings.export': command<ExportedFile>()(
    'A model’s readings of a month as Keel’s readings CSV (it imports back unchanged).',
    z.strictObject({ modelId: id, month }),
  ),
  'readings.imports': query<ReadingImport[]>()('The latest imports of readings, newest first.', z.strictObject({})),
  'monitoring.inbox': query<InboxState>()('The inbox folder: where it is, what waits in it, what it took or refused.', z.strictObject({})),
  'monitoring.scanInbox': command<ReadingImport[]>()(
    'Take the files waiting in the inbox now (the app also looks every few seconds).',
    z.strictObject({}),
  ),
  'monitoring.mapping': query<PrometheusMapping & { clientId: string; saved: boolean }>()(
    'How a client’s Prometheus labels name models and metrics.',
    z.strictObject({ clientId: id }),
  ),
  'monitoring.saveMapping': command<PrometheusMapping & { clientId: string; saved: boolean }>()(
    'Save how a client’s Prometheus labels name models and metrics.',
    prometheusMapping.extend({ clientId: id }),
  ),
  'monitoring.settings': query<MonitoringSettings>()(
    'How many days without a reading make a production model unmonitored.',
    z.strictObject({}),
  ),
  'monitoring.updateSettings': command<MonitoringSettings>()(
    'Change how many days without a reading make a production model unmonitored.',
    z.strictObject({
      unmonitoredDays: z
        .number({ error: 'must be a whole number of days' })
        .int('must be a whole number of days')
        .min(1, 'must be at least 1 day')
        .max(MAX_UNMONITORED_DAYS, `must be at most ${MAX_UNMONITORED_DAYS} days`),
    }),
  ),
};
export type { PrometheusMapping };
