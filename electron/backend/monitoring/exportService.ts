import type { Context } from '@backend/core/context';
import {
  addTable,
  type Column,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  excel,
  excelDate,
  excelInstant,
  fitColumns,
  formulaSafe,
  PERCENT_FORMAT,
  workbookBuffer,
} from '@backend/core/excel';
import { notFound } from '@shared/kernel/errors';
import type { ExportedFile } from '@shared/kernel/printDocument';
import { slug } from '@shared/kernel/text';
import type { ClientAttainment } from '@shared/monitoring/contract/board';
import { DIRECTION_LABELS, METRIC_KIND_LABELS } from '@shared/monitoring/rules/vocabulary';
import { STAGE_LABELS } from '@shared/portfolio/rules/vocabulary';
import { clientAttainment } from './boardService';

const fileOf = (fileName: string, buffer: Buffer): ExportedFile => ({ fileName, base64: buffer.toString('base64'), bytes: buffer.length });

/**
 * A client's month of monitoring as a workbook (layout in docs/monitoring-workbook.md):
 * - **Attainment**: one row per SLO: model, metric, segment, target, warning, days evaluated, met, warnings,
 *   breaches, days without data, attainment (met ÷ evaluated, a formula whose cached value is Keel's figure);
 * - **Breaches**: each day an SLO was breached, with its window [from, to) in UTC and the value;
 * - **Unmonitored days**: each production model's days without any reading;
 * - **Models**: attainment per model over all its SLOs.
 */
export async function attainmentWorkbook(data: ClientAttainment, generatedAt: string): Promise<Buffer> {
  const book = new (excel().Workbook)();
  book.creator = 'Keel';
  book.title = `SLO attainment – ${data.clientName} – ${data.month}`;
  book.created = new Date(generatedAt);

  const sloColumns: Column[] = [
    { header: 'Model', key: 'model', width: 24 },
    { header: 'Metric', key: 'metric', width: 18 },
    { header: 'Kind', key: 'kind', width: 18 },
    { header: 'Segment', key: 'segment', width: 12 },
    { header: 'Unit', key: 'unit', width: 8 },
    { header: 'Direction', key: 'direction', width: 16 },
    { header: 'Target', key: 'target', width: 10 },
    { header: 'Warning', key: 'warning', width: 10 },
    { header: 'Days evaluated', key: 'evaluated', width: 10 },
    { header: 'Days met', key: 'met', width: 10 },
    { header: 'Days in warning', key: 'warnings', width: 10 },
    { header: 'Days breached', key: 'breaches', width: 10 },
    { header: 'Days without data', key: 'noData', width: 10 },
    { header: 'Attainment', key: 'attainment', width: 12, numFmt: PERCENT_FORMAT },
  ];
  const sloRows = data.slos.map((s, i) => ({
    model: s.modelName,
    metric: s.metric,
    kind: METRIC_KIND_LABELS[s.kind],
    segment: s.segment || 'All',
    unit: s.unit,
    direction: DIRECTION_LABELS[s.direction],
    target: s.target,
    warning: s.warning,
    evaluated: s.evaluated,
    met: s.met,
    warnings: s.warnings,
    breaches: s.breaches,
    noData: s.noData,
    // Keel's figure stays a formula: a spreadsheet recalculating it gets the same number.
    attainment: s.attainment === null ? 'No data' : { formula: `J${i + 2}/I${i + 2}`, result: s.attainment },
  }));
  addTable(book, 'Attainment', fitColumns(sloColumns, sloRows), sloRows, 2);

  const breachRows = data.slos.flatMap((s) =>
    s.breachDays.map((b) => ({
      model: s.modelName,
      metric: s.metric,
      segment: s.segment || 'All',
      day: excelDate(b.day),
      from: excelInstant(b.window.from),
      to: excelInstant(b.window.to),
      value: b.value,
      target: s.target,
      unit: s.unit,
    })),
  );
  const breachColumns: Column[] = [
    { header: 'Model', key: 'model', width: 24 },
    { header: 'Metric', key: 'metric', width: 18 },
    { header: 'Segment', key: 'segment', width: 12 },
    { header: 'Day', key: 'day', width: 12, numFmt: DATE_FORMAT },
    { header: 'Window from (UTC)', key: 'from', width: 18, numFmt: DATE_TIME_FORMAT },
    { header: 'Window to (UTC, excluded)', key: 'to', width: 18, numFmt: DATE_TIME_FORMAT },
    { header: 'Value', key: 'value', width: 12 },
    { header: 'Target', key: 'target', width: 10 },
    { header: 'Unit', key: 'unit', width: 8 },
  ];
  addTable(book, 'Breaches', fitColumns(breachColumns, breachRows), breachRows, 2);

  const silentRows = data.models.flatMap((m) => m.unmonitoredDays.map((d) => ({ model: m.modelName, day: excelDate(d) })));
  addTable(
    book,
    'Unmonitored days',
    fitColumns(
      [
        { header: 'Model', key: 'model', width: 24 },
        { header: 'Day without a reading', key: 'day', width: 14, numFmt: DATE_FORMAT },
      ],
      silentRows,
    ),
    silentRows,
    1,
  );

  const modelRows = data.models.map((m) => ({
    model: m.modelName,
    stage: STAGE_LABELS[m.stage],
    slos: data.slos.filter((s) => s.modelId === m.modelId).length,
    unmonitored: m.unmonitoredDays.length,
    attainment: m.attainment ?? 'No data',
  }));
  addTable(
    book,
    'Models',
    fitColumns(
      [
        { header: 'Model', key: 'model', width: 24 },
        { header: 'Stage', key: 'stage', width: 12 },
        { header: 'SLOs', key: 'slos', width: 8 },
        { header: 'Unmonitored days', key: 'unmonitored', width: 12 },
        { header: 'Attainment', key: 'attainment', width: 12, numFmt: PERCENT_FORMAT },
      ],
      modelRows,
    ),
    modelRows,
    1,
  );
  return workbookBuffer(book);
}

export async function attainmentFile(ctx: Context, clientId: string, month: string): Promise<ExportedFile> {
  const data = clientAttainment(ctx, clientId, month);
  return fileOf(`keel-slo-attainment-${slug(data.clientName, 'client')}-${month}.xlsx`, await attainmentWorkbook(data, ctx.now()));
}

/** A CSV text cell, made formula-safe as in every Keel export (Keel's reader undoes it), quoted when it must be. */
const csvCell = (v: string) => {
  const safe = formulaSafe(v);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A model's readings of a month in Keel's readings CSV: it imports back unchanged (the model's id names it). */
export function readingsFile(ctx: Context, modelId: string, month: string): ExportedFile {
  const model = ctx.repos.models.get(modelId);
  if (!model) throw notFound('Model', modelId);
  const from = Date.parse(`${month}-01T00:00:00Z`);
  const next = new Date(from);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const versions = ctx.repos.monitoring.versionLabels(modelId);
  const rows = ctx.repos.monitoring.modelReadings(modelId, from, next.getTime(), 10_000_000).reverse();
  const lines = ['timestamp,model_id,model,metric,segment,version,value'];
  for (const r of rows) {
    lines.push(
      [
        new Date(r.at).toISOString(),
        model.id,
        csvCell(model.name),
        csvCell(r.metric),
        csvCell(r.segment),
        csvCell(r.versionId ? (versions.get(r.versionId) ?? '') : ''),
        String(r.value),
      ].join(','),
    );
  }
  const buffer = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  return fileOf(`keel-readings-${slug(model.name, 'model')}-${month}.csv`, buffer);
}
