import { refuse } from '@backend/core/archive';
import { publicHolidaysBetween } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type {
  EngagementMonth,
  Invoice,
  InvoiceWithLines,
  MonthCloseState,
  MonthListItem,
  MonthReviewResult,
} from '@shared/billing/contract/billing';
import { approvedFigures, changedSinceApproval, invoiceNumber, type MonthStatus } from '@shared/billing/rules/monthClose';
import { invoiceCancelRefusal, MONTH_TRANSITIONS, type MonthSituation, monthActions } from '@shared/billing/rules/monthState';
import { datesOf, firstDayOf, lastDayOf, monthLabel } from '@shared/billing/rules/months';
import type { Rate } from '@shared/billing/rules/rates';
import { type MonthReview, monthReview, type ReviewSpecialist } from '@shared/billing/rules/review';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import type { Specialist } from '@shared/clients/contract/specialists';
import { groupBy } from '@shared/kernel/collections';
import { addDays, isWeekend, toDay } from '@shared/kernel/days';
import { notFound, unknownReference } from '@shared/kernel/errors';
import { errorsIn, ofSeverity } from '@shared/kernel/severity';
import { spanRange } from '@shared/plan/rules/allocations';
import type { PlanAbsence, PlanAllocation } from '@shared/plan/rules/plan';
import type { EngagementTerms } from './billingRepository';
import { billingSettings } from './billingSettings';
import type { BillableRow } from './timeEntryRepository';

/**
 * The month close: load one month's entries, rates, caps, allocations and
 * absences in a handful of queries, hand them to the pure review in
 * shared/billing/rules, and move the month open → approved → invoiced as the
 * month state machine (shared/billing/rules/monthState.ts) allows.
 */

type Scope = { month: string; engagements: readonly EngagementListItem[]; entries: readonly BillableRow[] };

/** What the reviews of a month read besides the entries, keyed by engagement (absences by specialist). */
type ReviewRecords = {
  rates: Map<string, Rate[]>;
  terms: Map<string, EngagementTerms | null>;
  allocations: Map<string, PlanAllocation[]>;
  usingAllocations: ReadonlySet<string>;
  caps: Map<string, number>;
  absences: Map<string, PlanAbsence[]>;
};

/**
 * One engagement's review loads only that engagement's terms, caps and
 * allocations and its own people's absences; the month list loads every
 * engagement's in one query each, so it stays a handful of queries however
 * many engagements run.
 */
function loadRecords(ctx: Context, scope: Scope): ReviewRecords {
  const from = firstDayOf(scope.month);
  const to = lastDayOf(scope.month);
  const { repos } = ctx;
  const only = scope.engagements.length === 1 ? scope.engagements[0] : undefined;
  if (only) {
    const allocations = repos.allocations.liveInWindow(from, to, only.id);
    const people = new Set([
      ...scope.entries.filter((e) => e.engagementId === only.id).map((e) => e.specialistId),
      ...allocations.map((a) => a.specialistId),
    ]);
    return {
      rates: groupBy(repos.billing.ratesInEffect(from, to, only.id), (r) => r.engagementId),
      terms: new Map([[only.id, repos.billing.terms(only.id)]]),
      allocations: groupBy(allocations, (a) => a.engagementId),
      usingAllocations: new Set(repos.allocations.engagementUsesAllocations(only.id) ? [only.id] : []),
      caps: repos.billing.capsByPerson(only.id),
      absences: groupBy(repos.absences.inWindowOf([...people], from, to), (a) => a.specialistId),
    };
  }
  return {
    rates: groupBy(repos.billing.ratesInEffect(from, to), (r) => r.engagementId),
    terms: repos.billing.allTerms(),
    allocations: groupBy(repos.allocations.liveInWindow(from, to), (a) => a.engagementId),
    usingAllocations: repos.allocations.engagementsAllocated(),
    caps: repos.billing.capsByPerson(),
    absences: groupBy(repos.absences.inWindow(from, to), (a) => a.specialistId),
  };
}

