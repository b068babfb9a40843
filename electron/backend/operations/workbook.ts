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
  workbookBuffer,
} from '@backend/core/excel';
import { minorDigits } from '@shared/kernel/currency';
import { monthEnd } from '@shared/kernel/days';
import { DomainError, unknownReference } from '@shared/kernel/errors';
import { minorToMajor } from '@shared/kernel/money';
import type { ExportedFile } from '@shared/kernel/printDocument';
import { slug } from '@shared/kernel/text';
import { COST_CATEGORIES, COST_CATEGORY_LABELS } from '@shared/operations/rules/costs';
import {
  DETECTION_LABELS,
  INCIDENT_STATE_LABELS,
  RUN_OUTCOME_LABELS,
  SEVERITY_SHORT,
  TRIGGER_LABELS,
} from '@shared/operations/rules/vocabulary';
import { clientCost } from './costService';
import { incidentViews } from './incidentService';

const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

/**
 * A client's month of operations as a workbook:
 * - **Retraining log**: every run of the month (day, model, trigger, outcome, version, the breach that raised it, a freeze it fell in);
 * - **Incidents**: every incident detected in the month or still open in it, with its instants (UTC) and its times
 *   to acknowledge, mitigate and resolve in hours, the responder, the rollback and the review;
 * - **Run cost**: each model's month by category, against its budget, per 1,000 predictions, the team beside it.
 */
