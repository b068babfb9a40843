import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { ParsedInputOf } from '@shared/contract';
import { DomainError, unknownReference } from '@shared/kernel/errors';
import type { ReadingImport } from '@shared/monitoring/contract/readings';
import {
  type KnownModel,
  MAX_LISTED_PROBLEMS,
  modelFinder,
  type PrometheusAnswer,
  type RawReading,
  type ReadingCheck,
  readingChecker,
  readingsOfPrometheus,
  unmappedSeries,
} from '@shared/monitoring/rules/readings';
import type { ReadingSource } from '@shared/monitoring/rules/vocabulary';
import { ReadingColumns } from './readingColumns';
import { type FileBytes, openReadingFile } from './readingFiles';

/** A refusal that lists every problem found (the first twenty) under one sentence. */
export class ReadingsRefused extends DomainError {
  constructor(
    readonly problems: string[],
    readonly source: ReadingSource | null,
  ) {
    super(
      'invalid_input',
      problems.length === 1
        ? `Nothing was imported: ${problems[0]}`
        : `Nothing was imported: the file has ${problems.length} problems. ${problems.slice(0, 3).join(' ')}`,
      problems.map((message) => ({ path: 'file', message })),
    );
  }
}

function refusedFrom(error: unknown, source: ReadingSource | null): ReadingsRefused {
  if (error instanceof ReadingsRefused) return error;
  if (error instanceof DomainError) return new ReadingsRefused([error.message], source);
  throw error;
}

/** Every model a reading may name, with the metrics its SLOs watch. */
function knownModels(ctx: Context): KnownModel[] {
  const metrics = ctx.repos.monitoring.watchedMetrics(null);
  return ctx.repos.monitoring.knownModels().map((m) => ({
    id: m.id,
    name: m.name,
    clientId: m.clientId,
    clientName: m.clientName,
    metrics: metrics.get(m.id) ?? new Set<string>(),
    versions: new Map(m.versions.flatMap(([label, id]) => [[label.toLowerCase(), id] as [string, string], [id, id] as [string, string]])),
  }));
}

/**
 * A Prometheus answer's readings, through the one client's saved mapping under which every series names one of
 * its models. Series no mapping places are listed; an answer two clients' mappings both place is ambiguous.
 */
function prometheusReadings(ctx: Context, answer: PrometheusAnswer, known: KnownModel[]): { readings: RawReading[]; models: KnownModel[] } {
  const mappings = ctx.repos.monitoring.mappings();
  if (mappings.size === 0) {
    throw new ReadingsRefused(
      [
        'No client has a Prometheus label mapping yet. Save one (Monitoring → Inbox & imports) so Keel knows which labels name the model and the metric.',
      ],
      'prometheus',
    );
  }
  const candidates = [...mappings].map(([clientId, mapping]) => {
    const models = known.filter((m) => m.clientId === clientId);
    const find = modelFinder(models);
    return { clientId, mapping, models, unmapped: unmappedSeries(answer, mapping, (name) => typeof find(name) !== 'string') };
  });
  const fits = candidates.filter((c) => c.unmapped.length === 0);
  if (fits.length > 1) {
    const names = fits.map((f) => f.models[0]?.clientName ?? f.clientId).join(' and ');
    throw new ReadingsRefused(
      [
        `Its series name models of ${names} under their label mappings; Keel cannot tell whose readings these are. Use model ids as label values.`,
      ],
      'prometheus',
    );
  }
  const fit = fits[0];
  if (!fit) {
    const best = candidates.sort((a, b) => a.unmapped.length - b.unmapped.length)[0] as (typeof candidates)[number];
    const clientName = best.models[0]?.clientName ?? 'the client';
    const listed = best.unmapped.slice(0, 20);
    throw new ReadingsRefused(
      [
        `These series map to no model of ${clientName} (label “${best.mapping.modelLabel}”): ${listed.join(', ')}${best.unmapped.length > listed.length ? ` and ${best.unmapped.length - listed.length} more` : ''}.`,
      ],
      'prometheus',
    );
  }
  return { readings: readingsOfPrometheus(answer, fit.mapping), models: fit.models };
}

