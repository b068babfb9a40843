import { isDeepStrictEqual } from 'node:util';
import { listMonth } from '@backend/billing/monthCloseService';
import { type BillableRow, TimeEntryRepository } from '@backend/billing/timeEntryRepository';
import type { Db } from '@backend/core/db/connection';
import type { Backend } from '@backend/index';
import { type BillingSpecialist, computeInvoice, type InvoiceComputation } from '@shared/billing/rules/invoice';
import { firstDayOf, lastDayOf } from '@shared/billing/rules/months';
import type { Rate } from '@shared/billing/rules/rates';
import type { EngagementMonth, ListResult, Result } from '@shared/contract';
import { billingBareQueries, type EngagementInvoice, MONTH_SUMS_SQL, type MonthSum } from './billingBare';
import { compare, type MeasureOptions, type Report, type Stats } from './harness';

/**
 * The month close of one month for every engagement (months.list) against one
 * hand-written SQL aggregate of the same minutes over the covering month
 * index, with the steps in between so the report shows where the time goes:
 * the service without the contract, the invoices alone (entries read and
 * computeInvoice per engagement, the reference data read beforehand), and the
 * entries read alone. A second SQL statement computes the invoice totals too
 * (rates, rounding, VAT), checked equal to Keel's, as a floor for the whole
 * computation. Figures and ratios only. The aim: at most 2× the SQL.
 */

const TARGET_RATIO = 2;

export type Runs = Pick<MeasureOptions<undefined, unknown>, 'runs' | 'warmup'>;

function resultOf<T>(name: string, result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function mismatch(what: string, keel: unknown, sql: unknown): never {
  throw new Error(
    `${what}: Keel and the SQL statement disagree:\n  Keel ${JSON.stringify(keel)}\n  SQL  ${JSON.stringify(sql)}\nThe comparison would be meaningless.`,
  );
}

/**
 * The SQL a repository method prepares, recorded by handing a fresh
 * repository a connection whose `prepare` writes the text down: what
 * EXPLAIN QUERY PLAN is run on is exactly what Keel runs, not a copy.
 */
export function sqlOf(db: Db, call: (repo: TimeEntryRepository) => unknown): string {
  const seen: string[] = [];
  const recorder = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          seen.push(sql);
          return target.prepare(sql);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const repo = new TimeEntryRepository(recorder);
  seen.length = 0; // the statements the constructor prepares
  const result = call(repo);
  // An iterator keeps the connection busy until it is closed.
  if (result && typeof result === 'object' && 'return' in result && typeof result.return === 'function') result.return();
  const sql = seen.at(-1);
  if (!sql) throw new Error('The repository method prepared no statement.');
  return sql;
}

/** EXPLAIN QUERY PLAN, one detail per step, indented by depth. */
export function queryPlan(db: Db, sql: string, params: readonly unknown[] | Record<string, unknown>): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>();
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}

/** Reference data the invoice-only path reads before it is timed: rates, people, terms and VAT per engagement. */
function invoiceInputs(backend: Backend, engagements: readonly EngagementMonth[], month: string) {
  const { repos } = backend.ctx;
  const rates = new Map<string, Rate[]>();
  for (const r of repos.billing.ratesInEffect(firstDayOf(month), lastDayOf(month))) {
    const list = rates.get(r.engagementId);
    if (list) list.push(r);
    else rates.set(r.engagementId, [r]);
  }
  const terms = repos.billing.allTerms();
  const people = new Map<string, BillingSpecialist>();
  for (const s of backend.db
    .prepare<[], { id: string; name: string; role: BillingSpecialist['role'] }>('SELECT id, full_name AS name, role FROM specialist')
    .all()) {
    people.set(s.id, s);
  }
  const vat = new Map(
    engagements.map((m) => {
      const engagement = repos.engagements.get(m.engagementId);
      return [m.engagementId, engagement ? (repos.clients.get(engagement.clientId)?.vatBasisPoints ?? 0) : 0];
    }),
  );
  return { rates, terms, people, vat };
}

