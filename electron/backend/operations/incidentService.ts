import { createSeries } from '@backend/ceremonies/seriesService';
import { assertUnchanged } from '@backend/core/archive';
import { holidaysOfCalendar, timeZoneOf } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { evaluateSlos } from '@backend/monitoring/evaluation';
import { whoResponds } from '@backend/ownership/matrixService';
import { rollback } from '@backend/portfolio/deploymentService';
import type { ParsedInputOf } from '@shared/contract';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import { localDateOf } from '@shared/kernel/timeZone';
import type { Evaluation } from '@shared/monitoring/rules/evaluate';
import type { Incident, IncidentDetail, IncidentEntry, PersonNamed } from '@shared/operations/contract/incidents';
import { incidentState, incidentTimes, reviewDueOn, reviewState, stepRefusal } from '@shared/operations/rules/incidents';
import { DETECTION_WORDS, ENTRY_LABELS, type EntryKind, SEVERITY_SHORT } from '@shared/operations/rules/vocabulary';
import { approvalsStandingAt } from '@shared/portfolio/rules/deployments';
import type { IncidentRow, OpsModel, StoredIncident } from './operationsRepository';
import { opsModelOrThrow } from './retrainingService';
import { operationsSettings } from './settings';

type Person = { kind: 'specialist' | 'contact'; id: string };

const invalid = (message: string, path: string, short = 'see the message') =>
  new DomainError('invalid_input', message, [{ path, message: short }]);

/** The stored incident, or not found. */
function rowOrThrow(ctx: Context, id: string): IncidentRow {
  const row = ctx.repos.operations.incident(id);
  if (!row) throw notFound('Incident', id);
  return row;
}