export async function operationsWorkbook(ctx: Context, clientId: string, month: string): Promise<ExportedFile> {
  const client = ctx.repos.clients.get(clientId);
  if (!client) throw unknownReference('Client', clientId, 'clientId');
  if (month > ctx.today().slice(0, 7))
    throw new DomainError('invalid_input', 'That month has not begun yet; choose this month or an earlier one.', [
      { path: 'month', message: 'is in the future' },
    ]);
  const from = `${month}-01`;
  const to = monthEnd(from);
  const models = ctx.repos.operations.watched(clientId);
  const names = new Map(models.map((m) => [m.id, m.name]));
  const runs = ctx.repos.operations.runs(
    models.map((m) => m.id),
    { from, to },
  );
  const freezes = new Map(models.map((m) => [m.id, m.engagementId ? ctx.repos.ceremonies.freezes(m.engagementId) : []]));
  const book = new (excel().Workbook)();
  book.creator = 'Keel';
  book.title = `Operations – ${client.name} – ${month}`;
  book.created = new Date(ctx.now());

  const runColumns: Column[] = [
    { header: 'Day', key: 'day', width: 12, numFmt: DATE_FORMAT },
    { header: 'Model', key: 'model', width: 24 },
    { header: 'Trigger', key: 'trigger', width: 26 },
    { header: 'Outcome', key: 'outcome', width: 22 },
    { header: 'Version', key: 'version', width: 12 },
    { header: 'Breach', key: 'breach', width: 30 },
    { header: 'In a freeze', key: 'freeze', width: 12 },
    { header: 'Notes', key: 'notes', width: 40 },
  ];
  const runRows = [...runs].reverse().map((r) => ({
    day: excelDate(r.runOn),
    model: formulaSafe(names.get(r.modelId) ?? ''),
    trigger: TRIGGER_LABELS[r.trigger],
    outcome: RUN_OUTCOME_LABELS[r.outcome],
    version: formulaSafe(r.versionLabel ?? ''),
    breach: formulaSafe(r.breach),
    freeze: (freezes.get(r.modelId) ?? []).some((f) => f.startsOn <= r.runOn && r.runOn <= f.endsOn) ? 'Yes' : '',
    notes: formulaSafe(r.notes),
  }));
  addTable(book, 'Retraining log', fitColumns(runColumns, runRows), runRows, 2);

  const end = `${to}T23:59:59.999Z`;
  const incidents = incidentViews(ctx, ctx.repos.operations.incidents({ clientId })).filter(
    (i) => i.detectedAt <= end && (i.resolvedAt === null || i.resolvedAt >= `${from}T00:00:00.000Z`),
  );
  const incidentColumns: Column[] = [
    { header: 'Detected (UTC)', key: 'detected', width: 17, numFmt: DATE_TIME_FORMAT },
    { header: 'Model', key: 'model', width: 24 },
    { header: 'Severity', key: 'severity', width: 9 },
    { header: 'Incident', key: 'title', width: 36 },
    { header: 'Detected by', key: 'source', width: 18 },
    { header: 'Responder', key: 'responder', width: 22 },
    { header: 'State', key: 'state', width: 13 },
    { header: 'Acknowledged (UTC)', key: 'ack', width: 17, numFmt: DATE_TIME_FORMAT },
    { header: 'Mitigated (UTC)', key: 'mitigated', width: 17, numFmt: DATE_TIME_FORMAT },
    { header: 'Resolved (UTC)', key: 'resolved', width: 17, numFmt: DATE_TIME_FORMAT },
    { header: 'Hours to acknowledge', key: 'toAck', width: 11, numFmt: '0.00' },
    { header: 'Hours to mitigate', key: 'toMitigate', width: 11, numFmt: '0.00' },
    { header: 'Hours to resolve', key: 'toResolve', width: 11, numFmt: '0.00' },
    { header: 'Rollback', key: 'rollback', width: 20 },
    { header: 'Review due', key: 'reviewDue', width: 12, numFmt: DATE_FORMAT },
    { header: 'Review', key: 'review', width: 10 },
  ];
  const incidentRows = [...incidents]
    .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt))
    .map((i) => ({
      detected: excelInstant(i.detectedAt),
      model: formulaSafe(i.modelName),
      severity: SEVERITY_SHORT[i.severity],
      title: formulaSafe(i.title),
      source: DETECTION_LABELS[i.detectedBy],
      responder: formulaSafe(i.responder?.name ?? ''),
      state: INCIDENT_STATE_LABELS[i.state],
      ack: i.acknowledgedAt ? excelInstant(i.acknowledgedAt) : null,
      mitigated: i.mitigatedAt ? excelInstant(i.mitigatedAt) : null,
      resolved: i.resolvedAt ? excelInstant(i.resolvedAt) : null,
      toAck: hours(i.times.toAcknowledge),
      toMitigate: hours(i.times.toMitigate),
      toResolve: hours(i.times.toResolve),
      rollback: i.rollback ? formulaSafe(`${i.rollback.versionLabel} in ${i.rollback.environmentName}`) : '',
      reviewDue: i.review ? excelDate(i.review.dueOn) : null,
      review: i.review ? { not_due: '', planned: 'Planned', held: 'Held', overdue: 'Overdue' }[i.review.state] : '',
    }));
  addTable(book, 'Incidents', fitColumns(incidentColumns, incidentRows), incidentRows, 2);

  const cost = clientCost(ctx, clientId, month);
  const major = (minor: number | null) => (minor === null ? null : minorToMajor(minor, cost.currency));
  const money = `#,##0.${'0'.repeat(minorDigits(cost.currency)) || '0'}`;
  const costColumns: Column[] = [
    { header: 'Model', key: 'model', width: 24 },
    ...COST_CATEGORIES.map((k) => ({ header: `${COST_CATEGORY_LABELS[k]} (${cost.currency})`, key: k, width: 12, numFmt: money })),
    { header: `Run cost (${cost.currency})`, key: 'total', width: 12, numFmt: money },
    { header: `Budget (${cost.currency})`, key: 'budget', width: 12, numFmt: money },
    { header: `Variance (${cost.currency})`, key: 'variance', width: 12, numFmt: money },
    { header: 'Predictions', key: 'predictions', width: 12, numFmt: '#,##0' },
    { header: `Per 1,000 predictions (${cost.currency})`, key: 'per1k', width: 12, numFmt: money },
    { header: 'Team hours billed', key: 'hours', width: 10, numFmt: '0.00' },
    { header: `Team (${cost.currency})`, key: 'team', width: 12, numFmt: money },
    { header: `Cost to operate (${cost.currency})`, key: 'operate', width: 14, numFmt: money },
  ];
  const costRows = cost.models.map((m) => ({
    model: formulaSafe(m.modelName),
    ...Object.fromEntries(COST_CATEGORIES.map((k) => [k, major(m.byCategory[k] ?? 0)])),
    total: major(m.totalMinor),
    budget: major(m.budgetMinor),
    variance: major(m.varianceMinor),
    predictions: m.predictions,
    per1k: major(m.per1kMinor),
    hours: Math.round((m.team.billedMinutes / 60) * 100) / 100,
    team: major(m.team.amountMinor),
    operate: major(m.withTeamMinor),
  }));
  addTable(book, 'Run cost', fitColumns(costColumns, costRows), costRows, 1);
  const buffer = await workbookBuffer(book);
  return { fileName: `operations-${slug(client.name, 'client')}-${month}.xlsx`, base64: buffer.toString('base64'), bytes: buffer.length };
}