async function sha256Of(file: FileBytes): Promise<string> {
  const hash = createHash('sha256');
  if ('bytes' in file) return hash.update(file.bytes).digest('hex');
  for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `sha256` when the caller has already hashed the file (the inbox does, to recognise a file it took before). */
export type ImportRequest = { fileName: string; file: FileBytes; viaInbox: boolean; sha256?: string };

/** Readings checked between two turns of the event loop: other calls run in between. */
const CHECK_SLICE = 5_000;

/**
 * Imports a file of readings, all or nothing. First it is read and checked, streamed a slice at a time with the
 * event loop handed back between slices (other calls go on), into compact columns; any problem refuses the whole
 * file, listing them (the first twenty), and nothing is written. Then the checked readings are kept in one short
 * transaction, which refuses the file if it states the same reading twice. A reading already kept with the same
 * value is unchanged; with another value it is replaced (the stack's latest word on that instant).
 */
export async function importReadings(ctx: Context, request: ImportRequest): Promise<ReadingImport> {
  let source: ReadingSource | null = null;
  try {
    const sha256 = request.sha256 ?? (await sha256Of(request.file));
    const opened = await openReadingFile(request.file);
    source = opened.source;
    const known = knownModels(ctx);
    const { readings, models } =
      opened.source === 'prometheus' ? prometheusReadings(ctx, opened.answer, known) : { readings: opened.readings(), models: known };
    const columns = await checked(readings, readingChecker(models, Date.parse(ctx.now())), opened.source);
    return keep(ctx, { ...request, source: opened.source, sha256 }, columns);
  } catch (error) {
    throw refusedFrom(error, source);
  }
}

/** Every reading checked into columns, yielding to the event loop between slices; all problems listed, or none. */
async function checked(readings: Iterable<RawReading>, check: ReadingCheck, source: ReadingSource): Promise<ReadingColumns> {
  const columns = new ReadingColumns();
  const problems: string[] = [];
  let more = 0;
  let n = 0;
  for (const raw of readings) {
    const c = check(raw);
    if (typeof c === 'string') {
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push(c);
      else more += 1;
    } else if (problems.length === 0) {
      columns.push(c);
    }
    if (++n % CHECK_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (problems.length > 0) throw new ReadingsRefused(more > 0 ? [...problems, `…and ${more} more problems.`] : problems, source);
  if (columns.length === 0) throw new ReadingsRefused(['The file holds no readings.'], source);
  return columns;
}

type Batch = { fileName: string; viaInbox: boolean; source: ReadingSource; sha256: string };

/**
 * Keeps checked readings in one transaction with one import record and one audit row. The models and metrics
 * were checked moments ago; SQLite's foreign keys refuse a model deleted since. A file stating the same reading
 * twice is refused here (the second meets the first), rolling everything back.
 */
function keep(ctx: Context, batch: Batch, columns: ReadingColumns): ReadingImport {
  const repo = ctx.repos.monitoring;
  repo.forgetSeries();
  try {
    return ctx.write((audit, at) => {
      const id = newId();
      const seriesIds = columns.seriesKeys.map((k) => repo.seriesId(k.modelId, k.metric, k.segment));
      const counts = { readings: columns.length, added: 0, changed: 0 };
      let firstAt = Number.POSITIVE_INFINITY;
      let lastAt = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < columns.length; i++) {
        const when = columns.at[i] as number;
        const version = columns.version[i] as number;
        const outcome = repo.putReading(
          seriesIds[columns.series[i] as number] as number,
          when,
          columns.value[i] as number,
          version < 0 ? null : (columns.versionIds[version] ?? null),
          id,
        );
        if (outcome === 'repeated') {
          throw new ReadingsRefused(
            [
              `Reading ${i + 1} of the file repeats an earlier one (same model, metric, segment and timestamp, ${new Date(when).toISOString()}).`,
            ],
            batch.source,
          );
        }
        if (outcome === 'added') counts.added += 1;
        else if (outcome === 'changed') counts.changed += 1;
        if (when < firstAt) firstAt = when;
        if (when > lastAt) lastAt = when;
      }
      const models = new Set(columns.seriesKeys.map((k) => k.modelId)).size;
      const record: ReadingImport = {
        id,
        source: batch.source,
        fileName: batch.fileName,
        sha256: batch.sha256,
        viaInbox: batch.viaInbox,
        status: 'imported',
        ...counts,
        unchanged: counts.readings - counts.added - counts.changed,
        models,
        from: new Date(firstAt).toISOString(),
        to: new Date(lastAt).toISOString(),
        problems: [],
        at,
        actor: ctx.actor,
      };
      repo.insertImport({ ...record, firstAt, lastAt });
      const { problems: _p, ...summary } = record;
      audit({
        entity: 'reading_import',
        entityId: id,
        label: `Readings from ${batch.fileName}`,
        action: 'import',
        before: null,
        after: summary,
      });
      return record;
    });
  } finally {
    repo.forgetSeries();
  }
}

/** Checks readings handed over at once (a typed one, the sample's): the same checks, synchronously. */
function checkedNow(readings: readonly RawReading[], check: ReadingCheck, source: ReadingSource): ReadingColumns {
  const columns = new ReadingColumns();
  const problems: string[] = [];
  for (const raw of readings) {
    const c = check(raw);
    if (typeof c === 'string') problems.push(c);
    else columns.push(c);
  }
  if (problems.length > 0) throw new ReadingsRefused(problems.slice(0, MAX_LISTED_PROBLEMS), source);
  return columns;
}

/** Records a file the inbox refused (the upload path writes nothing on a refusal: the person sees the sentence). */
export function recordRejection(
  ctx: Context,
  batch: { fileName: string; sha256: string; source: ReadingSource | null },
  problems: string[],
): ReadingImport {
  return ctx.write((audit, at) => {
    const record: ReadingImport = {
      id: newId(),
      source: batch.source ?? 'csv',
      fileName: batch.fileName,
      sha256: batch.sha256,
      viaInbox: true,
      status: 'rejected',
      readings: 0,
      added: 0,
      changed: 0,
      unchanged: 0,
      models: 0,
      from: null,
      to: null,
      problems,
      at,
      actor: ctx.actor,
    };
    ctx.repos.monitoring.insertImport({ ...record, firstAt: null, lastAt: null });
    audit({
      entity: 'reading_import',
      entityId: record.id,
      label: `Readings refused from ${batch.fileName}`,
      action: 'import',
      before: null,
      after: { status: 'rejected', problems },
    });
    return record;
  });
}

export { sha256Of };

/** A file uploaded through the app (at most 10 MB). */
export function importUpload(ctx: Context, input: ParsedInputOf<'readings.import'>): Promise<ReadingImport> {
  return importReadings(ctx, { fileName: input.fileName, file: { bytes: Buffer.from(input.base64, 'base64') }, viaInbox: false });
}

/** One reading typed by hand: the same checks as a file's. */
export function recordReading(ctx: Context, input: ParsedInputOf<'readings.record'>): ReadingImport {
  const model = ctx.repos.models.get(input.modelId);
  if (!model) throw unknownReference('Model', input.modelId, 'modelId');
  const known = knownModels(ctx).filter((m) => m.id === model.id);
  const check = readingChecker(known, Date.parse(ctx.now()));
  const raw: RawReading = {
    where: 'The reading',
    model: model.id,
    metric: input.metric,
    segment: input.segment,
    version: input.versionId ?? '',
    at: input.at,
    value: input.value,
  };
  const checked = check(raw);
  if (typeof checked === 'string') throw new DomainError('invalid_input', checked, [{ path: 'metric', message: checked }]);
  return keep(
    ctx,
    { fileName: `${model.name}: ${input.metric} typed by hand`, viaInbox: false, source: 'manual', sha256: '' },
    checkedNow([raw], check, 'manual'),
  );
}

/** Readings handed over in code (the sample dataset): the same checks, one transaction, one import record. */
export function keepReadings(ctx: Context, fileName: string, readings: readonly RawReading[]): ReadingImport {
  const columns = checkedNow(readings, readingChecker(knownModels(ctx), Date.parse(ctx.now())), 'keel');
  return keep(ctx, { fileName, viaInbox: false, source: 'keel', sha256: '' }, columns);
}