/** Reviews of every engagement in scope, computed from batch-loaded records. */
function reviews(ctx: Context, scope: Scope): Map<string, MonthReview> {
  const { month } = scope;
  const year = Number(month.slice(0, 4));
  const { repos } = ctx;
  const loaded = loadRecords(ctx, scope);
  const entries = groupBy(scope.entries, (e) => e.engagementId);
  const settings = billingSettings(ctx);
  const yesterday = addDays(ctx.today(), -1);
  const vat = new Map<string, number>();
  const people = new Map<string, Specialist | null>();
  const person = (id: string) => {
    if (!people.has(id)) people.set(id, repos.specialists.get(id));
    return people.get(id) ?? null;
  };
  const out = new Map<string, MonthReview>();
  for (const engagement of scope.engagements) {
    const own = entries.get(engagement.id) ?? [];
    const allocs = loaded.allocations.get(engagement.id) ?? [];
    const specialistIds = new Set([...own.map((e) => e.specialistId), ...allocs.map((a) => a.specialistId)]);
    const specialists: ReviewSpecialist[] = [];
    for (const id of specialistIds) {
      const s = person(id);
      if (!s) continue;
      specialists.push({
        id: s.id,
        name: s.fullName,
        role: s.role,
        holidays: publicHolidaysBetween(s.homeCountry, s.homeSubdivision, year, year),
        absences: (loaded.absences.get(s.id) ?? []).map(spanRange),
        employedFrom: s.startDate,
        capMinutes: loaded.caps.get(`${engagement.id}|${s.id}`) ?? null,
      });
    }
    if (!vat.has(engagement.clientId)) vat.set(engagement.clientId, repos.clients.get(engagement.clientId)?.vatBasisPoints ?? 0);
    const t = loaded.terms.get(engagement.id) ?? { roundingMinutes: 0, monthlyCapMinutes: null };
    out.set(
      engagement.id,
      monthReview({
        month,
        currency: engagement.currency,
        roundingMinutes: t.roundingMinutes,
        vatBasisPoints: vat.get(engagement.clientId) ?? 0,
        entries: own,
        specialists,
        rates: loaded.rates.get(engagement.id) ?? [],
        allocations: allocs,
        usesAllocations: loaded.usingAllocations.has(engagement.id),
        engagementCapMinutes: t.monthlyCapMinutes,
        dailyThresholdMinutes: settings.dailyThresholdMinutes,
        asOf: yesterday,
      }),
    );
  }
  return out;
}

function engagementOrThrow(ctx: Context, id: string): EngagementListItem {
  const engagement = ctx.repos.engagements.get(id);
  if (!engagement) throw unknownReference('Engagement', id, 'engagementId');
  return engagement;
}

/** One engagement's month, reviewed from its own records only. */
function reviewOf(ctx: Context, engagement: EngagementListItem, month: string): MonthReview {
  const entries = ctx.repos.timeEntries.billableFor(engagement.id, firstDayOf(month), lastDayOf(month));
  return reviews(ctx, { month, engagements: [engagement], entries }).get(engagement.id) as MonthReview;
}

const whenOf = (engagement: EngagementListItem, month: string) => `${monthLabel(month)} of ${engagement.name}`;

/** What the month state machine needs to know about this month today. */
function situation(
  ctx: Context,
  engagement: EngagementListItem,
  month: string,
  review: MonthReview,
  status: MonthStatus,
  invoiceNumber: string | null,
): MonthSituation {
  const when = whenOf(engagement, month);
  const approved = status === 'approved' ? (ctx.repos.invoices.approvedInvoice(engagement.id, month) ?? '') : '';
  return {
    status,
    month,
    today: ctx.today(),
    when,
    errors: errorsIn(review.warnings).map((w) => w.message),
    invoiceNumber,
    changedSinceApproval: changedSinceApproval(approved, review.invoice, when),
    hasLines: review.invoice.lines.length > 0,
    engagement: { startDate: engagement.startDate, endDate: engagement.endDate },
  };
}

/** The review as the drawer shows it: the month's state, its invoices, and the steps the close allows now. */
function reviewResult(
  ctx: Context,
  engagement: EngagementListItem,
  month: string,
  review: MonthReview,
  state: MonthCloseState,
): MonthReviewResult {
  const invoices = ctx.repos.invoices.list({ month, engagementId: engagement.id });
  const live = invoices.find((i) => i.status === 'issued');
  const issued = live ? ctx.repos.invoices.get(live.id) : null;
  return {
    ...review,
    state,
    engagement: { id: engagement.id, name: engagement.name, clientName: engagement.clientName, currency: engagement.currency },
    issued,
    cancelledInvoices: invoices.filter((i) => i.status === 'cancelled'),
    dates: datesOf(month).map((date) => ({ date, weekend: isWeekend(toDay(date)) })),
    actions: monthActions(situation(ctx, engagement, month, review, state.status, issued?.number ?? null)),
  };
}

