import { timeZoneOf } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { notFound, unknownReference } from '@shared/kernel/errors';
import type { Severity } from '@shared/kernel/severity';
import { localDateOf } from '@shared/kernel/timeZone';
import type {
  FindingCounts,
  FindingsView,
  Holding,
  MatrixCell,
  MatrixPerson,
  ModelRisk,
  OwnershipFinding,
  OwnershipFindingItem,
  OwnershipMatrix,
  PersonLoad,
  RiskRanking,
  WhoResponds,
} from '@shared/ownership/contract/matrix';
import { accountableLoad, busFactor, engagementFindings, overloadFindings, sortFindings } from '@shared/ownership/rules/findings';
import { resolveCells, withSeverity } from '@shared/ownership/rules/resolve';
import { chooseResponder } from '@shared/ownership/rules/responds';
import { continuityRisk, rankRisks } from '@shared/ownership/rules/risk';
import { type PersonRef, personKey, type RowType } from '@shared/ownership/rules/vocabulary';
import { awayDaysOf, type Loaded, loadFacts, personOf } from './facts';
import { ownershipSettings } from './settings';

/** One engagement checked: its cells with their severities and its findings (without the cross-engagement load check). */
type Checked = Loaded & { cells: MatrixCell[]; findings: OwnershipFinding[] };

function check(loaded: Loaded): Checked {
  const cells = resolveCells(loaded.facts);
  const findings = engagementFindings(loaded.facts, cells);
  return { ...loaded, cells: withSeverity(cells, findings, loaded.facts.rows), findings };
}

/** Engagements checked on one day, and the single-point-of-failure-by-load findings across them. */
export type CheckedAll = { checked: Checked[]; overload: OwnershipFinding[] };

/** Every engagement (or some) checked, plus the single-point-of-failure-by-load findings across them. */
export function checkAll(ctx: Context, engagementIds: readonly string[] | null, asOf: string): CheckedAll {
  const checked = loadFacts(ctx, engagementIds, asOf).map(check);
  const people = checked[0]?.facts.people ?? new Map();
  const threshold = checked[0]?.facts.settings.spofThreshold ?? 0;
  const overload = overloadFindings(
    checked.map((c) => ({ engagementId: c.engagement.id, engagementLoad: accountableLoad(c.cells) })),
    people,
    threshold,
  );
  return { checked, overload };
}