/** Keel's pure invoice computation for every engagement of the month, from the entries it reads. */
function invoicesOnly(
  backend: Backend,
  month: string,
  engagements: readonly EngagementMonth[],
  inputs: ReturnType<typeof invoiceInputs>,
): Map<string, InvoiceComputation> {
  const entries = backend.ctx.repos.timeEntries.billable(firstDayOf(month), lastDayOf(month));
  const byEngagement = new Map<string, BillableRow[]>();
  for (const e of entries) {
    const list = byEngagement.get(e.engagementId);
    if (list) list.push(e);
    else byEngagement.set(e.engagementId, [e]);
  }
  const out = new Map<string, InvoiceComputation>();
  for (const m of engagements) {
    const own = byEngagement.get(m.engagementId) ?? [];
    const ids = new Set(own.map((e) => e.specialistId));
    const specialists = [...ids].map((id) => inputs.people.get(id)).filter((s): s is BillingSpecialist => s !== undefined);
    out.set(
      m.engagementId,
      computeInvoice({
        month,
        currency: m.currency,
        roundingMinutes: inputs.terms.get(m.engagementId)?.roundingMinutes ?? 0,
        vatBasisPoints: inputs.vat.get(m.engagementId) ?? 0,
        entries: own,
        specialists,
        rates: inputs.rates.get(m.engagementId) ?? [],
      }),
    );
  }
  return out;
}

/** Throws unless Keel's month list, Keel's invoices and both SQL statements give the same minutes and amounts. */
function check(
  keel: readonly EngagementMonth[],
  invoices: ReadonlyMap<string, InvoiceComputation>,
  sums: readonly MonthSum[],
  sqlInvoices: readonly EngagementInvoice[],
): void {
  const sqlByEngagement = new Map<string, number>();
  for (const s of sums) sqlByEngagement.set(s.engagementId, (sqlByEngagement.get(s.engagementId) ?? 0) + s.minutes);
  const listed = new Set(keel.map((m) => m.engagementId));
  for (const id of sqlByEngagement.keys()) if (!listed.has(id)) mismatch(`engagement ${id} with hours`, 'not listed', 'listed');
  for (const m of keel) {
    const sql = sqlByEngagement.get(m.engagementId) ?? 0;
    if (m.minutes !== sql) mismatch(`minutes of ${m.clientName} · ${m.engagementName}`, m.minutes, sql);
  }

  // Per engagement and specialist: the lines and unrated minutes of Keel's invoices against the GROUP BY.
  const keelPairs = new Map<string, number>();
  for (const [engagementId, invoice] of invoices) {
    const add = (specialistId: string, minutes: number) =>
      keelPairs.set(`${engagementId}|${specialistId}`, (keelPairs.get(`${engagementId}|${specialistId}`) ?? 0) + minutes);
    for (const l of invoice.lines) add(l.specialistId, l.minutes);
    for (const u of invoice.unrated) add(u.specialistId, u.minutes);
  }
  const sqlPairs = new Map(sums.map((s) => [`${s.engagementId}|${s.specialistId}`, s.minutes]));
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (!isDeepStrictEqual(sorted(keelPairs), sorted(sqlPairs)))
    mismatch('minutes per engagement and specialist', sorted(keelPairs), sorted(sqlPairs));

  const sqlTotals = new Map(sqlInvoices.map((i) => [i.engagementId, i]));
  for (const m of keel) {
    const invoice = invoices.get(m.engagementId);
    const sql = sqlTotals.get(m.engagementId) ?? { minutes: 0, billedMinutes: 0, netMinor: 0, vatMinor: 0, grossMinor: 0 };
    const keelFigures = { net: m.netMinor, vat: m.vatMinor, gross: m.grossMinor, billed: invoice?.billedMinutes ?? 0 };
    const sqlFigures = { net: sql.netMinor, vat: sql.vatMinor, gross: sql.grossMinor, billed: sql.billedMinutes };
    if (!isDeepStrictEqual(keelFigures, sqlFigures)) mismatch(`amounts of ${m.clientName} · ${m.engagementName}`, keelFigures, sqlFigures);
    if (invoice && invoice.netMinor !== m.netMinor)
      mismatch(`computeInvoice vs months.list for ${m.engagementName}`, invoice.netMinor, m.netMinor);
  }
}

function ratioVerdict(keel: Stats, sql: Stats): string {
  const ratio = keel.median / sql.median;
  return `months.list (dispatch) ${keel.median.toFixed(1)} ms vs SQL aggregate ${sql.median.toFixed(2)} ms = ${ratio.toFixed(1)}× — aim ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`;
}