export function reviewMonth(ctx: Context, engagementId: string, month: string): MonthReviewResult {
  const engagement = engagementOrThrow(ctx, engagementId);
  return reviewResult(ctx, engagement, month, reviewOf(ctx, engagement, month), ctx.repos.invoices.monthState(engagementId, month));
}

export type MonthOverview = {
  rows: EngagementMonth[];
  /** The computed review of each listed engagement. */
  reviews: Map<string, MonthReview>;
  /** The issued invoice of each invoiced engagement. */
  issued: Map<string, Invoice>;
};

/**
 * Every engagement running in the month (or with hours or an invoice in it),
 * or just one, with its close status, amounts and review — each computed once.
 */
export function monthOverview(ctx: Context, month: string, engagementId?: string): MonthOverview {
  const from = firstDayOf(month);
  const to = lastDayOf(month);
  const entries = engagementId ? ctx.repos.timeEntries.billableFor(engagementId, from, to) : ctx.repos.timeEntries.billable(from, to);
  const states = ctx.repos.invoices.monthStates(month);
  const withHours = new Set(entries.map((e) => e.engagementId));
  const candidates = engagementId
    ? [engagementOrThrow(ctx, engagementId)]
    : ctx.repos.engagements.list({ archived: 'all', sort: 'name', direction: 'asc' });
  const engagements = candidates
    .filter(
      (e) =>
        e.id === engagementId ||
        withHours.has(e.id) ||
        states.has(e.id) ||
        (!e.archivedAt && e.status !== 'proposed' && e.startDate <= to && (e.endDate === null || e.endDate >= from)),
    )
    .sort((a, b) => a.clientName.localeCompare(b.clientName) || a.name.localeCompare(b.name));
  const computed = reviews(ctx, { month, engagements, entries });
  const issued = new Map(
    ctx.repos.invoices
      .list({ month, engagementId })
      .filter((i) => i.status === 'issued')
      .map((i) => [i.engagementId, i]),
  );
  const rows = engagements.map((e) => {
    const review = computed.get(e.id) as MonthReview;
    const invoice = issued.get(e.id);
    const state = states.get(e.id) ?? { engagementId: e.id, month, status: 'open' as const, approvedAt: null, approvedBy: null };
    return {
      ...state,
      engagementName: e.name,
      clientName: e.clientName,
      // An invoiced month shows its invoice's figures, so also its currency.
      currency: invoice ? invoice.currency : e.currency,
      // Every hour recorded: billable, not billable, and (before invoicing) those still without a rate.
      minutes: invoice
        ? invoice.minutes + invoice.nonBillableMinutes
        : review.invoice.minutes + review.invoice.nonBillableMinutes + review.invoice.unrated.reduce((n, u) => n + u.minutes, 0),
      netMinor: invoice ? invoice.netMinor : review.invoice.netMinor,
      vatMinor: invoice ? invoice.vatMinor : review.invoice.vatMinor,
      grossMinor: invoice ? invoice.grossMinor : review.invoice.grossMinor,
      invoiceNumber: invoice?.number ?? null,
      errors: errorsIn(review.warnings).length,
      warnings: ofSeverity(review.warnings, 'warning').length,
    };
  });
  return { rows, reviews: computed, issued };
}

/** The month close list: each engagement's month without what only the review drawer shows (the month asked, who approved it when). */
export const listMonth = (ctx: Context, month: string): MonthListItem[] =>
  monthOverview(ctx, month).rows.map(({ month: _month, approvedAt: _at, approvedBy: _by, ...row }) => row);

export function approveMonth(ctx: Context, engagementId: string, month: string): MonthReviewResult {
  return ctx.write((audit, at) => {
    const engagement = engagementOrThrow(ctx, engagementId);
    const before = ctx.repos.invoices.monthState(engagementId, month);
    // Computed once: the figures approved are the figures returned.
    const review = reviewOf(ctx, engagement, month);
    refuse(monthActions(situation(ctx, engagement, month, review, before.status, null)).approve.refusal);
    const state = { engagementId, month, status: 'approved' as const, approvedAt: at, approvedBy: ctx.actor };
    ctx.repos.invoices.setMonth(state, at, approvedFigures(review.invoice));
    audit({
      entity: 'month_close',
      entityId: engagementId,
      label: whenOf(engagement, month),
      action: 'approve',
      before: { month, status: 'open' },
      after: { month, status: 'approved', minutes: review.invoice.minutes, netMinor: review.invoice.netMinor },
    });
    ctx.emit('billing.monthApproved', { engagementId, month, approvedAt: at, approvedBy: ctx.actor });
    return reviewResult(ctx, engagement, month, review, state);
  });
}