export function countsOf(findings: readonly { severity: Severity }[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function engagementOrThrow(ctx: Context, engagementId: string) {
  const engagement = ctx.repos.engagements.get(engagementId);
  if (!engagement) throw unknownReference('Engagement', engagementId, 'engagementId');
  return engagement;
}

/**
 * The matrix of one engagement on a day: rows (models, each followed by its assets), the duties in force, each
 * cell's holders and worst finding, and the counts of the engagement's findings (cells and models; a person's
 * load across engagements is a finding of the findings list and the person's page).
 */
export function matrixOf(
  ctx: Context,
  input: { engagementId: string; asOf?: string | undefined; person?: string | undefined; type?: RowType | undefined },
): OwnershipMatrix {
  engagementOrThrow(ctx, input.engagementId);
  const asOf = input.asOf ?? ctx.today();
  const [loaded] = loadFacts(ctx, [input.engagementId], asOf);
  if (!loaded) throw notFound('Engagement', input.engagementId);
  const checked = check(loaded);
  return toMatrix(checked, input.person, input.type);
}

function toMatrix(checked: Checked, person?: string, type?: RowType): OwnershipMatrix {
  const { engagement, facts } = checked;
  let rows = facts.rows.map(({ inServiceFrom: _f, inServiceTo: _t, ...row }) => row);
  let cells = checked.cells;
  if (type !== undefined) rows = rows.filter((r) => r.type === type);
  if (person !== undefined && person !== '') {
    const holding = new Set(cells.filter((c) => c.holders.some((h) => h.personKey === person)).map((c) => c.targetId));
    rows = rows.filter((r) => holding.has(r.id));
  }
  if (rows.length !== facts.rows.length) {
    const shown = new Set(rows.map((r) => r.id));
    cells = cells.filter((c) => shown.has(c.targetId));
  }
  const named = new Set(cells.flatMap((c) => c.holders.map((h) => h.personKey)));
  const inForce = new Set(cells.map((c) => c.dutyKey));
  return {
    engagementId: engagement.id,
    engagementName: engagement.name,
    clientId: engagement.clientId,
    clientName: engagement.clientName,
    asOf: facts.asOf,
    duties: facts.duties.filter((d) => inForce.has(d.key) || d.retiredOn === null || d.retiredOn > facts.asOf),
    rows,
    cells,
    people: [...named].map((key) => personOf(facts.people, key)).sort((a, b) => a.name.localeCompare(b.name)),
    counts: countsOf(checked.findings),
  };
}

/** Names for findings: rows, duties, people of the engagements checked. */
function itemsOf(checked: readonly Checked[], findings: readonly OwnershipFinding[]): OwnershipFindingItem[] {
  const byEngagement = new Map(checked.map((c) => [c.engagement.id, c]));
  const rowNames = new Map<string, string>();
  const dutyNames = new Map<string, string>();
  for (const c of checked) {
    for (const r of c.facts.rows) rowNames.set(r.id, r.name);
    for (const d of c.facts.duties) dutyNames.set(`${c.engagement.id}|${d.key}`, d.name);
  }
  const people = checked[0]?.facts.people ?? new Map();
  return sortFindings(findings).map((f) => {
    const engagement = byEngagement.get(f.engagementId)?.engagement;
    return {
      ...f,
      engagementName: engagement?.name ?? '',
      clientId: engagement?.clientId ?? '',
      clientName: engagement?.clientName ?? '',
      targetName: f.targetId ? (rowNames.get(f.targetId) ?? null) : null,
      dutyName: f.dutyKey ? (dutyNames.get(`${f.engagementId}|${f.dutyKey}`) ?? null) : null,
      personName: f.person ? personOf(people, personKey(f.person)).name : null,
    };
  });
}

/** What the checks find as of a day over every engagement (the load check needs them all), filtered as asked. */
export function findingsOf(
  ctx: Context,
  input: { engagementId?: string | undefined; clientId?: string | undefined; asOf?: string | undefined },
): FindingsView {
  if (input.engagementId !== undefined) engagementOrThrow(ctx, input.engagementId);
  if (input.clientId !== undefined && !ctx.repos.clients.get(input.clientId)) throw unknownReference('Client', input.clientId, 'clientId');
  const asOf = input.asOf ?? ctx.today();
  return findingsIn(checkAll(ctx, null, asOf), asOf, input);
}

/** The findings of some engagements (or a client's, or all) out of a check of every engagement. */
export function findingsIn(
  { checked, overload }: CheckedAll,
  asOf: string,
  input: { engagementId?: string | undefined; clientId?: string | undefined },
): FindingsView {
  const wanted = checked.filter(
    (c) =>
      (input.engagementId === undefined || c.engagement.id === input.engagementId) &&
      (input.clientId === undefined || c.engagement.clientId === input.clientId),
  );
  const ids = new Set(wanted.map((c) => c.engagement.id));
  const findings = [...wanted.flatMap((c) => c.findings), ...overload.filter((f) => ids.has(f.engagementId))];
  const items = itemsOf(checked, findings);
  return { asOf, findings: items, counts: countsOf(items) };
}

/** Everything a person holds on a day, on every engagement, with their load check and roll-offs. */
export function personLoadOf(ctx: Context, person: PersonRef, asOf: string): PersonLoad {
  const key = personKey(person);
  const known = ctx.repos.ownershipReads.people([person]).get(key);
  if (!known) throw unknownReference(person.kind === 'specialist' ? 'Specialist' : 'Contact', person.id, 'person.id');
  const engagementIds = [...new Set(ctx.repos.assignments.ofPersonFrom(person.kind, person.id, asOf, null).map((a) => a.engagementId))];
  const all = engagementIds.length > 0 ? checkAll(ctx, engagementIds, asOf) : { checked: [], overload: [] };
  return personLoadIn(ctx, all, known, asOf);
}

/** A person's load out of a check that covers every engagement where they hold something on the day. */
export function personLoadIn(ctx: Context, { checked, overload }: CheckedAll, known: MatrixPerson, asOf: string): PersonLoad {
  const key = known.key;
  const holdings: Holding[] = [];
  for (const c of checked) {
    const rowById = new Map(c.facts.rows.map((r) => [r.id, r]));
    const dutyName = new Map(c.facts.duties.map((d) => [d.key, d.name]));
    for (const cell of c.cells) {
      for (const h of cell.holders) {
        if (h.personKey !== key) continue;
        const row = rowById.get(cell.targetId);
        holdings.push({
          engagementId: c.engagement.id,
          engagementName: c.engagement.name,
          clientName: c.engagement.clientName,
          targetKind: cell.targetKind,
          targetId: cell.targetId,
          targetName: row?.name ?? '',
          modelId: row?.modelId ?? null,
          dutyKey: cell.dutyKey,
          dutyName: dutyName.get(cell.dutyKey) ?? cell.dutyKey,
          role: h.role,
          inherited: cell.inherited,
          assignmentId: h.assignmentId,
          fromDate: h.fromDate,
          toDate: h.toDate,
        });
      }
    }
  }
  const mine = (f: OwnershipFinding) => f.person !== null && personKey(f.person) === key;
  const findings = itemsOf(checked, [...checked.flatMap((c) => c.findings).filter(mine), ...overload.filter(mine)]);
  const settings = checked[0]?.facts.settings;
  const rollOffs = findings
    .filter((f) => f.code === 'roll_off' && f.date !== null)
    .map((f) => ({ engagementId: f.engagementId, engagementName: f.engagementName, endDate: f.date ?? '' }))
    .filter((r, i, all) => all.findIndex((x) => x.engagementId === r.engagementId && x.endDate === r.endDate) === i);
  return {
    person: known,
    asOf,
    holdings,
    accountableCount: holdings.filter((h) => h.role === 'accountable').length,
    spofThreshold: settings?.spofThreshold ?? ownershipSettings(ctx).spofThreshold,
    findings,
    rollOffs,
  };
}

/** Continuity risk per model on a day, ranked across clients. */
export function riskOf(ctx: Context, input: { clientId?: string | undefined; asOf?: string | undefined }): RiskRanking {
  if (input.clientId !== undefined && !ctx.repos.clients.get(input.clientId)) throw unknownReference('Client', input.clientId, 'clientId');
  const asOf = input.asOf ?? ctx.today();
  const { checked } = checkAll(ctx, null, asOf);
  const models: ModelRisk[] = [];
  for (const c of checked) {
    if (input.clientId !== undefined && c.engagement.clientId !== input.clientId) continue;
    for (const row of c.facts.rows) {
      if (row.kind !== 'model' || row.riskTier === null) continue;
      const findings = c.findings.filter((f) => f.modelId === row.id);
      const { score, contributions } = continuityRisk({
        model: row,
        findings,
        busFactor: busFactor(c.cells, row.id),
        accountableRollingOff: findings.some((f) => f.code === 'roll_off'),
      });
      models.push({
        modelId: row.id,
        modelName: row.name,
        riskTier: row.riskTier,
        engagementId: c.engagement.id,
        engagementName: c.engagement.name,
        clientId: c.engagement.clientId,
        clientName: c.engagement.clientName,
        busFactor: busFactor(c.cells, row.id),
        score,
        contributions,
      });
    }
  }
  return { asOf, models: rankRisks(models) };
}

/**
 * Who responds to an incident on a model at an instant: the incident-response Accountable on the client's day,
 * unless they are away that day, not on the engagement or archived — then the Backup. Another duty's holder the
 * same way (monitoring asks who acts on an SLO's breach: the holder of the SLO's duty).
 */
export function whoResponds(
  ctx: Context,
  modelId: string,
  at: string,
  duty: { key: string; name: string } = INCIDENT_RESPONSE,
): WhoResponds {
  const model = ctx.repos.models.get(modelId);
  if (!model) throw unknownReference('Model', modelId, 'modelId');
  const base = { modelId, modelName: model.name, at };
  if (model.engagementId === null) {
    return {
      ...base,
      date: at.slice(0, 10),
      responder: null,
      accountable: null,
      backup: null,
      reason: `${model.name} is not run by an engagement, so nobody is on duty for it.`,
    };
  }
  const client = ctx.repos.clients.get(model.clientId);
  const date = localDateOf(at, client ? timeZoneOf({ timeZone: client.timeZone, holidayCalendar: client.holidayCalendar }) : 'UTC');
  const [loaded] = loadFacts(ctx, [model.engagementId], date);
  if (!loaded) throw notFound('Engagement', model.engagementId);
  const cells = resolveCells(loaded.facts, date);
  const cell = cells.find((c) => c.targetId === modelId && c.dutyKey === duty.key);
  const holder = (role: 'accountable' | 'backup') => {
    const h = cell?.holders.find((x) => x.role === role);
    return h ? personOf(loaded.facts.people, h.personKey) : null;
  };
  const accountable = holder('accountable');
  const backup = holder('backup');
  const unavailable = (p: NonNullable<typeof accountable>): string | null => {
    if (p.inactive) return `${p.name} is no longer active`;
    if (p.kind === 'specialist' && awayDaysOf(ctx, [p.id], date, date, true).get(p.key)?.has(date)) return `${p.name} is away today`;
    if (p.kind === 'specialist' && !(loaded.facts.allocations.get(p.key) ?? []).some((s) => s.startDate <= date && s.endDate >= date)) {
      return `${p.name} is not on the engagement today`;
    }
    return null;
  };
  const { responder, reason } = chooseResponder({
    modelName: model.name,
    dutyName: duty.name,
    applicable: cell?.applicable ?? false,
    accountable,
    backup,
    unavailable,
  });
  return { ...base, date, responder, accountable, backup, reason };
}

const INCIDENT_RESPONSE = { key: 'incident_response', name: 'incident response' };

export type { Checked };
export { check, itemsOf, toMatrix };
