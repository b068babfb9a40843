import { refuse } from '@backend/core/archive';
import { publicHolidaysBetween } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { approvedFigures, changedSinceApproval, invoiceNumber } from '@shared/billing/rules/monthClose';
import { datesOf, firstDayOf, lastDayOf, monthLabel } from '@shared/billing/rules/months';
import type { Rate } from '@shared/billing/rules/rates';
import { type MonthReview, monthReview, type ReviewSpecialist } from '@shared/billing/rules/review';
import type { EngagementListItem, EngagementMonth, Invoice, InvoiceWithLines, MonthReviewResult, Specialist } from '@shared/contract';
import { groupBy } from '@shared/kernel/collections';
import { addDays, isWeekend, toDay } from '@shared/kernel/days';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import { spanRange } from '@shared/plan/rules/allocations';
import { billingSettings } from './billingSettings';
import type { BillableRow } from './timeEntryRepository';

/**
 * The month close: load one month's entries, rates, caps, allocations and
 * absences in a handful of queries, hand them to the pure review in
 * shared/domain/billing, and move the month open → approved → invoiced.
 */

type Scope = { month: string; engagements: EngagementListItem[]; entries: BillableRow[] };

/** Reviews of every engagement in scope, computed from batch-loaded records. */
function reviews(ctx: Context, scope: Scope): Map<string, MonthReview> {
  const { month } = scope;
  const from = firstDayOf(month);
  const to = lastDayOf(month);
  const year = Number(month.slice(0, 4));
  const { repos } = ctx;
  const ids = scope.engagements.map((e) => e.id);
  const allRates = groupBy<Rate>(repos.billing.ratesInEffect(from, to, ids.length === 1 ? ids[0] : undefined), (r) => r.engagementId);
  const terms = repos.billing.allTerms();
  const entries = groupBy(scope.entries, (e) => e.engagementId);
  const allocations = groupBy(repos.allocations.liveInWindow(from, to), (a) => a.engagementId);
  const usingAllocations = repos.allocations.engagementsAllocated();
  const caps = repos.billing.allSpecialistCaps();
  const absences = groupBy(repos.absences.list({ from, to }), (a) => a.specialistId);
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
    const allocs = allocations.get(engagement.id) ?? [];
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
        absences: (absences.get(s.id) ?? []).map(spanRange),
        employedFrom: s.startDate,
        capMinutes: caps.get(`${engagement.id}|${s.id}`) ?? null,
      });
    }
    if (!vat.has(engagement.clientId)) vat.set(engagement.clientId, repos.clients.get(engagement.clientId)?.vatBasisPoints ?? 0);
    const t = terms.get(engagement.id) ?? { roundingMinutes: 0, monthlyCapMinutes: null };
    out.set(
      engagement.id,
      monthReview({
        month,
        currency: engagement.currency,
        roundingMinutes: t.roundingMinutes,
        vatBasisPoints: vat.get(engagement.clientId) ?? 0,
        entries: own,
        specialists,
        rates: allRates.get(engagement.id) ?? [],
        allocations: allocs,
        usesAllocations: usingAllocations.has(engagement.id),
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

export function reviewMonth(ctx: Context, engagementId: string, month: string): MonthReviewResult {
  const engagement = engagementOrThrow(ctx, engagementId);
  const entries = ctx.repos.timeEntries.billableFor(engagementId, firstDayOf(month), lastDayOf(month));
  const review = reviews(ctx, { month, engagements: [engagement], entries }).get(engagementId) as MonthReview;
  const invoices = ctx.repos.invoices.list({ month, engagementId });
  const live = invoices.find((i) => i.status === 'issued');
  return {
    ...review,
    state: ctx.repos.invoices.monthState(engagementId, month),
    engagement: { id: engagement.id, name: engagement.name, clientName: engagement.clientName, currency: engagement.currency },
    issued: live ? ctx.repos.invoices.get(live.id) : null,
    cancelledInvoices: invoices.filter((i) => i.status === 'cancelled'),
    dates: datesOf(month).map((date) => ({ date, weekend: isWeekend(toDay(date)) })),
  };
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
      minutes: invoice ? invoice.minutes : review.invoice.minutes + review.invoice.unrated.reduce((n, u) => n + u.minutes, 0),
      netMinor: invoice ? invoice.netMinor : review.invoice.netMinor,
      vatMinor: invoice ? invoice.vatMinor : review.invoice.vatMinor,
      grossMinor: invoice ? invoice.grossMinor : review.invoice.grossMinor,
      invoiceNumber: invoice?.number ?? null,
      errors: review.warnings.filter((w) => w.severity === 'error').length,
      warnings: review.warnings.filter((w) => w.severity === 'warning').length,
    };
  });
  return { rows, reviews: computed, issued };
}