/** Incidents as the contract carries them: their state, clock and review (held when its occurrence is recorded as held). */
export function incidentViews(ctx: Context, rows: readonly IncidentRow[]): Incident[] {
  const held = ctx.repos.operations.heldReviews(rows.flatMap((r) => (r.reviewSeriesId ? [r.reviewSeriesId] : [])));
  const now = ctx.now();
  const today = ctx.today();
  return rows.map((r) => ({
    id: r.id,
    modelId: r.modelId,
    modelName: r.modelName,
    clientId: r.clientId,
    clientName: r.clientName,
    engagementId: r.engagementId,
    engagementName: r.engagementName,
    severity: r.severity,
    title: r.title,
    detectedAt: r.detectedAt,
    detectedBy: r.detectedBy,
    sloId: r.sloId,
    sloMetric: r.sloMetric,
    readingAt: r.readingAt,
    readingValue: r.readingValue,
    detail: r.detail,
    responder:
      r.responderKind && r.responderId ? { kind: r.responderKind, id: r.responderId, name: r.responderName ?? '(unknown person)' } : null,
    responderReason: r.responderReason,
    acknowledgedAt: r.acknowledgedAt,
    mitigatedAt: r.mitigatedAt,
    resolvedAt: r.resolvedAt,
    state: incidentState(r),
    times: incidentTimes(r, now),
    rollback:
      r.rollbackDeploymentId && r.rollbackVersionLabel
        ? { deploymentId: r.rollbackDeploymentId, versionLabel: r.rollbackVersionLabel, environmentName: r.rollbackEnvironmentName ?? '' }
        : null,
    review: r.reviewDueOn
      ? {
          seriesId: r.reviewSeriesId,
          dueOn: r.reviewDueOn,
          startsAt: r.reviewStartsAt,
          state: reviewState({ dueOn: r.reviewDueOn, held: r.reviewSeriesId !== null && held.has(r.reviewSeriesId) }, today),
        }
      : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export function listIncidents(
  ctx: Context,
  filter: { clientId?: string | undefined; modelId?: string | undefined; open: boolean },
): Incident[] {
  if (filter.clientId && !ctx.repos.clients.get(filter.clientId)) throw unknownReference('Client', filter.clientId, 'clientId');
  if (filter.modelId) opsModelOrThrow(ctx, filter.modelId);
  return incidentViews(ctx, ctx.repos.operations.incidents({ clientId: filter.clientId, modelId: filter.modelId, openOnly: filter.open }));
}

/** The people who may respond: the engagement's specialists and the client's contacts. */
const peopleOf = (ctx: Context, model: OpsModel): PersonNamed[] =>
  model.engagementId ? ctx.repos.ceremonies.peopleOf(model.engagementId) : [];

/** Earlier champions in a production environment with an approval standing now: where a rollback may go. */
function rollbackTargets(ctx: Context, model: OpsModel, at: string): IncidentDetail['rollbackTargets'] {
  const deployments = ctx.repos.deployments.ofModel(model.id);
  const production = ctx.repos.deployments.productionEnvironmentIds();
  const serving = new Set(
    deployments.filter((d) => d.alias === 'champion' && d.to === null).map((d) => `${d.environmentId}|${d.versionId}`),
  );
  const out = new Map<string, IncidentDetail['rollbackTargets'][number]>();
  for (const d of deployments) {
    if (d.alias !== 'champion' || d.to === null || !production.has(d.environmentId)) continue;
    const key = `${d.environmentId}|${d.versionId}`;
    if (serving.has(key) || out.has(key)) continue;
    if (approvalsStandingAt(ctx.repos.versions.approvalsOf(d.versionId), at).length === 0) continue;
    out.set(key, {
      versionId: d.versionId,
      versionLabel: ctx.repos.versions.get(d.versionId)?.label ?? '',
      environmentId: d.environmentId,
      environmentName: ctx.repos.deployments.environment(d.environmentId)?.name ?? '',
    });
  }
  return [...out.values()];
}

export function incidentDetail(ctx: Context, id: string): IncidentDetail {
  const row = rowOrThrow(ctx, id);
  const [view] = incidentViews(ctx, [row]) as [Incident];
  const model = opsModelOrThrow(ctx, row.modelId);
  return {
    ...view,
    timeline: ctx.repos.operations.entries(id),
    people: peopleOf(ctx, model),
    rollbackTargets: row.resolvedAt || row.mitigatedAt ? [] : rollbackTargets(ctx, model, ctx.now()),
  };
}

function nameOf(ctx: Context, model: OpsModel, p: Person, path: string): string {
  const found = ctx.repos.ceremonies.person(p.kind, p.id);
  if (!found || (p.kind === 'contact' && found.clientId !== model.clientId))
    throw unknownReference(p.kind === 'specialist' ? 'Specialist' : `Contact of ${model.clientName}`, p.id, path);
  return found.name;
}

const samePerson = (a: Person | null, b: Person | null) => a !== null && b !== null && a.kind === b.kind && a.id === b.id;
const onEngagement = (ctx: Context, model: OpsModel, p: Person) => peopleOf(ctx, model).some((x) => samePerson(x, p));

function entry(ctx: Context, incidentId: string, at: string, kind: EntryKind, text: string, createdAt: string): void {
  const e: IncidentEntry = { id: newId(), at, kind, text, actor: ctx.actor };
  ctx.repos.operations.insertEntry(incidentId, e, createdAt);
}

/** The SLO's breach at the detection instant: the reading that decided it. Refused when the SLO was met then. */
function breachAt(
  ctx: Context,
  model: OpsModel,
  sloId: string,
  at: string,
): { metric: string; readingAt: string | null; value: number | null } {
  const slo = ctx.repos.monitoring.slosOf([model.id]).find((s) => s.id === sloId);
  if (!slo) throw unknownReference(`SLO of ${model.name}`, sloId, 'sloId');
  const e = evaluateSlos(ctx, [slo], Date.parse(at), [model.id], true).get(slo.id) as Evaluation;
  if (e.status !== 'breach')
    throw invalid(
      `The SLO on ${slo.metric} was not in breach at ${at} (${e.status === 'no_data' ? 'no readings in its window' : `its value was ${e.value === null ? '—' : Number(e.value.toPrecision(4))}`}); choose another way it was detected.`,
      'sloId',
      'was not in breach then',
    );
  const worst = e.deciding[0];
  return { metric: slo.metric, readingAt: worst ? new Date(worst.at).toISOString() : null, value: worst ? worst.value : e.value };
}

export function openIncident(ctx: Context, input: ParsedInputOf<'incidents.open'>): IncidentDetail {
  const model = opsModelOrThrow(ctx, input.modelId);
  const now = ctx.now();
  if (Date.parse(input.detectedAt) > Date.parse(now))
    throw invalid('An incident cannot be detected in the future.', 'detectedAt', 'is in the future');
  const id = ctx.write((audit, at) => {
    const breach = input.sloId ? breachAt(ctx, model, input.sloId, input.detectedAt) : null;
    const who = whoResponds(ctx, model.id, input.detectedAt);
    const matrix: Person | null = who.responder ? { kind: who.responder.kind, id: who.responder.id } : null;
    let responder = matrix;
    let reason = who.reason;
    if (input.responder && !samePerson(input.responder, matrix)) {
      const name = nameOf(ctx, model, input.responder, 'responder.id');
      if (input.responderReason === '') {
        const off = !onEngagement(ctx, model, input.responder) ? `${name} is not on the engagement that runs ${model.name}` : null;
        throw invalid(
          `${off ?? `${name} is not the responder the ownership matrix names (${who.responder ? who.responder.name : 'nobody'})`}; give the reason for naming ${name}.`,
          'responderReason',
          'is needed when the responder is not the matrix’s',
        );
      }
      responder = input.responder;
      reason = input.responderReason;
    }
    const incident: StoredIncident = {
      id: newId(),
      modelId: model.id,
      severity: input.severity,
      title: input.title,
      detectedAt: input.detectedAt,
      detectedBy: input.detectedBy,
      sloId: input.sloId,
      readingAt: breach?.readingAt ?? null,
      readingValue: breach?.value ?? null,
      detail: input.detail,
      responderKind: responder?.kind ?? null,
      responderId: responder?.id ?? null,
      responderReason: reason,
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
      rollbackDeploymentId: null,
      reviewSeriesId: null,
      reviewDueOn: null,
      createdAt: at,
      updatedAt: at,
    };
    ctx.repos.operations.insertIncident(incident);
    const responderName = responder ? nameOf(ctx, model, responder, 'responder.id') : null;
    entry(
      ctx,
      incident.id,
      input.detectedAt,
      'opened',
      `${SEVERITY_SHORT[input.severity]} detected by ${DETECTION_WORDS[input.detectedBy]}${
        breach ? ` (${breach.metric}${breach.value === null ? '' : ` = ${Number(breach.value.toPrecision(4))}`})` : ''
      }. Responder: ${responderName ?? 'nobody'} — ${reason}`,
      at,
    );
    audit({
      entity: 'incident',
      entityId: incident.id,
      label: `${model.name}: ${incident.title}`,
      action: 'create',
      before: null,
      after: incident,
    });
    return incident.id;
  });
  return incidentDetail(ctx, id);
}

/** One change to an incident in a transaction: the stored row is read, checked, changed, audited, and the timeline entry written. */
function change(
  ctx: Context,
  id: string,
  expectedUpdatedAt: string | undefined,
  apply: (
    stored: StoredIncident,
    model: OpsModel,
    at: string,
  ) => { next: StoredIncident; entries: { at: string; kind: EntryKind; text: string }[] },
): IncidentDetail {
  ctx.write((audit, at) => {
    const row = rowOrThrow(ctx, id);
    assertUnchanged(row, expectedUpdatedAt, `The incident “${row.title}”`);
    const model = opsModelOrThrow(ctx, row.modelId);
    const stored = storedOf(row);
    const { next, entries } = apply(stored, model, at);
    const after = { ...next, updatedAt: at };
    ctx.repos.operations.updateIncident(after);
    for (const e of entries) entry(ctx, id, e.at, e.kind, e.text, at);
    audit({ entity: 'incident', entityId: id, label: `${model.name}: ${row.title}`, action: 'update', before: stored, after });
  });
  return incidentDetail(ctx, id);
}

function storedOf(r: IncidentRow): StoredIncident {
  const {
    modelName: _m,
    clientId: _c,
    clientName: _cn,
    engagementId: _e,
    engagementName: _en,
    sloMetric: _s,
    responderName: _r,
    rollbackVersionLabel: _v,
    rollbackEnvironmentName: _env,
    reviewStartsAt: _rs,
    ...stored
  } = r;
  return stored;
}

function refuseStep(s: StoredIncident, step: 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt', at: string, now: string): void {
  const problem = stepRefusal(s, step, at, now);
  if (problem) throw invalid(problem, 'at');
}

export function acknowledge(ctx: Context, input: ParsedInputOf<'incidents.acknowledge'>): IncidentDetail {
  return change(ctx, input.id, input.expectedUpdatedAt, (s) => {
    refuseStep(s, 'acknowledgedAt', input.at, ctx.now());
    const responder = s.responderKind && s.responderId ? ctx.repos.ceremonies.person(s.responderKind, s.responderId)?.name : null;
    return {
      next: { ...s, acknowledgedAt: input.at },
      entries: [
        { at: input.at, kind: 'acknowledged', text: responder ? `${responder} is on it.` : 'Someone is on it (no responder named).' },
      ],
    };
  });
}

export function addNote(ctx: Context, input: ParsedInputOf<'incidents.note'>): IncidentDetail {
  return change(ctx, input.id, input.expectedUpdatedAt, (s) => {
    if (Date.parse(input.at) < Date.parse(s.detectedAt)) throw invalid('A timeline entry cannot come before the detection.', 'at');
    if (Date.parse(input.at) > Date.parse(ctx.now())) throw invalid('A timeline entry cannot be in the future.', 'at');
    return { next: s, entries: [{ at: input.at, kind: 'note', text: input.text }] };
  });
}

export function setResponder(ctx: Context, input: ParsedInputOf<'incidents.setResponder'>): IncidentDetail {
  return change(ctx, input.id, input.expectedUpdatedAt, (s, model, at) => {
    if (s.resolvedAt) throw new DomainError('conflict', 'The incident is resolved; its responder no longer changes.');
    if (samePerson(input.responder, s.responderKind && s.responderId ? { kind: s.responderKind, id: s.responderId } : null))
      throw invalid('That person is the responder already.', 'responder.id');
    const name = nameOf(ctx, model, input.responder, 'responder.id');
    return {
      next: { ...s, responderKind: input.responder.kind, responderId: input.responder.id, responderReason: input.reason },
      entries: [{ at, kind: 'responder', text: `Responder is now ${name}: ${input.reason}` }],
    };
  });
}

export function mitigate(ctx: Context, input: ParsedInputOf<'incidents.mitigate'>): IncidentDetail {
  return change(ctx, input.id, input.expectedUpdatedAt, (s, model) => {
    refuseStep(s, 'mitigatedAt', input.at, ctx.now());
    const entries: { at: string; kind: EntryKind; text: string }[] = [];
    let rollbackDeploymentId: string | null = null;
    if (input.rollback) {
      const version = ctx.repos.versions.get(input.rollback.versionId);
      if (!version || version.modelId !== model.id)
        throw unknownReference(`Version of ${model.name}`, input.rollback.versionId, 'rollback.versionId');
      if (approvalsStandingAt(ctx.repos.versions.approvalsOf(version.id), input.at).length === 0)
        throw invalid(
          `Version ${version.label} was never approved (or its last decision was a rejection); a rollback goes only to an approved version.`,
          'rollback.versionId',
          'must be an approved version',
        );
      const deployment = rollback(ctx, {
        modelId: model.id,
        versionId: version.id,
        environmentId: input.rollback.environmentId,
        at: input.at,
        reason: `Incident ${SEVERITY_SHORT[s.severity]}: ${s.title}`,
      });
      rollbackDeploymentId = deployment.id;
      entries.push({ at: input.at, kind: 'rollback', text: `Rolled back to ${version.label} in ${deployment.environmentName}.` });
    }
    entries.push({ at: input.at, kind: 'mitigated', text: input.text });
    return { next: { ...s, mitigatedAt: input.at, rollbackDeploymentId }, entries };
  });
}

export function resolve(ctx: Context, input: ParsedInputOf<'incidents.resolve'>): IncidentDetail {
  return change(ctx, input.id, input.expectedUpdatedAt, (s, model) => {
    refuseStep(s, 'resolvedAt', input.at, ctx.now());
    const client = ctx.repos.clients.get(model.clientId);
    if (!client) throw notFound('Client', model.clientId);
    const zone = timeZoneOf(client);
    const dueOn = reviewDueOn(
      localDateOf(input.at, zone),
      operationsSettings(ctx).reviewBusinessDays,
      holidaysOfCalendar(client.holidayCalendar),
    );
    const entries: { at: string; kind: EntryKind; text: string }[] = [{ at: input.at, kind: 'resolved', text: input.text }];
    let reviewSeriesId: string | null = null;
    if (model.engagementId) {
      const date = input.review.date ?? dueOn;
      const responder = s.responderKind && s.responderId ? { kind: s.responderKind, id: s.responderId } : null;
      const timeline = ctx.repos.operations
        .entries(s.id)
        .map((e) => `${e.at.slice(0, 16).replace('T', ' ')} UTC — ${ENTRY_LABELS[e.kind]}: ${e.text}`);
      const series = createSeries(ctx, {
        engagementId: model.engagementId,
        timeZone: '',
        type: 'incident_review',
        title: `Post-incident review: ${s.title}`.slice(0, 200),
        participants: responder && onEngagement(ctx, model, responder) ? [{ ...responder, role: 'accountable' }] : [],
        modelIds: [model.id],
        location: '',
        meetingUrl: '',
        agenda: [
          `What happened: ${SEVERITY_SHORT[s.severity]} on ${model.name} — ${s.title}`,
          ...timeline,
          `${input.at.slice(0, 16).replace('T', ' ')} UTC — Resolved: ${input.text}`,
          'What we change so it does not happen again (action items)',
        ]
          .join('\n')
          .slice(0, 4000),
        startDate: date,
        startTime: input.review.time,
        durationMinutes: input.review.durationMinutes,
        rrule: null,
      });
      reviewSeriesId = series.id;
      entries.push({
        at: input.at,
        kind: 'review',
        text: `Post-incident review planned on ${date} at ${input.review.time} (due by ${dueOn}).`,
      });
    } else {
      entries.push({
        at: input.at,
        kind: 'review',
        text: `Post-incident review due by ${dueOn}; no engagement runs the model, so none was planned.`,
      });
    }
    return { next: { ...s, resolvedAt: input.at, reviewDueOn: dueOn, reviewSeriesId }, entries };
  });
}
