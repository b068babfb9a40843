import { publicHolidays } from '@backend/core/calendars';
import type { SampleStep } from '@backend/core/sample';
import { firstDayOf, lastDayOf, monthOf } from '@shared/billing/rules/months';
import { addDays, isWeekend, toDay, weekday } from '@shared/kernel/days';
import { createRate, setBillingTerms } from './billingTermsService';
import { approveMonth, issueInvoice } from './monthCloseService';
import {
  SAMPLE_CLOSES,
  SAMPLE_GAPS,
  SAMPLE_HOURS_FROM_MONTH,
  SAMPLE_HOURS_THROUGH_MONTH,
  SAMPLE_HOURS_TO,
  SAMPLE_LONG_DAY,
  SAMPLE_MODEL_WORK,
  SAMPLE_TERMS,
  sampleDay,
  sampleRates,
} from './sampleHours';
import { writeCell } from './timesheetService';

/**
 * Sample rates, terms, hours and month closes, written through the ordinary
 * services so every rule (24 h a day, engagement dates, locks) and the audit
 * apply. Runs after the plan, continuity and the portfolio: the hours follow
 * the allocations as the plan and the fulfilled replacements left them, and
 * some name the sample models (SAMPLE_MODEL_WORK).
 */
export const billingSample: SampleStep = {
  area: 'billing',
  load(ctx, run) {
    for (const terms of SAMPLE_TERMS) {
      const engagementId = run.id(terms.engagement);
      setBillingTerms(ctx, {
        engagementId,
        roundingMinutes: terms.roundingMinutes,
        monthlyCapMinutes: terms.monthlyCapHours === null ? null : terms.monthlyCapHours * 60,
      });
      for (const rate of sampleRates(terms)) {
        createRate(ctx, { engagementId, specialistId: null, ...rate, effectiveFrom: run.date(rate.effectiveFrom) });
      }
      for (const o of terms.overrides ?? []) {
        createRate(ctx, {
          engagementId,
          role: null,
          specialistId: run.id(o.specialist),
          effectiveFrom: run.date(o.from),
          hourlyRateMinor: o.hourlyRate * terms.scale,
        });
      }
    }

    const hoursFrom = firstDayOf(run.month(SAMPLE_HOURS_FROM_MONTH));
    const lastFriday = run.date(SAMPLE_HOURS_TO);
    const lastOfApproved = lastDayOf(run.month(SAMPLE_HOURS_THROUGH_MONTH));
    const hoursTo = lastFriday > lastOfApproved ? lastFriday : lastOfApproved;
    const gaps = new Set(SAMPLE_GAPS.map((g) => `${run.id(g.specialist)}|${run.date(g.date)}`));
    const longDay = { ...SAMPLE_LONG_DAY, specialistId: run.id(SAMPLE_LONG_DAY.specialist), date: run.date(SAMPLE_LONG_DAY.date) };
    /** Engagement × month pairs with hours: only those are closed (a month with nothing billable cannot be invoiced). */
    const booked = new Set<string>();
    // The models each engagement's rotating activity goes to (the portfolio's sample step ran before this one).
    const modelWork = new Map(
      SAMPLE_MODEL_WORK.map((w) => [
        run.id(w.engagement),
        w.models.map((name) => {
          const clientId = ctx.repos.engagements.get(run.id(w.engagement))?.clientId ?? '';
          const model = ctx.repos.models.findByName(clientId, name);
          if (!model) throw new Error(`The sample hours name the model “${name}”, which the sample portfolio does not hold.`);
          return model;
        }),
      ]),
    );
    const modelOn = (engagementId: string, dayIndex: number, date: string): string | null => {
      const models = (modelWork.get(engagementId) ?? []).filter((m) => m.inServiceSince <= date);
      return models.length ? (models[dayIndex % models.length]?.id ?? null) : null;
    };

    const timeEntries = ctx.write((audit, at) => {
      let entries = 0;
      const write = (cell: Parameters<typeof writeCell>[1]) => {
        writeCell(ctx, cell, audit, at);
        booked.add(`${cell.engagementId}|${monthOf(cell.date)}`);
        entries++;
      };
      // Every confirmed allocation, including those that filled a staffing request or a replacement.
      for (const allocation of ctx.repos.allocations.live()) {
        if (allocation.status !== 'confirmed') continue;
        const person = ctx.repos.specialists.get(allocation.specialistId);
        if (!person) continue;
        const from = allocation.startDate > hoursFrom ? allocation.startDate : hoursFrom;
        const to = allocation.endDate < hoursTo ? allocation.endDate : hoursTo;
        const absences = ctx.repos.absences.inWindow(from, to, person.id);
        const minutes = Math.round((480 * allocation.loadPercent) / 100);
        let index = 0;
        for (let date = from; date <= to; date = addDays(date, 1)) {
          const day = toDay(date);
          const holidays = publicHolidays(person.homeCountry, person.homeSubdivision, Number(date.slice(0, 4)));
          if (isWeekend(day) || holidays.has(day) || gaps.has(`${person.id}|${date}`)) continue;
          if (absences.some((a) => a.startDate <= date && a.endDate >= date)) continue;
          const target = { specialistId: person.id, engagementId: allocation.engagementId, date };
          const dayIndex = index++;
          const model = modelOn(allocation.engagementId, Math.floor(dayIndex / 5), date);
          for (const part of sampleDay(dayIndex, weekday(day), minutes, model)) write({ ...target, ...part });
          if (person.id === longDay.specialistId && date === longDay.date) {
            const already = ctx.repos.timeEntries
              .cell(person.id, allocation.engagementId, 'incident_response', null, date)
              .reduce((n, e) => n + e.minutes, 0);
            write({
              ...target,
              activity: 'incident_response',
              modelId: null,
              minutes: already + longDay.extraMinutes,
              note: 'Scoring latency incident: rollback to the previous model version',
            });
          }
        }
      }
      return entries;
    });

    let invoices = 0;
    for (const close of SAMPLE_CLOSES) {
      const engagementId = run.id(close.engagement);
      const month = run.month(close.month);
      if (!booked.has(`${engagementId}|${month}`)) continue;
      approveMonth(ctx, engagementId, month);
      if (close.invoice) {
        issueInvoice(ctx, engagementId, month);
        invoices++;
      }
    }
    return { timeEntries, invoices };
  },
};