/** Adds the month close rows to the report; returns the lines printed under the table. */
export async function monthCloseCases(report: Report, backend: Backend, month: string, runs: Runs): Promise<string[]> {
  const { ctx, db } = backend;
  const from = firstDayOf(month);
  const to = lastDayOf(month);
  const bare = billingBareQueries(db);
  const input = { month } as const;

  const listed = resultOf<ListResult<EngagementMonth>>('months.list', await backend.dispatch('months.list', input)).rows;
  const inputs = invoiceInputs(backend, listed, month);
  check(listed, invoicesOnly(backend, month, listed, inputs), bare.sums(from, to), bare.invoices(from, to));

  const entryCount = ctx.repos.timeEntries.billable(from, to).length;
  const withHours = new Set(bare.sums(from, to).map((s) => s.engagementId)).size;
  report.section(
    `Hours & billing: month close of ${month}, all engagements (${listed.length} listed, ${withHours} with hours, ${entryCount} entries)`,
  );
  const describe = (r: unknown): string => {
    if (typeof r === 'number') return `${r} entries read`;
    if (r instanceof Map) return `${r.size} invoices`;
    if (Array.isArray(r)) return `${r.length} rows`;
    return '';
  };
  // The engagement with the most hours: reviewing one month of it should read only its own data.
  const busiest = [...listed].sort((a, b) => b.minutes - a.minutes)[0];
  if (!busiest) throw new Error('The bench month has no engagement to review.');
  const reviewInput = { engagementId: busiest.engagementId, month } as const;
  const [viaDispatch, viaService, viaInvoices, viaEntries, sqlInvoice, sqlSums, oneReview] = await compare<unknown>(
    [
      {
        name: 'months.list — contract (dispatch)',
        fn: async () => resultOf<ListResult<EngagementMonth>>('months.list', await backend.dispatch('months.list', input)).rows,
      },
      { name: 'months.list — service (listMonth)', fn: () => listMonth(ctx, month) },
      { name: 'invoices only: entries + computeInvoice', fn: () => invoicesOnly(backend, month, listed, inputs) },
      { name: 'entries read only (timeEntries.billable)', fn: () => ctx.repos.timeEntries.billable(from, to).length },
      { name: 'SQL invoice totals (rates, rounding, VAT)', fn: () => bare.invoices(from, to) },
      { name: 'SQL aggregate sum(minutes) GROUP BY', fn: () => bare.sums(from, to) },
      {
        name: 'months.review — one engagement (dispatch)',
        fn: async () => resultOf<unknown>('months.review', await backend.dispatch('months.review', reviewInput)),
      },
    ],
    { ...runs, describe },
  );
  if (!viaDispatch || !viaService || !viaInvoices || !viaEntries || !sqlInvoice || !sqlSums || !oneReview) {
    throw new Error('compare() returned fewer stats than variants.');
  }
  for (const stats of [viaDispatch, viaService, viaInvoices, viaEntries, sqlInvoice]) report.add(stats, sqlSums);
  report.add(sqlSums, 'self');
  report.add(oneReview, viaDispatch);

  const monthQuery = sqlOf(db, (repo) => repo.billable(from, to));
  const plan = queryPlan(db, monthQuery, [from, to]);
  const covering = plan.some((step) => step.includes('USING COVERING INDEX time_entry_month'));
  const sumsPlan = queryPlan(db, MONTH_SUMS_SQL, [from, to]);
  const other = viaService.median - viaInvoices.median;
  return [
    `Month close  ${ratioVerdict(viaDispatch, sqlSums)}`,
    `Checked      identical before timing: minutes per engagement (months.list = SQL), per engagement × specialist (computeInvoice = SQL),`,
    `             net, VAT, gross and billed minutes per engagement (months.list = computeInvoice = SQL invoice statement)`,
    `Breakdown    listMonth ${viaService.median.toFixed(1)} ms = entries read ${viaEntries.median.toFixed(1)} ms + invoices ${(viaInvoices.median - viaEntries.median).toFixed(1)} ms` +
      ` + ~${other.toFixed(1)} ms for the rest of the review (allocations, absences, caps, people, holidays, missing-day and cap checks)`,
    `Review       one engagement's month (${busiest.engagementName}, ${Math.round(busiest.minutes / 60)} h): ${oneReview.median.toFixed(1)} ms, ` +
      `${((100 * oneReview.median) / viaDispatch.median).toFixed(0)}% of months.list for all ${listed.length} — it reads only that engagement's terms, caps, allocations and absences`,
    `Query plan   timeEntries.billable: ${plan.join(' / ')} — ${covering ? 'uses the covering index time_entry_month' : 'does NOT use the covering index time_entry_month'}`,
    `             SQL aggregate:        ${sumsPlan.join(' / ')}`,
  ];
}
