import { assertUnchanged } from '@backend/core/archive';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { BillingTerms } from '@shared/billing/contract/billing';
import { monthLabel, monthOf } from '@shared/billing/rules/months';
import { ROLE_LABELS } from '@shared/clients/rules/reference';
import type { ParsedInputOf } from '@shared/contract';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import { formatMoney } from '@shared/kernel/money';

/** An engagement's billing terms: rounding, caps, its client's VAT, and its effective-dated rates. */
export function billingTerms(ctx: Context, engagementId: string): BillingTerms {
  const engagement = ctx.repos.engagements.get(engagementId);
  const terms = ctx.repos.billing.terms(engagementId);
  if (!engagement || !terms) throw notFound('Engagement', engagementId);
  const client = ctx.repos.clients.get(engagement.clientId);
  return {
    engagementId,
    engagementName: engagement.name,
    clientName: engagement.clientName,
    currency: engagement.currency,
    ...terms,
    vatBasisPoints: client?.vatBasisPoints ?? 0,
    specialistCaps: ctx.repos.billing.specialistCaps(engagementId),
    rates: ctx.repos.billing.rates(engagementId),
    updatedAt: engagement.updatedAt,
  };
}

export function setBillingTerms(ctx: Context, input: ParsedInputOf<'billing.setTerms'>): BillingTerms {
  return ctx.write((audit, at) => {
    const before = billingTerms(ctx, input.engagementId);
    assertUnchanged(before, input.expectedUpdatedAt, `${before.engagementName}`);
    const after = { roundingMinutes: input.roundingMinutes, monthlyCapMinutes: input.monthlyCapMinutes };
    ctx.repos.billing.setTerms(input.engagementId, after, at);
    audit({
      entity: 'billing_terms',
      entityId: input.engagementId,
      label: before.engagementName,
      action: 'update',
      before: { roundingMinutes: before.roundingMinutes, monthlyCapMinutes: before.monthlyCapMinutes },
      after,
    });
    return billingTerms(ctx, input.engagementId);
  });
}

export function setSpecialistCap(ctx: Context, input: ParsedInputOf<'billing.setSpecialistCap'>): BillingTerms {
  return ctx.write((audit, at) => {
    const terms = billingTerms(ctx, input.engagementId);
    const specialist = ctx.repos.specialists.get(input.specialistId);
    if (!specialist) throw unknownReference('Specialist', input.specialistId, 'specialistId');
    const before = terms.specialistCaps.find((c) => c.specialistId === input.specialistId) ?? null;
    ctx.repos.billing.setSpecialistCap(input.engagementId, input.specialistId, input.monthlyCapMinutes, at);
    audit({
      entity: 'billing_terms',
      entityId: input.engagementId,
      label: `${terms.engagementName} · cap of ${specialist.fullName}`,
      action: input.monthlyCapMinutes === null ? 'delete' : before ? 'update' : 'create',
      before,
      after: input.monthlyCapMinutes === null ? null : { specialistId: specialist.id, monthlyCapMinutes: input.monthlyCapMinutes },
    });
    return billingTerms(ctx, input.engagementId);
  });
}

/** A rate change from this date would rewrite a closed month: refuse, naming it. */
function assertNoClosedMonth(ctx: Context, engagementId: string, engagementName: string, effectiveFrom: string, verb: string): void {
  const closed = ctx.repos.invoices.closedFrom(engagementId, monthOf(effectiveFrom))[0];
  if (!closed) return;
  throw new DomainError(
    'conflict',
    `${verb} a rate effective ${dateLabel(effectiveFrom)} would change ${monthLabel(closed.month)} of ${engagementName}, which is ${closed.status}. ` +
      (closed.status === 'approved' ? 'Withdraw that approval first.' : 'Cancel that invoice first, or make the rate effective after it.'),
    [{ path: 'effectiveFrom', message: `falls before ${closed.status === 'invoiced' ? 'an' : 'a'} ${closed.status} month` }],
  );
}

export function createRate(ctx: Context, input: ParsedInputOf<'rates.create'>): BillingTerms {
  return ctx.write((audit, at) => {
    const engagement = ctx.repos.engagements.get(input.engagementId);
    if (!engagement) throw unknownReference('Engagement', input.engagementId, 'engagementId');
    let who = input.role ? ROLE_LABELS[input.role] : '';
    if (input.specialistId) {
      const specialist = ctx.repos.specialists.get(input.specialistId);
      if (!specialist) throw unknownReference('Specialist', input.specialistId, 'specialistId');
      who = specialist.fullName;
    }
    if (ctx.repos.billing.sameStart(input)) {
      throw new DomainError(
        'conflict',
        `${who} already has a rate on ${engagement.name} effective from ${dateLabel(input.effectiveFrom)}. Pick another date, or delete that rate first.`,
        [{ path: 'effectiveFrom', message: 'already has a rate from this date' }],
      );
    }
    assertNoClosedMonth(ctx, engagement.id, engagement.name, input.effectiveFrom, 'Adding');
    const rate = { id: newId(), ...input };
    ctx.repos.billing.insertRate(rate, at);
    audit({
      entity: 'rate',
      entityId: rate.id,
      label: `${engagement.name} · ${who} · ${formatMoney(rate.hourlyRateMinor, engagement.currency)}/h from ${dateLabel(rate.effectiveFrom)}`,
      action: 'create',
      before: null,
      after: { ...rate, currency: engagement.currency },
    });
    return billingTerms(ctx, engagement.id);
  });
}

export function deleteRate(ctx: Context, id: string): BillingTerms {
  return ctx.write((audit) => {
    const rate = ctx.repos.billing.rate(id);
    if (!rate) throw notFound('Rate', id);
    if (ctx.repos.billing.rateUsedByIssuedInvoice(id)) {
      throw new DomainError(
        'conflict',
        `This rate was billed on an issued invoice, so it stays: past months keep the rate they had. Add a new rate with a later "effective from" date instead.`,
      );
    }
    const engagement = ctx.repos.engagements.get(rate.engagementId);
    assertNoClosedMonth(ctx, rate.engagementId, engagement?.name ?? 'the engagement', rate.effectiveFrom, 'Deleting');
    ctx.repos.billing.deleteRate(id);
    audit({
      entity: 'rate',
      entityId: id,
      label: `${engagement?.name ?? ''} · rate from ${dateLabel(rate.effectiveFrom)}`,
      action: 'delete',
      before: rate,
      after: null,
    });
    return billingTerms(ctx, rate.engagementId);
  });
}