export const listMonth = (ctx: Context, month: string): EngagementMonth[] => monthOverview(ctx, month).rows;

export function approveMonth(ctx: Context, engagementId: string, month: string): MonthReviewResult {
  return ctx.write((audit, at) => {
    const review = reviewMonth(ctx, engagementId, month);
    const when = `${monthLabel(month)} of ${review.engagement.name}`;
    if (review.state.status !== 'open') throw new DomainError('conflict', `${when} is already ${review.state.status}.`);
    if (firstDayOf(month) > ctx.today()) throw new DomainError('conflict', `${when} has not started yet, so it cannot be approved.`);
    if (!review.canApprove) {
      const errors = review.warnings.filter((w) => w.severity === 'error').map((w) => w.message);
      throw new DomainError('conflict', `${when} cannot be approved yet. ${errors.join(' ')}`);
    }
    const state = { engagementId, month, status: 'approved' as const, approvedAt: at, approvedBy: ctx.actor };
    ctx.repos.invoices.setMonth(state, at, approvedFigures(review.invoice));
    audit({
      entity: 'month_close',
      entityId: engagementId,
      label: when,
      action: 'approve',
      before: { month, status: 'open' },
      after: { month, status: 'approved', minutes: review.invoice.minutes, netMinor: review.invoice.netMinor },
    });
    return reviewMonth(ctx, engagementId, month);
  });
}

export function reopenMonth(ctx: Context, engagementId: string, month: string): MonthReviewResult {
  return ctx.write((audit, at) => {
    const engagement = engagementOrThrow(ctx, engagementId);
    const state = ctx.repos.invoices.monthState(engagementId, month);
    const when = `${monthLabel(month)} of ${engagement.name}`;
    if (state.status === 'open') throw new DomainError('conflict', `${when} is open already.`);
    if (state.status === 'invoiced') {
      throw new DomainError('conflict', `${when} is invoiced. Cancel its invoice with a reason to reopen it.`);
    }
    ctx.repos.invoices.setMonth({ ...state, status: 'open' }, at);
    audit({
      entity: 'month_close',
      entityId: engagementId,
      label: when,
      action: 'reopen',
      before: state,
      after: { month, status: 'open' },
    });
    return reviewMonth(ctx, engagementId, month);
  });
}

export function issueInvoice(ctx: Context, engagementId: string, month: string): InvoiceWithLines {
  return ctx.write((audit, at) => {
    const review = reviewMonth(ctx, engagementId, month);
    const when = `${monthLabel(month)} of ${review.engagement.name}`;
    if (review.state.status === 'invoiced') throw new DomainError('conflict', `${when} is already invoiced (${review.issued?.number}).`);
    if (review.state.status !== 'approved') throw new DomainError('conflict', `${when} must be approved before its invoice is issued.`);
    const { invoice: computed } = review;
    if (!review.canApprove) {
      const errors = review.warnings.filter((w) => w.severity === 'error').map((w) => w.message);
      throw new DomainError('conflict', `${when} cannot be invoiced. ${errors.join(' ')}`);
    }
    refuse(changedSinceApproval(ctx.repos.invoices.approvedInvoice(engagementId, month) ?? '', computed, when));
    if (!computed.lines.length) throw new DomainError('conflict', `${when} has no billable hours, so there is nothing to invoice.`);
    const year = Number(ctx.today().slice(0, 4));
    const sequence = ctx.repos.invoices.nextSequence(year);
    const engagement = engagementOrThrow(ctx, engagementId);
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
    ctx.repos.invoices.setMonth({ ...review.state, status: 'invoiced' }, at);
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
    if (before.status === 'cancelled') throw new DomainError('conflict', `Invoice ${before.number} is already cancelled.`);
    ctx.repos.invoices.cancel(id, at, ctx.actor, reason);
    const state = ctx.repos.invoices.monthState(before.engagementId, before.month);
    ctx.repos.invoices.setMonth({ ...state, status: 'open' }, at);
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