export function reopenMonth(ctx: Context, engagementId: string, month: string): MonthReviewResult {
  return ctx.write((audit, at) => {
    const engagement = engagementOrThrow(ctx, engagementId);
    const state = ctx.repos.invoices.monthState(engagementId, month);
    const review = reviewOf(ctx, engagement, month);
    refuse(monthActions(situation(ctx, engagement, month, review, state.status, null)).reopen.refusal);
    const reopened = { engagementId, month, status: 'open' as const, approvedAt: null, approvedBy: null };
    ctx.repos.invoices.setMonth(reopened, at);
    audit({
      entity: 'month_close',
      entityId: engagementId,
      label: whenOf(engagement, month),
      action: 'reopen',
      before: state,
      after: { month, status: 'open' },
    });
    return reviewResult(ctx, engagement, month, review, reopened);
  });
}

export function issueInvoice(ctx: Context, engagementId: string, month: string): InvoiceWithLines {
  return ctx.write((audit, at) => {
    const engagement = engagementOrThrow(ctx, engagementId);
    const state = ctx.repos.invoices.monthState(engagementId, month);
    const review = reviewOf(ctx, engagement, month);
    const number = state.status === 'invoiced' ? (ctx.repos.invoices.live(engagementId, month)?.number ?? null) : null;
    refuse(monthActions(situation(ctx, engagement, month, review, state.status, number)).issue.refusal);
    const { invoice: computed } = review;
    const when = whenOf(engagement, month);
    const year = Number(ctx.today().slice(0, 4));
    const sequence = ctx.repos.invoices.nextSequence(year);
    const invoice = {
      id: newId(),
      number: invoiceNumber(billingSettings(ctx).invoicePrefix, year, sequence),
      year,
      sequence,
      engagementId,
      month,
      clientName: engagement.clientName,
      engagementName: engagement.name,
      currency: computed.currency,
      roundingMinutes: computed.roundingMinutes,
      minutes: computed.minutes,
      billedMinutes: computed.billedMinutes,
      nonBillableMinutes: computed.nonBillableMinutes,
      netMinor: computed.netMinor,
      vatBasisPoints: computed.vatBasisPoints,
      vatMinor: computed.vatMinor,
      grossMinor: computed.grossMinor,
      status: 'issued' as const,
      issuedAt: at,
      issuedBy: ctx.actor,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: '',
    };
    ctx.repos.invoices.insert(invoice, computed.lines);
    ctx.repos.invoices.setMonth({ ...state, status: 'invoiced' }, at);
    const { year: _y, sequence: _s, ...shown } = invoice;
    audit({
      entity: 'invoice',
      entityId: invoice.id,
      label: `${invoice.number} · ${when}`,
      action: 'issue',
      before: null,
      after: { ...shown, lines: computed.lines },
    });
    return ctx.repos.invoices.get(invoice.id) as InvoiceWithLines;
  });
}

export function cancelInvoice(ctx: Context, id: string, reason: string): InvoiceWithLines {
  return ctx.write((audit, at) => {
    const before = ctx.repos.invoices.get(id);
    if (!before) throw notFound('Invoice', id);
    refuse(invoiceCancelRefusal(before));
    ctx.repos.invoices.cancel(id, at, ctx.actor, reason);
    // Cancelling reopens the month (see MONTH_TRANSITIONS.cancel): it is reviewed and approved again before a new invoice.
    const state = ctx.repos.invoices.monthState(before.engagementId, before.month);
    ctx.repos.invoices.setMonth({ ...state, status: MONTH_TRANSITIONS.cancel.to }, at);
    const after = ctx.repos.invoices.get(id) as InvoiceWithLines;
    const { lines: _l, ...beforeShown } = before;
    const { lines: _a, ...afterShown } = after;
    audit({
      entity: 'invoice',
      entityId: id,
      label: `${before.number} · ${monthLabel(before.month)} of ${before.engagementName}`,
      action: 'cancel',
      before: beforeShown,
      after: afterShown,
    });
    return after;
  });
}
